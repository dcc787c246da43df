import logging

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from ..db import Invoice, SessionDep
from ..security import CurrentUser, is_tenant_admin, require_role

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/invoices", tags=["invoices"])


class InvoiceIn(BaseModel):
    customer: str
    amount_cents: int


class InvoiceUpdate(BaseModel):
    customer: str | None = None
    amount_cents: int | None = None
    status: str | None = None


async def _load_invoice(session: AsyncSession, invoice_id: int) -> Invoice:
    invoice = await session.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(404, "Invoice not found")
    return invoice


async def _run_report(session: AsyncSession, sql: str):
    # expect: VC402/VC422/VC417 -- SQL built with f-strings by the caller (reported where it runs)
    result = await session.execute(text(sql))
    return [dict(row._mapping) for row in result]


@router.get("/{invoice_id}")
async def read_invoice(invoice_id: int, user: CurrentUser, session: SessionDep):
    # expect: VC214 -- IDOR, fetched by id without tenant check
    invoice = await session.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(404, "Invoice not found")
    return invoice


@router.patch("/{invoice_id}")
async def update_invoice(invoice_id: int, body: InvoiceUpdate, user: CurrentUser, session: SessionDep):
    # ok: VC214 -- tenant-scoped select
    stmt = select(Invoice).where(Invoice.id == invoice_id, Invoice.tenant_id == user.tenant_id)
    invoice = (await session.execute(stmt)).scalar_one_or_none()
    if invoice is None:
        raise HTTPException(404, "Invoice not found")
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(invoice, field, value)
    await session.commit()
    return invoice


@router.delete("/{invoice_id}", status_code=204)
async def delete_invoice(invoice_id: int, user: CurrentUser, session: SessionDep):
    # expect: VC214 -- IDOR through a helper that loads by id only
    invoice = await _load_invoice(session, invoice_id)
    # expect: VC212/VC216 -- guard result ignored
    is_tenant_admin(user)
    await session.delete(invoice)
    await session.commit()


@router.post("/{invoice_id}/void", dependencies=[Depends(require_role("billing"))])
async def void_invoice(invoice_id: int, user: CurrentUser, session: SessionDep):
    stmt = select(Invoice).where(Invoice.id == invoice_id, Invoice.tenant_id == user.tenant_id)
    invoice = (await session.scalars(stmt)).first()
    if invoice is None:
        raise HTTPException(404, "Invoice not found")
    invoice.status = "void"
    await session.commit()
    return {"status": "void"}


@router.get("/")
async def search_invoices(user: CurrentUser, session: SessionDep, customer: str = "", sort: str = "created_at"):
    query = f"SELECT id, customer, amount_cents FROM invoices WHERE tenant_id = {user.tenant_id}"
    if customer:
        query += f" AND customer ILIKE '%{customer}%'"
    query += f" ORDER BY {sort}"
    return await _run_report(session, query)


@router.get("/by-status/{status}")
async def invoices_by_status(status: str, user: CurrentUser, session: SessionDep):
    # ok: VC402/VC422 -- bound parameters
    stmt = text("SELECT id, customer FROM invoices WHERE tenant_id = :tid AND status = :status")
    result = await session.execute(stmt, {"tid": user.tenant_id, "status": status})
    return [dict(row._mapping) for row in result]


@router.post("/", status_code=201)
async def create_invoice(body: InvoiceIn, user: CurrentUser, session: SessionDep):
    invoice = Invoice(tenant_id=user.tenant_id, **body.model_dump())
    session.add(invoice)
    try:
        await session.commit()
    except Exception as exc:
        logger.error("could not create invoice: %s", exc)
        # expect: VC101/VC102/VC103 -- broad except that logs and returns None (reported at the return)
        return None
    return invoice
