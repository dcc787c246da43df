"""A small wiki: pages with a title and body, every edit kept with its author and a summary."""

import html
import os
import sqlite3
from datetime import datetime

from flask import Flask, abort, jsonify, request

app = Flask(__name__)
DATABASE = os.environ.get("WIKI_DB", "wiki.db")


def db():
    conn = sqlite3.connect(DATABASE)
    conn.row_factory = sqlite3.Row
    return conn


def setup():
    conn = db()
    conn.execute(
        "CREATE TABLE IF NOT EXISTS entries (id INTEGER PRIMARY KEY, title TEXT, content TEXT, "
        "last_modified_by TEXT, last_modified_at TEXT)"
    )
    conn.execute(
        "CREATE TABLE IF NOT EXISTS edits (id INTEGER PRIMARY KEY, entry_id INTEGER, content TEXT, "
        "modified_by TEXT, modified_at TEXT, summary TEXT)"
    )
    conn.commit()
    conn.close()


@app.get("/entries")
def list_entries():
    conn = db()
    rows = conn.execute("SELECT id, title FROM entries ORDER BY title").fetchall()
    conn.close()
    items = "".join(f'<li><a href="/entries/{r["id"]}">{html.escape(r["title"])}</a></li>' for r in rows)
    return f"<html><body><h1>Wiki</h1><ul>{items}</ul></body></html>"


# expect: VC201
@app.post("/entries")
def create_entry():
    body = request.get_json(force=True)
    now = datetime.utcnow().isoformat()
    conn = db()
    cur = conn.execute(
        "INSERT INTO entries (title, content, last_modified_by, last_modified_at) VALUES (?, ?, ?, ?)",
        (body["title"], body["content"], body["createdBy"], now),
    )
    conn.execute(
        "INSERT INTO edits (entry_id, content, modified_by, modified_at, summary) VALUES (?, ?, ?, ?, ?)",
        (cur.lastrowid, body["content"], body["createdBy"], now, "created"),
    )
    conn.commit()
    conn.close()
    return jsonify(id=cur.lastrowid, title=body["title"]), 201


@app.get("/entries/<int:entry_id>")
def show_entry(entry_id):
    conn = db()
    entry = conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
    if entry is None:
        conn.close()
        abort(404)
    editors = conn.execute("SELECT DISTINCT modified_by FROM edits WHERE entry_id = ?", (entry_id,)).fetchall()
    conn.close()
    contributors = ", ".join(e["modified_by"] for e in editors)
    # expect: VC411/VC427
    return f"""<html><body><h1>{entry["title"]}</h1><div>{entry["content"]}</div>
<p>Last edited by {entry["last_modified_by"]} at {entry["last_modified_at"]}</p>
<p>Contributors: {contributors}</p></body></html>"""


@app.put("/entries/<int:entry_id>")
def update_entry(entry_id):
    body = request.get_json(force=True)
    now = datetime.utcnow().isoformat()
    conn = db()
    conn.execute(
        "UPDATE entries SET content = ?, last_modified_by = ?, last_modified_at = ? WHERE id = ?",
        (body["content"], body["modifiedBy"], now, entry_id),
    )
    conn.execute(
        "INSERT INTO edits (entry_id, content, modified_by, modified_at, summary) VALUES (?, ?, ?, ?, ?)",
        (entry_id, body["content"], body["modifiedBy"], now, body.get("summary", "")),
    )
    conn.commit()
    conn.close()
    return jsonify(id=entry_id)


@app.get("/entries/<int:entry_id>/edits")
def list_edits(entry_id):
    conn = db()
    rows = conn.execute("SELECT * FROM edits WHERE entry_id = ? ORDER BY modified_at", (entry_id,)).fetchall()
    conn.close()
    out = []
    for r in rows:
        # ok: VC411/VC427
        out.append(f"<li>{html.escape(r['modified_by'])}: {html.escape(r['summary'] or '')}</li>")
    return "<html><body><ul>" + "".join(out) + "</ul></body></html>"


@app.get("/search")
def search():
    q = request.args.get("q", "")
    conn = db()
    # expect: VC402/VC422
    rows = conn.execute(f"SELECT id, title FROM entries WHERE title LIKE '%{q}%' OR content LIKE '%{q}%'").fetchall()
    conn.close()
    # expect: VC411
    return f"<h2>Results for {q}</h2>" + "".join(f"<p>{html.escape(r['title'])}</p>" for r in rows)


if __name__ == "__main__":
    setup()
    app.run(host="0.0.0.0", port=5000)
