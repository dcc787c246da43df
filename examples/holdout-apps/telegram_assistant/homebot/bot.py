"""Telegram entry point (python-telegram-bot v21)."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
from collections import defaultdict
from functools import wraps

import requests
from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from . import llm
from .config import ALLOWED_USERS, OPENAI_API_KEY, TELEGRAM_TOKEN, WEATHER_URL

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
log = logging.getLogger("homebot")

HISTORY: dict[int, list[dict]] = defaultdict(list)
_pending: set[asyncio.Task] = set()


def restricted(func):
    @wraps(func)
    async def wrapper(update: Update, context: ContextTypes.DEFAULT_TYPE):
        user = update.effective_user
        # ok: VC207/VC212
        if user is None or user.id not in ALLOWED_USERS:
            log.warning("rejected user %s", user.id if user else None)
            return
        return await func(update, context)

    return wrapper


async def keep_typing(chat_id: int, context: ContextTypes.DEFAULT_TYPE) -> None:
    while True:
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
        await asyncio.sleep(4)


@restricted
async def on_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id = update.effective_chat.id
    # expect: VC113
    asyncio.create_task(context.bot.send_chat_action(chat_id, ChatAction.TYPING))
    try:
        answer = await llm.chat(HISTORY[chat_id][-20:], update.message.text)
    # expect: VC102
    except Exception as e:
        log.error("chat failed: %s", e)
        answer = "Something went wrong, try again later."
    HISTORY[chat_id] += [{"role": "user", "content": update.message.text}, {"role": "assistant", "content": answer}]
    await update.message.reply_text(answer)


@restricted
async def cmd_summarize(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id = update.effective_chat.id
    # ok: VC113
    typing = asyncio.create_task(keep_typing(chat_id, context))
    _pending.add(typing)
    typing.add_done_callback(_pending.discard)
    try:
        text = "\n".join(m["content"] for m in HISTORY[chat_id])
        await update.message.reply_text(await llm.summarize(text))
    finally:
        typing.cancel()


@restricted
async def cmd_weather(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    lat, lon = (float(x) for x in context.args[:2])
    # expect: VC110
    resp = requests.get(WEATHER_URL, params={"latitude": lat, "longitude": lon, "current_weather": True}, timeout=10)
    # expect: VC107
    await update.message.reply_text(resp.json()["current_weather"]["temperature"])


@restricted
async def cmd_run(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/run <task in plain english> -> the model proposes a command and we run it."""
    task = " ".join(context.args)
    command = await llm.suggest_command(task)
    await update.message.reply_text(f"running: {command}")
    # expect: VC401/VC417
    proc = await asyncio.create_subprocess_shell(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, _ = await proc.communicate()
    await update.message.reply_text(out.decode()[-3500:] or "(no output)")


# expect: VC201/VC218
async def cmd_sh(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sh <command> -- raw shell for the owner."""
    # expect: VC421/VC408, VC110
    out = subprocess.check_output(" ".join(context.args), shell=True, text=True)
    await update.message.reply_text(out[-3500:])


@restricted
async def cmd_notify_desktop(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = " ".join(context.args)
    # ok: VC421/VC408
    proc = await asyncio.create_subprocess_exec("notify-send", "HomeBot", message)
    await proc.wait()
    await update.message.reply_text("sent" if proc.returncode == 0 else "notify-send failed")


@restricted
async def cmd_debug(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # expect: VC407
    log.info("debug requested; openai key=%s", OPENAI_API_KEY)
    await update.message.reply_text(f"history sizes: { {k: len(v) for k, v in HISTORY.items()} }")


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    log.error("update %s caused error", update, exc_info=context.error)


def main() -> None:
    app = Application.builder().token(os.environ.get("TELEGRAM_TOKEN", TELEGRAM_TOKEN)).build()
    app.add_handler(CommandHandler("summarize", cmd_summarize))
    app.add_handler(CommandHandler("weather", cmd_weather))
    app.add_handler(CommandHandler("run", cmd_run))
    app.add_handler(CommandHandler("sh", cmd_sh))
    app.add_handler(CommandHandler("notify", cmd_notify_desktop))
    app.add_handler(CommandHandler("debug", cmd_debug))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_message))
    app.add_error_handler(on_error)
    app.run_polling()


if __name__ == "__main__":
    main()
