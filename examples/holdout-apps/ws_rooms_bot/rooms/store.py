"""In-memory rooms, members and connected sockets."""

from dataclasses import dataclass, field

from fastapi import WebSocket


@dataclass
class Room:
    id: str
    name: str
    owner_id: int
    private: bool = False
    members: set[int] = field(default_factory=set)
    moderators: set[int] = field(default_factory=set)
    sockets: dict[int, WebSocket] = field(default_factory=dict)
    invite: str = ""


ROOMS: dict[str, Room] = {}


async def broadcast(room: Room, message: dict) -> None:
    for ws in list(room.sockets.values()):
        await ws.send_json(message)
