"""Prompt: a Flask endpoint that divides two numbers and reports errors to the caller."""

import logging
import traceback

from flask import Flask, jsonify, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/divide")
def divide():
    try:
        a = float(request.args["a"])
        b = float(request.args["b"])
        return jsonify(result=a / b)
    except Exception:
        # expect: VC414
        return traceback.format_exc(), 500


@app.route("/ratio")
def ratio():
    try:
        return jsonify(result=float(request.args["a"]) / float(request.args["b"]))
    except Exception as e:
        # expect: VC414
        return jsonify(error=str(e)), 500


@app.route("/divide-safe")
def divide_safe():
    try:
        return jsonify(result=float(request.args["a"]) / float(request.args["b"]))
    except (KeyError, ValueError, ZeroDivisionError):
        log.exception("bad division request")
        # ok: VC414
        return jsonify(error="invalid input"), 400
