from fastapi import APIRouter, HTTPException
from sqlmodel import select

from ..deps import CurrentUser, SessionDep
from ..models import Invoice

router = APIRouter(prefix="/invoices", tags=["invoices"])


@router.get("/")
def list_invoices(session: SessionDep, user: CurrentUser) -> list[Invoice]:
    return list(session.exec(select(Invoice).where(Invoice.org_id == user.org_id)))


@router.get("/{invoice_id}")
def get_invoice(invoice_id: int, session: SessionDep) -> Invoice:
    # expect: VC214
    invoice = session.exec(select(Invoice).where(Invoice.id == invoice_id)).first()
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    return invoice
