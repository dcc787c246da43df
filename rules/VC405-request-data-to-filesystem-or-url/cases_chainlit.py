"""VC405 corpus, Chainlit: a chat message, its files' names and an action button's value are what the visitor sent;
where the server stored an upload (`element.path`) is not."""
import os
import shutil
import uuid

import chainlit as cl
import requests

UPLOADS = "/srv/uploads"


@cl.on_message
async def on_message(message: cl.Message) -> None:
    text = message.content.strip()
    if text.startswith("/fetch "):
        # expect: VC405 -- a chat command's word checks nothing of the URL after it
        await cl.Message(content=requests.get(text.removeprefix("/fetch "), timeout=5).text).send()
    if text.startswith("https://docs.example.com/"):
        # ok: VC405 -- a prefix that pins the host
        await cl.Message(content=requests.get(text, timeout=5).text).send()
    for element in message.elements:
        # ok: VC405 -- where Chainlit stored the upload
        with open(element.path) as fh:
            fh.read()
        # expect: VC405 -- the file name the visitor's browser sent
        shutil.copy(element.path, os.path.join(UPLOADS, element.name))
        # ok: VC405 -- a name the server chose
        shutil.copy(element.path, os.path.join(UPLOADS, f"{uuid.uuid4().hex}.bin"))
    csv_files = [file for file in message.elements if "csv" in file.mime]
    # ok: VC405 -- still the server's path, through a comprehension and an index
    with open(csv_files[0].path) as fh:
        fh.read()


@cl.action_callback("delete_upload")
async def delete_upload(action: cl.Action) -> None:
    # expect: VC405
    os.remove(os.path.join(UPLOADS, action.value))


@cl.on_chat_start
async def start() -> None:
    # ok: VC405 -- no visitor input
    with open(os.path.join(UPLOADS, "welcome.md")) as fh:
        await cl.Message(content=fh.read()).send()


def read_upload(name: str) -> str:
    # ok: VC405 -- not a handler: the caller's value
    with open(os.path.join(UPLOADS, name)) as fh:
        return fh.read()
