"""VC413 corpus: the arguments of a discord.py command are what any member of the guild typed after it, as is the
content of a message a discord.py or hikari listener receives."""
import ast

import discord
import hikari
from discord import app_commands
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
gateway = hikari.GatewayBot(token="x")


@bot.event
async def on_message(message: discord.Message) -> None:
    if message.clean_content.startswith("!calc "):
        # expect: VC413
        await message.channel.send(str(eval(message.clean_content[6:])))


@gateway.listen()
async def on_guild_message(event: hikari.GuildMessageCreateEvent) -> None:
    if event.content and event.content.startswith("!calc "):
        # expect: VC413
        await event.message.respond(str(eval(event.content[6:])))
        # ok: VC413
        await event.message.respond(str(ast.literal_eval(event.content[6:])))


@bot.command(name="eval")
async def eval_(ctx: commands.Context, *, code: str) -> None:
    # expect: VC413
    await ctx.send(repr(eval(code)))


@bot.command()
async def calc(ctx: commands.Context, *, expression: str) -> None:
    # ok: VC413
    await ctx.send(repr(ast.literal_eval(expression)))


@bot.tree.command(name="run")
async def run(interaction: discord.Interaction, source: str) -> None:
    # expect: VC413
    exec(source, {})
    await interaction.response.send_message("done")


class Tools(commands.Cog):
    @commands.hybrid_command()
    async def compute(self, ctx: commands.Context, expression: str) -> None:
        # expect: VC413
        await ctx.send(str(eval(expression, {"__builtins__": {}})))

    @commands.command()
    async def version(self, ctx: commands.Context) -> None:
        # ok: VC413 -- the bot's own constant
        await ctx.send(str(eval("1 + 1")))


@app_commands.command()
async def echo(interaction: discord.Interaction, text: str) -> None:
    # ok: VC413
    await interaction.response.send_message(text[:1900])
