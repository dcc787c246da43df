"""Summaries and tag suggestions from the model."""

from __future__ import annotations

import json
import logging

from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()


def summarise(text: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Summarise the note in two sentences."},
            {"role": "user", "content": text[:8000]},
        ],
    )
    return resp.choices[0].message.content or ""


def suggest_tags(text: str) -> list[str]:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[
            {"role": "system", "content": 'Answer {"tags": [...]} with up to five short tags.'},
            {"role": "user", "content": text[:8000]},
        ],
    )
    try:
        return json.loads(resp.choices[0].message.content)["tags"]
    except Exception:
        # expect: VC101/VC103
        return []


def suggest_filter(question: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Turn the question into a SQL WHERE clause over note(title, body, tags)."},
            {"role": "user", "content": question},
        ],
    )
    return resp.choices[0].message.content.strip()
