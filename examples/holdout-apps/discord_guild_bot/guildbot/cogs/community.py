"""Community features: welcome messages, tags, XP and the leaderboard."""
from __future__ import annotations

import asyncio
import logging
import random
import time

import discord
import requests
from discord.ext import commands, tasks

from .. import db
from ..config import WELCOME_API_TOKEN

log = logging.getLogger(__name__)
WELCOME_API = "https://cards.example.com/api/welcome"


class Community(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.cooldowns: dict[int, float] = {}
        self.decay_xp.start()

    def cog_unload(self) -> None:
        self.decay_xp.cancel()

    @commands.Cog.listener()
    async def on_member_join(self, member: discord.Member):
        # expect: VC110 -- blocks the gateway loop while the card renders
        resp = requests.post(WELCOME_API, json={"name": member.display_name, "avatar": str(member.display_avatar.url)},
                             headers={"Authorization": f"Bearer {WELCOME_API_TOKEN}"}, timeout=10)
        channel = member.guild.system_channel
        if channel is None:
            return
        if resp.ok:
            await channel.send(f"Welcome {member.mention}!", embed=discord.Embed().set_image(url=resp.json()["url"]))
        else:
            await channel.send(f"Welcome {member.mention}!")

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message):
        try:
            if message.author.bot or message.guild is None:
                return
            last = self.cooldowns.get(message.author.id, 0)
            if time.monotonic() - last < 60:
                return
            self.cooldowns[message.author.id] = time.monotonic()
            await self.add_xp(message.guild.id, message.author.id, random.randint(5, 15))
        # expect: VC101 -- every failure of the XP handler disappears
        except Exception:
            pass

    async def add_xp(self, guild_id: int, user_id: int, points: int) -> None:
        import aiosqlite

        from ..config import DATABASE_PATH

        async with aiosqlite.connect(DATABASE_PATH) as conn:
            await conn.execute(
                "INSERT INTO xp VALUES (?, ?, ?) ON CONFLICT(guild_id, user_id) DO UPDATE SET points = points + ?",
                (guild_id, user_id, points, points),
            )
            await conn.commit()

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent):
        if str(payload.emoji) != "⭐":
            return
        # expect: VC110 -- time.sleep in an event handler stalls every other event
        time.sleep(1.5)
        channel = self.bot.get_channel(payload.channel_id)
        message = await channel.fetch_message(payload.message_id)
        log.info("starred %s", message.id)

    @commands.Cog.listener()
    async def on_member_remove(self, member: discord.Member):
        # ok: VC110
        await asyncio.sleep(1)
        # ok: VC110
        await asyncio.to_thread(requests.post, WELCOME_API + "/goodbye", json={"id": member.id}, timeout=10)

    @commands.command()
    async def tag(self, ctx: commands.Context, *, name: str):
        content = await db.get_tag(ctx.guild.id, name)
        await ctx.send(content or f"No tag named {name!r}.")

    @commands.command()
    async def maketag(self, ctx: commands.Context, name: str, *, content: str):
        await db.create_tag(ctx.guild.id, name, content, ctx.author.id)
        await ctx.send(f"Tag {name!r} saved.")

    @commands.command()
    async def top(self, ctx: commands.Context, order: str = "DESC"):
        rows = await db.leaderboard(ctx.guild.id, order)
        lines = [f"{i + 1}. <@{uid}> — {pts} XP" for i, (uid, pts) in enumerate(rows)]
        await ctx.send("\n".join(lines) or "Nobody has XP yet.", allowed_mentions=discord.AllowedMentions.none())

    @tasks.loop(hours=24)
    async def decay_xp(self) -> None:
        import aiosqlite

        from ..config import DATABASE_PATH

        async with aiosqlite.connect(DATABASE_PATH) as conn:
            await conn.execute("UPDATE xp SET points = points * 0.98")
            await conn.commit()


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Community(bot))
