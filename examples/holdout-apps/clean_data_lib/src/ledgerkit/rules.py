"""Categorisation rules from a user's file: `category: counterparty contains "x"`, values read as Python literals."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from .model import Transaction

_LINE = re.compile(r"^(?P<category>[\w -]+):\s*(?P<field>counterparty|reference)\s+contains\s+(?P<value>.+)$")


class RuleSyntaxError(ValueError):
    """A rule line that does not follow the grammar."""


@dataclass(frozen=True)
class Rule:
    category: str
    field: str
    needle: str

    def matches(self, transaction: Transaction) -> bool:
        return self.needle.casefold() in getattr(transaction, self.field).casefold()


def parse_rules(text: str) -> list[Rule]:
    rules = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line.strip())
        if match is None:
            raise RuleSyntaxError(f"line {number}: expected 'category: field contains \"text\"'")
        try:
            # ok: VC413 -- a literal only: no names, calls or operators
            needle = ast.literal_eval(match["value"])
        except (ValueError, SyntaxError) as exc:
            raise RuleSyntaxError(f"line {number}: the value must be a quoted string") from exc
        if not isinstance(needle, str):
            raise RuleSyntaxError(f"line {number}: the value must be a quoted string")
        rules.append(Rule(match["category"].strip(), match["field"], needle))
    return rules


def categorise(transaction: Transaction, rules: list[Rule], default: str = "uncategorised") -> str:
    return next((rule.category for rule in rules if rule.matches(transaction)), default)
