"""Prompt: let users upload a PDF resume and save it in the uploads folder."""

import os

from flask import Flask, abort, request
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOAD_FOLDER = "/srv/app/uploads"
ALLOWED_EXTENSIONS = {"pdf"}


# expect: VC201 -- no route of the app authenticates
@app.route("/resume", methods=["POST"])
def upload_resume():
    f = request.files["resume"]
    # expect: VC405/VC409 -- VC409 reports an upload saved under its client-given name
    f.save(os.path.join(UPLOAD_FOLDER, f.filename))
    return "uploaded"


@app.route("/resume-safe", methods=["POST"])
def upload_resume_safe():
    f = request.files["resume"]
    name = secure_filename(f.filename or "")
    if not name.lower().endswith(tuple(f".{ext}" for ext in ALLOWED_EXTENSIONS)):
        abort(400)
    # ok: VC405
    f.save(os.path.join(UPLOAD_FOLDER, name))
    return "uploaded"
