"""A LangGraph agent: the planner writes SQL, a tool node runs the tools it picked."""

import sqlite3
import subprocess
from typing import TypedDict

from langchain_core.messages import HumanMessage
from langchain_core.tools import tool
from langchain_openai import ChatOpenAI
from langgraph.graph import END, StateGraph
from langgraph.prebuilt import ToolNode

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
conn = sqlite3.connect("warehouse.db", check_same_thread=False)


class State(TypedDict):
    question: str
    sql: str
    rows: list
    answer: str


def plan_query(state: State) -> dict:
    reply = llm.invoke([HumanMessage(content=f"Write one SQLite query for: {state['question']}")])
    return {"sql": reply.content.strip().strip("`")}


def run_query(state: State) -> dict:
    # expect: VC401/VC417
    rows = conn.execute(state["sql"]).fetchall()
    return {"rows": rows}


def summarise(state: State) -> dict:
    reply = llm.invoke(f"Summarise these rows for the question {state['question']}: {state['rows']}")
    return {"answer": reply.content}


@tool
def grep_logs(pattern: str) -> str:
    """Search the service logs for a pattern."""
    # ok: VC401
    # expect: VC108
    return subprocess.run(["grep", "-rn", "--", pattern, "/var/log/app"], capture_output=True, text=True).stdout


@tool
def tail_log(service: str) -> str:
    """Show the last lines of a service log."""
    # expect: VC401
    return subprocess.check_output(f"tail -n 50 /var/log/{service}.log", shell=True, text=True)


tool_node = ToolNode([grep_logs, tail_log])

graph = StateGraph(State)
graph.add_node("plan", plan_query)
graph.add_node("run", run_query)
graph.add_node("summarise", summarise)
graph.add_node("tools", tool_node)
graph.set_entry_point("plan")
graph.add_edge("plan", "run")
graph.add_edge("run", "summarise")
graph.add_edge("summarise", END)
app = graph.compile()


def fix_config(config_text: str) -> str:
    reply = llm.invoke(f"Fix this YAML and return it only:\n{config_text}")
    import yaml
    # expect: VC401
    return yaml.load(reply.content, Loader=yaml.Loader)


def draft_reply(ticket: str) -> str:
    reply = llm.invoke(f"Draft a reply to: {ticket}")
    # ok: VC401
    print(reply.content)
    return reply.content
