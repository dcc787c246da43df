import os

import pytest

from payments import CardDeclined


def test_charge_returns_charge(gateway):
    charge = gateway.charge(2500, "tok_visa")
    assert charge["id"] == "ch_1"
    assert charge.get("amount") == 2500


def test_declined_card_raises(gateway):
    with pytest.raises(CardDeclined, match="insufficient funds"):
        gateway.charge(2500, "tok_declined")


def test_refund_posts_amount(gateway):
    refund = gateway.refund("ch_1", 1000)
    assert refund["amount"] == 1000


@pytest.mark.skipif(not os.environ.get("PROCESSOR_SANDBOX_KEY"), reason="needs the sandbox key")
def test_sandbox_roundtrip():
    from payments import Gateway

    gw = Gateway(os.environ["PROCESSOR_SANDBOX_KEY"])
    charge = gw.charge(100, "tok_visa")
    assert charge["status"] in {"succeeded", "pending"}
