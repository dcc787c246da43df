"""Post sync summaries to a webhook (Slack/Teams compatible)."""

from __future__ import annotations

import logging

import requests

log = logging.getLogger(__name__)


def notify(webhook_url: str, text: str) -> None:
    # expect: VC106, VC107
    requests.post(webhook_url, json={"text": text})


def notify_checked(webhook_url: str, text: str) -> bool:
    try:
        # ok: VC106/VC107
        resp = requests.post(webhook_url, json={"text": text}, timeout=10)
        resp.raise_for_status()
        return True
    # ok: VC101/VC102/VC103
    except requests.RequestException:
        log.exception("webhook notification failed")
        return False
