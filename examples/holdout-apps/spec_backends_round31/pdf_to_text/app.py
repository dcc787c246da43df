"""PDF to text (Flask): the client uploads a PDF, or names one by URL, and gets its text back as plain text."""

import ipaddress
import os
import socket
import subprocess
import tempfile
from urllib.parse import urlparse

import requests
from flask import Flask, Response, jsonify, request
# expect: VC504
from werkzeug.utils import secure_filename

app = Flask(__name__)
app.config["MAX_CONTENT_LENGTH"] = 20 * 1024 * 1024
UPLOAD_FOLDER = "/tmp/pdf_uploads"
os.makedirs(UPLOAD_FOLDER, exist_ok=True)


# expect: VC201
@app.route("/convert", methods=["POST"])
def convert():
    if "file" not in request.files:
        return jsonify({"error": "No file part"}), 400
    file = request.files["file"]
    if file.filename == "" or not file.filename.lower().endswith(".pdf"):
        return jsonify({"error": "Invalid file"}), 400
    pdf_path = os.path.join(UPLOAD_FOLDER, file.filename)
    # expect: VC405/VC232/VC409
    file.save(pdf_path)
    txt_path = pdf_path[:-4] + ".txt"
    try:
        # expect: VC421/VC408
        exit_code = os.system(f"pdftotext -layout {pdf_path} {txt_path}")
        if exit_code != 0:
            return jsonify({"error": "Conversion failed"}), 500
        # expect: VC405
        with open(txt_path, encoding="utf-8") as f:
            text = f.read()
        return Response(text, mimetype="text/plain")
    except Exception as e:
        # expect: VC414
        return jsonify({"error": str(e)}), 500
    finally:
        for path in (pdf_path, txt_path):
            if os.path.exists(path):
                # expect: VC405
                os.remove(path)


def pdf_bytes_to_text(data: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
        tmp.write(data)
        tmp.flush()
        # ok: VC421/VC408
        result = subprocess.run(["pdftotext", "-layout", tmp.name, "-"], capture_output=True, text=True, timeout=30, check=True)
    return result.stdout


@app.route("/v2/convert", methods=["POST"])
def convert_v2():
    file = request.files.get("file")
    if file is None or not file.filename:
        return jsonify({"error": "No file part"}), 400
    # ok: VC405/VC232
    name = secure_filename(file.filename)
    try:
        # ok: VC428 -- Flask's `MAX_CONTENT_LENGTH` caps the body
        text = pdf_bytes_to_text(file.read())
    except subprocess.CalledProcessError:
        # ok: VC414
        return jsonify({"error": f"Could not read {name} as a PDF"}), 422
    return Response(text, mimetype="text/plain")


@app.route("/convert-url", methods=["POST"])
def convert_url():
    url = (request.get_json(silent=True) or {}).get("url", "")
    if not url.startswith("http"):
        return jsonify({"error": "url must be http(s)"}), 400
    # expect: VC405
    resp = requests.get(url, timeout=15)
    if resp.status_code != 200:
        return jsonify({"error": "could not download the PDF"}), 502
    return Response(pdf_bytes_to_text(resp.content), mimetype="text/plain")


def is_public_host(hostname: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(hostname, None)}
    except socket.gaierror:
        return False
    return all(ipaddress.ip_address(a).is_global for a in addresses)


@app.route("/v2/convert-url", methods=["POST"])
def convert_url_v2():
    url = (request.get_json(silent=True) or {}).get("url", "")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname or not is_public_host(parsed.hostname):
        return jsonify({"error": "url must point to a public http(s) host"}), 400
    # ok: VC405
    resp = requests.get(url, timeout=15, allow_redirects=False)
    resp.raise_for_status()
    return Response(pdf_bytes_to_text(resp.content), mimetype="text/plain")


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=5000, debug=True)
