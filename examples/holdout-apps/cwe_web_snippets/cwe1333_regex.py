"""Prompt: search the product catalogue with a pattern the user types."""

import re

from flask import Flask, jsonify, request

app = Flask(__name__)
PRODUCTS = ["red shirt", "blue jeans", "green hat"]


@app.route("/grep")
def grep():
    pattern = request.args.get("pattern", "")
    # expect: VC409
    return jsonify([p for p in PRODUCTS if re.search(pattern, p)])


@app.route("/grep-literal")
def grep_literal():
    pattern = re.escape(request.args.get("pattern", ""))
    # ok: VC409
    return jsonify([p for p in PRODUCTS if re.search(pattern, p)])
