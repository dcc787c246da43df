"""Behaviour of the data-flow rules (VC207, VC401, VC402, VC405, VC407, VC409, VC410) beyond their corpora."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import libcst as cst
import pytest

from vibecheck.analysis.flow import FlowRule
from vibecheck.docs import parse_doc
from vibecheck.rules.auth import client_controlled_authorization
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.rules.security.client_data_to_code_execution import ClientDataToCodeExecution
from vibecheck.rules.security.client_data_to_shell import ClientDataToShell
from vibecheck.rules.security.llm_output_to_dangerous_sink import LlmOutputToDangerousSink
from vibecheck.rules.security.plaintext_password_storage import PlaintextPasswordStorage
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.rules.security.request_data_to_injection_sink import RequestDataToInjectionSink
from vibecheck.rules.security.secret_in_log import SecretInLog
from vibecheck.rules.security.sql_built_from_strings import SqlBuiltFromStrings
from vibecheck.testing import findings_for, project_findings


def test_each_finding_carries_the_cwe_of_its_sink() -> None:
    findings = findings_for(RequestDataToInjectionSink, """
        import logging
        import re
        from flask import redirect, request
        logger = logging.getLogger(__name__)
        def view():
            logger.info("user %s", request.args["user"])
            re.compile(request.args["pattern"])
            return redirect(request.args["next"])
    """)
    assert sorted(f.cwe for f in findings) == [(117,), (601,), (730, 1333)]


def test_llm_finding_names_the_generative_ai_weakness_and_the_sink_weakness() -> None:
    findings = findings_for(LlmOutputToDangerousSink, """
        import subprocess as sp
        from openai import OpenAI
        client = OpenAI()
        def run(task):
            reply = client.chat.completions.create(model="m", messages=[])
            sp.run(reply.choices[0].message.content, shell=True)
    """)
    assert [f.cwe for f in findings] == [(1426, 78)]


def test_sql_rule_supersedes_bandit_b608() -> None:
    assert "B608" in SqlBuiltFromStrings.supersedes


def test_aliased_flask_request_is_recognised() -> None:
    findings = findings_for(RequestDataToFilesystemOrUrl, """
        import os
        from flask import request as req, send_file
        def download():
            first = req.args["name"]
            second = os.path.join("/srv", first)
            return send_file(second)
    """)
    assert len(findings) == 1 and "req.args" in findings[0].message


def test_plaintext_password_is_not_checked_in_test_files() -> None:
    source = """
        def make_user(password):
            return User(username="u", password=password)
    """
    assert len(findings_for(PlaintextPasswordStorage, source)) == 1
    assert findings_for(PlaintextPasswordStorage, source, path="tests/test_users.py", is_test_file=True) == []


def _corpus(code: str, name: str = "cases.py") -> str:
    return next((Path(__file__).parents[2] / "rules").glob(f"{code}-*/{name}")).read_text(encoding="utf-8")


def _skipped_and_findings(rule: type[FlowRule], source: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[Any]]:
    """The functions the rule's `skips` passed over, and its findings (line and message) on the source."""
    skipped: list[str] = []
    skips = rule.skips

    def counted(self: FlowRule, function: cst.FunctionDef) -> bool:
        answer = skips(self, function)
        if answer:
            skipped.append(function.name.value)
        return answer

    monkeypatch.setattr(rule, "skips", counted)
    findings = [(f.location.start.line, f.message) for f in findings_for(rule, source)]
    monkeypatch.setattr(rule, "skips", skips)
    return skipped, findings


# Values that reach a function from outside it: a module-level key and address, a class attribute, an aliased import.
OUTSIDE_VALUES = """
    import requests
    from flask import request as rq

    PASSWORD_FIELD = "password"
    SIGNUP_URL = "https://api.example.com/signup?pwd="

    class Account:
        field = "passwd"

        def save(self, db):
            db.execute("INSERT INTO accounts VALUES (?)", (rq.form[PASSWORD_FIELD],))

        def keep(self, cache):
            cache.set("k", rq.form[self.field])

        def remember(self, cache):
            cache.set("k", self.form.passwd.data)

    def sign_up(value):
        return requests.get(SIGNUP_URL + value)
"""


@pytest.mark.parametrize("source", ["corpus", OUTSIDE_VALUES])
def test_plaintext_password_skips_only_functions_it_reports_nothing_in(source: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    text = _corpus("VC410") if source == "corpus" else source
    skipped, findings = _skipped_and_findings(PlaintextPasswordStorage, text, monkeypatch)
    if source == "corpus":
        assert "lookup_by_token" in skipped and "login_by_split_key" not in skipped
    else:
        assert "remember" not in skipped and len(findings) == 1
    monkeypatch.setattr(PlaintextPasswordStorage, "skips", lambda rule, function: False)
    assert [(f.location.start.line, f.message) for f in findings_for(PlaintextPasswordStorage, text)] == findings


OUTSIDE_CLAIMS = """
    from flask import Flask, abort, request as rq

    ROLE_HEADER = "X-Role"
    EXPECTED = "yes"
    app = Flask(__name__)

    class Gate:
        header = "X-Flag"

        def check(self):
            if rq.headers.get(self.header) == EXPECTED:
                return "in"
            return "out"

    @app.get("/constant")
    def by_constant():
        if rq.headers.get(ROLE_HEADER) == EXPECTED:
            return "in"
        return "out"

    @app.get("/aliased")
    def aliased():
        if rq.args.get("role") == "admin":
            return "in"
        abort(403)
"""


@pytest.mark.parametrize("source", ["cases.py", "cases_bottle.py", OUTSIDE_CLAIMS])
def test_authorization_rule_skips_only_functions_whose_tests_can_name_no_claim(
        source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = _corpus("VC207", source) if source.endswith(".py") else source
    skipped, findings = _skipped_and_findings(ClientControlledAuthorization, text, monkeypatch)
    if source == "cases.py":
        assert "search_page" in skipped
        assert not {"camel_case_claim", "internal_sync", "who_am_i"} & set(skipped)
    elif source is OUTSIDE_CLAIMS:
        assert "check" in skipped and "aliased" not in skipped and findings
    monkeypatch.setattr(client_controlled_authorization, "_may_name_a_claim", lambda function, statements: True)
    assert [(f.location.start.line, f.message) for f in findings_for(ClientControlledAuthorization, text)] == findings


def test_nested_function_gets_its_own_pass() -> None:
    findings = findings_for(SqlBuiltFromStrings, """
        def outer(cursor, name):
            query = f"SELECT * FROM users WHERE name = '{name}'"
            def inner(cursor):
                cursor.execute(query)
            cursor.execute("SELECT 1")
            return inner
    """)
    assert findings == []


ALEMBIC_STEP = """
    from alembic import op

    revision = "0041"
    down_revision = "0040"

    def _drop_constraints(table_name, original_name, alternative_name):
        op.execute(f"ALTER TABLE {table_name} DROP CONSTRAINT IF EXISTS {original_name}")
        op.execute(f"ALTER TABLE {table_name} DROP CONSTRAINT IF EXISTS {alternative_name}")

    def upgrade():
        op.execute(f"ALTER TABLE task_instance_history AUTO_INCREMENT = {next_id()}")
"""


def test_an_alembic_revision_builds_its_ddl_from_its_own_names() -> None:
    """Airflow's and CKAN's revision scripts paste the constraint and table names they hold into DDL, which cannot
    take them as parameters; the same statements in a module that is no revision are still reported."""
    assert findings_for(SqlBuiltFromStrings, ALEMBIC_STEP) == []
    helper = ALEMBIC_STEP.replace('    revision = "0041"\n    down_revision = "0040"\n', "")
    assert [f.location.start.line for f in findings_for(SqlBuiltFromStrings, helper)] == [6, 7, 10]


def test_module_level_flow_is_checked() -> None:
    findings = findings_for(SecretInLog, """
        import os
        api_key = os.environ["API_KEY"]
        print("starting with", api_key)
    """)
    assert len(findings) == 1


def test_messages_and_hints_stand_alone() -> None:
    samples = {
        SqlBuiltFromStrings: 'def f(c, x):\n    c.execute(f"SELECT * FROM t WHERE a = {x}")\n',
        SecretInLog: "def f(password):\n    print(password)\n",
        ClientControlledAuthorization: 'from flask import request\ndef f():\n    if request.args.get("admin"):\n        pass\n',
    }
    for rule, source in samples.items():
        findings = findings_for(rule, source)
        assert findings, rule.code
        for finding in findings:
            assert finding.message.endswith(".") and "`" in finding.message
            assert finding.hint and finding.hint.endswith(".")



def test_template_rule_names_injection_and_locals_with_their_own_cwe() -> None:
    from vibecheck.rules.security.client_data_in_template_source import ClientDataInTemplateSource

    findings = findings_for(ClientDataInTemplateSource, """
        from flask import render_template, render_template_string, request
        def page():
            render_template_string("<p>" + request.args["name"] + "</p>")
            return render_template("page.html", **locals())
    """)
    assert sorted(f.cwe for f in findings) == [(200,), (1336, 94)]


def test_code_execution_rule_supersedes_bandit_eval_and_exec_and_follows_cli_input() -> None:
    from vibecheck.rules.security.client_data_to_code_execution import ClientDataToCodeExecution

    assert {"B307", "B102"} <= set(ClientDataToCodeExecution.supersedes)
    findings = findings_for(ClientDataToCodeExecution, """
        import sys as system
        def main():
            expression = " ".join(system.argv[1:])
            print(eval(expression))
    """)
    assert [f.cwe for f in findings] == [(94, 95)] and "system.argv" in findings[0].message


def test_a_value_reported_where_it_is_passed_is_not_followed_into_the_callee(tmp_path: Path) -> None:
    """`self.execute("..." % x)` is VC402's finding at the call; the join does not report the same flow again at the
    `cursor.execute()` of the helper (here in a base class of another module), and still follows one VC402 does not
    report where it is passed (`self.run(...)`)."""
    sources = {
        "app/__init__.py": "",
        "app/base.py": """
class BaseEditor:
    def execute(self, sql, params=()):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
""",
        "app/sqlite.py": """
from .base import BaseEditor


class Editor(BaseEditor):
    def copy(self, table, columns):
        self.execute("INSERT INTO %s SELECT %s FROM old" % (table, ", ".join(columns)))
""",
        "app/helpers.py": """
class Reports:
    def run(self, sql):
        with self.connection.cursor() as cursor:
            cursor.execute(sql)

    def monthly(self, month):
        self.run("SELECT * FROM sales WHERE month = '%s'" % month)
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(SqlBuiltFromStrings,))
    assert [(Path(f.location.path).as_posix(), f.location.start.line, f.message.rpartition("(through ")[2])
            for f in findings] == [("app/helpers.py", 5, "`Reports.monthly()` -> `Reports.run()`).")]


def test_command_line_input_through_a_helper_keeps_the_terms_it_has_in_one_function(tmp_path: Path) -> None:
    """`input()` passed to a helper that imports the module it names is the user's choice of plugin, as in one
    function; passed to a helper that evaluates it, medium (whoever types it runs the program); where a web client's
    value reaches the same helper too, the client's high finding is the one reported."""
    (tmp_path / "tool.py").write_text("""
import importlib

from flask import Flask, request

app = Flask(__name__)


def load(package):
    return importlib.import_module(package)


def calc(expression):
    return eval(expression)


def evaluate(expression):
    return eval(expression)


def run_cli():
    name = input("plugin? ").strip()
    load(f"plugins.{name}")
    calc(input("expr? "))
    evaluate(input("expr? "))


@app.get("/calc")
def web_calc():
    return str(calc(request.args["expr"]))
""", encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientDataToCodeExecution,))
    assert sorted((f.location.start.line, f.severity.value, f.message.split("`")[1]) for f in findings) == [
        (14, "high", "request.args"), (18, "medium", 'input("expr? ")')]


def test_client_data_handed_to_a_dispatcher_reaches_the_function_it_runs(tmp_path: Path) -> None:
    """`tasks.add_task(send_webhook, url)`, `executor.submit(...)`, `loop.run_in_executor(None, f, ...)`,
    `Thread(target=f, args=(...))` and a Celery task's `.delay(...)` call the function they are given with the
    arguments that follow it; a constant URL handed over the same way is not the client's."""
    sources = {
        "app/__init__.py": "",
        "app/notify.py": """
import httpx
from celery import shared_task


def send_webhook(url, event):
    return httpx.post(url, json=event, timeout=5.0)


def fetch_avatar(url):
    return httpx.get(url, timeout=5.0)


def warm_cache(url):
    return httpx.get(url, timeout=5.0)


def prefetch(url):
    return httpx.get(url, timeout=5.0)


@shared_task
def crawl(url):
    return httpx.get(url, timeout=5.0)
""",
        "app/routes.py": """
import asyncio
import threading

from fastapi import APIRouter, BackgroundTasks

from .notify import crawl, fetch_avatar, prefetch, send_webhook, warm_cache

router = APIRouter()


@router.post("/ping")
def ping(url: str, tasks: BackgroundTasks):
    tasks.add_task(send_webhook, url, {"event": "ping"})


@router.post("/avatar")
async def avatar(avatar_url: str):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, fetch_avatar, avatar_url)


@router.post("/warm")
def warm(tasks: BackgroundTasks):
    tasks.add_task(warm_cache, "https://example.com/")
    threading.Thread(target=warm_cache, args=("https://example.com/",)).start()


@router.post("/prefetch")
def start_prefetch(page_url: str, start_url: str):
    threading.Thread(target=prefetch, args=(page_url,)).start()
    crawl.delay(start_url)
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(RequestDataToFilesystemOrUrl,))
    assert sorted((Path(f.location.path).name, f.location.start.line) for f in findings) == [
        ("notify.py", 7), ("notify.py", 11), ("notify.py", 19), ("notify.py", 24)]


def test_a_parameter_reaches_a_sink_through_a_helper_that_returns_it(tmp_path: Path) -> None:
    """`shutil.rmtree(media_path(album))`: the helper returns the parameter it was handed (also as `*parts`), so the
    route's input reaches the sink; a helper that keeps only the base name, or returns something else, breaks the flow."""
    sources = {
        "media/__init__.py": "",
        "media/storage.py": """import os
import shutil

ROOT = "/srv/media"


def media_path(*parts):
    return os.path.join(ROOT, *parts)


def album_path(album):
    return ROOT + "/" + album


def clean_path(album):
    return os.path.join(ROOT, os.path.basename(album))


def trash_path(album):
    return os.path.join(ROOT, "trash")


def remove_album(album):
    shutil.rmtree(media_path(album))


def remove_cover(album):
    os.remove(album_path(album))


def remove_clean(album):
    shutil.rmtree(clean_path(album))


def empty_trash(album):
    shutil.rmtree(trash_path(album))
""",
        "media/app.py": """from quart import Quart, send_file

from . import storage

app = Quart(__name__)


@app.delete("/albums/<album>")
async def delete_album(album: str):
    storage.remove_album(album)
    storage.remove_cover(album)
    storage.remove_clean(album)
    storage.empty_trash(album)


@app.get("/media/<path:name>")
async def download(name: str):
    return await send_file(storage.media_path("originals", name))
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(RequestDataToFilesystemOrUrl,))
    assert sorted((Path(f.location.path).name, f.location.start.line) for f in findings) == [
        ("app.py", 18), ("storage.py", 24), ("storage.py", 28)]


def test_model_output_run_by_a_test_is_still_reported_there() -> None:
    """A test run that executes a model's answer shares the risk, as shell injection's does."""
    example = parse_doc(LlmOutputToDangerousSink.__doc__ or "").code_block("Example")
    assert findings_for(LlmOutputToDangerousSink, example, is_test_file=True)


def test_vc207_takes_names_imported_from_a_dependency_module_for_injected_objects() -> None:
    """`admin: AdminUser` imported from `..deps` is FastAPI's `Annotated[User, Depends(require_admin)]`, also in a
    module that never spells `Depends`; a body model imported from `..models` stays the client's."""
    source = """
        from fastapi import APIRouter, HTTPException
        from ..deps import AdminUser, SessionDep
        from ..models import RoleChange, User
        router = APIRouter()

        @router.delete("/{member_id}")
        def remove_member(member_id: int, session: SessionDep, admin: AdminUser):
            member = session.get(User, member_id)
            if member is None or member.org_id != admin.org_id:
                raise HTTPException(status_code=404)

        @router.post("/{member_id}/role")
        def change_role(member_id: int, body: RoleChange):
            if body.role != "admin":
                raise HTTPException(status_code=403)
    """
    findings = findings_for(ClientControlledAuthorization, source)
    assert [f.location.start.line for f in findings] == [15]


def test_a_scripts_top_level_passes_model_output_and_client_input_through_the_projects_helpers(tmp_path: Path) -> None:
    """A Streamlit app is a script: the model's answer one helper returns, passed through another
    (`strip_fences(ask_model(...))`), reaches `exec` and SQL at the module's top level, and what the visitor types
    reaches a helper's shell; a number made of the answer, a constant, and a helper that quotes are safe."""
    sources = {
        "app/__init__.py": "",
        "app/llm.py": """
import shlex
import subprocess

from openai import OpenAI

client = OpenAI()


def ask_model(prompt):
    return client.chat.completions.create(model="gpt-4o", messages=[]).choices[0].message.content


def strip_fences(text):
    return text.strip().removeprefix("```").removesuffix("```")


def quoted(text):
    return shlex.quote(text)


def run(command):
    subprocess.run(command, shell=True)
""",
        "app/page.py": """
import sqlite3

import streamlit as st

from .llm import ask_model, quoted, run, strip_fences

conn = sqlite3.connect("app.db")
question = st.text_input("Question")
if question:
    code = strip_fences(ask_model(question))
    exec(code, {})
    conn.cursor().execute(ask_model(question))
    count = int(ask_model(question))
    st.write(count)
    run(f"grep -r {question} docs/")
    run(f"grep -r {quoted(ask_model(question))} docs/")
    run("ls docs/")
    conn.execute("SELECT * FROM t WHERE n = ?", (count,))
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert sorted((Path(f.location.path).name, f.location.start.line, f.message.rpartition("(through ")[2])
                  for f in findings) == [
        ("llm.py", 23, "the module's top level -> `run()`)."),
        ("page.py", 12, "the module's top level -> `strip_fences()`)."),
        ("page.py", 13, "the module's top level)."),
    ]



def test_a_model_client_bound_in_another_module_answers_model_output_where_it_is_called(tmp_path: Path) -> None:
    """DSPy programs are module-level objects (`diagnose = dspy.Predict(Diagnose)`) that the workers import and call:
    the prediction's fields are model output in the caller's module. A field checked against a table, a number made
    of one, and a module-level object that is no model client (a compiled pattern) stay clean."""
    sources = {
        "triage/__init__.py": "",
        "triage/programs.py": """
import re

import dspy


class Diagnose(dspy.Signature):
    ticket: str = dspy.InputField()
    command: str = dspy.OutputField()


diagnose = dspy.Predict(Diagnose)
write_query = dspy.ChainOfThought("question -> sql")
TICKET_ID = re.compile(r"T-[0-9]+")
""",
        "triage/tasks.py": """
import subprocess
import sqlite3

from .programs import TICKET_ID, diagnose, write_query

QUEUES = {"bug": 1, "billing": 2}


def run_diagnostics(ticket):
    pred = diagnose(ticket=ticket)
    subprocess.run(pred.command, shell=True)


def answer(conn: sqlite3.Connection, question):
    return conn.execute(write_query(question=question).sql).fetchall()


def route(conn: sqlite3.Connection, ticket):
    pred = diagnose(ticket=ticket)
    conn.execute("UPDATE t SET queue = ?, n = ?", (QUEUES.get(pred.command, 0), int(pred.command)))
    subprocess.run(TICKET_ID.findall(ticket)[0], shell=True)
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert sorted((Path(f.location.path).name, f.location.start.line) for f in findings) == [
        ("tasks.py", 12), ("tasks.py", 16)]


def test_a_predicates_verdict_on_a_forwarded_address_counts_only_where_a_caller_acts_on_it(tmp_path: Path) -> None:
    """VC419 through calls: `is_admin(ip)` answering `ip in ADMIN_IPS` decides access in `if not is_admin(...)`, not
    where its answer is handed on as data (a telemetry attribute, a log argument)."""
    sources = {
        "app/net.py": """
from flask import request

LOCAL_IPS = {"127.0.0.1", "::1"}


def client_ip():
    return request.headers.get("X-Forwarded-For", "").split(",")[0].strip() or request.remote_addr


def is_local(ip):
    if ip is not None and ip.strip("[]") in LOCAL_IPS:
        return True
    return False


def is_private(ip):
    return ip in PRIVATE_NETWORKS


def is_admin(address):
    return not address in ADMIN_IPS


def is_office(address):
    if address in OFFICE_IPS: return True
    return False


def is_vpn(address):
    return address in VPN_NETWORKS
""",
        "app/views.py": """
from flask import Flask, abort

from .net import client_ip, is_admin, is_local, is_office, is_private, is_vpn

app = Flask(__name__)


@app.get("/debug")
def debug_page(scope, log):
    scope.set_attribute("is_localhost", is_local(client_ip()))
    log.info("private address: %s", is_private(client_ip()))
    if not is_admin(client_ip()):
        abort(403)
    allowed = bool(is_office(client_ip()))
    require(is_vpn(client_ip()))
    return {"allowed": allowed}
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert sorted((f.location.start.line, f.message.rpartition("(through ")[2]) for f in findings) == [
        (22, "`debug_page()` -> `is_admin()`)."), (26, "`debug_page()` -> `is_office()`)."),
        (31, "`debug_page()` -> `is_vpn()`).")]


def test_secret_in_log_names_the_looked_up_secret_with_its_container() -> None:
    """The message names what was logged (`share['PathOrToken']`), not the key alone in a list's brackets."""
    findings = findings_for(SecretInLog, """
        import logging
        logger = logging.getLogger(__name__)
        def show(share, settings):
            logger.info("share %r", share["PathOrToken"])
            logger.info("key %r", settings.vault["api_key"])
    """)
    assert [f.message.split("`")[1] for f in findings] == ["share['PathOrToken']", "settings.vault['api_key']"]


def test_a_password_kept_beside_an_address_is_told_to_be_encrypted_not_hashed() -> None:
    """A router's login saved with its host logs in there later: hashing it is impossible, so the hint says encrypt;
    an account's own password keeps the hashing hint."""
    findings = findings_for(PlaintextPasswordStorage, """
from flask import request
from app import db
from app.models import Router, Member

def add_router():
    db.session.add(Router(host=request.form["host"], port=22, password=request.form["password"]))

def edit_router(router):
    router.ip_address = request.form["ip"]
    router.password = request.form["password"]

def add_member():
    db.session.add(Member(email=request.form["email"], password=request.form["password"]))
""")
    hints = [(f.location.start.line, "encrypt it at rest" in (f.hint or "")) for f in findings]
    assert hints == [(7, True), (11, True), (14, False)]


def test_model_output_through_a_function_chosen_by_a_condition_is_followed(tmp_path: Path) -> None:
    """A provider wrapper picks its backend into a name (`call = _claude if ... else _openai`) and returns
    `call(...)`: what the backends return is what it returns. A name bound to a function that answers no model
    output, or re-bound to a value, calls nothing the join knows."""
    sources = {
        "evals/providers.py": """
import anthropic
import openai

_openai = openai.OpenAI()
_anthropic = anthropic.Anthropic()


def _openai_complete(model, prompt):
    return _openai.chat.completions.create(model=model, messages=[{"role": "user", "content": prompt}]).choices[0].message.content


def _anthropic_complete(model, prompt):
    return _anthropic.messages.create(model=model, max_tokens=512, messages=[{"role": "user", "content": prompt}]).content[0].text


def _echo(model, prompt):
    return prompt.upper()


def _upper(model, prompt):
    return prompt.upper()


def complete(model, prompt):
    call = _anthropic_complete if model.startswith("claude") else _openai_complete
    return call(model, prompt)


def complete_one(model, prompt):
    call = _openai_complete
    return call(model, prompt)


def offline(model, prompt):
    call = _echo if model == "echo" else _upper
    return call(model, prompt)


def rebound(model, prompt):
    call = _openai_complete
    call = str
    return call(prompt)
""",
        "evals/scoring.py": """
from .providers import complete, complete_one, offline, rebound


def judge(prompt):
    return eval(complete("gpt-4o", prompt))


def judge_one(prompt):
    return eval(complete_one("gpt-4o", prompt))


def judge_offline(prompt):
    return eval(offline("echo", prompt))


def judge_rebound(prompt):
    return eval(rebound("gpt-4o", prompt))
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert sorted((Path(f.location.path).name, f.location.start.line) for f in findings) == [
        ("scoring.py", 6), ("scoring.py", 10)]


def test_client_input_handed_to_a_langchain_tool_in_a_dict_is_followed(tmp_path: Path) -> None:
    """`run_diagnostic.invoke({"command": cmd})` calls the tool with `command=cmd`, also through `asyncio.to_thread`;
    a dict whose keys are not literal names, and a constant command, hand the tool nothing of the client's."""
    sources = {
        "ops/tools.py": """
import subprocess

from langchain_core.tools import tool


@tool
def run_diagnostic(command: str) -> str:
    \"\"\"Run a diagnostic command.\"\"\"
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=False).stdout


@tool
def read_report(name: str) -> str:
    \"\"\"Read a report.\"\"\"
    return open("/srv/reports/" + name).read()
""",
        "ops/api.py": """
import asyncio

from fastapi import FastAPI
from pydantic import BaseModel

from .tools import read_report, run_diagnostic

app = FastAPI()


class Command(BaseModel):
    command: str
    name: str


@app.post("/diagnose")
async def diagnose(body: Command) -> dict:
    return {"output": await asyncio.to_thread(run_diagnostic.invoke, {"command": body.command})}


@app.post("/report")
def report(body: Command) -> dict:
    return {"report": read_report.invoke({"name": body.name})}


@app.post("/uptime")
def uptime(body: Command) -> dict:
    fields = {body.name: body.command}
    return {"output": run_diagnostic.invoke(fields), "uptime": run_diagnostic.invoke({"command": "uptime"})}
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls],
                                file_rules=(ClientDataToShell, RequestDataToFilesystemOrUrl))
    assert sorted((Path(f.location.path).name, f.location.start.line, f.message.rpartition("(through ")[2])
                  for f in findings if f.code == "VC417") == [
        ("tools.py", 10, "`diagnose()` -> `run_diagnostic()`)."), ("tools.py", 16, "`report()` -> `read_report()`).")]


def test_names_imported_from_an_auth_module_are_injected_callers_unless_named_for_a_body() -> None:
    """`admin: Admin` imported from `.auth` is the caller a dependency hands over (`Annotated[User, Depends(...)]`):
    logging its id forges no line; `body: LoginRequest` from the same module is what the client sent."""
    source = """
        import logging

        from fastapi import APIRouter

        from .auth import Admin, LoginRequest

        log = logging.getLogger(__name__)
        router = APIRouter()

        @router.post("/refunds/{payment_id}")
        def refund(payment_id: int, admin: Admin):
            log.info("admin %s refunded %s", admin.name, payment_id)

        @router.post("/login")
        def login(body: LoginRequest):
            log.info("sign-in attempt for %s", body.email)
    """
    findings = findings_for(RequestDataToInjectionSink, source)
    assert [f.location.start.line for f in findings] == [17]


def test_a_helper_that_wraps_the_callers_whole_query_is_no_built_sql_through_calls(tmp_path: Path) -> None:
    """A pagination helper's `SELECT count(*) FROM ({query})` executed elsewhere pastes only the caller's SQL; a helper
    that pastes a value beside it, executed the same way, is still reported where it runs."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "shop" / "sql_text.py").write_text('''
def count_query_text(query):
    return f"SELECT count(*) FROM ({query}) AS total"


def owned_count_query_text(query, owner):
    return f"SELECT count(*) FROM ({query}) AS total WHERE owner = '{owner}'"
''', encoding="utf-8")
    (tmp_path / "shop" / "store.py").write_text('''
from shop.sql_text import count_query_text, owned_count_query_text


def count_query(query):
    return count_query_text(str(query))


def owned_count_query(query, owner):
    return owned_count_query_text(str(query), owner)


def total(db, query):
    counting = count_query(query)
    return db.execute(counting)


def owned_total(db, query, owner):
    counting = owned_count_query(query, owner)
    return db.execute(counting)
''', encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(SqlBuiltFromStrings,))
    assert [(Path(f.location.path).name, f.location.start.line, f.message.rpartition("in ")[2][:26])
            for f in findings if f.code == "VC417"] == [("store.py", 20, "`owned_count_query_text()`")]


def test_a_request_for_the_admin_pages_is_no_privilege_claim(tmp_path: Path) -> None:
    """django-axes' `if settings.AXES_ONLY_ADMIN_SITE and not self.is_admin_request(request):` asks whether the path
    is the admin site's (which pages, as routing says), not what the caller may do; a helper answering whether the
    client is an administrator (`is_admin_user`, from a header) is still reported."""
    (tmp_path / "handlers.py").write_text('''
import re

from django.conf import settings


class Handler:
    def is_admin_request(self, request):
        if hasattr(request, "path"):
            admin_url = self.get_admin_url()
            return admin_url is not None and re.match(f"^{admin_url}", request.path) is not None
        return False

    def is_admin_user(self, request):
        return request.headers.get("X-Admin") == "1"

    def is_allowed(self, request):
        if settings.ONLY_ADMIN_SITE and not self.is_admin_request(request):
            return True
        if self.is_admin_user(request):
            return True
        return False
''', encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in findings] == [(20, "self.is_admin_user(request)")]


KEYED_INSERT = '''
class Store:
    def execute_sql(self, query, parameters):
        return self.session.execute(text(query), parameters)

    def create_step(self, step):
        parameters = {key: value for key, value in step.items() if value is not None}
        columns = ", ".join(f'"{key}"' for key in parameters.keys())
        markers = ", ".join(f":{name}" for name, _ in parameters.items())
        query = f"INSERT INTO steps ({columns}) VALUES ({markers})"
        return self.execute_sql(query=query, parameters=parameters)

    def rename(self, step, name):
        query = f"UPDATE steps SET name = '{name}' WHERE " + " AND ".join(f"{key} = :{key}" for key in step)
        return self.execute_sql(query, step)
'''


def test_a_query_where_only_a_dicts_keys_vary_says_they_become_identifiers(tmp_path: Path) -> None:
    """Only the keys of the caller's dict reach the text (its values are bound): VC417 and VC402 say the keys become
    column names and ask for an allow-list or identifier quoting; a value pasted beside them keeps the value wording."""
    (tmp_path / "store.py").write_text("from sqlalchemy import text\n" + KEYED_INSERT, encoding="utf-8")
    through = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(SqlBuiltFromStrings,))
    assert [(f.location.start.line, "keys of a dict become identifiers" in f.message, "allow-list" in (f.hint or ""))
            for f in through] == [(5, True, True)]
    local = findings_for(SqlBuiltFromStrings, "from sqlalchemy import text\n" + KEYED_INSERT.replace(
        "self.execute_sql(query=query, parameters=parameters)", "self.session.execute(text(query), parameters)"))
    assert [(f.location.start.line, "keys of a dict become identifiers" in f.message, "a value can rewrite" in f.message)
            for f in local if f.code == "VC402"] == [(12, True, False)]


def test_a_value_beside_the_keys_keeps_the_value_wording() -> None:
    source = "from sqlalchemy import text\n" + KEYED_INSERT.replace(
        "return self.execute_sql(query, step)", "return self.session.execute(text(query), step)")
    findings = [f for f in findings_for(SqlBuiltFromStrings, source) if f.code == "VC402"]
    assert [(f.location.start.line, "a value can rewrite the query" in f.message) for f in findings] == [(16, True)]


def test_keys_appended_to_a_query_and_keys_of_a_local_dict_keep_the_key_wording() -> None:
    """`query += ...` reads the query's earlier text (a literal), and `for key in row` over a dict the function built
    gives its keys: only keys vary in either query."""
    findings = findings_for(SqlBuiltFromStrings, '''
def update(cursor, changes, ident):
    query = "UPDATE steps SET "
    query += ", ".join(f"{key} = %({key})s" for key in changes.keys())
    cursor.execute(query + " WHERE id = %(id)s", {**changes, "id": ident})


def insert(cursor, data):
    row = {k: v for k, v in data.items() if v is not None}
    cursor.execute("INSERT INTO t (" + ", ".join(key for key in row) + ") VALUES (" + ", ".join("%s" for _ in row) + ")",
                   list(row.values()))
''')
    assert [(f.location.start.line, "keys of a dict become identifiers" in f.message) for f in findings
            if f.code == "VC402"] == [(5, True), (10, True)]
