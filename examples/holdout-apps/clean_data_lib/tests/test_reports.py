from datetime import date
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from ledgerkit.model import Transaction
from ledgerkit.money import Money
from ledgerkit.reports import large_debits, totals
from ledgerkit.store import Store


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.sqlite"
    store = Store(path)
    store.add([
        Transaction("A", date(2024, 1, 3), Money(Decimal("-500"), "EUR"), "Rent Co", "jan"),
        Transaction("A", date(2024, 2, 3), Money(Decimal("-20"), "EUR"), "Cafe", "feb"),
        Transaction("B", date(2024, 2, 9), Money(Decimal("99"), "EUR"), "Client", "inv"),
    ])
    store.close()
    return path


def test_totals_by_month(db_path: Path) -> None:
    frame = totals(db_path, ["A"])
    assert frame.to_dict("records") == [
        {"bucket": "2024-01", "currency": "EUR", "total": -500.0},
        {"bucket": "2024-02", "currency": "EUR", "total": -20.0},
    ]


def test_unknown_grouping(db_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot group by 'amount; DROP TABLE x'"):
        totals(db_path, ["A"], group_by="amount; DROP TABLE x")


def test_large_debits() -> None:
    frame = pd.DataFrame({"bucket": ["a", "b"], "total": [-500.0, -20.0]})
    assert large_debits(frame, 100).bucket.tolist() == ["a"]
