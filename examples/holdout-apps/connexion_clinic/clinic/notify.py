"""SMS reminders through the messaging provider."""

import logging
import os

import requests

logger = logging.getLogger(__name__)
SMS_URL = os.environ.get("SMS_URL", "https://sms.example-provider.com/v1/messages")
SMS_TOKEN = os.environ.get("SMS_TOKEN", "")


def send_reminder(phone: str, text: str) -> None:
    # expect: VC106
    resp = requests.post(SMS_URL, json={"to": phone, "body": text}, headers={"Authorization": f"Bearer {SMS_TOKEN}"})
    # expect: VC407
    logger.info("sms sent to %s with token %s: %s", phone, SMS_TOKEN, resp.status_code)


def send_reminder_checked(phone: str, text: str) -> bool:
    try:
        resp = requests.post(SMS_URL, json={"to": phone, "body": text}, headers={"Authorization": f"Bearer {SMS_TOKEN}"}, timeout=10)
        resp.raise_for_status()
    # ok: VC101
    except requests.RequestException:
        logger.exception("sms to %s failed", phone)
        return False
    return True
