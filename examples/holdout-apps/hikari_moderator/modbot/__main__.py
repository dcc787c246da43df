"""Gateway bot: automod on every guild message, prefix commands, audit log forwarding."""
from __future__ import annotations

import asyncio
import logging

import aiohttp
import hikari
# expect: VC504 -- requests is not declared
import requests

from . import classifier, commands, store
from .settings import AUDIT_WEBHOOK, BOT_TOKEN

log = logging.getLogger("modbot")
bot = hikari.GatewayBot(token=BOT_TOKEN, intents=hikari.Intents.ALL_UNPRIVILEGED | hikari.Intents.MESSAGE_CONTENT)
_tasks: set[asyncio.Task] = set()


async def audit(text: str) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        async with session.post(AUDIT_WEBHOOK, json={"content": text}) as resp:
            resp.raise_for_status()


@bot.listen()
async def on_message(event: hikari.GuildMessageCreateEvent) -> None:
    if event.is_bot or not event.content:
        return
    try:
        if event.content.startswith("!"):
            await commands.dispatch(bot, event)
            return
        for check in commands.FILTERS.get(event.guild_id, []):
            hit = check.search(event.content) if hasattr(check, "search") else check(event.content)
            if hit:
                await event.message.delete()
                # expect: VC113
                asyncio.create_task(audit(f"deleted message by {event.author_id}: filter"))
                return
        verdict = await classifier.classify(event.content)
        if verdict["toxic"] and verdict["action"] == "delete":
            await event.message.delete()
            await store.add_infraction(event.guild_id, event.author_id, "automod", verdict["reason"])
            # ok: VC113
            task = asyncio.create_task(audit(f"automod deleted a message by {event.author_id}: {verdict['reason']}"))
            _tasks.add(task)
            task.add_done_callback(_tasks.discard)
    # expect: VC101 -- automod failures vanish without a trace
    except Exception:
        pass


@bot.listen()
async def on_member_create(event: hikari.MemberCreateEvent) -> None:
    # expect: VC110/VC106, VC107
    requests.post(AUDIT_WEBHOOK, json={"content": f"{event.user} joined"})


@bot.listen()
async def on_ban(event: hikari.BanCreateEvent) -> None:
    try:
        await audit(f"{event.user} was banned")
    # ok: VC101/VC102
    except aiohttp.ClientError:
        log.exception("audit webhook failed")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    bot.run()


if __name__ == "__main__":
    main()
