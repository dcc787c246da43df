"""VC303-VC308 beyond their corpora: test-file scoping, options, and the facts the project phase receives."""

from __future__ import annotations

import json
import pickle

from vibecheck.engine import check_file
from vibecheck.facts import DEFINITIONS, MODULE_IMPORTS, MODULE_STAR_IMPORTS, TEST_REFERENCES
from vibecheck.rules.verification import missing_assertion
from vibecheck.rules.verification._framework import route_pattern
from vibecheck.rules.verification.tautological_assertion import TautologicalAssertion
from vibecheck.rules.verification.truthiness_only_assertion import TruthinessOnlyAssertion
from vibecheck.testing import findings_for

HOLLOW_TEST = """
def test_total():
    assert True
    make_order().total()
"""


def test_test_rules_do_not_run_on_source_files() -> None:
    assert findings_for(TautologicalAssertion, HOLLOW_TEST, is_test_file=False) == []
    assert [f.code for f in findings_for(TautologicalAssertion, HOLLOW_TEST)] == ["VC304"]


def test_assertion_prefixes_option() -> None:
    source = "def test_page(page):\n    ensure_title(page, 'Home')\n"
    rule = missing_assertion.TestWithoutAssertion  # not imported by name: pytest would try to collect `Test*`
    assert [f.code for f in findings_for(rule, source)] == ["VC303"]
    options = rule.parse_options({"assertion-prefixes": ["ensure"]})
    assert findings_for(rule, source, options=options) == []


def test_nose_style_assertion_functions_assert_but_column_methods_do_not() -> None:
    """`eq_(result, [...])` (nose.tools, sqlalchemy.testing) fails the test; `column.in_([...])` builds SQL."""
    rule = missing_assertion.TestWithoutAssertion
    asserting = "from sqlalchemy.testing import eq_\n\ndef test_cte(connection):\n" \
                "    eq_(connection.execute(q).fetchall(), [('d4',)])\n"
    building = "def test_filter(connection):\n    connection.execute(select(t).where(t.c.data.in_(['d4'])))\n"
    assert findings_for(rule, asserting) == []
    assert [f.code for f in findings_for(rule, building)] == ["VC303"]


def test_facts_are_plain_picklable_data() -> None:
    source = b'''
from . import api
from .models import *
from typing import TYPE_CHECKING, overload

@app.get("/users/{user_id}")
def show_user(user_id):
    """Docstring."""
    return api.load(user_id)

class Repo(Base):
    @abc.abstractmethod
    def get(self): ...

if TYPE_CHECKING:
    def typed(): pass

try:
    import fast
except ImportError:
    def fast(): return 1
'''
    facts = check_file("src/pkg/__init__.py", source, []).facts
    assert pickle.loads(pickle.dumps(facts)) == facts
    assert json.loads(json.dumps(facts)) == facts
    definitions = {d["qualname"]: d for d in facts[DEFINITIONS]}
    assert sorted(definitions) == ["Repo", "Repo.get", "show_user", "typed"]  # the fallback `fast` is a shim
    assert definitions["show_user"]["routes"] == ["/users/{user_id}"]
    assert definitions["show_user"]["body_lines"] == [9]
    assert definitions["show_user"]["line"] == 7
    assert definitions["Repo.get"]["flags"] == ["abstract", "stub"]
    assert definitions["Repo"]["bases"] == ["Base"]
    assert "type_checking" in definitions["typed"]["flags"]
    assert facts[MODULE_IMPORTS]["api"] == ".api"
    assert facts[MODULE_STAR_IMPORTS] == [".models"]


def test_test_file_facts_resolve_imports_and_collect_paths() -> None:
    source = b'''
from unittest import mock
from pkg import mod
import pkg.sub as sub

def test_it(client, session, unused_fixture):
    mod.helper(1)
    sub.thing.method()
    with mock.patch("pkg.mod.other"):
        client.get(f"/users/{1}?page=2")
        client.post("http://testserver/orders")
    session.send()
'''
    references = check_file("tests/test_it.py", source, [], is_test_file=True).facts[TEST_REFERENCES]
    assert {"pkg.mod", "pkg.sub", "unittest.mock"} <= set(references["imports"])
    assert {"pkg.mod.helper", "pkg.sub.thing.method", "pkg.mod.other"} <= set(references["dotted"])
    assert "send" in references["names"] and "get" in references["names"]
    assert "patch" not in references["names"]  # it is `unittest.mock.patch`, not a project name
    assert "unused_fixture" not in references["names"] and "test_it" not in references["names"]
    # a path a client requests keeps its method (and loses its query); other path-like strings are kept as they are
    assert references["client_calls"] == [["GET", "/users/x"], ["POST", "/orders"]]
    assert "/users/{}?page=2" not in references["strings"]


def test_client_calls_by_route_name() -> None:
    source = b'''
from django.urls import reverse

def test_refund(client):
    client.post(reverse("order-refund", args=[1]))
    url = reverse("order-detail", kwargs={"pk": 1})
    assert client.get(url).status_code == 200
    assert client.get("/api/health/").status_code == 200
    assert "/static/app.css"
'''
    references = check_file("tests/test_it.py", source, [], is_test_file=True).facts[TEST_REFERENCES]
    assert references["client_calls"] == [["*", "name:order-detail"], ["GET", "/api/health/"],
                                          ["POST", "name:order-refund"]]
    assert references["strings"] == ["/static/app.css"]


def test_route_patterns_match_concrete_paths_and_mount_prefixes() -> None:
    assert route_pattern("/users/{user_id}").search("/users/42")
    assert route_pattern("/users/<int:user_id>").search("/api/v1/users/42/")
    assert not route_pattern("/users/{user_id}").search("/users")
    assert not route_pattern("/orders").search("/reorders")
    assert route_pattern("/").search("/")


def test_truthiness_message_names_a_response_body_as_written() -> None:
    source = """
def test_orders_page(client, app):
    resp = client.get("/orders")
    assert resp.json()


def test_orders_page_webtest(client):
    resp = client.get("/orders")
    assert resp.json_body


def test_total():
    total = compute_total([1, 2])
    assert total
"""
    messages = [f.message for f in findings_for(TruthinessOnlyAssertion, source)]
    assert [m.split("` is")[0].rpartition("`")[2] for m in messages] == ["resp.json()", "resp.json_body",
                                                                         "compute_total(...)"]
