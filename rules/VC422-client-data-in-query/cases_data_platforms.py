"""VC422 corpus: a request's values pasted into the SQL of Spark, DuckDB and a BigQuery client known by its name."""
import duckdb
from fastapi import FastAPI
from google.cloud import bigquery
from pydantic import BaseModel
from pyspark.sql import SparkSession

app = FastAPI()
spark = SparkSession.builder.getOrCreate()
ALLOWED_TABLES = {"analytics.sessions", "raw.events"}


def client() -> bigquery.Client:
    return bigquery.Client()


class Preview(BaseModel):
    table: str
    where: str = "1=1"
    day: str = "2024-01-01"


@app.post("/spark/preview")
def spark_preview(req: Preview):
    # expect: VC422
    return spark.sql(f"SELECT * FROM {req.table} WHERE {req.where} LIMIT 100").collect()


@app.post("/spark/day")
def spark_day(req: Preview):
    # ok: VC422 -- a named parameter marker
    return spark.sql("SELECT * FROM raw.events WHERE event_date = :day", args={"day": req.day}).collect()


@app.get("/spark/table")
def spark_table(table: str):
    if table not in ALLOWED_TABLES:
        return []
    # ok: VC422 -- checked against an allow-list first
    return spark.sql(f"SELECT * FROM {table} LIMIT 100").collect()


@app.get("/duck/rows")
def duck_rows(where: str):
    con = duckdb.connect()
    # expect: VC422
    return con.sql(f"SELECT * FROM events WHERE {where}").fetchall()


@app.get("/duck/user")
def duck_user(user_id: str):
    con = duckdb.connect()
    # ok: VC422
    return con.sql("SELECT * FROM events WHERE user_id = $uid", params={"uid": user_id}).fetchall()


@app.get("/bq/orders")
def bq_orders(customer: str):
    bq = client()
    # expect: VC422
    return [dict(r) for r in bq.query(f"SELECT * FROM sales.orders WHERE customer = '{customer}'").result()]


@app.get("/bq/orders/bound")
def bq_orders_bound(customer: str):
    config = bigquery.QueryJobConfig(query_parameters=[bigquery.ScalarQueryParameter("c", "STRING", customer)])
    # ok: VC422
    return [dict(r) for r in client().query("SELECT * FROM sales.orders WHERE customer = @c", job_config=config).result()]
