"""JSON API used by the mobile client."""

from __future__ import annotations

import hashlib
import random
import string

import httpx
from emmett import abort, request, session
from emmett.tools import requires, service

from . import app, auth, db
from .models import Note, Share, User

api = app.module(__name__, "api", url_prefix="api")


def _logged():
    return auth.is_logged()


@api.route("/notes", methods=["post"])
@requires(_logged, otherwise=lambda: abort(401))
@service.json
async def create_note():
    params = await request.body_params
    # expect: VC215
    note = Note.create(**params)
    return {"id": note.id}


@api.route("/notes/<int:nid>/share", methods=["post"])
@requires(_logged, otherwise=lambda: abort(401))
@service.json
async def share_note(nid):
    note = Note.where(lambda n: (n.id == nid) & (n.user == session.auth.user.id)).select().first()
    if not note:
        abort(404)
    params = await request.body_params
    # expect: VC206
    token = "".join(random.choices(string.ascii_letters + string.digits, k=24))
    Share.create(note=note.id, email=params.email, token=token)
    return {"token": token}


@api.route("/users/<int:uid>", methods=["put"])
@requires(_logged, otherwise=lambda: abort(401))
@service.json
async def update_user(uid):
    params = await request.body_params
    # expect: VC214
    user = User.get(uid)
    # expect: VC217
    user.update_record(display_name=params.display_name, is_admin=params.get("is_admin", False))
    return {"ok": True}


# expect: VC201
@api.route("/admin/purge", methods=["post"])
@service.json
async def purge():
    db(db.Note.user == None).delete()  # noqa: E711
    return {"ok": True}


@api.route("/import", methods=["post"])
@requires(_logged, otherwise=lambda: abort(401))
@service.json
async def import_url():
    params = await request.body_params
    # expect: VC405, VC110
    resp = httpx.get(params.url)
    # expect: VC107
    Note.create(user=session.auth.user.id, title=params.url, body=resp.text)
    return {"ok": True}


@api.route("/legacy-login", methods=["post"])
@service.json
async def legacy_login():
    params = await request.body_params
    user = User.where(lambda u: u.email == params.email).select().first()
    # expect: VC205, VC204
    if user and user.password == hashlib.sha1(params.password.encode()).hexdigest():
        auth.login(user)
        return {"ok": True}
    abort(401)
