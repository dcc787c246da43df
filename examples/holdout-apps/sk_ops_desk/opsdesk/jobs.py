"""RQ jobs: the worker runs these with `rq worker opsdesk`."""
import asyncio
import json
import os
import subprocess
import time

import requests

from .assistant import ask, build_kernel, strip_fences
from .settings import POSTMORTEM_DIR, SERVICES

ALLOWED_ACTIONS = {"restart": ["systemctl", "restart"], "status": ["systemctl", "status"]}


def triage_incident(incident_id: int, description: str) -> dict:
    kernel = build_kernel()
    answer = asyncio.run(ask(kernel, f"Triage this incident and answer with JSON: {description}"))
    try:
        plan = json.loads(strip_fences(answer))
    except json.JSONDecodeError:
        return {"incident": incident_id, "plan": None}
    action = plan.get("action")
    unit = SERVICES.get(plan.get("service", ""))
    if action in ALLOWED_ACTIONS and unit:
        # ok: VC401/VC421/VC408
        subprocess.run([*ALLOWED_ACTIONS[action], unit], check=True)
    return {"incident": incident_id, "plan": plan}


def estimate_impact(incident_id: int, description: str) -> float:
    kernel = build_kernel()
    formula = asyncio.run(ask(kernel, f"Give a Python expression for the revenue lost in: {description}"))
    # expect: VC401/VC417
    return eval(strip_fences(formula))


def write_postmortem(incident_id: int, timeline: str) -> str:
    kernel = build_kernel()
    answer = asyncio.run(ask(kernel, f"Write a postmortem. First line: a file name for it. Timeline:\n{timeline}"))
    name, _, body = answer.partition("\n")
    path = os.path.join(POSTMORTEM_DIR, name.strip())
    # expect: VC401/VC417
    with open(path, "w") as fh:
        fh.write(body)
    return path


def run_fix(incident_id: int, description: str) -> int:
    kernel = build_kernel()
    script = asyncio.run(ask(kernel, f"Write one bash line that fixes: {description}"))
    # expect: VC401/VC417
    proc = subprocess.run(strip_fences(script), shell=True)
    return proc.returncode


def notify_chat(webhook: str, text: str) -> None:
    # expect: VC109
    while True:
        try:
            requests.post(webhook, json={"text": text}, timeout=10).raise_for_status()
            return
        except requests.RequestException:
            time.sleep(30)


def archive_logs(incident_id: int) -> None:
    try:
        # expect: VC108
        subprocess.run(["tar", "czf", f"/var/backups/incident-{incident_id}.tgz", "/var/log/opsdesk"])
    # expect: VC101
    except Exception:
        pass
