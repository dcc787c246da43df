import logging
import smtplib
from email.message import EmailMessage

import httpx
import requests

from ..config import settings

logger = logging.getLogger(__name__)


def send_email(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.SMTP_USER
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(settings.SMTP_HOST, 587) as server:
        server.ehlo()
        # expect: VC418
        server.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
        server.send_message(msg)


def send_email_tls(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["From"] = settings.SMTP_USER
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    with smtplib.SMTP(settings.SMTP_HOST, 587) as server:
        # expect: VC404
        server.starttls()
        # ok: VC418
        server.login(settings.SMTP_USER, settings.SMTP_PASSWORD)
        server.send_message(msg)


async def notify_new_document(email: str, filename: str) -> None:
    try:
        # expect: VC110
        send_email_tls(email, "New document uploaded", f"{filename} was added to your record.")
    # expect: VC101
    except Exception:
        pass


async def post_lab_callback(callback_url: str, order_id: int, status: str) -> None:
    """Tell the ordering system that the lab result is ready."""
    # expect: VC110, VC106, VC417
    resp = requests.post(callback_url, json={"order_id": order_id, "status": status})
    if resp.status_code >= 400:
        logger.warning("callback for order %s failed with %s", order_id, resp.status_code)


async def post_lab_callback_async(callback_url: str, order_id: int, status: str) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        # ok: VC110, VC106, VC417
        resp = await client.post(callback_url, json={"order_id": order_id, "status": status})
        resp.raise_for_status()
