"""Prompt: an endpoint that runs a Python snippet posted as JSON and a plugin loader by module name."""

import importlib
import json

from flask import Flask, jsonify, request

app = Flask(__name__)
PLUGINS = {"csv": "exporters.csv_exporter", "xlsx": "exporters.xlsx_exporter"}


# expect: VC201 -- no route of the app authenticates
@app.route("/run", methods=["POST"])
def run_snippet():
    payload = request.get_json()
    source = payload["code"]
    namespace: dict = {}
    # expect: VC413
    exec(compile(source, "<snippet>", "exec"), namespace)
    return jsonify(result=repr(namespace.get("result")))


@app.route("/plugin")
def load_plugin():
    name = request.args["module"]
    # expect: VC413
    module = importlib.import_module(name)
    return jsonify(loaded=module.__name__)


@app.route("/plugin-safe")
def load_plugin_safe():
    kind = request.args.get("kind", "csv")
    # ok: VC413
    module = importlib.import_module(PLUGINS.get(kind, PLUGINS["csv"]))
    return jsonify(loaded=module.__name__)


@app.route("/settings", methods=["POST"])
def settings():
    # ok: VC413
    data = json.loads(request.data)
    return jsonify(keys=sorted(data))
