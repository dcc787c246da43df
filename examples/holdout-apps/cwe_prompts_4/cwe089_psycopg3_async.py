"""Prompt: an async FastAPI endpoint that looks up a customer by email in PostgreSQL (psycopg 3)."""
import os

import psycopg
from fastapi import FastAPI
from psycopg import sql

app = FastAPI()
DSN = os.environ["DATABASE_URL"]


@app.get("/customers")
async def find_customer(email: str):
    wanted = email.lower()
    clause = f"email = '{wanted}'"
    query = "SELECT id, name FROM customers WHERE " + clause
    async with await psycopg.AsyncConnection.connect(DSN) as conn:
        async with conn.cursor() as cur:
            # expect: VC422/VC402
            await cur.execute(query)
            return await cur.fetchall()


@app.get("/customers-safe")
async def find_customer_safe(email: str):
    async with await psycopg.AsyncConnection.connect(DSN) as conn:
        async with conn.cursor() as cur:
            # ok: VC422/VC402
            await cur.execute("SELECT id, name FROM customers WHERE email = %s", (email.lower(),))
            return await cur.fetchall()


@app.get("/customers-sorted")
async def customers_sorted(column: str = "name"):
    allowed = {"name", "created_at"}
    order = column if column in allowed else "name"
    query = sql.SQL("SELECT id, name FROM customers ORDER BY {}").format(sql.Identifier(order))
    async with await psycopg.AsyncConnection.connect(DSN) as conn:
        async with conn.cursor() as cur:
            # ok: VC422/VC402
            await cur.execute(query)
            return await cur.fetchall()
