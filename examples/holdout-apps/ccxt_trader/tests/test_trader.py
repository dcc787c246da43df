from decimal import Decimal
from unittest.mock import MagicMock, patch

import ccxt
import pytest
from fastapi.testclient import TestClient

from trader import exchange, strategy


def test_position_size():
    size = strategy.position_size(1000, 2, 50000)
    # expect: VC310
    assert size


def test_position_size_exact():
    size = strategy.position_size_exact(Decimal(1000), Decimal(2), Decimal(50000), Decimal("0.00001"))
    assert size == Decimal("0.00040")


def test_place_order_returns_exchange_answer():
    fake = MagicMock()
    fake.create_order.return_value = {"id": "42"}
    order = exchange.place_order(fake, "BTC/USDT", "buy", 0.001)
    # ok: VC308 -- place_order ran and handed back the exchange's answer
    assert order == fake.create_order.return_value


def test_place_order_bounded_gives_up():
    fake = MagicMock()
    fake.create_order.side_effect = ccxt.NetworkError("down")
    with patch("trader.exchange.time.sleep"):
        with pytest.raises(ccxt.NetworkError):
            exchange.place_order_bounded(fake, "BTC/USDT", "buy", Decimal("0.001"), attempts=2)
    assert fake.create_order.call_count == 2


def test_close_all():
    fake = MagicMock()
    fake.fetch_open_orders.return_value = [{"id": "1"}]
    exchange.close_all(fake, ["BTC/USDT"])
    # expect: VC304/VC308
    fake.cancel_order.assert_called


def test_crossover():
    closes = [float(i) for i in range(30)]
    signal = strategy.crossover_signal(closes)
    # expect: VC311
    if signal is not None:
        assert signal in ("buy", "sell")


def test_webhook_rejects_bad_passphrase():
    with patch("trader.exchange.binance"):
        from trader.webhook import app

        client = TestClient(app)
        resp = client.post("/webhook/tradingview", json={"passphrase": "nope", "symbol": "BTC/USDT", "side": "buy", "amount": 1})
    # ok: VC310
    assert resp.status_code == 401


def test_stop_loss():
    # expect: VC304/VC310
    assert strategy.check_stop_loss(Decimal(100), Decimal(90), Decimal(3)) or True
