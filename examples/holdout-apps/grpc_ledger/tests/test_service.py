from unittest import mock

import pytest

from ledger import service


@pytest.fixture
def servicer():
    with mock.patch.object(service.db, "connect"):
        yield service.LedgerServicer()


def test_get_account(servicer):
    context = mock.Mock()
    with mock.patch.object(service.db, "fetch_account", return_value={"id": 1, "owner": "u", "balance_cents": 5}):
        reply = servicer.GetAccount(mock.Mock(account_id=1), context)
    # ok: VC310/VC308 -- checks the servicer's answer
    assert reply.balance_cents == 5


# expect: VC303 -- nothing checked
def test_transfer(servicer):
    servicer.Transfer(mock.Mock(from_account=1, to_account=2, amount_cents=10), mock.Mock())


def test_reset_balance_denied(servicer):
    context = mock.Mock()
    servicer.ResetBalance(mock.Mock(is_admin=False, account_id=1), context)
    # expect: VC304 -- always true
    context.abort.assert_called
