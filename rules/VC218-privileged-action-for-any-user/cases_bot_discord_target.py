"""VC218 corpus: discord.py moderation commands whose check reads the rights of the member they act on."""
import datetime as dt

import discord
from discord import app_commands
from discord.ext import commands

MOD_ROLE = "Moderator"
bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


# ok: VC218 -- the library checks the caller
@bot.command()
@commands.has_role(MOD_ROLE)
async def warn(ctx: commands.Context, member: discord.Member, *, reason: str) -> None:
    await ctx.send(f"{member.mention} warned: {reason}")


# expect: VC218 -- the permission read is the muted member's, not the caller's
@bot.command()
async def mute(ctx: commands.Context, member: discord.Member, minutes: int = 10) -> None:
    if not member.guild_permissions.moderate_members:
        return
    await member.timeout(dt.timedelta(minutes=minutes))


# expect: VC218 -- the role looked up is the target's
@bot.command()
async def nick(ctx: commands.Context, member: discord.Member, *, name: str) -> None:
    if discord.utils.get(member.roles, name=MOD_ROLE) is None:
        return
    await member.edit(nick=name)


# ok: VC218 -- the caller's permission
@bot.command()
async def unmute(ctx: commands.Context, member: discord.Member) -> None:
    if not ctx.author.guild_permissions.moderate_members:
        return
    await member.timeout(None)


# ok: VC218 -- a hierarchy check compares the target with the caller
@bot.command()
async def timeout(ctx: commands.Context, member: discord.Member, minutes: int = 10) -> None:
    if member.top_role >= ctx.author.top_role:
        return
    await member.timeout(dt.timedelta(minutes=minutes))


# expect: VC218 -- a slash command with neither default_permissions nor a check
@bot.tree.command(name="slowmode")
async def slowmode(interaction: discord.Interaction, seconds: int) -> None:
    await interaction.channel.edit(slowmode_delay=seconds)


# ok: VC218
@bot.tree.command(name="lockdown")
@app_commands.default_permissions(manage_channels=True)
async def lockdown(interaction: discord.Interaction) -> None:
    await interaction.channel.set_permissions(interaction.guild.default_role, send_messages=False)


# ok: VC218 -- a public command reading a member's roles to show them
@bot.command()
async def roles(ctx: commands.Context, member: discord.Member) -> None:
    await ctx.send(", ".join(r.name for r in member.roles))
