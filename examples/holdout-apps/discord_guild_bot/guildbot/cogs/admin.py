"""Moderation commands: ban, kick, mute, purge, warnings, and a few owner tools."""
from __future__ import annotations

import ast
import asyncio
import datetime as dt
import subprocess

import discord
from discord import app_commands
from discord.ext import commands

from .. import db
from ..config import MOD_LOG_CHANNEL_ID, MOD_ROLE


class Admin(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    async def modlog(self, text: str) -> None:
        channel = self.bot.get_channel(MOD_LOG_CHANNEL_ID)
        if channel is not None:
            await channel.send(text)

    # expect: VC218 -- any member of the guild can ban anyone
    @commands.command()
    async def ban(self, ctx: commands.Context, member: discord.Member, *, reason: str = "No reason given"):
        await member.ban(reason=reason)
        # expect: VC113
        asyncio.create_task(self.modlog(f"{ctx.author} banned {member}: {reason}"))
        await ctx.send(f"Banned {member.mention}.")

    # ok: VC218
    @commands.command()
    @commands.has_permissions(ban_members=True)
    async def softban(self, ctx: commands.Context, member: discord.Member):
        await member.ban(reason=f"softban by {ctx.author}", delete_message_days=1)
        await ctx.guild.unban(member)
        await ctx.send(f"Softbanned {member.mention}.")

    # expect: VC218 -- guild_only is no permission check
    @commands.command()
    @commands.guild_only()
    async def kick(self, ctx: commands.Context, member: discord.Member, *, reason: str | None = None):
        await member.kick(reason=reason)
        await ctx.send(f"Kicked {member}.")

    @commands.command()
    @commands.has_role(MOD_ROLE)
    async def warn(self, ctx: commands.Context, member: discord.Member, *, reason: str):
        await db.add_warning(ctx.guild.id, member.id, reason)
        # ok: VC113
        self.bot.spawn(self.modlog(f"{ctx.author} warned {member}: {reason}"))
        await ctx.send(f"Warned {member.mention}.")

    # expect: VC207/VC218 -- reads the permissions of the member being muted, not of the caller
    @commands.command()
    async def mute(self, ctx: commands.Context, member: discord.Member, minutes: int = 10):
        if not member.guild_permissions.moderate_members:
            await ctx.send("You need the Timeout Members permission.")
            return
        await member.timeout(dt.timedelta(minutes=minutes), reason=f"muted by {ctx.author}")
        await ctx.send(f"Muted {member.mention} for {minutes} minutes.")

    # ok: VC207/VC218 -- the caller's permissions
    @commands.command()
    async def unmute(self, ctx: commands.Context, member: discord.Member):
        if not ctx.author.guild_permissions.moderate_members:
            await ctx.send("You need the Timeout Members permission.")
            return
        await member.timeout(None)
        await ctx.send(f"Unmuted {member.mention}.")

    # expect: VC207/VC218 -- checks that the *target* holds the mod role
    @commands.command()
    async def nick(self, ctx: commands.Context, member: discord.Member, *, name: str):
        if discord.utils.get(member.roles, name=MOD_ROLE) is None:
            await ctx.send("Moderators only.")
            return
        await member.edit(nick=name)

    # expect: VC218 -- anyone wipes the channel
    @commands.command()
    async def purge(self, ctx: commands.Context, limit: int = 50):
        deleted = await ctx.channel.purge(limit=limit)
        await ctx.send(f"Deleted {len(deleted)} messages.", delete_after=5)

    # ok: VC218
    @app_commands.command(name="lockdown", description="Lock the current channel")
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def lockdown(self, interaction: discord.Interaction):
        await interaction.channel.set_permissions(interaction.guild.default_role, send_messages=False)
        await interaction.response.send_message("Channel locked.")

    # expect: VC218 -- a slash command without default_permissions or a check
    @app_commands.command(name="slowmode", description="Set the slowmode delay")
    async def slowmode(self, interaction: discord.Interaction, seconds: int):
        await interaction.channel.edit(slowmode_delay=seconds)
        await interaction.response.send_message(f"Slowmode set to {seconds}s.")

    # expect: VC218 -- no owner check either
    @commands.command(name="eval")
    async def eval_(self, ctx: commands.Context, *, code: str):
        # expect: VC413 -- any member runs Python on the bot host
        result = eval(code)
        await ctx.send(f"```py\n{result!r}\n```")

    @commands.command()
    async def calc(self, ctx: commands.Context, *, expression: str):
        # ok: VC413
        value = ast.literal_eval(expression)
        await ctx.send(str(value))

    @commands.command()
    @commands.has_role(MOD_ROLE)
    async def ping_host(self, ctx: commands.Context, host: str):
        # expect: VC421/VC408 -- "example.com; cat ~/.env" works for any moderator
        proc = await asyncio.create_subprocess_shell(f"ping -c 3 {host}", stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        await ctx.send(f"```\n{out.decode()[-1800:]}\n```")

    @commands.command()
    @commands.is_owner()
    async def traceroute(self, ctx: commands.Context, host: str):
        # ok: VC421/VC408 -- an argument list, owner only
        proc = await asyncio.create_subprocess_exec("traceroute", "-m", "15", "--", host, stdout=asyncio.subprocess.PIPE)
        out, _ = await proc.communicate()
        await ctx.send(f"```\n{out.decode()[-1800:]}\n```")

    @commands.command()
    @commands.is_owner()
    async def update(self, ctx: commands.Context):
        # ok: VC421/VC408
        # expect: VC110 -- git pull blocks the gateway loop
        proc = subprocess.run(["git", "pull", "--ff-only"], capture_output=True, text=True, check=True)
        await ctx.send(f"```\n{proc.stdout[-1800:]}\n```")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Admin(bot))
