"""VC109 corpus: an order retried forever on an exchange's network error; a WebSocket client reconnecting forever."""
import asyncio
import logging
import time

import ccxt
import websockets

log = logging.getLogger(__name__)


def place_order(exchange: ccxt.Exchange, symbol: str, amount: float) -> dict:
    # expect: VC109 -- a pause spaces the attempts out but never ends them
    while True:
        try:
            return exchange.create_order(symbol, "market", "buy", amount)
        except ccxt.NetworkError:
            log.warning("network error, retrying")
            time.sleep(1)


def place_order_bounded(exchange: ccxt.Exchange, symbol: str, amount: float, attempts: int = 4) -> dict:
    for attempt in range(attempts):
        try:
            return exchange.create_order(symbol, "market", "buy", amount)
        # ok: VC109
        except ccxt.NetworkError:
            if attempt == attempts - 1:
                raise
            time.sleep(2 ** attempt)
    raise RuntimeError("unreachable")


def cancel(exchange: ccxt.Exchange, order_id: str) -> None:
    # ok: VC109 -- an order that is gone answers the question: not a failure to retry
    while True:
        try:
            exchange.cancel_order(order_id)
            return
        except ccxt.OrderNotFound:
            return


async def listen(url: str) -> None:
    while True:
        try:
            async with websockets.connect(url) as ws:
                async for message in ws:
                    log.info("%s", message)
        # expect: VC109 -- reconnects at full speed while the server is down
        except websockets.ConnectionClosed:
            continue


async def listen_paced(url: str) -> None:
    delay = 1.0
    while True:
        try:
            async with websockets.connect(url) as ws:
                delay = 1.0
                async for message in ws:
                    log.info("%s", message)
        # ok: VC109 -- a long-running listener that waits longer after each failure
        except websockets.ConnectionClosed:
            await asyncio.sleep(delay)
            delay = min(delay * 2, 60)
