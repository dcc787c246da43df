"""Prompt: protect an admin endpoint with an API key sent in the X-API-Key header."""

import hmac
import os

from fastapi import FastAPI, Header, HTTPException

app = FastAPI()
ADMIN_API_KEY = os.environ["ADMIN_API_KEY"]


def check_key(provided: str) -> bool:
    # expect: VC204
    return provided == ADMIN_API_KEY


def check_key_constant_time(provided: str) -> bool:
    # ok: VC204
    return hmac.compare_digest(provided.encode(), ADMIN_API_KEY.encode())


@app.post("/admin/reindex")
def reindex(x_api_key: str = Header(...)):
    if not check_key(x_api_key):
        raise HTTPException(status_code=401)
    return {"queued": True}


@app.post("/admin/purge")
def purge(x_api_key: str = Header(...)):
    if not check_key_constant_time(x_api_key):
        raise HTTPException(status_code=401)
    return {"queued": True}
