"""The realtime game server on `websockets`: every client gets state broadcasts at 10 Hz."""
from __future__ import annotations

import asyncio
import json
import logging
import time
import traceback
import uuid

import websockets
from websockets.exceptions import ConnectionClosed

from . import scores
from .state import Game, decode_save, encode_save

log = logging.getLogger("arena")

GAME = Game()
CLIENTS: dict[websockets.WebSocketServerProtocol, str] = {}


async def broadcast(payload: dict) -> None:
    message = json.dumps(payload)
    websockets.broadcast(CLIENTS.keys(), message)


async def handle_message(ws, player_id: str, msg: dict) -> None:
    kind = msg.get("type")
    if kind == "move":
        # expect: VC207/VC214 -- moves whichever player the message names
        GAME.move(msg["player_id"], int(msg["dx"]), int(msg["dy"]))
    elif kind == "step":
        # ok: VC207/VC214 -- the player bound to this connection
        GAME.move(player_id, int(msg["dx"]), int(msg["dy"]))
    elif kind == "attack":
        # expect: VC207/VC214 -- attacks on behalf of any player id the client sends
        GAME.attack(msg["attacker"], msg["target"])
    elif kind == "strike":
        # ok: VC207/VC214
        GAME.attack(CLIENTS[ws], msg["target"])
    elif kind == "kick":
        # expect: VC218 -- any client removes any player
        GAME.leave(msg["target"])
    elif kind == "save":
        await ws.send(json.dumps({"type": "save", "token": encode_save(GAME.players[player_id])}))
    elif kind == "gameover":
        player = GAME.players[player_id]
        await scores.record(msg.get("name", player.name), player.score)


async def handler(ws) -> None:
    hello = json.loads(await ws.recv())
    if "resume" in hello:
        player = decode_save(hello["resume"])
        GAME.players[player.id] = player
    else:
        player = GAME.join(str(uuid.uuid4()), hello.get("name", "anon")[:20])
    CLIENTS[ws] = player.id
    await ws.send(json.dumps({"type": "welcome", "id": player.id}))
    try:
        async for raw in ws:
            try:
                await handle_message(ws, player.id, json.loads(raw))
            except Exception as exc:
                log.exception("bad message from %s", player.id)
                # expect: VC414 -- every client sees the traceback
                await broadcast({"type": "error", "detail": traceback.format_exc(), "player": player.id, "error": str(exc)})
    # ok: VC101 -- a closed connection is the normal end
    except ConnectionClosed:
        pass
    finally:
        CLIENTS.pop(ws, None)
        GAME.leave(player.id)


async def game_loop() -> None:
    while True:
        GAME.tick += 1
        # expect: VC113
        asyncio.create_task(broadcast({"type": "state", **GAME.snapshot()}))
        # expect: VC110 -- freezes every connection for the tick
        time.sleep(0.1)


async def main() -> None:
    async with websockets.serve(handler, "0.0.0.0", 8765):
        await game_loop()


if __name__ == "__main__":
    asyncio.run(main())
