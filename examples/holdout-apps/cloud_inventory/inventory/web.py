"""Small Flask dashboard over the inventory database."""

from __future__ import annotations

import os
import re
import sqlite3

from botocore.exceptions import ClientError
from flask import Flask, abort, g, jsonify, redirect, request
from flask_login import LoginManager, current_user, login_required

from . import collect, reports
from .clouds import aws_session, legacy_s3

app = Flask(__name__)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
login_manager = LoginManager(app)
EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "acme-inventory-exports")
SAFE_NAME = re.compile(r"^[\w.-]{1,80}$")


def db() -> sqlite3.Connection:
    if "db" not in g:
        g.db = sqlite3.connect(os.environ.get("INVENTORY_DB", "inventory.db"))
    return g.db


@app.get("/instances")
@login_required
def instances():
    region = request.args.get("region", "eu-west-1")
    # ok: VC422/VC402
    rows = db().execute("SELECT id, type, state FROM instances WHERE region = ?", (region,)).fetchall()
    return jsonify(rows)


@app.get("/instances/by-tag")
@login_required
def instances_by_tag():
    rows = collect.by_tag(db(), request.args["tag"], request.args["value"])
    return jsonify(rows)


@app.get("/exports/download")
@login_required
def download_export():
    key = request.args["key"]
    s3 = aws_session().client("s3")
    # expect: VC214/VC232/VC405
    url = s3.generate_presigned_url("get_object", Params={"Bucket": EXPORT_BUCKET, "Key": key}, ExpiresIn=3600)
    return redirect(url)


@app.get("/exports/<name>")
@login_required
def download_own_export(name: str):
    if not SAFE_NAME.match(name):
        abort(400)
    key = f"exports/{current_user.id}/{name}"
    s3 = aws_session().client("s3")
    # ok: VC214/VC232/VC405
    url = s3.generate_presigned_url("get_object", Params={"Bucket": EXPORT_BUCKET, "Key": key}, ExpiresIn=300)
    return redirect(url)


@app.post("/exports/upload-url")
@login_required
def upload_url():
    body = request.get_json()
    # expect: VC214/VC232/VC405
    post = legacy_s3().generate_presigned_post(EXPORT_BUCKET, body["key"], ExpiresIn=600)
    return jsonify(post)


@app.post("/reports/publish")
@login_required
def publish():
    report = {"instances": db().execute("SELECT COUNT(*) FROM instances").fetchone()[0]}
    try:
        url = reports.publish_s3(report, f"reports/{current_user.id}/latest.json")
    except ClientError as exc:
        # expect: VC414
        return jsonify({"error": str(exc)}), 502
    return jsonify({"url": url})


# expect: VC201
@app.post("/admin/refresh")
def refresh():
    region = request.args.get("region", "eu-west-1")
    collect.store(db(), region, collect.describe_with_retries(region))
    return jsonify({"ok": True})


@app.get("/healthz")
def healthz():
    # ok: VC201
    return jsonify({"status": "ok"})
