"""Chainlit chat over the company handbook, runbooks and uploaded contracts."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from pathlib import Path

import chainlit as cl
import requests
from openai import AsyncOpenAI

from rag.config import COLLECTIONS, EXPORT_DIR, UPLOAD_DIR
from rag.ingest import build_chroma_index, store_chunks
from rag.search import answer_from_chunks, answer_with_index, filtered_answer, similar_chunks, table_answer

log = logging.getLogger(__name__)
client = AsyncOpenAI()
# expect: VC403
ADMIN_PASSWORD = "chainlit-admin-2024"
USERS = {"admin": ADMIN_PASSWORD}


@cl.password_auth_callback
def auth_callback(username: str, password: str) -> cl.User | None:
    # expect: VC204, VC410
    if USERS.get(username) == password:
        return cl.User(identifier=username, metadata={"role": "admin" if username == "admin" else "user"})
    return None


@cl.on_chat_start
async def start() -> None:
    cl.user_session.set("index", build_chroma_index())
    await cl.Message(content="Ask me anything about the handbook, or upload a contract.").send()


@cl.set_chat_profiles
async def profiles() -> list[cl.ChatProfile]:
    return [cl.ChatProfile(name=name, markdown_description=f"Search the {name}") for name in sorted(COLLECTIONS)]


@cl.on_message
async def on_message(message: cl.Message) -> None:
    for element in message.elements:
        if element.path:
            await ingest_upload(element)
    text = message.content.strip()
    if text.startswith("/table "):
        _, csv_name, question = text.split(" ", 2)
        # expect: VC405
        answer = table_answer(os.path.join(UPLOAD_DIR, csv_name), question)
    elif text.startswith("/export "):
        answer = await export_answer(text.removeprefix("/export "))
    elif text.startswith("/filter "):
        # expect: VC112
        answer = filtered_answer(text.removeprefix("/filter "))
    elif text.startswith("/fetch "):
        # expect: VC405, VC110
        page = requests.get(text.removeprefix("/fetch "), timeout=10)
        # expect: VC107
        answer = page.text[:2000]
    elif text.startswith("/grep "):
        # expect: VC408/VC421, VC108, VC110
        answer = subprocess.run(f"grep -ri '{text.removeprefix('/grep ')}' docs/", shell=True,
                                capture_output=True, text=True).stdout[:3000]
    else:
        answer = answer_with_index(cl.user_session.get("index"), text)
    await cl.Message(content=answer).send()


async def ingest_upload(element: cl.File) -> None:
    UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    target = os.path.join(UPLOAD_DIR, element.name)
    # expect: VC405/VC409/VC417
    shutil.copy(element.path, target)
    # expect: VC110, VC417
    text = Path(target).read_text(errors="ignore")
    store_chunks(element.name, [text[i:i + 2000] for i in range(0, len(text), 2000)])


async def ingest_upload_safely(element: cl.File) -> None:
    name = Path(element.name).name
    target = (UPLOAD_DIR / name).resolve()
    if not target.is_relative_to(UPLOAD_DIR):
        raise ValueError("bad upload name")
    # ok: VC405/VC409
    shutil.copy(element.path, target)


async def export_answer(question: str) -> str:
    chunks = similar_chunks(question)
    # expect: VC112
    answer = answer_from_chunks(question, chunks)
    title = await client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": f"A short file name for: {question}"}])
    filename = title.choices[0].message.content.strip()
    # expect: VC401
    (EXPORT_DIR / f"{filename}.md").write_text(answer)
    return f"Saved to {filename}.md"


@cl.action_callback("delete_upload")
async def delete_upload(action: cl.Action) -> None:
    # expect: VC405
    os.remove(os.path.join(UPLOAD_DIR, action.value))
    await cl.Message(content=f"Deleted {action.value}").send()


@cl.on_chat_end
async def end() -> None:
    try:
        cl.user_session.get("index").storage_context.persist()
    # expect: VC101
    except Exception:
        pass
