"""Deliver finished reports by e-mail and Slack."""

from __future__ import annotations

import logging
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path

import requests

from .config import SLACK_WEBHOOK, SMTP_HOST, SMTP_PASSWORD, SMTP_USER, smtp_password

log = logging.getLogger(__name__)


def email_report(path: Path, to: list[str]) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Report: {path.stem}"
    msg["From"] = SMTP_USER
    msg["To"] = ", ".join(to)
    msg.add_attachment(path.read_bytes(), maintype="application", subtype="octet-stream", filename=path.name)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        # expect: VC418
        smtp.login(SMTP_USER, SMTP_PASSWORD)
        smtp.send_message(msg)


def email_report_tls(path: Path, to: list[str]) -> None:
    msg = EmailMessage()
    msg["Subject"] = f"Report: {path.stem}"
    msg["From"] = SMTP_USER
    msg["To"] = ", ".join(to)
    msg.add_attachment(path.read_bytes(), maintype="application", subtype="octet-stream", filename=path.name)
    with smtplib.SMTP(SMTP_HOST, 587) as smtp:
        smtp.starttls(context=ssl.create_default_context())
        # ok: VC418
        smtp.login(SMTP_USER, smtp_password())
        smtp.send_message(msg)


def post_to_slack(text: str) -> None:
    try:
        # expect: VC106/VC107
        requests.post(SLACK_WEBHOOK, json={"text": text})
    # expect: VC101/VC102
    except Exception:
        pass


def post_to_slack_checked(webhook: str, text: str) -> None:
    # ok: VC106/VC107
    resp = requests.post(webhook, json={"text": text}, timeout=10)
    resp.raise_for_status()
