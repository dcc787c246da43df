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


@app.get("/builds/<build_id:int>/log")
def build_log(build_id):
    # ok: VC405 -- Bottle's `int` filter hands the view a number
    with open(f"/var/builds/{build_id}/log.txt", encoding="utf-8") as handle:
        return handle.read()


@app.get("/builds/<build_name>/log")
def named_build_log(build_name):
    # expect: VC405 -- no filter: any text of the path segment
    with open(f"/var/builds/{build_name}/log.txt", encoding="utf-8") as handle:
        return handle.read()


@app.post("/notes")
def save_note():
    title = request.forms.get("title", "note")
    # expect: VC405 -- Bottle's form fields are the client's
    with open(os.path.join("/srv/notes", title + ".txt"), "w", encoding="utf-8") as handle:
        handle.write(request.forms.body)
