"""VC421 corpus for chat bots: what a Telegram or Discord user sends is client input; the ids the platform assigns are not."""
import asyncio
import shlex

import discord
from telegram import Update
from telegram.ext import ContextTypes


async def cmd_sh(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # expect: VC421 -- the words after `/sh`, from anyone who can message the bot
    proc = await asyncio.create_subprocess_shell(" ".join(context.args))
    await proc.wait()


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = update.message.text
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(f"fortune {text}")
    await proc.wait()


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    service = update.callback_query.data
    # expect: VC421 -- a client may send any callback data, not only the buttons' own
    proc = await asyncio.create_subprocess_shell("systemctl restart " + service)
    await proc.wait()


async def on_caption(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    caption = update.effective_message.caption
    # ok: VC421 -- quoted for the shell
    proc = await asyncio.create_subprocess_shell(f"logger {shlex.quote(caption)}")
    await proc.wait()


async def on_notify(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    # ok: VC421 -- an argument list: the text is one word of `notify-send`
    proc = await asyncio.create_subprocess_exec("notify-send", "HomeBot", update.message.text)
    await proc.wait()


async def on_chat(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat_id = update.effective_chat.id
    user_id = update.effective_user.id
    # ok: VC421 -- ids the platform assigns
    proc = await asyncio.create_subprocess_shell(f"logger chat={chat_id} user={user_id}")
    await proc.wait()


class Relay(discord.Client):
    async def on_message(self, message: discord.Message) -> None:
        # expect: VC421
        proc = await asyncio.create_subprocess_shell("echo " + message.content)
        await proc.wait()
        # ok: VC421 -- the channel's id
        other = await asyncio.create_subprocess_shell(f"logger channel={message.channel.id}")
        await other.wait()
