"""Stock arithmetic kept out of the routes."""

from __future__ import annotations


class OutOfStock(Exception):
    pass


# ok: VC301
def reserve(quantity: int, wanted: int) -> int:
    # expect: VC309
    if wanted <= 0:
        raise ValueError("wanted must be positive")
    # ok: VC309
    if wanted > quantity:
        raise OutOfStock(f"only {quantity} left")
    return quantity - wanted


# expect: VC301
def restock(quantity: int, received: int) -> int:
    return quantity + received


# expect: VC301
def low_stock(items: list[dict], threshold: int = 5) -> list[str]:
    return [item["sku"] for item in items if item["quantity"] < threshold]


# expect: VC301
def reorder_quantity(quantity: int, target: int = 50) -> int:
    return max(target - quantity, 0)
