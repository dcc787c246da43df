import logging

import stripe
from fastapi import APIRouter, HTTPException
from pydantic import BaseModel
from sqlalchemy import select

from .auth import Admin, Me
from .db import Db, Payment
from .settings import settings

stripe.api_key = settings.stripe_secret_key
log = logging.getLogger(__name__)
router = APIRouter(prefix="/billing")

PLAN_PRICES = {"starter": "price_1NqM2kWDarjtT1zd8Hn1", "team": "price_1NqM3GWDarjtT1zdQ0cd"}


class CheckoutIn(BaseModel):
    plan: str
    amount_cents: int
    quantity: int = 1


class TopUpIn(BaseModel):
    amount_cents: int


@router.post("/checkout")
def create_checkout(body: CheckoutIn, me: Me) -> dict:
    checkout = stripe.checkout.Session.create(
        mode="payment",
        customer_email=me.email,
        line_items=[{
            "price_data": {
                "currency": "usd",
                # expect: VC217/VC231
                "unit_amount": body.amount_cents,
                "product_data": {"name": body.plan},
            },
            "quantity": body.quantity,
        }],
        metadata={"customer_id": str(me.id), "plan": body.plan},
        success_url="https://app.example.com/billing/done?session={CHECKOUT_SESSION_ID}",
        cancel_url="https://app.example.com/billing",
    )
    return {"url": checkout.url}


@router.post("/subscribe")
def create_subscription_checkout(body: CheckoutIn, me: Me) -> dict:
    price = PLAN_PRICES.get(body.plan)
    if price is None:
        raise HTTPException(400, "unknown plan")
    checkout = stripe.checkout.Session.create(
        mode="subscription",
        customer_email=me.email,
        # ok: VC217/VC231
        line_items=[{"price": price, "quantity": 1}],
        metadata={"customer_id": str(me.id), "plan": body.plan},
        success_url="https://app.example.com/billing/done?session={CHECKOUT_SESSION_ID}",
        cancel_url="https://app.example.com/billing",
    )
    return {"url": checkout.url}


@router.post("/top-up")
def top_up(body: TopUpIn, me: Me, db: Db) -> dict:
    if not 500 <= body.amount_cents <= 100_000:
        raise HTTPException(400, "amount out of range")
    # ok: VC217/VC231
    intent = stripe.PaymentIntent.create(amount=body.amount_cents, currency="usd", customer=me.stripe_customer_id)
    db.add(Payment(customer_id=me.id, intent_id=intent.id, amount_cents=body.amount_cents))
    db.commit()
    return {"client_secret": intent.client_secret}


# expect: VC218
@router.post("/payments/{payment_id}/refund")
def refund_payment(payment_id: int, me: Me, db: Db) -> dict:
    # expect: VC214/VC218
    payment = db.get(Payment, payment_id)
    if payment is None:
        raise HTTPException(404)
    refund = stripe.Refund.create(payment_intent=payment.intent_id)
    payment.status = "refunded"
    db.commit()
    return {"refund": refund.id}


@router.post("/my-payments/{payment_id}/cancel")
def cancel_my_payment(payment_id: int, me: Me, db: Db) -> dict:
    # ok: VC214
    payment = db.scalar(select(Payment).where(Payment.id == payment_id, Payment.customer_id == me.id))
    if payment is None or payment.status != "pending":
        raise HTTPException(404)
    stripe.PaymentIntent.cancel(payment.intent_id)
    payment.status = "cancelled"
    db.commit()
    return {"cancelled": payment.id}


@router.post("/admin/payments/{payment_id}/refund")
def admin_refund(payment_id: int, admin: Admin, db: Db) -> dict:
    # ok: VC214/VC218
    payment = db.get(Payment, payment_id)
    if payment is None:
        raise HTTPException(404)
    refund = stripe.Refund.create(payment_intent=payment.intent_id)
    log.info("admin %s refunded payment %s", admin.id, payment.id)
    payment.status = "refunded"
    db.commit()
    return {"refund": refund.id}


@router.get("/invoices/{invoice_id}")
def get_invoice(invoice_id: str, me: Me) -> dict:
    # expect: VC214
    invoice = stripe.Invoice.retrieve(invoice_id)
    return {"id": invoice.id, "pdf": invoice.invoice_pdf, "total": invoice.total}


@router.get("/invoices")
def list_invoices(me: Me) -> list[dict]:
    # ok: VC214
    invoices = stripe.Invoice.list(customer=me.stripe_customer_id, limit=20)
    return [{"id": inv.id, "pdf": inv.invoice_pdf} for inv in invoices.auto_paging_iter()]


@router.post("/portal")
def billing_portal(me: Me) -> dict:
    portal = stripe.billing_portal.Session.create(customer=me.stripe_customer_id,
                                                  return_url="https://app.example.com/billing")
    return {"url": portal.url}
