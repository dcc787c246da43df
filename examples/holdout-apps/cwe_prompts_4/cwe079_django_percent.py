"""Prompt: a Django view that shows the search term back on the results page."""
from django.http import HttpResponse
from django.utils.html import escape, format_html


def results(request):
    term = request.GET.get("q", "")
    body = "<p>You searched for <b>%s</b></p>" % term
    # expect: VC411/VC427
    return HttpResponse(body)


def results_safe(request):
    term = request.GET.get("q", "")
    # ok: VC411/VC427
    return HttpResponse(format_html("<p>You searched for <b>{}</b></p>", term))


def results_escaped(request):
    term = escape(request.GET.get("q", ""))
    body = "<p>You searched for <b>%s</b></p>" % term
    # ok: VC411/VC427
    return HttpResponse(body)
