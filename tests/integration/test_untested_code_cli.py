"""The VC3xx project rules through the real command line: on by default, and independent of which files are passed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

PROJECT = {
    "pyproject.toml": '[tool.vibecheck]\nextend-select = ["VC301", "VC302", "VC307"]\n',
    "src/shop/__init__.py": "",
    "src/shop/orders.py": "def total(items):\n    return sum(items)\n\n\ndef refund(order):\n    return order\n",
    "src/shop/legacy.py": "def old_price(x):\n    return x\n",
    "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, PROJECT)
    return tmp_path


def concise(args: list[str]) -> list[str]:
    result = CliRunner().invoke(cli, ["--format", "concise", *args], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return sorted(" ".join(line.split()[:2]) for line in result.stdout.splitlines() if line.strip())


def test_whole_project(project: Path) -> None:
    assert concise(["."]) == ["src/shop/legacy.py:1:1: VC302", "src/shop/orders.py:5:1: VC301"]


def test_only_a_source_file_passed_still_sees_the_tests(project: Path) -> None:
    # pre-commit passes the changed file only: the unchanged test tree is indexed all the same
    assert concise(["src/shop/orders.py"]) == ["src/shop/orders.py:5:1: VC301"]


def test_project_rules_are_on_by_default(project: Path) -> None:
    (project / "pyproject.toml").write_text("[project]\nname = 'shop'\n", encoding="utf-8")
    assert concise(["."]) == ["src/shop/legacy.py:1:1: VC302", "src/shop/orders.py:5:1: VC301"]


def test_a_default_run_without_tests_says_so_once(project: Path) -> None:
    """No test file at all: one VC307 for the project, not a VC301/VC302 for every function and module."""
    (project / "pyproject.toml").write_text("[project]\nname = 'shop'\n", encoding="utf-8")
    (project / "tests" / "test_orders.py").unlink()
    assert concise(["."]) == ["src/shop/__init__.py:1:1: VC307"]


def test_a_default_run_on_loose_scripts_without_tests_says_nothing(project: Path) -> None:
    """No project file and no tests: loose scripts owe no tests, and VC301/VC302 have nothing to judge by."""
    (project / "pyproject.toml").unlink()
    (project / "tests" / "test_orders.py").unlink()
    assert concise(["."]) == []


def test_no_tests_at_all(project: Path) -> None:
    (project / "tests" / "test_orders.py").unlink()
    assert concise(["."]) == ["src/shop/__init__.py:1:1: VC307"]


DJANGO_PROJECT = {
    "pyproject.toml": "[project]\nname = 'mysite'\ndependencies = ['django']\n",
    "polls/__init__.py": "",
    "polls/apps.py": "from django.apps import AppConfig\n\n\nclass PollsConfig(AppConfig):\n    name = 'polls'\n",
    "polls/models.py": "def short(text):\n    return text[:10]\n\n\ndef unused(text):\n    return text\n",
    "polls/tests.py": (
        "from django.test import TestCase\n\nfrom polls.models import short\n\n\n"
        "class ShortTests(TestCase):\n    def test_short(self):\n        self.assertEqual(short('a' * 20), 'a' * 10)\n\n"
        "    def test_page(self):\n        self.client.get('/polls/')\n"),
}


def test_a_django_apps_tests_module_is_a_test_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`startapp`'s `tests.py` holds the app's tests: they count for VC301/VC302 and the test rules judge them."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, DJANGO_PROJECT)
    assert concise(["."]) == ["polls/models.py:5:1: VC301", "polls/tests.py:10:9: VC303"]


def test_pytests_configured_module_names_are_test_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pytest-django's `python_files = tests.py ...` makes every `tests.py` a test module; `*.py` names no test."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "pyproject.toml": "[project]\nname = 'shop'\n\n[tool.pytest.ini_options]\n"
                          "python_files = ['tests.py', 'test_*.py', '*.py']\n",
        "shop/__init__.py": "",
        "shop/prices.py": "def net(x):\n    return x\n\n\ndef gross(x):\n    return x\n",
        "shop/tests.py": "from shop.prices import net\n\n\ndef test_net():\n    assert net(1) == 1\n",
    })
    assert concise(["."]) == ["shop/prices.py:5:1: VC301"]
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'shop'\n", encoding="utf-8")
    assert concise(["."]) == ["shop/__init__.py:1:1: VC307", "shop/tests.py:5:5: B101"]  # no longer a test


def test_an_app_checked_from_its_folder_keeps_its_own_conftest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The repository's config makes the repository the run's root, so its own `tests/conftest.py` is indexed while
    the app's is checked: both are `tests/conftest.py` to someone, and the app's fixtures must stay the app's."""
    write(tmp_path, {
        "pyproject.toml": '[tool.vibecheck]\nextend-select = ["VC301"]\n',
        "tests/conftest.py": "import pytest\n\n\n@pytest.fixture()\ndef repo_thing():\n    return 1\n",
        "apps/shop/pyproject.toml": "[project]\nname = 'shop'\n",
        "apps/shop/shop/__init__.py": "def create_app():\n    return {'name': 'shop'}\n",
        "apps/shop/tests/conftest.py": "import pytest\n\nfrom shop import create_app\n\n\n@pytest.fixture()\n"
                                       "def app():\n    return create_app()\n",
        "apps/shop/tests/test_app.py": "def test_name(app):\n    assert app['name'] == 'shop'\n",
    })
    monkeypatch.chdir(tmp_path / "apps" / "shop")
    assert concise(["."]) == []
    assert concise(["--no-cache", "."]) == []
