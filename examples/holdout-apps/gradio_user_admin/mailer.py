"""Outgoing mail for password resets."""

from __future__ import annotations

import logging
import os
import smtplib
from email.message import EmailMessage

log = logging.getLogger(__name__)

SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.example.com")
SMTP_USER = os.environ.get("SMTP_USER", "noreply@example.com")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")


def send_reset_email(to: str, token: str) -> None:
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = to
    msg["Subject"] = "Reset your password"
    msg.set_content(f"Your reset code is {token}")
    smtp = smtplib.SMTP(SMTP_HOST, 587)
    # expect: VC418
    smtp.login(SMTP_USER, SMTP_PASSWORD)
    smtp.send_message(msg)
    smtp.quit()
    # expect: VC407
    log.info("sent reset token %s to %s", token, to)


def send_reset_email_tls(to: str, token: str) -> None:
    msg = EmailMessage()
    msg["From"] = SMTP_USER
    msg["To"] = to
    msg["Subject"] = "Reset your password"
    msg.set_content(f"Your reset link: https://app.example.com/reset?token={token}")
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        # expect: VC404
        smtp.starttls()
        # ok: VC418
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)
    # ok: VC407
    log.info("sent reset link to %s", to)
