"""VC413 corpus: a client's text evaluated by pandas (`df.query`, `df.eval`, `pd.eval`), and the safe spellings."""
import click
import pandas as pd
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()
snapshot = pd.read_parquet("snapshot.parquet")
SORTABLE = {"ltv", "orders"}


class Cohort(BaseModel):
    condition: str
    segment: str = "smb"


@app.post("/cohorts/query")
def cohort_query(req: Cohort):
    df = pd.read_parquet("features.parquet")
    # expect: VC413
    return df.query(req.condition).head(100).to_dict(orient="records")


@app.post("/cohorts/score")
def cohort_score(req: Cohort):
    # expect: VC413 -- a name the file binds to a pandas reader is a frame
    return snapshot.eval(req.condition).tolist()


@app.get("/calc")
def calc(expr: str):
    # expect: VC413
    return {"value": float(pd.eval(expr))}


@app.post("/cohorts/segment")
def cohort_segment(req: Cohort):
    df = pd.read_parquet("features.parquet")
    segment = req.segment
    # ok: VC413 -- a fixed expression; the value is a variable pandas looks up
    return df.query("segment == @segment").to_dict(orient="records")


@app.get("/cohorts/column")
def cohort_column(column: str, value: float):
    df = pd.read_parquet("features.parquet")
    if column not in SORTABLE:
        return []
    # ok: VC413 -- a boolean mask, no expression text
    return df[df[column] >= value].to_dict(orient="records")


@app.get("/search")
def search(q: str, index=None):
    # ok: VC413 -- a search index's query, not a frame's
    return index.query(q)


@click.command()
@click.option("--where", default="ltv > 0")
def export(where: str) -> None:
    frame = pd.read_csv("customers.csv")
    # ok: VC413 -- the operator filtering their own data from the command line
    frame.query(where).to_csv("out.csv")
