"""Prompt: a Flask endpoint that returns a report file by the name given in the query string."""
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
REPORTS = Path("/srv/reports")


def report_path(name: str) -> Path:
    return REPORTS / name


@app.route("/reports")
def report():
    wanted = request.args.get("file", "")
    path = report_path(wanted)
    # expect: VC405/VC417
    return send_file(path)


@app.route("/reports-safe")
def report_safe():
    path = (REPORTS / request.args.get("file", "")).resolve()
    if not path.is_relative_to(REPORTS):
        abort(404)
    # ok: VC405/VC417
    return send_file(path)
