"""One place that talks to the model."""

import os

from openai import OpenAI as OpenAIClient

_client = OpenAIClient(api_key=os.environ["OPENAI_API_KEY"])
MODEL = os.environ.get("SUPPORTBOT_MODEL", "gpt-4o-mini")


def ask(prompt: str, system: str = "You are a helpful support analyst.") -> str:
    completion = _client.chat.completions.create(
        model=MODEL, messages=[{"role": "system", "content": system}, {"role": "user", "content": prompt}])
    return completion.choices[0].message.content or ""


def strip_code_fence(text: str) -> str:
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1].rsplit("```", 1)[0]
    return text.strip()
