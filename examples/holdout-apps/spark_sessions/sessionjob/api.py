"""Small backfill API the analysts call to preview and re-run partitions on the shared cluster."""

from __future__ import annotations

import os
from datetime import date

from databricks.sdk import WorkspaceClient
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

from sessionjob import transforms
from sessionjob.spark import get_spark

app = FastAPI(title="sessionjob backfill")

# expect: VC403
DATABRICKS_TOKEN = "dapi8f3c2b1a9e7d6c5b4a3f2e1d0c9b8a7f"
JOB_ID = int(os.environ.get("SESSIONIZE_JOB_ID", "4821"))
ALLOWED_TABLES = {"analytics.user_sessions", "raw.clickstream_events"}


def require_token(x_api_key: str = Header(...)) -> None:
    import hmac

    if not hmac.compare_digest(x_api_key, os.environ["BACKFILL_API_KEY"]):
        raise HTTPException(status_code=401, detail="bad key")


class PreviewRequest(BaseModel):
    table: str
    where: str = "1=1"
    limit: int = 100


class RerunRequest(BaseModel):
    run_date: str
    output_path: str


@app.post("/preview", dependencies=[Depends(require_token)])
def preview(req: PreviewRequest):
    spark = get_spark("backfill-preview")
    # expect: VC422
    rows = spark.sql(f"SELECT * FROM {req.table} WHERE {req.where} LIMIT {req.limit}").collect()
    return [r.asDict() for r in rows]


@app.post("/preview/safe", dependencies=[Depends(require_token)])
def preview_safe(req: PreviewRequest):
    if req.table not in ALLOWED_TABLES:
        raise HTTPException(status_code=400, detail="unknown table")
    spark = get_spark("backfill-preview")
    # ok: VC422
    rows = spark.table(req.table).limit(min(req.limit, 1000)).collect()
    return [r.asDict() for r in rows]


@app.post("/preview/filter", dependencies=[Depends(require_token)])
def preview_filter(req: PreviewRequest):
    spark = get_spark("backfill-preview")
    df = spark.table("analytics.user_sessions")
    # expect: VC422/VC417
    return [r.asDict() for r in transforms.filter_expression(df, req.where).limit(100).collect()]


# expect: VC201
@app.post("/rerun")
def rerun(req: RerunRequest):
    client = WorkspaceClient(host=os.environ["DATABRICKS_HOST"], token=DATABRICKS_TOKEN)
    run = client.jobs.run_now(
        job_id=JOB_ID,
        python_params=["--config", "conf/prod.yaml", "--run-date", req.run_date],
    )
    return {"run_id": run.run_id}


@app.post("/export", dependencies=[Depends(require_token)])
def export(req: RerunRequest):
    spark = get_spark("backfill-export")
    sessions = spark.sql("SELECT * FROM analytics.user_sessions WHERE event_date = :d", args={"d": req.run_date})
    # expect: VC405/VC232
    sessions.write.mode("overwrite").parquet(req.output_path)
    return {"written": req.output_path}


@app.post("/export/own", dependencies=[Depends(require_token)])
def export_own(req: RerunRequest):
    spark = get_spark("backfill-export")
    sessions = spark.sql("SELECT * FROM analytics.user_sessions WHERE event_date = :d", args={"d": req.run_date})
    target = f"abfss://exports@clickdata.dfs.core.windows.net/sessions/{date.fromisoformat(req.run_date)}"
    # ok: VC405, VC232
    sessions.write.mode("overwrite").parquet(target)
    return {"written": target}
