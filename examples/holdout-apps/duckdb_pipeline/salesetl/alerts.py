"""Email alerts for failed runs."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage

from .settings import ALERT_TO, SMTP_HOST, SMTP_PASSWORD, SMTP_USER

log = logging.getLogger(__name__)


def _message(subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = ", ".join(ALERT_TO)
    msg["Subject"] = subject
    msg.set_content(body)
    return msg


def send_alert(subject: str, body: str) -> None:
    with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
        # expect: VC418
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(_message(subject, body))


def send_alert_tls(subject: str, body: str) -> None:
    context = ssl.create_default_context()
    with smtplib.SMTP(SMTP_HOST, 587, timeout=20) as smtp:
        smtp.starttls(context=context)
        # ok: VC418
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(_message(subject, body))
    # expect: VC407
    log.info("alert sent as %s with password %s", SMTP_USER, SMTP_PASSWORD)
