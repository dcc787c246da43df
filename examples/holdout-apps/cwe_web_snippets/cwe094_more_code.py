"""Prompt: a config endpoint that applies `key=value` settings and a report endpoint calling a chosen function."""

import reports
from flask import Flask, jsonify, request

app = Flask(__name__)
settings: dict = {}
REPORTS = {"daily": reports.daily, "weekly": reports.weekly}


# expect: VC201 -- no route of the app authenticates
@app.route("/set", methods=["POST"])
def set_value():
    key = request.form["key"]
    value = request.form["value"]
    # expect: VC413
    exec(f"settings['{key}'] = {value}")
    return jsonify(settings)


@app.route("/math")
def math():
    a, op, b = request.args["a"], request.args["op"], request.args["b"]
    # expect: VC413
    return jsonify(result=eval(f"{int(a)} {op} {int(b)}"))


@app.route("/report")
def report():
    name = request.args["name"]
    # expect: VC413
    return jsonify(getattr(reports, name)())


@app.route("/report-safe")
def report_safe():
    build = REPORTS.get(request.args.get("name", "daily"), reports.daily)
    # ok: VC413
    return jsonify(build())
