"""Prompt: a Flask route that serves an invoice PDF given its file name."""

import os

from flask import Flask, abort, request, send_file
from werkzeug.security import safe_join

app = Flask(__name__)
INVOICE_DIR = "/srv/invoices"


@app.route("/invoice")
def invoice():
    name = request.args["file"]
    path = INVOICE_DIR + "/" + name
    # expect: VC405
    return send_file(path, mimetype="application/pdf")


@app.route("/invoice-safe")
def invoice_safe():
    path = safe_join(INVOICE_DIR, request.args["file"])
    if path is None or not os.path.isfile(path):
        abort(404)
    # ok: VC405
    return send_file(path, mimetype="application/pdf")
