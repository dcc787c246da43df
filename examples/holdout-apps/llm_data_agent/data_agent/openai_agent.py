import json
import logging
import os
import time

from openai import OpenAI

from .db import get_conn
from .tools import TOOL_SCHEMAS, TOOLS

log = logging.getLogger(__name__)
# expect: VC403/VC203 -- hard-coded OpenAI key as fallback
client = OpenAI(api_key=os.getenv("OPENAI_API_KEY", "sk-proj-Xk29sLqP0vN8mR4tY7wZ1bC3dE5fG6hJ"))
MODEL = "gpt-4o-mini"


def chat(messages: list[dict], tools: list[dict] | None = None):
    for _ in range(3):
        try:
            return client.chat.completions.create(model=MODEL, messages=messages, tools=tools)
        # expect: VC101/VC102 -- retry loop that eats every error and returns None at the end
        except Exception:
            time.sleep(1)


def run_agent(question: str, max_steps: int = 8) -> str:
    messages = [
        {"role": "system", "content": "You are a data analyst. Use the tools to answer."},
        {"role": "user", "content": question},
    ]
    for _ in range(max_steps):
        response = chat(messages, TOOL_SCHEMAS)
        msg = response.choices[0].message
        if not msg.tool_calls:
            return msg.content
        messages.append(msg)
        for call in msg.tool_calls:
            args = json.loads(call.function.arguments)
            result = TOOLS[call.function.name](args["arg"])
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
    return "step limit reached"


def text_to_sql(question: str) -> list[dict]:
    response = chat([
        {"role": "system", "content": "Write one SQLite query. Reply with SQL only."},
        {"role": "user", "content": question},
    ])
    sql = response.choices[0].message.content.strip().strip("`")
    conn = get_conn()
    cur = conn.cursor()
    # expect: VC401/VC417 -- model output executed as SQL
    cur.execute(sql)
    return [dict(r) for r in cur.fetchall()]


def summarise_metric(question: str) -> float:
    response = chat([{"role": "user", "content": f"Give a Python arithmetic expression for: {question}"}])
    expression = response.choices[0].message.content
    # expect: VC401/VC417 -- model output to eval
    return eval(expression)


def classify(question: str) -> str:
    response = chat([{"role": "user", "content": f"Answer with one of: sales, ops, hr. {question}"}])
    label = response.choices[0].message.content.strip().lower()
    # ok: VC401 -- model output checked against an allowlist
    return label if label in {"sales", "ops", "hr"} else "unknown"
