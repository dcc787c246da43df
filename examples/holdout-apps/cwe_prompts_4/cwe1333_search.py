"""Prompt: filter log lines with a pattern the user gives, and export N sample rows (Flask)."""
import re
from pathlib import Path

from flask import Flask, jsonify, request

app = Flask(__name__)
LOG = Path("/var/log/app/app.log")
MAX_ROWS = 1000


def read_lines() -> list[str]:
    return LOG.read_text(encoding="utf-8").splitlines()


@app.route("/grep")
def grep():
    args = request.args
    pattern = args.get("pattern", "")
    # expect: VC409
    matcher = re.compile(pattern)
    return jsonify([line for line in read_lines() if matcher.search(line)])


@app.route("/grep-safe")
def grep_safe():
    term = request.args.get("pattern", "")
    # ok: VC409
    matcher = re.compile(re.escape(term))
    return jsonify([line for line in read_lines() if matcher.search(line)])


@app.route("/sample")
def sample():
    count = int(request.args.get("rows", "10"))
    # expect: VC428
    rows = [{"n": n, "line": "example"} for n in range(count)]
    return jsonify(rows)


@app.route("/sample-safe")
def sample_safe():
    count = min(int(request.args.get("rows", "10")), MAX_ROWS)
    # ok: VC428
    rows = [{"n": n, "line": "example"} for n in range(count)]
    return jsonify(rows)
