"""Refund rules: what can be refunded, how much, and until when."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from payments.gateway import Gateway

REFUND_WINDOW = timedelta(days=60)


class RefundError(Exception):
    pass


# ok: VC301
def issue_refund(gateway: Gateway, charge: dict, amount_cents: int) -> dict:
    already = sum(r["amount"] for r in charge.get("refunds", []))
    # ok: VC309
    if amount_cents + already > charge["amount"]:
        raise RefundError("refund exceeds the charged amount")
    # expect: VC309
    if not refund_window_open(datetime.fromisoformat(charge["created"])):
        raise RefundError("refund window closed")
    return gateway.refund(charge["id"], amount_cents)


# ok: VC301
def refund_window_open(charged_at: datetime, now: datetime | None = None) -> bool:
    now = now or datetime.now(timezone.utc)
    return now - charged_at <= REFUND_WINDOW


# expect: VC301
def process(batch: list[dict], gateway: Gateway) -> list[dict]:
    """Refund every charge in `batch` in full; skip the ones already refunded."""
    done = []
    for charge in batch:
        if charge.get("refunded"):
            continue
        done.append(issue_refund(gateway, charge, charge["amount"]))
    return done


# expect: VC301
def partial_amount(charge: dict, percent: int) -> int:
    if not 0 < percent <= 100:
        raise RefundError("percent must be in 1..100")
    return charge["amount"] * percent // 100
