"""Claude-backed toxicity classifier and rule writer."""
from __future__ import annotations

import json
import re

import anthropic

from .settings import ANTHROPIC_API_KEY

client = anthropic.AsyncAnthropic(api_key=ANTHROPIC_API_KEY)
MODEL = "claude-3-5-haiku-latest"

CLASSIFY_PROMPT = """Classify the Discord message below. Answer JSON only:
{"toxic": true|false, "action": "none"|"delete"|"timeout"|"ban", "reason": "..."}

Message:
"""

ACTIONS = {"none", "delete", "timeout"}


async def classify(content: str) -> dict:
    msg = await client.messages.create(model=MODEL, max_tokens=200, messages=[{"role": "user", "content": CLASSIFY_PROMPT + content}])
    text = msg.content[0].text
    match = re.search(r"\{.*\}", text, re.S)
    verdict = json.loads(match.group(0)) if match else {"toxic": False, "action": "none", "reason": ""}
    if verdict.get("action") not in ACTIONS:
        verdict["action"] = "none"
    return verdict


async def write_filter(description: str) -> str:
    """Ask the model for a Python predicate `def check(text): ...` that implements a moderation rule."""
    msg = await client.messages.create(
        model=MODEL,
        max_tokens=400,
        messages=[{"role": "user", "content": f"Write a Python function check(text) -> bool that flags: {description}. Code only."}],
    )
    return msg.content[0].text.strip().strip("`").removeprefix("python\n")


def compile_filter(source: str):
    namespace: dict = {}
    # expect: VC401/VC417 -- the model's code runs in the bot process
    exec(source, namespace)
    return namespace["check"]


async def explain(content: str) -> str:
    msg = await client.messages.create(model=MODEL, max_tokens=300, messages=[{"role": "user", "content": f"Explain why this may break the rules: {content}"}])
    return msg.content[0].text
