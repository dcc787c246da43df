"""Entry point: builds the bot, loads the cogs, runs it."""
from __future__ import annotations

import asyncio
import logging

import discord
from discord.ext import commands

from . import db
from .config import COMMAND_PREFIX, DISCORD_TOKEN

log = logging.getLogger("guildbot")

COGS = ("guildbot.cogs.admin", "guildbot.cogs.community", "guildbot.cogs.ai")


class GuildBot(commands.Bot):
    def __init__(self) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        intents.members = True
        super().__init__(command_prefix=COMMAND_PREFIX, intents=intents)
        self.background: set[asyncio.Task] = set()

    async def setup_hook(self) -> None:
        await db.init()
        for cog in COGS:
            await self.load_extension(cog)
        await self.tree.sync()

    def spawn(self, coro) -> asyncio.Task:
        # ok: VC113 -- kept until done
        task = asyncio.create_task(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)
        return task

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s)", self.user, self.user.id)

    async def on_command_error(self, ctx: commands.Context, error: commands.CommandError) -> None:
        if isinstance(error, (commands.MissingPermissions, commands.MissingRole, commands.NotOwner)):
            await ctx.send("You are not allowed to do that.")
            return
        if isinstance(error, commands.CommandNotFound):
            return
        log.exception("command %s failed", ctx.command, exc_info=error)
        # expect: VC414 -- the exception text is posted in the channel
        await ctx.send(f"Error: {error}")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    bot = GuildBot()
    bot.run(DISCORD_TOKEN)


if __name__ == "__main__":
    main()
