"""VC405 corpus, Socket.IO events and Dash callbacks: every parameter but the server's holds what the browser sent."""
import os

import requests
import socketio
from dash import Input, Output, State, callback
from flask_socketio import SocketIO, emit

flask_sio = SocketIO()
sio = socketio.AsyncServer(async_mode="asgi")
ATTACH_DIR = "/srv/attachments"


@flask_sio.on("attachment")
def on_attachment(data):
    # expect: VC405
    with open(os.path.join(ATTACH_DIR, data["filename"]), "wb") as f:
        f.write(data["content"])


@flask_sio.on("preview")
def on_preview(message):
    # expect: VC405
    emit("preview", requests.get(message["url"], timeout=5).text[:200])


@sio.event
async def fetch(sid, url):
    # expect: VC405
    return requests.get(url, timeout=5).status_code


@sio.on("history")
async def history(sid, data):
    # ok: VC405 -- the server's id of the connection names the file
    with open(os.path.join(ATTACH_DIR, f"{sid}.log")) as f:
        return f.read()


@callback(Output("status", "children"), Input("upload", "contents"), State("upload", "filename"))
def save_upload(contents, filename):
    # expect: VC405
    with open(os.path.join(ATTACH_DIR, filename), "wb") as f:
        f.write(contents.encode())


@callback(Output("status", "children"), Input("upload", "contents"), State("upload", "filename"))
def save_upload_safely(contents, filename):
    # ok: VC405 -- only the base name is kept
    with open(os.path.join(ATTACH_DIR, os.path.basename(filename)), "wb") as f:
        f.write(contents.encode())


def read_attachment(name):
    # ok: VC405 -- not a handler: the caller's value
    with open(os.path.join(ATTACH_DIR, name)) as f:
        return f.read()
