"""VC428 through VC417: a size the client chooses, handed to a query helper of another module."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

QUERIES = """
    import sqlite3

    from .models import Post

    def recent_posts(limit):
        return Post.query.order_by(Post.id.desc()).limit(limit).all()

    def recent_rows(n):
        return sqlite3.connect("app.db").execute("SELECT * FROM posts LIMIT ?", (n,)).fetchall()

    def sample_rows(count):
        return [{"id": i} for i in range(count)]

    def recent_capped(limit):
        limit = min(limit, 100)
        return Post.query.limit(limit).all()

    def recent_checked(limit):
        if limit > 100:
            raise ValueError("at most 100")
        return Post.query.limit(limit).all()
"""
ROUTES = """
    from flask import Flask, jsonify, request

    from . import queries
    from .queries import recent_capped, recent_checked, recent_posts, sample_rows

    app = Flask(__name__)

    @app.get("/posts")
    def posts():
        limit = request.args.get("limit", 20, type=int)
        return jsonify([p.id for p in recent_posts(limit)])

    @app.get("/rows")
    def rows():
        return jsonify(queries.recent_rows(int(request.args["n"])))

    @app.get("/sample")
    def sample():
        return jsonify(sample_rows(int(request.args["count"])))

    @app.get("/capped-in-helper")
    def capped_in_helper():
        return jsonify([p.id for p in recent_capped(int(request.args["limit"]))])

    @app.get("/capped-in-view")
    def capped_in_view():
        limit = min(int(request.args["limit"]), 50)
        return jsonify([p.id for p in recent_posts(limit)])

    @app.get("/checked-in-helper")
    def checked_in_helper():
        return jsonify([p.id for p in recent_checked(int(request.args["limit"]))])

    @app.get("/fixed")
    def fixed():
        return jsonify([p.id for p in recent_posts(10)])
"""


def test_a_client_size_reaching_a_helpers_limit_is_reported_at_the_helper(tmp_path: Path) -> None:
    for relative, text in {"app/__init__.py": "", "app/queries.py": QUERIES, "app/routes.py": ROUTES}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=("VC428", "VC417"), no_bandit=True, cache=False)
    findings = check_paths([str(tmp_path)], settings).findings
    reported = sorted((Path(f.location.path).name, f.code, f.severity.value, f.line_text.strip()) for f in findings)
    assert reported == [
        ("queries.py", "VC417", "medium", "return Post.query.order_by(Post.id.desc()).limit(limit).all()"),
        ("queries.py", "VC417", "medium", 'return [{"id": i} for i in range(count)]'),
        ("queries.py", "VC417", "medium",
         'return sqlite3.connect("app.db").execute("SELECT * FROM posts LIMIT ?", (n,)).fetchall()'),
    ]
