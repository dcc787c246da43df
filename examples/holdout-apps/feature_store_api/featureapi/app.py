"""Feature store HTTP API: read features, filter cohorts, export training sets."""

from __future__ import annotations

import hmac
import io
import logging
import os
import uuid
from pathlib import Path

import pandas as pd
import polars as pl
from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi.responses import FileResponse, StreamingResponse
from pydantic import BaseModel

from featureapi import db, queries

log = logging.getLogger("featureapi")
app = FastAPI(title="feature-store")
EXPORT_DIR = Path(os.getenv("EXPORT_DIR", "/data/exports"))


def require_key(x_api_key: str = Header("")) -> str:
    for team, key in (("ml", os.environ.get("ML_API_KEY", "")), ("bi", os.environ.get("BI_API_KEY", ""))):
        if key and hmac.compare_digest(x_api_key, key):
            return team
    raise HTTPException(status_code=401, detail="invalid api key")


class CohortRequest(BaseModel):
    snapshot: str
    condition: str
    columns: list[str] = []


class ExportRequest(BaseModel):
    snapshot: str
    filename: str


def _load_snapshot(name: str) -> pd.DataFrame:
    cached = db.cache_get(f"snapshot:{name}")
    if cached is not None:
        return cached
    path = Path(db.SNAPSHOT_DIR) / f"{Path(name).name}.parquet"
    df = pd.read_parquet(path)
    db.cache_set(f"snapshot:{name}", df)
    return df


@app.get("/entities/{entity_id}/features", dependencies=[Depends(require_key)])
def get_features(entity_id: str, names: list[str] = Query(["ltv_90d", "orders_30d"])):
    return queries.features_for_entity(entity_id, names).to_dict(orient="records")


@app.get("/entities/{entity_id}/history", dependencies=[Depends(require_key)])
def get_history(entity_id: str, sort: str = "event_ts"):
    return queries.history(entity_id, sort).to_dict(orient="records")


@app.post("/cohorts/query", dependencies=[Depends(require_key)])
def cohort_query(req: CohortRequest):
    df = _load_snapshot(req.snapshot)
    # expect: VC409/VC413
    out = df.query(req.condition)
    return out[req.columns or list(out.columns)].head(1000).to_dict(orient="records")


@app.post("/cohorts/score", dependencies=[Depends(require_key)])
def cohort_score(req: CohortRequest):
    df = _load_snapshot(req.snapshot)
    # expect: VC409/VC413
    df["score"] = df.eval(req.condition)
    return df[["entity_id", "score"]].head(1000).to_dict(orient="records")


@app.get("/cohorts/segment", dependencies=[Depends(require_key)])
def cohort_segment(snapshot: str, segment: str, min_ltv: float = 0.0):
    df = _load_snapshot(snapshot)
    # ok: VC409, VC413
    out = df.query("segment == @segment and ltv_90d >= @min_ltv")
    return out.head(1000).to_dict(orient="records")


@app.post("/cohorts/sql", dependencies=[Depends(require_key)])
def cohort_sql(req: CohortRequest):
    return queries.snapshot_rows(req.snapshot, req.condition)


@app.get("/aggregates", dependencies=[Depends(require_key)])
def aggregates(snapshot: str, group_by: str, metric: str):
    frame = pl.from_pandas(_load_snapshot(snapshot))
    return queries.polars_aggregate(frame, group_by, metric).to_dicts()


@app.get("/aggregates/safe", dependencies=[Depends(require_key)])
def aggregates_safe(snapshot: str, group_by: str, metric: str):
    frame = pl.from_pandas(_load_snapshot(snapshot))
    try:
        return queries.polars_aggregate_safe(frame, group_by, metric).to_dicts()
    except ValueError as exc:
        # ok: VC414
        raise HTTPException(status_code=400, detail="unknown column") from exc


# expect: VC201/VC219
@app.get("/exports/customers.csv")
def export_customers():
    df = pd.read_sql("SELECT customer_id, email, phone, ltv_90d FROM customers", db.engine)
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv")


@app.get("/exports/customers-auth.csv")
def export_customers_auth(team: str = Depends(require_key)):
    # ok: VC402
    df = pd.read_sql("SELECT customer_id, ltv_90d FROM customers", db.engine)
    log.info("team %s exported %d customers", team, len(df))
    buf = io.StringIO()
    df.to_csv(buf, index=False)
    return StreamingResponse(iter([buf.getvalue()]), media_type="text/csv")


@app.post("/exports", dependencies=[Depends(require_key)])
def export_snapshot(req: ExportRequest):
    df = _load_snapshot(req.snapshot)
    target = os.path.join(EXPORT_DIR, req.filename)
    # expect: VC405/VC232
    df.to_csv(target, index=False)
    return {"path": target}


@app.post("/exports/safe", dependencies=[Depends(require_key)])
def export_snapshot_safe(req: ExportRequest):
    df = _load_snapshot(req.snapshot)
    # ok: VC405, VC232
    target = EXPORT_DIR / f"{uuid.uuid4().hex}.csv"
    df.to_csv(target, index=False)
    return {"id": target.stem}


@app.get("/exports/{export_id}", dependencies=[Depends(require_key)])
def download_export(export_id: str):
    try:
        uuid.UUID(hex=export_id)
    except ValueError as exc:
        raise HTTPException(status_code=404, detail="not found") from exc
    # ok: VC405
    return FileResponse(EXPORT_DIR / f"{export_id}.csv", media_type="text/csv")


@app.get("/exports/file/{name}", dependencies=[Depends(require_key)])
def download_named_export(name: str):
    # expect: VC405
    return FileResponse(f"{EXPORT_DIR}/{name}", media_type="text/csv")


@app.exception_handler(Exception)
async def on_error(request, exc: Exception):
    from fastapi.responses import JSONResponse

    log.exception("unhandled error on %s", request.url.path)
    # expect: VC414
    return JSONResponse(status_code=500, content={"error": str(exc), "type": type(exc).__name__})
