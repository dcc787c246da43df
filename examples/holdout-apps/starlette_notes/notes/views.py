import html
import pickle

import redis.asyncio as redis
from sqlalchemy import select
from starlette.authentication import requires
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from .db import SessionLocal, count_titles, count_words
from .models import Note

cache = redis.Redis()


@requires("authenticated")
async def list_notes(request: Request) -> JSONResponse:
    async with SessionLocal() as session:
        rows = await session.scalars(select(Note).where(Note.owner_id == request.user.id))
        return JSONResponse([{"id": n.id, "title": n.title} for n in rows])


@requires("authenticated")
async def get_note(request: Request) -> JSONResponse:
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        # expect: VC214
        note = await session.get(Note, note_id)
        return JSONResponse({"id": note.id, "title": note.title, "body": note.body})


@requires("authenticated")
async def get_own_note(request: Request) -> JSONResponse:
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        # ok: VC214
        note = await session.scalar(select(Note).where(Note.id == note_id, Note.owner_id == request.user.id))
        if note is None:
            return JSONResponse({"error": "not found"}, status_code=404)
        return JSONResponse({"id": note.id, "title": note.title})


@requires("authenticated")
async def create_note(request: Request) -> JSONResponse:
    data = await request.json()
    async with SessionLocal() as session:
        # expect: VC215
        note = Note(**data)
        session.add(note)
        await session.commit()
        return JSONResponse({"id": note.id}, status_code=201)


@requires("authenticated")
async def word_stats(request: Request) -> JSONResponse:
    word = request.query_params.get("word", "")
    async with SessionLocal() as session:
        words = await count_words(session, request.user.id, word)
        titles = await count_titles(session, request.user.id, word)
    return JSONResponse({"body": words, "titles": titles})


async def delete_note(request: Request) -> JSONResponse:
    note_id = request.path_params["note_id"]
    async with SessionLocal() as session:
        note = await session.get(Note, note_id)
        await session.delete(note)
        await session.commit()
    return JSONResponse({"deleted": note_id})


async def greet(request: Request) -> HTMLResponse:
    name = request.query_params.get("name", "friend")
    # expect: VC411
    return HTMLResponse(f"<h1>Hello {name}</h1>")


async def greet_safely(request: Request) -> HTMLResponse:
    name = request.query_params.get("name", "friend")
    # ok: VC411
    return HTMLResponse(f"<h1>Hello {html.escape(name)}</h1>")


async def after_login(request: Request) -> RedirectResponse:
    # expect: VC405/VC409
    return RedirectResponse(request.query_params.get("next", "/"))


@requires("authenticated")
async def cached_preferences(request: Request) -> JSONResponse:
    raw = await cache.get(f"prefs:{request.user.id}")
    # expect: VC406
    prefs = pickle.loads(raw) if raw else {}
    return JSONResponse(prefs)
