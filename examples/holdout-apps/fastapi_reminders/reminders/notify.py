import logging
import time

import requests

from .config import get_settings

logger = logging.getLogger(__name__)


class DeliveryError(Exception):
    pass


def send_sms(phone: str, text: str) -> dict:
    settings = get_settings()
    # expect: VC106
    resp = requests.post(
        settings.sms_api_url,
        headers={"Authorization": f"Bearer {settings.sms_api_key}"},
        json={"to": phone, "body": text},
    )
    # expect: VC107
    return resp.json()


def send_sms_checked(phone: str, text: str) -> dict:
    settings = get_settings()
    # ok: VC106, VC107
    resp = requests.post(
        settings.sms_api_url,
        headers={"Authorization": f"Bearer {settings.sms_api_key}"},
        json={"to": phone, "body": text},
        timeout=settings.webhook_timeout,
    )
    resp.raise_for_status()
    return resp.json()


def post_webhook(url: str, payload: dict) -> bool:
    try:
        resp = requests.post(url, json=payload, timeout=5)
        resp.raise_for_status()
        return True
    # expect: VC104
    except requests.RequestException as e:
        # expect: VC505
        print(f"webhook to {url} failed: {e}")
        return False


def post_webhook_until_accepted(url: str, payload: dict) -> None:
    delay = 1.0
    # expect: VC109
    while True:
        try:
            resp = requests.post(url, json=payload, timeout=5)
            resp.raise_for_status()
            return
        except requests.RequestException:
            logger.warning("webhook %s failed, retrying in %.0fs", url, delay)
            time.sleep(delay)
            delay = min(delay * 2, 60)


def post_webhook_with_retries(url: str, payload: dict) -> None:
    attempts = get_settings().max_send_attempts
    # ok: VC109
    for attempt in range(1, attempts + 1):
        try:
            resp = requests.post(url, json=payload, timeout=5)
            resp.raise_for_status()
            return
        except requests.RequestException as exc:
            if attempt == attempts:
                raise DeliveryError(f"webhook {url} failed after {attempts} attempts") from exc
            time.sleep(2**attempt)


def deliver(reminder: dict) -> dict:
    try:
        if reminder.get("phone"):
            send_sms(reminder["phone"], reminder["message"])
        if reminder.get("webhook_url"):
            post_webhook_with_retries(reminder["webhook_url"], {"id": reminder["id"], "message": reminder["message"]})
        return {"status": "sent"}
    # expect: VC103/VC102
    except Exception as e:
        return {"status": "failed", "error": str(e)}
