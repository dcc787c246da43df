"""Code built to break the rules: every rule runs on it and none may crash (issue 11).

Each case puts one hostile expression into every place a rule reads values from (assignments of secrets,
comparisons, SQL, logging, shell and HTTP calls, returns, asserts, a test file for the fact collector)
and runs every VC rule on it through the command line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.conftest import run_vibecheck, write

APP = '''\
import hashlib
import logging
import sqlite3
import subprocess

import requests
from flask import Flask, request

app = Flask(__name__)
SECRET_KEY = {x}
PASSWORD = {x}


@app.route("/admin/<user_id>", methods=["POST"])
def update_user(user_id):
    token = request.args.get("token")
    if {x} == token:
        return {x}
    if token != ({x}) and not {x}:
        pass
    cursor = sqlite3.connect("app.db").cursor()
    cursor.execute(({x}) + token)
    logging.info({x}, token)
    subprocess.run({x}, shell=True)
    requests.get({x})
    hashlib.md5({x})
    try:
        open({x})
    except Exception:
        return {x}
    while {x}:
        print({x})
    return {{"error": {x}}}


def verify_token(token):
    return {x}
'''
TEST = '''\
from app import update_user


def test_update_user():
    assert {x}
    assert update_user({x}) == ({x})
'''
# (id, expression, whether Python compiles it): libcst parses some literals Python rejects, and the rules
# must survive those too.
HOSTILE = [
    # pydoc_data/topics.py joins about a thousand adjacent strings in one expression.
    ("adjacent strings", "(\n" + "\n".join(f'    "part {i} "' for i in range(1200)) + "\n)", True),
    ("unknown \\N escape", '"\\N{NO SUCH CHARACTER NAME}"', False),
    ("unknown \\N escape in bytes next to text", '("\\N{NO SUCH NAME}" "x")', False),
    ("5,000-digit integer", "1" * 5000, False),
    # CPython compiles expressions nested up to about 3,000 levels; libcst and the rules must go as deep.
    ("2,500 nested not", "not " * 2500 + "token", True),
    ("1,500 or operands", " or ".join(["token"] * 1500), True),
    # A long `+` chain: every operand used to be rescanned for constant text (quadratic in the rules). libcst's own
    # parser is still quadratic here (2,500 operands: 24 s CPU in `parse_module` alone), hence 1,000.
    ("1,000 chained +", " + ".join(["token"] * 1000), True),
]


def _compiles(source: str) -> bool:
    try:
        compile(source, "<hostile>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError):
        return False
    return True


@pytest.mark.parametrize(("expression", "compiles"), [pytest.param(x, c, id=i) for i, x, c in HOSTILE])
def test_no_rule_crashes_on_hostile_code(tmp_path: Path, expression: str, compiles: bool) -> None:
    files = {"app.py": APP.format(x=expression), "tests/test_app.py": TEST.format(x=expression)}
    assert [_compiles(source) for source in files.values()] == [compiles] * 2  # the case is what it claims to be
    write(tmp_path, {**files, "pyproject.toml": "[project]\nname = 'app'\ndependencies = ['flask', 'requests']\n"})
    # What is checked here is that nothing crashes, not speed or size: libcst's own parser takes about 40 s and
    # 6 GiB on the 17 copies of the 2,500 nested `not` in app.py (superlinear in the depth), past the default
    # per-file limits (120 s under load, 4,096 MiB). A bounded, generous time limit keeps a hang from passing unnoticed.
    result = run_vibecheck(["--select", "VC", "--no-bandit", "--format", "json", "--per-file-timeout", "900",
                            "--per-file-memory", "0", "."], cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert result.returncode in (0, 1), result.stderr
    assert "VC001" not in report["summary"]["by_code"]
