"""`vibecheck check --fix --unsafe-fixes` on real files: several fixes in one file compose, each import is added once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from vibecheck.cli import cli

APP = '''\
"""A small service an agent wrote."""

import random
import string
from flask import Flask, request

app = Flask(__name__)
app.secret_key = "k9.Xq7.Zt2!vB-prod"
API_TOKEN = "Tk9fa3Jd82LmQp0z"


def reset_token():
    print("new token for", request.remote_addr)
    return "".join(random.choices(string.ascii_letters, k=32))


@app.post("/hook")
def hook():
    if request.headers["X-Token"] != API_TOKEN:
        return "no", 403
    breakpoint()
    return "ok"


if __name__ == "__main__":
    app.run(debug=True)
'''

FIXED = '''\
"""A small service an agent wrote."""

import hmac
import logging
import os
import random
import secrets
import string
from flask import Flask, request

logger = logging.getLogger(__name__)

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]
API_TOKEN = os.environ["API_TOKEN"]


def reset_token():
    logger.info("new token for %s", request.remote_addr)
    return "".join([secrets.choice(string.ascii_letters) for _ in range(32)])


@app.post("/hook")
def hook():
    if not hmac.compare_digest(request.headers["X-Token"], API_TOKEN):
        return "no", 403
    return "ok"


if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
'''

CODES = "VC203,VC204,VC206,VC211,VC403,VC505"


def run(*args: str):
    return CliRunner().invoke(cli, ["--no-bandit", "--select", CODES, *args], catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    return tmp_path


def test_fixes_compose_and_add_each_import_once(project: Path) -> None:
    result = run("--fix", "--unsafe-fixes", "app.py")
    text = (project / "app.py").read_text(encoding="utf-8")
    assert text == FIXED, result.output
    ast.parse(text)
    assert result.exit_code == 0, result.output  # everything these rules reported was fixed


def test_a_second_run_changes_nothing(project: Path) -> None:
    run("--fix", "--unsafe-fixes", "app.py")
    once = (project / "app.py").read_text(encoding="utf-8")
    run("--fix", "--unsafe-fixes", "app.py")
    assert (project / "app.py").read_text(encoding="utf-8") == once


def test_safe_fixes_alone_leave_the_unsafe_ones(project: Path) -> None:
    result = run("--fix", "app.py")
    text = (project / "app.py").read_text(encoding="utf-8")
    assert "secrets.choice(string.ascii_letters)" in text  # VC206's fix is safe
    assert 'app.secret_key = "k9.Xq7.Zt2!vB-prod"' in text and "breakpoint()" in text
    assert "import os" not in text and "import hmac" not in text and "import logging" not in text
    assert result.exit_code == 1  # the unsafe-fixable findings are still reported
