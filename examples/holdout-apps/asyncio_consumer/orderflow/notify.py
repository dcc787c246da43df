"""Customer notifications (SMS and e-mail). Plain functions, shared with the admin scripts."""

import logging
import smtplib
import time
from email.message import EmailMessage

import requests

from .settings import SMS_GATEWAY

logger = logging.getLogger(__name__)


def send_sms(phone: str, text: str, api_key: str) -> bool:
    # expect: VC106
    resp = requests.post(SMS_GATEWAY, data={"to": phone, "text": text, "key": api_key})
    if resp.status_code >= 400:
        # expect: VC407
        logger.warning("sms gateway rejected message to %s (key=%s): %s", phone, api_key, resp.text)
        return False
    return True


def send_email(to: str, subject: str, body: str) -> None:
    msg = EmailMessage()
    msg["To"], msg["From"], msg["Subject"] = to, "orders@shop.example", subject
    msg.set_content(body)
    for attempt in range(3):
        try:
            with smtplib.SMTP("localhost", 25, timeout=10) as smtp:
                smtp.send_message(msg)
            return
        except smtplib.SMTPException:
            logger.warning("smtp attempt %d failed", attempt + 1, exc_info=True)
            time.sleep(2)
    raise RuntimeError(f"could not send mail to {to}")
