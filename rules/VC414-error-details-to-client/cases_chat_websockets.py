"""VC414 corpus: exception text sent to a Discord channel or over a WebSocket."""
import json
import logging
import traceback

import discord
import websockets
from discord.ext import commands
from fastapi import FastAPI, WebSocket

log = logging.getLogger(__name__)
app = FastAPI()
bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
CLIENTS: set = set()


@bot.event
async def on_command_error(ctx: commands.Context, error: commands.CommandError) -> None:
    if isinstance(error, commands.MissingPermissions):
        await ctx.send("You are not allowed to do that.")
        return
    # expect: VC414 -- a CommandInvokeError repeats the database's message
    await ctx.send(f"Error: {error}")


@bot.command()
async def stats(ctx: commands.Context) -> None:
    try:
        await ctx.send(json.dumps(await load_stats()))
    except Exception as exc:
        log.exception("stats failed")
        # expect: VC414
        await ctx.reply(f"Could not load stats: {exc!r}")


@bot.command()
async def stats_safe(ctx: commands.Context) -> None:
    try:
        await ctx.send(json.dumps(await load_stats()))
    except Exception:
        log.exception("stats failed")
        # ok: VC414
        await ctx.reply("Could not load stats, the admins have been told.")


async def broadcast(payload: dict) -> None:
    websockets.broadcast(CLIENTS, json.dumps(payload))


async def handler(ws) -> None:
    async for raw in ws:
        try:
            await apply(json.loads(raw))
        except Exception:
            # expect: VC414
            await broadcast({"type": "error", "detail": traceback.format_exc()})
        try:
            await apply(json.loads(raw))
        except Exception:
            log.exception("bad message")
            # ok: VC414
            await broadcast({"type": "error", "detail": "bad message"})
        try:
            await apply(json.loads(raw))
        except Exception as exc:
            # expect: VC414
            await ws.send(json.dumps({"error": str(exc)}))


@app.websocket("/ws")
async def socket(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        await apply(await websocket.receive_json())
    except ValueError as exc:
        # ok: VC414 -- written for the client
        await websocket.send_json({"error": str(exc)})
    except Exception as exc:
        # expect: VC414
        await websocket.send_json({"error": repr(exc)})


async def load_stats() -> dict:
    return {}


async def apply(message: dict) -> None:
    log.info("%s", message)
