"""OpenAI chat with tool calling."""

from __future__ import annotations

import json
import logging

from openai import AsyncOpenAI

from .config import MODEL, OPENAI_API_KEY
from .tools import TOOL_SCHEMAS, dispatch

log = logging.getLogger(__name__)
client = AsyncOpenAI(api_key=OPENAI_API_KEY)

SYSTEM = (
    "You are HomeBot, a helpful assistant running on the user's home server. "
    "Use the tools to answer questions about the machine, notes and weather."
)


async def chat(history: list[dict], user_text: str, max_steps: int = 6) -> str:
    messages = [{"role": "system", "content": SYSTEM}, *history, {"role": "user", "content": user_text}]
    # ok: VC109
    for _ in range(max_steps):
        resp = await client.chat.completions.create(model=MODEL, messages=messages, tools=TOOL_SCHEMAS)
        msg = resp.choices[0].message
        if not msg.tool_calls:
            return msg.content or ""
        messages.append(msg.model_dump(exclude_none=True))
        for call in msg.tool_calls:
            args = json.loads(call.function.arguments)
            log.info("tool %s(%s)", call.function.name, args)
            result = await dispatch(call.function.name, args)
            messages.append({"role": "tool", "tool_call_id": call.id, "content": str(result)[:4000]})
    return "Sorry, I got stuck."


async def summarize(text: str) -> str:
    resp = await client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "system", "content": "Summarize in one sentence."}, {"role": "user", "content": text}],
    )
    return resp.choices[0].message.content or ""


async def suggest_command(task: str) -> str:
    resp = await client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "system", "content": "Reply with a single bash command, no explanation."},
            {"role": "user", "content": task},
        ],
    )
    return resp.choices[0].message.content.strip().strip("`")
