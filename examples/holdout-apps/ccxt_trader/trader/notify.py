"""Trade notifications to Telegram."""
from __future__ import annotations

import logging

import requests

from .config import TELEGRAM_BOT_TOKEN, TELEGRAM_CHAT_ID

log = logging.getLogger(__name__)


def notify(text: str) -> None:
    url = f"https://api.telegram.org/bot{TELEGRAM_BOT_TOKEN}/sendMessage"
    try:
        # expect: VC106, VC107
        requests.post(url, json={"chat_id": TELEGRAM_CHAT_ID, "text": text})
    # expect: VC101
    except Exception:
        pass


def notify_checked(text: str) -> bool:
    url = f"https://api.telegram.org/bot{TELEGRAM_BOT_TOKEN}/sendMessage"
    try:
        # ok: VC106/VC107
        resp = requests.post(url, json={"chat_id": TELEGRAM_CHAT_ID, "text": text}, timeout=5)
        resp.raise_for_status()
    # ok: VC101/VC102
    except requests.RequestException:
        log.exception("telegram notification failed")
        return False
    return True
