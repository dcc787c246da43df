"""The shapes holdout round 46 found unread: Haystack's tools and pipelines, a Panel app's widgets and server,
aiohttp-session's cookie flags, aiohttp-security's sign-in calls with the URL's captures in `request.match_info`, and
RQ's queued calls and fetched jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from vibecheck.rule import BaseRule
from vibecheck.rules.auth.insecure_session_cookie import InsecureSessionCookie
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.permissive_cors import PermissiveCors
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.rules.security.llm_output_to_dangerous_sink import LlmOutputToDangerousSink
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.testing import check_corpus, parse_annotations, project_findings


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (LlmOutputToDangerousSink, "cases_haystack.py"),
    (LlmOutputToDangerousSink, "cases_haystack_indexing.py"),
    (RequestDataToFilesystemOrUrl, "cases_panel.py"),
    (PermissiveCors, "cases_panel.py"),
    (InsecureSessionCookie, "cases_aiohttp_session.py"),
    (ObjectLookupNotScopedToUser, "cases_aiohttp_security.py"),
    (ObjectLookupNotScopedToUser, "cases_rq.py"),
    (PrivilegedActionForAnyUser, "cases_aiohttp_security.py"),
])
def test_round46_corpus_is_reported_exactly(rule: type[BaseRule], corpus_name: str) -> None:
    """A Haystack pipeline with a generator answers with the model's words, and `@tool`/`Tool(function=...)` hand a
    function to the model; a Panel text widget's `.value` and `pn.state.session_args` are the visitor's;
    `pn.serve(websocket_origin="*")` beside a login opens the session to every site; aiohttp-session leaves `secure`
    unset; `check_authorized(request)` signs the caller in and `request.match_info` holds the URL's captures."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected or ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_a_panel_widget_value_is_followed_into_another_module(tmp_path: Path) -> None:
    """`data.filtered(where.value)` in a Panel callback: the helper of another module pastes the visitor's text into
    SQL; the value of a widget whose options the app chose (`pn.widgets.Select`) is not followed."""
    sources = {
        "portal/__init__.py": "",
        "portal/data.py": """
import pandas as pd
from sqlalchemy import create_engine

engine = create_engine("sqlite:///sales.db")


def filtered(where):
    return pd.read_sql(f"SELECT * FROM sales WHERE {where}", engine)
""",
        "portal/app.py": """
import panel as pn

from portal import data

where = pn.widgets.TextInput(name="Filter")
region = pn.widgets.Select(name="Region", options=["north", "south"])
table = pn.widgets.Tabulator()


def on_filter(event):
    table.value = data.filtered(where.value)


def on_region(event):
    table.value = data.filtered(region.value)
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert [(Path(f.location.path).name, f.location.start.line) for f in findings] == [("data.py", 9)]
    assert "where.value" in findings[0].message


def test_a_call_queued_on_rq_is_followed_into_the_job(tmp_path: Path) -> None:
    """`queue.enqueue(tasks.run_export, body["table"], ...)` runs `run_export` with those arguments in a worker: the
    client's text reaches its SQL; a value checked against an allowlist first (`dump_table`) does not."""
    sources = {
        "exports/__init__.py": "",
        "exports/tasks.py": """
import sqlite3
import subprocess


def run_export(table, where):
    return sqlite3.connect("app.db").execute(f"SELECT * FROM {table} WHERE {where}").fetchall()


def dump_table(table):
    subprocess.run(f"sqlite3 app.db .dump {table}", shell=True, check=True)
""",
        "exports/api.py": """
from datetime import timedelta

from flask import Flask, abort, request
from redis import Redis
from rq import Queue

from exports import tasks

app = Flask(__name__)
queue = Queue(connection=Redis())
TABLES = {"orders", "invoices"}


@app.post("/exports")
def create_export():
    body = request.get_json()
    return queue.enqueue(tasks.run_export, body["table"], body.get("where", "1=1")).id


@app.post("/dumps")
def dump():
    table = request.get_json()["table"]
    if table not in TABLES:
        abort(400)
    return queue.enqueue_in(timedelta(minutes=5), tasks.dump_table, table).id
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert [(Path(f.location.path).name, f.location.start.line) for f in findings] == [("tasks.py", 7)]
