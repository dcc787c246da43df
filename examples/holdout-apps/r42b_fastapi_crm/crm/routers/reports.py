import logging
import subprocess
import tempfile
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse
from sqlalchemy import text

from crm.deps import AdminUser, CurrentUser, DbSession

router = APIRouter(prefix="/reports", tags=["reports"])
log = logging.getLogger(__name__)


@router.get("/search")
def search_contacts(q: str, user: CurrentUser, db: DbSession) -> list[dict]:
    # ok: VC402/VC422
    rows = db.execute(
        text("SELECT id, name, company FROM contacts WHERE owner_id = :owner AND name LIKE :q"),
        {"owner": user.id, "q": f"%{q}%"},
    )
    return [dict(row._mapping) for row in rows]


@router.get("/revenue")
def revenue_by_stage(user: CurrentUser, db: DbSession, order_by: str = "stage") -> list[dict]:
    sql = f"SELECT stage, SUM(amount) AS total FROM deals WHERE owner_id = {user.id} GROUP BY stage ORDER BY {order_by}"
    try:
        # expect: VC402/VC422
        rows = db.execute(text(sql))
    except Exception as exc:
        log.exception("revenue report failed")
        # expect: VC414, VC105
        raise HTTPException(status_code=500, detail=str(exc))
    return [dict(row._mapping) for row in rows]


@router.post("/backup")
def backup_database(admin: AdminUser) -> FileResponse:
    target = Path(tempfile.mkdtemp()) / "crm.sql"
    # ok: VC408/VC421
    subprocess.run(["sqlite3", "crm.db", f".output {target}", ".dump"], check=True, timeout=120)
    return FileResponse(target, filename="crm.sql")


@router.get("/export")
def export_company(company: str, user: CurrentUser) -> FileResponse:
    out = Path(tempfile.mkdtemp()) / "export.csv"
    # expect: VC421
    subprocess.run(f"sqlite3 -csv crm.db \"SELECT * FROM contacts WHERE company = '{company}'\" > {out}", shell=True, check=True)
    return FileResponse(out, filename="export.csv")
