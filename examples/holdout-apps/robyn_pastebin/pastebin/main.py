"""Robyn routes for the pastebin."""

import json
import logging
import os

import requests
from robyn import Request, Response, Robyn

from pastebin import store
from pastebin.render import render_markdown, render_paste, render_paste_safe

app = Robyn(__file__)
log = logging.getLogger("pastebin")
ADMIN_KEY = os.environ.get("PASTEBIN_ADMIN_KEY", "")
MAX_TTL = 30 * 24 * 3600


# ok: VC201 -- a pastebin takes anonymous pastes by design
@app.post("/api/pastes")
def create_paste(request: Request):
    data = request.json()
    ttl = min(int(data.get("ttl", 86400)), MAX_TTL)
    created = store.save_paste(
        data.get("title", "untitled"), data["body"], data.get("language", "text"), ttl, bool(data.get("private"))
    )
    return Response(201, {"Content-Type": "application/json"}, json.dumps(created))


# ok: VC201 -- anonymous, as a paste is
@app.post("/api/pastes/import")
def import_paste(request: Request):
    """Create a paste from a URL (gists, raw files)."""
    data = request.json()
    # expect: VC405
    resp = requests.get(data["url"], timeout=10)
    # expect: VC107
    created = store.save_paste(data.get("title", data["url"]), resp.text, "text", 86400, False)
    return Response(201, {"Content-Type": "application/json"}, json.dumps(created))


@app.get("/p/:slug")
def show_paste(request: Request):
    paste = store.load_paste(request.path_params["slug"])
    if paste is None:
        return Response(404, {}, "not found")
    if paste["language"] == "markdown":
        return Response(200, {"Content-Type": "text/html"}, render_markdown(paste))
    if request.query_params.get("raw", None):
        return Response(200, {"Content-Type": "text/html"}, render_paste(paste))
    return Response(200, {"Content-Type": "text/html"}, render_paste_safe(paste))


@app.get("/raw/:name")
def raw_file(request: Request):
    name = request.path_params["name"]
    # expect: VC405
    with open(os.path.join(store.PASTE_DIR, name), encoding="utf-8") as fh:
        return Response(200, {"Content-Type": "text/plain"}, fh.read())


@app.delete("/api/pastes/:slug")
def remove_paste(request: Request):
    paste = store.load_paste(request.path_params["slug"])
    if paste is None:
        return Response(404, {}, "not found")
    token = request.headers.get("X-Owner-Token")
    # expect: VC204
    if token != paste["owner_token"]:
        return Response(403, {}, "forbidden")
    store.delete_paste(paste["slug"])
    return Response(204, {}, "")


@app.post("/admin/purge")
def purge(request: Request):
    key = request.headers.get("X-Admin-Key")
    # expect: VC216/VC204
    if ADMIN_KEY and key != ADMIN_KEY:
        return Response(403, {}, "forbidden")
    # expect: VC407
    log.info("purge requested with key %s", key)
    removed = store.purge_expired()
    return Response(200, {"Content-Type": "application/json"}, json.dumps({"removed": removed}))


# expect: VC219/VC201
@app.get("/admin/pastes")
def all_pastes(request: Request):
    with store.get_db() as conn:
        rows = conn.execute("SELECT slug, title, owner_token, private FROM pastes").fetchall()
    return Response(200, {"Content-Type": "application/json"}, json.dumps([dict(r) for r in rows]))


if __name__ == "__main__":
    app.start(host="0.0.0.0", port=8080)
