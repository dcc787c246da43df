"""VC301, VC302, VC307 on small projects made in `tmp_path`, statically and with real coverage data."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from vibecheck.analysis.coverage_data import CoverageDataError, load_executed_lines
from vibecheck.model import Finding
from vibecheck.project import Project, run_project_rules
from vibecheck.rules.verification.module_without_tests import ModuleWithoutTests
from vibecheck.rules.verification.no_tests import NoTests
from vibecheck.rules.verification.untested_public_function import UntestedPublicFunction
from vibecheck.testing import project_findings

PROJECT_RULES = [UntestedPublicFunction, ModuleWithoutTests, NoTests]

SHOP = {
    "src/shop/__init__.py": """
        from .orders import total
    """,
    "src/shop/orders.py": """
        import abc
        from typing import TYPE_CHECKING, overload

        def total(items):
            return round_total(sum(items))

        def round_total(value):
            return round(value, 2)

        def refund(order):
            order.status = "refunded"

        def _private_helper():
            return 1

        class Cart:
            def __init__(self):
                self.items = []

            def add(self, item):
                self.items.append(item)

            def clear(self):
                self.items = []

            def __repr__(self):
                return "Cart()"

        def make_cart():
            return Cart()

        class Exporter(abc.ABC):
            @abc.abstractmethod
            def export(self):
                raise NotImplementedError

        @overload
        def parse(value: int) -> int: ...
        @overload
        def parse(value: str) -> str: ...
        def parse(value):
            return value

        if TYPE_CHECKING:
            def typing_only():
                return 1

        class Report:
            def render(self):
                return "report"
    """,
    "src/shop/mathutil.py": """
        def double(x):
            return 2 * x

        def triple(x):
            return 3 * x
    """,
    "src/shop/web.py": """
        from flask import Flask

        app = Flask(__name__)

        @app.get("/users/<int:user_id>")
        def show_user(user_id):
            return {"id": user_id}

        @app.post("/orders")
        def create_order():
            return {}
    """,
    "src/shop/legacy.py": """
        def old_price(x):
            return x
    """,
    "src/shop/_compat.py": """
        def shim():
            return None
    """,
    "src/shop/constants.py": """
        CURRENCY = "EUR"
    """,
    "tests/test_shop.py": """
        from shop import mathutil, total
        from shop.orders import make_cart, parse

        def test_total():
            assert total([1, 2]) == 3

        def test_double_through_module():
            assert mathutil.double(2) == 4

        def test_cart_through_its_methods():
            cart = make_cart()
            cart.add(1)
            assert cart.items == [1]

        def test_parse():
            assert parse(1) == 1

        def test_route(client):
            assert client.get("/users/42").status_code == 200
    """,
}


def write_project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def reported(findings: list[Finding], code: str) -> list[str]:
    """`path:line` of one rule's findings, in report order."""
    return [f"{f.location.path}:{f.location.start.line}" for f in findings if f.code == code]


def test_static_mode_reports_only_what_no_test_reaches(tmp_path: Path) -> None:
    findings = project_findings(write_project(tmp_path, SHOP), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "src/shop/mathutil.py:4",   # triple: its module is used as `mathutil.double`, triple never
        "src/shop/orders.py:10",    # refund
        "src/shop/orders.py:23",    # Cart.clear (Cart is tested through make_cart().add)
        "src/shop/orders.py:48",    # Report, once for the class and its method
        "src/shop/web.py:10",       # create_order: "/orders" is never requested, "/users/42" is
    ]
    # _compat.shim is used by nothing; constants.py has no function or class to test
    assert reported(findings, "VC302") == ["src/shop/_compat.py:1", "src/shop/legacy.py:1"]
    assert reported(findings, "VC307") == []
    messages = [f.message for f in findings if f.code == "VC301"]
    assert all("static mode" in m for m in messages)
    assert "Function `shop.orders.refund`" in messages[1]


def test_reexported_name_counts_as_referenced(tmp_path: Path) -> None:
    files = dict(SHOP)
    files["tests/test_shop.py"] = """
        import shop

        def test_total_through_package():
            assert shop.total([1]) == 1
    """
    findings = project_findings(write_project(tmp_path, files), [UntestedPublicFunction])
    assert "src/shop/orders.py:4" not in reported(findings, "VC301")
    assert "src/shop/orders.py:10" in reported(findings, "VC301")


GEOMETRY = {
    "pyproject.toml": "[project]\nname = 'geo'\nversion = '1'\n",
    "geo/__init__.py": "",
    "geo/core.py": """
        def area(w, h):
            return w * h

        def perimeter(w, h):
            return 2 * (w + h)
    """,
    "geo/shapes.py": """
        def square(side):
            return (side, side)
    """,
    "geo/tests/__init__.py": "",
}


@pytest.mark.parametrize("test_text", [
    "from ..core import area\n\ndef test_area():\n    assert area(2, 3) == 6\n",
    "from .. import core\n\ndef test_area():\n    assert core.area(2, 3) == 6\n",
    "from geo.core import *\n\ndef test_area():\n    assert area(2, 3) == 6\n",
], ids=["relative name", "relative module", "star import"])
def test_relative_and_star_imports_in_tests_reach_the_module(tmp_path: Path, test_text: str) -> None:
    """A test inside the package imports what it tests relatively, or with `*`: the module and the function it
    calls are tested; the function it never calls, and the module it never imports, are not."""
    files = {**GEOMETRY, "geo/tests/test_core.py": test_text}
    findings = project_findings(write_project(tmp_path, files), [UntestedPublicFunction, ModuleWithoutTests])
    assert reported(findings, "VC302") == ["geo/shapes.py:1"]
    assert reported(findings, "VC301") == ["geo/core.py:4"]  # perimeter


def test_code_marked_no_cover_is_not_reported(tmp_path: Path) -> None:
    """coverage.py's `# pragma: no cover` on a `def`, a decorator or a `class` line leaves the block out of the tests
    on purpose: neither it nor the methods of such a class are reported; an unmarked twin still is."""
    files = {**GEOMETRY, "geo/tests/test_core.py": "from geo.core import area\n\ndef test_area():\n    assert area(1, 1) == 1\n",
             "geo/core.py": """
        import functools

        def area(w, h):
            return w * h

        def debug_dump(w):  # pragma: no cover
            print(w)

        @functools.cache  # pragma: no cover
        def cached_dump(w):
            print(w)

        class Inspector:  # pragma: no cover
            def show(self):
                return 1

        def perimeter(w, h):
            return 2 * (w + h)
    """}
    findings = project_findings(write_project(tmp_path, files), [UntestedPublicFunction])
    assert [f.message.split("`")[1] for f in findings if f.code == "VC301"] == ["geo.core.perimeter"]


COVERED_GEOMETRY = {
    **GEOMETRY,
    "geo/tests/test_core.py": "from geo.core import area\nimport geo.shapes\n\ndef test_area():\n    assert area(1, 1) == 1\n",
    "geo/core.py": """
        from typing import Protocol

        from geo.tracing import trace

        def area(w, h):
            return w * h

        def debug_dump(w):
            print(w)

        class Drawable(Protocol):
            def draw(self):
                return None

        @trace
        def render_shape(shape):
            return str(shape)

        def perimeter(w, h):
            return 2 * (w + h)
    """,
    "geo/generated/__init__.py": "",
    "geo/generated/tables.py": "def table():\n    return []\n",
    "geo/tracing.py": "def trace(function):\n    return function\n",
    "geo/legacy.py": "def old_area(w, h):\n    return w * h\n",
}
PYPROJECT_COVERAGE = """
    [project]
    name = 'geo'
    version = '1'

    [tool.coverage.run]
    omit = ["geo/generated/*", "*/legacy.py"]

    [tool.coverage.report]
    exclude_lines = ['pragma: no cover', 'def debug_', 'class .*\\bProtocol\\):']
    exclude_also = ['@trace$', '[unclosed']
"""
COVERAGERC = """
    [run]
    omit =
        geo/generated/*
        */legacy.py

    [report]
    exclude_lines =
        def debug_
        class .*\\bProtocol\\):
        @trace$
"""


def untested_names(root: Path) -> list[str]:
    findings = project_findings(root, [UntestedPublicFunction, ModuleWithoutTests])
    return sorted(f.message.split("`")[1] for f in findings if f.code in ("VC301", "VC302"))


@pytest.mark.parametrize("config", [
    {"pyproject.toml": PYPROJECT_COVERAGE},
    {".coveragerc": COVERAGERC},
    {"setup.cfg": COVERAGERC.replace("[run]", "[coverage:run]").replace("[report]", "[coverage:report]")},
], ids=["pyproject", "coveragerc", "setup.cfg"])
def test_coverage_configuration_omit_and_exclude_lines_are_honoured(tmp_path: Path, config: dict[str, str]) -> None:
    """Files the coverage configuration omits and blocks whose `def`/`class`/decorator line an `exclude_lines`
    pattern matches are left out, as `# pragma: no cover` is (a class with its methods); an invalid pattern is
    ignored, and what the configuration does not name is still reported."""
    write_project(tmp_path, {**COVERED_GEOMETRY, **config})
    assert untested_names(tmp_path) == ["geo.core.perimeter", "geo.shapes.square"]


def test_without_coverage_configuration_the_same_code_is_reported(tmp_path: Path) -> None:
    write_project(tmp_path, {**COVERED_GEOMETRY, "tox.ini": "[tox]\nenvlist = py312\n"})
    assert untested_names(tmp_path) == [
        "geo.core.Drawable", "geo.core.debug_dump", "geo.core.perimeter", "geo.core.render_shape", "geo.generated.tables",
        "geo.legacy", "geo.shapes.square"]


def test_an_empty_coveragerc_wins_over_pyproject(tmp_path: Path) -> None:
    """coverage.py reads `.coveragerc` whenever it exists, and then not `pyproject.toml`."""
    rc_without_exclusions = "[html]\ndirectory = out\n"
    write_project(tmp_path, {**COVERED_GEOMETRY, "pyproject.toml": PYPROJECT_COVERAGE, ".coveragerc": rc_without_exclusions})
    assert "geo.core.debug_dump" in untested_names(tmp_path)


def test_a_hostile_coverage_configuration_is_no_configuration(tmp_path: Path) -> None:
    """A pyproject.toml nested too deep to read and a `.coveragerc` that is a link to a device are read as the project's
    dependency files are (regular files, a size cap): no settings, the same findings, no crash of the rules."""
    nested = "[tool.coverage.run]\nomit = " + "[" * 100_000 + "]" * 100_000 + "\n"
    write_project(tmp_path, {**COVERED_GEOMETRY, "pyproject.toml": nested})
    (tmp_path / ".coveragerc").symlink_to("/dev/zero")
    assert untested_names(tmp_path) == [
        "geo.core.Drawable", "geo.core.debug_dump", "geo.core.perimeter", "geo.core.render_shape", "geo.generated.tables",
        "geo.legacy", "geo.shapes.square"]


DJANGO_SHOP = {
    "pyproject.toml": "[project]\nname = 'shop'\nversion = '1'\n",
    "shop/__init__.py": "",
    "shop/models.py": """
        from django.contrib import admin
        from django.db import models

        class Order(models.Model):
            paid = models.BooleanField(default=False)

            @admin.display(boolean=True)
            def is_overdue(self):
                return not self.paid

            def customer_label(self):
                return "customer"

            def total(self):
                return 0

            def refund(self):
                self.paid = False
    """,
    "shop/tests/__init__.py": "",
    "shop/tests/test_models.py": "from shop.models import Order\n\ndef test_total():\n    assert Order().total() == 0\n",
}


@pytest.mark.parametrize("admin_files", [
    {"shop/admin.py": """
        from django.contrib import admin

        from shop.models import Order

        @admin.register(Order)
        class OrderAdmin(admin.ModelAdmin):
            list_display = ("id", "is_overdue")
            readonly_fields = ["customer_label"]
    """},
    {"shop/admin/__init__.py": "from .orders import OrderAdmin\n", "shop/admin/orders.py": """
        from django.contrib import admin

        from shop.models import Order

        @admin.register(Order)
        class OrderAdmin(admin.ModelAdmin):
            list_display = ("id", "is_overdue")
            readonly_fields = ["customer_label"]

            @admin.display(description="Paid")
            def paid_badge(self, obj):
                return "yes" if obj.paid else "no"
    """},
], ids=["admin.py", "admin package"])
def test_methods_the_django_admin_calls_by_name_are_reached(tmp_path: Path, admin_files: dict[str, str]) -> None:
    """The admin imports each app's admin module at start-up and calls the methods its options name as strings
    (`list_display`, `readonly_fields`, `actions`): those are reached, the model's other methods are not."""
    write_project(tmp_path, {**DJANGO_SHOP, **admin_files})
    assert untested_names(tmp_path) == ["shop.models.Order.refund"]


def test_an_admin_folder_outside_django_is_no_admin_module(tmp_path: Path) -> None:
    """A package named `admin` that does not import Django's admin is not loaded at start-up: its code is judged
    as any other, and strings in a `list_display` that no loaded code holds reach nothing."""
    write_project(tmp_path, {**DJANGO_SHOP, "shop/admin/__init__.py": "", "shop/admin/panel.py": """
        class Panel:
            list_display = ("is_overdue",)

            def render(self):
                return "panel"
    """})
    assert untested_names(tmp_path) == ["shop.admin.panel", "shop.models.Order.customer_label",
                                        "shop.models.Order.is_overdue", "shop.models.Order.refund"]


def test_vendored_copies_of_other_projects_are_not_the_projects_code(tmp_path: Path) -> None:
    """OctoPrint keeps a copy of sockjs-tornado in `octoprint/vendor/`: its own project tests it."""
    vendored = "def create_session(handler):\n    return handler\n"
    write_project(tmp_path, {**DJANGO_SHOP, "shop/vendor/__init__.py": "", "shop/vendor/sockjs/__init__.py": "",
                             "shop/vendor/sockjs/session.py": vendored, "shop/vendors.py": vendored})
    assert untested_names(tmp_path) == ["shop.models.Order.customer_label", "shop.models.Order.is_overdue",
                                        "shop.models.Order.refund", "shop.vendors"]


def test_follow_calls_reaches_helpers_of_tested_code(tmp_path: Path) -> None:
    write_project(tmp_path, SHOP)
    followed = reported(project_findings(tmp_path, [UntestedPublicFunction]), "VC301")
    direct_only = UntestedPublicFunction.parse_options({"follow-calls": False})
    direct = reported(project_findings(tmp_path, [UntestedPublicFunction], options={"VC301": direct_only}), "VC301")
    assert "src/shop/orders.py:7" not in followed  # round_total is called by the tested total
    assert sorted(set(direct) - set(followed)) == ["src/shop/orders.py:7"]


def test_options_switch_off_the_interplay_and_ignore_paths(tmp_path: Path) -> None:
    write_project(tmp_path, SHOP)
    options = UntestedPublicFunction.parse_options({"skip-modules-without-tests": False, "ignore-paths": ["src/shop/web.py"],
                                                    "ignore-names": ["Cart.clear", "tri*"]})
    findings = project_findings(tmp_path, [UntestedPublicFunction], options={"VC301": options})
    lines = reported(findings, "VC301")
    assert "src/shop/legacy.py:1" in lines
    assert not any(line.startswith("src/shop/web.py") for line in lines)
    assert "src/shop/orders.py:23" not in lines and "src/shop/mathutil.py:4" not in lines
    assert "src/shop/orders.py:10" in lines


def test_no_tests_reports_once_and_silences_the_others(tmp_path: Path) -> None:
    files = {k: v for k, v in SHOP.items() if not k.startswith("tests/")}
    findings = project_findings(write_project(tmp_path, {**files, "pyproject.toml": "[project]\nname = 'shop'\n"}), PROJECT_RULES)
    assert [(f.code, f.location.start.line) for f in findings] == [("VC307", 1)]
    assert "7 source modules" in findings[0].message


def test_no_tests_is_silent_on_a_folder_of_loose_scripts(tmp_path: Path) -> None:
    """No `pyproject.toml`, `setup.py` or `setup.cfg`: scripts in a folder are no project that owes tests."""
    files = {k: v for k, v in SHOP.items() if not k.startswith("tests/")}
    assert reported(project_findings(write_project(tmp_path, files), [NoTests]), "VC307") == []


def test_flat_layout_and_src_paths_config(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "app/__init__.py": "",
        "app/core.py": "def run():\n    return 1\n\ndef stop():\n    return 0\n",
        "lib/extra.py": "def helper():\n    return 2\n",
        "setup.py": "def build():\n    return 3\n",
        "test_app.py": "from app.core import run\n\ndef test_run():\n    assert run() == 1\n",
    })
    flat = project_findings(tmp_path, PROJECT_RULES)
    assert reported(flat, "VC301") == ["app/core.py:4"]
    assert reported(flat, "VC302") == []  # lib/ is no package and setup.py is tooling
    configured = project_findings(tmp_path, PROJECT_RULES, config={"src-paths": ["lib"]})
    assert reported(configured, "VC302") == ["lib/extra.py:1"]


COVERAGE_DRIVER = """
import importlib, sys
import coverage

root, data_file = sys.argv[1], sys.argv[2]
cov = coverage.Coverage(data_file=data_file, source=[root + "/src"])
cov.start()
sys.path[:0] = [root + "/src", root]
tests = importlib.import_module("tests.test_shop")
for name in dir(tests):
    if name.startswith("test_"):
        getattr(tests, name)()
cov.stop()
cov.save()
cov.json_report(outfile=root + "/coverage.json")
cov.xml_report(outfile=root + "/coverage.xml")
"""

COVERED_SHOP = {
    "src/shop/__init__.py": "",
    "src/shop/orders.py": """
        def total(items):
            return sum(items)

        def refund(order):
            order["status"] = "refunded"

        def apply_coupon(order, code):
            return order

        class Cart:
            def add(self, item):
                return [item]

        class Ledger:
            def post(self, entry):
                return entry
    """,
    "tests/__init__.py": "",
    "tests/test_shop.py": """
        from shop import orders

        def test_total():
            assert orders.total([1, 2]) == 3

        def test_refund():
            order = {}
            orders.refund(order)
            assert order["status"] == "refunded"

        def test_apply_coupon_is_named_but_never_run():
            assert orders.apply_coupon is not None
            assert orders.Cart().add(1) == [1]
            assert orders.Ledger.post is not None
    """,
}


@pytest.fixture
def covered_project(tmp_path: Path) -> Path:
    """A tiny project whose tests ran under coverage.py in a subprocess (its code is not imported here)."""
    root = write_project(tmp_path, COVERED_SHOP)
    driver = root / "driver.py"
    driver.write_text(COVERAGE_DRIVER, encoding="utf-8")
    subprocess.run([sys.executable, str(driver), str(root), str(root / ".coverage")], check=True, cwd=root,
                   capture_output=True, timeout=120)
    driver.unlink()
    return root


@pytest.mark.parametrize("data_file", [".coverage", "coverage.json", "coverage.xml"])
def test_coverage_mode_reports_functions_that_never_ran(covered_project: Path, data_file: str) -> None:
    options = UntestedPublicFunction.parse_options({"coverage-file": data_file})
    findings = project_findings(covered_project, [UntestedPublicFunction], options={"VC301": options})
    # apply_coupon and Ledger.post are named by a test (static mode calls them tested) but never ran
    assert reported(findings, "VC301") == ["src/shop/orders.py:7", "src/shop/orders.py:14"]
    assert all(f"coverage mode, from `{data_file}`" in f.message for f in findings)
    assert findings[1].message.startswith("Class `shop.orders.Ledger` is untested: none of its methods ran")


def test_coverage_file_is_found_at_the_root_and_static_mode_differs(covered_project: Path) -> None:
    auto = project_findings(covered_project, [UntestedPublicFunction])
    assert "from `.coverage`" in auto[0].message
    static_options = UntestedPublicFunction.parse_options({"use-coverage": False})
    static = project_findings(covered_project, [UntestedPublicFunction], options={"VC301": static_options})
    assert reported(static, "VC301") == []


def test_coverage_data_for_another_project_is_an_error(covered_project: Path, tmp_path_factory) -> None:
    other = write_project(tmp_path_factory.mktemp("other"), {
        "src/elsewhere/mod.py": "def f():\n    return 1\n",
        "tests/test_mod.py": "from elsewhere.mod import f\n\ndef test_f():\n    assert f() == 1\n",
    })
    (other / "coverage.json").write_bytes((covered_project / "coverage.json").read_bytes())
    with pytest.raises(AssertionError, match="has no data for any source file"):
        project_findings(other, [UntestedPublicFunction])


def test_missing_coverage_package_is_reported_clearly(covered_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "coverage", None)
    with pytest.raises(CoverageDataError, match="pip install coverage"):
        load_executed_lines(covered_project / ".coverage")
    project = Project(root=covered_project)
    _, errors = run_project_rules(project, [(UntestedPublicFunction, None)])
    assert errors == []  # no facts, no tests: nothing to judge, so the data is not even read


def test_executed_lines_match_by_path_suffix(covered_project: Path) -> None:
    executed = load_executed_lines(covered_project / "coverage.json")
    assert executed.lines_for("src/shop/orders.py")
    assert executed.lines_for("elsewhere/src/shop/orders.py")
    assert executed.lines_for("src/shop/missing.py") is None


def test_star_reexports_inheritance_and_overrides_count_as_reached(tmp_path: Path) -> None:
    write_project(tmp_path, {
        "src/net/__init__.py": "from ._client import *\nfrom ._mock import *\n",
        "src/net/_base.py": """
            class Transport:
                def handle(self, request):
                    raise NotImplementedError

                def reset(self):  # not `close`: the file protocol's names count as called by whoever is handed the object
                    return None
        """,
        "src/net/_mock.py": """
            from ._base import Transport

            __all__ = ["MockTransport"]

            class MockTransport(Transport):
                def handle(self, request):
                    return "mocked"

                def describe(self):
                    return "mock"
        """,
        "src/net/_client.py": """
            __all__ = ["Client"]

            class Client:
                def __init__(self, transport):
                    self.transport = transport

                def send(self, request):
                    return self.transport.handle(request)
        """,
        "tests/test_client.py": """
            import net

            def test_send():
                client = net.Client(net.MockTransport())
                assert client.send("r") == "mocked"
        """,
    })
    findings = project_findings(tmp_path, PROJECT_RULES)
    # MockTransport.handle runs through Client.send -> Transport.handle; only these two are used by nothing
    assert [(f.code, f.location.path, f.location.start.line) for f in findings] == [
        ("VC301", "src/net/_base.py", 5),
        ("VC301", "src/net/_mock.py", 9),
    ]


# Reach the measured false alarms on django-allauth came from (issue 15): each `covered` definition is run by
# the tests through one indirection; each `untested` one is not.
INDIRECT = {
    "pyproject.toml": "[project]\nname = 'auth'\n[project.scripts]\nauth-admin = 'auth.cli:main'\n",
    "auth/__init__.py": "",
    "auth/cli.py": """
        def main():  # covered: the console script pyproject.toml declares
            return 0

        def unused_command():  # untested
            return 1
    """,
    "auth/_types.py": """
        def is_prepared(request):  # covered: imported under another name and called by that name
            return request is not None
    """,
    "auth/compat.py": """
        import django

        if django.VERSION >= (6, 1):
            from django.utils.http import split_header_value
        else:
            def split_header_value(value):  # covered: the fallback older Django versions run
                return value.split(",")
    """,
    "auth/flows/__init__.py": """
        from auth.flows import login
    """,
    "auth/flows/login.py": """
        def perform_login(request):  # covered: called as `flows.login.perform_login` from the form
            return request

        def unused_login(request):  # untested
            return None
    """,
    "auth/forms.py": """
        from auth import app_settings, flows

        class LoginForm:
            def login(self, request):
                return flows.login.perform_login(request)
    """,
    "auth/resume.py": """
        def stash(request):
            request.session["resume"] = "auth.resume.resume_later"

        def resume_later(request):  # covered: named by a dotted string the stashed request resolves
            return request
    """,
    "auth/app_settings.py": """
        from django.conf import settings

        class AppSettings:
            def _setting(self, name, default):
                return getattr(settings, "AUTH_" + name, default)

            @property
            def RATE_LIMITS(self):  # covered: read as import_string(f"{app}.app_settings.RATE_LIMITS")
                return self._setting("RATE_LIMITS", {})

            @property
            def OLD_SETTING(self):  # untested
                return self._setting("OLD_SETTING", None)
    """,
    "auth/ratelimit.py": """
        from django.utils.module_loading import import_string
        from auth import deferred

        def limits(app):
            return import_string(f"{app}.app_settings.RATE_LIMITS")
    """,
    "auth/deferred.py": """
        class LazyModule:  # covered: its module is imported at the top of a module the tests import
            def __init__(self, name):
                self.name = name

        jwt = LazyModule("jwt")
    """,
    "auth/views.py": """
        from auth._types import is_prepared as _is_prepared
        from auth.compat import split_header_value
        from auth.forms import LoginForm
        from auth.resume import stash

        class ManageEmailView:
            def get(self, request):  # covered: GET on the URL of the pattern a function builds
                return stash(request)

            def patch(self, request):  # covered: PATCH on the same URL
                return LoginForm().login(_is_prepared(request), split_header_value("a,b"))

            def options(self, request):  # covered: a test names the method in a string and calls it by getattr
                return None

            def delete(self, request):  # untested: no test sends DELETE
                return None
    """,
    "auth/urls.py": """
        from django.urls import path

        from auth import views

        def build_urlpatterns(client):
            return [path("email", views.ManageEmailView.as_api_view(client=client), name="manage_email")]

        urlpatterns = build_urlpatterns("app")
    """,
    "auth/models.py": """
        class Client:
            def set_cors_origins(self, origins):  # covered: a test calls it on a conftest fixture's object
                self.origins = origins
    """,
    "tests/conftest.py": """
        import pytest
        from auth.models import Client

        @pytest.fixture
        def oidc_client():
            return Client()
    """,
    "tests/test_email.py": """
        from auth.ratelimit import limits
        from auth.views import ManageEmailView

        def test_get_email(client):
            assert client.get("/email").status_code == 200

        def test_patch_email(client):
            assert client.patch("/email", {"primary": True}).status_code == 200

        def test_limits():
            assert limits("auth") == {}

        def test_options_by_name():
            view = ManageEmailView()
            assert getattr(view, "options")(None) is None
    """,
    "tests/idp/test_cors.py": """
        def test_cors(oidc_client):
            oidc_client.set_cors_origins(["https://a.example"])
            assert oidc_client.origins == ["https://a.example"]
    """,
}


def test_static_reach_follows_packages_strings_urlconf_functions_and_fixtures(tmp_path: Path) -> None:
    findings = project_findings(write_project(tmp_path, INDIRECT), PROJECT_RULES)
    assert reported(findings, "VC301") == [
        "auth/app_settings.py:12", "auth/cli.py:4", "auth/flows/login.py:4", "auth/views.py:16"]
    assert reported(findings, "VC302") == []



def test_a_chain_of_imports_longer_than_the_recursion_limit_is_followed_to_its_end(tmp_path: Path) -> None:
    """Loading a module loads what it imports: a queue, not recursion, or 1,500 chained modules overflowed the stack."""
    length = 1_500
    files = {f"shop/m{i}.py": f"from shop import m{i + 1}\n\n\ndef f{i}():\n    return m{i + 1}.f{i + 1}()\n"
             for i in range(length)}
    files[f"shop/m{length}.py"] = f"def f{length}():\n    return 1\n"
    files["shop/__init__.py"] = ""
    files["tests/test_shop.py"] = "from shop import m0\n\n\ndef test_first():\n    assert m0.f0()\n"
    findings = project_findings(write_project(tmp_path, files), [ModuleWithoutTests])
    assert reported(findings, "VC302") == []


def test_the_methods_a_transport_adapter_dispatches_are_reached_with_it(tmp_path: Path) -> None:
    """requests' `HTTPAdapter.send` calls `build_response` and `cert_verify` on the mounted adapter: overriding them
    is reached when the code the tests reach mounts it; a method of the project's own is not."""
    write_project(tmp_path, {
        "pyproject.toml": '[project]\nname = "pkg"\ndependencies = ["requests"]\n',
        "pkg/__init__.py": "",
        "pkg/adapters.py": """
            from requests.adapters import HTTPAdapter


            class KeepHeadersAdapter(HTTPAdapter):
                def build_response(self, req, resp):
                    return super().build_response(req, resp)

                def cert_verify(self, conn, url, verify, cert):
                    return super().cert_verify(conn, url, verify, cert)

                def describe(self):
                    return "keeps headers"
        """,
        "pkg/client.py": """
            import requests

            from .adapters import KeepHeadersAdapter


            def session():
                http = requests.Session()
                http.mount("https://", KeepHeadersAdapter())
                return http
        """,
        "tests/test_client.py": """
            from pkg.client import session


            def test_session():
                assert session().adapters
        """,
    })
    assert reported(project_findings(tmp_path, PROJECT_RULES), "VC301") == ["pkg/adapters.py:11"]


def test_methods_used_on_an_object_a_reached_function_returns_are_referenced(tmp_path: Path) -> None:
    """`prep = shape.prepared; prep.covers(p)`: the `prepared` property of a module the test reaches returns a class
    of a module the test never imports, so `covers` is used on it (also `sample[0]`, which runs `__getitem__`, and a
    method the returned class inherits). A method of that class the test never names is still reported, and so is a
    method of a class whose factory no test calls, though a test uses the method's name."""
    write_project(tmp_path, {
        "geo/__init__.py": "from .shapes import Shape, Sample\n",
        "geo/shapes.py": """
            from .prepared import Prepared, Point, Unused


            class Shape:
                @property
                def prepared(self):
                    \"\"\"The shape made faster for repeated predicates.\"\"\"
                    return Prepared(self)

                def unused_factory(self):
                    if self:
                        return Unused()
                    return None


            class Sample:
                def __getitem__(self, index):
                    return Point(index)
        """,
        "geo/prepared.py": """
            class Predicates:
                def within(self, other):
                    return False


            class Prepared(Predicates):
                def __init__(self, shape):
                    self.shape = shape

                def covers(self, other):
                    return True

                def crosses(self, other):
                    return False


            class Point:
                def __init__(self, index):
                    self.index = index

                def coords(self):
                    return (self.index, 0)


            class Unused:
                def covers(self, other):
                    return True
        """,
        "tests/test_shapes.py": """
            from geo import Sample, Shape


            def test_prepared_covers_and_within():
                prep = Shape().prepared
                assert prep.covers(Shape())
                assert not prep.within(Shape())


            def test_sample_points():
                assert Sample()[0].coords() == (0, 0)
        """,
    })
    assert reported(project_findings(tmp_path, PROJECT_RULES), "VC301") == [
        "geo/prepared.py:13", "geo/prepared.py:25", "geo/shapes.py:10"]


def test_a_migrations_package_that_the_code_imports_is_followed_and_not_reported(tmp_path: Path) -> None:
    """A migration framework (`django/db/migrations/`) is code the rest imports: what its reached code calls is reached
    (`schema_editor.rename_index(...)`); its own untested functions are not reported, as in an app's migrations. A
    method nothing calls is still reported."""
    write_project(tmp_path, {
        "orm/__init__.py": "",
        "orm/migrations/__init__.py": "from .operations import RenameIndex\n",
        "orm/migrations/operations.py": """
            class RenameIndex:
                def apply(self, schema_editor):
                    schema_editor.rename_index("old", "new")

                def describe(self):
                    return "rename"
        """,
        "orm/schema.py": """
            class SchemaEditor:
                def rename_index(self, old, new):
                    return f"ALTER INDEX {old} RENAME TO {new}"

                def alter_db_tablespace(self, model, old, new):
                    return None
        """,
        "tests/test_migrations.py": """
            from orm.migrations import RenameIndex
            from orm.schema import SchemaEditor


            def test_rename():
                assert RenameIndex().apply(SchemaEditor()) is None
        """,
    })
    assert reported(project_findings(tmp_path, PROJECT_RULES), "VC301") == ["orm/schema.py:5"]


def test_attributes_used_through_a_class_of_the_tests_own_modules_are_names_the_test_uses(tmp_path: Path) -> None:
    """`Child.meta.get_parent_list()`, with `Child` a model of the tests' own `models.py`: `get_parent_list` is a name
    the test uses, as on an object of its own. A method of the same class that no test names is still reported."""
    write_project(tmp_path, {
        "orm/__init__.py": "",
        "orm/options.py": """
            class Options:
                def get_parent_list(self):
                    return []

                def get_children(self):
                    return []
        """,
        "tests/__init__.py": "",
        "tests/models.py": """
            from orm.options import Options


            class Child:
                meta = Options()
        """,
        "tests/test_meta.py": """
            from orm.options import Options

            from .models import Child


            def test_parent_list():
                assert isinstance(Child.meta, Options)
                assert Child.meta.get_parent_list() == []
        """,
    })
    assert reported(project_findings(tmp_path, PROJECT_RULES), "VC301") == ["orm/options.py:5"]


def test_unittest_result_methods_of_a_reached_class_are_reached(tmp_path: Path) -> None:
    """A test runner's result object (pytest's `TestCaseFunction`) is handed to `TestCase.run`, which calls its
    `addFailure`, `addSkip`... by name: those are reached with the class; its own `render` is not."""
    write_project(tmp_path, {
        "runner/__init__.py": "",
        "runner/result.py": """
            class Collector:
                def addFailure(self, test, err):
                    self.failed = (test, err)

                def addSkip(self, test, reason):
                    self.skipped = (test, reason)

                def render(self):
                    return "report"
        """,
        "tests/test_result.py": """
            from runner.result import Collector

            def test_collector_starts_empty():
                assert not hasattr(Collector(), "failed")
        """,
    })
    assert untested_names(tmp_path) == ["runner.result.Collector.render"]
