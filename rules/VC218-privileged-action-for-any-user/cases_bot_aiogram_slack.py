"""VC218 corpus: aiogram, pyTelegramBotAPI and slack_bolt handlers, guarded by filters or checks but for some."""
import telebot
from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from slack_bolt import App

from .config import ADMINS
from .filters import IsAdmin
from .store import ban_user, dump_users, promote_user, revoke_access, unban_user

router = Router()
bot = telebot.TeleBot("token")
app = App()


# ok: VC218 -- an admin filter
@router.message(Command("ban"), IsAdmin())
async def ban(message: Message) -> None:
    ban_user(message.text.split()[1])


# ok: VC218 -- a filter on the sender's id
@router.message(Command("unban"), F.from_user.id.in_(ADMINS))
async def unban(message: Message) -> None:
    unban_user(message.text.split()[1])


# expect: VC218
@router.message(Command("promote"))
async def promote(message: Message) -> None:
    promote_user(message.text.split()[1])


# expect: VC218
@router.callback_query(F.data == "export")
async def export_users(callback: CallbackQuery) -> None:
    await callback.message.answer(dump_users())


# ok: VC218 -- a public command
@router.message(Command("start"))
async def start(message: Message) -> None:
    await message.answer("Welcome!")


# ok: VC218 -- pyTelegramBotAPI's filter function checks the sender
@bot.message_handler(commands=["grant"], func=lambda m: m.from_user.id in ADMINS)
def grant(message) -> None:
    bot.reply_to(message, "granted")


# expect: VC218
@bot.message_handler(commands=["revoke"])
def revoke(message) -> None:
    revoke_access(message.text.split()[1])


# ok: VC218 -- the handler compares the Slack user with the allow-list first
@app.command("/approve")
def approve(ack, command, respond) -> None:
    ack()
    if command["user_id"] not in ADMINS:
        respond("not allowed")
        return
    respond("approved")


# ok: VC218 -- a public command
@app.command("/weather")
def weather(ack, command, respond) -> None:
    ack()
    respond("sunny")
