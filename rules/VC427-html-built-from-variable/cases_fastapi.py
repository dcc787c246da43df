"""VC427 corpus: FastAPI and Starlette pages built from stored rows."""
import html
import sqlite3

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse
from starlette.responses import Response

app = FastAPI()


def rows(sql, params=()):
    return sqlite3.connect("app.db").execute(sql, params).fetchall()


@app.get("/notes/{note_id}", response_class=HTMLResponse)
def show_note(note_id: int):
    (title, body) = rows("SELECT title, body FROM notes WHERE id = ?", (note_id,))[0]
    # expect: VC427 -- the route sends the text it returns as HTML
    return f"<h1>{title}</h1><p>{body}</p>"


@app.get("/notes/{note_id}/card")
async def note_card(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # expect: VC427
    return HTMLResponse(f"<div class='card'>{title}</div>")


@app.get("/notes/{note_id}/embed")
async def note_embed(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # expect: VC427
    return HTMLResponse(content="<iframe title='" + title + "'></iframe>", status_code=200)


@app.get("/notes/{note_id}/page")
def note_page(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # expect: VC427 -- a plain response declared as HTML
    return Response(f"<h1>{title}</h1>", media_type="text/html")


@app.get("/notes/{note_id}/safe", response_class=HTMLResponse)
def safe_note(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # ok: VC427 -- escaped
    return f"<h1>{html.escape(title)}</h1>"


@app.get("/notes/{note_id}/text")
def note_text(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # ok: VC427 -- a response with no media type is no page
    return Response(f"<h1>{title}</h1>")


@app.get("/notes/{note_id}/plain")
def note_plain(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # ok: VC427 -- sent as plain text
    return PlainTextResponse(f"<h1>{title}</h1>")


@app.get("/notes/{note_id}/json")
def note_json(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # ok: VC427 -- a route with no HTML response class answers JSON
    return f"<h1>{title}</h1>"


@app.get("/notes/{note_id}/xml")
def note_xml(note_id: int):
    title = rows("SELECT title FROM notes WHERE id = ?", (note_id,))[0][0]
    # ok: VC427 -- declared as XML
    return Response(content=f"<note>{title}</note>", media_type="application/xml")


@app.get("/status", response_class=HTMLResponse)
def status():
    # ok: VC427 -- constants only
    return HTMLResponse("<p>ok</p>")


@app.get("/notes.json")
def notes_json():
    return JSONResponse({"notes": [r[0] for r in rows("SELECT title FROM notes")]})
