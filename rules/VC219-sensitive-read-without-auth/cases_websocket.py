"""VC219 corpus: a WebSocket endpoint streaming orders, in an app whose other routes are guarded; a socket that
refuses the client before accepting it (a policy-violation close) has checked it."""
import jwt
from fastapi import Depends, FastAPI, WebSocket, status

from .auth import JWT_SECRET, get_current_user

app = FastAPI()


@app.post("/orders")
def create_order(order: dict, user=Depends(get_current_user)):
    return save(order, user)


# expect: VC219
@app.websocket("/ws/orders")
async def order_feed(websocket: WebSocket):
    await websocket.accept()
    while True:
        order_id = int(await websocket.receive_text())
        await websocket.send_json(find_order(order_id))


# ok: VC219 -- the token is checked and the socket closed before it is accepted
@app.websocket("/ws/orders/live")
async def order_feed_checked(websocket: WebSocket, token: str):
    try:
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    await websocket.accept()
    while True:
        order_id = int(await websocket.receive_text())
        await websocket.send_json(find_order(order_id, owner=claims["sub"]))


# ok: VC219 -- refused with the application's 4001 close code
@app.websocket("/ws/orders/mine")
async def my_orders(websocket: WebSocket, token: str):
    user = lookup_session(token)
    if user is None:
        await websocket.close(code=4001)
        return
    await websocket.accept()
    await websocket.send_json(find_order(user.last_order_id, owner=user.id))


def save(order, user):
    return order


def find_order(order_id, owner=None):
    return {"id": order_id}


def lookup_session(token):
    return None
