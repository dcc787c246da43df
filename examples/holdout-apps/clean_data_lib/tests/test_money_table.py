from decimal import Decimal

import pytest

from ledgerkit.money import AmountError, Money, parse_amount

CASES = [
    ("0", "EUR", "0.00"),
    ("+7,5", "EUR", "7.50"),
    ("1 000 000", "EUR", "1000000.00"),
    ("2.5", "BHD", "2.500"),
]


def test_table_of_amounts() -> None:
    for text, currency, expected in CASES:
        assert parse_amount(text, currency).amount == Decimal(expected), text


def test_rounding_is_bankers() -> None:
    assert [Money(Decimal(v), "EUR").amount for v in ("0.125", "0.135")] == [Decimal("0.12"), Decimal("0.14")]


def test_negation_keeps_the_currency() -> None:
    negated = -Money(Decimal("3"), "JPY")
    assert negated == Money(Decimal("-3"), "JPY")


def test_error_message_quotes_the_input() -> None:
    with pytest.raises(AmountError) as excinfo:
        parse_amount("twelve", "EUR")
    assert str(excinfo.value) == "not an amount: 'twelve'"
    assert excinfo.value.__cause__ is None


@pytest.mark.parametrize(
    "currency",
    ["EUR", pytest.param("XAU", marks=pytest.mark.xfail(raises=AmountError, strict=True, reason="no gold yet"))],
)
def test_supported_currencies(currency: str) -> None:
    assert Money(Decimal("1"), currency).currency == currency
