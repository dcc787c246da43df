"""VC215 corpus, Emmett: `await request.body_params` is the client's body, every key of it."""
from emmett import App, request
from emmett.tools import service

from .models import Note

app = App(__name__)


@app.route("/notes", methods=["post"])
@service.json
async def create_note():
    params = await request.body_params
    # expect: VC215
    note = Note.create(**params)
    return {"id": note.id}


@app.route("/notes/<int:nid>", methods=["put"])
@service.json
async def update_note(nid):
    params = await request.body_params
    # ok: VC215 -- the fields are picked one by one
    Note.where(lambda n: n.id == nid).update(title=params.title, body=params.body)
    return {"ok": True}
