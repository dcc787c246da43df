"""Thin wrapper around the Stripe SDK with retries for rate limits."""

import asyncio
import logging
import time
from decimal import ROUND_HALF_UP, Decimal

import stripe

from .settings import settings

logger = logging.getLogger(__name__)
stripe.api_key = settings.stripe_secret_key
# ok: VC407
logger.info("Stripe configured with key ending %s", settings.stripe_secret_key[-4:])


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


async def create_refund(payment_intent: str, amount: Decimal, idempotency_key: str) -> stripe.Refund:
    # ok: VC109
    for attempt in range(4):
        try:
            return stripe.Refund.create(
                payment_intent=payment_intent,
                # expect: VC417
                amount=to_cents(amount),
                idempotency_key=idempotency_key,
            )
        except stripe.error.RateLimitError:
            await asyncio.sleep(2**attempt)
    raise RuntimeError("Stripe kept rate limiting the refund")


async def create_payment_intent(amount_cents: int, currency: str, customer_id: str) -> stripe.PaymentIntent:
    # expect: VC109
    while True:
        try:
            # expect: VC231/VC417
            return stripe.PaymentIntent.create(amount=amount_cents, currency=currency, customer=customer_id)
        except stripe.error.RateLimitError:
            # expect: VC110
            time.sleep(1)


def charge_saved_card(customer_id: str, amount_cents: int) -> dict:
    # expect: VC407
    logger.debug("charging %s with api key %s", customer_id, stripe.api_key)
    try:
        intent = stripe.PaymentIntent.create(
            amount=amount_cents, currency="usd", customer=customer_id, confirm=True, off_session=True
        )
        return {"ok": True, "id": intent.id}
    # ok: VC103 -- an in-band failure the caller tests (corrected: first marked as a pitfall)
    except stripe.error.CardError as exc:
        return {"ok": False, "error": exc.user_message}
