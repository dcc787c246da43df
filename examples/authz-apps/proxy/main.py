import os

import httpx
from fastapi import Depends, FastAPI, Header, HTTPException

app = FastAPI()
SERVICE_TOKEN = os.getenv("SERVICE_TOKEN")


def require_token(authorization: str = Header(default="")):
    if authorization != f"Bearer {SERVICE_TOKEN}":
        raise HTTPException(status_code=401)


@app.post("/cache/purge", dependencies=[Depends(require_token)])
def purge_cache():
    return {"purged": True}


# expect: VC219
@app.get("/fetch")
async def fetch_url(url: str):
    async with httpx.AsyncClient(timeout=10) as client:
        response = await client.get(url)
    return {"status": response.status_code, "body": response.text}


@app.get("/status")
def status():
    return {"ok": True}
