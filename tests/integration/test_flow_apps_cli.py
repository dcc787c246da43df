"""VC417 on the agent-style apps in `examples/flow-apps/`, through the command line as a user runs it.

Each sink that untrusted data reaches through another function carries `# expect: VC417` on the line
above it; each safe look-alike carries `# ok: VC417`. The run must report exactly the expected lines.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

APPS = REPO_ROOT / "examples" / "flow-apps"
MARK = re.compile(r"^\s*#\s*(expect|ok):\s*VC417\b")
FLOW_RULES = "VC401,VC402,VC405,VC409,VC411,VC412,VC413,VC416,VC417,VC419,VC421,VC422"


def marks(app: Path) -> dict[str, set[tuple[str, int]]]:
    """{"expect": {(path, line)}, "ok": {...}}: the line after each mark."""
    found: dict[str, set[tuple[str, int]]] = {"expect": set(), "ok": set()}
    for path in sorted(app.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = MARK.match(line)
            if match:
                found[match.group(1)].add((path.relative_to(app).as_posix(), number + 1))
    return found


def reported(app: Path) -> set[tuple[str, int]]:
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit",
                          "--select", FLOW_RULES], cwd=app, capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1), run.stderr
    payload = json.loads(run.stdout)
    assert payload["errors"] == []
    return {(Path(f["path"]).as_posix(), f["start"]["line"]) for f in payload["findings"] if f["code"] == "VC417"}


@pytest.mark.parametrize("app", sorted(p.name for p in APPS.iterdir() if p.is_dir()))
def test_flow_app_reports_exactly_the_marked_sinks(app: str) -> None:
    expected = marks(APPS / app)
    found = reported(APPS / app)
    assert found - expected["expect"] == set(), "reported sinks nobody marked"
    assert expected["expect"] - found == set(), "marked sinks vibecheck missed"


def test_the_apps_hold_enough_cases_of_each_kind() -> None:
    counts = [marks(app) for app in APPS.iterdir() if app.is_dir()]
    assert sum(len(m["expect"]) for m in counts) >= 16
    assert sum(len(m["ok"]) for m in counts) >= 16
    assert all(len(m["expect"]) >= 4 and len(m["ok"]) >= 4 for m in counts)


def test_select_vc417_alone_reports_sql_built_where_vc402_would_have(tmp_path: Path) -> None:
    """`self.execute("..." % (table, name))` is VC402's finding at the call, so VC417 leaves the flow there; with
    `--select VC417` alone VC402's findings are dropped, and the flow is reported at the helper's `execute` instead.
    Client input reaching the same sink is named over the SQL built on the way."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "app" / "base.py").write_text(
        "class BaseEditor:\n"
        "    def execute(self, sql):\n"
        "        with self.connection.cursor() as cursor:\n"
        "            cursor.execute(sql)\n", encoding="utf-8")
    (tmp_path / "app" / "editor.py").write_text(
        "from .base import BaseEditor\n\n\n"
        "class Editor(BaseEditor):\n"
        "    def rename(self, table, name):\n"
        "        self.execute(\"UPDATE %s SET name = '%s'\" % (table, name))\n", encoding="utf-8")

    def run(select: str) -> list[tuple[str, str, int, str]]:
        done = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache",
                               "--select", select], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert done.returncode in (0, 1), done.stderr
        return sorted((f["code"], Path(f["path"]).as_posix(), f["start"]["line"], f["message"].split(" ")[0])
                      for f in json.loads(done.stdout)["findings"])

    assert run("VC402,VC417") == [("VC402", "app/editor.py", 6, "An")]
    assert run("VC417") == [("VC417", "app/base.py", 4, "An")]
    (tmp_path / "app" / "web.py").write_text(
        "from flask import Flask, request\n\nfrom .editor import Editor\n\napp = Flask(__name__)\n\n\n"
        "@app.post('/rename')\ndef rename():\n    Editor().rename('items', request.form['name'])\n", encoding="utf-8")
    assert run("VC417") == [("VC417", "app/base.py", 4, "Client")]
