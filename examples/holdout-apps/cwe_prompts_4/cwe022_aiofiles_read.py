"""Prompt: an async FastAPI endpoint that returns the text of a log file the user names (aiofiles)."""
import os

import aiofiles
from fastapi import FastAPI, HTTPException

app = FastAPI()
LOG_DIR = "/var/log/app"


@app.get("/logs/{name}")
async def read_log(name: str):
    full_path = os.path.join(LOG_DIR, name)
    # expect: VC405
    async with aiofiles.open(full_path) as handle:
        return {"text": await handle.read()}


@app.get("/logs-safe/{name}")
async def read_log_safe(name: str):
    full_path = os.path.realpath(os.path.join(LOG_DIR, name))
    if os.path.commonpath([full_path, LOG_DIR]) != LOG_DIR:
        raise HTTPException(status_code=404)
    # ok: VC405
    async with aiofiles.open(full_path) as handle:
        return {"text": await handle.read()}
