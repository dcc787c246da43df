"""VC411 through VC417: a page a helper of another module builds from the client's text, sent in a response object."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

RENDER = """
    import json

    from markupsafe import escape

    def note_card(title):
        return f"<div class='card'><h2>{title}</h2></div>"

    def safe_card(title):
        return f"<div class='card'><h2>{escape(title)}</h2></div>"

    def as_json(title):
        return json.dumps({"title": title})

    def as_dict(title):
        return {"title": title}
"""
FLASK_ROUTES = """
    from flask import Flask, make_response, request

    from .views import render

    app = Flask(__name__)

    @app.get("/card")
    def card():
        return make_response(render.note_card(request.args["q"]))

    @app.get("/escaped")
    def escaped():
        return make_response(render.safe_card(request.args["q"]))

    @app.get("/json")
    def as_json():
        return make_response(render.as_json(request.args["q"]))

    @app.get("/dict")
    def as_dict():
        return make_response(render.as_dict(request.args["q"]))
"""
DJANGO_VIEWS = """
    from django.http import HttpResponse

    from .views.render import note_card

    def card(request):
        return HttpResponse(note_card(request.GET["title"]))

    def card_as_text(request):
        return HttpResponse(note_card(request.GET["title"]), content_type="text/plain")
"""
FASTAPI_ROUTES = """
    from fastapi import FastAPI
    from fastapi.responses import HTMLResponse

    from .views.render import note_card, safe_card

    api = FastAPI()

    @api.get("/card")
    def card(title: str):
        return HTMLResponse(note_card(title))

    @api.get("/escaped")
    def escaped(title: str):
        return HTMLResponse(safe_card(title))
"""


def test_a_helpers_page_of_client_text_in_a_response_object_is_reported(tmp_path: Path) -> None:
    sources = {"app/__init__.py": "", "app/views/__init__.py": "", "app/views/render.py": RENDER,
               "app/routes.py": FLASK_ROUTES, "app/django_views.py": DJANGO_VIEWS, "app/api.py": FASTAPI_ROUTES}
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=("VC411", "VC417"), no_bandit=True, cache=False)
    findings = check_paths([str(tmp_path)], settings).findings
    reported = sorted((Path(f.location.path).name, f.code, f.line_text.strip()) for f in findings)
    assert reported == [
        ("api.py", "VC417", "return HTMLResponse(note_card(title))"),
        ("django_views.py", "VC417", 'return HttpResponse(note_card(request.GET["title"]))'),
        ("routes.py", "VC417", 'return make_response(render.note_card(request.args["q"]))'),
    ]


STORED_ROUTES = """
    import sqlite3

    from flask import Flask

    from .views import render
    from .views.render import note_card, safe_card
    from .views.templates import page

    app = Flask(__name__)

    def db():
        return sqlite3.connect("app.db")

    @app.get("/notes/<int:note_id>")
    def show(note_id):
        title = db().execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
        return note_card(title)

    @app.get("/notes/<int:note_id>/raw")
    def show_module(note_id):
        title = db().execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
        return render.note_card(title)

    @app.get("/notes/<int:note_id>/safe")
    def show_escaped(note_id):
        title = db().execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
        return safe_card(title)

    @app.get("/welcome")
    def welcome():
        return note_card("Welcome")

    @app.get("/notes/<int:note_id>/json")
    def show_json(note_id):
        title = db().execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
        return render.as_json(title)

    @app.get("/notes/<int:note_id>/page")
    def show_page(note_id):
        title = db().execute("SELECT title FROM notes WHERE id = ?", (note_id,)).fetchone()[0]
        return page(title)
"""
TEMPLATES = """
    from jinja2 import Template

    def page(title):
        return Template("<h1>{{ title }}</h1>", autoescape=True).render(title=title)
"""


def test_a_page_a_helper_of_another_module_builds_from_stored_values_is_reported(tmp_path: Path) -> None:
    sources = {"app/__init__.py": "", "app/views/__init__.py": "", "app/views/render.py": RENDER,
               "app/views/templates.py": TEMPLATES, "app/routes.py": STORED_ROUTES}
    for relative, text in sources.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(textwrap.dedent(text), encoding="utf-8")
    settings = Settings(root=str(tmp_path), select=("VC427",), no_bandit=True, cache=False)
    reported = sorted(f.line_text.strip() for f in check_paths([str(tmp_path)], settings).findings)
    assert reported == ["return note_card(title)", "return render.note_card(title)"]
    # without the helper's module in the run, nothing shows the helper builds markup
    alone = check_paths([str(tmp_path / "app" / "routes.py")], settings).findings
    assert alone == []
