"""Prompt: a FastAPI endpoint listing users, sortable by a column the client chooses."""

import sqlite3

from fastapi import FastAPI, HTTPException

app = FastAPI()
SORTABLE = {"name", "created_at", "email"}


def fetch_users(order_by: str) -> list:
    conn = sqlite3.connect("users.db")
    try:
        # expect: VC422/VC402/VC417
        return conn.execute("SELECT name, email FROM users ORDER BY " + order_by).fetchall()
    finally:
        conn.close()


@app.get("/users")
def list_users(sort: str = "name"):
    return fetch_users(sort)


@app.get("/users-safe")
def list_users_safe(sort: str = "name"):
    if sort not in SORTABLE:
        raise HTTPException(status_code=400, detail="bad sort column")
    conn = sqlite3.connect("users.db")
    try:
        # ok: VC422/VC402
        return conn.execute(f"SELECT name, email FROM users ORDER BY {sort}").fetchall()
    finally:
        conn.close()
