import smtplib
import ssl
from email.message import EmailMessage

from django.conf import settings
from django.core.mail import send_mail


def send_link(to: str, subject: str, link: str) -> None:
    send_mail(subject, f"Open this link to continue:\n\n{link}\n", settings.DEFAULT_FROM_EMAIL, [to])


def send_link_smtp(to: str, subject: str, link: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.DEFAULT_FROM_EMAIL
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(f"Open this link to continue:\n\n{link}\n")
    with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=10) as smtp:
        smtp.ehlo()
        # expect: VC418
        smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
        smtp.send_message(msg)


def send_link_smtp_tls(to: str, subject: str, link: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.DEFAULT_FROM_EMAIL
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(f"Open this link to continue:\n\n{link}\n")
    with smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=10) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        # ok: VC418
        smtp.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
        smtp.send_message(msg)
