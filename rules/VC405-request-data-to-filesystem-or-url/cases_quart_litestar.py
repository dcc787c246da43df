"""VC405 corpus, Quart and Litestar: their own file responses."""
import os

from litestar import get
from litestar.response import File
from quart import Quart, request, send_file, send_from_directory

app = Quart(__name__)
RECEIPTS = "/srv/shop/receipts"


@app.get("/receipts")
async def receipt():
    # expect: VC405
    return await send_file(os.path.join(RECEIPTS, request.args["file"]))


@app.get("/receipts/<path:name>")
async def receipt_safe(name):
    # ok: VC405 -- the name is joined safely under a fixed folder
    return await send_from_directory(RECEIPTS, name)


@app.get("/themes")
async def theme():
    # ok: VC405
    return await send_file(os.path.join("static", "theme.css"))


@get("/exports/{name:str}")
async def export(name: str) -> File:
    # expect: VC405
    return File(path=os.path.join("/srv/exports", name))


@get("/exports/latest")
async def latest_export() -> File:
    # ok: VC405
    return File(path="/srv/exports/latest.csv")


@app.get("/logs")
async def logs():
    # expect: VC405
    return await send_from_directory(request.args["dir"], "app.log")
