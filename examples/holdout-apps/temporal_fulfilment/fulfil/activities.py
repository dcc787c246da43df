"""Temporal activities: payments, stock, shipping labels, notifications."""

from __future__ import annotations

import logging
import subprocess
import time

import httpx
import requests
from temporalio import activity
from temporalio.exceptions import ApplicationError

from . import db
from .settings import settings

log = logging.getLogger(__name__)


@activity.defn
async def reserve_stock(order_id: str) -> bool:
    order = await db.fetch_order(order_id)
    if order is None:
        # ok: VC103
        raise ApplicationError(f"order {order_id} not found", non_retryable=True)
    async with httpx.AsyncClient(timeout=10) as client:
        # ok: VC106/VC107
        resp = await client.post(f"https://stock.internal/reserve/{order_id}")
        resp.raise_for_status()
    return True


@activity.defn
async def capture_payment(order_id: str, amount_cents: int) -> str:
    headers = {"Authorization": f"Bearer {settings.payments_api_key}"}
    # expect: VC407
    log.info("capturing payment for %s with headers %s", order_id, headers)
    try:
        # expect: VC110
        resp = requests.post(
            f"{settings.payments_base_url}/captures",
            json={"order_id": order_id, "amount": amount_cents},
            headers=headers,
            timeout=15,
        )
        resp.raise_for_status()
        return resp.json()["capture_id"]
    except Exception:
        log.warning("payment capture failed for %s", order_id)
        # expect: VC101/VC103
        return ""


@activity.defn
async def create_label(order_id: str) -> str:
    order = await db.fetch_order(order_id)
    payload = {"address": order["address"], "reference": order_id}
    # ok: VC106 -- re-marked: httpx's clients default to a 5 s timeout
    resp = await httpx.AsyncClient().post(
        f"{settings.shipping_base_url}/labels",
        json=payload,
        headers={"X-Api-Key": settings.shipping_api_key},
    )
    # expect: VC107
    label = resp.json()
    await db.record_shipment(order_id, label["carrier"], label["tracking"])
    return label["pdf_url"]


@activity.defn
def print_label(pdf_url: str, copies: int = 1) -> None:
    # expect: VC408
    subprocess.run(f"curl -s {pdf_url} | lp -h {settings.label_printer_host} -n {copies}", shell=True, check=True)


@activity.defn
def archive_label(order_id: str, pdf_path: str) -> None:
    # ok: VC408
    subprocess.run(["gsutil", "cp", pdf_path, f"gs://labels-archive/{order_id}.pdf"], check=True)


@activity.defn
def notify_warehouse(order_id: str) -> None:
    # expect: VC109
    while True:
        try:
            # expect: VC106
            r = requests.post("https://hooks.warehouse.internal/orders", json={"order_id": order_id})
            if r.ok:
                break
        except requests.RequestException:
            time.sleep(2)


@activity.defn
async def mark_status(order_id: str, status: str) -> None:
    await db.set_status(order_id, status)


@activity.defn
async def send_receipt(order_id: str, email: str) -> None:
    async with httpx.AsyncClient(timeout=10) as client:
        try:
            resp = await client.post("https://mail.internal/send", json={"to": email, "template": "receipt"})
            resp.raise_for_status()
        # expect: VC101
        except httpx.HTTPError:
            pass


@activity.defn
async def refund_payment(capture_id: str, amount_cents: int) -> None:
    # expect: VC404
    async with httpx.AsyncClient(timeout=10, verify=False) as client:
        resp = await client.post(
            f"{settings.payments_base_url}/refunds", json={"capture": capture_id, "amount": amount_cents}
        )
        resp.raise_for_status()
