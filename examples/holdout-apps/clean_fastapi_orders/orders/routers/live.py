"""Live order updates over a websocket, and a CSV export streamed to the owner."""

import csv
import io
import logging
from collections.abc import Iterator
from typing import Annotated

import jwt
from fastapi import APIRouter, Depends, Query, Security, WebSocket, WebSocketDisconnect, status
from fastapi.responses import StreamingResponse
from fastapi.security import SecurityScopes
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import Order, SessionLocal, User, get_db
from ..security import get_current_user

logger = logging.getLogger(__name__)
router = APIRouter(tags=["live"])


def user_with_scopes(scopes: SecurityScopes, user: Annotated[User, Depends(get_current_user)]) -> User:
    return user


# ok: VC201/VC219
@router.get("/orders/export.csv")
def export_csv(
    user: Annotated[User, Security(user_with_scopes, scopes=["orders:read"])],
    db: Annotated[Session, Depends(get_db)],
) -> StreamingResponse:
    # ok: VC214
    orders = list(db.scalars(select(Order).where(Order.owner_id == user.id).order_by(Order.id)))

    def rows() -> Iterator[str]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["id", "status", "total", "created_at"])
        for order in orders:
            # ok: VC411 -- CSV, not HTML; a leading formula character is neutralised
            writer.writerow([order.id, order.status, order.total, order.created_at.isoformat()])
        yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="orders.csv"'}
    return StreamingResponse(rows(), media_type="text/csv", headers=headers)


# ok: VC201 -- the token is checked before the socket is accepted
@router.websocket("/ws/orders")
async def order_updates(
    websocket: WebSocket,
    settings: Annotated[Settings, Depends(get_settings)],
    token: Annotated[str, Query(min_length=10)],
) -> None:
    try:
        # ok: VC202
        claims = jwt.decode(token, settings.jwt_secret.get_secret_value(), algorithms=[settings.jwt_algorithm])
    except jwt.InvalidTokenError:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return
    await websocket.accept()
    owner_id = int(claims["sub"])
    try:
        while True:
            order_id = int(await websocket.receive_text())
            with SessionLocal() as db:
                # ok: VC214
                order = db.scalars(select(Order).where(Order.id == order_id, Order.owner_id == owner_id)).first()
            await websocket.send_json({"id": order_id, "status": order.status if order else None})
    except WebSocketDisconnect:
        logger.info("live updates closed for user %s", owner_id)
    except ValueError:
        await websocket.close(code=status.WS_1003_UNSUPPORTED_DATA)
