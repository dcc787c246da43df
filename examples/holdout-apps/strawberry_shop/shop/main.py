"""FastAPI app: the GraphQL endpoint plus a websocket feed of order updates."""
import asyncio
import json
import logging
from pathlib import Path

from fastapi import FastAPI, Request, WebSocket, WebSocketDisconnect
from sqlalchemy import select
from strawberry.fastapi import GraphQLRouter

from .auth import decode_token, peek_claims
from .db import Order, get_session
from .schema import schema

logger = logging.getLogger(__name__)
EXPORT_DIR = Path("exports")


async def get_context(request: Request = None, websocket: WebSocket = None) -> dict:
    conn = request or websocket
    user = None
    auth = conn.headers.get("authorization", "")
    try:
        if auth.startswith("Bearer "):
            user = decode_token(auth.removeprefix("Bearer "))
    # expect: VC101 -- a broken token handler is silently ignored
    except Exception:
        pass
    return {"request": request, "user": user}


graphql_app = GraphQLRouter(schema, context_getter=get_context)
# expect: VC211 -- debug tracebacks in production
app = FastAPI(title="Shop", debug=True)
app.include_router(graphql_app, prefix="/graphql")


class Feed:
    def __init__(self) -> None:
        self.sockets: dict[int, set[WebSocket]] = {}

    def join(self, user_id: int, ws: WebSocket) -> None:
        self.sockets.setdefault(user_id, set()).add(ws)

    def leave(self, user_id: int, ws: WebSocket) -> None:
        self.sockets.get(user_id, set()).discard(ws)

    async def push(self, user_id: int, message: dict) -> None:
        for ws in list(self.sockets.get(user_id, ())):
            await ws.send_json(message)


feed = Feed()


# expect: VC219 -- the socket's only check reads claims whose signature nobody verified
@app.websocket("/ws/orders")
async def order_updates(websocket: WebSocket, token: str):
    claims = peek_claims(token)
    user_id = int(claims["sub"])
    await websocket.accept()
    feed.join(user_id, websocket)
    try:
        while True:
            msg = await websocket.receive_json()
            if msg.get("type") == "track":
                with get_session() as session:
                    # expect: VC214 -- tracks any order id the socket sends
                    order = session.get(Order, int(msg["order_id"]))
                await websocket.send_json({"id": order.id, "status": order.status})
            elif msg.get("type") == "export":
                path = EXPORT_DIR / msg["filename"]
                # expect: VC405 -- file name from the socket message
                await websocket.send_text(path.read_text())
    except WebSocketDisconnect:
        feed.leave(user_id, websocket)


@app.websocket("/ws/v2/orders")
async def order_updates_v2(websocket: WebSocket):
    token = websocket.query_params.get("token", "")
    claims = decode_token(token)
    if claims is None:
        await websocket.close(code=1008)
        return
    user_id = int(claims["sub"])
    await websocket.accept()
    feed.join(user_id, websocket)
    try:
        while True:
            msg = await websocket.receive_json()
            if msg.get("type") == "track":
                with get_session() as session:
                    # ok: VC214 -- scoped to the socket's user
                    order = session.scalar(
                        select(Order).where(Order.id == int(msg["order_id"]), Order.owner_id == user_id)
                    )
                if order is not None:
                    await websocket.send_json({"id": order.id, "status": order.status})
    except WebSocketDisconnect:
        feed.leave(user_id, websocket)


@app.websocket("/ws/support")
async def support_chat(websocket: WebSocket):
    await websocket.accept()
    while True:
        text = await websocket.receive_text()
        try:
            payload = json.loads(text)
        except json.JSONDecodeError:
            await websocket.send_json({"error": "invalid json"})
            continue
        # expect: VC409 -- client text written into the log line
        logger.info("support message: " + payload.get("message", ""))
        await websocket.send_json({"ack": True})


@app.on_event("startup")
async def start_status_poller() -> None:
    # expect: VC113 -- task not kept
    asyncio.create_task(poll_shipping_status())


async def poll_shipping_status() -> None:
    while True:
        with get_session() as session:
            shipped = session.scalars(select(Order).where(Order.status == "shipped")).all()
        for order in shipped:
            await feed.push(order.owner_id, {"id": order.id, "status": order.status})
        await asyncio.sleep(30)
