"""VC218 corpus: Slack Bolt and discord.py handlers handing the sender's text to what a sibling runs only after
checking the sender (an on-call group, an owner list), and the modes, helpers and commands that stay public."""
import discord
from discord.ext import commands
from slack_bolt.async_app import AsyncApp

from .agent import ask, run_query, summarise
from .audit import log_command
from .groups import in_group

app = AsyncApp()
bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
OWNERS = {1234}


# ok: VC218 -- a check of the sender's group first
@app.command("/ops")
async def ops(ack, command, client, respond) -> None:
    await ack()
    if not await in_group(client, command["user_id"], "oncall"):
        await respond("on-call only")
        return
    log_command(command["text"])
    await respond(await ask(command["text"]))


@app.event("app_mention")
async def mention(event, say) -> None:
    # expect: VC218
    await say(await ask(event["text"]))


@app.action("rerun")
async def rerun(ack, body, respond) -> None:
    await ack()
    # expect: VC218
    answer = await ask("Again: " + body["actions"][0]["text"])
    await respond(answer)


# ok: VC218 -- the public command asks in a mode the guarded one never uses
@app.command("/support")
async def support(ack, command, respond) -> None:
    await ack()
    await respond(await ask(command["text"], readonly=True))


# ok: VC218 -- only bookkeeping the guarded command also does, and another function
@app.command("/summary")
async def summary(ack, command, respond) -> None:
    await ack()
    log_command(command["text"])
    await respond(await summarise(command["text"]))


# ok: VC218 -- an owner check
@bot.command(name="query")
async def query(ctx, *, sql: str) -> None:
    if ctx.author.id not in OWNERS:
        return
    await ctx.send(run_query(sql))


@bot.event
async def on_message(message) -> None:
    # expect: VC218
    await message.channel.send(run_query(message.content))
