"""DSPy signatures and modules the worker runs on each ticket."""

from __future__ import annotations

import dspy
from litellm import completion

from .config import MODEL

dspy.configure(lm=dspy.LM(MODEL, max_tokens=800))


class Classify(dspy.Signature):
    """Classify a support ticket into a queue and a priority."""

    ticket: str = dspy.InputField()
    queue: str = dspy.OutputField(desc="one of billing, bug, account, other")
    priority: int = dspy.OutputField(desc="1 (urgent) to 4 (low)")


class WriteQuery(dspy.Signature):
    """Write a PostgreSQL query over the orders table that answers the question."""

    question: str = dspy.InputField()
    sql: str = dspy.OutputField()


class Diagnose(dspy.Signature):
    """Suggest one shell command that collects diagnostics for the ticket."""

    ticket: str = dspy.InputField()
    command: str = dspy.OutputField()


classify = dspy.Predict(Classify)
write_query = dspy.ChainOfThought(WriteQuery)
diagnose = dspy.Predict(Diagnose)


def ask(prompt: str) -> str:
    resp = completion(model=MODEL, messages=[{"role": "user", "content": prompt}])
    return resp.choices[0].message.content


def refund_amount(ticket: str) -> str:
    return ask(f"Return only a Python expression computing the refund for this ticket:\n{ticket}")
