"""Notes API: search, cards, attachments, imports."""
import html
import logging
from pathlib import Path

import yaml
from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse

from notes import storage
from notes.previews import preview_link
from notes.render import render_note_card, render_safe_card

app = FastAPI(title="Notes")
logger = logging.getLogger("notes")
ATTACHMENTS = Path("data/attachments")


@app.get("/notes/search", response_class=HTMLResponse)
def search_notes(q: str = Query("")):
    rows = storage.search(q)
    items = "".join(f"<li>{html.escape(row['title'])}</li>" for row in rows)
    # sink: CWE-79
    return HTMLResponse(f"<h2>Results for {q}</h2><ul>{items}</ul>")


@app.get("/notes/search-safe", response_class=HTMLResponse)
def search_notes_safe(q: str = Query("")):
    rows = storage.search(html.escape(q))
    # safe: CWE-79
    return HTMLResponse(f"<h2>Results for {html.escape(q)}</h2><p>{len(rows)} notes</p>")


@app.get("/notes")
def list_notes(sort: str = "created_at"):
    return storage.list_notes(sort)


@app.get("/tags/{tag}")
def by_tag(tag: str, order: str = "created_at"):
    return storage.notes_by_tag(tag, order)


@app.get("/notes/{note_id}")
def get_note(note_id: int):
    note = storage.get_note(note_id)
    if note is None:
        raise HTTPException(status_code=404, detail="Note not found")
    return dict(note)


@app.post("/cards/preview", response_class=HTMLResponse)
async def card_preview(request: Request):
    payload = await request.json()
    return render_note_card(payload["title"], payload.get("body", ""))


@app.post("/cards/preview-safe", response_class=HTMLResponse)
async def card_preview_safe(request: Request):
    payload = await request.json()
    return render_safe_card(payload["title"], payload.get("body", ""))


@app.get("/links/preview")
def link_preview(url: str):
    return preview_link(url)


@app.get("/attachments")
def download_attachment(name: str):
    # sink: CWE-22
    return FileResponse(ATTACHMENTS / name)


@app.get("/attachments/safe")
def download_attachment_safe(name: str):
    # safe: CWE-22
    return FileResponse(ATTACHMENTS / Path(name).name)


@app.post("/attachments")
async def upload_attachment(file: UploadFile = File(...)):
    if not file.filename.lower().endswith((".png", ".jpg", ".pdf")):
        raise HTTPException(status_code=400, detail="Unsupported file type")
    destination = ATTACHMENTS / file.filename
    # sink: CWE-22
    destination.write_bytes(await file.read())
    return {"saved": file.filename}


@app.post("/import")
async def import_notes(request: Request):
    body = await request.body()
    try:
        # sink: CWE-502
        notes = yaml.load(body, Loader=yaml.Loader)
    except Exception as e:
        # sink: CWE-209
        raise HTTPException(status_code=500, detail=f"Import failed: {e}")
    return {"imported": len(notes)}


@app.post("/import-safe")
async def import_notes_safe(request: Request):
    body = await request.body()
    try:
        # safe: CWE-502
        notes = yaml.safe_load(body)
    except yaml.YAMLError:
        logger.exception("import failed")
        # safe: CWE-209
        raise HTTPException(status_code=400, detail="Invalid YAML")
    return {"imported": len(notes)}


@app.get("/go")
def go(next: str = "/"):
    # sink: CWE-20
    if "notes.example.com" in next:
        # sink: CWE-601
        return RedirectResponse(next)
    return RedirectResponse("/")


@app.get("/go-safe")
def go_safe(next: str = "/"):
    if not next.startswith("/") or next.startswith("//"):
        next = "/"
    # safe: CWE-601
    return RedirectResponse(next)
