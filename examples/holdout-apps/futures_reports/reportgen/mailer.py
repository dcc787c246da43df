"""Notify account managers once a report is ready."""

import logging
import threading

import requests

from .config import MAILER_URL

logger = logging.getLogger(__name__)


def send(to: str, subject: str, body: str) -> None:
    resp = requests.post(MAILER_URL, json={"to": to, "subject": subject, "body": body}, timeout=10)
    resp.raise_for_status()


def send_async(to: str, subject: str, body: str) -> None:
    # expect: VC113 -- fire-and-forget thread: a failed send raises in a thread nobody joins
    threading.Thread(target=send, args=(to, subject, body), daemon=True).start()


def send_all(messages: list[tuple[str, str, str]]) -> None:
    threads = []
    for to, subject, body in messages:
        # ok: VC113 -- joined below
        t = threading.Thread(target=send, args=(to, subject, body))
        t.start()
        threads.append(t)
    for t in threads:
        t.join(timeout=30)


def notify_managers(managers: list[str], period: str) -> None:
    for manager in managers:
        # expect: VC113 -- started, never joined, the function returns at once
        worker = threading.Thread(target=send, args=(manager, f"Reports for {period}", "All reports are ready."))
        worker.start()


def post_digest(period: str, counts: dict) -> dict:
    resp = requests.post(MAILER_URL + "/digest", json={"period": period, "counts": counts}, timeout=10)
    # expect: VC107 -- the mailer's 500 page is parsed as the receipt
    return resp.json()


def post_digest_checked(period: str, counts: dict) -> dict:
    resp = requests.post(MAILER_URL + "/digest", json={"period": period, "counts": counts}, timeout=10)
    if not resp.ok:
        raise RuntimeError(f"digest rejected: {resp.status_code} {resp.text[:200]}")
    # ok: VC107 -- checked through resp.ok
    return resp.json()
