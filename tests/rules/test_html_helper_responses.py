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
