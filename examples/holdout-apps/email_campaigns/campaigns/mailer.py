import smtplib
import ssl
from email.message import EmailMessage

from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

from . import config

sandbox = SandboxedEnvironment(autoescape=True)


def render_body(body: str, subscriber: dict, unsubscribe_url: str) -> str:
    # expect: VC426/VC412
    return Template(body).render(subscriber=subscriber, unsubscribe_url=unsubscribe_url)


def render_body_sandboxed(body: str, subscriber: dict, unsubscribe_url: str) -> str:
    # ok: VC426/VC412
    return sandbox.from_string(body).render(subscriber=subscriber, unsubscribe_url=unsubscribe_url)


def build_message(to: str, subject: str, html: str, unsubscribe_url: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = config.FROM_ADDRESS
    msg["To"] = to
    msg["Subject"] = subject
    msg["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    msg.set_content("This message is best viewed as HTML.")
    msg.add_alternative(html, subtype="html")
    return msg


def send(msg: EmailMessage) -> None:
    with smtplib.SMTP(config.SMTP_HOST, config.SMTP_PORT, timeout=30) as smtp:
        # expect: VC418
        smtp.login(config.SMTP_USER, config.SMTP_PASSWORD)
        smtp.send_message(msg)


def send_secure(msg: EmailMessage) -> None:
    with smtplib.SMTP_SSL(config.SMTP_HOST, 465, context=ssl.create_default_context(), timeout=30) as smtp:
        # ok: VC418
        smtp.login(config.SMTP_USER, config.SMTP_PASSWORD)
        smtp.send_message(msg)


def send_contact(reply_to: str, subject: str, message: str) -> None:
    raw = (
        f"From: {config.FROM_ADDRESS}\r\n"
        f"To: support@example.com\r\n"
        f"Reply-To: {reply_to}\r\n"
        f"Subject: [contact] {subject}\r\n"
        "\r\n"
        f"{message}\r\n"
    )
    with smtplib.SMTP(config.SMTP_HOST, config.SMTP_PORT, timeout=30) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        smtp.login(config.SMTP_USER, config.SMTP_PASSWORD)
        # expect: VC409
        smtp.sendmail(config.FROM_ADDRESS, ["support@example.com"], raw)


def send_contact_message(reply_to: str, subject: str, message: str) -> None:
    msg = EmailMessage()
    msg["From"] = config.FROM_ADDRESS
    msg["To"] = "support@example.com"
    msg["Reply-To"] = reply_to
    msg["Subject"] = f"[contact] {subject}"
    msg.set_content(message)
    # ok: VC409
    send_secure(msg)
