import logging

import requests
from celery import shared_task
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

logger = logging.getLogger(__name__)


# expect: VC109
@shared_task(bind=True, max_retries=None, default_retry_delay=30)
def notify_seller(self, seller_id: int, order_id: int, new_status: str) -> None:
    seller = get_user_model().objects.get(pk=seller_id)
    try:
        send_mail("Order update", f"Order {order_id} is now {new_status}", None, [seller.email])
    except Exception as exc:
        raise self.retry(exc=exc)


# ok: VC109
@shared_task(bind=True, autoretry_for=(requests.RequestException,), retry_backoff=True, max_retries=5)
def sync_exchange_rates(self) -> dict:
    resp = requests.get("https://api.exchangerate.host/latest?base=USD", timeout=10)
    resp.raise_for_status()
    return resp.json()["rates"]


@shared_task
def reindex_listing(listing_id: int) -> None:
    try:
        # expect: VC106
        # expect: VC107 -- corrected: the response is thrown away (the marks forgot it)
        requests.post("http://search:9200/listings/_doc", json={"id": listing_id})
    # expect: VC101/VC102
    except Exception:
        pass
