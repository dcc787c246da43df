"""Ticket summarisation with OpenAI (the new "Summarise" button)."""

from __future__ import annotations

import json
import logging
import os

import httpx
from openai import AsyncOpenAI

log = logging.getLogger(__name__)

client = AsyncOpenAI(api_key=os.environ["OPENAI_API_KEY"])

PROMPT = """Summarise this support ticket in two sentences. Then suggest a priority
(low, normal, high, urgent) and up to three tags. Reply as JSON:
{"summary": "...", "priority": "...", "tags": ["..."]}

Ticket:
"""

PRIORITIES = {"low", "normal", "high", "urgent"}


async def summarise(ticket_body: str) -> dict:
    resp = await client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": PROMPT + ticket_body}],
        response_format={"type": "json_object"},
    )
    raw = resp.choices[0].message.content
    try:
        data = json.loads(raw)
    # expect: VC101
    except json.JSONDecodeError:
        data = {}
    priority = data.get("priority", "normal")
    if priority not in PRIORITIES:
        priority = "normal"
    return {"summary": data.get("summary", ""), "priority": priority, "tags": data.get("tags", [])}


async def post_to_slack(text: str) -> None:
    url = os.environ.get("SLACK_WEBHOOK_URL")
    if not url:
        return
    async with httpx.AsyncClient() as http:
        try:
            # expect: VC107
            await http.post(url, json={"text": text}, timeout=5)
        except httpx.HTTPError:
            log.warning("slack notification failed", exc_info=True)
