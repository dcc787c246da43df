"""CSV exports of a customer's documents."""

import csv
import io

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from .db import Document


def documents_csv(session: Session, owner_id: int) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "filename", "pages", "excerpt"])
    # ok: VC402
    for doc in session.scalars(select(Document).where(Document.owner_id == owner_id)):
        writer.writerow([doc.id, doc.filename, doc.pages, doc.text[:200]])
    return buf.getvalue()


def search_csv(session: Session, owner_id: int, term: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "filename"])
    # expect: VC402/VC422/VC417
    rows = session.execute(text(f"SELECT id, filename FROM documents WHERE owner_id = {owner_id} AND text ILIKE '%{term}%'"))
    for row in rows:
        writer.writerow(list(row))
    return buf.getvalue()
