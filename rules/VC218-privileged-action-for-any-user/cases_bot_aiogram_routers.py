"""VC218 corpus, aiogram 3: a router-wide filter on the sender (`admin_router.message.filter(...)`) checks every handler
that router registers; a handler of another router of the same bot is open to any chat user."""
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import Message

from .config import ADMIN_IDS
from .store import cancel_order, refund_order

router = Router()
admin_router = Router()
admin_router.message.filter(F.from_user.id.in_(ADMIN_IDS))


# ok: VC218 -- the router's filter checks the sender
@admin_router.message(Command("cancel"))
async def cancel(message: Message) -> None:
    cancel_order(message.text.split()[1])


# ok: VC218 -- the router's filter checks the sender
@admin_router.message(Command("ban"))
async def ban(message: Message) -> None:
    await message.answer("banned")


# expect: VC218
@router.message(Command("refund"))
async def refund(message: Message) -> None:
    refund_order(message.text.split()[1])


# ok: VC218 -- a public command
@router.message(Command("help"))
async def help_command(message: Message) -> None:
    await message.answer("Try /order")


# ok: VC218 -- the other router's observer: its callback queries are not filtered, but this one only answers
@admin_router.callback_query(F.data == "noop")
async def noop(callback) -> None:
    await callback.answer()
