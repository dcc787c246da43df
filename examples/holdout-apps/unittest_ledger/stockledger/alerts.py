from __future__ import annotations

from typing import Protocol

from stockledger.ledger import Ledger


class Mailer(Protocol):
    def send(self, to: str, subject: str, body: str) -> None: ...


def low_stock(ledger: Ledger, thresholds: dict[str, int]) -> dict[str, int]:
    return {sku: ledger.balance(sku) for sku, minimum in thresholds.items() if ledger.balance(sku) < minimum}


def notify_low_stock(ledger: Ledger, thresholds: dict[str, int], mailer: Mailer, to: str) -> int:
    short = low_stock(ledger, thresholds)
    if not short:
        return 0
    lines = [f"{sku}: {qty} left" for sku, qty in sorted(short.items())]
    mailer.send(to, f"Low stock: {len(short)} items", "\n".join(lines))
    return len(short)
