"""Post-processing of model scores, configured per deployment."""

from __future__ import annotations

import ast
import operator

_OPS = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le}


def compile_rule(rule: str):
    """Turn a rule such as "score > 0.7" from the request into a predicate."""
    # expect: VC413/VC417
    return eval(f"lambda score: {rule}")


def compile_rule_safe(rule: str):
    """Parse only `score <op> <number>` rules."""
    tree = ast.parse(rule, mode="eval").body
    if not (isinstance(tree, ast.Compare) and len(tree.ops) == 1 and type(tree.ops[0]) in _OPS):
        raise ValueError("unsupported rule")
    threshold = ast.literal_eval(tree.comparators[0])
    op = _OPS[type(tree.ops[0])]
    return lambda score: op(score, threshold)


def label(scores: list[float], labels: list[str]) -> str:
    best = max(range(len(scores)), key=scores.__getitem__)
    return labels[best]
