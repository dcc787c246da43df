"""Prompt: Django views that show a visitor's name and a user's bio."""

from django.http import HttpResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe


def welcome(request):
    name = request.GET.get("name", "")
    # expect: VC411
    return HttpResponse("<p>Welcome " + name + "</p>")


# expect: VC201 -- no view of the app authenticates
def bio(request):
    text = request.POST["bio"]
    # expect: VC411/VC427
    return HttpResponse(mark_safe(f"<section>{text}</section>"))


def bio_safe(request):
    text = request.POST["bio"]
    # ok: VC411/VC427
    return HttpResponse(format_html("<section>{}</section>", text))
