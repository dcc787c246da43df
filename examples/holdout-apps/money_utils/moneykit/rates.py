"""Currency conversion through a rate provider the caller supplies (an HTTP client, a cache, a fixed table)."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Protocol

from moneykit.money import MINOR_UNITS, Money


class RateProvider(Protocol):
    def rate(self, base: str, quote: str) -> Decimal: ...


class StaleRate(RuntimeError):
    """The provider could not give a fresh rate."""


def convert(money: Money, to: str, provider: RateProvider) -> Money:
    """Convert with the provider's rate, rounded half-even to the target currency's minor unit."""
    if to == money.currency:
        return money
    rate = provider.rate(money.currency, to)
    if rate <= 0:
        raise StaleRate(f"bad rate {rate} for {money.currency}->{to}")
    value = (money.amount * rate).quantize(Decimal(1).scaleb(-MINOR_UNITS[to]), rounding=ROUND_HALF_EVEN)
    return Money(int(value.scaleb(MINOR_UNITS[to])), to)
