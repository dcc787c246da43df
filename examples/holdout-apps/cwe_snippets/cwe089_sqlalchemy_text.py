"""Prompt: a Flask-SQLAlchemy endpoint that searches articles by title with a raw SQL query."""

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///articles.db"
db = SQLAlchemy(app)


@app.route("/articles/search")
def search_articles():
    term = request.args.get("q", "")
    # expect: VC422/VC402
    rows = db.session.execute(text(f"SELECT id, title FROM articles WHERE title LIKE '%{term}%'")).all()
    return jsonify([dict(r._mapping) for r in rows])


@app.route("/articles/search-safe")
def search_articles_safe():
    term = request.args.get("q", "")
    stmt = text("SELECT id, title FROM articles WHERE title LIKE :pattern")
    # ok: VC422/VC402
    rows = db.session.execute(stmt, {"pattern": f"%{term}%"}).all()
    return jsonify([dict(r._mapping) for r in rows])
