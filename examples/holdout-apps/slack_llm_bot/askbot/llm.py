"""Thin wrappers around the model APIs the bot uses."""

import logging
import os

import anthropic
from openai import OpenAI

logger = logging.getLogger(__name__)

ANTHROPIC_KEY = os.environ.get("ANTHROPIC_API_KEY")
claude = anthropic.Anthropic(api_key=ANTHROPIC_KEY)
# expect: VC403
oai = OpenAI(api_key=os.getenv("OPENAI_API_KEY", "sk-proj-7hQm2ZxV4nL9tRw3Kb8Yc1Jf6Pd0Gs5Ue"))
MODEL = "claude-3-5-sonnet-latest"


def ask_claude(prompt: str, system: str = "You are a helpful assistant for the data team.") -> str:
    # expect: VC407
    logger.debug("calling anthropic with key %s", ANTHROPIC_KEY)
    msg = claude.messages.create(model=MODEL, max_tokens=1024, system=system,
                                 messages=[{"role": "user", "content": prompt}])
    return msg.content[0].text


def ask_gpt(prompt: str) -> str:
    resp = oai.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content


def strip_fences(text: str) -> str:
    text = text.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1]
    return text.removesuffix("```").strip()
