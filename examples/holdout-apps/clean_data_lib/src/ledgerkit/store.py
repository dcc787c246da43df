"""A SQLite store of transactions. Values are always bound; sort columns come from an allowlist."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from .model import Transaction
from .money import Money

SCHEMA = """
CREATE TABLE IF NOT EXISTS transactions (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    booked TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    counterparty TEXT NOT NULL,
    reference TEXT NOT NULL,
    UNIQUE (account, booked, amount, reference)
)
"""
SORTABLE = {"booked": "booked", "amount": "CAST(amount AS REAL)", "counterparty": "counterparty COLLATE NOCASE"}
MAX_IN_LIST = 500


class Store:
    def __init__(self, path: Path | str = ":memory:") -> None:
        self._db = sqlite3.connect(path, timeout=5.0)
        self._db.execute(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def add(self, transactions: Iterable[Transaction]) -> int:
        rows = [
            (t.account, t.booked.isoformat(), str(t.money.amount), t.money.currency, t.counterparty, t.reference)
            for t in transactions
        ]
        with self._db:
            # ok: VC402
            cursor = self._db.executemany(
                "INSERT OR IGNORE INTO transactions (account, booked, amount, currency, counterparty, reference)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
        return cursor.rowcount

    def for_accounts(
        self, accounts: Sequence[str], *, sort: str = "booked", descending: bool = False, limit: int = 100
    ) -> list[Transaction]:
        """Transactions of the given accounts, sorted by an allowed column."""
        if not accounts:
            return []
        if len(accounts) > MAX_IN_LIST:
            raise ValueError(f"at most {MAX_IN_LIST} accounts per query")
        try:
            order = SORTABLE[sort]
        except KeyError as exc:
            raise ValueError(f"cannot sort by {sort!r}; choose one of {sorted(SORTABLE)}") from exc
        placeholders = ", ".join("?" for _ in accounts)
        direction = "DESC" if descending else "ASC"
        # ok: VC402 -- placeholders, an allowlisted column and a fixed keyword; every value is bound
        query = (
            "SELECT account, booked, amount, currency, counterparty, reference FROM transactions"
            f" WHERE account IN ({placeholders}) ORDER BY {order} {direction} LIMIT ?"
        )
        # ok: VC402
        rows = self._db.execute(query, [*accounts, limit]).fetchall()
        return [
            Transaction(acc, date.fromisoformat(booked), Money(Decimal(amount), cur), party, ref)
            for acc, booked, amount, cur, party, ref in rows
        ]

    def search(self, text: str) -> int:
        """How many transactions mention `text` in their counterparty or reference."""
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        # ok: VC402
        (count,) = self._db.execute(
            "SELECT count(*) FROM transactions WHERE counterparty LIKE ? ESCAPE '\\' OR reference LIKE ? ESCAPE '\\'",
            (pattern, pattern),
        ).fetchone()
        return int(count)
