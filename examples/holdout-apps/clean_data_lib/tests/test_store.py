from datetime import date
from decimal import Decimal

import pytest

from ledgerkit.model import Transaction
from ledgerkit.money import Money
from ledgerkit.store import Store


def tx(account: str, day: int, amount: str, party: str = "ACME", ref: str = "") -> Transaction:
    return Transaction(account, date(2024, 1, day), Money(Decimal(amount), "EUR"), party, ref or f"r{day}{amount}")


@pytest.fixture()
def store():
    s = Store()
    s.add([tx("A", 3, "10"), tx("A", 1, "-5"), tx("B", 2, "7"), tx("C", 4, "1", party="100% Co_op")])
    yield s
    s.close()


def test_duplicates_are_ignored(store: Store) -> None:
    assert store.add([tx("A", 3, "10")]) == 0


@pytest.mark.parametrize(
    ("sort", "descending", "expected"),
    [("booked", False, [1, 2, 3]), ("amount", True, [3, 2, 1]), ("booked", True, [3, 2, 1])],
)
def test_for_accounts_sorts(store: Store, sort: str, descending: bool, expected: list[int]) -> None:
    rows = store.for_accounts(["A", "B"], sort=sort, descending=descending)
    assert [t.booked.day for t in rows] == expected


def test_for_accounts_refuses_unknown_column(store: Store) -> None:
    with pytest.raises(ValueError, match="cannot sort by 'id; DROP TABLE transactions'"):
        store.for_accounts(["A"], sort="id; DROP TABLE transactions")


def test_account_names_are_values_not_sql(store: Store) -> None:
    assert store.for_accounts(["A') OR 1=1 --"]) == []


def test_empty_account_list(store: Store) -> None:
    assert store.for_accounts([]) == []


@pytest.mark.parametrize(("text", "count"), [("100%", 1), ("Co_op", 1), ("_", 1), ("%", 1), ("ACME", 3)])
def test_search_escapes_wildcards(store: Store, text: str, count: int) -> None:
    assert store.search(text) == count
