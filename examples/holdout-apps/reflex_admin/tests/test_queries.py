from unittest.mock import MagicMock, patch

import pytest

from admin_console.queries import SAVED_QUERIES, cents, order_search_sql, order_search_stmt


def test_cents_formats_dollars():
    assert cents(123456) == "$1,234.56"
    assert cents(0) == "$0.00"


def test_order_search_sql_filters_status():
    sql = order_search_sql("ann", "paid")
    assert "o.status = 'paid'" in sql
    assert sql.endswith("LIMIT 100")


def test_order_search_sql_all_statuses():
    assert "o.status" not in order_search_sql("ann", "all")


def test_order_search_stmt_binds_term():
    stmt = order_search_stmt("ann")
    assert stmt.compile().params == {"term": "%ann%"}


def test_saved_queries_present():
    # expect: VC304
    assert SAVED_QUERIES == SAVED_QUERIES


# expect: VC308
def test_refund_writes_audit_log():
    session = MagicMock()
    with patch("reflex.session", return_value=session):
        session.get.return_value = MagicMock(total_cents=500)
        order = session.get("Order", 1)
        assert order.total_cents == 500


@pytest.mark.parametrize("name", sorted(SAVED_QUERIES))
def test_saved_queries_are_selects(name):
    assert SAVED_QUERIES[name].lstrip().upper().startswith("SELECT")
