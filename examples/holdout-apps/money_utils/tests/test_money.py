import unittest
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from moneykit import Money, allocate, format_money, parse_money
from moneykit.money import CurrencyMismatch
from tests.helpers import assert_sums_back


class ParseMoneyTests(unittest.TestCase):
    def test_parses_symbol_and_thousands(self):
        self.assertEqual(parse_money("$1,234.50"), Money(123450, "USD"))

    def test_parses_code_suffix(self):
        m = parse_money("12.5 EUR")
        self.assertEqual(m.currency, "EUR")
        self.assertEqual(m.cents, 1250)

    def test_symbol_and_code_must_agree(self):
        with self.assertRaises(CurrencyMismatch):
            parse_money("$10 EUR")

    # expect: VC303
    def test_parses_negative_amounts(self):
        result = parse_money("-3")
        print(result)

    def test_zero_yen_has_no_minor_units(self):
        # expect: VC304
        self.assertTrue(True)
        parse_money("¥500")

    def test_each_symbol_maps_to_its_currency(self):
        for text, code in [("$1", "USD"), ("€1", "EUR"), ("£1", "GBP"), ("¥1", "JPY")]:
            with self.subTest(text=text):
                # ok: VC311
                self.assertEqual(parse_money(text).currency, code)


@pytest.mark.parametrize(
    ("text", "cents", "currency"),
    [("0.01", 1, "USD"), ("1,000", 100000, "USD"), ("7 JPY", 7, "JPY"), ("1.234 KWD", 1234, "KWD")],
)
def test_parse_table(text, cents, currency):
    assert parse_money(text) == Money(cents, currency)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "$$5", "12 XYZ"])
def test_parse_rejects_garbage(text):
    with pytest.raises(ValueError):
        parse_money(text)


def test_parse_warns_when_rounding():
    with pytest.warns(UserWarning, match="rounded"):
        m = parse_money("1.005")
    assert m.cents == 100


def test_parse_of_eur_amount():
    # expect: VC310
    assert parse_money("12.5 EUR")


def test_money_equality():
    m = Money(500)
    # expect: VC304
    assert m == m


def test_adding_currencies_fails():
    try:
        Money(1, "USD") + Money(1, "EUR")
        assert False, "should have raised"
    # expect: VC305
    except Exception:
        pass


def test_zero_is_zero():
    # ok: VC310
    assert Money(0).is_zero()
    assert not Money(1).is_zero()


def test_format_negative():
    assert format_money(-Money(5)) == "-USD 0.05"


# expect: VC306
@pytest.mark.skip
def test_format_kwd_has_three_places():
    assert format_money(Money(1234, "KWD")) == "KWD 1.234"


def test_allocate_remainder():
    parts = allocate(Money(100), [1, 1, 1])
    # expect: VC311
    if len(parts) == 3:
        assert [p.cents for p in parts] == [34, 33, 33]


def test_allocate_rejects_all_zero_ratios():
    with pytest.raises(ValueError, match="not all zero"):
        allocate(Money(100), [0, 0])


@given(cents=st.integers(min_value=0, max_value=10**9), ratios=st.lists(st.integers(0, 50), min_size=1, max_size=8))
def test_allocate_never_loses_a_cent(cents, ratios):
    if sum(ratios) == 0:
        return
    parts = allocate(Money(cents), ratios)
    # ok: VC303
    assert_sums_back(parts, Money(cents))


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_then_parse_round_trips(cents):
    m = Money(cents)
    text = format_money(m).replace("USD ", "")
    # ok: VC304
    assert parse_money(text) == m
