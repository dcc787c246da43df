"""Customer-facing billing API."""

from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from .deps import CurrentAccount, Session, invoice_service, subscription_service
from .repositories import InvoiceRepository
from .services import InvoiceService, SubscriptionService
from .webhooks import router as webhooks_router

app = FastAPI(title="Billing")
app.include_router(webhooks_router)


class CheckoutIn(BaseModel):
    plan: str


class ReceiptIn(BaseModel):
    invoice_id: int
    logo_url: str


@app.get("/invoices")
async def list_invoices(account: CurrentAccount, session: Session):
    invoices = await InvoiceRepository(session).list_for_account(account.id)
    return [{"id": i.id, "total_cents": i.total_cents} for i in invoices]


@app.get("/invoices/{invoice_id}")
async def get_invoice(
    invoice_id: int, account: CurrentAccount, service: Annotated[InvoiceService, Depends(invoice_service)]
):
    # expect: VC214
    invoice = await service.invoice(invoice_id)
    if invoice is None:
        raise HTTPException(404)
    return {"id": invoice.id, "total_cents": invoice.total_cents, "pdf_url": invoice.pdf_url}


@app.get("/invoices/{invoice_id}/pdf")
async def invoice_pdf(
    invoice_id: int, account: CurrentAccount, service: Annotated[InvoiceService, Depends(invoice_service)]
):
    # ok: VC214
    invoice = await service.invoice_of(invoice_id, account.id)
    if invoice is None:
        raise HTTPException(404)
    return {"pdf_url": invoice.pdf_url}


@app.post("/subscriptions/{subscription_id}/cancel")
async def cancel_subscription(
    subscription_id: int,
    account: CurrentAccount,
    service: Annotated[SubscriptionService, Depends(subscription_service)],
):
    # expect: VC214
    sub = await service.cancel(subscription_id)
    if sub is None:
        raise HTTPException(404)
    return {"status": sub.status}


@app.post("/checkout")
async def checkout(
    body: CheckoutIn, account: CurrentAccount, service: Annotated[SubscriptionService, Depends(subscription_service)]
):
    # ok: VC231
    return {"url": await service.checkout_link(body.plan, account.email)}


@app.post("/receipts/branded")
async def branded_receipt(body: ReceiptIn, account: CurrentAccount):
    async with httpx.AsyncClient(timeout=10) as client:
        # expect: VC405
        logo = await client.get(body.logo_url)
    # expect: VC107
    return {"logo_bytes": len(logo.content), "invoice": body.invoice_id}
