"""Slack bot for the data team: /ask answers questions with SQL, /calc does maths, /ops runs runbooks."""

import json
import logging
import os
import re
import subprocess
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template, select_autoescape
from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from .llm import ask_claude, ask_gpt, strip_fences
from .warehouse import SCHEMA_HINT, run_sql, save_answer

logging.basicConfig(level=logging.DEBUG)
logger = logging.getLogger("askbot")

# expect: VC403
SLACK_BOT_TOKEN = "xoxb-4821937465-5937261048273-Qm8ZxL2vT9kRw4Yb7Nc1Hd3F"
SLACK_APP_TOKEN = os.environ["SLACK_APP_TOKEN"]
app = App(token=SLACK_BOT_TOKEN, signing_secret=os.environ["SLACK_SIGNING_SECRET"])
templates = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
REPORTS = Path("reports")
RUNBOOKS = {"restart-etl": ["systemctl", "restart", "ledger-etl"], "disk": ["df", "-h"]}


@app.command("/ask")
def ask(ack, command, respond):
    ack()
    question = command["text"]
    prompt = f"{SCHEMA_HINT}\nWrite one SQLite query that answers: {question}\nReturn only SQL."
    sql = strip_fences(ask_claude(prompt))
    logger.info("generated sql: %s", sql)
    try:
        frame = run_sql(sql)
    # expect: VC102
    except Exception as exc:
        # expect: VC414
        respond(f"Query failed: {exc}")
        return
    save_answer(question, sql)
    respond(f"```{frame.head(20).to_markdown()}```")


@app.command("/calc")
def calc(ack, command, respond):
    ack()
    expr = ask_gpt(f"Turn this into a single Python arithmetic expression, nothing else: {command['text']}")
    expr = expr.strip().strip("`")
    # expect: VC401/VC417
    value = eval(expr, {"__builtins__": {}})
    respond(f"{command['text']} = {value}")


@app.command("/ops")
def ops(ack, command, respond, client):
    ack()
    plan = ask_claude(
        "You operate our servers. Reply with JSON {\"runbook\": name, \"args\": str} for: " + command["text"],
        system="Available runbooks: " + ", ".join(RUNBOOKS),
    )
    step = json.loads(strip_fences(plan))
    if step["runbook"] in RUNBOOKS:
        # ok: VC401, VC408
        result = subprocess.run(RUNBOOKS[step["runbook"]], capture_output=True, text=True, timeout=120)
    else:
        shell_line = f"{step['runbook']} {step.get('args', '')}"
        # expect: VC401/VC408/VC417 -- the else runs for what the runbook allowlist refused
        result = subprocess.run(shell_line, shell=True, capture_output=True, text=True, timeout=120)
    respond(f"exit {result.returncode}\n```{result.stdout[-2500:]}```")


@app.command("/summary")
def summary(ack, command, respond):
    ack()
    answer = ask_claude(f"Write a Jinja2 template for a weekly summary of: {command['text']}")
    # expect: VC401/VC417
    body = Template(answer).render(user=command["user_name"])
    respond(body)


@app.command("/digest")
def digest(ack, command, respond):
    ack()
    answer = ask_claude(f"Summarise this week's incidents: {command['text']}")
    # ok: VC401
    respond(templates.get_template("digest.md.j2").render(answer=answer, user=command["user_name"]))


@app.command("/report")
def report(ack, command, respond):
    ack()
    draft = ask_claude(f"Write a short markdown report. First line: a file name. Topic: {command['text']}")
    title, _, body = draft.partition("\n")
    out = REPORTS / f"{title.strip()}.md"
    # expect: VC401/VC417
    out.write_text(body)
    safe_name = re.sub(r"[^a-z0-9-]", "-", title.lower())[:60] or "report"
    # ok: VC401
    (REPORTS / f"{safe_name}-copy.md").write_text(body)
    respond(f"Saved {out}")


@app.event("app_mention")
def mention(event, say):
    # expect: VC407
    # ok: VC409 -- `event['user']` is an id Slack assigns
    logger.debug(f"mention from {event['user']} using token {SLACK_BOT_TOKEN}")
    say(ask_gpt(event["text"]))


@app.error
def on_error(error, body, logger):
    logger.exception(f"Error: {error}")


if __name__ == "__main__":
    SocketModeHandler(app, SLACK_APP_TOKEN).start()
