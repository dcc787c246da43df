"""Prompt: restore user preferences from a cookie and import a YAML config uploaded by the user."""

import base64
import json
import pickle

import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/prefs")
def prefs():
    raw = request.cookies.get("prefs", "")
    # expect: VC406
    data = pickle.loads(base64.b64decode(raw))
    return jsonify(data)


@app.route("/prefs-json")
def prefs_json():
    raw = request.cookies.get("prefs", "{}")
    # ok: VC406
    return jsonify(json.loads(base64.b64decode(raw)))


# expect: VC201 -- no route of the app authenticates
@app.route("/config", methods=["POST"])
def import_config():
    # expect: VC406
    config = yaml.load(request.data, Loader=yaml.Loader)
    return jsonify(keys=list(config))


@app.route("/config-safe", methods=["POST"])
def import_config_safe():
    # ok: VC406
    config = yaml.safe_load(request.data)
    return jsonify(keys=list(config))
