"""aiogram 3 routers: customer commands and admin commands."""

from __future__ import annotations

import asyncio
import logging
import os

import httpx
import requests
import stripe
from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from . import store
from .settings import ADMIN_IDS, STRIPE_KEY

log = logging.getLogger(__name__)
router = Router()
admin_router = Router()
admin_router.message.filter(F.from_user.id.in_(ADMIN_IDS))
stripe.api_key = STRIPE_KEY


@router.message(Command("order"))
async def order_status(message: Message, command: CommandObject):
    order_id = int(command.args or 0)
    # expect: VC214
    order = await store.get_order(order_id)
    if order is None:
        await message.answer("No such order")
        return
    await message.answer(f"Order {order[0]}: {order[2]} – {order[4]}")


@router.message(Command("mine"))
async def my_order(message: Message, command: CommandObject):
    # ok: VC214
    order = await store.get_user_order(message.from_user.id, int(command.args or 0))
    await message.answer(str(order) if order else "No such order")


@router.message(Command("search"))
async def search(message: Message, command: CommandObject):
    rows = await store.find_products(command.args or "")
    await message.answer("\n".join(f"{r[1]}: {r[2]}" for r in rows) or "Nothing found")


# expect: VC218 -- reported on the handler, beside `cancel` of the filtered admin router
@router.message(Command("refund"))
async def refund(message: Message, command: CommandObject):
    order = await store.get_order(int(command.args or 0))
    stripe.Refund.create(payment_intent=f"pi_{order[0]}", amount=order[3])
    await store.set_status(order[0], "refunded")
    await message.answer("Refunded")


@admin_router.message(Command("cancel"))
async def cancel(message: Message, command: CommandObject):
    order_id = int(command.args or 0)
    # ok: VC214/VC218
    await store.set_status(order_id, "cancelled")
    await message.answer("Cancelled")


@router.message(Command("preview"))
async def preview(message: Message, command: CommandObject):
    # expect: VC405, VC110
    page = requests.get(command.args, timeout=10)
    # expect: VC107
    await message.answer(page.text[:200])


# expect: VC218 -- it runs a command on the host for any chat user
@router.message(Command("track"))
async def track(message: Message, command: CommandObject):
    carrier = command.args or ""
    # expect: VC421, VC108, VC110
    os.system("track-parcel --carrier " + carrier)
    await message.answer("Tracking started")


@router.message(Command("rates"))
async def rates(message: Message):
    async with httpx.AsyncClient(timeout=5) as client:
        resp = await client.get("https://api.exchangerate.host/latest?base=EUR")
        resp.raise_for_status()
    # ok: VC107
    await message.answer(str(resp.json()["rates"]["USD"]))


@router.message(Command("feedback"))
async def feedback(message: Message):
    # expect: VC113
    asyncio.create_task(forward_feedback(message.text))
    await message.answer("Thanks!")


async def forward_feedback(text: str | None) -> None:
    try:
        async with httpx.AsyncClient(timeout=5) as client:
            # expect: VC107
            await client.post("https://hooks.internal/feedback", json={"text": text})
    # expect: VC101
    except Exception:
        pass


@router.message(F.text)
async def echo(message: Message):
    # expect: VC409
    log.info("message from %s: " + message.text, message.from_user.id)
    await message.answer("Try /order, /search or /preview")
