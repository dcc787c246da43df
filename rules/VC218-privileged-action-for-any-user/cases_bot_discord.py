"""VC218 corpus: discord.py commands, guarded by the library's checks but for one."""
import click
import discord
from discord import app_commands
from discord.ext import commands

OWNER_ID = 1234
bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())


# ok: VC218 -- the library checks the caller's permissions
@bot.command()
@commands.has_permissions(ban_members=True)
async def ban(ctx: commands.Context, member: discord.Member) -> None:
    await member.ban()


# ok: VC218 -- only the bot's owner
@bot.command()
@commands.is_owner()
async def shutdown(ctx: commands.Context) -> None:
    await bot.close()


# ok: VC218 -- a slash command restricted to administrators
@bot.tree.command(name="kick")
@app_commands.default_permissions(kick_members=True)
async def kick(interaction: discord.Interaction, member: discord.Member) -> None:
    await member.kick()


# ok: VC218 -- an early check of the caller's id
@bot.command(name="broadcast")
async def broadcast(ctx: commands.Context, *, text: str) -> None:
    if ctx.author.id != OWNER_ID:
        return
    for guild in bot.guilds:
        await guild.system_channel.send(text)


# expect: VC218
@bot.command(name="purge")
async def purge(ctx: commands.Context, count: int) -> None:
    await ctx.channel.purge(limit=count)


# ok: VC218 -- a public command
@bot.command()
async def ping(ctx: commands.Context) -> None:
    await ctx.send("pong")


class Moderation(commands.Cog):
    """Every command of the cog passes `cog_check` first."""

    async def cog_check(self, ctx: commands.Context) -> bool:
        return ctx.author.guild_permissions.administrator

    # ok: VC218 -- the cog's check covers it
    @commands.command()
    async def mute(self, ctx: commands.Context, member: discord.Member) -> None:
        await member.timeout(None)


# ok: VC218 -- a command-line entry point of the same module, no chat command
@click.command()
def backup_database() -> None:
    bot.run("token")
