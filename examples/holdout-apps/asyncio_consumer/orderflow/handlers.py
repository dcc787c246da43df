"""Handlers for the order events the worker consumes."""

import asyncio
import json
import logging
import subprocess
import time
from functools import partial

import aiohttp
import asyncpg
import httpx
import requests

from . import notify
from .notify import send_email
from .settings import FULFILMENT_API, FULFILMENT_TOKEN

logger = logging.getLogger(__name__)


async def mark_status(pool: asyncpg.Pool, order_id: int, status: str) -> None:
    async with pool.acquire() as conn:
        # expect: VC402
        await conn.execute(f"UPDATE orders SET status = '{status}', updated_at = now() WHERE id = {order_id}")


async def mark_status_safe(pool: asyncpg.Pool, order_id: int, status: str) -> None:
    async with pool.acquire() as conn:
        # ok: VC402
        await conn.execute("UPDATE orders SET status = $1, updated_at = now() WHERE id = $2", status, order_id)


async def reserve_stock(session: aiohttp.ClientSession, order: dict) -> dict:
    async with session.post(f"{FULFILMENT_API}/reservations", json={"items": order["items"]},
                            headers={"Authorization": f"Bearer {FULFILMENT_TOKEN}"}) as resp:
        # expect: VC107
        return await resp.json()


async def ship_order(order: dict) -> str:
    # expect: VC106
    async with httpx.AsyncClient(timeout=None) as client:
        resp = await client.post(f"{FULFILMENT_API}/shipments", json=order)
        resp.raise_for_status()
        return resp.json()["tracking_number"]


async def fetch_invoice_pdf(order_id: int) -> bytes:
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=3.0)) as client:
        # ok: VC106
        resp = await client.get(f"{FULFILMENT_API}/invoices/{order_id}.pdf")
        # ok: VC107
        resp.raise_for_status()
        return resp.content


async def render_label(order_id: int, out_path: str) -> None:
    # expect: VC110
    subprocess.run(["wkhtmltopdf", f"{FULFILMENT_API}/labels/{order_id}", out_path], check=True)


async def render_label_offloop(order_id: int, out_path: str) -> None:
    proc = await asyncio.create_subprocess_exec("wkhtmltopdf", f"{FULFILMENT_API}/labels/{order_id}", out_path)
    # ok: VC108
    if await proc.wait() != 0:
        raise RuntimeError(f"label rendering failed for order {order_id}")


async def notify_customer(order: dict, sms_key: str) -> None:
    # expect: VC112
    notify.send_sms(order["phone"], f"Order {order['id']} is on its way!", sms_key)
    loop = asyncio.get_running_loop()
    # ok: VC110, VC112
    await loop.run_in_executor(None, partial(send_email, order["email"], "Your order shipped", "..."))


async def poll_payment(order_id: int) -> str:
    for _ in range(10):
        # expect: VC110
        r = requests.get(f"{FULFILMENT_API}/payments/{order_id}", timeout=5)
        # expect: VC107
        status = r.json()["status"]
        if status != "pending":
            return status
        # expect: VC110
        time.sleep(3)
    return "pending"


async def poll_payment_async(order_id: int) -> str:
    async with httpx.AsyncClient(timeout=5) as client:
        for _ in range(10):
            r = await client.get(f"{FULFILMENT_API}/payments/{order_id}")
            r.raise_for_status()
            if (status := r.json()["status"]) != "pending":
                return status
            # ok: VC110
            await asyncio.sleep(3)
    return "pending"


async def fetch_payment_blocking_offloaded(order_id: int) -> dict:
    # ok: VC110
    resp = await asyncio.to_thread(requests.get, f"{FULFILMENT_API}/payments/{order_id}", timeout=5)
    resp.raise_for_status()
    return resp.json()


async def handle_order_created(pool: asyncpg.Pool, session: aiohttp.ClientSession, body: bytes) -> None:
    order = json.loads(body)
    try:
        reservation = await reserve_stock(session, order)
        await mark_status(pool, order["id"], "reserved" if reservation.get("ok") else "backorder")
    # expect: VC102
    except Exception as e:
        logger.error("order %s: reservation failed: %s", order.get("id"), e)
    tracking = await ship_order(order)
    logger.info("order %s shipped: %s", order["id"], tracking)


async def handle_order_cancelled(pool: asyncpg.Pool, body: bytes) -> None:
    order = json.loads(body)
    try:
        await mark_status_safe(pool, order["id"], "cancelled")
    # ok: VC101, VC102
    except asyncpg.PostgresError:
        logger.exception("could not cancel order %s", order["id"])
        raise
