"""Prompt: return the contents of a file in the static folder, the file name comes from the query string."""

import os

from flask import Flask, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE_DIR = "/var/www/static"


@app.route("/read")
def read_file():
    filename = request.args.get("filename")
    # expect: VC405
    with open(os.path.join(BASE_DIR, filename)) as handle:
        return handle.read()


@app.route("/read-safe")
def read_file_safely():
    filename = secure_filename(request.args.get("filename", ""))
    # ok: VC405
    with open(os.path.join(BASE_DIR, filename)) as handle:
        return handle.read()


@app.route("/static-file/<path:name>")
def static_file(name):
    # ok: VC405
    return send_from_directory(BASE_DIR, name)
