"""TradingView alert webhook: turns alerts into orders."""
from __future__ import annotations

import hmac
import logging
from decimal import Decimal, InvalidOperation

from fastapi import FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

from . import exchange
from .config import ALLOWED_SYMBOLS, MAX_ORDER_USDT, WEBHOOK_PASSPHRASE
from .notify import notify

log = logging.getLogger(__name__)
app = FastAPI(title="trader webhook")
BINANCE = exchange.binance()


class Alert(BaseModel):
    passphrase: str
    symbol: str
    side: str = Field(pattern="^(buy|sell)$")
    amount: Decimal = Field(gt=0)


@app.post("/webhook/tradingview")
async def tradingview(request: Request):
    data = await request.json()
    # expect: VC204 -- == on the shared secret
    if data.get("passphrase") != WEBHOOK_PASSPHRASE:
        raise HTTPException(status_code=401, detail="bad passphrase")
    # expect: VC112 -- place_order sleeps between its retries
    order = exchange.place_order(BINANCE, data["symbol"], data["side"], float(data["amount"]))
    # expect: VC112 -- notify posts with requests
    notify(f"{data['side']} {data['amount']} {data['symbol']}: {order['id']}")
    return {"order": order["id"]}


@app.post("/webhook/v2")
def tradingview_v2(alert: Alert):
    # ok: VC204
    if not hmac.compare_digest(alert.passphrase.encode(), WEBHOOK_PASSPHRASE.encode()):
        raise HTTPException(status_code=401, detail="bad passphrase")
    if alert.symbol not in ALLOWED_SYMBOLS:
        raise HTTPException(status_code=400, detail="symbol not allowed")
    price = exchange.spot_price_checked(alert.symbol)
    if alert.amount * price > MAX_ORDER_USDT:
        raise HTTPException(status_code=400, detail="order too large")
    order = exchange.place_order_bounded(BINANCE, alert.symbol, alert.side, alert.amount)
    return {"order": order["id"]}


# expect: VC201/VC218 -- no passphrase at all on the panic button
@app.post("/webhook/close-all")
async def close_all(request: Request):
    data = await request.json()
    symbols = data.get("symbols", list(ALLOWED_SYMBOLS))
    exchange.close_all(BINANCE, symbols)
    return {"closed": symbols}


@app.post("/webhook/set-leverage")
async def set_leverage(request: Request):
    data = await request.json()
    try:
        leverage = int(Decimal(str(data["leverage"])))
    except (KeyError, InvalidOperation) as exc:
        # ok: VC414 -- a missing key or a number that does not parse: the client's own mistake
        # expect: VC105
        raise HTTPException(status_code=400, detail=str(exc))
    if not hmac.compare_digest(str(data.get("passphrase", "")), WEBHOOK_PASSPHRASE):
        raise HTTPException(status_code=401)
    BINANCE.set_leverage(leverage, data["symbol"])
    return {"leverage": leverage}
