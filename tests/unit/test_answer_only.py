"""`answer_only.changes_nothing`, the app model's early-stopping check, must answer as `inert_refs(...) == Answer([],
False)` does; and what `inert_refs` makes of a search form's POST (Flask, Jinja, the ORM's query API)."""

from __future__ import annotations

import libcst as cst
import pytest

from vibecheck.analysis.app_model.answer_only import Answer, changes_nothing, inert_refs
from vibecheck.imports import ImportTable

SOURCE = '''
from django.shortcuts import render
from flask import render_template, request as flask_request
from jinja2 import Template
from .forms import SearchForm
from .helpers import validate_locale, lookup
from .models import Post, db
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


def flask_search():
    form = SearchForm(flask_request.form)
    if form.validate_on_submit():
        posts = Post.query.filter(Post.title.contains(form.q.data)).order_by(Post.id.desc()).all()
        return render_template("results.html", posts=posts, total=db.session.query(Post).count())
    return render_template("search.html", form=form, q=flask_request.args.get("q", "").strip())


def jinja_pages(env):
    page = env.get_template("page.html").render(name=flask_request.form.get("name"))
    return page + Template("<p>{{ n }}</p>").render(n=1)


def deletes_by_query():
    Post.query.filter_by(draft=True).delete()
    return render_template("done.html")


def adds_to_the_session():
    db.session.add(Post(title=flask_request.form["title"]))
    return render_template("done.html")


def fetches_with_a_library():
    return render_template("page.html", body=requests.get("https://example.com").text)


def saves_the_form():
    form = SearchForm(flask_request.form)
    form.populate_obj(Post())
    return render_template("done.html")
'''


def _functions() -> tuple[list[cst.FunctionDef], ImportTable]:
    module = cst.parse_module(SOURCE)
    return [s for s in module.body if isinstance(s, cst.FunctionDef)], ImportTable.from_module(module)


@pytest.mark.parametrize("name", [f.name.value for f in _functions()[0]])
def test_changes_nothing_agrees_with_inert_refs(name: str) -> None:
    functions, table = _functions()
    function = next(f for f in functions if f.name.value == name)
    imported = frozenset(table.aliases)
    expected = inert_refs(function, {}, table.qualified_name, imported, must_render=False) == Answer([], False)
    assert changes_nothing(function, table.qualified_name, imported) is expected


def test_changes_nothing_tells_the_inert_from_the_rest() -> None:
    functions, table = _functions()
    imported = frozenset(table.aliases)
    inert = {f.name.value for f in functions if changes_nothing(f, table.qualified_name, imported)}
    assert inert == {"pure", "renders", "nested_acts_later", "local_only", "jinja_pages"}


@pytest.mark.parametrize(("name", "expected"), [
    ("flask_search", Answer([], True)),  # renders, and reads stored posts (VC219 judges it as a read)
    ("jinja_pages", Answer([], False)),
    ("calls_project_helper", Answer(["validate_locale"], False)),
    ("deletes_by_query", None), ("adds_to_the_session", None), ("fetches_with_a_library", None), ("saves_the_form", None),
])
def test_a_post_that_only_answers_a_search_form(name: str, expected: Answer | None) -> None:
    functions, table = _functions()
    function = next(f for f in functions if f.name.value == name)
    assert inert_refs(function, {}, table.qualified_name, frozenset(table.aliases)) == expected
