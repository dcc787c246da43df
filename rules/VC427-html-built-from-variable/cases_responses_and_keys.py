"""VC427 corpus: pages made into Flask responses by hand, and rows' keys pasted into links."""
import sqlite3

from flask import Flask, Response, make_response
from markupsafe import escape

app = Flask(__name__)


def rows(sql, params=()):
    return sqlite3.connect("app.db").execute(sql, params).fetchall()


@app.get("/recipes/<int:recipe_id>")
def show_recipe(recipe_id):
    comments = rows("SELECT comment FROM comments WHERE recipe_id = ?", (recipe_id,))
    body = "".join(f"<li>{c['comment']}</li>" for c in comments)
    # expect: VC427
    return make_response(f"<h1>Comments</h1><ul>{body}</ul>")


@app.get("/recipes/<int:recipe_id>/feed")
def recipe_feed(recipe_id):
    titles = rows("SELECT title FROM recipes WHERE id = ?", (recipe_id,))
    # expect: VC427
    return Response("<ul>" + "".join(f"<li>{t['title']}</li>" for t in titles) + "</ul>")


@app.get("/recipes")
def list_recipes():
    recent = rows("SELECT id, title FROM recipes ORDER BY id DESC LIMIT 10")
    items = "".join(f'<li><a href="/recipes/{r["id"]}">{escape(r["title"])}</a></li>' for r in recent)
    # ok: VC427 -- the key the database assigned, and escaped titles
    return f"<html><body><ul>{items}</ul></body></html>"


@app.get("/recipes/escaped")
def escaped_comments():
    comments = rows("SELECT comment FROM comments")
    body = "".join(f"<li>{escape(c['comment'])}</li>" for c in comments)
    # ok: VC427
    return make_response(f"<ul>{body}</ul>")


@app.get("/recipes/export")
def export_titles():
    titles = rows("SELECT title FROM recipes")
    # ok: VC427 -- sent as plain text
    return Response("<titles>" + ",".join(t["title"] for t in titles), mimetype="text/plain")


@app.get("/recipes/<int:recipe_id>/slug")
def recipe_slug(recipe_id):
    recipe = rows("SELECT slug FROM recipes WHERE id = ?", (recipe_id,))[0]
    # expect: VC427 -- a slug a user wrote is no key the database made
    return f"<a href='/r/{recipe['slug']}'>link</a>"
