"""VC214 corpus (FastHTML with fastlite): a table indexed by the client's id (`notes[nid]`) reads the row by its primary
key, whoever owns it, in a handler that the app's Beforeware lets only signed-in callers reach."""
from fasthtml.common import Beforeware, P, RedirectResponse, Titled, fast_app
from fastlite import database

from .tables import albums

db = database("data/app.db")
notes = db.t.notes
PAGE_TITLES = {"about": "About us", "terms": "Terms"}


def check_session(req, sess):
    uid = req.scope["uid"] = sess.get("uid")
    if not uid:
        return RedirectResponse("/login", status_code=303)


app, rt = fast_app(before=Beforeware(check_session, skip=["/login", r"/pages/.*"]))


@rt("/notes/{nid}")
def get(nid: int, uid):
    # expect: VC214
    note = notes[nid]
    return Titled(note.title, P(note.body))


@rt("/albums/{album_id}/rename")
def post(album_id: int, uid, title: str):  # noqa: F811
    # expect: VC214 -- a table imported from another module
    album = albums[int(album_id)]
    albums.update(id=album.id, title=title)
    return RedirectResponse(f"/albums/{album_id}", status_code=303)


@rt("/mine/{nid}")
def get(nid: int, uid):  # noqa: F811
    # ok: VC214 -- the row's owner compared with the caller
    note = notes[nid]
    if note.owner != uid:
        return RedirectResponse("/", status_code=303)
    return Titled(note.title, P(note.body))


@rt("/feed")
def get(uid, page: int = 0):  # noqa: F811
    # ok: VC214 -- a page number, not an object's id
    rows = notes(where="owner = ?", where_args=[uid], limit=20, offset=page * 20)
    return Titled("Feed", *[P(r.title) for r in rows])


@rt("/notes/{nid}/preview")
def get(nid: int, uid):  # noqa: F811
    labels = {1: "draft", 2: "final"}
    # ok: VC214 -- a dict the handler builds, no table
    return P(labels[nid])


@rt("/help/{slug}")
def get(slug: str, uid):  # noqa: F811
    # ok: VC214 -- a dict the module writes out, no table
    return Titled(PAGE_TITLES[slug])
