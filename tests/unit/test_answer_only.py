"""`answer_only.changes_nothing`, the app model's early-stopping check, must answer as `inert_refs(...) == []` does."""

from __future__ import annotations

import libcst as cst
import pytest

from vibecheck.analysis.app_model.answer_only import changes_nothing, inert_refs
from vibecheck.imports import ImportTable

SOURCE = '''
from django.shortcuts import render
from .helpers import validate_locale, lookup
import requests


def pure(x):
    return len(x) + max(x)


def renders(request):
    return render(request, "page.html", {"n": len(request.GET.get("n", ""))})


def calls_project_helper(request):
    validate_locale(request.GET.get("locale"))
    return render(request, "page.html")


def helper_then_library(request):
    lookup(request)
    requests.post("https://example.com")


def stores_in_session(request):
    request.session["seen"] = True


def deletes(items):
    del items[0]


def declares_global():
    global COUNTER
    COUNTER = 1


def nested_acts_later():
    def inner():
        requests.get("https://example.com")
    return inner


def local_only(x):
    total = x
    total += 1
    return total
'''


def _functions() -> tuple[list[cst.FunctionDef], ImportTable]:
    module = cst.parse_module(SOURCE)
    return [s for s in module.body if isinstance(s, cst.FunctionDef)], ImportTable.from_module(module)


@pytest.mark.parametrize("name", [f.name.value for f in _functions()[0]])
def test_changes_nothing_agrees_with_inert_refs(name: str) -> None:
    functions, table = _functions()
    function = next(f for f in functions if f.name.value == name)
    imported = frozenset(table.aliases)
    expected = inert_refs(function, {}, table.qualified_name, imported, must_render=False) == []
    assert changes_nothing(function, table.qualified_name, imported) is expected


def test_changes_nothing_tells_the_inert_from_the_rest() -> None:
    functions, table = _functions()
    imported = frozenset(table.aliases)
    inert = {f.name.value for f in functions if changes_nothing(f, table.qualified_name, imported)}
    assert inert == {"pure", "renders", "nested_acts_later", "local_only"}
