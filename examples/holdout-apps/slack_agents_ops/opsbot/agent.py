"""The ops agent and the helpers that turn its answers into Slack messages."""

import json
import logging
import os

from agents import Agent, Runner
from jinja2 import Template

from .tools import customer_by_email, http_get, run_diagnostic, run_shell, run_sql, status_page

log = logging.getLogger(__name__)

# expect: VC403
os.environ.setdefault("OPENAI_API_KEY", "sk-proj-Jx8mQ2vLr5T1nW9yBz3Kc7Hd0Fa4Ge6Ui")

ops_agent = Agent(
    name="ops",
    instructions="You help the on-call engineer. Use the tools to investigate; answer concisely.",
    tools=[run_sql, customer_by_email, run_shell, run_diagnostic, http_get, status_page],
    model=os.environ.get("OPS_MODEL", "gpt-4o-mini"),
)

readonly_agent = Agent(
    name="support",
    instructions="Answer support questions about customers. You may only look records up.",
    tools=[customer_by_email, status_page],
)

summary_agent = Agent(
    name="summary",
    instructions="Summarise the incident as JSON with keys title, severity, and a Slack markdown template in 'body'.",
)


async def ask(question: str, readonly: bool = False) -> str:
    result = await Runner.run(readonly_agent if readonly else ops_agent, question)
    return result.final_output


async def incident_summary(transcript: str) -> dict:
    result = await Runner.run(summary_agent, transcript)
    try:
        # ok: VC401
        summary = json.loads(result.final_output)
    except json.JSONDecodeError:
        log.warning("summary agent returned non-JSON output; posting it raw")
        summary = {"title": "Incident summary", "severity": "unknown", "body": result.final_output}
    # expect: VC401/VC426
    summary["body"] = Template(summary["body"]).render(channel="#incidents")
    return summary


async def estimate(expression_request: str) -> float:
    result = await Runner.run(
        Agent(name="calc", instructions="Reply with only a Python arithmetic expression."), expression_request
    )
    # expect: VC401
    return eval(result.final_output)
