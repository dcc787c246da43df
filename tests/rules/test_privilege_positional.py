"""VC217: a privilege field of the request handed by position to a helper (of the module, or of another module of the
project) that stores the parameter in that position; and CherryPy's `cherrypy.request.json`."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.rules.auth.privilege_from_client import PrivilegeFromClient
from vibecheck.testing import check_corpus, parse_annotations

DB = """
    import sqlite3

    def create_user(email, password_hash, role, token):
        with sqlite3.connect("app.db") as conn:
            conn.execute(
                "INSERT INTO users (email, password_hash, role, api_token) VALUES (?, ?, ?, ?)",
                (email, password_hash, role, token),
            )

    def users_with_role(role, limit):
        with sqlite3.connect("app.db") as conn:
            return conn.execute("SELECT id FROM users WHERE role = ? LIMIT ?", (role, limit)).fetchall()

    def audit(email, role):
        print(email, role == "admin")
"""
ROUTES = """
    from flask import Flask, request

    from app import db
    from app.db import audit, create_user

    api = Flask(__name__)

    @api.post("/signup")
    def signup():
        body = request.get_json()
        db.create_user(body["email"], "hashed", body.get("role", "viewer"), "token")
        return {"ok": True}

    @api.post("/signup-imported")
    def signup_imported():
        body = request.get_json()
        create_user(body["email"], "hashed", body["role"], "token")
        return {"ok": True}

    @api.post("/signup-fixed")
    def signup_fixed():
        body = request.get_json()
        create_user(body["email"], "hashed", "viewer", body["role"])
        return {"ok": True}

    @api.get("/users")
    def users():
        return {"ids": db.users_with_role(request.args["role"], 10)}

    @api.post("/audit")
    def audit_role():
        body = request.get_json()
        audit(body["email"], body["role"])
        return {"ok": True}
"""


@pytest.mark.parametrize("corpus_name", ["cases_positional.py", "cases_cherrypy.py"])
def test_positional_and_cherrypy_corpus_is_reported_exactly(corpus_name: str) -> None:
    corpus = RULES_DIR / "VC217-privilege-from-client" / corpus_name
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC217")
    assert len(expected) >= 2 and len(ok) >= 2
    result = check_corpus(PrivilegeFromClient, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_a_role_handed_by_position_to_another_modules_helper_is_reported_where_it_stores_it(tmp_path: Path) -> None:
    """Only the call whose argument lands in the helper's stored `role` parameter: not a helper that filters or
    compares by it, nor a server-chosen role with the client's field in another position."""
    for relative, text in {"app/__init__.py": "", "app/db.py": DB, "app/routes.py": ROUTES}.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=("VC217",), no_bandit=True, cache=False)
    findings = check_paths([str(tmp_path)], settings).findings
    assert sorted(f.line_text.strip() for f in findings) == [
        'create_user(body["email"], "hashed", body["role"], "token")',
        'db.create_user(body["email"], "hashed", body.get("role", "viewer"), "token")',
    ]
