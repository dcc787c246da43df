"""Test data under the test paths, through the command line: files pytest never collects as tests (the project's
`collect_ignore`, `norecursedirs`, `--ignore`, or a data folder's files not named as test modules) are judged by no
test rule, reach nothing as tests, and do not make a project tested; a data-folder module a test imports is a helper."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

HOLLOW = "def test_hollow():\n    pass\n"
SOURCE = {
    "src/shop/__init__.py": "",
    "src/shop/orders.py": """
        def total(items):
            return sum(items)


        def refund(order):
            return order


        def restock(item):
            return item
    """,
}


def concise(args: list[str]) -> list[str]:
    result = CliRunner().invoke(cli, ["--format", "concise", "--no-bandit", "--no-cache", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return sorted(" ".join(line.split()[:2]) for line in result.stdout.splitlines() if line.strip())


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        **SOURCE,
        "pyproject.toml": """
            [project]
            name = "shop"

            [tool.pytest.ini_options]
            addopts = "-ra --ignore=tests/broken_samples"
            norecursedirs = [".git", "generated_cases"]
        """,
        "conftest.py": """
            import sys

            collect_ignore = ["tests/legacy"]
            if sys.version_info < (3, 0):
                collect_ignore.append("tests/test_py2_only.py")
        """,
        "tests/__init__.py": "",
        "tests/test_orders.py": """
            from shop.orders import total


            def test_total(order_items):
                assert total(order_items) == 3
        """,
        "tests/conftest.py": """
            import pytest

            from tests.fixtures.factories import make_items


            @pytest.fixture()
            def order_items():
                return make_items()
        """,
        # a helper module in a data folder, imported by the conftest: what it calls is reached
        "tests/fixtures/__init__.py": "",
        "tests/fixtures/factories.py": """
            from shop.orders import restock


            def make_items():
                return [restock(1), restock(2)]
        """,
        # sample input the tests read: its import of `refund` tests nothing, its hollow test is no test
        "tests/data/sample_app.py": "from shop.orders import refund\n\n\n" + HOLLOW,
        "tests/broken_samples/test_case.py": HOLLOW,
        "tests/legacy/test_old.py": HOLLOW,
        "tests/unit/generated_cases/test_gen.py": HOLLOW,
        # collected: a data folder's file named as a test module, and a file ignored only on Python 2
        "tests/data/test_collected.py": HOLLOW,
        "tests/test_py2_only.py": HOLLOW,
    })
    return tmp_path


def test_test_data_is_judged_by_no_test_rule_and_reaches_nothing(project: Path) -> None:
    assert concise(["--select", "VC301,VC302,VC303,VC307", "."]) == [
        "src/shop/orders.py:6:1: VC301",  # refund: only the sample app imports it
        "tests/data/test_collected.py:1:5: VC303",
        "tests/test_py2_only.py:1:5: VC303",
    ]


def test_a_project_whose_only_test_files_are_data_has_no_tests(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {**SOURCE, "pyproject.toml": "[project]\nname = 'shop'\n",
                     "tests/data/sample_app.py": "from shop.orders import total\n",
                     "tests/fixtures/payloads.py": "ORDER = {'items': [1, 2]}\n"})
    assert concise(["--select", "VC301,VC302,VC307", "."]) == ["src/shop/__init__.py:1:1: VC307"]
    write(tmp_path, {"tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n"
                                             "    assert total([1, 2]) == 3\n"})
    assert concise(["--select", "VC307", "."]) == []


def test_python_files_decides_which_default_named_files_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python_files = *_check.py` leaves `test_*.py` out: such a file tests nothing and no test rule judges it; a file
    named by the setting (also `*_check.py`, which names no test) runs, and the setting's own default-like names
    (`test_*.py` listed again) stay collected."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        **SOURCE,
        "setup.cfg": "[metadata]\nname = shop\n\n[tool:pytest]\ntestpaths = tests\npython_files = *_check.py\n",
        "tests/orders_check.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1]) == 1\n",
        "tests/test_refund.py": "from shop.orders import refund\n\n\n" + HOLLOW,
        "tests/restock_test.py": "from shop.orders import restock\n\n\ndef test_restock():\n"
                                 "    assert restock(1) == 1\n",
    })
    assert concise(["--select", "VC301,VC303", "."]) == ["src/shop/orders.py:10:1: VC301", "src/shop/orders.py:6:1: VC301"]
    write(tmp_path, {"setup.cfg": "[metadata]\nname = shop\n\n[tool:pytest]\npython_files = *_check.py test_*.py\n"})
    assert concise(["--select", "VC301,VC303", "."]) == ["src/shop/orders.py:10:1: VC301", "tests/test_refund.py:4:5: VC303"]
