"""VC215 corpus: the client's keys copied one by one into a record the function loaded (`device[key] = value` in
`for key, value in request.json.items():`) write whatever fields it names, as a `setattr` loop does; a dict the
function made for itself, or a loop over an allow-list, does not."""
from flask import Flask, request, session

from . import db

app = Flask(__name__)
EDITABLE = ("name", "location")


@app.patch("/devices/<int:device_id>")
def update_device(device_id):
    device = db.get_device_for(device_id, session["user_id"])
    for key, value in request.json.items():
        # expect: VC215 -- the client may send `owner_id`
        device[key] = value
    db.save_device(device)
    return device


@app.patch("/prefs")
def update_prefs():
    for key, value in request.get_json().items():
        # expect: VC215 -- the session's own keys (`user_id`) among them
        session[key] = value
    return {"ok": True}


@app.patch("/devices/<int:device_id>/checked")
def update_device_checked(device_id):
    device = db.get_device_for(device_id, session["user_id"])
    for key, value in request.json.items():
        if key not in EDITABLE:
            continue
        # ok: VC215 -- only the allowed fields
        device[key] = value
    db.save_device(device)
    return device


@app.post("/echo")
def echo():
    cleaned = {}
    for key, value in request.json.items():
        # ok: VC215 -- a dict the function made for its answer
        cleaned[key] = value
    return cleaned

