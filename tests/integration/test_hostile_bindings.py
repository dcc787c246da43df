"""Bindings built to send name-following code round in circles: every rule runs on them, none may crash or hang.

Rules follow a name to the value it was last bound to (`url` to `f"http://{host}"`), the join follows calls
through the flow summaries, and the untested-code rules follow imports and base classes. Here every name that
reaches a sink is bound to itself in each spelling (`url = f"{url}{url}..."`, `cmd = cmd + cmd + ...`, a swap
through a second name), functions call themselves and each other across modules, modules import each other
in a cycle, classes inherit in a cycle and decorators name themselves. A binding followed once per use of the
name multiplies the work at every step (VC418 took 23 s on eight `{url}` parts, and far longer on twelve),
so the per-file timeout turns such a blow-up into an engine error.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.integration.conftest import run_vibecheck, write

NAMES = ("url", "cmd", "sql", "path", "html", "data", "token", "secret", "password", "query", "key", "host", "out")
PARTS = 12  # occurrences of the name in each binding
SPELLINGS = (  # the last binding is the one a sink's name resolves to: the text-building spellings come last
    "[" + ", ".join(["{v}"] * PARTS) + "][0]",
    "{{" + ", ".join(f"'k{i}': {{v}}" for i in range(PARTS)) + "}}",
    "{v}.format(" + ", ".join(["{v}"] * PARTS) + ")",
    "{v} % (" + ", ".join(["{v}"] * PARTS) + ")",
    "{v} if {v} else {v}",
    "{v}(" + ", ".join(["{v}"] * PARTS) + ")",
    "{v}[{v}].{v}",
    " or ".join(["{v}"] * PARTS),
    "str({v}) + {v}.strip() + {v}.lower()",
    " + ".join(["{v}"] * PARTS),
    'f"' + "{{{v}}}" * PARTS + '"',
)
SINKS = """\
requests.get(url, auth=(secret, password), verify=token, timeout=key)
requests.post("http://" + url, headers={"Authorization": token}, data=data, timeout=5)
os.system(cmd)
subprocess.run(cmd, shell=True)
sqlite3.connect("app.db").cursor().execute(sql)
db.session.execute(text(query))
User.objects.filter(name=query).extra(where=[sql])
open(path)
send_file(path)
pickle.loads(data)
yaml.load(data)
make_response(html)
render_template_string(html)
Markup(html)
eval(out)
redirect(url)
mongo.db.users.find(data)
jwt.decode(token, key, algorithms=[key])
logging.info(secret)
hashlib.md5(password)
etree.fromstring(data)
re.compile(html)
session["role"] = data
setattr(user, key, data)
if token == secret:
    return data
if request.headers.get("X-Forwarded-For") in host:
    return host
return helper(url, cmd, sql, path, html, data, token, secret, password, query, key, host, out, user)
"""
HEADER = """\
import hashlib
import logging
import os
import pickle
import re
import sqlite3
import subprocess

import jwt
import requests
import yaml
from flask import Flask, Markup, make_response, redirect, render_template_string, request, send_file, session
from lxml import etree
from sqlalchemy import text

from app.helpers import helper, relay

app = Flask(__name__)
SECRET_KEY = "x" + SECRET_KEY
DEBUG = DEBUG or True
"""
HELPERS = """\
import os
import subprocess

from app import views
from app.helpers import helper as again


def deco(function):
    return deco(again(function))


@deco
@deco(deco)
def helper(url, cmd, *rest):
    os.system(relay(cmd))
    subprocess.run(views.route(url), shell=True)
    return helper(relay(url), again(cmd, url), *rest)


def relay(value):
    return helper(value, value) or relay(value)


class Base(Derived):
    pass


class Derived(Base):
    def run(self):
        return self.run() or super().run()


class Itself(Itself):
    pass
"""
TESTS = """\
from app.helpers import Derived, helper
from app.views import route


def test_route():
    assert route() == route()


def test_helper():
    assert helper(1, 2) and Derived().run()
"""


def _bindings(indent: str) -> str:
    """Every name swapped through a second name, then bound to itself in every spelling, twice."""
    lines = []
    for name in NAMES:
        lines += [f"{name}_copy = {name}", f"{name} = {name}_copy", f"{name}_copy = {name}", f"{name} += {name}"]
        lines += [f"{name} = {spelling.format(v=name)}" for spelling in SPELLINGS * 2]
    return "".join(f"{indent}{line}\n" for line in lines)


def _app() -> str:
    sources = "".join(f"    {name} = request.args[{name!r}]\n" for name in NAMES) + "    user = User.query.get(url)\n"
    sinks = "".join(f"    {line}\n" for line in SINKS.splitlines())
    return (f"{HEADER}\n\n@app.route(\"/<url>\", methods=[\"POST\"])\ndef route():\n{sources}{_bindings('    ')}{sinks}"
            f"\n\n{_bindings('')}")


def test_no_rule_crashes_or_hangs_on_self_referential_bindings(tmp_path: Path) -> None:
    write(tmp_path, {"app/__init__.py": "from app import views\nfrom app.views import *\n", "app/views.py": _app(),
                     "app/helpers.py": HELPERS, "tests/test_app.py": TESTS,
                     "pyproject.toml": "[project]\nname = 'app'\ndependencies = ['flask', 'requests']\n"})
    result = run_vibecheck(["--select", "VC", "--extend-select", "VC507", "--no-bandit", "--format", "json", "--no-cache",
                            "--per-file-timeout", "60", "."], cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["errors"] == []
    assert result.returncode == 1, result.stderr
    assert "VC001" not in report["summary"]["by_code"]
    assert "app/views.py" in {f["path"] for f in report["findings"]}  # checked, not skipped
