"""VC219 corpus: an app whose one guard is written in the handler (a header's key compared, then 401)."""
import hmac
import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)
ADMIN_KEY = os.environ["ADMIN_KEY"]


@app.post("/profiles/purge")
def purge_profiles():
    if not hmac.compare_digest(request.headers.get("X-Admin-Key", ""), ADMIN_KEY):
        return "unauthorized", 401
    sqlite3.connect("profiles.db").execute("DELETE FROM profiles")
    return "", 204


# expect: VC219 -- the app checks a key on its writes, not on this export of everyone's profiles
@app.get("/profiles/export")
def export_profiles():
    return {"profiles": sqlite3.connect("profiles.db").execute("SELECT name, email FROM profiles").fetchall()}
