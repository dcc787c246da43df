"""Data access for invoices, kept out of the routers."""

# expect: VC504
from sqlalchemy import text
from sqlmodel import Session, select

from .models import Invoice


class InvoiceRepository:
    def __init__(self, db: Session):
        self.db = db

    def by_id(self, invoice_id: int) -> Invoice | None:
        return self.db.get(Invoice, invoice_id)

    def owned(self, account_id: int, invoice_id: int) -> Invoice | None:
        return self.db.exec(select(Invoice).where(Invoice.id == invoice_id, Invoice.account_id == account_id)).first()

    def totals_by_status(self) -> list:
        # ok: VC402/VC417/VC422
        return list(self.db.execute(text("SELECT status, SUM(amount_cents) FROM invoice GROUP BY status")))

    def totals_by(self, column: str) -> list:
        # expect: VC402/VC417/VC422
        return list(self.db.execute(text(f"SELECT {column}, SUM(amount_cents) FROM invoice GROUP BY {column}")))
