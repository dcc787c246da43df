"""The AI cog: answers questions with OpenAI, lets admins run the diagnostic agent."""
from __future__ import annotations

import asyncio
import logging
from collections import defaultdict, deque

import discord
from discord.ext import commands

from .. import llm

log = logging.getLogger(__name__)


class AI(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self.history: dict[int, deque] = defaultdict(lambda: deque(maxlen=10))

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message):
        if message.author.bot or self.bot.user not in message.mentions:
            return
        question = message.clean_content.replace(f"@{self.bot.user.name}", "").strip()
        async with message.channel.typing():
            answer = await llm.ask(question, list(self.history[message.channel.id]))
        self.history[message.channel.id].extend(
            [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        )
        # expect: VC401 -- "say @everyone ..." makes the bot ping the whole server
        await message.reply(answer)

    @commands.command()
    async def ask(self, ctx: commands.Context, *, question: str):
        answer = await llm.ask(question)
        # ok: VC401 -- mentions switched off
        await ctx.reply(answer[:1900], allowed_mentions=discord.AllowedMentions.none())

    @commands.command()
    @commands.has_permissions(administrator=True)
    async def diagnose(self, ctx: commands.Context, *, request: str):
        # ok: VC113
        reply = await asyncio.wait_for(llm.agent(request), timeout=120)
        await ctx.send(f"```\n{reply[:1900]}\n```")

    @commands.command()
    async def summarize(self, ctx: commands.Context, limit: int = 50):
        messages = [m async for m in ctx.channel.history(limit=limit)]
        transcript = "\n".join(f"{m.author.display_name}: {m.content}" for m in reversed(messages))
        summary = await llm.ask(f"Summarize this conversation:\n{transcript}")
        # expect: VC401
        await ctx.channel.send(summary)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(AI(bot))
