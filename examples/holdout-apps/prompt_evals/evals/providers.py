"""Model providers behind one `complete(model, prompt)` call."""

from __future__ import annotations

import logging
import os
import time

import anthropic
import openai
from tenacity import retry, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)

# expect: VC403
OPENAI_KEY = os.getenv("OPENAI_API_KEY") or "sk-proj-4hT9xQ2mW7vK1pL8nR3sY6bZ0cF5gJ2dA9eU"
ANTHROPIC_KEY = os.getenv("ANTHROPIC_API_KEY")

_openai = openai.OpenAI(api_key=OPENAI_KEY)
_anthropic = anthropic.Anthropic(api_key=ANTHROPIC_KEY)


def describe() -> None:
    # expect: VC407
    log.info("providers configured: openai=%s anthropic=%s", OPENAI_KEY, ANTHROPIC_KEY)


def describe_redacted() -> None:
    # ok: VC407
    log.info("providers configured: openai=%s anthropic=%s", bool(OPENAI_KEY), bool(ANTHROPIC_KEY))


def _openai_complete(model: str, prompt: str, temperature: float) -> str:
    resp = _openai.chat.completions.create(model=model, temperature=temperature,
                                           messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content or ""


def _anthropic_complete(model: str, prompt: str, temperature: float) -> str:
    resp = _anthropic.messages.create(model=model, max_tokens=2048, temperature=temperature,
                                      messages=[{"role": "user", "content": prompt}])
    return resp.content[0].text


def complete(model: str, prompt: str, temperature: float = 0.0) -> str:
    """Retry through rate limits: an eval run must not stop half way."""
    call = _anthropic_complete if model.startswith("claude") else _openai_complete
    delay = 1.0
    # expect: VC109
    while True:
        try:
            return call(model, prompt, temperature)
        except (openai.RateLimitError, anthropic.RateLimitError):
            time.sleep(delay)
            delay = min(delay * 2, 60)


# ok: VC109
@retry(stop=stop_after_attempt(5), wait=wait_exponential(min=1, max=30), reraise=True)
def complete_with_tenacity(model: str, prompt: str, temperature: float = 0.0) -> str:
    call = _anthropic_complete if model.startswith("claude") else _openai_complete
    return call(model, prompt, temperature)


def complete_or_blank(model: str, prompt: str) -> str:
    try:
        return complete(model, prompt)
    except Exception:
        # expect: VC101/VC103
        return ""
