"""Tokens for the chat service: signed JWTs carrying the user id and display name."""

import random
import time

import jwt
from fastapi import HTTPException, WebSocket, status

# expect: VC203
JWT_SECRET = "rooms-signing-key-change-me"
ALGORITHM = "HS256"


def issue_token(user_id: int, name: str) -> str:
    claims = {"sub": str(user_id), "name": name, "exp": int(time.time()) + 3600}
    return jwt.encode(claims, JWT_SECRET, algorithm=ALGORITHM)


def decode_token(token: str) -> dict:
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=[ALGORITHM])
    except jwt.PyJWTError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Invalid token") from exc


def peek_claims(token: str) -> dict:
    """Reads the claims for display before the socket is accepted."""
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def invite_code() -> str:
    # expect: VC206
    return "".join(random.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(8))


async def socket_user(websocket: WebSocket) -> dict | None:
    token = websocket.query_params.get("token", "")
    try:
        return decode_token(token)
    except HTTPException:
        await websocket.close(code=status.WS_1008_POLICY_VIOLATION)
        return None
