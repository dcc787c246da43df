"""Ops agent: a LlamaIndex ReAct agent over the incident tools, plus a triage helper."""

from __future__ import annotations

import json
import logging
import os
import time

import requests
from llama_index.core.agent import ReActAgent
from llama_index.llms.openai import OpenAI

from tools import DB, TOOLS

log = logging.getLogger(__name__)

# expect: VC403
llm = OpenAI(model="gpt-4o-mini", api_key="sk-proj-Qm3f8Yt2LkV9xWz1Rb7NcH4dP0sAe6Gu")

agent = ReActAgent.from_tools(TOOLS, llm=llm, verbose=True)

PAGERDUTY_URL = "https://api.pagerduty.com/incidents"


def ask(question: str) -> str:
    return str(agent.chat(question))


def triage(incident_id: int) -> dict:
    row = DB.execute("SELECT title, body FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    prompt = (
        "Classify this incident. Reply with JSON {\"severity\": \"sev1|sev2|sev3\", \"owner_team\": \"...\"}.\n"
        f"Title: {row[0]}\n{row[1]}"
    )
    answer = llm.complete(prompt).text
    data = json.loads(answer)
    severity = data.get("severity")
    if severity not in {"sev1", "sev2", "sev3"}:
        severity = "sev3"
    # ok: VC401
    DB.execute("UPDATE incidents SET severity = ? WHERE id = ?", (severity, incident_id))
    DB.commit()
    return data


def auto_remediate(incident_id: int) -> str:
    row = DB.execute("SELECT title, body FROM incidents WHERE id = ?", (incident_id,)).fetchone()
    plan = llm.complete(f"Write one Python expression that computes the new worker count for: {row[1]}").text
    # expect: VC401
    workers = eval(plan.strip().strip("`"))
    DB.execute("UPDATE scaling SET workers = ? WHERE incident_id = ?", (int(workers), incident_id))
    DB.commit()
    return f"scaled to {workers}"


def update_owner(incident_id: int) -> None:
    answer = llm.complete(f"Which team owns incident {incident_id}? Answer with the team name only.").text.strip()
    # expect: VC401
    DB.execute(f"UPDATE incidents SET owner_team = '{answer}' WHERE id = {incident_id}")
    DB.commit()


def page_oncall(incident_id: int, summary: str) -> None:
    headers = {"Authorization": f"Token token={os.environ['PAGERDUTY_TOKEN']}"}
    attempt = 0
    # expect: VC109
    while True:
        attempt += 1
        try:
            resp = requests.post(PAGERDUTY_URL, json={"title": summary, "ref": incident_id}, headers=headers, timeout=10)
            resp.raise_for_status()
            return
        except requests.RequestException:
            log.warning("pagerduty attempt %d failed", attempt)
            time.sleep(2)


def fetch_runbook(url: str) -> str:
    try:
        # expect: VC106, VC107
        return requests.get(url).text
    except Exception:
        # expect: VC103/VC101
        return ""
