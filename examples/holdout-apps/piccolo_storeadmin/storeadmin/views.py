"""Back-office views."""

from __future__ import annotations

import html
import logging

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from . import reports
from .auth import admin_required, check_password, hash_password, login_required, new_api_token, staff_by_token
from .tables import Order, Product, Staff, Store

log = logging.getLogger(__name__)


async def login(request: Request):
    form = await request.form()
    staff = await Staff.select().where(Staff.email == form["email"]).first()
    if staff is None or not check_password(form["password"], staff["password_hash"]):
        return HTMLResponse("bad credentials", status_code=401)
    request.session["staff_id"] = staff["id"]
    # expect: VC407
    log.info("login ok for %s with password %s", form["email"], form["password"])
    return RedirectResponse("/", status_code=303)


@login_required
async def order_detail(request: Request):
    order_id = int(request.path_params["order_id"])
    # expect: VC214
    order = await Order.select().where(Order.id == order_id).first()
    return JSONResponse(order)


@login_required
async def store_orders(request: Request):
    store_id = int(request.path_params["store_id"])
    staff = request.state.staff
    # ok: VC214
    store = await Store.select().where((Store.id == store_id) & (Store.manager == staff["id"])).first()
    if store is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    rows = await reports.search_orders(store_id, request.query_params.get("email", ""), request.query_params.get("sort"))
    return JSONResponse(rows)


@login_required
async def product_update(request: Request):
    product_id = int(request.path_params["product_id"])
    data = await request.json()
    # expect: VC214, VC215
    await Product.update(**data).where(Product.id == product_id)
    return JSONResponse({"ok": True})


@login_required
async def order_cancel(request: Request):
    order_id = int(request.path_params["order_id"])
    staff = request.state.staff
    # ok: VC214
    await Order.update({Order.status: "cancelled"}).where(
        (Order.id == order_id) & (Order.store.manager == staff["id"])
    )
    return JSONResponse({"ok": True})


@login_required
async def low_stock(request: Request):
    store_id = int(request.path_params["store_id"])
    rows = await reports.low_stock(store_id, request.query_params.get("threshold", "5"))
    return JSONResponse(rows)


@login_required
async def search_page(request: Request):
    q = request.query_params.get("q", "")
    rows = await Product.select().where(Product.title.ilike(f"%{q}%")).limit(50)
    items = "".join(f"<li>{html.escape(r['title'])}</li>" for r in rows)
    # expect: VC411
    return HTMLResponse(f"<h1>Results for {q}</h1><ul>{items}</ul>")


@admin_required
async def staff_create(request: Request):
    form = await request.form()
    # ok: VC215, VC217
    await Staff.insert(
        Staff(email=form["email"], password_hash=hash_password(form["password"]), role=form.get("role", "clerk"))
    )
    return RedirectResponse("/staff", status_code=303)


@login_required
async def profile_update(request: Request):
    form = await request.form()
    staff = request.state.staff
    values = {Staff.email: form["email"]}
    if "role" in form:
        # expect: VC217
        values[Staff.role] = form["role"]
    await Staff.update(values).where(Staff.id == staff["id"])
    return RedirectResponse("/profile", status_code=303)


@login_required
async def profile_json(request: Request):
    staff = request.state.staff
    # expect: VC429
    return JSONResponse({"id": staff["id"], "email": staff["email"], "password_hash": staff["password_hash"]})


@login_required
async def rotate_token(request: Request):
    token = new_api_token()
    await Staff.update({Staff.api_token: token}).where(Staff.id == request.state.staff["id"])
    return JSONResponse({"token": token})


async def delete_product(request: Request):
    product_id = int(request.path_params["product_id"])
    await Product.delete().where(Product.id == product_id)
    return RedirectResponse("/products", status_code=303)


async def api_orders(request: Request):
    staff = await staff_by_token(request.headers.get("x-api-token", ""))
    if staff is None:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    try:
        rows = await Order.select().where(Order.store.manager == staff["id"]).limit(100)
    except Exception as exc:
        # expect: VC414
        return JSONResponse({"error": repr(exc)}, status_code=500)
    return JSONResponse(rows)
