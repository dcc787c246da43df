"""The project phase after an edit of one file (`vibecheck.project_delta`) gives what a whole phase gives.

Each step edits a small project as an agent does, runs the hook's check of the edited file with the cache (which
may take the phase from the base the previous run kept) and without it (a whole phase), and compares every finding
of the project phase, not only those of the reported file.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest

from vibecheck import cache, project_delta, runner, testing
from vibecheck.api import check_paths
from vibecheck.cache import CACHE_DIR, ResultCache
from vibecheck.config import load_settings
from vibecheck.model import EngineError, FileResult, Finding
from vibecheck.project import Project
from vibecheck.registry import load_registry
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification.untested_public_function import UntestedPublicFunction

REGISTRY = load_registry()

ORDERS = '''\
from shop.util import rounded


def total(items):
    return rounded(sum(items))


def refund(order):
    order.status = "refunded"
'''
UTIL = '''\
def rounded(value):
    return round(value, 2)
'''
TEST = '''\
from shop.orders import total


def test_total():
    assert total([1, 2]) == 3
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "shop"\n')
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "orders.py").write_text(ORDERS)
    (tmp_path / "shop" / "util.py").write_text(UTIL)
    (tmp_path / "shop" / "reports.py").write_text("from shop.orders import total\n\n\ndef summary(items):\n"
                                                   "    return total(items)\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_orders.py").write_text(TEST)
    return tmp_path


class Phases:
    """Runs the hook's check of one file and records the project phase's findings and whether the base was used."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, root: Path, select: tuple[str, ...] = ("ALL",)) -> None:
        self.root = root
        self.select = select
        self.found: list[list[Finding]] = []
        self.errors: list[list[EngineError]] = []
        self.updated: list[bool] = []
        phase, update = runner._project_phase, project_delta.update

        def recording_phase(*args: Any, **kwargs: Any) -> Any:
            findings, errors = phase(*args, **kwargs)
            self.found.append(findings)
            self.errors.append(errors)
            return findings, errors

        def recording_update(*args: Any, **kwargs: Any) -> Any:
            result = update(*args, **kwargs)
            self.updated.append(result is not None)
            return result

        monkeypatch.setattr(runner, "_project_phase", recording_phase)
        monkeypatch.setattr(project_delta, "update", recording_update)

    def hook(self, relative: str, *, cache: bool) -> list[tuple[Any, ...]]:
        """The project phase's findings of a run on `relative` (a file, as the hook runs; or a folder)."""
        path = str(self.root / relative)
        overrides: dict[str, Any] = {"force_exclude": True, "cache": cache, "select": self.select}
        settings = load_settings([path], REGISTRY, cwd=self.root, overrides=overrides)
        check_paths([path], settings, registry=REGISTRY)
        return sorted((f.location.path, f.location.start.line, f.code, f.message, f.line_text) for f in self.found[-1])

    def compare(self, relative: str) -> bool:
        """The phase with the cache equals a whole phase; whether the cached run used the base."""
        self.updated.clear()
        cached = self.hook(relative, cache=True)
        used = any(self.updated)
        assert cached == self.hook(relative, cache=False)
        assert self.errors[-2:] == [[], []]
        return used


def edit(root: Path, relative: str, text: str) -> None:
    (root / relative).parent.mkdir(parents=True, exist_ok=True)
    (root / relative).write_text(textwrap.dedent(text))


def test_edits_judged_from_the_base_equal_whole_phases(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    phases = Phases(monkeypatch, project)
    assert not phases.compare("shop/orders.py")  # the first run keeps the base
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    assert phases.compare("shop/orders.py")
    assert any("brand_new" in finding.message for finding in phases.found[-2])
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n\n\n"
                                             "def caller(value):\n    return brand_new(value)\n")
    assert phases.compare("shop/orders.py")  # a new function that calls the other: neither is reached
    edit(project, "shop/orders.py", "def first_of_all(items):\n    return items\n\n\n" + ORDERS
         + "\n\ndef brand_new(value):\n    return value\n")
    assert phases.compare("shop/orders.py")  # one added above the others (their lines move), one removed
    edit(project, "shop/orders.py", ORDERS)
    assert phases.compare("shop/orders.py")  # both removed


def test_the_states_are_kept_apart_and_written_only_by_a_whole_phase(monkeypatch: pytest.MonkeyPatch,
                                                                    project: Path) -> None:
    """What the rules' `change_state` kept is stored beside the base: a base made from the one before leaves it as it
    is; damaged, no base is used and the whole phase runs."""
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    states = next((project / CACHE_DIR / cache.ENTRIES).glob("*/*" + cache.BASE_STATES))
    written = states.stat()
    assert b"modules" in states.read_bytes()  # the reach the untested-code rules kept
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    assert phases.compare("shop/orders.py")
    assert (states.stat().st_ino, states.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    states.write_bytes(states.read_bytes().replace(b"modules", b"modulez"))
    edit(project, "shop/orders.py", ORDERS + "\n\ndef other_new(value):\n    return value\n")
    assert not phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS)
    assert phases.compare("shop/orders.py")  # the whole phase kept a new base, states and all


def test_presearch_looks_for_the_new_top_level_functions_in_the_other_files_facts() -> None:
    base = {project_delta.FACTS: {"a.py": {"definitions": [{"qualname": "kept"}]}}}
    texts = b'{"uses":["known_elsewhere"]}'
    source = b"def kept():\n    def inner():\n        pass\nasync def known_elsewhere():\n    pass\ndef brand_new(): pass\n"
    assert project_delta.presearch(base, texts, {"a.py": source, "b.py": b"def other(): pass\n"}) == (
        texts, {"known_elsewhere": True, "brand_new": False})  # b.py: no facts of it in the base


def test_the_phase_takes_what_was_found_ahead_only_in_the_text_it_was_found_in(monkeypatch: pytest.MonkeyPatch,
                                                                             project: Path) -> None:
    """A name found ahead in the base's other files' facts counts as found there (here: a planted answer, which makes
    the new function look named elsewhere, so the whole phase runs); ahead of other text, it is searched again."""
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    presearch = project_delta.presearch

    def planted(base: Any, texts: bytes, sources: Any) -> Any:
        return texts, {**presearch(base, texts, sources)[1], "brand_new": True}

    monkeypatch.setattr(project_delta, "presearch", planted)
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    assert not phases.compare("shop/orders.py")
    monkeypatch.setattr(project_delta, "presearch", lambda base, texts, sources: (b"other text", {"other_new": True}))
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n\n\n"
                                             "def other_new(value):\n    return value\n")
    assert phases.compare("shop/orders.py")


def test_edits_that_change_the_reach_run_the_whole_phase(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    assert phases.compare("shop/orders.py")
    edit(project, "tests/test_orders.py", TEST + "\n\ndef test_brand_new():\n    from shop.orders import brand_new\n"
                                               "    assert brand_new(1) == 1\n")
    assert not phases.compare("tests/test_orders.py")  # a test that calls it
    assert not any("brand_new" in finding.message for finding in phases.found[-1])
    phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n\n\n"
                                             "def summary(items):\n    return items\n")
    assert not phases.compare("shop/orders.py")  # a name another module defines
    edit(project, "shop/orders.py", ORDERS.replace("rounded(sum(items))", "sum(items)") + "\n\ndef brand_new(value):\n"
                                                                                          "    return value\n")
    assert not phases.compare("shop/orders.py")  # `rounded` is no longer reached
    edit(project, "shop/orders.py", ORDERS + "\n\n@register\ndef hooked(value):\n    return value\n")
    assert not phases.compare("shop/orders.py")  # a decorated function may be run unnamed
    (project / "shop" / "util.py").unlink()
    assert not phases.compare("shop/orders.py")  # a file deleted
    edit(project, "shop/orders.py", "def total(items):\n    return sum(items)\n")
    assert not phases.compare("shop/orders.py")  # a function removed that a test calls... and `refund` removed


def test_a_new_function_named_by_another_file_is_not_inert(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    edit(project, "shop/reports.py", "from shop.orders import total\n\n\ndef summary(items):\n"
                                     "    return total(items) + later(items)\n")
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS + "\n\ndef later(items):\n    return 0\n")
    assert not phases.compare("shop/orders.py")


CALL_VIEWS = """\
from django.template.response import TemplateResponse
from django.views.generic import View

from calls.gateway import validate_voice_locale


class CallApp(View):
    def post(self, request, token):
        validate_voice_locale(request.GET.get("locale", ""))
        return TemplateResponse(request, "token.xml", {"token": token}, content_type="text/xml")
"""
GATEWAY = """\
from django.utils.translation import pgettext


def validate_voice_locale(locale):
    if pgettext("voice", locale) not in ("en", "fr"):
        raise NotImplementedError(locale)
"""
LOGGING_GATEWAY = GATEWAY.replace("    if pgettext", "    CallLog.objects.create(locale=locale)\n    if pgettext")


@pytest.mark.parametrize("select", [("VC201",), ("VC201", "VC219", "VC301")])
def test_a_helper_that_becomes_inert_or_not_moves_the_routes_that_call_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, select: tuple[str, ...]) -> None:
    """A POST that only renders its answer changes nothing if the project functions it calls are inert (a fact of
    their module): an edit of that module that makes one act, or inert again, changes VC201's verdict on the route,
    as a whole phase gives it; a helper no route calls changes nothing, and the edit is judged from the base."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "calls"\ndependencies = ["django"]\n')
    edit(tmp_path, "calls/__init__.py", "")
    edit(tmp_path, "calls/views.py", CALL_VIEWS)
    edit(tmp_path, "calls/gateway.py", GATEWAY)
    edit(tmp_path, "calls/urls.py", "from django.urls import path\n\nfrom calls import views\n\n"
                                    'urlpatterns = [path("call/<token>/", views.CallApp.as_view())]\n')
    edit(tmp_path, "calls/auth.py", "from django.contrib.auth.decorators import login_required\n\n\n"
                                    "@login_required\ndef profile(request):\n    return None\n")
    edit(tmp_path, "tests/test_gateway.py", "from calls.gateway import validate_voice_locale\n\n\n"
                                            "def test_locale():\n    assert validate_voice_locale('en') is None\n")
    phases = Phases(monkeypatch, tmp_path, select)

    def reported() -> bool:
        return any(f.code == "VC201" and "CallApp.post" in f.message for f in phases.found[-1])

    phases.compare(".")
    assert not reported()
    edit(tmp_path, "calls/gateway.py", GATEWAY + "\n\ndef doubled(value):\n    return value * 2\n")
    assert phases.compare(".")  # an inert helper nobody calls: nothing moves
    assert not reported()
    edit(tmp_path, "calls/gateway.py", LOGGING_GATEWAY)
    phases.compare(".")
    assert reported()  # the helper writes a record: the POST changes state
    edit(tmp_path, "calls/gateway.py", GATEWAY)
    phases.compare(".")
    assert not reported()


def test_a_rule_run_again_on_the_changed_file_alone_needs_its_facts_in_no_other_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A run over the folder of a small project keeps the facts of all its files; VC417 joins the summaries of two."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "svc"\ndependencies = ["flask"]\n')
    edit(tmp_path, "svc/__init__.py", "")
    app = textwrap.dedent("""\
        from flask import Flask, request

        from svc.shell import ping

        app = Flask(__name__)


        @app.route("/ping")
        def ping_view():
            return ping(request.args["host"])
        """)
    edit(tmp_path, "svc/app.py", app)
    edit(tmp_path, "svc/shell.py", "import os\n\n\ndef ping(host):\n    return os.system(f\"ping {host}\")\n")
    edit(tmp_path, "tests/test_app.py", "from svc.app import ping_view\n\n\ndef test_ping():\n    assert ping_view\n")
    phases = Phases(monkeypatch, tmp_path)
    phases.compare(".")
    assert any(finding.code == "VC417" for finding in phases.found[-1])  # in shell.py, where the command runs
    edit(tmp_path, "svc/app.py", app + "\n\ndef brand_new(value):\n    return value\n")
    assert not phases.compare(".")  # VC417 joins the summaries of app.py with those of shell.py
    assert any(finding.code == "VC417" for finding in phases.found[-1])


def test_an_edit_of_a_file_the_base_does_not_hold_runs_the_whole_phase(monkeypatch: pytest.MonkeyPatch,
                                                                      project: Path) -> None:
    """The base holds the facts of the hook's files only, and the digest of every other file's facts: an edit of
    another file (with one of the hook's file, or alone) is not judged from it."""
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    edit(project, "shop/util.py", UTIL + "\n\ndef other_new(value):\n    return value\n")
    assert not phases.compare("shop/orders.py")
    edit(project, "shop/util.py", UTIL)
    assert not phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS)
    assert phases.compare("shop/orders.py")


def test_a_project_without_tests_is_judged_whole(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    (project / "tests" / "test_orders.py").unlink()
    (project / "tests").rmdir()
    phases = Phases(monkeypatch, project)
    phases.compare(".")
    edit(project, "shop/util.py", UTIL + "\n\ndef brand_new(value):\n    return value\n")
    assert not phases.compare(".")  # VC307 counts the modules and names the first
    edit(project, "shop/util.py", UTIL)
    assert not phases.compare(".")


def test_a_rule_that_raises_while_judging_the_edit_leaves_it_to_the_whole_phase(
        monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")

    def raising(*args: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(UntestedPublicFunction, "check_change", raising)
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    path = str(project / "shop" / "orders.py")
    settings = load_settings([path], REGISTRY, cwd=project, overrides={"force_exclude": True, "select": ("ALL",)})
    report = check_paths([path], settings, registry=REGISTRY)
    assert phases.updated == [False]
    assert any("VC301 could not judge the edit" in warning and "a bug" in warning for warning in report.warnings)
    assert any("brand_new" in finding.message for finding in report.findings)


def test_a_damaged_entry_of_the_changed_file_is_reported_once(monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    phases = Phases(monkeypatch, project)
    phases.compare("shop/orders.py")
    edit(project, "shop/orders.py", ORDERS + "\n\ndef brand_new(value):\n    return value\n")
    path = str(project / "shop" / "orders.py")
    original, damaged = ResultCache.deferred_facts, []

    def damaged_once(self: ResultCache, where: str, texts: Any = None) -> Any:
        if where == path and not damaged:  # then the entry is gone, as `deferred_facts` removes a damaged one
            damaged.append(where)
            raise ValueError("not JSON")
        return original(self, where, texts)

    monkeypatch.setattr(ResultCache, "deferred_facts", damaged_once)
    settings = load_settings([path], REGISTRY, cwd=project, overrides={"force_exclude": True, "select": ("ALL",)})
    report = check_paths([path], settings, registry=REGISTRY)
    assert phases.updated == [False]
    assert [error.path for error in report.errors] == [path]
    assert "the project rules ran without its facts" in report.errors[0].message


class _Recording(dict[str, Any]):
    """A file's facts that note each key a rule reads (a rule that iterates them reads `*`)."""

    read: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)

    def __iter__(self) -> Any:
        self.read.add("*")
        return super().__iter__()

    def items(self) -> Any:
        self.read.add("*")
        return super().items()

    def keys(self) -> Any:
        self.read.add("*")
        return super().keys()

    def values(self) -> Any:
        self.read.add("*")
        return super().values()


@pytest.mark.parametrize("app", ["vibe-app", "flow-apps/sql_reports", "flow-apps/catalog_api"])
def test_the_project_rules_read_only_the_facts_they_declare(monkeypatch: pytest.MonkeyPatch, app: str) -> None:
    """What lets a rule keep its findings when the facts it declares did not change (`ProjectRule.reads_facts`)."""
    folder = Path(__file__).parents[2] / "examples" / app
    sources = {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*.py"))}
    rules = [rule for rule in REGISTRY.rules if issubclass(rule, ProjectRule)]
    checked: dict[str, Project] = {}

    def recording(project: Project, rules_run: Any, parts: Any = None) -> tuple[list[Finding], list[EngineError]]:
        checked["project"] = project
        return [], []

    monkeypatch.setattr(testing, "run_project_rules", recording)
    testing.sources_findings(sources, rules, root=folder)
    project = checked["project"]
    for rule in rules:
        _Recording.read = set()
        fresh = Project(root=project.root, files={path: FileResult(path, facts=_Recording(result.facts))
                                                  for path, result in project.files.items()},
                        test_files=set(project.test_files), relative=dict(project.relative))
        list(rule().check_project(fresh))
        assert rule.reads_facts is not None and _Recording.read <= set(rule.reads_facts), rule.code


YAML_LOADERS = "import yaml\n\n\nclass AppLoader(yaml.Loader):\n    pass\n"
YAML_READER = ("import yaml\n\nfrom shop.loaders import AppLoader\n\n\n"
               "def read(text):\n    return yaml.load(text, Loader=AppLoader)\n")


def _conditional(found: list[Finding]) -> list[tuple[str, int]]:
    return [(Path(f.location.path).name, f.location.start.line) for f in found if f.code == "VC406"]


def test_a_conditional_finding_is_reported_once_and_its_project_runs_whole(
        monkeypatch: pytest.MonkeyPatch, project: Path) -> None:
    """A finding that waits for the project's classes (`Rule.report(unless=...)`) comes back once per phase, not once per
    project rule; and since any file's classes may clear it, an edit of such a project takes no base."""
    edit(project, "shop/loaders.py", YAML_LOADERS)
    edit(project, "shop/config.py", YAML_READER)
    phases = Phases(monkeypatch, project)
    assert not phases.compare("shop/config.py")
    assert _conditional(phases.found[-1]) == [("config.py", 7)]
    edit(project, "shop/config.py", YAML_READER + "\n\ndef brand_new(value):\n    return value\n")
    assert not phases.compare("shop/config.py")
    assert _conditional(phases.found[-1]) == [("config.py", 7)]
    edit(project, "shop/loaders.py", YAML_LOADERS.replace("yaml.Loader", "yaml.SafeLoader"))
    assert not phases.compare("shop/config.py")
    assert _conditional(phases.found[-1]) == []  # the loader's module made it safe: cleared
