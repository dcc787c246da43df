"""A Money value kept in minor units (cents), so sums and splits never drift."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

MINOR_UNITS = {"USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "KWD": 3}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_AMOUNT = re.compile(r"^\s*(?P<sym>[$€£¥])?\s*(?P<num>-?[\d,]*\.?\d+)\s*(?P<code>[A-Z]{3})?\s*$")


class CurrencyMismatch(ValueError):
    """Raised when two amounts of different currencies meet."""


@dataclass(frozen=True, order=True)
class Money:
    cents: int
    currency: str = "USD"

    def __post_init__(self) -> None:
        if self.currency not in MINOR_UNITS:
            raise ValueError(f"unknown currency {self.currency!r}")

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise CurrencyMismatch(f"{self.currency} + {other.currency}")
        return Money(self.cents + other.cents, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.cents, self.currency)

    @property
    def amount(self) -> Decimal:
        return Decimal(self.cents).scaleb(-MINOR_UNITS[self.currency])

    def is_zero(self) -> bool:
        return self.cents == 0


def parse_money(text: str, default_currency: str = "USD") -> Money:
    """Parse '$1,234.50', '12.5 EUR' or '-3' into Money; raise ValueError on anything else."""
    match = _AMOUNT.match(text)
    if not match:
        raise ValueError(f"not an amount: {text!r}")
    code = match["code"] or SYMBOLS.get(match["sym"] or "", default_currency)
    if match["sym"] and match["code"] and SYMBOLS[match["sym"]] != match["code"]:
        raise CurrencyMismatch(f"{match['sym']} with {match['code']}")
    try:
        value = Decimal(match["num"].replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {text!r}") from exc
    places = MINOR_UNITS.get(code)
    if places is None:
        raise ValueError(f"unknown currency {code!r}")
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_EVEN)
    if rounded != value:
        warnings.warn(f"{text!r} rounded to {rounded}", stacklevel=2)
    return Money(int(rounded.scaleb(places)), code)


def format_money(money: Money) -> str:
    """'USD 1,234.50' style, the sign before the code."""
    sign = "-" if money.cents < 0 else ""
    places = MINOR_UNITS[money.currency]
    return f"{sign}{money.currency} {abs(money.amount):,.{places}f}"


def allocate(money: Money, ratios: list[int]) -> list[Money]:
    """Split money by integer ratios; leftover cents go to the first shares, so the parts always sum back."""
    if not ratios or any(r < 0 for r in ratios) or sum(ratios) == 0:
        raise ValueError("ratios must be non-negative and not all zero")
    total = sum(ratios)
    shares = [money.cents * r // total for r in ratios]
    for i in range(money.cents - sum(shares)):
        shares[i % len(shares)] += 1
    return [Money(c, money.currency) for c in shares]
