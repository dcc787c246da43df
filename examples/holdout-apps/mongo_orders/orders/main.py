import logging

import bcrypt
import httpx
# expect: VC504 -- forgotten: bson comes with pymongo, not declared
from bson import ObjectId
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Template
from pydantic import BaseModel

from .deps import admin_only, current_user, current_user_strict, db, staff_only

log = logging.getLogger(__name__)
app = FastAPI()


class OrderIn(BaseModel):
    sku: str
    quantity: int


class Signup(BaseModel):
    email: str
    password: str


def oid(value: str) -> ObjectId:
    return ObjectId(value)


@app.post("/signup")
async def signup(body: Signup):
    # ok: VC205/VC410 -- bcrypt password hash
    hashed = bcrypt.hashpw(body.password.encode(), bcrypt.gensalt())
    await db.users.insert_one({"email": body.email, "password": hashed, "role": "customer"})
    return {"ok": True}


@app.get("/orders/{order_id}")
async def get_order(order_id: str, user: dict = Depends(current_user)):
    # expect: VC214 -- IDOR, order looked up by id only
    order = await db.orders.find_one({"_id": oid(order_id)})
    if order is None:
        raise HTTPException(404)
    order["_id"] = str(order["_id"])
    return order


@app.get("/v2/orders/{order_id}")
async def get_order_scoped(order_id: str, user: dict = Depends(current_user_strict)):
    # ok: VC214 -- owner-scoped lookup
    order = await db.orders.find_one({"_id": oid(order_id), "user_id": user["_id"]})
    if order is None:
        raise HTTPException(404)
    order["_id"] = str(order["_id"])
    return order


@app.delete("/orders/{order_id}")
async def cancel_order(order_id: str, user: dict = Depends(current_user_strict)):
    # expect: VC214 -- IDOR on delete
    result = await db.orders.delete_one({"_id": ObjectId(order_id)})
    return {"deleted": result.deleted_count}


@app.get("/orders")
async def search_orders(request: Request, user: dict = Depends(current_user_strict)):
    status = request.query_params.get("status", "open")
    # expect: VC409/VC422/VC402 -- JavaScript $where built from a query parameter
    cursor = db.orders.find({"user_id": user["_id"], "$where": f"this.status == '{status}'"})
    return [dict(o, _id=str(o["_id"])) async for o in cursor]


@app.get("/staff/orders")
async def all_orders(user: dict = Depends(staff_only)):
    return [dict(o, _id=str(o["_id"])) async for o in db.orders.find({})]


@app.post("/admin/orders/{order_id}/refund")
async def refund(order_id: str, user: dict = Depends(admin_only)):
    await db.orders.update_one({"_id": oid(order_id)}, {"$set": {"status": "refunded"}})
    return {"ok": True}


@app.get("/receipt/{order_id}", response_class=HTMLResponse)
async def receipt(order_id: str, note: str = "", user: dict = Depends(current_user_strict)):
    order = await db.orders.find_one({"_id": oid(order_id), "user_id": user["_id"]})
    if order is None:
        raise HTTPException(404)
    # expect: VC412/VC417 -- template source built from a query parameter (SSTI)
    return Template("<h1>Receipt</h1><p>" + note + "</p><p>{{ sku }}</p>").render(sku=order["sku"])


@app.post("/orders/{order_id}/track")
async def track(order_id: str, request: Request, user: dict = Depends(current_user_strict)):
    body = await request.json()
    carrier_url = body["tracking_url"]
    async with httpx.AsyncClient() as client:
        # expect: VC405 -- SSRF from request body
        resp = await client.get(carrier_url)
    return {"status": resp.status_code}


@app.post("/orders")
async def create_order(body: OrderIn, user: dict = Depends(current_user_strict)):
    try:
        res = await db.orders.insert_one({**body.model_dump(), "user_id": user["_id"], "status": "open"})
    except Exception:
        log.info("insert failed")
        # expect: VC101/VC102/VC103 -- broad except hiding insert failures, returns success anyway
        return {"ok": True}
    return {"id": str(res.inserted_id)}
