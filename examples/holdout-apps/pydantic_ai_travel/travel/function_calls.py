"""The older OpenAI function-calling loop, still used by the support widget."""

from __future__ import annotations

import itertools
import json
import logging
import subprocess
import time

import openai
from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()


def lookup_airport(code: str) -> dict:
    return {"code": code.upper()[:3], "name": "unknown"}


def visa_rules(country: str) -> str:
    return f"See https://www.timaticweb.com for {country}"


def run_report(name: str) -> str:
    return subprocess.run(["./reports/run.sh", name], capture_output=True, text=True, check=True).stdout


SUPPORT_TOOLS = {"lookup_airport": lookup_airport, "visa_rules": visa_rules}
TOOL_SCHEMAS = [
    {"type": "function", "function": {"name": "lookup_airport", "description": "Airport by IATA code",
                                      "parameters": {"type": "object", "properties": {"code": {"type": "string"}}}}},
    {"type": "function", "function": {"name": "visa_rules", "description": "Visa rules for a country",
                                      "parameters": {"type": "object", "properties": {"country": {"type": "string"}}}}},
    {"type": "function", "function": {"name": "run_report", "description": "Run a named ops report",
                                      "parameters": {"type": "object", "properties": {"name": {"type": "string"}}}}},
]


def complete(messages: list[dict]) -> openai.types.chat.ChatCompletion:
    # expect: VC109
    for attempt in itertools.count():
        try:
            return client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOL_SCHEMAS)
        except openai.RateLimitError:
            time.sleep(min(2**attempt, 30))


def complete_bounded(messages: list[dict]) -> openai.types.chat.ChatCompletion:
    # ok: VC109
    for attempt in range(5):
        try:
            return client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOL_SCHEMAS)
        except openai.RateLimitError:
            time.sleep(2**attempt)
    raise RuntimeError("rate limited")


def dispatch(name: str, arguments: str) -> str:
    args = json.loads(arguments)
    # expect: VC401/VC417
    result = globals()[name](**args)
    return json.dumps(result)


def dispatch_allowlisted(name: str, arguments: str) -> str:
    handler = SUPPORT_TOOLS.get(name)
    if handler is None:
        return json.dumps({"error": f"unknown tool {name}"})
    # ok: VC401
    return json.dumps(handler(**json.loads(arguments)))


def answer(question: str) -> str:
    messages = [{"role": "system", "content": "You answer travel support questions."},
                {"role": "user", "content": question}]
    for _ in range(6):
        reply = complete(messages).choices[0].message
        if not reply.tool_calls:
            return reply.content or ""
        messages.append(reply.model_dump())
        for call in reply.tool_calls:
            output = dispatch(call.function.name, call.function.arguments)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": output})
    return "Sorry, I could not finish that."


def classify_ticket(text: str) -> str:
    try:
        reply = client.chat.completions.create(model="gpt-4o-mini",
                                               messages=[{"role": "user", "content": f"Category of: {text}"}])
        return reply.choices[0].message.content or "other"
    except Exception:
        # expect: VC102/VC103
        return "other"


def suggest_shell_fix(error_text: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": f"One bash command that fixes: {error_text}"}])
    command = reply.choices[0].message.content.strip()
    log.info("running suggested fix %s", command)
    # expect: VC401
    return subprocess.check_output(command, shell=True, text=True)
