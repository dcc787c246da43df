"""Reproducible samples of transactions for audits: the same seed always picks the same rows."""

from __future__ import annotations

import random
from collections.abc import Sequence

from .model import Transaction


def audit_sample(transactions: Sequence[Transaction], size: int, seed: int) -> list[Transaction]:
    if size < 0:
        raise ValueError("size must not be negative")
    # ok: VC206 -- a seeded sample an auditor can reproduce, not a secret
    rng = random.Random(seed)
    return rng.sample(list(transactions), min(size, len(transactions)))
