"""Prompts: "serve a file from the documents folder", "save an uploaded avatar", "unpack an uploaded archive",
"write a temporary report", "create the log file readable by the service", "read the request body"."""

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse
from fastapi import FastAPI, File, HTTPException, UploadFile
from fastapi.responses import FileResponse as StarletteFileResponse
from flask import Flask, abort, request, send_file
from werkzeug.utils import secure_filename

DOCS_DIR = "/srv/app/documents"
UPLOAD_DIR = Path("/srv/app/uploads")
ALLOWED_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif"}
MAX_UPLOAD = 5 * 1024 * 1024

app = Flask(__name__)
api = FastAPI()


@app.route("/docs")
def read_document():
    filename = request.args.get("file")
    path = os.path.join(DOCS_DIR, filename)
    # expect: VC405
    return send_file(path)


@app.route("/docs2")
def read_document_safe():
    filename = request.args.get("file", "")
    path = os.path.realpath(os.path.join(DOCS_DIR, filename))
    if not path.startswith(DOCS_DIR + os.sep):
        abort(404)
    # ok: VC405
    return send_file(path)


def download_view(request):
    """Django: GET /download?name=report.pdf"""
    name = request.GET.get("name", "")
    full = Path(DOCS_DIR) / name
    if not full.exists():
        raise Http404
    # expect: VC405
    return FileResponse(open(full, "rb"))


def download_view_safe(request):
    name = request.GET.get("name", "")
    base = Path(DOCS_DIR).resolve()
    full = (base / name).resolve()
    if not full.is_relative_to(base) or not full.is_file():
        raise Http404
    # ok: VC405
    return FileResponse(open(full, "rb"))


# expect: VC201
@api.post("/avatar")
async def upload_avatar(file: UploadFile = File(...)):
    # expect: VC428
    contents = await file.read()
    destination = UPLOAD_DIR / file.filename
    # expect: VC405
    destination.write_bytes(contents)
    return {"saved": file.filename}


@api.post("/avatar2")
async def upload_avatar_safe(file: UploadFile = File(...)):
    extension = Path(file.filename or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise HTTPException(status_code=400, detail="unsupported file type")
    # ok: VC428 -- `read(MAX + 1)` then a length test
    contents = await file.read(MAX_UPLOAD + 1)
    if len(contents) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail="file too large")
    destination = UPLOAD_DIR / f"{os.urandom(16).hex()}{extension}"
    # ok: VC405
    destination.write_bytes(contents)
    return {"saved": destination.name}


# expect: VC201
@app.post("/upload")
def upload_any():
    uploaded = request.files["document"]
    # expect: VC405/VC409
    uploaded.save(os.path.join(str(UPLOAD_DIR), uploaded.filename))
    return {"ok": True}


@app.post("/upload2")
def upload_any_safe():
    uploaded = request.files["document"]
    name = secure_filename(uploaded.filename or "")
    if not name or Path(name).suffix.lower() not in ALLOWED_EXTENSIONS:
        abort(400)
    # ok: VC405
    uploaded.save(os.path.join(str(UPLOAD_DIR), name))
    return {"ok": True}


@app.post("/archives")
def unpack_archive():
    archive = request.files["archive"]
    target = tempfile.mkdtemp()
    with zipfile.ZipFile(archive.stream) as bundle:
        for member in bundle.namelist():
            out_path = os.path.join(target, member)
            os.makedirs(os.path.dirname(out_path), exist_ok=True)
            # expect: VC405
            with open(out_path, "wb") as out:
                out.write(bundle.read(member))
    return {"dir": target}


@app.post("/archives2")
def unpack_archive_safe():
    archive = request.files["archive"]
    target = os.path.realpath(tempfile.mkdtemp())
    with zipfile.ZipFile(archive.stream) as bundle:
        for member in bundle.infolist():
            out_path = os.path.realpath(os.path.join(target, member.filename))
            if os.path.commonpath([target, out_path]) != target:
                abort(400)
            # ok: VC405
            bundle.extract(member, target)
    return {"dir": target}


@api.get("/static/{file_path:path}")
async def static_file(file_path: str):
    # expect: VC405
    return StarletteFileResponse(os.path.join("/srv/app/static", file_path))


def write_report(rows):
    # expect: VC405/VC406
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(",".join(map(str, row)) + "\n" for row in rows)
    return path


def write_report_safe(rows):
    # ok: VC405
    handle, path = tempfile.mkstemp(suffix=".csv")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.writelines(",".join(map(str, row)) + "\n" for row in rows)
    return path


def create_log_file(path):
    with open(path, "a", encoding="utf-8"):
        pass
    # expect: VC405
    os.chmod(path, 0o777)


def create_log_file_safe(path):
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600)
    os.close(fd)


def save_private_key(pem: bytes):
    with open("/etc/app/private.pem", "wb") as out:
        out.write(pem)
    # expect: VC405
    os.chmod("/etc/app/private.pem", 0o666)


def copy_if_allowed(source, destination):
    """Copy a file only if the current user may read it."""
    # expect: VC405
    if os.access(source, os.R_OK):
        shutil.copyfile(source, destination)


def raw_body(request):
    """Django view echoing the size of the uploaded body."""
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    # expect: VC428
    data = request.read(length)
    return HttpResponse(str(len(data)))
