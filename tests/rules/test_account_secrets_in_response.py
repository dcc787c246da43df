"""VC429 account-secrets-in-response beyond its corpus: models read from a module beside the view, the command line."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import selected_findings
from vibecheck.rules.security.account_secrets_in_response import AccountSecretsInResponse, is_account_secret
from vibecheck.testing import check_corpus, findings_for, parse_annotations

MODELS = """
from app import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255))
    {secret}

    def to_dict(self):
        return {{c.name: getattr(self, c.name) for c in self.__table__.columns}}
"""
VIEWS = """
from flask import Blueprint, jsonify

from .models import User

bp = Blueprint("users", __name__)


@bp.get("/users/<int:user_id>")
def show(user_id):
    user = User.query.get_or_404(user_id)
    return jsonify(user.to_dict())
"""


@pytest.mark.parametrize(("secret", "reported"), [
    ("password_hash = db.Column(db.String(255))", True),
    ("totp_secret = db.Column(db.String(32))", True),
    ("api_key = db.Column(db.String(64))", True),
    ("display_name = db.Column(db.String(64))", False),
    ("password_changed_at = db.Column(db.DateTime)", False),
])
def test_the_columns_are_read_from_the_models_module_beside_the_view(tmp_path: Path, secret: str,
                                                                      reported: bool) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("db = None\n", encoding="utf-8")
    (package / "models.py").write_text(textwrap.dedent(MODELS.format(secret=secret)), encoding="utf-8")
    (package / "views.py").write_text(textwrap.dedent(VIEWS), encoding="utf-8")
    findings = selected_findings(tmp_path, "VC429")
    assert [(f["path"], f["code"]) for f in findings] == ([("app/views.py", "VC429")] if reported else [])


def test_a_change_to_the_models_module_is_seen_by_the_next_cached_run(tmp_path: Path) -> None:
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("db = None\n", encoding="utf-8")
    models = package / "models.py"
    models.write_text(textwrap.dedent(MODELS.format(secret="name = db.Column(db.String(9))")), encoding="utf-8")
    (package / "views.py").write_text(textwrap.dedent(VIEWS), encoding="utf-8")
    command = [sys.executable, "-m", "vibecheck", "app/views.py", "--format", "json", "--no-bandit", "--select", "VC429"]
    first = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert json.loads(first.stdout)["findings"] == []
    models.write_text(textwrap.dedent(MODELS.format(secret="password_hash = db.Column(db.String(99))")),
                      encoding="utf-8")
    second = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert [f["code"] for f in json.loads(second.stdout)["findings"]] == ["VC429"]


def test_the_message_names_the_view_the_model_and_the_secret() -> None:
    source = textwrap.dedent('''
        from flask import Flask, jsonify
        from flask_sqlalchemy import SQLAlchemy

        app = Flask(__name__)
        db = SQLAlchemy(app)

        class Account(db.Model):
            id = db.Column(db.Integer, primary_key=True)
            hashed_password = db.Column(db.String(255))

        @app.get("/me/<int:account_id>")
        def me(account_id):
            return jsonify(vars(db.get_or_404(Account, account_id)))
    ''')
    [finding] = findings_for(AccountSecretsInResponse, source)
    assert "`me`" in finding.message and "`Account`" in finding.message and "`hashed_password`" in finding.message
    assert finding.cwe == (200, 359)


def test_a_mailed_token_answered_names_the_view_and_the_token_as_a_weak_recovery() -> None:
    source = textwrap.dedent('''
        import secrets

        from flask import Flask, request
        from flask_mail import Mail, Message

        app = Flask(__name__)
        mail = Mail(app)

        @app.post("/forgot")
        def forgot():
            reset_token = secrets.token_urlsafe(32)
            link = "https://example.com/reset/" + reset_token
            mail.send(Message("Reset", recipients=[request.form["email"]], body=link))
            return {"sent": True, "link": link}
    ''')
    [finding] = findings_for(AccountSecretsInResponse, source)
    assert "`forgot`" in finding.message and "`reset_token`" in finding.message
    assert finding.cwe == (640, 200)


def test_a_token_answered_but_not_mailed_is_quiet() -> None:
    source = textwrap.dedent('''
        import secrets

        from flask import Flask, request
        from flask_mail import Mail, Message

        app = Flask(__name__)
        mail = Mail(app)

        @app.post("/login")
        def login():
            token = secrets.token_urlsafe(32)
            mail.send(Message("New sign-in", recipients=[request.form["email"]], body="A new sign-in."))
            return {"token": token}
    ''')
    assert findings_for(AccountSecretsInResponse, source) == []


@pytest.mark.parametrize(("column", "secret"), [
    ("password", True), ("password_hash", True), ("hashed_password", True), ("pw_hash", True), ("hashed_pw", True),
    ("pin_hash", True), ("passhash", True), ("pwHash", True),
    ("api_key", True), ("reset_token", True), ("totp_secret", True), ("token_type", False),
    ("password_changed_at", False), ("email", False), ("max_tokens", False), ("pin", False), ("pass_count", False),
    ("content_hash", False), ("pin_code", False),
])
def test_which_columns_are_secrets(column: str, secret: bool) -> None:
    assert is_account_secret(column) is secret


SQL_VIEW = """
import sqlite3

from flask import Flask, jsonify

app = Flask(__name__)


@app.get("/people/<int:row_id>")
def show(row_id):
    conn = sqlite3.connect("app.db")
    {fetch}
    return jsonify({answer})
"""


@pytest.mark.parametrize(("fetch", "answer", "reported"), [
    ('row = conn.execute("SELECT * FROM users WHERE id = ?", (row_id,)).fetchone()', "dict(row)", "users"),
    ('row = conn.execute("select * from app_users where id = ?", (row_id,)).fetchone()', "dict(row)", "app_users"),
    ('cur = conn.cursor()\n    cur.execute("SELECT accounts.* FROM accounts")\n    rows = cur.fetchall()',
     "[dict(r) for r in rows]", "accounts"),
    ('row = conn.execute("SELECT * FROM user_roles WHERE id = ?", (row_id,)).fetchone()', "dict(row)", None),
    ('row = conn.execute("SELECT * FROM notes WHERE id = ?", (row_id,)).fetchone()', "dict(row)", None),
    ('row = conn.execute("SELECT id, username FROM users WHERE id = ?", (row_id,)).fetchone()', "dict(row)", None),
    ('row = conn.execute("SELECT * FROM users WHERE id = ?", (row_id,)).fetchone()', '{"name": row["username"]}', None),
    ('conn.execute("CREATE TABLE users (id INTEGER, username TEXT)")\n'
     '    row = conn.execute("SELECT * FROM users WHERE id = ?", (row_id,)).fetchone()', "dict(row)", None),
])
def test_select_star_of_an_accounts_table_without_its_schema_answers_its_password_hash(fetch: str, answer: str,
                                                                                      reported: str | None) -> None:
    """With no `CREATE TABLE` in the module (the schema lives in a migration), a table named for accounts is taken to
    hold a password hash; any other table, a column list and a schema of the module without one are not."""
    findings = findings_for(AccountSecretsInResponse, SQL_VIEW.format(fetch=fetch, answer=answer))
    assert [f.message.split(", so")[0] for f in findings] == (
        [f"`show` answers with the whole `{reported}` record, its password hash included"] if reported else [])


def test_starlette_corpus_is_reported_exactly() -> None:
    """Starlette endpoints take the request alone and answer `JSONResponse`s: a stored password hash picked by its
    key is reported; what the client sent and a flag about the hash are not."""
    [corpus] = RULES_DIR.glob("VC429-*/cases_starlette.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC429")
    assert len(expected) >= 2 and len(ok) >= 4
    result = check_corpus(AccountSecretsInResponse, corpus)
    assert not result.missed and not result.unexpected, result.describe()
