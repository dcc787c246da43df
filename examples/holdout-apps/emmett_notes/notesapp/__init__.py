"""Emmett app setup: config, database, auth and sessions."""

import os

from emmett import App
from emmett.orm import Database
from emmett.sessions import SessionManager
from emmett.tools.auth import Auth

from .models import Note, Notebook, Share, User

app = App(__name__)
app.config.url_default_namespace = "main"
# ok: VC403
app.config.db.uri = os.environ.get("DATABASE_URL", "sqlite://notes.db")
# expect: VC203
app.config.auth.hmac_key = "notes-hmac-7c1e9d"
app.config.auth.single_template = True
app.config.auth.registration_verification = False

db = Database(app)
auth = Auth(app, db, user_model=User)
db.define_models(Notebook, Note, Share)

app.pipeline = [
    # expect: VC203
    SessionManager.cookies("emmett-notes-session-secret", secure=False),
    db.pipe,
    auth.pipe,
]

auth_routes = auth.module(__name__)

from . import api, controllers  # noqa: E402,F401
