"""VC405 corpus: a path built from the request in a view and opened by a function nested in it (a generator that
streams the file), and nested functions that open a path of their own."""
import os

from flask import Flask, Response, request, stream_with_context
from werkzeug.utils import safe_join

app = Flask(__name__)
SONGS_DIR = os.environ.get("SONGS_DIR", "/var/songs")


@app.post("/download")
def download():
    data = request.get_json(silent=True) or {}
    filename = data.get("filename")
    if not filename:
        return {"error": "filename is required"}, 400
    path = os.path.join(SONGS_DIR, filename)

    def generate():
        # expect: VC405
        with open(path, "rb") as fh:
            while chunk := fh.read(8192):
                yield chunk

    return Response(stream_with_context(generate()), mimetype="audio/mpeg")


@app.post("/download-safely")
def download_safely():
    path = safe_join(SONGS_DIR, request.get_json()["filename"])
    if path is None:
        return {"error": "not found"}, 404

    def generate():
        # ok: VC405 -- `safe_join` kept the path below the folder
        with open(path, "rb") as fh:
            yield fh.read()

    return Response(generate(), mimetype="audio/mpeg")


@app.post("/jingle")
def jingle():
    name = request.get_json()["filename"]

    def generate(path=os.path.join(SONGS_DIR, "jingle.mp3")):
        # ok: VC405 -- the nested function's own parameter, not the request's name
        with open(path, "rb") as fh:
            yield fh.read()

    return Response(generate(), mimetype="audio/mpeg", headers={"X-Requested": name.isalnum() and name or ""})
