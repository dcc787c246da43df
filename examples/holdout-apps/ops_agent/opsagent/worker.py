import json
import logging
import shlex
import subprocess

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from .llm import ask_claude, plan_remediation

log = logging.getLogger(__name__)
dramatiq.set_broker(RedisBroker(url="redis://localhost:6379/0"))
ALLOWED_SERVICES = {"api", "worker", "scheduler"}


@dramatiq.actor(max_retries=3)
def remediate(alert: str) -> None:
    plan = plan_remediation(alert)
    log.info("plan: %s", plan.summary)
    # expect: VC401/VC417
    subprocess.run(plan.shell_command, shell=True, check=True, timeout=120)


@dramatiq.actor(max_retries=3)
def restart_from_plan(alert: str) -> None:
    plan = plan_remediation(alert)
    if plan.service not in ALLOWED_SERVICES:
        log.warning("model proposed unknown service %r", plan.service)
        return
    # ok: VC401
    subprocess.run(["systemctl", "restart", f"ops-{plan.service}"], check=True, timeout=120)


@dramatiq.actor
def triage(alert: str) -> None:
    answer = ask_claude(f"Return JSON with keys `severity` and `check` (a Python expression over `metrics`).\n{alert}")
    verdict = json.loads(answer)
    metrics = {"error_rate": 0.02}
    # expect: VC401/VC417
    if eval(verdict["check"], {}, {"metrics": metrics}):
        log.error("alert confirmed: %s", verdict["severity"])


@dramatiq.actor
def annotate(alert: str) -> None:
    note = ask_claude(f"Summarise for the on-call channel: {alert}")
    try:
        # ok: VC401
        subprocess.run(["ops-notify", "--message", shlex.quote(note)], check=True, timeout=30)
    # expect: VC101
    except Exception:
        pass
