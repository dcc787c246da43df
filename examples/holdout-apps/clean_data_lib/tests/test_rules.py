from datetime import date
from decimal import Decimal

import pytest

from ledgerkit.model import Transaction
from ledgerkit.money import Money
from ledgerkit.rules import RuleSyntaxError, categorise, parse_rules

RULES = """
# groceries first
groceries: counterparty contains "Fresh Market"
rent: reference contains 'RENT'
"""


def tx(party: str, ref: str = "") -> Transaction:
    return Transaction("A", date(2024, 1, 1), Money(Decimal("1"), "EUR"), party, ref)


@pytest.mark.parametrize(
    ("transaction", "category"),
    [(tx("FRESH MARKET #12"), "groceries"), (tx("Landlord", "rent jan"), "rent"), (tx("Cinema"), "uncategorised")],
)
def test_categorise(transaction: Transaction, category: str) -> None:
    assert categorise(transaction, parse_rules(RULES)) == category


@pytest.mark.parametrize(
    "line",
    ['x: counterparty contains __import__("os").system("id")', "x: counterparty contains 42", "x: amount contains '1'"],
)
def test_rejects_anything_but_quoted_text(line: str) -> None:
    with pytest.raises(RuleSyntaxError, match="line 1"):
        parse_rules(line)
