"""Test data: files under the test paths that pytest never collects as tests (and test modules it collects by a
configured name).

A project keeps sample inputs beside its tests (`tests/data/broken_app.py`, `tests/fixtures/project/views.py`):
they are read by the tests, not run as tests, so no test rule judges them as tests, and the untested-code rules
count them neither as tests (their imports reach nothing) nor as the project's code. Two signs mark them:
- the project's pytest configuration says not to collect them: a `python_files` that leaves out a default test
  name (`test_*.py` beside `python_files = *_check.py`), `norecursedirs` and `addopts` `--ignore` /
  `--ignore-glob` (the first of `pytest.ini`, `pyproject.toml`, `tox.ini`, `setup.cfg` holding a pytest table),
  and unconditional `collect_ignore` / `collect_ignore_glob` lists in the `conftest.py` at the root or at the top
  of a test folder (`configured_test_data`, as gitignore-style patterns from the root);
- a folder named for data (`data/`, `testdata/`, `fixtures/`) holds a file that is no test module by name
  (`test_*.py`, `*_test.py`, `tests.py`, `conftest.py`): pytest never collects such a file (`in_data_folder`).
  One that a test imports is a helper (`tests/fixtures/factories.py`), which the project rules tell apart.

The same configuration's `python_files` names join the default `test-paths` (`configured_test_modules`): a
pytest-django project's `tests.py` modules are its tests.
"""

from __future__ import annotations

import ast
import configparser
import fnmatch
import shlex
import sys
from functools import cached_property
from pathlib import Path
from typing import Any

from vibecheck.discovery import matches
from vibecheck.safe_files import read_regular_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

DATA_FOLDERS = frozenset({"data", "testdata", "test_data", "fixtures", "test_fixtures", "sample_data", "samples"})
TEST_MODULE_NAMES = ("test*.py", "*_test.py", "conftest.py")
PYTEST_DEFAULT_FILES = ("test_*.py", "*_test.py")  # pytest's default `python_files`
# The top-level folders whose `conftest.py` may list what not to collect (beside the root's).
TEST_FOLDERS = ("tests", "test", "testing", "t")
# pytest reads the first of these that holds its table: (file, section; "" for pyproject's TOML table).
PYTEST_CONFIGS = (("pytest.ini", "pytest"), ("pyproject.toml", ""), ("tox.ini", "pytest"), ("setup.cfg", "tool:pytest"))
IGNORE_OPTIONS = ("--ignore", "--ignore-glob")
COLLECT_IGNORE = frozenset({"collect_ignore", "collect_ignore_glob"})
MAX_CONFIG_BYTES = 1_000_000


def in_data_folder(relative: str) -> bool:
    """A file in a folder named for data that pytest would not collect by its name (`tests/data/sample_app.py`)."""
    *folders, name = relative.replace("\\", "/").split("/")
    return any(f in DATA_FOLDERS for f in folders) and not any(fnmatch.fnmatchcase(name, p) for p in TEST_MODULE_NAMES)


def pytest_collection(root: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What the project's pytest configuration at `root` says of collection, read once: the patterns of what it does
    not collect (`configured_test_data`) and the test module names it collects beyond the defaults
    (`configured_test_modules`)."""
    options = _pytest_table(root)
    return _test_data(root, options), configured_test_modules(options)


def configured_test_modules(options: dict[str, Any]) -> tuple[str, ...]:
    """pytest's `python_files` names that name tests (`tests.py`, `*_tests.py`, `check_*_test.py`), as patterns.

    pytest-django's setup sets `python_files = tests.py test_*.py *_tests.py`: a Django project's test modules. A
    name without "test" in it (`*.py`, `check_*.py`) is left out: with `testpaths` it means every module of a test
    folder, which the default `tests/` pattern already covers, and alone it would make the package's code tests."""
    return tuple(name for name in dict.fromkeys(_words(options.get("python_files")))
                 if "test" in name.lower() and "/" not in name)


def configured_test_data(root: Path) -> tuple[str, ...]:
    """Gitignore-style patterns, from `root`, of what the project's pytest configuration does not collect."""
    return _test_data(root, _pytest_table(root))


def _test_data(root: Path, options: dict[str, Any]) -> tuple[str, ...]:
    patterns = [*_uncollected_names(options), *_from_pytest_config(options)]
    for folder in ("", *TEST_FOLDERS):
        conftest = root / folder / "conftest.py"
        prefix = f"/{folder}/" if folder else "/"
        patterns.extend(prefix + entry.strip("/") for entry in _collect_ignore(conftest))
    return tuple(dict.fromkeys(patterns))


def _pytest_table(root: Path) -> dict[str, Any]:
    """The options of the pytest configuration pytest would read at `root` (empty when there is none)."""
    for name, section in PYTEST_CONFIGS:
        text = _read(root / name)
        if text is None:
            continue
        if not section:
            try:
                tool = tomllib.loads(text).get("tool", {})
            except (tomllib.TOMLDecodeError, RecursionError, MemoryError):
                continue
            table = tool.get("pytest", {}) if isinstance(tool, dict) else {}
            options = table.get("ini_options", table) if isinstance(table, dict) else {}
            if isinstance(options, dict) and options:
                return dict(options)
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text)
        except configparser.Error:
            continue
        if parser.has_section(section):
            return dict(parser.items(section))
    return {}


def _uncollected_names(options: dict[str, Any]) -> list[str]:
    """With `python_files` set, pytest collects only the modules it names: a file of a default test name that none of
    them matches (`test_render.py` beside `python_files = *_check.py`) is never run. As gitignore-style patterns, the
    default names and then each configured one negated, ahead of the other patterns (which may cover those again)."""
    configured = [name for name in _words(options.get("python_files")) if "/" not in name]
    return [*PYTEST_DEFAULT_FILES, *(f"!{name}" for name in configured)] if configured else []


def _from_pytest_config(options: dict[str, Any]) -> list[str]:
    """`norecursedirs = data fixtures` -> `data/`, `fixtures/`; `addopts = --ignore=tests/data` -> `/tests/data`."""
    found = [f"/{p.strip('/')}/" if "/" in p.strip("/") else f"{p}/" for p in _words(options.get("norecursedirs"))]
    words = _words(options.get("addopts"), split=shlex.split)
    for index, word in enumerate(words):
        option, equals, value = word.partition("=")
        if option in IGNORE_OPTIONS:
            value = value if equals else (words[index + 1] if index + 1 < len(words) else "")
            if value:
                found.append("/" + value.removeprefix("./").strip("/"))
    return found


def _words(value: Any, split: Any = str.split) -> list[str]:
    """An ini value (one string of words) or a TOML one (a list of strings, or one string), as words."""
    if isinstance(value, str):
        try:
            return list(split(value))
        except ValueError:  # an unbalanced quote in `addopts`
            return value.split()
    if isinstance(value, list):
        return [w for item in value if isinstance(item, str) for w in _words(item, split)]
    return []


def _collect_ignore(conftest: Path) -> list[str]:
    """The literal entries a `conftest.py` puts in `collect_ignore`/`collect_ignore_glob` unconditionally, at its top
    level (`= [...]`, `+= [...]`, `.append("x")`, `.extend([...])`); an entry under `if sys.version_info < ...` is a
    test on other versions."""
    text = _read(conftest)
    try:
        tree = ast.parse(text) if text is not None else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found: list[str] = []
    for statement in tree.body if tree is not None else ():
        if isinstance(statement, (ast.Assign, ast.AugAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            if any(isinstance(t, ast.Name) and t.id in COLLECT_IGNORE for t in targets):
                found.extend(_strings(statement.value))
        elif isinstance(statement, ast.Expr) and isinstance(call := statement.value, ast.Call) \
                and isinstance(call.func, ast.Attribute) and call.func.attr in ("append", "extend") \
                and isinstance(call.func.value, ast.Name) and call.func.value.id in COLLECT_IGNORE and call.args:
            found.extend(_strings(call.args[0]))
    return found


def _strings(node: ast.expr) -> list[str]:
    """A string literal, or the string literals of a list or tuple."""
    items = node.elts if isinstance(node, (ast.List, ast.Tuple)) else [node]
    return [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str) and i.value.strip("/")]


def _read(path: Path) -> str | None:
    try:
        return read_regular_text(path, MAX_CONFIG_BYTES) if path.is_file() else None
    except OSError:
        return None


class CollectIgnores:
    """What one project's pytest configuration does not collect, as a matcher of root-relative paths; the
    configuration is read at the first question (a project without test files asks none)."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    @cached_property
    def patterns(self) -> tuple[str, ...]:
        return configured_test_data(self.root)

    def configured(self, relative: str) -> bool:
        return bool(self.patterns) and matches(relative, self.patterns)
