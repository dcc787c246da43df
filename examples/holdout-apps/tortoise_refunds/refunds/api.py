"""Invoice, checkout and refund endpoints."""

import logging
from decimal import Decimal

import stripe
from fastapi import APIRouter, Depends, Header, HTTPException
from pydantic import BaseModel, condecimal

from . import stripe_gateway
from .auth import current_customer, require_admin, verify_internal_key
from .models import Customer, Invoice, Refund

logger = logging.getLogger(__name__)
router = APIRouter()


class RefundIn(BaseModel):
    amount: condecimal(gt=0, max_digits=12, decimal_places=2)
    reason: str | None = None


class CheckoutIn(BaseModel):
    invoice_id: int
    amount: int
    currency: str = "usd"


@router.get("/invoices")
async def list_invoices(customer: Customer = Depends(current_customer)):
    # ok: VC214
    return await Invoice.filter(customer=customer).values("id", "amount", "currency", "status")


@router.get("/invoices/{invoice_id}")
async def get_invoice(invoice_id: int, customer: Customer = Depends(current_customer)):
    # expect: VC214
    invoice = await Invoice.get_or_none(id=invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    return {"id": invoice.id, "amount": str(invoice.amount), "status": invoice.status}


@router.get("/invoices/{invoice_id}/receipt")
async def get_receipt(invoice_id: int, customer: Customer = Depends(current_customer)):
    # ok: VC214
    invoice = await Invoice.get_or_none(id=invoice_id, customer_id=customer.id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    return {"id": invoice.id, "paid": invoice.status == "paid", "amount": str(invoice.amount)}


@router.post("/checkout")
async def checkout(body: CheckoutIn, customer: Customer = Depends(current_customer)):
    invoice = await Invoice.get_or_none(id=body.invoice_id, customer=customer)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    intent = await stripe_gateway.create_payment_intent(body.amount, body.currency, customer.stripe_customer_id)
    invoice.payment_intent = intent.id
    await invoice.save()
    return {"client_secret": intent.client_secret}


@router.post("/invoices/{invoice_id}/pay")
async def pay_invoice(invoice_id: int, customer: Customer = Depends(current_customer)):
    invoice = await Invoice.get_or_none(id=invoice_id, customer=customer)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    # ok: VC231
    intent = await stripe_gateway.create_payment_intent(
        stripe_gateway.to_cents(invoice.amount), invoice.currency, customer.stripe_customer_id
    )
    return {"client_secret": intent.client_secret}


# expect: VC218
@router.post("/invoices/{invoice_id}/refund")
async def request_refund(
    invoice_id: int,
    body: RefundIn,
    idempotency_key: str = Header(..., alias="Idempotency-Key"),
    customer: Customer = Depends(current_customer),
):
    # expect: VC214/VC218
    invoice = await Invoice.get(id=invoice_id)
    existing = await Refund.get_or_none(idempotency_key=idempotency_key)
    if existing:
        return {"refund_id": existing.id, "status": "duplicate"}
    try:
        refund = await stripe_gateway.create_refund(invoice.payment_intent, body.amount, idempotency_key)
    except stripe.error.StripeError as exc:
        # expect: VC414, VC105
        raise HTTPException(status_code=502, detail=str(exc))
    record = await Refund.create(
        # expect: VC231
        invoice=invoice, amount=body.amount, reason=body.reason, idempotency_key=idempotency_key,
        stripe_refund_id=refund.id,
    )
    invoice.amount_refunded += body.amount
    await invoice.save()
    return {"refund_id": record.id}


@router.post("/admin/invoices/{invoice_id}/refund")
async def admin_refund(
    invoice_id: int,
    body: RefundIn,
    idempotency_key: str = Header(..., alias="Idempotency-Key"),
    admin: Customer = Depends(require_admin),
):
    # ok: VC214/VC218
    invoice = await Invoice.get_or_none(id=invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    remaining = invoice.amount - invoice.amount_refunded
    if body.amount > remaining:
        raise HTTPException(status_code=400, detail="Refund exceeds the amount paid")
    try:
        refund = await stripe_gateway.create_refund(invoice.payment_intent, body.amount, idempotency_key)
    except stripe.error.StripeError:
        logger.exception("refund of invoice %s failed", invoice_id)
        # ok: VC414
        # expect: VC105
        raise HTTPException(status_code=502, detail="Payment provider error")
    await Refund.create(invoice=invoice, amount=body.amount, idempotency_key=idempotency_key, stripe_refund_id=refund.id)
    invoice.amount_refunded = invoice.amount_refunded + Decimal(body.amount)
    await invoice.save()
    return {"status": "refunded"}


@router.post("/internal/invoices/{invoice_id}/mark-paid", dependencies=[Depends(verify_internal_key)])
async def mark_paid(invoice_id: int):
    # ok: VC214/VC218
    invoice = await Invoice.get(id=invoice_id)
    invoice.status = "paid"
    await invoice.save()
    return {"status": "paid"}
