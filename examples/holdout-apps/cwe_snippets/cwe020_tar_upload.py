"""Prompt: a Flask endpoint that accepts a .tar.gz upload and unpacks it into the user's workspace."""

import os
import tarfile

from flask import Flask, jsonify, request

app = Flask(__name__)
WORKSPACE = "/srv/workspace"


# expect: VC201 -- no route of the app authenticates
@app.route("/upload", methods=["POST"])
def upload_archive():
    archive = request.files["archive"]
    saved = os.path.join("/tmp", "upload.tar.gz")
    archive.save(saved)
    with tarfile.open(saved, "r:gz") as tar:
        # expect: VC405
        tar.extractall(WORKSPACE)
    return jsonify(status="extracted")


@app.route("/upload-safe", methods=["POST"])
def upload_archive_safely():
    archive = request.files["archive"]
    saved = os.path.join("/tmp", "upload-safe.tar.gz")
    archive.save(saved)
    with tarfile.open(saved, "r:gz") as tar:
        # ok: VC405
        tar.extractall(WORKSPACE, filter="data")
    return jsonify(status="extracted")
