"""HTML pages."""

from __future__ import annotations

import bleach
import markdown
from emmett import abort, redirect, request, response, session, url
from emmett.tools import requires

from . import ai, app, auth, db
from .models import Note, Notebook, Share

ALLOWED_TAGS = ["p", "em", "strong", "ul", "ol", "li", "code", "pre", "a", "h1", "h2", "h3"]


@app.route("/")
@requires(auth.is_logged, url("auth.login"))
async def index():
    notebooks = Notebook.where(lambda n: n.user == session.auth.user.id).select()
    return {"notebooks": notebooks}


@app.route("/notes/<int:nid>")
@requires(auth.is_logged, url("auth.login"))
async def show(nid):
    # expect: VC214
    note = Note.get(nid)
    if not note:
        abort(404)
    html = bleach.clean(markdown.markdown(note.body), tags=ALLOWED_TAGS)
    return {"note": note, "html": html}


@app.route("/notes/<int:nid>/edit", methods=["post"])
@requires(auth.is_logged, url("auth.login"))
async def edit(nid):
    # ok: VC214
    note = Note.where(lambda n: (n.id == nid) & (n.user == session.auth.user.id)).select().first()
    if not note:
        abort(404)
    params = await request.body_params
    note.update_record(title=params.title, body=params.body)
    redirect(url("show", nid))


@app.route("/notes/<int:nid>/delete")
@requires(auth.is_logged, url("auth.login"))
async def delete(nid):
    # expect: VC214
    db(db.Note.id == nid).delete()
    redirect(url("index"))


@app.route("/notes/<int:nid>/summarise", methods=["post"])
@requires(auth.is_logged, url("auth.login"))
async def summarise(nid):
    note = Note.where(lambda n: (n.id == nid) & (n.user == session.auth.user.id)).select().first()
    if not note:
        abort(404)
    summary = ai.summarise(note.body)
    tags = ai.suggest_tags(note.body)
    # expect: VC401/VC417
    db.executesql(f"UPDATE notes SET summary = '{summary}', tags = '{','.join(tags)}' WHERE id = {nid}")
    redirect(url("show", nid))


@app.route("/notes/<int:nid>/summary")
@requires(auth.is_logged, url("auth.login"))
async def summary_card(nid):
    note = Note.where(lambda n: (n.id == nid) & (n.user == session.auth.user.id)).select().first()
    if not note:
        abort(404)
    response.content_type = "text/html"
    summary = ai.summarise(note.body)
    # expect: VC401/VC417
    return f"<div class='card'><h3>{note.title}</h3><p>{summary}</p></div>"


@app.route("/search")
@requires(auth.is_logged, url("auth.login"))
async def search():
    q = request.query_params.q or ""
    rows = db.executesql(
        # ok: VC402, VC409
        "SELECT id, title FROM notes WHERE user = ? AND title LIKE ?",
        placeholders=[session.auth.user.id, f"%{q}%"],
        as_dict=True,
    )
    return {"rows": rows, "q": q}


@app.route("/ask")
@requires(auth.is_logged, url("auth.login"))
async def ask():
    question = request.query_params.question or ""
    where = ai.suggest_filter(question)
    # expect: VC401/VC417
    rows = db.executesql(f"SELECT id, title FROM notes WHERE user = {session.auth.user.id} AND ({where})", as_dict=True)
    return {"rows": rows}


@app.route("/shared/<str:token>")
async def shared(token):
    # ok: VC214/VC204
    share = Share.where(lambda s: s.token == token).select().first()
    if not share:
        abort(404)
    return {"note": share.note}


@app.route("/go")
async def go():
    # expect: VC409 -- re-marked: open redirects are VC409's (blind: VC405/VC415)
    redirect(request.query_params.next or url("index"))
