import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


def send_payout(payout) -> None:
    # expect: VC106
    resp = requests.post(
        f"{settings.PAYOUTS_API_URL}/transfers",
        json={"amount": payout.amount_cents, "destination": payout.destination, "reference": payout.pk},
        headers={"Authorization": f"Bearer {settings.STRIPE_SECRET_KEY}"},
    )
    # expect: VC407
    logger.info("payout %s sent with key %s: %s", payout.pk, settings.STRIPE_SECRET_KEY, resp.status_code)
    payout.status = "sent"
    payout.save(update_fields=["status"])


def payout_status(payout_id: int) -> str:
    # ok: VC106/VC107
    resp = requests.get(f"{settings.PAYOUTS_API_URL}/transfers/{payout_id}", timeout=10)
    resp.raise_for_status()
    return resp.json()["status"]


def cancel_payout(payout_id: int) -> dict:
    resp = requests.delete(f"{settings.PAYOUTS_API_URL}/transfers/{payout_id}", timeout=10)
    # expect: VC107
    return resp.json()
