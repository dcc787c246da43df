import pytest
from faststream.rabbit import TestRabbitBroker

from ledger.app import broker, on_reconcile
from ledger import settings


@pytest.mark.asyncio
async def test_payment_is_consumed():
    async with TestRabbitBroker(broker) as br:
        await br.publish({"account_id": "a1", "currency": "EUR", "expected_cents": 0}, "ledger.reconcile")
        on_reconcile.mock.assert_called_once_with({"account_id": "a1", "currency": "EUR", "expected_cents": 0})


@pytest.mark.asyncio
# expect: VC303
async def test_reconcile_publishes():
    async with TestRabbitBroker(broker) as br:
        await br.publish({"account_id": "a1", "currency": "EUR", "expected_cents": 0}, "ledger.reconcile")


def test_partners_load(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("a1: {url: 'https://x'}\n")
    partners = settings.load_partners_safe(str(path))
    # expect: VC310
    assert partners
