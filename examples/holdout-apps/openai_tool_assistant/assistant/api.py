"""HTTP API of the docs assistant."""

import hmac
import os
import uuid
from typing import Annotated

from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from .agent import run_agent, summarise_document
from .claude_agent import admin_chat
from .config import settings
from .db import get_conn, init_db
from .tools import TOOLS

app = FastAPI(title="Docs assistant")


class User(BaseModel):
    id: str
    is_admin: bool = False


API_KEYS = {os.environ.get("SUPPORT_KEY", ""): User(id="support"), os.environ.get("ADMIN_KEY", ""): User(id="admin", is_admin=True)}


def current_user(x_api_key: Annotated[str, Header()]) -> User:
    for key, user in API_KEYS.items():
        if key and hmac.compare_digest(key, x_api_key):
            return user
    raise HTTPException(status_code=401, detail="invalid API key")


CurrentUser = Annotated[User, Depends(current_user)]


class ChatIn(BaseModel):
    message: str
    conversation_id: int | None = None


class ToolCall(BaseModel):
    arguments: dict


@app.on_event("startup")
def startup() -> None:
    init_db()
    settings.upload_dir.mkdir(parents=True, exist_ok=True)


@app.post("/chat")
def chat(body: ChatIn, user: CurrentUser):
    try:
        answer = run_agent(body.message)
    except Exception as exc:
        # expect: VC414
        return JSONResponse({"error": str(exc)}, status_code=500)
    with get_conn() as conn:
        conn.execute(
            "INSERT INTO conversations (user_id, title, transcript) VALUES (?, ?, ?)",
            (user.id, body.message[:80], answer),
        )
    return {"answer": answer}


@app.get("/conversations/{conversation_id}")
def get_conversation(conversation_id: int, user: CurrentUser):
    with get_conn() as conn:
        # expect: VC214
        row = conn.execute("SELECT * FROM conversations WHERE id = ?", (conversation_id,)).fetchone()
    if row is None:
        raise HTTPException(404)
    return dict(row)


@app.get("/my/conversations/{conversation_id}")
def get_my_conversation(conversation_id: int, user: CurrentUser):
    with get_conn() as conn:
        # ok: VC214
        row = conn.execute(
            "SELECT * FROM conversations WHERE id = ? AND user_id = ?", (conversation_id, user.id)
        ).fetchone()
    if row is None:
        raise HTTPException(404)
    return dict(row)


@app.post("/documents")
async def upload_document(user: CurrentUser, question: str, file: UploadFile = File(...)):
    # expect: VC428
    data = await file.read()
    dest = os.path.join(settings.upload_dir, file.filename)
    # expect: VC405, VC110
    with open(dest, "wb") as fh:
        fh.write(data)
    return {"answer": summarise_document(data.decode("utf-8", errors="replace"), question)}


@app.post("/documents/v2")
async def upload_document_v2(user: CurrentUser, question: str, file: UploadFile = File(...)):
    # expect: VC428
    data = await file.read()
    # ok: VC405
    dest = settings.upload_dir / f"{uuid.uuid4().hex}.txt"
    dest.write_bytes(data)
    return {"answer": summarise_document(data.decode("utf-8", errors="replace"), question)}


# expect: VC201
@app.post("/debug/tools/{name}")
def debug_tool(name: str, call: ToolCall):
    """Call a tool directly, handy while writing prompts."""
    fn = TOOLS.get(name)
    if fn is None:
        raise HTTPException(404, "no such tool")
    return {"result": fn(**call.arguments)}


@app.post("/admin/chat")
def admin(body: ChatIn, user: CurrentUser):
    if not user.is_admin:
        raise HTTPException(403)
    return {"answer": admin_chat(body.message)}


# ok: VC201
@app.get("/health")
def health():
    return {"status": "ok"}
