from typing import Annotated

import httpx
from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Session

from ..db import get_db
from ..models import Account, Invoice
from ..repository import InvoiceRepository
from ..security import current_account

router = APIRouter(prefix="/invoices", tags=["invoices"])
Me = Annotated[Account, Depends(current_account)]
Db = Annotated[Session, Depends(get_db)]


def invoice_repo(db: Db) -> InvoiceRepository:
    return InvoiceRepository(db)


Repo = Annotated[InvoiceRepository, Depends(invoice_repo)]


@router.get("/{invoice_id}")
def read_invoice(invoice_id: int, me: Me, repo: Repo) -> Invoice:
    # expect: VC214
    invoice = repo.by_id(invoice_id)
    if invoice is None:
        raise HTTPException(404)
    return invoice


@router.get("/{invoice_id}/mine")
def read_own_invoice(invoice_id: int, me: Me, repo: Repo) -> Invoice:
    # ok: VC214
    invoice = repo.owned(me.id, invoice_id)
    if invoice is None:
        raise HTTPException(404)
    return invoice


# expect: VC201
@router.post("/{invoice_id}/void")
def void_invoice(invoice_id: int, db: Db) -> Invoice:
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(404)
    invoice.status = "void"
    db.add(invoice)
    db.commit()
    return invoice


@router.get("/reports/totals")
def totals(group_by: str, me: Me, repo: Repo) -> list:
    if not me.is_admin:
        raise HTTPException(403)
    return [tuple(row) for row in repo.totals_by(group_by)]


@router.post("/{invoice_id}/send")
async def send_invoice(invoice_id: int, webhook_url: str, me: Me, repo: Repo) -> dict:
    invoice = repo.owned(me.id, invoice_id)
    if invoice is None:
        raise HTTPException(404)
    async with httpx.AsyncClient(timeout=10) as client:
        # expect: VC405
        response = await client.post(webhook_url, json={"invoice": invoice.id, "amount": invoice.amount_cents})
    return {"delivered": response.is_success}
