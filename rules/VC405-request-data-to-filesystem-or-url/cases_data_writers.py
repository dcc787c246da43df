"""VC405 corpus: data frames written to a path the client chose (pandas `to_csv`, polars `write_parquet`, Spark's
`df.write...parquet(path)`), beside writes to paths the server picks."""
import io
import os
import uuid

import pandas as pd
import polars as pl
from fastapi import FastAPI
from pydantic import BaseModel
from pyspark.sql import SparkSession

app = FastAPI()
spark = SparkSession.builder.getOrCreate()
EXPORT_DIR = "/data/exports"


class Export(BaseModel):
    filename: str
    output_path: str = ""


@app.post("/exports/csv")
def export_csv(req: Export):
    df = pd.read_parquet("/data/snapshot.parquet")
    target = os.path.join(EXPORT_DIR, req.filename)
    # expect: VC405
    df.to_csv(target, index=False)
    return {"path": target}


@app.post("/exports/polars")
def export_polars(req: Export):
    frame = pl.read_parquet("/data/snapshot.parquet")
    # expect: VC405
    frame.write_parquet(f"{EXPORT_DIR}/{req.filename}")
    return {"ok": True}


@app.post("/exports/spark")
def export_spark(req: Export):
    sessions = spark.table("analytics.sessions")
    # expect: VC405
    sessions.write.mode("overwrite").partitionBy("day").parquet(req.output_path)
    return {"ok": True}


@app.post("/exports/safe")
def export_safe(req: Export):
    df = pd.read_parquet("/data/snapshot.parquet")
    # ok: VC405 -- a name the server makes
    df.to_csv(os.path.join(EXPORT_DIR, f"{uuid.uuid4().hex}.csv"), index=False)
    return {"ok": True}


@app.post("/exports/buffer")
def export_buffer(req: Export):
    df = pd.read_parquet("/data/snapshot.parquet")
    buf = io.StringIO()
    # ok: VC405 -- written to memory
    df.to_csv(buf, index=False)
    return {"name": req.filename, "csv": buf.getvalue()}


@app.post("/exports/spark/fixed")
def export_spark_fixed(req: Export):
    sessions = spark.table("analytics.sessions")
    # ok: VC405 -- the server's own folder
    sessions.write.mode("overwrite").parquet(f"{EXPORT_DIR}/sessions")
    return {"name": req.filename}
