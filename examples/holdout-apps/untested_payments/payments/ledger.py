"""Double-entry ledger lines for every money movement."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    account: str
    debit: int = 0
    credit: int = 0


# ok: VC301
def process(event: dict) -> list[Entry]:
    kind = event["type"]
    amount = event["amount"]
    if kind == "charge.succeeded":
        return [Entry("cash", debit=amount), Entry("revenue", credit=amount)]
    if kind == "refund.created":
        return [Entry("revenue", debit=amount), Entry("cash", credit=amount)]
    # expect: VC309
    raise ValueError(f"unknown event type {kind!r}")


# ok: VC301
def balance(entries: list[Entry], account: str) -> int:
    return sum(e.debit - e.credit for e in entries if e.account == account)


# expect: VC301
def trial_balance(entries: list[Entry]) -> dict[str, int]:
    accounts = {e.account for e in entries}
    return {name: balance(entries, name) for name in sorted(accounts)}
