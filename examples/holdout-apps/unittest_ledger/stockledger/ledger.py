from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal


class InsufficientStock(Exception):
    def __init__(self, sku: str, wanted: int, available: int) -> None:
        super().__init__(f"cannot ship {wanted} of {sku}: only {available} in stock")
        self.sku = sku
        self.wanted = wanted
        self.available = available


@dataclass(frozen=True)
class Movement:
    sku: str
    qty: int
    unit_cost: Decimal
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))

    @property
    def is_receipt(self) -> bool:
        return self.qty > 0


class Ledger:
    def __init__(self) -> None:
        self._movements: list[Movement] = []
        self._balances: dict[str, int] = defaultdict(int)

    def receive(self, sku: str, qty: int, unit_cost: Decimal | str = "0") -> Movement:
        if qty <= 0:
            raise ValueError("quantity must be positive")
        movement = Movement(sku, qty, Decimal(unit_cost))
        self._movements.append(movement)
        self._balances[sku] += qty
        return movement

    def ship(self, sku: str, qty: int) -> Movement:
        if qty <= 0:
            raise ValueError("quantity must be positive")
        available = self._balances.get(sku, 0)
        if qty > available:
            raise InsufficientStock(sku, qty, available)
        movement = Movement(sku, -qty, Decimal("0"))
        self._movements.append(movement)
        self._balances[sku] -= qty
        return movement

    def balance(self, sku: str) -> int:
        return self._balances.get(sku, 0)

    def skus(self) -> list[str]:
        return sorted(sku for sku, qty in self._balances.items() if qty > 0)

    def history(self, sku: str | None = None) -> list[Movement]:
        return [m for m in self._movements if sku is None or m.sku == sku]

    def is_empty(self) -> bool:
        return not any(self._balances.values())
