import pytest

from payments import ledger
from payments.ledger import Entry


def test_charge_event_balances():
    entries = ledger.process({"type": "charge.succeeded", "amount": 2500})
    assert ledger.balance(entries, "cash") == 2500
    assert ledger.balance(entries, "revenue") == -2500


def test_refund_event_lines():
    entries = ledger.process({"type": "refund.created", "amount": 700})
    assert entries == [Entry("revenue", debit=700), Entry("cash", credit=700)]


def test_ledger_smoke():
    ledger.process({"type": "charge.succeeded", "amount": 1})
    # expect: VC304
    assert True
