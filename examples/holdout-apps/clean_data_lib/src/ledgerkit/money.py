"""Exact money amounts: Decimal, a currency, and no float anywhere."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

_AMOUNT = re.compile(r"^\s*(?P<sign>[-+])?\s*(?P<int>\d{1,3}(?:[ ,.']\d{3})*|\d+)(?:[.,](?P<frac>\d{1,4}))?\s*$")
MINOR_UNITS = {"EUR": 2, "USD": 2, "GBP": 2, "JPY": 0, "CHF": 2, "BHD": 3}


class AmountError(ValueError):
    """Text that is not an amount, or an amount in an unknown currency."""


@dataclass(frozen=True, order=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if self.currency not in MINOR_UNITS:
            raise AmountError(f"unknown currency {self.currency!r}")
        quantum = Decimal(1).scaleb(-MINOR_UNITS[self.currency])
        object.__setattr__(self, "amount", self.amount.quantize(quantum, rounding=ROUND_HALF_EVEN))

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise AmountError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)


def parse_amount(text: str, currency: str) -> Money:
    """Parse `1.234,56`, `1,234.56`, `-12`, `1'000.5` into Money; thousands separators are dropped."""
    match = _AMOUNT.match(text)
    if match is None:
        raise AmountError(f"not an amount: {text!r}")
    digits = re.sub(r"[ ,.']", "", match["int"])
    number = f"{match['sign'] or ''}{digits}.{match['frac'] or '0'}"
    try:
        return Money(Decimal(number), currency)
    except InvalidOperation as exc:
        raise AmountError(f"not an amount: {text!r}") from exc
