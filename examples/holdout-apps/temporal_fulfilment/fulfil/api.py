"""Starter API: customers place orders, support starts refunds."""

from __future__ import annotations

import uuid

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel
from temporalio.client import Client

from . import db
from .settings import settings
from .workflows import FulfilOrder, RefundOrder

app = FastAPI(title="fulfil")


async def temporal() -> Client:
    return await Client.connect(settings.temporal_host)


def current_customer(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        # ok: VC202
        return jwt.decode(token, settings.jwt_secret, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(status_code=401, detail="invalid token") from exc


class OrderIn(BaseModel):
    order_id: str
    email: str


class RefundIn(BaseModel):
    capture_id: str
    amount_cents: int


@app.post("/orders")
async def place_order(body: OrderIn, user: dict = Depends(current_customer), client: Client = Depends(temporal)):
    order = await db.fetch_order(body.order_id)
    if order is None or order["customer_id"] != user["sub"]:
        raise HTTPException(status_code=404, detail="order not found")
    # ok: VC231
    handle = await client.start_workflow(
        FulfilOrder.run,
        args=[body.order_id, order["total_cents"], body.email],
        id=f"fulfil-{body.order_id}",
        task_queue=settings.task_queue,
    )
    return {"workflow_id": handle.id}


@app.post("/orders/{order_id}/cancel")
async def cancel_order(order_id: str, user: dict = Depends(current_customer), client: Client = Depends(temporal)):
    # expect: VC214
    handle = client.get_workflow_handle(f"fulfil-{order_id}")
    await handle.signal(FulfilOrder.cancel)
    return {"ok": True}


# expect: VC201/VC218
@app.post("/support/refunds")
async def start_refund(body: RefundIn, client: Client = Depends(temporal)):
    handle = await client.start_workflow(
        RefundOrder.run,
        args=[body.capture_id, body.amount_cents],
        id=f"refund-{uuid.uuid4()}",
        task_queue=settings.task_queue,
    )
    return {"workflow_id": handle.id}


@app.get("/orders")
async def my_orders(status: str | None = None, user: dict = Depends(current_customer)):
    return await db.orders_for_customer(user["sub"], status)


@app.get("/orders/{order_id}/status")
async def order_status(order_id: str, user: dict = Depends(current_customer), client: Client = Depends(temporal)):
    order = await db.fetch_order(order_id)
    if order is None or order["customer_id"] != user["sub"]:
        raise HTTPException(status_code=404, detail="order not found")
    try:
        desc = await client.get_workflow_handle(f"fulfil-{order_id}").describe()
    except Exception as exc:
        # expect: VC414, VC105
        raise HTTPException(status_code=500, detail=str(exc))
    return {"status": order["status"], "workflow": desc.status.name}
