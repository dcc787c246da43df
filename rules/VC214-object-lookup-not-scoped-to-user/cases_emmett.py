"""VC214 corpus: Emmett handlers behind `@requires(condition, otherwise)`, whose second argument is where a refused
caller goes (`url("auth.login")`), not a requirement."""
from emmett import App, abort, request, session, url
from emmett.tools import requires
from emmett.tools.auth import Auth

from .models import Note, Notebook

app = App(__name__)
auth = Auth(app, None)


@app.route("/notes/<int:nid>")
@requires(auth.is_logged, url("auth.login"))
async def show(nid):
    # expect: VC214
    note = Note.get(nid)
    if not note:
        abort(404)
    return {"note": note}


@app.route("/notebooks/<int:nbid>", methods=["post"])
@requires(auth.is_logged, otherwise=url("auth.login"))
async def rename(nbid):
    params = await request.body_params
    # expect: VC214
    notebook = Notebook.get(nbid)
    notebook.update_record(title=params.title)
    return {"ok": True}


@app.route("/mine/<int:nid>")
@requires(auth.is_logged, url("auth.login"))
async def mine(nid):
    # ok: VC214 -- scoped to the signed-in user
    note = Note.where(lambda n: (n.id == nid) & (n.user == session.auth.user.id)).select().first()
    if not note:
        abort(404)
    return {"note": note}


@app.route("/moderate/<int:nid>")
@requires(auth.has_membership("moderators"), url("index"))
async def moderate(nid):
    # ok: VC214 -- moderators reach every note
    note = Note.get(nid)
    return {"note": note}
