"""SQL reports (FastAPI, sync SQLAlchemy): analysts authenticate with a bearer token; they run the saved reports by
name with parameters, preview a table, and admins run ad-hoc read-only SQL against the reporting database. Results come
back as JSON rows or CSV."""

import csv
import hmac
import io
import logging
import os

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

DATABASE_URL = os.environ.get("REPORTS_DATABASE_URL", "sqlite:///reports.db")
# expect: VC203/VC403
ADMIN_TOKEN = os.getenv("ADMIN_TOKEN", "reports-admin-token")
MAX_ROWS = 1000
REPORT_TABLES = {"orders", "customers", "refunds"}

SAVED_REPORTS = {
    "revenue_by_region": "SELECT region, SUM(total) AS revenue FROM orders WHERE created_at >= :since GROUP BY region",
    "top_customers": "SELECT customer_id, COUNT(*) AS orders FROM orders GROUP BY customer_id ORDER BY orders DESC "
    "LIMIT :limit",
}

engine = create_engine(DATABASE_URL, pool_pre_ping=True)
app = FastAPI(title="SQL reports")
log = logging.getLogger("reports")


class Analyst(BaseModel):
    id: int
    name: str
    role: str


class AdHocQuery(BaseModel):
    sql: str


class SavedReportRun(BaseModel):
    params: dict[str, str | int | float] = {}


def current_analyst(authorization: str = Header(...)) -> Analyst:
    token = authorization.removeprefix("Bearer ").strip()
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, name, role FROM analysts WHERE api_token = :t"), {"t": token}).first()
    if row is None:
        raise HTTPException(status_code=401, detail="invalid token")
    return Analyst(id=row.id, name=row.name, role=row.role)


def require_admin_header(x_admin_token: str = Header("")) -> None:
    # expect: VC204
    if x_admin_token != ADMIN_TOKEN:
        raise HTTPException(status_code=403, detail="admin only")


def require_admin_header_v2(x_admin_token: str = Header("")) -> None:
    # ok: VC204
    if not hmac.compare_digest(x_admin_token, ADMIN_TOKEN):
        raise HTTPException(status_code=403, detail="admin only")


def rows_as_dicts(result) -> list[dict]:
    return [dict(row._mapping) for row in result]


@app.post("/reports/{name}")
def run_saved_report(name: str, body: SavedReportRun, analyst: Analyst = Depends(current_analyst)):
    sql = SAVED_REPORTS.get(name)
    if sql is None:
        raise HTTPException(status_code=404, detail="no such report")
    with engine.connect() as conn:
        # ok: VC402/VC422
        result = conn.execute(text(sql), body.params)
        return {"report": name, "rows": rows_as_dicts(result.fetchmany(MAX_ROWS))}


@app.get("/tables/{table}/preview")
def preview_table(
    table: str, limit: int = 100, region: str | None = None, analyst: Analyst = Depends(current_analyst)
):
    where = f" WHERE region = '{region}'" if region else ""
    with engine.connect() as conn:
        # expect: VC402/VC422
        # expect: VC428
        result = conn.execute(text(f"SELECT * FROM {table}{where} LIMIT {limit}"))
        return rows_as_dicts(result)


@app.get("/v2/tables/{table}/preview")
def preview_table_v2(
    table: str,
    limit: int = Query(100, ge=1, le=MAX_ROWS),
    region: str | None = None,
    analyst: Analyst = Depends(current_analyst),
):
    if table not in REPORT_TABLES:
        raise HTTPException(status_code=404, detail="unknown table")
    sql = f"SELECT * FROM {table}" + (" WHERE region = :region" if region else "") + " LIMIT :limit"
    with engine.connect() as conn:
        # ok: VC402/VC422
        result = conn.execute(text(sql), {"region": region, "limit": limit})
        return rows_as_dicts(result)


@app.get("/admin/analysts", dependencies=[Depends(require_admin_header)])
def list_analysts():
    with engine.connect() as conn:
        return rows_as_dicts(conn.execute(text("SELECT id, name, role FROM analysts")))


# expect: VC218
@app.post("/admin/query")
def run_ad_hoc(query: AdHocQuery, analyst: Analyst = Depends(current_analyst)):
    try:
        with engine.connect() as conn:
            # expect: VC402/VC422
            result = conn.execute(text(query.sql))
            return {"rows": rows_as_dicts(result.fetchmany(MAX_ROWS))}
    except SQLAlchemyError as exc:
        # expect: VC414
        # expect: VC105
        raise HTTPException(status_code=400, detail=f"query failed: {exc}")


@app.post("/v2/admin/query", dependencies=[Depends(require_admin_header_v2)])
def run_ad_hoc_v2(query: AdHocQuery):
    if not query.sql.lstrip().lower().startswith("select"):
        raise HTTPException(status_code=400, detail="only SELECT statements")
    try:
        with engine.connect() as conn:
            conn.execute(text("PRAGMA query_only = ON"))
            # ok: VC422 -- the spec's ad-hoc SELECT for administrators, read-only
            result = conn.execute(text(query.sql))
            return {"rows": rows_as_dicts(result.fetchmany(MAX_ROWS))}
    except SQLAlchemyError as exc:
        log.warning("ad-hoc query failed: %s", exc)
        # ok: VC414
        raise HTTPException(status_code=400, detail="query failed") from exc


@app.post("/reports/{name}/csv")
def saved_report_csv(name: str, body: SavedReportRun, x_role: str = Header("analyst")):
    # expect: VC207
    if name not in SAVED_REPORTS or (name == "top_customers" and x_role != "admin"):
        raise HTTPException(status_code=403, detail="not allowed")
    with engine.connect() as conn:
        result = conn.execute(text(SAVED_REPORTS[name]), body.params)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.keys())
        writer.writerows(result.fetchmany(MAX_ROWS))
    buffer.seek(0)
    return StreamingResponse(buffer, media_type="text/csv")


@app.post("/v2/reports/{name}/csv")
def saved_report_csv_v2(name: str, body: SavedReportRun, analyst: Analyst = Depends(current_analyst)):
    # ok: VC207
    if name not in SAVED_REPORTS or (name == "top_customers" and analyst.role != "admin"):
        raise HTTPException(status_code=403, detail="not allowed")
    with engine.connect() as conn:
        result = conn.execute(text(SAVED_REPORTS[name]), body.params)
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(result.keys())
        writer.writerows(result.fetchmany(MAX_ROWS))
    buffer.seek(0)
    return StreamingResponse(buffer, media_type="text/csv")
