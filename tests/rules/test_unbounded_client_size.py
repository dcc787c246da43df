"""VC428 unbounded-client-size beyond its main corpus: Django/DRF and FastAPI corpora, the command line, test files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import libcst as cst
import pytest

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import selected_findings
from vibecheck.rules.security._body_limits import body_limit_facts
from vibecheck.rules.security.unbounded_client_size import UnboundedClientSize
from vibecheck.testing import check_corpus, findings_for, parse_annotations


@pytest.mark.parametrize("name", ["cases_django.py", "cases_fastapi.py"])
def test_corpus_is_reported_exactly(name: str) -> None:
    [corpus] = RULES_DIR.glob(f"VC428-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC428")
    assert len(expected) >= 3 and len(ok) >= 3
    result = check_corpus(UnboundedClientSize, corpus)
    assert not result.missed and not result.unexpected, result.describe()


VIEW = """
from flask import Flask, request
from app.models import Post

app = Flask(__name__)

@app.get("/posts")
def posts():
    {body}
    return [p.id for p in Post.query.limit(limit).all()]
"""


@pytest.mark.parametrize(("body", "reported"), [
    ('limit = int(request.args["limit"])', True),
    ('raw = request.args["limit"]\n    wanted = int(raw)\n    limit = wanted * 2', True),
    ('limit = max(1, int(request.args["limit"]))', True),
    ('limit = min(int(request.args["limit"]), 50)', False),
    ('limit = int(request.args["limit"])\n    assert limit <= 50', False),
    ('limit = int(request.args["limit"])\n    if limit > 0:\n        pass', True),
    ('limit = int(request.args["limit"])\n    validate_page_size(limit)', False),
    ('limit = len(request.args)', False),
])
def test_multi_step_flows_and_caps(body: str, reported: bool) -> None:
    findings = findings_for(UnboundedClientSize, VIEW.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


def test_message_names_the_value_its_source_and_the_sink() -> None:
    [finding] = findings_for(UnboundedClientSize, VIEW.format(body='limit = int(request.args["limit"])'))
    assert "`limit`" in finding.message and "request.args" in finding.message and "limit()" in finding.message
    assert finding.hint is not None and "min(" in finding.hint
    assert finding.cwe == (400, 770)


def test_the_command_line_reports_an_app_and_not_its_tests(tmp_path: Path) -> None:
    view = textwrap.dedent(VIEW.format(body='limit = int(request.args["limit"])'))
    (tmp_path / "app.py").write_text(view, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text(view, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC428")
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [("app.py", "VC428", "medium")]


def test_a_suppression_with_a_reason_silences_it(tmp_path: Path) -> None:
    source = textwrap.dedent(VIEW.format(body='limit = int(request.args["limit"])')).replace(
        ".limit(limit).all()]", ".limit(limit).all()]  # vibecheck: ignore[VC428] -- an admin-only export")
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    assert selected_findings(tmp_path, "VC428") == []


SCHEMAS = """
from typing import Literal

from pydantic import BaseModel, Field, field_validator


class Paging(BaseModel):
    limit: int = Field(20, le=100)
    offset: int = 0


class Search(Paging):
    size: Literal[10, 50] = 10
    depth: int = 1
    rows: int = 10

    @field_validator("rows")
    @classmethod
    def cap_rows(cls, value: int) -> int:
        return min(value, 500)
"""

ROUTES = """
from fastapi import FastAPI

from app.models import Item
from .schemas import Paging, Search

app = FastAPI()


@app.post("/items")
def items(page: Paging):
    return Item.query.limit(page.limit).all()


@app.post("/search")
def search(query: Search):
    bounded = Item.query.limit(query.limit).all() + Item.query.limit(query.size).all()
    validated = Item.query.limit(query.rows).all()
    return bounded + validated + Item.query.limit(query.depth).all()
"""


def test_fields_bounded_in_a_schema_module_beside_the_routes(tmp_path: Path) -> None:
    """A body model imported from `schemas.py` beside the routes: its fields with `le=`, a `Literal` or a validator
    (also those it inherits in that module) are bounded, a plain `int` field is not."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "app" / "schemas.py").write_text(SCHEMAS, encoding="utf-8")
    (tmp_path / "app" / "main.py").write_text(ROUTES, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC428")
    assert [(f["path"], f["line_text"].strip()) for f in findings] == [  # type: ignore[union-attr]
        ("app/main.py", "return bounded + validated + Item.query.limit(query.depth).all()")]


def test_fields_a_local_model_inherits_are_bounded() -> None:
    source = SCHEMAS + ROUTES.replace("from .schemas import Paging, Search\n", "")
    assert [f.location.start.line for f in findings_for(UnboundedClientSize, source)] == [
        len(SCHEMAS.splitlines()) + len(ROUTES.splitlines()) - 1]


UPLOAD_VIEWS = """
from flask import Blueprint, jsonify, request

bp = Blueprint("imports", __name__)

@bp.post("/import")
def import_csv():
    text = request.files["csv"].read().decode()
    return jsonify({"rows": text.count("\\n")})
"""
CONFIG_CLASS = """
class Config:
    SECRET_KEY = "dev"
    MAX_CONTENT_LENGTH = {cap}
"""
FACTORY = """
from flask import Flask

from .views import bp

def create_app():
    app = Flask(__name__)
    {load}
    app.register_blueprint(bp)
    return app
"""


@pytest.mark.parametrize(("config", "load", "reported"), [
    (CONFIG_CLASS.format(cap="16 * 1024 * 1024"), 'app.config.from_object("app.config.Config")', False),
    (CONFIG_CLASS.format(cap="16 * 1024 * 1024"), "app.config.from_object(Config)", False),
    ("MAX_CONTENT_LENGTH = 8_000_000\n", 'app.config.from_pyfile("config.py")', False),
    ("", "app.config.from_mapping(SECRET_KEY='dev', MAX_CONTENT_LENGTH=10 * 1024 * 1024)", False),
    ("", 'app.config.update({"MAX_CONTENT_LENGTH": 10 * 1024 * 1024})', False),
    ("", 'app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024', False),
    # must fire: no module sets the cap, the cap is None, or a module declares it and no config is loaded
    (CONFIG_CLASS.format(cap="None"), 'app.config.from_object("app.config.Config")', True),
    ("SECRET_KEY = 'dev'\n", 'app.config.from_pyfile("config.py")', True),
    (CONFIG_CLASS.format(cap="16 * 1024 * 1024"), "app.secret_key = 'dev'", True),
    ("", "app.config.from_mapping(MAX_CONTENT_LENGTH=None)", True),
    ("", "print(app.config.get('MAX_CONTENT_LENGTH'))", True),
])
def test_a_flask_cap_set_in_another_module_bounds_an_upload(tmp_path: Path, config: str, load: str,
                                                             reported: bool) -> None:
    """`MAX_CONTENT_LENGTH` set where the app is built, or declared in a config module the app loads, caps every
    request body: an upload read whole in a blueprint of the project is then bounded."""
    package = tmp_path / "app"
    package.mkdir()
    imported = "from .config import Config\n" if "(Config)" in load else ""
    (package / "__init__.py").write_text(imported + textwrap.dedent(FACTORY).replace("{load}", load), encoding="utf-8")
    (package / "config.py").write_text(textwrap.dedent(config), encoding="utf-8")
    (package / "views.py").write_text(textwrap.dedent(UPLOAD_VIEWS), encoding="utf-8")
    findings = selected_findings(tmp_path, "VC428")
    assert [(f["path"], f["code"]) for f in findings] == ([("app/views.py", "VC428")] if reported else [])


@pytest.mark.parametrize(("source", "facts"), [
    ("class Config:\n    MAX_CONTENT_LENGTH = 1024\n", ["declared"]),
    ('app.config["MAX_CONTENT_LENGTH"] = 1024\n', ["set"]),
    ("app.config.from_mapping(MAX_CONTENT_LENGTH=1024)\n", ["set"]),
    ('app.config.from_object("config.Config")\napp.config.from_file("c.toml", load=toml.load)\n', ["loads"]),
    ('app.config.from_pyfile("config.py")\napp.config.from_envvar("APP_SETTINGS")\n', ["loads"]),
    # the loaders' names inside longer names (Django's fields and debug view): no fact, and no walk of the module
    ("def value_from_object(self, obj):\n    return self.config.value_from_object(obj)\n", []),
    ("lines = self._get_lines_from_file(filename)\nMAX_CONTENT_LENGTHS = 3\n", []),
])
def test_a_module_holds_body_limit_facts_only_by_whole_words(source: str, facts: list[str]) -> None:
    assert body_limit_facts(cst.parse_module(source), source) == facts
