"""The shapes holdout round 45 found unread: Modal's web endpoints, a predicate named for a privilege that answers from a
header, the role the server keeps on the request (`request.g`), the client's keys copied into a loaded record, and
functions of another module handed to a model as tools (Google ADK's `Agent(tools=[tools.run_diagnostic])`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from vibecheck.rule import BaseRule
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.auth.mass_assignment import MassAssignment
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.rules.security.client_data_to_shell import ClientDataToShell
from vibecheck.testing import check_corpus, parse_annotations, project_findings


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (RouteWithoutAuth, "cases_modal.py"),
    (ClientDataToShell, "cases_modal.py"),
    (ClientControlledAuthorization, "cases_privilege_predicates.py"),
    (PrivilegedActionForAnyUser, "cases_request_globals.py"),
    (MassAssignment, "cases_key_copy.py"),
])
def test_round45_corpus_is_reported_exactly(rule: type[BaseRule], corpus_name: str) -> None:
    """Modal's `@modal.fastapi_endpoint` routes take the client's input and are open unless `requires_proxy_auth=True`;
    `is_admin(request)` answers for its callers; `request.g.current_user["role"]` is the server's; `record[key] = value`
    over the client's items writes the fields the client names."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected and ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_tools_of_another_module_take_the_models_arguments(tmp_path: Path) -> None:
    """`Agent(tools=[tools.lookup_order, FunctionTool(func=run_diagnostic)])`: the model writes each argument of the
    listed functions, defined in another module; a tool that binds its argument as an SQL parameter, a function of the
    module that no agent lists, and a parameter the framework fills (`tool_context`) carry nothing of the model's."""
    sources = {
        "support/__init__.py": "",
        "support/tools.py": """
import sqlite3
import subprocess


def lookup_order(order_id: str) -> dict:
    conn = sqlite3.connect("orders.db")
    return conn.execute(f"SELECT * FROM orders WHERE id = '{order_id}'").fetchone()


def lookup_bound(order_id: str, tool_context) -> dict:
    conn = sqlite3.connect("orders.db")
    conn.execute(f"SELECT * FROM audit WHERE who = '{tool_context}'")
    return conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()


def run_diagnostic(command: str) -> str:
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=False).stdout


def unlisted(command: str) -> str:
    return subprocess.run(command, shell=True, capture_output=True, text=True, check=False).stdout
""",
        "support/agent.py": """
from google.adk.agents import Agent
from google.adk.tools import FunctionTool

from support import tools
from support.tools import run_diagnostic

root_agent = Agent(
    name="support",
    model="gemini-2.0-flash",
    tools=[tools.lookup_order, tools.lookup_bound, FunctionTool(func=run_diagnostic)],
)
""",
    }
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    findings = project_findings(tmp_path, [ClientDataThroughCalls])
    assert sorted((Path(f.location.path).name, f.location.start.line) for f in findings) == [
        ("tools.py", 8), ("tools.py", 18)]
