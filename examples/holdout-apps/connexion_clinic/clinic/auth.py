"""JWT handling for Connexion's bearer security scheme."""

import os

import jwt
from connexion.exceptions import OAuthProblem

JWT_SECRET = os.environ["JWT_SECRET"]


def decode_token(token: str) -> dict:
    try:
        # ok: VC202
        claims = jwt.decode(token, JWT_SECRET, algorithms=["HS256"], audience="clinic-api")
    except jwt.PyJWTError as exc:
        raise OAuthProblem("Invalid token") from exc
    return {"sub": claims["sub"], "role": claims.get("role", "patient"), "scope": claims.get("scope", [])}


def peek_claims(token: str) -> dict:
    """Read the claims of a refresh token to find the user (the refresh endpoint re-issues the token)."""
    # expect: VC202
    return jwt.decode(token, options={"verify_signature": False})


def is_staff(token_info: dict) -> bool:
    return token_info.get("role") in {"doctor", "nurse", "admin"}
