import os
import subprocess
import zipfile

from flask import Blueprint, abort, jsonify, request, send_file
from jinja2 import Template
# expect: VC504
from werkzeug.utils import safe_join, secure_filename

from .db import upload_dir

files_bp = Blueprint("files", __name__, url_prefix="/files")
UPLOAD_DIR = upload_dir()


@files_bp.get("/download")
def download():
    name = request.args["name"]
    # expect: VC405
    return send_file(os.path.join(UPLOAD_DIR, name), as_attachment=True)


@files_bp.get("/raw/<path:name>")
def download_raw(name: str):
    # expect: VC405
    return send_file(os.path.join(UPLOAD_DIR, name))


@files_bp.get("/safe/<path:name>")
def download_safe(name: str):
    path = safe_join(UPLOAD_DIR, name)
    if path is None:
        abort(404)
    # ok: VC405
    return send_file(path)


# expect: VC201 -- no route of the app authenticates
@files_bp.post("/import")
def import_archive():
    upload = request.files["archive"]
    target = os.path.join(UPLOAD_DIR, "imports")
    with zipfile.ZipFile(upload.stream) as archive:
        for member in archive.namelist():
            destination = os.path.join(target, member)
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            # expect: VC405
            with open(destination, "wb") as out:
                out.write(archive.read(member))
    return jsonify(imported=True)


@files_bp.post("/thumbnail")
def thumbnail():
    name = request.form["name"]
    size = request.form.get("size", "256x256")
    # expect: VC421
    subprocess.run(f"convert {UPLOAD_DIR}/{name} -resize {size} {UPLOAD_DIR}/thumbs/{name}.png",
                   shell=True, check=True)
    return jsonify(ok=True)


@files_bp.post("/upload")
def upload():
    upload = request.files["file"]
    filename = secure_filename(upload.filename)
    # ok: VC405, VC409
    upload.save(os.path.join(UPLOAD_DIR, filename))
    return jsonify(name=filename)


@files_bp.post("/share-note")
def share_note():
    note = request.form["message"]
    # expect: VC412
    html = Template("<h1>Shared with you</h1><p>" + note + "</p>").render()
    return html


@files_bp.post("/share-card")
def share_card():
    # expect: VC412
    return Template(request.json["template"]).render(user=request.json.get("name"))
