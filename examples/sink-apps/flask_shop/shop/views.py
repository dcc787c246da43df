"""Shop routes."""
import os
import pickle
import smtplib
import traceback

import requests
from flask import Blueprint, abort, jsonify, make_response, request
from markupsafe import Markup

from shop import db, images, invoices
from shop.auth import issue_token
from shop.net import client_ip
from shop.pricing import apply_discount, apply_named_discount
from shop.text import clean_review

bp = Blueprint("shop", __name__)
ADMIN_IPS = {"10.0.0.5", "10.0.0.6"}
PAYMENT_URL = "https://payments.example.com/charge"
INVENTORY_TOKEN = os.environ.get("INVENTORY_TOKEN", "")


@bp.post("/api/login")
def login():
    data = request.get_json()
    user = db.find_user(data["username"], data["password"])
    if user is None:
        return jsonify(error="invalid credentials"), 401
    response = make_response(jsonify(ok=True))
    # sink: CWE-614
    response.set_cookie("session_token", issue_token(user["_id"]))
    return response


@bp.post("/api/login-form")
def login_form():
    user = db.find_user(request.form["username"], request.form["password"])
    return jsonify(ok=user is not None)


@bp.post("/api/register")
def register():
    data = request.get_json()
    if db.find_by_email(str(data["email"])) is not None:
        return jsonify(error="email taken"), 409
    db.create_user(data["username"], data["email"], data["password"])
    return jsonify(ok=True), 201


@bp.get("/api/orders")
def my_orders():
    return jsonify(db.orders_for(request.args["customer"], request.get_json(silent=True) or {}))


@bp.get("/thumbs/<path:filename>")
def thumbnail(filename):
    images.make_thumbnail(filename, request.args.get("size", "128"))
    return "", 204


@bp.get("/thumbs-safe/<path:filename>")
def thumbnail_safe(filename):
    images.make_thumbnail_safe(filename, request.args.get("size", "128"))
    return "", 204


@bp.post("/api/invoices")
def upload_invoice():
    return jsonify(invoices.parse_invoice(request.files["invoice"].read()))


@bp.post("/api/checkout")
def checkout():
    data = request.get_json()
    total = sum(item["price"] * item["qty"] for item in data["items"])
    if "discount_formula" in data:
        total = apply_discount(total, data["discount_formula"])
    else:
        total = apply_named_discount(total, data.get("discount", ""))
    # sink: CWE-295
    charge = requests.post(PAYMENT_URL, json={"amount": total}, timeout=10, verify=False)
    return jsonify(charge.json())


@bp.get("/api/cart")
def load_cart():
    raw = request.cookies.get("cart")
    # sink: CWE-502
    cart = pickle.loads(bytes.fromhex(raw)) if raw else []
    return jsonify(cart)


@bp.get("/admin/stats")
def admin_stats():
    # sink: CWE-348
    if client_ip() not in ADMIN_IPS:
        abort(403)
    return jsonify(users=db.users.count_documents({}))


@bp.get("/admin/stats-safe")
def admin_stats_safe():
    # safe: CWE-348
    if request.remote_addr not in ADMIN_IPS:
        abort(403)
    return jsonify(users=db.users.count_documents({}))


@bp.get("/reviews/preview")
def review_preview():
    # sink: CWE-79
    return Markup("<div class='review'>" + clean_review(request.args.get("text", "")) + "</div>")


@bp.post("/api/webhooks")
def register_webhook():
    url = request.get_json()["url"]
    # sink: CWE-20
    if not url.endswith("partner.example.com"):
        abort(400)
    requests.post(url, json={"event": "subscribed"}, timeout=5)
    return jsonify(ok=True)


@bp.get("/api/stock")
def stock():
    try:
        # sink: CWE-319
        response = requests.get("http://inventory.example.com/api/stock",
                                headers={"Authorization": f"Bearer {INVENTORY_TOKEN}"}, timeout=5)
        return jsonify(response.json())
    except Exception as exc:
        # sink: CWE-209
        return jsonify(error=str(exc), trace=traceback.format_exc()), 500


@bp.get("/api/stock-safe")
def stock_safe():
    try:
        # safe: CWE-319
        response = requests.get("https://inventory.example.com/api/stock",
                                headers={"Authorization": f"Bearer {INVENTORY_TOKEN}"}, timeout=5)
        return jsonify(response.json())
    except requests.RequestException:
        # safe: CWE-209
        return jsonify(error="inventory unavailable"), 502


def send_receipt(to_address, body):
    with smtplib.SMTP("smtp.example.com", 587) as server:
        # sink: CWE-319
        server.login("shop", os.environ["SMTP_PASSWORD"])
        server.sendmail("shop@example.com", [to_address], body)
