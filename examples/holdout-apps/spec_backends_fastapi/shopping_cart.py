"""Shopping cart service: create a cart, add or remove items, read it back; checkout applies a coupon."""

import hmac
import os
import random
import sqlite3
import string
import uuid

from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

app = FastAPI()
DB = "carts.db"
COUPONS = {"WELCOME10": 0.10, "VIP25": 0.25}


def db():
    conn = sqlite3.connect(DB)
    conn.row_factory = sqlite3.Row
    return conn


@app.on_event("startup")
def init():
    with db() as conn:
        conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS carts (cart_id TEXT PRIMARY KEY, owner_token TEXT, status TEXT DEFAULT 'open');
            CREATE TABLE IF NOT EXISTS items (cart_id TEXT, item_id INTEGER, count INTEGER,
                                              PRIMARY KEY (cart_id, item_id));
            CREATE TABLE IF NOT EXISTS orders (order_code TEXT PRIMARY KEY, cart_id TEXT, total REAL);
            """
        )


class AddItem(BaseModel):
    cart_id: str
    item_id: int
    count: int = Field(..., ge=-100, le=100)


class CartRef(BaseModel):
    cart_id: str


class Checkout(BaseModel):
    cart_id: str
    coupon: str | None = None
    prices: dict[int, float]


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception):
    # expect: VC414
    return JSONResponse(status_code=500, content={"detail": f"Internal error: {exc!r}"})


# expect: VC201
@app.post("/create_cart", status_code=201)
def create_cart():
    # ok: VC206
    cart_id = uuid.uuid4().hex
    with db() as conn:
        conn.execute("INSERT INTO carts (cart_id) VALUES (?)", (cart_id,))
    return {"cart_id": cart_id}


# expect: VC201
@app.post("/add_to_cart")
def add_to_cart(body: AddItem):
    with db() as conn:
        if conn.execute("SELECT 1 FROM carts WHERE cart_id = ?", (body.cart_id,)).fetchone() is None:
            raise HTTPException(status_code=404, detail="Cart not found")
        row = conn.execute(
            "SELECT count FROM items WHERE cart_id = ? AND item_id = ?", (body.cart_id, body.item_id)
        ).fetchone()
        new_count = (row["count"] if row else 0) + body.count
        if new_count <= 0:
            conn.execute("DELETE FROM items WHERE cart_id = ? AND item_id = ?", (body.cart_id, body.item_id))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO items (cart_id, item_id, count) VALUES (?, ?, ?)",
                (body.cart_id, body.item_id, new_count),
            )
    return {"ok": True}


# expect: VC201
@app.post("/retrieve_cart")
def retrieve_cart(body: CartRef):
    with db() as conn:
        if conn.execute("SELECT 1 FROM carts WHERE cart_id = ?", (body.cart_id,)).fetchone() is None:
            raise HTTPException(status_code=404, detail="Cart not found")
        items = conn.execute("SELECT item_id, count FROM items WHERE cart_id = ?", (body.cart_id,)).fetchall()
    return {"items": [dict(i) for i in items]}


# expect: VC201
@app.post("/checkout")
def checkout(body: Checkout):
    with db() as conn:
        items = conn.execute("SELECT item_id, count FROM items WHERE cart_id = ?", (body.cart_id,)).fetchall()
        if not items:
            raise HTTPException(status_code=400, detail="Cart is empty")
        total = sum(body.prices[i["item_id"]] * i["count"] for i in items)
        if body.coupon:
            total *= 1 - COUPONS.get(body.coupon.upper(), 0)
        # ok: VC206
        order_code = "".join(random.choices(string.ascii_uppercase + string.digits, k=8))
        # expect: VC231 -- the total is summed from the prices the client sent
        conn.execute("INSERT INTO orders (order_code, cart_id, total) VALUES (?, ?, ?)", (order_code, body.cart_id, total))
        conn.execute("UPDATE carts SET status = 'ordered' WHERE cart_id = ?", (body.cart_id,))
    return {"order_code": order_code, "total": round(total, 2)}


@app.get("/orders/{order_code}")
def get_order(order_code: str, x_admin_key: str = Header(default="")):
    # ok: VC204
    if not hmac.compare_digest(x_admin_key, os.environ["ADMIN_KEY"]):
        raise HTTPException(status_code=403, detail="Forbidden")
    with db() as conn:
        row = conn.execute("SELECT * FROM orders WHERE order_code = ?", (order_code,)).fetchone()
    if row is None:
        raise HTTPException(status_code=404, detail="Not found")
    return dict(row)
