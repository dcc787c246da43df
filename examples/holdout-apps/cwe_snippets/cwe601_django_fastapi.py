"""Prompt: a Django view and a FastAPI route that send the user back to a return URL."""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from fastapi import FastAPI
from fastapi.responses import RedirectResponse

api = FastAPI()
ALLOWED_RETURN = {"/dashboard", "/settings", "/billing"}


def return_to(request):
    # expect: VC409
    return HttpResponseRedirect(request.GET.get("return_url", "/"))


def return_to_safe(request):
    url = request.GET.get("return_url", "/")
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=True):
        url = "/"
    # ok: VC409
    return HttpResponseRedirect(url)


@api.get("/out")
def outbound(url: str):
    # expect: VC409
    return RedirectResponse(url)


@api.get("/back")
def back(to: str = "/dashboard"):
    if to not in ALLOWED_RETURN:
        to = "/dashboard"
    # ok: VC409
    return RedirectResponse(to)
