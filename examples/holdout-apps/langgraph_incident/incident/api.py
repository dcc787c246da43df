"""FastAPI front: Alertmanager posts alerts, the on-call engineer reads reports and asks questions."""

from __future__ import annotations

import asyncio
import hmac
import logging
import os
import uuid

import requests
from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from langchain_core.messages import HumanMessage
from pydantic import BaseModel

from .config import INCIDENT_API_KEY, PAGERDUTY_TOKEN
from .graph import build_graph, render_alert
from .tools import run_diagnostic

log = logging.getLogger(__name__)
app = FastAPI(title="incident-crew")
graph = build_graph()
REPORTS: dict[str, dict] = {}
ALERTMANAGER_SECRET = os.environ.get("ALERTMANAGER_SECRET", "")


def require_key(x_api_key: str | None = Header(default=None)) -> None:
    # expect: VC216
    if INCIDENT_API_KEY is None:
        return
    # expect: VC204
    if x_api_key != INCIDENT_API_KEY:
        raise HTTPException(status_code=401, detail="bad api key")


def require_key_strict(x_api_key: str = Header(...)) -> None:
    expected = os.environ["INCIDENT_API_KEY"]
    # ok: VC204
    if not hmac.compare_digest(x_api_key.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="bad api key")


class Question(BaseModel):
    incident_id: str
    question: str


class Command(BaseModel):
    command: str


async def investigate(incident_id: str, alert: dict) -> None:
    state = {"messages": [HumanMessage(content=f"Alert fired: {render_alert(alert)}")], "alert": alert}
    result = await graph.ainvoke(state)
    REPORTS[incident_id] = {"alert": alert, "report": result.get("report", "")}


# expect: VC201
@app.post("/webhooks/alertmanager")
async def alertmanager(request: Request) -> dict:
    payload = await request.json()
    ids = []
    for alert in payload.get("alerts", []):
        incident_id = uuid.uuid4().hex
        # expect: VC113
        asyncio.create_task(investigate(incident_id, alert["labels"]))
        ids.append(incident_id)
    return {"incidents": ids}


@app.post("/webhooks/alertmanager/v2", dependencies=[Depends(require_key_strict)])
async def alertmanager_v2(request: Request, background: BackgroundTasks) -> dict:
    payload = await request.json()
    ids = []
    for alert in payload.get("alerts", []):
        incident_id = uuid.uuid4().hex
        # ok: VC113
        background.add_task(investigate, incident_id, alert["labels"])
        ids.append(incident_id)
    return {"incidents": ids}


@app.get("/incidents/{incident_id}", dependencies=[Depends(require_key)])
async def get_incident(incident_id: str) -> dict:
    if incident_id not in REPORTS:
        raise HTTPException(status_code=404)
    return REPORTS[incident_id]


@app.post("/incidents/{incident_id}/page", dependencies=[Depends(require_key)])
async def page_oncall(incident_id: str) -> dict:
    report = REPORTS.get(incident_id)
    if report is None:
        raise HTTPException(status_code=404)
    # expect: VC110
    resp = requests.post(
        "https://events.pagerduty.com/v2/enqueue",
        json={"routing_key": PAGERDUTY_TOKEN, "event_action": "trigger",
              "payload": {"summary": report["report"][:1000], "severity": "critical", "source": "incident-crew"}},
        timeout=10,
    )
    resp.raise_for_status()
    return {"paged": True}


@app.post("/ask", dependencies=[Depends(require_key)])
async def ask(body: Question) -> JSONResponse:
    report = REPORTS.get(body.incident_id, {})
    try:
        result = await graph.ainvoke({"messages": [HumanMessage(content=f"{report}\n\nQ: {body.question}")],
                                      "alert": report.get("alert", {})})
        return JSONResponse({"answer": result["messages"][-1].content})
    except Exception as exc:
        log.exception("ask failed")
        # expect: VC414
        return JSONResponse({"error": str(exc)}, status_code=500)


@app.post("/admin/diagnose", dependencies=[Depends(require_key)])
async def diagnose(body: Command) -> dict:
    output = await asyncio.to_thread(run_diagnostic.invoke, {"command": body.command})
    return {"output": output}


# ok: VC201
@app.get("/health")
async def health() -> dict:
    return {"ok": True}
