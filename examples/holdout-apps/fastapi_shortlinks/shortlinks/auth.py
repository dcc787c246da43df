import hmac
import os

from fastapi import Header, HTTPException, status

API_KEYS = {k: v for k, v in (pair.split(":", 1) for pair in os.environ.get("SHORTLINK_KEYS", "").split(",") if pair)}


def current_user(x_api_key: str = Header(...)) -> str:
    for user, key in API_KEYS.items():
        if hmac.compare_digest(key, x_api_key):
            return user
    raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid API key")
