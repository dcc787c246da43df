from decimal import Decimal
from unittest import mock

import pytest

from moneykit import Money, convert
from moneykit.rates import StaleRate


class FixedRates:
    def __init__(self, table):
        self.table = table

    def rate(self, base, quote):
        return self.table[(base, quote)]


def test_convert_with_fixed_table():
    provider = FixedRates({("USD", "EUR"): Decimal("0.9")})
    assert convert(Money(1000), "EUR", provider) == Money(900, "EUR")


def test_convert_asks_provider_once_for_pair():
    provider = mock.Mock()
    provider.rate.return_value = Decimal("150.25")
    result = convert(Money(200), "JPY", provider)
    # ok: VC308
    provider.rate.assert_called_once_with("USD", "JPY")
    assert result == Money(300, "JPY")


def test_convert_same_currency_skips_provider():
    provider = mock.create_autospec(FixedRates, instance=True)
    m = Money(42)
    assert convert(m, "USD", provider) is m
    provider.rate.assert_not_called()


# expect: VC308
def test_convert_uses_rate():
    provider = mock.Mock()
    provider.rate.return_value = Decimal("0.9")
    assert provider.rate("USD", "EUR") == Decimal("0.9")


def test_convert_rejects_nonpositive_rate():
    provider = mock.Mock(**{"rate.return_value": Decimal("0")})
    with pytest.raises(StaleRate, match="bad rate"):
        convert(Money(1), "EUR", provider)


@mock.patch("moneykit.rates.MINOR_UNITS", {"USD": 2, "EUR": 2})
def test_convert_rounding_half_even():
    provider = FixedRates({("USD", "EUR"): Decimal("0.125")})
    # ok: VC308
    assert convert(Money(100), "EUR", provider).cents == 12
