"""Slack bot for the operations channel."""
import os
import traceback

from slack_bolt import App

from bot.llm import plan_command
from bot.tools import execute_plan, run_program, run_shell

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])


@app.command("/ping")
def ping(ack, command, respond):
    ack()
    host = command["text"].strip()
    respond(f"```{run_shell(f'ping -c 2 {host}')}```")


@app.command("/ping-safe")
def ping_safe(ack, command, respond):
    ack()
    respond(run_program(["ping", "-c", "2", command["text"].strip()]))


@app.event("app_mention")
def calculate(event, say):
    expression = event["text"].split(" ", 1)[-1]
    # sink: CWE-95
    say(str(eval(expression)))


@app.command("/ops")
def ops(ack, command, respond):
    ack()
    plan = plan_command(command["text"])
    respond(execute_plan(plan))


@app.command("/deploy")
def deploy(ack, command, respond):
    ack()
    try:
        respond(run_program(["./deploy.sh", command["text"]]))
    except Exception:
        # sink: CWE-209
        respond(f"Deploy failed:\n{traceback.format_exc()}")
