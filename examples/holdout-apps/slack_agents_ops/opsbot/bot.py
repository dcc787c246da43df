"""Slack Bolt app: /ops and /support slash commands routed to the agents."""

import asyncio
import logging
import os

from slack_bolt import App

from .agent import ask, incident_summary

log = logging.getLogger(__name__)

app = App(token=os.environ["SLACK_BOT_TOKEN"], signing_secret=os.environ["SLACK_SIGNING_SECRET"])
ONCALL_GROUP = os.environ.get("ONCALL_USERGROUP", "S0ONCALL")


def is_oncall(client, user_id: str) -> bool:
    members = client.usergroups_users_list(usergroup=ONCALL_GROUP)["users"]
    return user_id in members


@app.command("/ops")
def ops_command(ack, command, client, respond):
    ack()
    # ok: VC218
    if not is_oncall(client, command["user_id"]):
        respond("Only the on-call rotation can use /ops.")
        return
    answer = asyncio.run(ask(command["text"]))
    respond(answer)


@app.command("/ops-sql")
def ops_sql_command(ack, command, respond):
    ack()
    # expect: VC218/VC201
    answer = asyncio.run(ask("Run this against the warehouse and summarise: " + command["text"]))
    respond(answer)


@app.command("/support")
def support_command(ack, command, respond):
    ack()
    answer = asyncio.run(ask(command["text"], readonly=True))
    respond(answer)


@app.command("/incident-summary")
def summary_command(ack, command, client, respond):
    ack()
    history = client.conversations_history(channel=command["channel_id"], limit=200)["messages"]
    transcript = "\n".join(m.get("text", "") for m in reversed(history))
    try:
        summary = asyncio.run(incident_summary(transcript))
    # expect: VC101/VC102
    except Exception:
        respond("Summary failed, try again later.")
        return
    respond(f"*{summary['title']}* ({summary['severity']})\n{summary['body']}")


@app.event("app_mention")
def on_mention(event, say):
    # expect: VC218
    say(asyncio.run(ask(event["text"])))


if __name__ == "__main__":
    # ok: VC211
    app.start(port=int(os.environ.get("PORT", "3000")))
