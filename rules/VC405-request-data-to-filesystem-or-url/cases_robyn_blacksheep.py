"""VC405 corpus, Robyn and BlackSheep: their handlers' `Request` (typed with the framework's own class) carries the
client's input."""
import os
from pathlib import Path

import requests
from blacksheep import Application, Request
from blacksheep import json as json_response
from robyn import Request as RobynRequest
from robyn import Robyn

app = Robyn(__file__)
shop = Application()
PASTES = Path("/srv/pastes")
FEEDS = {"news": "https://example.org/news.xml", "blog": "https://example.org/blog.xml"}


@app.get("/raw/:name")
def raw_file(request: RobynRequest):
    # expect: VC405
    with open(os.path.join(PASTES, request.path_params["name"]), encoding="utf-8") as fh:
        return fh.read()


@app.post("/import")
def import_paste(request: RobynRequest):
    data = request.json()
    # expect: VC405
    return requests.get(data["url"], timeout=10).text


@app.get("/feeds")
def feed(request: RobynRequest):
    # ok: VC405 -- the client picks a key of a fixed table of feeds
    url = FEEDS.get(request.query_params.get("feed", "news"), FEEDS["news"])
    return requests.get(url, timeout=10).text


@app.get("/pastes/:slug")
def paste(request: RobynRequest):
    target = (PASTES / request.path_params["slug"]).resolve()
    if not target.is_relative_to(PASTES):
        return "not found"
    # ok: VC405 -- the path was checked to stay under the folder
    return target.read_text()


@shop.router.get("/downloads")
def download(request: Request):
    # expect: VC405
    return Path("/srv/downloads", request.query.get("file", [""])[0]).read_bytes()


@shop.router.post("/avatars")
async def avatar(request: Request):
    body = await request.json()
    # expect: VC405
    image = requests.get(body["avatar_url"], timeout=5).content
    return json_response({"bytes": len(image)})


@shop.router.get("/health")
async def health(request: Request):
    # ok: VC405
    return json_response({"disk": os.path.getsize("/srv/downloads/index.json")})
