"""VC427 corpus (Django): `HttpResponse` sends its body as HTML unless its `content_type` says otherwise."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.html import escape, format_html


@login_required
def transcript(request, ticket):
    lines = [f"<p><b>{escape(m.author)}</b>: {m.body}</p>" for m in ticket.messages.all()]
    # expect: VC427
    return HttpResponse(f"<h1>Ticket {ticket.pk}</h1>" + "".join(lines))


@login_required
def subject(request, ticket):
    # expect: VC427
    return HttpResponse(f"<h1>{ticket.subject}</h1>")


@login_required
def transcript_escaped(request, ticket):
    # ok: VC427
    return HttpResponse("<ul>" + "".join(f"<li>{escape(m.body)}</li>" for m in ticket.messages.all()) + "</ul>")


@login_required
def subject_formatted(request, ticket):
    # ok: VC427
    return HttpResponse(format_html("<h1>{}</h1>", ticket.subject))


@login_required
def subject_text(request, ticket):
    # ok: VC427 -- sent as plain text
    return HttpResponse(f"<{ticket.subject}>", content_type="text/plain")
