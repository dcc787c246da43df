import os
import shlex
import subprocess

import pandas as pd
from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import create_engine, text

from .model import complete, complete_json, plan_query

app = FastAPI(title="Analyst")
engine = create_engine(os.environ.get("WAREHOUSE_URL", "sqlite:///warehouse.db"))
sales = pd.read_parquet("/srv/data/sales.parquet")
COLUMNS = {"region", "product", "channel"}
sandbox = SandboxedEnvironment()


# expect: VC201
@app.post("/ask")
async def ask(question: str) -> list[dict]:
    plan = plan_query(question)
    with engine.connect() as conn:
        # expect: VC401/VC417
        return [dict(row) for row in conn.execute(text(plan.sql)).mappings()]


@app.post("/filter")
async def filter_sales(question: str) -> list[dict]:
    expression = await complete(f"Write a pandas query() expression over columns {list(sales.columns)}: {question}")
    # expect: VC401/VC417
    return sales.query(expression).head(100).to_dict("records")


@app.post("/group")
async def group_sales(question: str) -> list[dict]:
    column = (await complete(f"Which one of {sorted(COLUMNS)} should I group by for: {question}")).strip()
    if column not in COLUMNS:
        column = "region"
    # ok: VC401/VC417
    return sales.groupby(column)["amount"].sum().reset_index().to_dict("records")


@app.post("/report", response_class=HTMLResponse)
async def report(question: str) -> str:
    template_source = await complete(f"Write a Jinja2 template for an HTML report answering: {question}")
    # expect: VC401/VC417
    return Template(template_source).render(rows=sales.head(20).to_dict("records"))


@app.post("/report-sandboxed", response_class=HTMLResponse)
async def report_sandboxed(question: str) -> str:
    template_source = await complete(f"Write a Jinja2 template for an HTML report answering: {question}")
    # ok: VC401/VC417
    return sandbox.from_string(template_source).render(rows=sales.head(20).to_dict("records"))


@app.post("/export")
async def export(question: str) -> dict:
    spec = await complete_json(f"Pick a file name and format (csv or json) to export data for: {question}")
    # expect: VC401/VC417, VC110
    subprocess.run(f"duckdb warehouse.db -c \"COPY sales TO '/srv/exports/{spec['filename']}'\"", shell=True,
                   check=True)
    return {"file": spec["filename"]}


@app.post("/export-quoted")
async def export_quoted(question: str) -> dict:
    spec = await complete_json(f"Pick a file name to export data for: {question}")
    target = shlex.quote("/srv/exports/" + os.path.basename(spec["filename"]))
    # ok: VC401/VC417
    # expect: VC110
    subprocess.run(f"cp /srv/exports/latest.csv {target}", shell=True, check=True)
    return {"file": target}


@app.post("/notes")
async def save_notes(question: str) -> dict:
    answer = await complete_json(f"Summarise the findings for {question} as {{'path': ..., 'text': ...}}")
    # expect: VC401/VC417, VC110
    with open(answer["path"], "w", encoding="utf-8") as handle:
        handle.write(answer["text"])
    return {"saved": answer["path"]}
