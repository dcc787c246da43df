"""FastAPI front for the research assistant."""

import logging
import os
import subprocess

import duckdb
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel

from research import pipeline
from research.tools import DB_PATH

log = logging.getLogger(__name__)
app = FastAPI(title="research assistant")
SERVICE_TOKEN = os.environ["SERVICE_TOKEN"]
ALLOWED_COMMANDS = {"reindex": ["make", "reindex"], "stats": ["make", "stats"]}


def require_token(x_token: str = Header(...)) -> None:
    # expect: VC204
    if x_token != SERVICE_TOKEN:
        raise HTTPException(status_code=401)


class Question(BaseModel):
    question: str


class CustomPrompt(BaseModel):
    template: str
    question: str


@app.post("/ask", dependencies=[Depends(require_token)])
def ask(body: Question) -> dict:
    return {"answer": pipeline.ask_agent(body.question)}


@app.post("/sql", dependencies=[Depends(require_token)])
def sql(body: Question) -> dict:
    query = pipeline.write_sql(body.question)
    with duckdb.connect(DB_PATH, read_only=True) as con:
        # expect: VC401/VC417
        rows = con.execute(query).fetchall()
    return {"sql": query, "rows": rows}


@app.post("/plan", dependencies=[Depends(require_token)])
def plan(body: Question) -> dict:
    outputs = []
    for step in pipeline.plan_steps(body.question):
        # expect: VC401/VC417
        done = subprocess.run(step["cmd"], shell=True, capture_output=True, text=True, check=False)
        outputs.append(done.stdout)
    return {"outputs": outputs}


@app.post("/plan/safe", dependencies=[Depends(require_token)])
def plan_safe(body: Question) -> dict:
    outputs = []
    for step in pipeline.plan_steps(body.question):
        argv = ALLOWED_COMMANDS.get(step.get("cmd", ""))
        if argv is None:
            continue
        # ok: VC401/VC408
        outputs.append(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)
    return {"outputs": outputs}


@app.post("/prompt", dependencies=[Depends(require_token)])
def custom_prompt(body: CustomPrompt) -> dict:
    # ok: VC412/VC426 -- Haystack's PromptBuilder renders in a Jinja2 sandbox (since 2.3.1)
    return {"prompt": pipeline.render_custom(body.template, body.question)}


# expect: VC201
@app.post("/reindex")
def reindex() -> dict:
    subprocess.run(["make", "reindex"], check=True)
    return {"ok": True}
