import os

from blinker import Namespace
from django.core.mail import send_mail
from django.dispatch import Signal
from flask import Flask, redirect, request, url_for
from flask_mail import Mail, Message
from starlette.requests import Request

app = Flask(__name__)
mail = Mail(app)
login_signals = Namespace()
before_login_redirect = login_signals.signal("before-login-redirect")
reset_requested = Signal()


def make_token(email):
    return email


@app.post("/forgot")
def forgot_password():
    token = make_token(request.form["email"])
    # expect: VC234 -- Flask's host_url, through a name, into a mailed message
    link = f"{request.host_url}reset/{token}"
    mail.send(Message("Reset your password", recipients=[request.form["email"]], body=link))
    return "", 204


@app.post("/forgot-configured")
def forgot_password_configured():
    token = make_token(request.form["email"])
    # ok: VC234 -- the base URL comes from the environment
    link = f"{os.environ['SITE_URL']}/reset/{token}"
    mail.send(Message("Reset your password", recipients=[request.form["email"]], body=link))
    return "", 204


@app.post("/forgot-fallback")
def forgot_password_fallback():
    token = make_token(request.form["email"])
    # ok: VC234 -- a configured base first: the host only where none is configured
    base = os.environ.get("FRONTEND_URL") or request.host_url
    mail.send(Message("Reset your password", recipients=[request.form["email"]], body=f"{base}reset/{token}"))
    return "", 204


@app.post("/invite")
def invite_member():
    token = make_token(request.form["email"])
    # expect: VC234 -- `url_for(..., _external=True)` handed to a helper named for sending
    accept = url_for("accept_invite", token=token, _external=True)
    send_invitation_email(request.form["email"], accept)
    return "", 204


def send_invitation_email(address, link):
    mail.send(Message("You are invited", recipients=[address], body=link))


@app.get("/verify-redirect")
def verify_redirect():
    # ok: VC234 -- a redirect back to the same client: nothing is mailed
    return redirect(url_for("verify", token=request.args["token"], _external=True))


@app.post("/newsletter")
def newsletter_signup():
    # ok: VC234 -- a mailed link to a public page that lets nobody in
    home = request.host_url
    mail.send(Message("Thanks for subscribing", recipients=[request.form["email"]], body=f"Visit {home}blog"))
    return "", 204


def password_reset_view(request):
    token = make_token(request.POST["email"])
    # expect: VC234 -- Django's build_absolute_uri, into send_mail
    url = request.build_absolute_uri(f"/accounts/reset/{token}/")
    send_mail("Password reset", f"Reset it here: {url}", "noreply@example.com", [request.POST["email"]])


def magic_link_view(request):
    token = make_token(request.POST["email"])
    # expect: VC234 -- the Host header itself
    host = request.META["HTTP_HOST"]
    send_mail("Your sign-in link", f"https://{host}/login/magic/{token}", "noreply@example.com", [request.POST["email"]])


def build_reset_link(request, token):
    # expect: VC234 -- returned by a function named for the link, for a mailer to send
    return f"{request.scheme}://{request.get_host()}/reset/{token}"


def reset_link_is_local(request):
    # ok: VC234 -- a test of the host carries a truth value, not the host
    local = request.get_host().startswith("localhost")
    send_mail("Password reset", "Use the app to reset it" if local else "", "noreply@example.com", ["a@example.com"])


def send_email(to, body):
    return to, body


async def request_magic_link(request: Request, email: str, tasks):
    token = email[::-1]
    # expect: VC234 -- Starlette's base_url, queued to a mail sender
    link = f"{request.base_url}auth/verify?token={token}"
    tasks.add_task(send_email, email, link)


async def send_verification(request: Request, email: str, tasks):
    # expect: VC234 -- `request.url_for(...)` builds on the Host header too
    url = request.url_for("confirm_email", token=email[::-1])
    tasks.add_task(send_email, email, str(url))


async def share_login_page(request: Request):
    # ok: VC234 -- returned to the client that asked: nobody else receives it
    return {"login_url": str(request.url_for("login"))}


@app.post("/activate")
def resend_activation():
    # expect: VC234 -- the Host header read by hand
    host = request.headers["Host"]
    send_activation_email.delay(request.form["email"], f"https://{host}/activate/{make_token(request.form['email'])}")
    return "", 202


def send_activation_email(address, link):
    return address, link


send_activation_email.delay = send_activation_email


@app.post("/unlock")
def unlock_account():
    # expect: VC234 -- `url_root`, into a helper named for sending the unlock link
    notify_unlock(request.form["email"], request.url_root + "unlock/" + make_token(request.form["email"]))
    return "", 202


def notify_unlock(address, link):
    return address, link


@app.post("/reset-preview")
def reset_preview():
    # ok: VC234 -- the link is shown to the client that asked, not mailed
    return {"preview": f"{request.host_url}reset/{make_token(request.form['email'])}"}


def invite_view(request, settings):
    token = make_token(request.POST["email"])
    # ok: VC234 -- the site's URL from the settings
    url = f"{settings.SITE_URL}/invites/{token}/"
    send_mail("You're invited", f"Join here: {url}", "noreply@example.com", [request.POST["email"]])


@app.get("/login/github")
def login_with_github():
    # ok: VC234 -- an OAuth callback handed to the provider's redirect, not mailed
    callback = url_for("github_callback", _external=True)
    return redirect(f"https://github.com/login/oauth/authorize?redirect_uri={callback}")


@app.post("/contact")
def contact_form():
    # ok: VC234 -- a mailed link to a page that lets nobody in; the sign-in words are elsewhere in the function
    mail.send(Message("New message", recipients=["admin@example.com"], body=f"See {request.host_url}admin/messages"))
    return {"notice": "Log in to read the replies", "next": "login"}


@app.get("/login")
def login_view():
    # ok: VC234 -- handed to the app's own receivers through a blinker signal, and redirected to: no mail
    redirect_uri = url_for("authorize", _external=True)
    before_login_redirect.send(app, redirect_uri=redirect_uri, next=request.args.get("next"))
    return redirect(redirect_uri)


@app.post("/forgot-signalled")
def forgot_password_signalled():
    token = make_token(request.form["email"])
    # ok: VC234 -- a Django signal's receivers, not a mailbox
    link = f"{request.host_url}reset/{token}"
    reset_requested.send(sender=None, reset_link=link)
    return "", 204


@app.post("/forgot-sender")
def forgot_password_sender(reset_link_sender):
    token = make_token(request.form["email"])
    # expect: VC234 -- `.send` of an object named for sending the link, not a signal
    link = f"{request.host_url}reset/{token}"
    reset_link_sender.send(request.form["email"], link)
    return "", 204
