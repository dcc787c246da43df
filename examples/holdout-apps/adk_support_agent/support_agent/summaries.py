"""Ticket summaries and reply drafts with litellm, and the helpers that act on them."""

import json
import logging
import re
import subprocess

import litellm
from jinja2 import Environment, Template
from jinja2.sandbox import SandboxedEnvironment

from support_agent.config import OPENAI_API_KEY, SUMMARY_MODEL

log = logging.getLogger("support.summaries")
ALLOWED_ACTIONS = {"restart_web": ["systemctl", "restart", "shop-web"], "flush_cache": ["redis-cli", "FLUSHDB"]}


def ask(prompt: str) -> str:
    response = litellm.completion(
        model=SUMMARY_MODEL, api_key=OPENAI_API_KEY, messages=[{"role": "user", "content": prompt}]
    )
    return response.choices[0].message.content


def strip_fences(text: str) -> str:
    match = re.search(r"```(?:\w+)?\n(.*?)```", text, re.S)
    return match.group(1) if match else text


def draft_reply(ticket: dict) -> str:
    template_src = ask(f"Write a Jinja2 reply template for this ticket: {json.dumps(ticket)}")
    # expect: VC401/VC417/VC426
    return Template(strip_fences(template_src)).render(ticket=ticket)


def draft_reply_sandboxed(ticket: dict) -> str:
    template_src = ask(f"Write a Jinja2 reply template for this ticket: {json.dumps(ticket)}")
    # ok: VC401/VC417
    return SandboxedEnvironment().from_string(strip_fences(template_src)).render(ticket=ticket)


def suggested_fix(ticket: dict) -> None:
    answer = ask(f"Give one shell command that fixes this outage, nothing else: {ticket['body']}")
    command = strip_fences(answer).strip()
    log.info("running suggested fix %s", command)
    # expect: VC401/VC417
    subprocess.run(command, shell=True, check=True)


def suggested_action(ticket: dict) -> None:
    answer = ask(f"Reply with one of {sorted(ALLOWED_ACTIONS)} for this outage: {ticket['body']}")
    action = ALLOWED_ACTIONS.get(answer.strip())
    if action is None:
        return
    # ok: VC401/VC417/VC408
    subprocess.run(action, check=True)


def summarise(ticket: dict) -> dict:
    raw = ask(f"Summarise as JSON with keys title, priority: {ticket['body']}")
    try:
        return json.loads(strip_fences(raw))
    # expect: VC102
    except Exception:
        return {"title": ticket.get("subject", ""), "priority": "normal"}
