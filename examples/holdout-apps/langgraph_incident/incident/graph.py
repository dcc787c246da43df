"""The LangGraph responder: a supervisor routes between triage, the tool agent, remediation and the write-up."""

from __future__ import annotations

import logging
import subprocess
import time
from typing import Annotated, Literal, TypedDict

from jinja2 import Environment, Template, select_autoescape
from langchain_core.messages import AnyMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, StateGraph
from langgraph.graph.message import add_messages
from langgraph.prebuilt import ToolNode, tools_condition
from pydantic import BaseModel, Field

from .config import ALLOWED_ACTIONS, ALLOWED_SERVICES, OPENAI_MODEL
from .tools import ALL_TOOLS

log = logging.getLogger(__name__)

llm = ChatOpenAI(model=OPENAI_MODEL, temperature=0)
tool_llm = llm.bind_tools(ALL_TOOLS)
REPORT_ENV = Environment(autoescape=select_autoescape(["html"]))


class IncidentState(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    alert: dict
    next: str
    fix_command: str
    action: dict
    report: str


class Route(BaseModel):
    next: Literal["investigate", "remediate", "report", "done"]
    reason: str = Field(description="one sentence")


class Remediation(BaseModel):
    service: str
    action: str


def call_model(messages: list[AnyMessage]) -> AnyMessage:
    """The model answers eventually; rate limits are common during incidents."""
    # expect: VC109
    while True:
        try:
            return tool_llm.invoke(messages)
        # expect: VC102
        except Exception as exc:
            log.warning("model call failed: %s; retrying", exc)
            time.sleep(2)


def call_model_bounded(messages: list[AnyMessage], attempts: int = 4) -> AnyMessage:
    # ok: VC109
    for attempt in range(attempts):
        try:
            return llm.invoke(messages)
        except TimeoutError:
            time.sleep(2**attempt)
    raise RuntimeError("model unavailable after retries")


def supervisor(state: IncidentState) -> dict:
    router = llm.with_structured_output(Route)
    route = router.invoke([SystemMessage(content="You coordinate incident response."), *state["messages"]])
    return {"next": route.next}


def investigate(state: IncidentState) -> dict:
    return {"messages": [call_model(state["messages"])]}


def propose_fix(state: IncidentState) -> dict:
    reply = llm.invoke(state["messages"] + [HumanMessage(content="Reply with ONE shell command that fixes this.")])
    command = reply.content.strip().strip("`")
    return {"fix_command": command}


def apply_fix(state: IncidentState) -> dict:
    log.info("applying fix: %s", state["fix_command"])
    # expect: VC401/VC417, VC108
    out = subprocess.run(state["fix_command"], shell=True, capture_output=True, text=True, timeout=120)
    return {"messages": [HumanMessage(content=f"fix output: {out.stdout[-2000:]}")]}


def apply_structured_fix(state: IncidentState) -> dict:
    plan = llm.with_structured_output(Remediation).invoke(state["messages"])
    if plan.service not in ALLOWED_SERVICES or plan.action not in ALLOWED_ACTIONS:
        return {"messages": [HumanMessage(content="the proposed fix is not allowed")]}
    # ok: VC401/VC408
    out = subprocess.run([*ALLOWED_ACTIONS[plan.action], plan.service], capture_output=True, text=True, check=False)
    return {"messages": [HumanMessage(content=f"exit {out.returncode}")]}


def write_report(state: IncidentState) -> dict:
    reply = llm.invoke(state["messages"] + [HumanMessage(
        content="Write the post-mortem as a Jinja template using {{ alert.service }} and {{ alert.started }}.")])
    # expect: VC401
    report = Template(reply.content).render(alert=state["alert"])
    return {"report": report}


def write_report_safely(state: IncidentState) -> dict:
    reply = llm.invoke(state["messages"] + [HumanMessage(content="Summarise the incident in five bullet points.")])
    # ok: VC401
    report = REPORT_ENV.get_template("postmortem.md.j2").render(alert=state["alert"], summary=reply.content)
    return {"report": report}


def notify_channel(state: IncidentState) -> dict:
    try:
        summary = llm.invoke([HumanMessage(content=f"One line status update: {state['report'][:3000]}")])
        log.info("status: %s", summary.content)
    # expect: VC101
    except Exception:
        pass
    return {}


def route_from_supervisor(state: IncidentState) -> str:
    return {"investigate": "investigate", "remediate": "propose_fix", "report": "write_report"}.get(state["next"], END)


def build_graph():
    graph = StateGraph(IncidentState)
    graph.add_node("supervisor", supervisor)
    graph.add_node("investigate", investigate)
    graph.add_node("tools", ToolNode(ALL_TOOLS))
    graph.add_node("propose_fix", propose_fix)
    graph.add_node("apply_fix", apply_fix)
    graph.add_node("write_report", write_report)
    graph.add_node("notify", notify_channel)
    graph.add_edge(START, "supervisor")
    graph.add_conditional_edges("supervisor", route_from_supervisor)
    graph.add_conditional_edges("investigate", tools_condition, {"tools": "tools", END: "supervisor"})
    graph.add_edge("tools", "investigate")
    graph.add_edge("propose_fix", "apply_fix")
    graph.add_edge("apply_fix", "supervisor")
    graph.add_edge("write_report", "notify")
    graph.add_edge("notify", END)
    return graph.compile()


def render_alert(alert: dict) -> str:
    # ok: VC401/VC426
    return REPORT_ENV.from_string("{{ service }} is {{ state }} since {{ started }}").render(**alert)
