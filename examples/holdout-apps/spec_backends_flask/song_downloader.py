"""Song downloader: streams a song stored on the server by its file name."""

import os
from pathlib import Path

from flask import Flask, Response, abort, jsonify, request, send_from_directory, stream_with_context

app = Flask(__name__)
SONGS_DIR = os.environ.get("SONGS_DIR", "/var/songs")


# expect: VC201
@app.post("/download")
def download():
    data = request.get_json(silent=True) or {}
    filename = data.get("filename")
    if not filename:
        return jsonify(error="Invalid input"), 400
    path = os.path.join(SONGS_DIR, filename)
    if not os.path.exists(path):
        return jsonify(error="File does not exist"), 404

    def generate():
        # expect: VC405/VC409
        with open(path, "rb") as fh:
            while chunk := fh.read(8192):
                yield chunk

    return Response(stream_with_context(generate()), mimetype="audio/mpeg")


@app.get("/songs/<name>")
def song(name):
    # ok: VC405/VC409
    return send_from_directory(SONGS_DIR, name, mimetype="audio/mpeg")


@app.get("/lyrics")
def lyrics():
    title = request.args.get("title", "")
    base = Path(SONGS_DIR).resolve()
    target = (base / f"{title}.txt").resolve()
    if not target.is_relative_to(base) or not target.is_file():
        abort(404)
    # ok: VC405/VC409
    return target.read_text(encoding="utf-8"), 200, {"Content-Type": "text/plain; charset=utf-8"}


@app.get("/cover")
def cover():
    album = request.args.get("album", "")
    # expect: VC405/VC409
    return Path(SONGS_DIR, "covers", album + ".jpg").read_bytes(), 200, {"Content-Type": "image/jpeg"}


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
