import pytest

from payouts import service
from payouts.errors import InsufficientFunds, ProviderError


@pytest.fixture
def item():
    return {"id": "itm_1", "account_id": "acc_1", "amount": 1250, "currency": "EUR"}


def test_pay_item_records_payout(monkeypatch, item):
    recorded = []
    monkeypatch.setattr(service.ledger, "account_for", lambda it: {"provider_account": "pa_1", "currency": "EUR"})
    monkeypatch.setattr(service.provider, "create_payout", lambda *a, **kw: {"id": "po_9", "amount": 1250})
    monkeypatch.setattr(service.ledger, "record_payout", lambda b, i, p: recorded.append((b, i, p)))

    payout = service.pay_item("b_1", item)

    assert payout["id"] == "po_9"
    assert recorded == [("b_1", "itm_1", "po_9")]


def test_pay_item_or_raise_propagates_provider_errors(monkeypatch, item):
    monkeypatch.setattr(service.ledger, "account_for", lambda it: {"provider_account": "pa_1", "currency": "EUR"})

    def refuse(*args, **kwargs):
        raise ProviderError("card declined")

    monkeypatch.setattr(service.provider, "create_payout", refuse)
    with pytest.raises(ProviderError, match="declined"):
        service.pay_item_or_raise("b_1", item)


def test_insufficient_funds_is_not_turned_into_a_dict(monkeypatch, item):
    monkeypatch.setattr(service.ledger, "account_for", lambda it: {"provider_account": "pa_1", "currency": "EUR"})

    def broke(*args, **kwargs):
        raise InsufficientFunds("balance too low")

    monkeypatch.setattr(service.provider, "create_payout", broke)
    with pytest.raises(InsufficientFunds):
        service.pay_item("b_1", item)
