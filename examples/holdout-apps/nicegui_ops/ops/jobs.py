"""Background health checks, run by APScheduler next to the UI."""
import logging
import time

import requests
from apscheduler.schedulers.background import BackgroundScheduler

from .settings import HEALTH_URLS

logger = logging.getLogger(__name__)
status: dict[str, str] = {}


def check_health() -> None:
    for url in HEALTH_URLS:
        try:
            # expect: VC404 -- internal certificates never checked
            resp = requests.get(url, timeout=5, verify=False)
            status[url] = "up" if resp.ok else f"down ({resp.status_code})"
        # expect: VC101 -- a crashed check leaves the old status in place
        except Exception:
            pass


def notify_pagerduty(summary: str, routing_key: str) -> None:
    body = {"routing_key": routing_key, "event_action": "trigger",
            "payload": {"summary": summary, "severity": "error", "source": "ops"}}
    # expect: VC109 -- retried forever
    while True:
        try:
            resp = requests.post("https://events.pagerduty.com/v2/enqueue", json=body, timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            logger.warning("pagerduty failed, retrying")
            time.sleep(5)


def notify_slack(text: str, webhook: str) -> None:
    for attempt in range(5):
        try:
            # ok: VC109/VC107 -- bounded retry with a status check
            resp = requests.post(webhook, json={"text": text}, timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            logger.warning("slack failed (attempt %d)", attempt + 1)
            time.sleep(2 ** attempt)
    raise RuntimeError("slack unreachable")


def start() -> BackgroundScheduler:
    scheduler = BackgroundScheduler()
    scheduler.add_job(check_health, "interval", seconds=30)
    scheduler.start()
    return scheduler
