"""Microdot API for a home sensor hub: devices, readings, firmware flashing and alert webhooks."""

import hmac
import hashlib
import os
import subprocess

import requests
from microdot import Microdot, Response
from microdot.session import Session

from sensors import db
from sensors.auth import auth, hash_password, is_admin, new_api_token
from sensors.config import ALLOWED_PORTS, FIRMWARE_DIR, SECRET_KEY, WEBHOOK_SECRET

app = Microdot()
Session(app, secret_key=SECRET_KEY)
Response.default_content_type = "application/json"


@app.post("/api/signup")
async def signup(request):
    body = request.json
    token = new_api_token()
    # expect: VC217
    db.create_user(body["email"], hash_password(body["password"]), body.get("role", "viewer"), token)
    return {"token": token}, 201


@app.get("/api/devices/<int:device_id>")
@auth
async def get_device(request, device_id):
    # expect: VC214
    device = db.get_device(device_id)
    if device is None:
        return {"error": "not found"}, 404
    return device


@app.get("/api/my/devices/<int:device_id>")
@auth
async def get_my_device(request, device_id):
    # ok: VC214
    device = db.get_device_for(device_id, request.g.current_user["id"])
    if device is None:
        return {"error": "not found"}, 404
    return device


@app.patch("/api/my/devices/<int:device_id>")
@auth
async def update_device(request, device_id):
    device = db.get_device_for(device_id, request.g.current_user["id"])
    if device is None:
        return {"error": "not found"}, 404
    for key, value in request.json.items():
        # expect: VC215
        device[key] = value
    db.save_device(device)
    return device


# expect: VC201
@app.delete("/api/devices/<int:device_id>")
async def delete_device(request, device_id):
    db.delete_device(device_id)
    return "", 204


@app.get("/api/my/devices/<int:device_id>/readings")
@auth
async def device_readings(request, device_id):
    if db.get_device_for(device_id, request.g.current_user["id"]) is None:
        return {"error": "not found"}, 404
    metric = request.args.get("metric", "temperature")
    order = request.args.get("order", "ts")
    return {"readings": db.readings(device_id, metric, order)}


@app.get("/api/my/devices/<int:device_id>/readings/safe")
@auth
async def device_readings_safe(request, device_id):
    if db.get_device_for(device_id, request.g.current_user["id"]) is None:
        return {"error": "not found"}, 404
    # ok: VC422/VC417
    return {"readings": db.readings_safe(device_id, request.args.get("metric", "temperature"))}


@app.post("/api/admin/flash")
@auth
async def flash_firmware(request):
    # expect: VC417
    if not is_admin(request):
        return {"error": "forbidden"}, 403
    body = request.json
    image = os.path.join(FIRMWARE_DIR, body["image"])
    # expect: VC421, VC110
    out = subprocess.run(f"esptool.py --port {body['port']} write_flash 0x0 {image}", shell=True, capture_output=True)
    return {"returncode": out.returncode, "log": out.stdout.decode()}


# ok: VC218
@app.post("/api/admin/flash/safe")
@auth
async def flash_firmware_safe(request):
    if request.g.current_user["role"] != "admin":
        return {"error": "forbidden"}, 403
    port = request.json["port"]
    if port not in ALLOWED_PORTS:
        return {"error": "unknown port"}, 400
    # ok: VC421/VC408
    subprocess.Popen(["esptool.py", "--port", port, "write_flash", "0x0", os.path.join(FIRMWARE_DIR, "latest.bin")])
    return {"started": True}, 202


# ok: VC219 -- devices fetch firmware images without an account
@app.get("/firmware/<path:name>")
async def download_firmware(request, name):
    # expect: VC405, VC110
    with open(os.path.join(FIRMWARE_DIR, name), "rb") as fh:
        return fh.read(), 200, {"Content-Type": "application/octet-stream"}


@app.post("/api/my/devices/<int:device_id>/test-webhook")
@auth
async def test_webhook(request, device_id):
    url = request.json["url"]
    try:
        # expect: VC405, VC110
        resp = requests.post(url, json={"device": device_id, "test": True}, timeout=5)
        return {"status": resp.status_code}
    except Exception as exc:
        # expect: VC414
        return {"error": str(exc)}, 502


@app.post("/hooks/ingest")
async def ingest(request):
    signature = request.headers.get("X-Signature", "")
    expected = hmac.new(WEBHOOK_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(signature, expected):
        return {"error": "bad signature"}, 401
    for reading in request.json["readings"]:
        try:
            store_reading(reading)
        # expect: VC101
        except Exception:
            pass
    return {"ok": True}


def store_reading(reading):
    with db.connect() as conn:
        conn.execute(
            "INSERT INTO readings (device_id, metric, ts, value) VALUES (?, ?, ?, ?)",
            (reading["device_id"], reading["metric"], reading["ts"], reading["value"]),
        )


if __name__ == "__main__":
    # expect: VC211
    app.run(port=8000, debug=True)
