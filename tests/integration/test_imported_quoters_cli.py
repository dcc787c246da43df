"""VC402 through the real command line: SQL identifiers quoted by a function another module of the project defines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

QUOTING = (
    "import re\n"
    "\n"
    "_PLAIN = re.compile(r\"^[a-zA-Z_][a-zA-Z0-9_]*$\")\n"
    "\n"
    "\n"
    "def escape_name(s):\n"
    "    if _PLAIN.fullmatch(s) and s.lower() not in (\"select\", \"from\"):\n"
    "        return s\n"
    "    elif \"]\" in s:\n"
    "        return '\"{}\"'.format(s.replace('\"', '\"\"'))\n"
    "    else:\n"
    "        return f\"[{s}]\"\n"
    "\n"
    "\n"
    "def bracket(s):\n"
    "    return f\"[{s}]\"\n"
)
UNGUARDED = QUOTING.replace("    elif \"]\" in s:\n", "    elif s:\n")

APP = {
    "pyproject.toml": '[project]\nname = "atlas"\nversion = "0"\n',
    "atlas/__init__.py": "",
    "atlas/utils.py": QUOTING,
    "atlas/inspect.py": (
        "from .utils import bracket, escape_name as esc\n"
        "\n"
        "\n"
        "def counts(conn):\n"
        "    for (table,) in conn.execute(\"select name from sqlite_master\"):\n"
        "        conn.execute(f\"select count(*) from {esc(table)}\")\n"
        "        conn.execute(f\"select count(*) from {bracket(table)}\")\n"
    ),
    "atlas/views/__init__.py": "",
    "atlas/views/rows.py": (
        "from atlas.utils import escape_name\n"
        "from atlas import utils\n"
        "from sqlkit import escape_name as outside_escape\n"
        "\n"
        "\n"
        "def lookup(db, table, column, value):\n"
        "    sql = \"select * from {t} where {c} = ?\".format(t=escape_name(table), c=utils.escape_name(column))\n"
        "    db.execute(sql, [value])\n"
        "    db.execute(f\"select * from {outside_escape(table)}\")\n"
    ),
}


def _queries_reported(root: Path) -> set[tuple[str, int]]:
    result = CliRunner().invoke(cli, ["--format", "json", "--select", "VC402,VC417", "."], catch_exceptions=False)
    return {(f["path"], f["start"]["line"]) for f in json.loads(result.stdout)["findings"]}


def test_names_quoted_by_a_function_of_another_module_are_no_injection(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, APP)
    # quoted by `escape_name` (imported under another name, from the package by name, or through the module):
    # clean; bracketed without a test for `]` inside, or quoted by a library's function of that name: reported
    assert _queries_reported(tmp_path) == {("atlas/inspect.py", 7), ("atlas/views/rows.py", 9)}


def test_an_edit_of_the_quoting_module_rechecks_the_files_that_import_it(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, APP)
    assert ("atlas/inspect.py", 6) not in _queries_reported(tmp_path)
    (tmp_path / "atlas" / "utils.py").write_text(UNGUARDED + "\n")  # brackets any name, `]` or not
    reported = _queries_reported(tmp_path)
    assert {("atlas/inspect.py", 6), ("atlas/views/rows.py", 8)} <= reported
