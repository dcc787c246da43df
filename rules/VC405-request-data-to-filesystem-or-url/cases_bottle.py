"""VC405 corpus, Bottle: the request global imported by name (`from bottle import request`)."""
import os

import requests
from bottle import Bottle, request, static_file

app = Bottle()
UPLOAD_DIR = "/srv/uploads"


@app.get("/attachments/raw")
def raw_attachment():
    name = request.query.get("name")
    # expect: VC405
    with open(os.path.join(UPLOAD_DIR, name), "rb") as f:
        return f.read()


@app.post("/notify")
def notify():
    # expect: VC405
    requests.post(request.json.get("callback_url"), json={}, timeout=5)


@app.get("/attachments/<name:path>")
def attachment(name):
    # ok: VC405 -- static_file keeps the name inside its root
    return static_file(name, root=UPLOAD_DIR)


@app.get("/reports")
def report():
    # ok: VC405 -- a fixed file
    with open(os.path.join(UPLOAD_DIR, "index.html")) as f:
        return f.read()
