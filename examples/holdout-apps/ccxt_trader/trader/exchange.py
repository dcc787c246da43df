"""Thin wrapper around ccxt: clients, prices and order placement."""
from __future__ import annotations

import logging
import time
import uuid
from decimal import Decimal

import ccxt
import requests
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from .config import BINANCE_API_KEY, BINANCE_SECRET, KRAKEN_API_KEY, KRAKEN_SECRET

log = logging.getLogger(__name__)


def binance() -> ccxt.binance:
    # expect: VC407 -- the key lands in every log file
    log.info("connecting to binance with key %s", BINANCE_API_KEY)
    return ccxt.binance({"apiKey": BINANCE_API_KEY, "secret": BINANCE_SECRET, "enableRateLimit": True})


def kraken() -> ccxt.kraken:
    log.info("connecting to kraken")
    return ccxt.kraken({"apiKey": KRAKEN_API_KEY, "secret": KRAKEN_SECRET, "enableRateLimit": True, "timeout": 10000})


def spot_price(symbol: str) -> float:
    # expect: VC106 -- hangs the bot when the API stalls
    resp = requests.get("https://api.binance.com/api/v3/ticker/price", params={"symbol": symbol.replace("/", "")})
    resp.raise_for_status()
    return float(resp.json()["price"])


def spot_price_checked(symbol: str) -> Decimal:
    # ok: VC106/VC107
    resp = requests.get("https://api.binance.com/api/v3/ticker/price", params={"symbol": symbol.replace("/", "")}, timeout=5)
    resp.raise_for_status()
    return Decimal(resp.json()["price"])


def place_order(exchange: ccxt.Exchange, symbol: str, side: str, amount: float) -> dict:
    """Place a market order, retrying until the exchange accepts it."""
    # expect: VC109 -- retries a non-idempotent order forever
    while True:
        try:
            return exchange.create_order(symbol, "market", side, amount)
        except ccxt.NetworkError as exc:
            log.warning("network error placing order: %s, retrying", exc)
            time.sleep(1)


def place_order_bounded(exchange: ccxt.Exchange, symbol: str, side: str, amount: Decimal, attempts: int = 4) -> dict:
    client_id = f"bot-{uuid.uuid4().hex[:20]}"
    delay = 0.5
    for attempt in range(attempts):
        try:
            return exchange.create_order(symbol, "market", side, float(amount), params={"newClientOrderId": client_id})
        # ok: VC109
        except ccxt.NetworkError:
            if attempt == attempts - 1:
                raise
            time.sleep(delay)
            delay *= 2
    raise RuntimeError("unreachable")


# expect: VC109 -- tenacity without a stop retries forever
@retry(retry=retry_if_exception_type(ccxt.NetworkError))
def cancel_order(exchange: ccxt.Exchange, order_id: str, symbol: str) -> dict:
    return exchange.cancel_order(order_id, symbol)


# ok: VC109
@retry(retry=retry_if_exception_type(ccxt.NetworkError), stop=stop_after_attempt(5), wait=wait_exponential(max=10))
def fetch_balance(exchange: ccxt.Exchange) -> dict:
    return exchange.fetch_balance()


def close_all(exchange: ccxt.Exchange, symbols: list[str]) -> None:
    for symbol in symbols:
        try:
            for order in exchange.fetch_open_orders(symbol):
                exchange.cancel_order(order["id"], symbol)
        # expect: VC101 -- a rejected cancel leaves orders open and nobody knows
        except ccxt.BaseError:
            pass


def free_balance(exchange: ccxt.Exchange, asset: str) -> float:
    try:
        return exchange.fetch_balance()["free"].get(asset, 0.0)
    except Exception as exc:
        log.error("balance failed: %s", exc)
        # expect: VC103 -- an auth failure reads as an empty wallet
        return 0.0


def free_balance_strict(exchange: ccxt.Exchange, asset: str) -> Decimal:
    try:
        balance = exchange.fetch_balance()
    # ok: VC101/VC102/VC103
    except ccxt.ExchangeError as exc:
        raise RuntimeError(f"could not read the {asset} balance") from exc
    return Decimal(str(balance["free"].get(asset, 0)))
