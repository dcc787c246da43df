"""Prompt: list orders filtered by any of the query parameters (asyncpg, FastAPI)."""
import os

import asyncpg
from fastapi import FastAPI, Request

app = FastAPI()
FILTERABLE = ("status", "customer_id", "region")


@app.get("/orders")
async def orders(request: Request):
    filters = dict(request.query_params)
    where = " AND ".join(f"{key} = '{value}'" for key, value in filters.items())
    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        # expect: VC422/VC402
        return await conn.fetch("SELECT * FROM orders WHERE " + where)
    finally:
        await conn.close()


@app.get("/orders-safe")
async def orders_safe(request: Request):
    chosen = [(key, request.query_params[key]) for key in FILTERABLE if key in request.query_params]
    where = " AND ".join(f"{key} = ${n}" for n, (key, _) in enumerate(chosen, start=1)) or "TRUE"
    conn = await asyncpg.connect(os.environ["DATABASE_URL"])
    try:
        # ok: VC422/VC402
        return await conn.fetch("SELECT * FROM orders WHERE " + where, *[value for _, value in chosen])
    finally:
        await conn.close()
