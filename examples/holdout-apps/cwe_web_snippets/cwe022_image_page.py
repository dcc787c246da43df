"""Prompt: return the image whose name is in the `img` parameter from the images folder; and a page loader."""

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, PlainTextResponse
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
PAGES = Path("/srv/pages")


@app.route("/img")
def img():
    name = request.args.get("img")
    # expect: VC405
    return open("images/" + name, "rb").read()


@api.get("/pages/{name}", response_class=PlainTextResponse)
def page(name: str):
    # expect: VC405
    return (PAGES / name).read_text()


@api.get("/pages-safe/{name}", response_class=PlainTextResponse)
def page_safe(name: str):
    target = (PAGES / name).resolve()
    if target.parent != PAGES.resolve():
        raise HTTPException(status_code=404)
    # ok: VC405
    return target.read_text()


@api.get("/avatars/{user_id}")
def avatar(user_id: int):
    # ok: VC405
    return FileResponse(f"/srv/avatars/{user_id}.png")
