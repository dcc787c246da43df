"""Thin wrapper over the Anthropic client."""

import json
import logging
import os

import anthropic

log = logging.getLogger(__name__)
MODEL = "claude-3-5-sonnet-latest"
client = anthropic.Anthropic(api_key=os.environ["ANTHROPIC_API_KEY"])


def complete(prompt: str, system: str = "You are a data analyst.") -> str:
    message = client.messages.create(
        model=MODEL, max_tokens=1024, system=system, messages=[{"role": "user", "content": prompt}]
    )
    return message.content[0].text


def complete_json(prompt: str) -> dict:
    text = complete(prompt + "\nAnswer with JSON only.")
    try:
        return json.loads(text.strip().removeprefix("```json").removesuffix("```"))
    except json.JSONDecodeError as exc:
        log.warning("model returned invalid JSON: %s", exc)
        # expect: VC103
        return {}
