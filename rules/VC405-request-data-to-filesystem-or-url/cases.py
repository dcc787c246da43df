"""VC405 corpus: client input reaching file paths and outgoing URLs, and the checked look-alikes."""
import os
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import httpx
import requests
from django.http import FileResponse as DjangoFileResponse
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from flask import Flask, abort, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
UPLOADS = Path("/srv/uploads")
ALLOWED_HOSTS = {"api.example.com"}


@app.get("/read")
def read_file():
    name = request.args.get("name")
    path = os.path.join("/srv/data", name)
    # expect: VC405
    with open(path) as handle:
        return handle.read()


@app.get("/download")
def download():
    filename = request.args["file"]
    target = f"/srv/exports/{filename}"
    final = target
    # expect: VC405
    return send_file(final)


@app.get("/files/<path:subpath>")
def flask_route_parameter(subpath):
    # expect: VC405
    return (UPLOADS / subpath).read_text()


@app.post("/proxy")
def proxy():
    url = request.json["url"]
    # expect: VC405
    return requests.get(url, timeout=5).text


@api.get("/fetch")
async def fastapi_fetch(url: str):
    async with httpx.AsyncClient() as client:
        # expect: VC405
        response = await client.get(url)
    return response.text


@api.get("/report")
async def fastapi_request_object(req: Request):
    name = req.query_params["name"]
    # expect: VC405
    return FileResponse(Path("/srv/reports") / name)


def django_view(request):
    document = request.GET.get("doc")
    # expect: VC405
    return DjangoFileResponse(open(document, "rb"))


@app.delete("/cleanup")
def cleanup():
    folder = request.form["folder"]
    # expect: VC405
    shutil.rmtree(os.path.join("/srv/tmp", folder))


@app.get("/avatar")
def avatar():
    link = request.args.get("src", "")
    # expect: VC405
    return urllib.request.urlopen(link).read()


@app.post("/publish")
def copy_to_client_path():
    destination = os.path.join("/srv/public", request.form["target"])
    # expect: VC405
    shutil.copy("/srv/build/site.zip", destination)


@app.get("/dir")
def from_directory():
    # expect: VC405
    return send_from_directory(request.args["dir"], "index.html")


@app.get("/safe-download")
def safe_download():
    # ok: VC405
    return send_from_directory("/srv/exports", request.args["file"])


@app.get("/secure")
def secured_name():
    name = secure_filename(request.args["name"])
    # ok: VC405
    return send_file(os.path.join("/srv/exports", name))


@app.get("/basename")
def basename_only():
    name = os.path.basename(request.args["name"])
    path = UPLOADS / name
    # ok: VC405
    return path.read_bytes()


@app.get("/allow-listed")
def allow_listed():
    report = request.args["report"]
    if report not in {"daily.csv", "weekly.csv"}:
        abort(404)
    # ok: VC405
    return send_file(os.path.join("/srv/reports", report))


@app.post("/checked-proxy")
def checked_proxy():
    url = request.json["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    return requests.get(url, timeout=5).text


@app.get("/contained")
def contained():
    path = (UPLOADS / request.args["name"]).resolve()
    if not path.is_relative_to(UPLOADS):
        abort(403)
    # ok: VC405
    return path.read_text()


@app.get("/query-param")
def query_param_not_url():
    term = request.args["q"]
    # ok: VC405
    return requests.get("https://api.example.com/search", params={"q": term}, timeout=5).json()


@app.get("/invoices/<int:invoice_id>")
def integer_route_capture(invoice_id):
    # ok: VC405
    return send_file(f"/srv/invoices/{invoice_id}.pdf")


@api.get("/exports/{export_id}")
async def integer_fastapi_parameter(export_id: int):
    # ok: VC405
    return FileResponse(f"/srv/exports/{export_id}.csv")


def constant_file():
    # ok: VC405
    with open("settings.json") as handle:
        return handle.read()


def not_a_view(name):
    # ok: VC405
    return open(os.path.join("/srv/data", name)).read()


@app.get("/session")
def session_lookup():
    from flask import session
    key = request.args["key"]
    # ok: VC405
    return str(session.get(key))
