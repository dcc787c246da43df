"""The Claude tool-use loop that drafts invoices."""

import json
import logging
import os

import anthropic
# expect: VC503
from anthropic.tooling import ToolRunner

from .tools import REGISTRY, TOOL_SCHEMAS

logger = logging.getLogger(__name__)
# ok: VC403
client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])
MODEL = "claude-3-5-sonnet-latest"
SYSTEM = "You draft invoices for a small consultancy. Use the tools to look up customers and compute totals."


def draft(request: str, max_turns: int = 8) -> str:
    messages = [{"role": "user", "content": request}]
    # ok: VC109
    for _ in range(max_turns):
        response = client.messages.create(model=MODEL, max_tokens=2048, system=SYSTEM, tools=TOOL_SCHEMAS, messages=messages)
        if response.stop_reason != "tool_use":
            return "".join(block.text for block in response.content if block.type == "text")
        messages.append({"role": "assistant", "content": response.content})
        results = []
        for block in response.content:
            if block.type != "tool_use":
                continue
            try:
                output = REGISTRY[block.name](**block.input)
            except Exception as exc:
                logger.exception("tool %s failed", block.name)
                output = f"error: {exc}"
            results.append({"type": "tool_result", "tool_use_id": block.id, "content": output})
        messages.append({"role": "user", "content": results})
    raise RuntimeError("assistant did not finish within the turn budget")


def extract_line_items(text: str) -> list[dict]:
    response = client.messages.create(
        model=MODEL, max_tokens=1024,
        messages=[{"role": "user", "content": f"Return the invoice line items in this text as a JSON list:\n{text}"}],
    )
    try:
        return json.loads(response.content[0].text)
    # expect: VC101/VC103
    except json.JSONDecodeError:
        return []


def runner() -> ToolRunner:
    return ToolRunner(client, REGISTRY)
