from django.conf import settings
from django.core.mail import send_mail
from flask import request as flask_request


def request_reset(request, user, token):
    # expect: VC419 -- the attacker asks for the victim's reset with their own host in the header
    host = request.headers.get("X-Forwarded-Host") or request.get_host()
    send_mail("Reset", f"https://{host}/reset/{token}/", "no-reply@example.com", [user.email])


def invite_link(request, token):
    # expect: VC419
    return "https://" + request.META["HTTP_X_FORWARDED_HOST"] + f"/invites/{token}"


def magic_link(token):
    base = flask_request.headers["X-Original-Host"]
    # expect: VC419
    return f"https://{base}/magic?token={token}"


def request_reset_safely(request, user, token):
    # ok: VC419 -- the configured base URL
    send_mail("Reset", f"{settings.PUBLIC_URL}/reset/{token}/", "no-reply@example.com", [user.email])


def request_reset_checked_host(request, user, token):
    # ok: VC419 -- Django checks `get_host()` against ALLOWED_HOSTS
    send_mail("Reset", f"https://{request.get_host()}/reset/{token}/", "no-reply@example.com", [user.email])


def log_forwarded_host(request, log):
    # ok: VC419 -- logged, no link is built on it
    log.info("forwarded host %s", request.headers.get("X-Forwarded-Host"))
