"""VC219 corpus: an app that signs nobody in, whose sign-up answers 403 for a profile that already exists."""
import sqlite3

from flask import Flask, request

app = Flask(__name__)


@app.post("/profiles")
def add_profile():
    name = request.form["name"]
    conn = sqlite3.connect("profiles.db")
    if conn.execute("SELECT 1 FROM profiles WHERE name = ?", (name,)).fetchone():
        return "Profile already exists, creation forbidden", 403
    conn.execute("INSERT INTO profiles (name, page) VALUES (?, ?)", (name, request.form["page"]))
    conn.commit()
    return "created", 201


# ok: VC219 -- public by design: nothing in the app is guarded, the 403 above refuses a duplicate
@app.get("/profiles/<name>")
def profile_page(name):
    return sqlite3.connect("profiles.db").execute("SELECT page FROM profiles WHERE name = ?", (name,)).fetchone()[0]
