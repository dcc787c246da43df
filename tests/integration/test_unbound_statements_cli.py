"""VC402, VC417 and VC422 through the command line on statements that take no bound parameters (`PRAGMA`,
`CREATE DATABASE`): pasting the project's own settings into one is not reported, pasting client input still is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

APP = {
    "pyproject.toml": '[project]\nname = "vault"\nversion = "0"\n',
    "vault/__init__.py": "",
    "vault/store.py": """\
        import sqlite3


        def run_script(conn, script):
            for statement in script.split(";"):
                conn.execute(statement)


        def open_store(path, passphrase, options):
            conn = sqlite3.connect(path)
            conn.execute(f"PRAGMA key = '{passphrase}'")
            for option, setting in options.items():
                statement = "PRAGMA " + option
                statement += f" = {setting}"
                conn.execute(statement)
            return conn


        def create_tenant(conn, tenant):
            run_script(conn, f"CREATE DATABASE {tenant}")


        def find_owner(conn, owner):
            return conn.execute(f"SELECT * FROM items WHERE owner = '{owner}'").fetchall()
        """,
    "vault/views.py": """\
        from flask import Flask, request

        from vault.settings import PASSPHRASE, TENANT
        from vault.store import create_tenant, open_store

        app = Flask(__name__)


        @app.get("/configured")
        def configured():
            conn = open_store("vault.db", PASSPHRASE, {"journal_mode": "WAL"})
            create_tenant(conn, TENANT)
            return "ok"


        @app.get("/unlock")
        def unlock():
            conn = open_store("vault.db", "", {})
            conn.execute(f"PRAGMA key = '{request.args['passphrase']}'")
            create_tenant(conn, request.args["tenant"])
            return "ok"
        """,
    "vault/settings.py": 'PASSPHRASE = "from-the-environment"\nTENANT = "main"\n',
}


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(write(tmp_path, APP))
    return tmp_path


def test_statements_without_parameters_report_only_client_input(app: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--select", "VC402,VC417,VC422", "."],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    found = sorted((f["path"], f["start"]["line"], f["code"]) for f in json.loads(result.stdout)["findings"])
    assert found == [
        ("vault/store.py", 6, "VC417"),  # the tenant from the request, into `CREATE DATABASE`
        ("vault/store.py", 24, "VC402"),  # the ordinary query built from a value
        ("vault/views.py", 19, "VC422"),  # the passphrase from the request, into `PRAGMA key`
    ]
