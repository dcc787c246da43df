"""A headless bot player used for load tests and to fill empty arenas."""
from __future__ import annotations

import asyncio
import json
import logging
import random

import websockets

log = logging.getLogger("arena.bot")
SERVER = "ws://localhost:8765"


async def play(ws) -> None:
    await ws.send(json.dumps({"name": f"bot-{random.randint(1000, 9999)}"}))
    welcome = json.loads(await ws.recv())
    log.info("joined as %s", welcome["id"])
    async for _ in ws:
        await ws.send(json.dumps({"type": "step", "dx": random.choice((-1, 0, 1)), "dy": random.choice((-1, 0, 1))}))


async def run_forever() -> None:
    while True:
        try:
            async with websockets.connect(SERVER) as ws:
                await play(ws)
        # expect: VC109 -- reconnects at full speed, forever, when the server is down
        except (OSError, websockets.ConnectionClosed):
            log.warning("disconnected, reconnecting")
            continue


async def run_with_backoff(max_attempts: int = 8) -> None:
    delay = 0.5
    for attempt in range(1, max_attempts + 1):
        try:
            async with websockets.connect(SERVER) as ws:
                delay = 0.5
                await play(ws)
        # ok: VC109
        except (OSError, websockets.ConnectionClosed):
            log.warning("attempt %d failed, retrying in %.1fs", attempt, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30)
    raise RuntimeError("server unreachable")


async def swarm(n: int) -> None:
    async with asyncio.TaskGroup() as tg:
        for _ in range(n):
            # ok: VC113
            tg.create_task(run_with_backoff())


if __name__ == "__main__":
    asyncio.run(swarm(5))
