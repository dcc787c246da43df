"""FastAPI lobby: rooms, chat and an admin socket, served beside the game server."""
from __future__ import annotations

import asyncio
import json
import logging
import os

import jwt
from fastapi import FastAPI, WebSocket, WebSocketDisconnect, status

from . import scores

log = logging.getLogger("lobby")
app = FastAPI()

JWT_SECRET = os.environ["LOBBY_JWT_SECRET"]
ROOMS: dict[str, set[WebSocket]] = {}
NAMES: dict[WebSocket, str] = {}


def user_from_token(token: str | None) -> str | None:
    if not token:
        return None
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=["HS256"])["sub"]
    except jwt.PyJWTError:
        return None


async def send_room(room: str, payload: dict) -> None:
    for peer in list(ROOMS.get(room, ())):
        await peer.send_json(payload)


@app.websocket("/ws/rooms/{room}")
async def room_socket(websocket: WebSocket, room: str):
    user = user_from_token(websocket.query_params.get("token"))
    if user is None:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    await websocket.accept()
    ROOMS.setdefault(room, set()).add(websocket)
    NAMES[websocket] = user
    try:
        while True:
            data = await websocket.receive_json()
            # ok: VC207 -- the author is the authenticated user of the connection
            await send_room(room, {"from": NAMES[websocket], "text": data["text"][:500]})
            # expect: VC207 -- "from" is whatever the client claims
            await send_room(room, {"from": data["from"], "text": data["text"][:500], "kind": "echo"})
    except WebSocketDisconnect:
        ROOMS[room].discard(websocket)
        NAMES.pop(websocket, None)


# expect: VC201/VC218 -- the admin socket asks for no token at all
@app.websocket("/ws/admin")
async def admin_socket(websocket: WebSocket):
    await websocket.accept()
    while True:
        command = await websocket.receive_json()
        if command["action"] == "close_room":
            for peer in ROOMS.pop(command["room"], set()):
                await peer.close()
        elif command["action"] == "announce":
            for room in ROOMS:
                await send_room(room, {"from": "admin", "text": command["text"]})


@app.websocket("/ws/scores")
async def score_socket(websocket: WebSocket):
    await websocket.accept()
    try:
        while True:
            request = await websocket.receive_text()
            name = json.loads(request).get("name", "")
            rows = await scores.history(name)
            await websocket.send_json({"rows": rows})
    except WebSocketDisconnect:
        return
    # expect: VC102
    except Exception as exc:
        # expect: VC414
        await websocket.send_json({"error": repr(exc)})
        await websocket.close()


@app.get("/health")
async def health():
    return {"ok": True, "rooms": len(ROOMS)}
