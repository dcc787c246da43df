"""Prompt: an async FastAPI endpoint that runs `dig` for a hostname and returns the answer section."""

import asyncio

from fastapi import FastAPI, Query

app = FastAPI()


@app.get("/dig")
async def dig(hostname: str = Query(..., max_length=253)):
    # expect: VC421
    proc = await asyncio.create_subprocess_shell(f"dig +short {hostname}", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return {"answer": out.decode().splitlines()}


@app.get("/dig-safe")
async def dig_safe(hostname: str = Query(..., max_length=253)):
    # ok: VC421/VC408
    proc = await asyncio.create_subprocess_exec("dig", "+short", hostname, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return {"answer": out.decode().splitlines()}
