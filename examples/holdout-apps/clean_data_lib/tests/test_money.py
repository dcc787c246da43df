from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ledgerkit.money import AmountError, Money, parse_amount


@pytest.mark.parametrize(
    ("text", "currency", "expected"),
    [
        ("1.234,56", "EUR", Decimal("1234.56")),
        ("1,234.56", "USD", Decimal("1234.56")),
        ("-12", "EUR", Decimal("-12.00")),
        ("1'000.5", "CHF", Decimal("1000.50")),
        ("1500", "JPY", Decimal("1500")),
        ("0,125", "BHD", Decimal("0.125")),
    ],
)
def test_parse_amount(text: str, currency: str, expected: Decimal) -> None:
    assert parse_amount(text, currency) == Money(expected, currency)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "--1", "1e5"])
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(AmountError, match="not an amount"):
        parse_amount(text, "EUR")


def test_unknown_currency() -> None:
    with pytest.raises(AmountError, match="unknown currency 'XXX'"):
        Money(Decimal(1), "XXX")


def test_mixed_currencies_do_not_add() -> None:
    with pytest.raises(AmountError, match="cannot add USD to EUR"):
        Money(Decimal(1), "EUR") + Money(Decimal(1), "USD")


amounts = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(amounts, amounts)
def test_addition_is_exact_and_commutative(a: Decimal, b: Decimal) -> None:
    left = Money(a, "EUR") + Money(b, "EUR")
    assert left == Money(b, "EUR") + Money(a, "EUR")
    assert left.amount == a + b


@given(amounts)
def test_format_then_parse_round_trips(a: Decimal) -> None:
    assert parse_amount(f"{a:,.2f}", "USD") == Money(a, "USD")
