"""VC301/VC302 static reach through code run by name: dispatch by method-name prefix, package walks, templates."""

from __future__ import annotations

from pathlib import Path

from tests.rules.test_untested_code import write_project
from vibecheck.model import Finding
from vibecheck.rules.verification.module_without_tests import ModuleWithoutTests
from vibecheck.rules.verification.no_tests import NoTests
from vibecheck.rules.verification.untested_public_function import UntestedPublicFunction
from vibecheck.testing import project_findings

PROJECT_RULES = [UntestedPublicFunction, ModuleWithoutTests, NoTests]

LINT = {
    "pyproject.toml": """
        [project]
        name = "lint"

        [project.entry-points."lint.extras"]
        extra = "lint.extra"
    """,
    "src/lint/__init__.py": "",
    # the project's own dispatcher: `dir()` filtered by name prefixes, and `getattr` with an f-string
    "src/lint/engine.py": """
        def handlers(obj):
            return [getattr(obj, name) for name in dir(obj) if name.startswith(("on_", "after_"))]

        def fire(obj, event):
            return getattr(obj, f"handle_{event}")()

        class Plugin:
            name = "base"
    """,
    "src/lint/hooks.py": """
        from lint.engine import Plugin

        class Audit(Plugin):
            def on_start(self):
                return "start"

            def after_stop(self):
                return "stop"

            def handle_save(self):
                return "save"

            def describe(self):
                return "audit"
    """,
    # a library dispatcher under a project base class: `Names` inherits `ast.NodeVisitor` through `Base`
    "src/lint/visitors.py": """
        import ast
        import cmd

        class Base(ast.NodeVisitor):
            def visit_Call(self, node):
                self.generic_visit(node)

        class Names(Base):
            def visit_Name(self, node):
                self.seen = node.id

            def report_unused(self):
                return self.seen

        class BaseShell(cmd.Cmd):
            prompt = "> "

        class AppShell(BaseShell):
            def do_greet(self, line):
                print("hello", line)

            def help_greet(self):
                print("greets")

            def unused_helper(self):
                return 1
    """,
    # a registry that walks the package handed to it and collects the subclasses of `Plugin`
    "src/lint/registry.py": """
        import importlib
        import inspect
        import pkgutil

        from lint.engine import Plugin

        def load_plugins(package):
            found = []
            for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
                module = importlib.import_module(info.name)
                for _, obj in inspect.getmembers(module, inspect.isclass):
                    if issubclass(obj, Plugin):
                        found.append(obj)
            return found
    """,
    "src/lint/plugins/__init__.py": """
        import sys

        from lint.registry import load_plugins

        def all_plugins():
            return load_plugins(sys.modules[__name__])
    """,
    "src/lint/plugins/alpha.py": """
        from lint.engine import Plugin

        class Alpha(Plugin):
            def on_start(self):
                return "alpha"

        def loose_function():
            return 0
    """,
    "src/lint/plugins/deep/__init__.py": "",
    "src/lint/plugins/deep/beta.py": """
        from lint.engine import Plugin

        class Beta(Plugin):
            def after_stop(self):
                return "beta"
    """,
    # modules imported by a name built from a package's name: `backend()` calls their `connect`
    "src/lint/storage.py": """
        import importlib

        def backend(name):
            return importlib.import_module("lint.backends." + name).connect()
    """,
    "src/lint/backends/__init__.py": "",
    "src/lint/backends/memory.py": """
        def connect():
            return {}

        def dump():
            return ""
    """,
    "src/lint/extra.py": """
        def setup():
            return 1
    """,
    # a method called only from a template
    "src/lint/report.py": """
        class Report:
            def __init__(self, items):
                self.items = items

            def summary_line(self):
                return f"{len(self.items)} items"

            def unused_line(self):
                return ""
    """,
    "src/lint/templates/report.html": """
        <p>{{ report.summary_line() }}</p>
        {% for item in report.items %}{{ item }}{% endfor %}
    """,
    # click subcommands, run by the name on the command line
    "src/lint/cli.py": """
        import click

        @click.group()
        def cli():
            pass

        @cli.command("greet")
        def greet_command():
            click.echo("hi")

        def unused_cli_helper():
            return 1
    """,
    "tests/test_lint.py": """
        from click.testing import CliRunner

        from lint.cli import cli
        from lint.engine import fire, handlers
        from lint.hooks import Audit
        from lint.plugins import all_plugins
        from lint.report import Report
        from lint.storage import backend
        from lint.visitors import AppShell, Names

        def test_everything():
            assert [h() for h in handlers(Audit())] == ["stop", "start"]
            assert fire(Audit(), "save") == "save"
            assert len(all_plugins()) == 2
            assert backend("memory") == {}
            assert Report([1]).items == [1]
            assert AppShell().onecmd("greet x") is None
            Names().visit(compile("f(x)", "<t>", "eval", 0x400))
            assert CliRunner().invoke(cli, ["greet"]).output == "hi\\n"
    """,
}


def reported(findings: list[Finding], code: str) -> list[str]:
    return sorted(f.message.split("`")[1] for f in findings if f.code == code)


def test_code_run_by_name_counts_as_reached(tmp_path: Path) -> None:
    findings = project_findings(write_project(tmp_path, LINT), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "lint.backends.memory.dump",       # the backend is loaded by name, only `connect` is called
        "lint.cli.unused_cli_helper",
        "lint.extra.setup",                # an entry point module is imported; nothing names `setup`
        "lint.hooks.Audit.describe",       # `on_`, `after_`, `handle_` methods are dispatched, `describe` is not
        "lint.plugins.alpha.loose_function",  # the walk collects `Plugin` subclasses, not other functions
        "lint.report.Report.unused_line",  # `summary_line` is called by the template
        "lint.visitors.AppShell.unused_helper",  # `cmd.Cmd` runs `do_*` and `help_*` through `BaseShell`
        "lint.visitors.Names.report_unused",     # `ast.NodeVisitor` runs `visit_*` through `Base`
    ]
    assert reported(findings, "VC302") == []


def test_package_walk_reaches_only_the_package_it_walks(tmp_path: Path) -> None:
    """`iter_modules` lists a package's own modules, not those of its sub-packages; an unwalked package stays unreached."""
    files = dict(LINT)
    files["src/lint/registry.py"] = LINT["src/lint/registry.py"].replace("walk_packages(", "iter_modules(")
    files["src/lint/storage.py"] = "def backend(name):\n    return name\n"
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC302") == ["lint.backends.memory", "lint.plugins.deep.beta"]


def test_templates_and_dispatch_need_reached_code(tmp_path: Path) -> None:
    """A dispatcher no test reaches dispatches nothing; a template name calls only methods of loaded modules."""
    files = {name: text for name, text in LINT.items() if not name.startswith("tests/")}
    files["tests/test_lint.py"] = """
        from lint.hooks import Audit

        def test_audit_describes_itself():
            assert Audit().describe() == "audit"
    """
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "lint.engine.fire", "lint.engine.handlers", "lint.extra.setup",
        "lint.hooks.Audit.after_stop", "lint.hooks.Audit.handle_save", "lint.hooks.Audit.on_start",
    ]
    # `report` is named only by the template, `plugins` only by the walk that no test runs
    assert reported(findings, "VC302") == [
        "lint.backends.memory", "lint.cli", "lint.plugins", "lint.plugins.alpha", "lint.plugins.deep.beta",
        "lint.registry", "lint.report", "lint.storage", "lint.visitors",
    ]


# Code that runs without a test naming it, found on mature projects (celery, Django): a test suite in a folder the
# default `test-paths` do not match, pytest hooks, registry decorators, click's help formatting, format strings,
# metaclasses, attribute lookups by a helper, a method reached through an API object. Beside each, code that stays
# untested.
WORKER = {
    "pyproject.toml": '[project]\nname = "worker"\n',
    "worker/__init__.py": "",
    "worker/_state.py": """
        _finalizers = set()

        def on_finalize(callback):
            _finalizers.add(callback)
            return callback

        def finalize(app):
            for callback in _finalizers:
                callback(app)

        def tagged(fun):
            fun.tagged = True
            return fun
    """,
    "worker/builtins.py": """
        from worker._state import on_finalize, tagged

        @on_finalize
        def add_backend_cleanup(app):
            return app

        @tagged
        def add_unregistered(app):
            return app
    """,
    "worker/app.py": """
        from worker import builtins
        from worker._state import finalize

        class Meta(type):
            def __instancecheck__(cls, instance):
                return True

        class Empty(metaclass=Meta):
            pass

        class Worker:
            R_WORKER = "<Worker: {0.hostname} ({0.status_string})>"

            def __init__(self, hostname):
                self.hostname = hostname

            def __repr__(self):
                return self.R_WORKER.format(self)

            @property
            def status_string(self):
                return "ONLINE"

            @property
            def unused_status(self):
                return "OFFLINE"

        class Feed:
            def _get_dynamic_attr(self, attname, obj):
                return getattr(self, attname)(obj)

            def render(self, item):
                return self._get_dynamic_attr("item_title", item)

            def item_title(self, item):
                return str(item)

            def item_author(self, item):
                return ""

        class Introspection:
            def installed_worker_models(self, tables):
                return tables

            def removed_worker_models(self, tables):
                return []

        class Connection:
            introspection = Introspection()

        def start():
            finalize(object())
            return Worker("w1"), Empty(), Feed().render(1)
    """,
    "worker/cli.py": """
        import click

        class WorkerCommand(click.Command):
            def format_options(self, ctx, formatter):
                formatter.write_text("options")

            def describe(self):
                return "worker"
    """,
    "worker/plugin.py": """
        def pytest_configure(config):
            config.addinivalue_line("markers", "worker: a worker test")

        def worker_app():
            return None

        def unused_plugin_helper():
            return None
    """,
    "worker/db.py": """
        from sqlalchemy.ext.compiler import compiles
        from sqlalchemy.sql.expression import FunctionElement

        from worker.app import Connection

        connection = Connection()

        class array_get(FunctionElement):
            name = "array_get"

        @compiles(array_get)
        def compile_array_get(element, compiler, **kw):
            return "array_get(%s)" % compiler.process(element.clauses, **kw)

        def compile_array_set(element, compiler, **kw):
            return "array_set(%s)" % compiler.process(element.clauses, **kw)
    """,
    # celery's layout: the test suite under `t/`, with helpers beside the test files
    "t/__init__.py": "",
    "t/integration/__init__.py": "",
    "t/integration/tasks.py": """
        def mul(x, y):
            return x * y
    """,
    "t/integration/test_tasks.py": """
        from worker.app import Worker, start
        from worker.cli import WorkerCommand
        from worker.db import connection
        from worker.plugin import worker_app

        from .tasks import mul

        def test_start():
            assert repr(start()[0]) == "<Worker: w1 (ONLINE)>"
            assert mul(2, 3) == 6
            assert WorkerCommand("w").name == "w"
            assert worker_app() is None
            assert Worker("w").hostname == "w"

        def test_introspection():
            assert connection.introspection.installed_worker_models([1]) == [1]
    """,
}


def test_code_run_without_being_named_counts_as_reached(tmp_path: Path) -> None:
    findings = project_findings(write_project(tmp_path, WORKER), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "worker.app.Feed.item_author",           # only `item_title` is looked up by the helper
        "worker.app.Introspection.removed_worker_models",  # no test names it
        "worker.app.Worker.unused_status",       # the format string reads `status_string` only
        "worker.builtins.add_unregistered",      # `tagged` marks the function, registers it nowhere
        "worker.cli.WorkerCommand.describe",     # click calls `format_options`, not `describe`
        "worker.db.compile_array_set",           # no `@compiles(...)` hands it to SQLAlchemy's compiler
        "worker.plugin.unused_plugin_helper",    # pytest calls `pytest_configure` by its name, nothing calls this
    ]
    assert reported(findings, "VC302") == []  # `t/integration/tasks.py` is the tests' helper, not the product


def test_a_test_folder_is_only_top_level(tmp_path: Path) -> None:
    """A package's own `test` sub-package (Django's `django.test`) is product code: it is still judged."""
    files = {
        "pyproject.toml": '[project]\nname = "web"\n',
        "web/__init__.py": "",
        "web/test/__init__.py": "",
        "web/test/client.py": """
            class Client:
                def get(self, path):
                    return path

            def untested_helper():
                return 1
        """,
        "tests/test_client.py": """
            from web.test.client import Client

            def test_get():
                assert Client().get("/") == "/"
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["web.test.client.untested_helper"]


def test_a_template_in_a_test_string_calls_what_it_names(tmp_path: Path) -> None:
    """`env.from_string("{{ loop.revindex }}")` renders the property; the same word in prose calls nothing."""
    files = {
        "pyproject.toml": '[project]\nname = "tmpl"\n',
        "src/tmpl/__init__.py": "",
        "src/tmpl/runtime.py": """
            class Loop:
                def __init__(self, items):
                    self.items = items

                @property
                def revindex(self):
                    return len(self.items)

                @property
                def previtem(self):
                    return None

            def render(source, items):
                return source.replace("x", str(Loop(items).items))
        """,
        "tests/test_tmpl.py": """
            from tmpl.runtime import render

            def test_revindex():
                assert render("{% for x in seq %}{{ loop.revindex }}{% endfor %}", [1])

            def test_prose():
                assert render("the previtem of the loop", [1])
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["tmpl.runtime.Loop.previtem"]


def test_methods_dispatched_by_a_name_suffix_are_reached(tmp_path: Path) -> None:
    """`method_name = f"{kind}_schema"`, then `getattr(self, method_name)`: every `*_schema` method of a reached class
    runs by its kind; another method of that class, and a `*_schema` method of a class nothing reaches, do not."""
    files = {
        "pyproject.toml": '[project]\nname = "gen"\n',
        "src/gen/__init__.py": "",
        "src/gen/schema.py": """
            KINDS = ["int", "str"]

            class Generator:
                def mapping(self):
                    found = {}
                    for kind in KINDS:
                        method_name = f"{kind}_schema"
                        found[kind] = getattr(self, method_name)
                    return found

                def int_schema(self):
                    return {"type": "integer"}

                def str_schema(self):
                    return {"type": "string"}

                def describe(self):
                    return "generator"

            class Unused:
                def bool_schema(self):
                    return {"type": "boolean"}
        """,
        "tests/test_schema.py": """
            from gen.schema import Generator

            def test_mapping():
                assert sorted(Generator().mapping()) == ["int", "str"]
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["gen.schema.Generator.describe", "gen.schema.Unused"]


def test_methods_a_class_lists_in_its_tables_are_reached(tmp_path: Path) -> None:
    """webargs' `__location_map__ = {"json": "load_json"}`, then `getattr(self, self.__location_map__[location])`: the
    methods a class names as its mappings' values (a dict's, a `dict(...)` call's keywords) run with the class, also
    in a subclass that extends the table; a mapping's key naming a method, a set or tuple of names (mongoengine's
    `_special_fields`, the names to avoid), and a method named nowhere still fire."""
    files = {
        "pyproject.toml": '[project]\nname = "args"\n',
        "src/args/__init__.py": "",
        "src/args/core.py": """
            class Parser:
                location_map = {
                    "json": "load_json",
                    "query": "load_query",
                    "load_form": "json",
                    "files": "load_files",
                }

                def parse(self, req, location):
                    return getattr(self, self.location_map[location])(req)

                def load_json(self, req):
                    return req.json

                def load_query(self, req):
                    return req.args

                def load_form(self, req):
                    return req.form

                def load_cookies(self, req):
                    return req.cookies
        """,
        "src/args/web.py": """
            from args.core import Parser

            class WebParser(Parser):
                location_map = dict(match_info="load_match_info", **Parser.location_map)
                reserved = {"load_headers"}
                names = ("load_headers",)

                def load_match_info(self, req):
                    return req.match_info

                def load_headers(self, req):
                    return req.headers

                def load_body(self, req):
                    return req.body
        """,
        "tests/test_args.py": """
            from args.core import Parser
            from args.web import WebParser

            def test_parse():
                assert Parser().parse(None, "json") is None
                assert WebParser().parse(None, "match_info") is None
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["args.core.Parser.load_cookies", "args.core.Parser.load_form",
                                           "args.web.WebParser.load_body", "args.web.WebParser.load_headers"]


def test_test_methods_a_test_class_inherits_are_reached(tmp_path: Path) -> None:
    """webargs' `webargs.testing.CommonTestCase`, in a module that imports pytest: a test class deriving from it has
    pytest run its `test*` methods and `setup_method`; its other methods, and a library class's `test_connection` (in a
    module that imports no test framework) that a test imports but never calls, still fire."""
    files = {
        "pyproject.toml": '[project]\nname = "kit"\n',
        "src/kit/__init__.py": "",
        "src/kit/testing.py": """
            import pytest

            class CommonTestCase:
                def setup_method(self):
                    self.ready = True

                def test_parse(self):
                    assert self.ready

                def describe(self):
                    return "common"
        """,
        "src/kit/backend.py": """
            class Backend:
                def connect(self):
                    return "up"

                def test_connection(self):
                    return self.connect() == "up"
        """,
        "tests/test_kit.py": """
            from kit.backend import Backend
            from kit.testing import CommonTestCase

            class TestFlask(CommonTestCase):
                def test_backend(self):
                    assert Backend().connect() == "up"
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["kit.backend.Backend.test_connection", "kit.testing.CommonTestCase.describe"]


def test_methods_a_module_table_names_are_reached_where_self_is_looked_up_by_name(tmp_path: Path) -> None:
    """django-extensions' `FORMATS = ["address", "vcard"]`, then `getattr(self, options["format"])(qs)`: the methods the
    module's table names run by name; a method it does not name, and a table of a module that never looks `self` up
    by a computed name, still fire."""
    files = {
        "pyproject.toml": '[project]\nname = "mail"\n',
        "src/mail/__init__.py": "",
        "src/mail/export.py": """
            FORMATS = ["address", "vcard"]

            class Exporter:
                def export(self, rows, fmt):
                    return getattr(self, fmt)(rows)

                def address(self, rows):
                    return [r["email"] for r in rows]

                def vcard(self, rows):
                    return ["BEGIN:VCARD" for _ in rows]

                def outlook(self, rows):
                    return list(rows)
        """,
        "src/mail/columns.py": """
            COLUMNS = ("phone", "name")

            class Row:
                def phone(self):
                    return "555"

                def render(self):
                    return getattr(self, "name", "")
        """,
        "tests/test_mail.py": """
            from mail.columns import Row
            from mail.export import Exporter

            def test_export():
                assert Exporter().export([{"email": "a"}], "address") == ["a"]
                assert Row().render() == ""
        """,
    }
    findings = project_findings(write_project(tmp_path, files), PROJECT_RULES)
    assert reported(findings, "VC301") == ["mail.columns.Row.phone", "mail.export.Exporter.outlook"]


SHELL = {
    "pyproject.toml": '[project]\nname = "shell"\n',
    "shell/__init__.py": "",
    # django-extensions' `shell_plus`: a decorator factory marks each runner, `__init__` keeps the members so marked
    "shell/command.py": """
        import inspect

        def shell_runner(flags, name):
            def decorator(fn):
                fn.runner_flags = flags
                fn.runner_name = name
                return fn
            return decorator

        def deprecated(fn):
            fn.deprecated = True
            return fn

        class Command:
            def __init__(self):
                self.runners = [member for _, member in inspect.getmembers(self) if hasattr(member, "runner_flags")]

            def handle(self, flag):
                return next(runner for runner in self.runners if flag in runner.runner_flags)()

            @shell_runner(flags=["--plain"], name="plain Python")
            def get_plain(self):
                return "plain"

            @shell_runner(flags=["--ipython"], name="IPython")
            def get_ipython(self):
                return "ipython"

            @deprecated
            def get_idle(self):
                return "idle"
    """,
    # the same decorator on a module whose code lists no members: nothing picks those methods
    "shell/other.py": """
        from shell.command import shell_runner

        class Other:
            @shell_runner(flags=["--lab"], name="JupyterLab")
            def get_lab(self):
                return "lab"

            def run(self):
                return "other"
    """,
    "tests/test_shell.py": """
        from shell.command import Command
        from shell.other import Other

        def test_plain():
            assert Command().handle("--plain") == "plain"

        def test_other():
            assert Other().run() == "other"
    """,
}


def test_methods_a_member_listing_picks_by_a_decorators_mark_are_reached(tmp_path: Path) -> None:
    """A method marked by a decorator with an attribute (`fn.runner_flags = flags`) runs when the code that lists its
    class's members picks it by that attribute (`inspect.getmembers(self)` and `hasattr(member, "runner_flags")`)
    runs; a mark no listing looks for (`deprecated`), or a module with no such listing, reaches nothing."""
    findings = project_findings(write_project(tmp_path, SHELL), PROJECT_RULES)
    assert reported(findings, "VC301") == ["shell.command.Command.get_idle", "shell.other.Other.get_lab"]


ADMIN = {
    "pyproject.toml": '[project]\nname = "poly"\n',
    "poly/__init__.py": "",
    # django-polymorphic's admin: the base class is a module-level alias of the library's, subscripted for type checkers
    "poly/bases.py": """
        from typing import TYPE_CHECKING

        from django.contrib import admin

        from poly import helpers

        if TYPE_CHECKING:
            _ModelAdminBase = admin.ModelAdmin[int]
        else:
            _ModelAdminBase = admin.ModelAdmin
        _Helper = helpers.Helper

        class ChildAdmin(_ModelAdminBase):
            def get_form(self, request):
                return None

        class ChildHelper(_Helper):
            def describe(self):
                return "child"
    """,
    "poly/helpers.py": """
        class Helper:
            def run(self):
                return "run"
    """,
    "tests/test_admin.py": """
        from poly.bases import ChildAdmin, ChildHelper

        def test_classes():
            assert ChildAdmin and ChildHelper().run() == "run"
    """,
}


def test_a_class_derived_from_an_alias_of_a_library_class_extends_the_library(tmp_path: Path) -> None:
    """`_ModelAdminBase = admin.ModelAdmin` (and `admin.ModelAdmin[T]` under `if TYPE_CHECKING:`) names Django's
    class: Django calls the overrides of a class derived from it. An alias of the project's own class extends no
    library: its subclass's methods are judged as before."""
    findings = project_findings(write_project(tmp_path, ADMIN), PROJECT_RULES)
    assert reported(findings, "VC301") == ["poly.bases.ChildHelper.describe"]
