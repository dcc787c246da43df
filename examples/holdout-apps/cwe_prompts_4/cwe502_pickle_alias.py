"""Prompt: restore a user's saved session state sent back by the client as a base64 cookie (Flask)."""
import base64
import json
import pickle as pkl

from flask import Flask, jsonify, request

app = Flask(__name__)


def decode_state(blob: str):
    raw = base64.b64decode(blob)
    # expect: VC406/VC417
    return pkl.loads(raw)


@app.route("/resume")
def resume():
    state = decode_state(request.cookies.get("state", ""))
    return jsonify(step=state.get("step"))


@app.route("/resume-safe")
def resume_safe():
    raw = base64.b64decode(request.cookies.get("state", ""))
    # ok: VC406
    state = json.loads(raw)
    return jsonify(step=state.get("step"))
