import logging

import requests
from celery import Celery

from .config import Config

log = logging.getLogger(__name__)
celery = Celery("relay", broker=Config.CELERY_BROKER_URL)


# expect: VC109
@celery.task(bind=True, autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": None}, retry_backoff=True)
def relay_event(self, source: str, event: dict) -> None:
    for name, url in Config.FORWARD_TARGETS.items():
        if url:
            resp = requests.post(url, json={"source": source, "event": event}, timeout=10)
            resp.raise_for_status()
            log.info("relayed %s event to %s", source, name)


# ok: VC109
@celery.task(bind=True, autoretry_for=(requests.RequestException,), retry_kwargs={"max_retries": 8}, retry_backoff=True)
def relay_event_bounded(self, source: str, event: dict) -> None:
    for url in Config.FORWARD_TARGETS.values():
        if url:
            requests.post(url, json={"source": source, "event": event}, timeout=10).raise_for_status()


@celery.task(bind=True)
def replay_failed(self, delivery: dict) -> None:
    try:
        resp = requests.post(delivery["url"], json=delivery["payload"], timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        # expect: VC109
        raise self.retry(exc=exc, countdown=60, max_retries=None)
