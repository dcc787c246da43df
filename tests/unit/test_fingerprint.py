"""Fingerprints of real findings stay equal under layout changes and differ when the code or its place differs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vibecheck.api import check_source
from vibecheck.config import Settings
from vibecheck.fingerprint import fingerprints

ORIGINAL = '''\
import requests


def fetch(url):
    assert url is not None, "expected a url %s %s" % (url, 1)
    return requests.get(url, headers={'a': 'b'})
'''

REFORMATTED = '''\
import requests
import os  # moved everything down


def fetch(url):
    assert url is not None, (
        "expected a url %s %s"  # a comment
        % (
            url,
            1,
        )
    )
    return requests.get(
        url,
        headers={"a": "b"},
    )
'''


def prints(source: str, tmp_path: Path) -> list[tuple[str, str, str]]:
    settings = Settings(root=str(tmp_path), isolate=False)
    report = check_source(source, str(tmp_path / "app.py"), settings)
    found = sorted(report.findings, key=lambda f: f.sort_key)
    return [(f.code, *pair) for f, pair in zip(found, fingerprints(found, source), strict=True)]


def test_layout_comments_quotes_and_grouping_parentheses_do_not_count(tmp_path: Path) -> None:
    before = prints(ORIGINAL, tmp_path)
    assert {code for code, _, _ in before} >= {"B101", "VC106"}
    assert prints(REFORMATTED, tmp_path) == before


def test_the_code_and_the_enclosing_definition_count(tmp_path: Path) -> None:
    before = dict((code, (symbol, fp)) for code, symbol, fp in prints(ORIGINAL, tmp_path))
    assert before["VC106"][0] == "fetch"
    changed = dict((code, (symbol, fp)) for code, symbol, fp in prints(ORIGINAL.replace("get(url,", "get(url + '/x',"), tmp_path))
    assert changed["VC106"] != before["VC106"] and changed["B101"] == before["B101"]
    renamed = dict((code, (symbol, fp)) for code, symbol, fp in prints(ORIGINAL.replace("def fetch", "def load"), tmp_path))
    assert renamed["VC106"][0] == "load" and renamed["VC106"][1] != before["VC106"][1]
    nested = "class Client:\n" + "".join("    " + line if line else line for line in ORIGINAL.splitlines(True)[3:])
    assert "Client.fetch" in {symbol for _, symbol, _ in prints("import requests\n\n\n" + nested, tmp_path)}


def test_without_the_text_the_reported_line_is_used(tmp_path: Path) -> None:
    settings = Settings(root=str(tmp_path), isolate=False)
    finding = check_source(ORIGINAL, str(tmp_path / "app.py"), settings).findings[0]
    moved = replace(finding, location=replace(finding.location, start=replace(finding.location.start, line=40)))
    assert fingerprints([finding], None) == fingerprints([moved], None)
    assert fingerprints([finding], None) != fingerprints([replace(finding, line_text="other()")], None)
