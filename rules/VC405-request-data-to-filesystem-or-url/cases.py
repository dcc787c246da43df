"""VC405 corpus: client input reaching file paths and outgoing URLs, and the checked look-alikes."""
import base64
import configparser
import io
import ipaddress
import json
import os
import shutil
import socket
import tarfile
import tempfile
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import Annotated
from urllib.parse import urlparse

import aiohttp
import httpx
import requests
import streamlit as st
from aiohttp import web
from django.http import FileResponse as DjangoFileResponse
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from fastapi import Cookie, Depends, FastAPI, Query, Request, UploadFile
from fastapi.responses import FileResponse
from flask import Flask, abort, request, send_file, send_from_directory
from fastmcp import FastMCP
import flask
from rest_framework.decorators import api_view
from slack_bolt import App as SlackApp
from pydantic import BaseModel
from werkzeug.utils import secure_filename

app = Flask(__name__)
bolt = SlackApp()
tools = FastMCP("files")
WORKSPACE = Path("/srv/workspace").resolve()
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


@api.get("/path-name")
async def pathlib_name_only(name: str):
    # ok: VC405 -- `Path(name).name` keeps the last part only
    return FileResponse(UPLOADS / Path(name).name)


@api.post("/scan")
async def store_scan(name: str, body: bytes):
    # ok: VC405 -- a generated name keeps only the client's extension, which has no separator
    (UPLOADS / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}").write_bytes(body)


@api.post("/scan-renamed")
async def store_scan_renamed(name: str, body: bytes):
    # expect: VC405 -- a new suffix keeps the client's folders
    (UPLOADS / Path(name).with_suffix(".pdf")).write_bytes(body)


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


@app.get("/contained/flat")
def contained_in_the_folder_itself():
    path = (UPLOADS / request.args["name"]).resolve()
    if path.parent != UPLOADS.resolve():
        abort(403)
    # ok: VC405 -- the file lies right in the folder
    return path.read_text()


@app.get("/contained/name-only")
def parent_name_compared():
    path = UPLOADS / request.args["name"]
    if path.parent.name != "uploads":
        abort(403)
    # expect: VC405 -- only the last folder's name is compared: `../../srv/uploads/x` passes
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


# Sources: the framework spellings of client input.

@app.get("/attribute-form")
def flask_request_attribute_form():
    # expect: VC405
    return send_file(os.path.join("/srv/data", flask.request.args["name"]))


@api_view(["POST"])
def drf_view(request):
    # expect: VC405
    return open(os.path.join("/srv/data", request.data["name"])).read()


def drf_query_params(request):
    folder = request.query_params.get("folder")
    # expect: VC405
    return os.listdir(folder)


def lambda_handler(event, context):
    key = event["queryStringParameters"]["key"]
    # expect: VC405
    return open(f"/tmp/{key}").read()


@bolt.command("/fetch")
def slack_fetch(ack, body, respond):
    ack()
    # expect: VC405
    respond(requests.get(body["text"], timeout=5).text)


# Propagation: each step below keeps the client's value.

@app.get("/b64")
def through_base64():
    name = base64.b64decode(request.args["blob"]).decode("utf-8")
    # expect: VC405
    return open(name).read()


@app.post("/json-body")
def through_json_loads():
    options = json.loads(request.get_data())
    # expect: VC405
    return open(options["path"]).read()


@app.get("/dict-store")
def through_dict_store():
    settings = {}
    settings["target"] = request.args["target"]
    # expect: VC405
    return requests.get(settings["target"], timeout=5).text


@app.get("/list-append")
def through_list_append():
    urls = []
    urls.append(request.args["url"])
    for url in urls:
        # expect: VC405
        requests.get(url, timeout=5)
    return "done"


@app.post("/config")
def through_configparser():
    parser = configparser.ConfigParser()
    parser.read_string(request.get_data(as_text=True))
    # expect: VC405
    return open(parser["export"]["path"]).read()


class ExportJob:
    def __init__(self, folder, name):
        self.folder = folder
        self.name = name


@app.get("/helper-object")
def through_helper_object():
    job = ExportJob("/srv/exports", request.args["name"])
    # expect: VC405
    return open(os.path.join(job.folder, job.name)).read()


@app.get("/branch")
def through_a_branch():
    name = request.args.get("name")
    if not name:
        name = "default.txt"
    # expect: VC405
    return open("/srv/data/" + name).read()


@app.get("/loop")
def through_a_loop():
    path = "/srv/data/index.txt"
    for _ in range(2):
        # expect: VC405
        content = open(path).read()
        path = request.args["next"]
    return content


@app.get("/str-methods")
def through_str_methods():
    name = request.args["name"].strip().replace(" ", "_").lower()
    # expect: VC405
    return send_file("{}/{}".format("/srv/data", name))


@app.post("/documents/<int:doc_id>/keep-file")
def keep_stored_file(doc_id):
    document = load_document(doc_id)
    field = request.form["field"]
    stored = getattr(document, field)
    # ok: VC405 -- the client names which stored attribute is read; the file opened is the record's own
    return stored.open().read()


@app.post("/documents/form-file")
def form_attribute_path():
    form = request.form
    path = getattr(form, "path", "/srv/default")
    # expect: VC405 -- an attribute of the client's form is the client's text
    return open(path).read()


# Checks that do not protect.

@app.post("/upload-extension-only")
def extension_only_check():
    filename = request.form["filename"]
    if os.path.splitext(filename)[1].lower() not in {".png", ".jpg"}:
        abort(400)
    # expect: VC405
    return open(os.path.join("/srv/uploads", filename), "wb").write(b"")


@app.post("/upload-endswith")
def endswith_check():
    filename = request.form["filename"]
    if not filename.endswith(".pdf"):
        abort(400)
    # expect: VC405
    os.remove(os.path.join("/srv/uploads", filename))
    return "ok"


@app.get("/scheme-substring")
def substring_scheme_check():
    url = request.args["url"]
    if "http://" in url or "https://" in url:
        # expect: VC405
        return requests.get(url, timeout=5).text
    abort(400)


@app.get("/scheme-prefix")
def scheme_prefix_check():
    url = request.args["url"]
    if not url.startswith(("http://", "https://")):
        abort(400)
    # expect: VC405
    return requests.get(url, timeout=5).text


# Look-alikes that are safe.

@app.get("/branch-cleared")
def every_branch_replaces_the_value():
    if request.args.get("kind") == "weekly":
        name = "weekly.csv"
    else:
        name = "daily.csv"
    # ok: VC405
    return send_file(os.path.join("/srv/reports", name))


@app.get("/dict-constant")
def dict_of_constants():
    paths = {"daily": "/srv/daily.csv"}
    paths["weekly"] = "/srv/weekly.csv"
    # ok: VC405
    return send_file(paths.get(request.args.get("kind"), paths["daily"]))


@app.get("/b64-of-constant")
def base64_of_a_constant():
    name = base64.b64decode(b"cmVwb3J0LmNzdg==").decode()
    # ok: VC405
    return send_file(os.path.join("/srv/reports", name))


def lambda_like_without_context(event, options):
    # ok: VC405
    return open(event["path"]).read()


@app.get("/allow-listed-after-branch")
def allow_list_after_a_branch():
    name = request.args.get("name") or "daily.csv"
    if name not in {"daily.csv", "weekly.csv"}:
        abort(404)
    # ok: VC405
    return send_file(os.path.join("/srv/reports", name))


@app.get("/ssrf/host-variable")
def host_allow_listed_through_a_variable():
    url = request.args["url"]
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    return requests.get(url, timeout=5).text


@app.get("/ssrf/netloc")
def netloc_allow_listed():
    url = request.args["url"]
    parts = urlparse(url)
    if parts.netloc not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    return httpx.get(url, timeout=5).text


@app.get("/ssrf/private")
def private_address_refused():
    url = request.args["url"]
    host = urlparse(url).hostname
    address = ipaddress.ip_address(socket.gethostbyname(host))
    if address.is_private or address.is_loopback or address.is_link_local:
        abort(400)
    # expect: VC405 -- checked, but the redirect of a public URL is followed to any address
    return requests.get(url, timeout=5).text


@app.get("/ssrf/private-no-redirects")
def private_address_refused_no_redirects():
    url = request.args["url"]
    address = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if address.is_private or address.is_loopback or address.is_link_local or address.is_reserved:
        abort(400)
    # ok: VC405
    return requests.get(url, timeout=5, allow_redirects=False).text


@app.get("/ssrf/private-httpx")
def private_address_refused_httpx():
    url = request.args["url"]
    host = urlparse(url).hostname
    if not ipaddress.ip_address(socket.gethostbyname(host)).is_global:
        abort(400)
    # ok: VC405 -- httpx follows no redirect unless asked
    return httpx.get(url, timeout=5).text


@app.get("/ssrf/private-urlopen")
def private_address_refused_urlopen():
    url = request.args["url"]
    host = urlparse(url).hostname
    if ipaddress.ip_address(socket.gethostbyname(host)).is_private:
        abort(400)
    # expect: VC405
    return urllib.request.urlopen(url, timeout=5).read()


@app.get("/ssrf/scheme")
def only_the_scheme_checked():
    url = request.args["url"]
    parts = urlparse(url)
    if parts.scheme not in ("http", "https"):
        abort(400)
    # expect: VC405
    return requests.get(url, timeout=5).text


@app.get("/ssrf/denylist")
def localhost_denylist():
    url = request.args["url"]
    host = urlparse(url).hostname
    if host in ("localhost", "127.0.0.1"):
        abort(400)
    # expect: VC405
    return requests.get(url, timeout=5).text


@app.get("/ssrf/truthy")
def host_present():
    url = request.args["url"]
    if not urlparse(url).hostname:
        abort(400)
    # expect: VC405
    return requests.get(url, timeout=5).text


async def aiohttp_download(request):
    name = request.match_info["name"]
    # expect: VC405
    return web.FileResponse(os.path.join("/srv/files", name))


async def aiohttp_fetch(request):
    target = request.query.get("url", "")
    # expect: VC405
    return web.Response(text=requests.get(target, timeout=5).text)


async def aiohttp_safe(request):
    name = secure_filename(request.match_info["name"])
    # ok: VC405
    return web.FileResponse(os.path.join("/srv/files", name))


async def aiohttp_multipart_upload(request):
    reader = await request.multipart()
    part = await reader.next()
    # expect: VC405 -- the part's file name is the client's
    (UPLOADS / part.filename).write_bytes(await part.read())
    return web.json_response({"stored": part.filename})


async def aiohttp_multipart_upload_renamed(request):
    reader = await request.multipart()
    part = await reader.next()
    # ok: VC405
    (UPLOADS / f"{uuid.uuid4().hex}.bin").write_bytes(await part.read())
    return web.json_response({"stored": True})


class PreviewRequest(BaseModel):
    url: str
    timeout: float = 5.0


@api.post("/preview")
def payload_named_like_a_request(req: PreviewRequest):
    # expect: VC405
    return requests.get(req.url, timeout=req.timeout).text


@api.post("/preview-body")
def payload_named_request(request: PreviewRequest):
    # expect: VC405
    return requests.get(request.url, timeout=5).text


def is_public_host(host):
    return not ipaddress.ip_address(socket.gethostbyname(host)).is_private


@api.get("/fetch-public")
def host_checked_under_its_own_name(url: str):
    host = urlparse(url).hostname or ""
    if not is_public_host(host):
        abort(400)
    # ok: VC405
    return requests.get(url, timeout=5).text


@api.get("/fetch-logged")
def host_only_logged(url: str):
    host = urlparse(url).hostname or ""
    print(host)
    # expect: VC405
    return requests.get(url, timeout=5).text


@app.post("/export-folder")
def export_folder():
    # expect: VC405
    return shutil.make_archive("/tmp/export", "zip", os.path.join("/srv/uploads", request.form["folder"]))


@app.post("/export-named")
def export_named():
    # ok: VC405
    return shutil.make_archive("/tmp/export", "zip", root_dir="/srv/uploads", base_dir=secure_filename(request.form["f"]))


# An HTTP client whose base URL the client chooses: every later call goes to that host.
API_BASE = "https://api.example.com"


@app.get("/client/base-url")
def client_with_client_base_url():
    user_url = request.args["url"]
    # expect: VC405
    with httpx.Client(base_url=user_url, timeout=5) as client:
        return client.get("/health").text


@app.get("/client/async-base-url")
async def async_client_with_client_host():
    target = request.args["target"]
    # expect: VC405
    async with httpx.AsyncClient(base_url=f"https://{target}", timeout=5) as client:
        return (await client.get("/status")).text


@app.get("/client/aiohttp-base-url")
async def aiohttp_session_with_client_base():
    base = request.json["webhook"]
    # expect: VC405
    async with aiohttp.ClientSession(base) as session:
        async with session.post("/notify", json={}) as resp:
            return await resp.text()


@app.get("/client/fixed-base-url")
def client_with_fixed_base_url():
    path = request.args["path"]
    # ok: VC405
    client = httpx.Client(base_url=API_BASE, timeout=5)
    return client.get("/items", params={"path": path}).text


@app.get("/client/listed-base-url")
def client_with_listed_host():
    host = request.args["host"]
    if host not in ALLOWED_HOSTS:
        abort(400)
    # ok: VC405
    client = httpx.Client(base_url=f"https://{host}", timeout=5)
    return client.get("/").text


class PreviewView:
    """A class keeps its HTTP session in an attribute: its calls are an HTTP client's."""

    def __init__(self) -> None:
        self.session = requests.Session()

    def preview(self):
        # expect: VC405
        return self.session.get(request.args["url"], timeout=5).text

    def status(self):
        # ok: VC405
        return self.session.get(API_BASE, params={"q": request.args["q"]}, timeout=5).text


# Archives the client uploads: `tarfile` writes members named `../x` (and links) outside the destination unless a
# filter or a checked member list is given; `zipfile` drops `..` from names itself, but names used by hand do not.
DEST = "/srv/imports"
BUNDLED_ARCHIVE = "H4sIAAAAAAAAA+3BAQ0AAADCoPdPbQ8HFAAAAAAAAAAAAHwGAAD//wMAAAAAAA=="


@app.post("/import/tar")
def import_tar():
    upload = request.files["archive"]
    with tarfile.open(fileobj=upload.stream) as tar:
        # expect: VC405
        tar.extractall(DEST)
    return "ok"


@app.post("/import/tar-chained")
def import_tar_chained():
    # expect: VC405
    tarfile.open(fileobj=request.files["archive"], mode="r:gz").extractall(path=DEST)
    return "ok"


@app.post("/import/fully-trusted")
def import_tar_fully_trusted():
    archive = tarfile.open(fileobj=request.files["archive"])
    # expect: VC405 -- the filter that lets everything through
    archive.extractall(DEST, filter="fully_trusted")
    return "ok"


@app.post("/import/members")
def import_tar_member_by_member():
    tar = tarfile.open(fileobj=request.files["archive"].stream)
    for member in tar.getmembers():
        # expect: VC405
        tar.extract(member, DEST)
    return "ok"


@app.post("/import/saved")
def import_saved_upload():
    upload = request.files["archive"]
    tmp = os.path.join(tempfile.mkdtemp(), "upload.tar")
    upload.save(tmp)
    # expect: VC405
    shutil.unpack_archive(tmp, DEST)
    return "ok"


@app.post("/import/zip-by-hand")
def import_zip_by_hand():
    with zipfile.ZipFile(request.files["archive"]) as zf:
        for name in zf.namelist():
            # expect: VC405
            with open(os.path.join(DEST, name), "wb") as out:
                out.write(zf.read(name))
    return "ok"


@api.post("/import/bytes")
async def import_uploaded_bytes(file: UploadFile):
    data = await file.read()
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
        # expect: VC405
        archive.extractall(path=UPLOADS / "themes")
    return {"ok": True}


@app.post("/import/filtered")
def import_tar_filtered():
    with tarfile.open(fileobj=request.files["archive"].stream) as tar:
        # ok: VC405
        tar.extractall(DEST, filter="data")
    return "ok"


@app.post("/import/checked-members")
def import_tar_checked_members():
    with tarfile.open(fileobj=request.files["archive"].stream) as tar:
        members = [m for m in tar.getmembers() if m.isfile() and not m.name.startswith(("/", ".."))]
        # ok: VC405
        tar.extractall(DEST, members=members)
    return "ok"


@app.post("/import/checked-member")
def import_tar_checked_member():
    tar = tarfile.open(fileobj=request.files["archive"].stream)
    for member in tar.getmembers():
        if not os.path.realpath(os.path.join(DEST, member.name)).startswith(DEST + os.sep):
            abort(400)
        # ok: VC405
        tar.extract(member, DEST)
    return "ok"


@app.post("/import/zip")
def import_zip():
    with zipfile.ZipFile(request.files["archive"]) as zf:
        # ok: VC405 -- zipfile strips `..` and leading slashes from member names
        zf.extractall(DEST)
    return "ok"


@app.post("/import/zip-manifest")
def read_zip_manifest():
    with zipfile.ZipFile(request.files["archive"]) as bundle:
        # ok: VC405 -- a member of the archive, not a file on disk
        with bundle.open("manifest.json") as handle:
            return handle.read()


@app.post("/import/written")
def import_written_upload():
    tmp = Path(tempfile.mkdtemp()) / "upload.tar.gz"
    tmp.write_bytes(request.files["archive"].read())
    # expect: VC405
    shutil.unpack_archive(str(tmp), DEST)
    return "ok"


@app.post("/import/written-filtered")
def import_written_upload_filtered():
    tmp = Path(tempfile.mkdtemp()) / "upload.tar.gz"
    tmp.write_bytes(request.files["archive"].read())
    # ok: VC405
    shutil.unpack_archive(str(tmp), DEST, filter="data")
    return "ok"


@app.post("/import/written-own")
def import_own_bytes():
    tmp = Path(tempfile.mkdtemp()) / "bundle.tar.gz"
    tmp.write_bytes(base64.b64decode(BUNDLED_ARCHIVE))
    # ok: VC405 -- the bytes are the program's own
    shutil.unpack_archive(str(tmp), DEST)
    return "ok"


@app.post("/import/saved-filtered")
def import_saved_upload_filtered():
    upload = request.files["archive"]
    tmp = os.path.join(tempfile.mkdtemp(), "upload.tar")
    upload.save(tmp)
    # ok: VC405
    shutil.unpack_archive(tmp, DEST, filter="data")
    return "ok"


def restore_site_backup():
    with tarfile.open("/var/backups/site.tar") as tar:
        # ok: VC405 -- the server's own archive
        tar.extractall(DEST)


GITHUB_API = "https://api.github.com"
api_client = httpx.Client(base_url=GITHUB_API, timeout=5)
BARE_HOST = "https://cdn.example.com"


@app.get("/pinned/github")
def github_repo():
    path = request.args.get("path", "")
    # ok: VC405 -- the scheme and host are fixed before the client's path
    return requests.get(GITHUB_API + "/" + path, timeout=5).json()


@app.get("/pinned/github-fstring")
def github_repo_fstring():
    owner = request.args["owner"]
    # ok: VC405 -- an f-string with the host first
    return requests.get(f"{GITHUB_API}/repos/{owner}", timeout=5).json()


@app.get("/pinned/named")
def github_named():
    url = "https://api.github.com/users/%s" % request.args["user"]
    # ok: VC405 -- bound to a name first
    return requests.get(url, timeout=5).json()


@app.get("/pinned/settings")
def settings_base():
    # ok: VC405 -- the base comes from configuration, then a `/`
    return httpx.get(app.config["BILLING_URL"] + "/invoices/" + request.args["id"], timeout=5).json()


@app.get("/pinned/format")
def formatted_base():
    # ok: VC405 -- `str.format` with the host in the template
    return requests.get("https://api.example.com/items/{}".format(request.args["item"]), timeout=5).json()


@app.get("/unpinned/no-slash")
def no_slash():
    # expect: VC405 -- no `/` after the host: `@evil.com` or `.evil.com` moves the request elsewhere
    return requests.get(BARE_HOST + request.args["path"], timeout=5).content


@app.get("/pinned/relative-path")
def relative_path():
    # ok: VC405 -- a path for the client's own base URL: the client's text follows `/domain/`
    return api_client.post(f"/domain/check/{request.args['domain']}").json()


@app.get("/unpinned/protocol-relative")
def protocol_relative():
    # expect: VC405 -- `//` and the client's text: a host of the client's choosing
    return requests.get("//" + request.args["target"], timeout=5).json()


@app.get("/unpinned/bare-slash")
def bare_slash():
    # expect: VC405 -- a lone `/` before the client's text, which may start with another `/`
    return requests.get("/" + request.args["target"], timeout=5).json()


@app.get("/unpinned/host")
def client_host():
    region = request.args["region"]
    # expect: VC405 -- the client picks part of the host
    return requests.get(f"https://{region}.api.example.com/status", timeout=5).json()


@app.get("/unpinned/config-no-slash")
def config_no_slash():
    # expect: VC405 -- a configured base with the client's text right after its host
    return httpx.get(app.config["BILLING_URL"] + request.args["rest"], timeout=5).json()


@app.get("/unpinned/rebound")
def rebound():
    url = GITHUB_API + "/" + request.args["path"]
    url = request.args["next"]
    # expect: VC405 -- rebound to the client's URL
    return requests.get(url, timeout=5).json()


@app.get("/unpinned/urljoin")
def joined():
    from urllib.parse import urljoin

    # expect: VC405 -- `urljoin` lets an absolute or `//host` path replace the host
    return requests.get(urljoin(GITHUB_API, request.args["path"]), timeout=5).json()


@app.get("/pinned/extended")
def extended_pinned():
    url = f"{GITHUB_API}/search/repositories?q={request.args['q']}"
    url = url + "&page=" + request.args.get("page", "1")
    # ok: VC405 -- extended after the host was fixed
    return requests.get(url, timeout=5).json()


@app.get("/unpinned/extended")
def extended_unpinned():
    url = BARE_HOST + request.args["path"]
    url = url + "?v=1"
    # expect: VC405 -- the host was open before it was extended
    return requests.get(url, timeout=5).json()


@tools.tool()
def mcp_read_file(path: str) -> str:
    # expect: VC405
    return Path(path).read_text()


@tools.tool
def mcp_fetch(url: str) -> str:
    # expect: VC405
    return httpx.get(url, timeout=10).text


@tools.resource("notes://{name}")
def mcp_note(name: str) -> str:
    # expect: VC405
    with open(os.path.join("notes", name)) as fh:
        return fh.read()


@tools.tool()
def mcp_read_workspace(path: str) -> str:
    target = (WORKSPACE / path).resolve()
    if not target.is_relative_to(WORKSPACE):
        raise ValueError("outside the workspace")
    # ok: VC405
    return target.read_text()


@tools.tool()
def mcp_read_page(page: int) -> str:
    # ok: VC405
    return Path(f"pages/{page}.md").read_text()


@tools.tool()
async def mcp_download(url: str) -> bytes:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        raise ValueError("only http(s)")
    async with httpx.AsyncClient(follow_redirects=False) as client:
        # expect: VC405 -- httpx builds the request here and sends it below: any host, the cloud's metadata too
        response = await client.send(client.build_request("GET", url), stream=True)
        return await response.aread()


@tools.tool()
def mcp_prepared(url: str) -> str:
    with requests.Session() as session:
        # expect: VC405
        prepared = session.prepare_request(requests.Request("GET", url))
        return session.send(prepared, timeout=5).text


@tools.tool()
async def mcp_download_pinned(path: str) -> bytes:
    async with httpx.AsyncClient() as client:
        # ok: VC405 -- the host is fixed; the tool picks only the path
        response = await client.send(client.build_request("GET", "https://files.example.com/" + path))
        return await response.aread()


def _log_request(request: httpx.Request) -> None:
    print(request.url)


@tools.tool()
def mcp_fetch_logged(url: str) -> str:
    with httpx.Client(event_hooks={"request": [_log_request]}) as client:
        # expect: VC405 -- a hook that logs vets nothing
        return client.get(url).text


def mcp_registered_read(path: str) -> str:
    # expect: VC405 -- registered below by passing it, as under `@tools.tool()`
    return Path(path).read_text()


tools.add_tool(mcp_registered_read)


class ToolShelf:
    """A provider's registry: `add_tool` registers the function it is handed, not the class's `read_shelf` method."""

    def add_tool(self, read_shelf):
        return tools.add_tool(read_shelf)

    def read_shelf(self, path: str) -> str:
        # ok: VC405 -- a method: the bare name `read_shelf` registered above is `add_tool`'s argument
        return Path(path).read_text()


def unregistered_read(path: str) -> str:
    # ok: VC405 -- no server registers it: a helper whose callers decide
    return Path(path).read_text()


def streamlit_page():
    page = st.query_params.get("page", "home")
    # expect: VC405
    with open(f"pages/{page}.md") as fh:
        return fh.read()


def streamlit_known_page():
    page = st.query_params.get("page", "home")
    if page in {"home", "about"}:
        # ok: VC405
        with open(f"pages/{page}.md") as fh:
            return fh.read()
    return ""


def streamlit_upload_name():
    upload = st.file_uploader("Document")
    # expect: VC405
    with open(os.path.join("uploads", upload.name), "wb") as fh:
        fh.write(upload.getvalue())


def report_template(name: str = Query(...)):
    # expect: VC405 -- a FastAPI dependency: its `Query()` parameter is the client's, as a route's would be
    return open(os.path.join("templates", name)).read()


def theme_file(theme: Annotated[str, Cookie()] = "light"):
    # expect: VC405
    return Path("themes", theme).read_text()


def default_theme(theme: str = "light"):
    # ok: VC405 -- a plain helper's parameter, not filled from a request
    return Path("themes", theme).read_text()


@app.route("/files-checked")
def serve_checked_file():
    path = request.args["path"]
    allowed, reason = is_allowed_file(path, blocked_paths=BLOCKED_PATHS)
    if not allowed:
        abort(403, reason)
    # ok: VC405 -- the validator's verdict, unpacked with its reason, was checked
    return send_file(path)


@app.route("/files-parsed")
def serve_parsed_file():
    path = request.args["path"]
    name, size = parse_upload(path)
    if not name:
        abort(400)
    # expect: VC405 -- parsing is no check
    return send_file(path)


@app.post("/uploads")
async def keep_upload(request: Request):
    form = await request.form()
    upload = form["file"]
    # ok: VC405 -- the temporary file the server wrote the upload to
    os.unlink(upload.file.name)
    # expect: VC405 -- the file name the client chose
    os.unlink(upload.filename)


def validate_report_name(name: str) -> None:
    """Refuse anything but a UUID: the file name is the report's id."""
    uuid.UUID(name)


@app.route("/reports-validated")
def serve_validated_report():
    name = request.args["name"]
    validate_report_name(name)
    # ok: VC405 -- a validator called for its raise let the name through
    return send_file(os.path.join("/srv/reports", name))


@app.route("/reports-logged")
def serve_logged_report():
    name = request.args["name"]
    log_report_name(name)
    # expect: VC405 -- a call named for logging checks nothing
    return send_file(os.path.join("/srv/reports", name))


def log_report_name(name: str) -> None:
    print(name)


@api.post("/configs/connections/verify")
def verify_connection(form_data: dict, user=Depends(get_admin_user)):
    # ok: VC405 -- only administrators reach the handler: the URL of a service to connect to is their configuration
    return requests.get(form_data["url"], timeout=5).status_code


@api.post("/connections/verify")
def verify_connection_for_anyone(form_data: dict, user=Depends(get_verified_user)):
    # expect: VC405 -- any signed-in user picks the address the server fetches
    return requests.get(form_data["url"], timeout=5).status_code


@api.get("/admin/files")
def read_admin_file(name: str, user=Depends(get_admin_user)):
    # expect: VC405 -- a path is still a path: the exemption is for the URLs an administrator configures
    return FileResponse(f"/srv/files/{name}")


import bottle
import strawberry
from fastapi import WebSocket
from nicegui import ui
from pyramid.response import FileResponse as PyramidFileResponse
from pyramid.view import view_config


@view_config(route_name="attachment")
def attachment(request):
    # expect: VC405
    return PyramidFileResponse(os.path.join("/srv/files", request.params["file"]), request=request)


@view_config(route_name="attachment_by_id")
def attachment_by_id(request):
    # ok: VC405 -- a name the server chose
    return PyramidFileResponse(os.path.join("/srv/files", f"{int(request.matchdict['id'])}.pdf"), request=request)


@bottle.route("/static/<area>/<name>")
def static(area, name):
    # expect: VC405 -- the root is the client's; `static_file` keeps the name inside it
    return bottle.static_file(name, root=os.path.join("/srv/static", area))


@bottle.route("/assets/<name>")
def assets(name):
    # ok: VC405
    return bottle.static_file(name, root="/srv/assets")


@strawberry.type
class Mutation:
    @strawberry.mutation
    def set_avatar(self, info, url: str) -> str:
        # expect: VC405 -- a resolver's argument
        return requests.get(url, timeout=5).text


@ui.page("/logs/{name}")
def logs(name: str):
    # expect: VC405 -- a page's path parameter
    ui.code(open(os.path.join("/var/log/app", name)).read())


import grpc


class LedgerServicer:
    def Export(self, request, context):
        # expect: VC405 -- a gRPC request message's field
        with open(os.path.join("/srv/statements", request.filename), "rb") as fh:
            return fh.read()

    def Fixed(self, request, context):
        # ok: VC405
        with open("/srv/statements/latest.pdf", "rb") as fh:
            return fh.read()


async def export_socket(websocket: WebSocket):
    while True:
        message = await websocket.receive_json()
        if message.get("type") == "export":
            # expect: VC405 -- a test of the message's type leaves its file name unchecked
            await websocket.send_text(open(os.path.join("/srv/exports", message["filename"])).read())
        if message.get("name") in {"daily.csv", "weekly.csv"}:
            # ok: VC405 -- the field itself is checked against a fixed set
            await websocket.send_text(open(os.path.join("/srv/exports", message["name"])).read())


def preview_host_checked():
    url = request.args["url"]
    host = requests.utils.urlparse(url).hostname
    if host not in {"docs.example.com"}:
        abort(400)
    # ok: VC405 -- host allowlisted through a re-exported `urlparse`
    return requests.get(url, timeout=5).text


from nicegui import events


def handle_upload(e: events.UploadEventArguments) -> None:
    # expect: VC405 -- the name the user's browser sent
    (Path("/srv/uploads") / e.name).write_bytes(e.content.read())


def handle_upload_renamed(e: events.UploadEventArguments) -> None:
    # ok: VC405 -- a name the server chose
    (Path("/srv/uploads") / f"{uuid.uuid4().hex}.bin").write_bytes(e.content.read())


def challenge_audio(request, key):
    try:
        store = ChallengeStore.objects.get(hashkey=key)
    except ChallengeStore.DoesNotExist:
        return HttpResponse(status=410)
    path = os.path.join(tempfile.gettempdir(), f"{key}.wav")
    # ok: VC405 -- `key` found a stored record by the identifier the server made: it is that identifier
    with open(path, "rb") as audio:
        return HttpResponse(audio.read(), content_type=store.content_type)


def challenge_audio_lenient(request, key):
    try:
        store = ChallengeStore.objects.get(hashkey=key)
    except ChallengeStore.DoesNotExist:
        store = None
    # expect: VC405 -- a missing record does not stop the function: `key` is still the client's
    os.remove(os.path.join(tempfile.gettempdir(), f"{key}.wav"))
    return HttpResponse(status=204 if store else 410)


def attachment_by_name(request, name):
    attachment = get_object_or_404(Attachment, filename=name)
    # expect: VC405 -- a name the client gave when it uploaded: matching a stored one proves nothing
    return DjangoFileResponse(open(os.path.join(UPLOAD_ROOT, name), "rb"), filename=attachment.filename)


def attachment_by_token(request, token):
    attachment = get_object_or_404(Attachment, download_token=token)
    # ok: VC405 -- the token found the record: it is the server's
    return DjangoFileResponse(open(os.path.join(UPLOAD_ROOT, token), "rb"), filename=attachment.filename)


from starlette.requests import Request as StarletteRequest


async def starlette_upload_named_by_client(request: StarletteRequest):
    form = await request.form()
    upload = form.get("file")
    if upload is None or not getattr(upload, "filename", ""):
        return None
    # expect: VC405 -- the check asks whether the upload has a name, not what it says
    with open(os.path.join("/srv/uploads", upload.filename), "wb") as out:
        out.write(await upload.read())


async def starlette_upload_name_allowlisted(request: StarletteRequest):
    form = await request.form()
    upload = form.get("file")
    if upload is None or not getattr(upload, "filename", ""):
        return None
    name = os.path.basename(upload.filename)
    if name not in {"avatar.png", "avatar.jpg"}:
        return None
    # ok: VC405 -- the name is one of two the server knows
    with open(os.path.join("/srv/uploads", name), "wb") as out:
        out.write(await upload.read())


@app.get("/pastes/<slug>")
def paste_body(db, slug):
    row = db.execute("SELECT * FROM pastes WHERE slug = ?", (slug,)).fetchone()
    if row is None:
        abort(404)
    # ok: VC405 -- the slug matched a stored paste's, an identifier the server drew
    return (UPLOADS / f"{slug}.txt").read_text(encoding="utf-8")


@app.get("/files/<name>")
def file_by_name(db, name):
    row = db.execute("SELECT * FROM files WHERE filename = ?", (name,)).fetchone()
    if row is None:
        abort(404)
    # expect: VC405 -- a name the client gave when it uploaded: matching a stored one proves nothing
    return (UPLOADS / name).read_bytes()


@app.get("/shares/<token>")
def share_lenient(db, token):
    row = db.execute("SELECT * FROM shares WHERE token = ?", (token,)).fetchone()
    if row is None:
        app.logger.info("unknown share")
    # expect: VC405 -- a missing row does not stop the function
    return (UPLOADS / token).read_bytes()


@app.get("/exports/<key>")
def export_by_key_after(db, key, since):
    row = db.execute("SELECT * FROM exports WHERE key = ? AND created > ?", (key, since)).fetchone()
    if not row:
        abort(404)
    # expect: VC405 -- `created > ?` matches a range, so the lookup pins no value
    return (UPLOADS / key).read_bytes()


_fetch, _remove = requests.get, os.remove  # aliases unpacked pairwise: `_fetch(url)` is `requests.get(url)`
_OPENERS = {"read": open, "fetch": requests.get}


@app.route("/aliased-fetch")
def aliased_fetch():
    # expect: VC405 -- `_fetch` is `requests.get`
    page = _fetch(request.args["url"], timeout=5)
    # expect: VC405 -- `_remove` is `os.remove`
    _remove(request.args["path"])
    # ok: VC405 -- a fixed URL
    _fetch("https://status.example.com/health", timeout=5)
    return page.text


@app.route("/opener-table")
def opener_table():
    # expect: VC405 -- the literal key names `requests.get`
    return _OPENERS["fetch"](request.args["url"], timeout=5).text
