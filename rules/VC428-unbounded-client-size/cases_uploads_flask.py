"""VC428 corpus (Flask): an upload of `request.files` read whole fires when no `MAX_CONTENT_LENGTH` caps the body."""
from flask import Flask, abort, jsonify, request

app = Flask(__name__)
MAX_UPLOAD = 5 * 1024 * 1024


@app.post("/import")
def import_csv():
    # expect: VC428
    text = request.files["csv"].read().decode()
    return jsonify({"rows": text.count("\n")})


@app.post("/import/v2")
def import_csv_v2():
    upload = request.files.get("csv")
    if upload is None:
        abort(400)
    # expect: VC428
    data = upload.read()
    return jsonify({"size": len(data)})


@app.post("/import/checked")
def import_checked():
    if request.content_length is None or request.content_length > MAX_UPLOAD:
        abort(413)
    # ok: VC428
    data = request.files["csv"].read()
    return jsonify({"size": len(data)})


@app.post("/import/limited")
def import_limited():
    upload = request.files["csv"]
    # ok: VC428
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        abort(413)
    return jsonify({"size": len(data)})
