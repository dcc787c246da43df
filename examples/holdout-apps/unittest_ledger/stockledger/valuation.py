from __future__ import annotations

from decimal import Decimal

from stockledger.ledger import Ledger


def fifo_cost(ledger: Ledger, sku: str) -> Decimal:
    """Value of the units still on hand, taking shipments from the oldest receipts first."""
    layers: list[list] = []
    for movement in ledger.history(sku):
        if movement.is_receipt:
            layers.append([movement.qty, movement.unit_cost])
            continue
        to_take = -movement.qty
        while to_take:
            layer = layers[0]
            taken = min(layer[0], to_take)
            layer[0] -= taken
            to_take -= taken
            if layer[0] == 0:
                layers.pop(0)
    return sum((Decimal(qty) * cost for qty, cost in layers), Decimal("0"))


def reorder_point(daily_demand: float, lead_time_days: int, safety_stock: int = 0) -> int:
    if daily_demand < 0 or lead_time_days < 0:
        raise ValueError("demand and lead time cannot be negative")
    return round(daily_demand * lead_time_days) + safety_stock
