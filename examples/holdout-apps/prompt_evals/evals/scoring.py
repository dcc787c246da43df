"""Scorers: exact match, regex, numeric tolerance, and an LLM judge."""

from __future__ import annotations

import ast
import json
import re

from .providers import complete

JUDGE_PROMPT = """You are grading an answer.
Question: {question}
Reference: {reference}
Answer: {answer}
Reply with a Python dict literal like {{"score": 0.0-1.0, "reason": "..."}}."""


def exact(answer: str, reference: str) -> float:
    return float(answer.strip().lower() == reference.strip().lower())


def regex(answer: str, pattern: str) -> float:
    return float(re.search(pattern, answer) is not None)


def numeric(answer: str, reference: str, tolerance: float = 1e-6) -> float:
    try:
        # ok: VC401/VC413
        value = ast.literal_eval(answer.strip())
    except (ValueError, SyntaxError):
        return 0.0
    return float(abs(float(value) - float(reference)) <= tolerance)


def judge(question: str, answer: str, reference: str, model: str = "gpt-4o") -> tuple[float, str]:
    reply = complete(model, JUDGE_PROMPT.format(question=question, reference=reference, answer=answer))
    # expect: VC401/VC417
    verdict = eval(reply)
    return float(verdict["score"]), verdict.get("reason", "")


def judge_json(question: str, answer: str, reference: str, model: str = "gpt-4o") -> tuple[float, str]:
    reply = complete(model, JUDGE_PROMPT.format(question=question, reference=reference, answer=answer)
                     + "\nUse JSON, not Python.")
    # ok: VC401
    verdict = json.loads(reply.strip().removeprefix("```json").removesuffix("```"))
    score = min(max(float(verdict["score"]), 0.0), 1.0)
    return score, str(verdict.get("reason", ""))


def code_pass_rate(answer: str, tests: str) -> float:
    """HumanEval style: run the generated function against the case's asserts."""
    namespace: dict = {}
    try:
        # expect: VC401
        exec(answer + "\n" + tests, namespace)
    except Exception:
        # ok: VC103
        return 0.0
    return 1.0


SCORERS = {"exact": exact, "regex": regex, "numeric": numeric}
