"""Chat rooms over WebSockets, with per-room membership and moderation."""

import uuid

from fastapi import Depends, FastAPI, Header, HTTPException, WebSocket, WebSocketDisconnect, status
from pydantic import BaseModel

from .auth import decode_token, invite_code, peek_claims, socket_user
from .bot import answer
from .files import router as files_router
from .store import ROOMS, Room, broadcast

app = FastAPI(title="Rooms")
app.include_router(files_router)


def current_user(authorization: str = Header(...)) -> dict:
    return decode_token(authorization.removeprefix("Bearer "))


class RoomIn(BaseModel):
    name: str
    private: bool = False


class JoinIn(BaseModel):
    invite: str


@app.post("/rooms")
def create_room(body: RoomIn, user: dict = Depends(current_user)):
    room = Room(id=uuid.uuid4().hex, name=body.name, owner_id=int(user["sub"]), private=body.private)
    room.members.add(room.owner_id)
    room.invite = invite_code()
    ROOMS[room.id] = room
    return {"id": room.id, "invite": room.invite}


@app.post("/rooms/{room_id}/join")
def join_room(room_id: str, body: JoinIn, user: dict = Depends(current_user)):
    room = ROOMS.get(room_id) or _not_found()
    # expect: VC204
    if room.private and body.invite != room.invite:
        raise HTTPException(403, "Wrong invite")
    room.members.add(int(user["sub"]))
    return {"joined": room_id}


@app.post("/rooms/{room_id}/moderators/{user_id}")
def add_moderator(room_id: str, user_id: int, user: dict = Depends(current_user)):
    room = ROOMS.get(room_id) or _not_found()
    # ok: VC214
    if int(user["sub"]) != room.owner_id:
        raise HTTPException(403, "Only the owner appoints moderators")
    room.moderators.add(user_id)
    return {"moderators": sorted(room.moderators)}


# expect: VC218
@app.post("/rooms/{room_id}/ban/{user_id}")
def ban_member(room_id: str, user_id: int, user: dict = Depends(current_user)):
    room = ROOMS.get(room_id) or _not_found()
    room.members.discard(user_id)
    room.sockets.pop(user_id, None)
    return {"banned": user_id}


def _not_found() -> Room:
    raise HTTPException(404, "No such room")


@app.websocket("/ws/rooms/{room_id}")
async def room_socket(websocket: WebSocket, room_id: str):
    claims = await socket_user(websocket)
    if claims is None:
        return
    room = ROOMS.get(room_id)
    user_id = int(claims["sub"])
    # ok: VC214
    if room is None or user_id not in room.members:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    await websocket.accept()
    room.sockets[user_id] = websocket
    try:
        while True:
            msg = await websocket.receive_json()
            if msg.get("text", "").startswith("/ask "):
                reply = await answer(room.id, msg["text"][5:])
                await broadcast(room, {"from": "bot", "text": reply})
            else:
                await broadcast(room, {"from": claims["name"], "text": msg.get("text", "")})
    except WebSocketDisconnect:
        room.sockets.pop(user_id, None)


@app.websocket("/ws/rooms/{room_id}/watch")
async def watch_room(websocket: WebSocket, room_id: str):
    token = websocket.query_params.get("token", "")
    claims = peek_claims(token)
    room = ROOMS.get(room_id)
    if room is None:
        await websocket.close(code=4404)
        return
    await websocket.accept()
    # expect: VC214
    room.sockets[int(claims["sub"])] = websocket
    try:
        while True:
            await websocket.receive_text()
    # expect: VC101
    except Exception:
        pass


# expect: VC201
@app.websocket("/ws/admin/rooms")
async def admin_feed(websocket: WebSocket):
    await websocket.accept()
    while True:
        command = await websocket.receive_json()
        if command.get("action") == "close":
            room = ROOMS.pop(command["room_id"], None)
            if room:
                await broadcast(room, {"from": "system", "text": "Room closed"})
        await websocket.send_json({"rooms": [r.id for r in ROOMS.values()]})
