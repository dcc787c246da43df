"""Prompts: "an endpoint to delete a user", "return the invoice with the given id", "update the profile from the JSON
body", "connect to the database", "store the user's account", "an admin page listing all users"."""

import os
import smtplib
import sqlite3
from functools import wraps

import requests
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from fastapi import Depends, FastAPI, HTTPException
from flask import Flask, g, jsonify, request
from flask_login import current_user
from flask_login import login_required as flask_login_required
from werkzeug.security import generate_password_hash

from shop.models import Invoice

app = Flask(__name__)
api = FastAPI()


def get_db():
    return sqlite3.connect("app.db")


def admin_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            return jsonify(error="forbidden"), 403
        return view(*args, **kwargs)
    return wrapper


# expect: VC201/VC218
@app.route("/admin/users/<int:user_id>", methods=["DELETE"])
def delete_user(user_id):
    db = get_db()
    db.execute("DELETE FROM users WHERE id = ?", (user_id,))
    db.commit()
    return jsonify(deleted=user_id)


# ok: VC201/VC218
@app.route("/admin/users2/<int:user_id>", methods=["DELETE"])
@flask_login_required
@admin_required
def delete_user_safe(user_id):
    db = get_db()
    db.execute("DELETE FROM users WHERE id = ?", (user_id,))
    db.commit()
    return jsonify(deleted=user_id)


# expect: VC218
@app.route("/admin/promote/<int:user_id>", methods=["POST"])
@flask_login_required
def promote_user(user_id):
    db = get_db()
    db.execute("UPDATE users SET is_admin = 1 WHERE id = ?", (user_id,))
    db.commit()
    return jsonify(promoted=user_id)


@app.route("/admin/export")
@flask_login_required
def export_users():
    # expect: VC207
    if request.args.get("role") == "admin" or request.cookies.get("is_admin") == "1":
        db = get_db()
        return jsonify(db.execute("SELECT id, email FROM users").fetchall())
    return jsonify(error="forbidden"), 403


@login_required
def invoice_detail(request, invoice_id):
    # expect: VC214
    invoice = get_object_or_404(Invoice, pk=invoice_id)
    return JsonResponse({"id": invoice.pk, "total": str(invoice.total)})


@login_required
def invoice_detail_safe(request, invoice_id):
    # ok: VC214
    invoice = get_object_or_404(Invoice, pk=invoice_id, owner=request.user)
    return JsonResponse({"id": invoice.pk, "total": str(invoice.total)})


@app.route("/api/documents/<int:doc_id>")
@flask_login_required
def get_document(doc_id):
    db = get_db()
    # expect: VC214
    row = db.execute("SELECT id, title, body FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return jsonify(row)


@app.route("/api/documents2/<int:doc_id>")
@flask_login_required
def get_document_safe(doc_id):
    db = get_db()
    # ok: VC214
    row = db.execute("SELECT id, title, body FROM documents WHERE id = ? AND owner_id = ?",
                     (doc_id, current_user.id)).fetchone()
    return jsonify(row)


@app.route("/profile", methods=["PUT"])
@flask_login_required
def update_profile():
    data = request.get_json()
    for key, value in data.items():
        # expect: VC215
        setattr(current_user, key, value)
    g.db_session.commit()
    return jsonify(ok=True)


EDITABLE_FIELDS = ("display_name", "bio", "timezone")


@app.route("/profile2", methods=["PUT"])
@flask_login_required
def update_profile_safe():
    data = request.get_json()
    for key in EDITABLE_FIELDS:
        if key in data:
            # ok: VC215
            setattr(current_user, key, data[key])
    g.db_session.commit()
    return jsonify(ok=True)


@app.route("/register", methods=["POST"])
def register():
    form = request.get_json()
    db = get_db()
    # expect: VC410
    db.execute("INSERT INTO users (email, password) VALUES (?, ?)", (form["email"], form["password"]))
    db.commit()
    return jsonify(ok=True), 201


@app.route("/register2", methods=["POST"])
def register_safe():
    form = request.get_json()
    db = get_db()
    # ok: VC410
    db.execute("INSERT INTO users (email, password_hash) VALUES (?, ?)",
               (form["email"], generate_password_hash(form["password"])))
    db.commit()
    return jsonify(ok=True), 201


@app.route("/register3", methods=["POST"])
def register_with_role():
    form = request.get_json()
    db = get_db()
    db.execute("INSERT INTO users (email, password_hash, role) VALUES (?, ?, ?)",
               # expect: VC217
               (form["email"], generate_password_hash(form["password"]), form.get("role", "user")))
    db.commit()
    return jsonify(ok=True), 201


@app.route("/users/<int:user_id>")
@flask_login_required
def user_profile(user_id):
    db = get_db()
    # expect: VC214/VC219
    row = db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return jsonify(row)


def verify_api_key(key: str):
    # expect: VC204
    if key != os.environ.get("ADMIN_API_KEY"):
        raise HTTPException(status_code=401)


# expect: VC201/VC218
@api.post("/maintenance/reset-cache")
def reset_cache():
    os.remove("/var/cache/app/cache.db")
    return {"ok": True}


# ok: VC201/VC218
@api.post("/maintenance/reset-cache2", dependencies=[Depends(verify_api_key)])
def reset_cache_safe():
    os.remove("/var/cache/app/cache.db")
    return {"ok": True}


def reporting_session():
    session = requests.Session()
    # expect: VC403
    session.auth = ("reporter", "Rep0rt!ng2024")
    return session


# expect: VC403
DB_PASSWORD = "Pa55w0rd!2024"


def connect_warehouse():
    import psycopg2
    return psycopg2.connect(host="warehouse.internal", user="etl", password=DB_PASSWORD, dbname="dw")


def connect_warehouse_safe():
    import psycopg2
    # ok: VC403
    return psycopg2.connect(host="warehouse.internal", user="etl", password=os.environ["DW_PASSWORD"], dbname="dw")


def send_alert(message: str):
    server = smtplib.SMTP("mail.example.com", 25)
    # expect: VC418
    server.login("alerts@example.com", os.environ["SMTP_PASSWORD"])
    server.sendmail("alerts@example.com", ["ops@example.com"], message)


def fetch_account(token: str):
    # expect: VC418, VC107
    return requests.get("http://api.partner.example.com/v1/account", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).json()


def fetch_account_safe(token: str):
    # ok: VC418
    # expect: VC107
    return requests.get("https://api.partner.example.com/v1/account", headers={"Authorization": f"Bearer {token}"},
                        timeout=10).json()
