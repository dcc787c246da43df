import logging

from sqlalchemy import select, update

from .db import Customer, Payment, SessionLocal

log = logging.getLogger(__name__)


def mark_paid(intent_id: str) -> None:
    with SessionLocal() as db:
        db.execute(update(Payment).where(Payment.intent_id == intent_id).values(status="paid"))
        db.commit()


def activate_plan(customer_id: int, plan: str) -> None:
    with SessionLocal() as db:
        customer = db.scalar(select(Customer).where(Customer.id == customer_id))
        if customer is None:
            log.warning("checkout for unknown customer %s", customer_id)
            return
        customer.plan = plan
        db.commit()


def handle_stripe_event(event: dict) -> None:
    obj = event["data"]["object"]
    if event["type"] == "payment_intent.succeeded":
        mark_paid(obj["id"])
    elif event["type"] == "checkout.session.completed":
        activate_plan(int(obj["metadata"]["customer_id"]), obj["metadata"]["plan"])
    else:
        log.info("ignoring stripe event %s", event["type"])


def handle_paypal_event(event: dict) -> None:
    if event.get("event_type") == "PAYMENT.CAPTURE.COMPLETED":
        mark_paid(event["resource"]["id"])
