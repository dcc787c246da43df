"""File discovery: tool folders are skipped, .gitignore and excludes hold, explicit files are checked."""

from __future__ import annotations

from pathlib import Path

from tests.integration.conftest import write
from vibecheck.api import check_paths
from vibecheck.config import DEFAULT_TEST_PATHS, Settings
from vibecheck.discovery import discover, is_test_file


def found(tmp_path: Path, paths=(".",), **kwargs) -> list[str]:
    return [f.relative for f in discover(list(paths), tmp_path, cwd=tmp_path, **kwargs)]


def test_skips_tool_and_virtualenv_folders_and_non_python_files(tmp_path: Path) -> None:
    names = ["app.py", "stubs.pyi", "notes.txt", ".venv/lib/x.py", "venv/x.py", "build/x.py", "dist/x.py",
             "node_modules/x.py", "pkg.egg-info/x.py", "__pycache__/x.py", ".git/x.py", ".tox/x.py", "pkg/mod.py"]
    write(tmp_path, {name: "" for name in names})
    assert found(tmp_path) == ["app.py", "stubs.pyi", "pkg/mod.py"]


def test_skips_ruffs_default_folders_caches_and_any_virtualenv(tmp_path: Path) -> None:
    """An unpacked sdist built with tox held virtualenv's unpacked pip under `.cache/`: none of it is the project's."""
    ruff_defaults = [".bzr", ".direnv", ".eggs", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox",
                     ".pants.d", ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".vscode", "__pypackages__",
                     "_build", "buck-out", "site-packages"]
    write(tmp_path, {
        **{f"{folder}/x.py": "" for folder in ruff_defaults},
        ".cache/virtualenv/wheel/3.11/image/1/CopyPipInstall/pip-24.0-py3-none-any/pip/__init__.py": "",
        ".cache/pre-commit/repo1234/hook.py": "",
        "py311/pyvenv.cfg": "home = /usr/bin\n", "py311/bin/activate_this.py": "",
        "environment/pyvenv.cfg/x.py": "",  # a folder of that name is no marker
        "pkg/mod.py": "", "pkg/cache/store.py": "", "pkg/builds.py": "",
    })
    assert found(tmp_path) == ["environment/pyvenv.cfg/x.py", "pkg/builds.py", "pkg/mod.py", "pkg/cache/store.py"]
    assert found(tmp_path, paths=["py311"]) == ["py311/bin/activate_this.py"]  # named on the command line: checked


def test_gitignore_root_and_nested(tmp_path: Path) -> None:
    write(tmp_path, {
        ".git/HEAD": "", ".gitignore": "generated/\n*_local.py\n",
        "generated/x.py": "", "settings_local.py": "", "keep.py": "",
        "pkg/.gitignore": "scratch.py\n!important_local.py\n", "pkg/scratch.py": "", "pkg/real.py": "",
        "other/scratch.py": "",
    })
    assert found(tmp_path) == ["keep.py", "other/scratch.py", "pkg/real.py"]


def test_gitignore_of_the_repository_applies_when_checking_a_subfolder(tmp_path: Path) -> None:
    write(tmp_path, {".git/HEAD": "", ".gitignore": "secret_*.py\n", "src/secret_a.py": "", "src/b.py": ""})
    assert [f.relative for f in discover(["src"], tmp_path, cwd=tmp_path)] == ["src/b.py"]


def test_excludes_and_explicit_files(tmp_path: Path) -> None:
    write(tmp_path, {"migrations/0001.py": "", "app.py": "", "proto/x_pb2.py": ""})
    assert found(tmp_path, exclude=["migrations/"], extend_exclude=["*_pb2.py"]) == ["app.py"]
    explicit = ["migrations/0001.py", "app.py"]
    assert found(tmp_path, explicit, exclude=["migrations/"]) == explicit
    assert found(tmp_path, explicit, exclude=["migrations/"], force_exclude=True) == ["app.py"]


def test_an_explicit_folder_is_checked_even_when_excluded(tmp_path: Path) -> None:
    write(tmp_path, {"examples/app/main.py": "", "examples/app/gen_pb2.py": "", "src/x.py": ""})
    assert found(tmp_path, exclude=["examples/"]) == ["src/x.py"]
    assert found(tmp_path, ["examples/app"], exclude=["examples/"]) == ["examples/app/gen_pb2.py", "examples/app/main.py"]
    assert found(tmp_path, ["examples/app"], exclude=["examples/"], force_exclude=True) == []
    assert found(tmp_path, ["examples/app"], exclude=["*_pb2.py"]) == ["examples/app/main.py"]


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    write(tmp_path, {"pkg/a.py": ""})
    (tmp_path / "pkg" / "loop").symlink_to(tmp_path / "pkg", target_is_directory=True)
    assert found(tmp_path) == ["pkg/a.py"]


def test_each_file_once_in_a_stable_order(tmp_path: Path) -> None:
    write(tmp_path, {"b/z.py": "", "b/a.py": "", "a.py": ""})
    assert found(tmp_path, [".", "b", "a.py"]) == ["a.py", "b/a.py", "b/z.py"]


def test_test_paths_predicate(tmp_path: Path) -> None:
    patterns = ("tests/", "test_*.py", "*_test.py", "conftest.py")
    for path in ("tests/unit/helpers.py", "pkg/test_api.py", "pkg/api_test.py", "conftest.py", "src/pkg/tests/x.py"):
        assert is_test_file(path, patterns, tmp_path), path
    for path in ("src/app.py", "src/testing.py", "latest.py"):
        assert not is_test_file(path, patterns, tmp_path), path


def test_library_modules_named_for_tests_are_not_test_files_by_default(tmp_path: Path) -> None:
    """Jinja's `tests.py` defines template tests and Django's `django/test/` ships test tools: both are library code,
    whose `test_*` functions are no tests (a `test/` or `tests.py` default made VC303 report them)."""
    write(tmp_path, {"src/jinja2/tests.py": "", "src/jinja2/filters.py": "", "django/test/runner.py": ""})
    for path in ("src/jinja2/tests.py", "django/test/runner.py", "django/test/selenium.py"):
        assert not is_test_file(path, DEFAULT_TEST_PATHS, tmp_path), path


def test_a_django_apps_tests_module_is_a_test_file(tmp_path: Path) -> None:
    """`manage.py startapp` writes `tests.py` beside `apps.py` and `models.py`; Django's runner collects it."""
    write(tmp_path, {"polls/apps.py": "", "polls/tests.py": "", "shop/models.py": "", "shop/tests.py": "",
                     "tests.py": "", "lib/tests.py": "", "lib/views.py": ""})
    for path in ("polls/tests.py", "shop/tests.py"):
        assert is_test_file(path, DEFAULT_TEST_PATHS, tmp_path), path
    for path in ("tests.py", "lib/tests.py", "polls/views.py"):
        assert not is_test_file(path, DEFAULT_TEST_PATHS, tmp_path), path


def test_three_thousand_files_with_bad_ones_among_them(tmp_path: Path) -> None:
    files = {f"pkg{i // 100}/m{i}.py": f"value_{i} = {i}\n" for i in range(3000)}
    files["pkg3/m300.py"] = "def broken(:\n"
    files["pkg7/m700.py"] = "try:\n    work()\nexcept Exception:\n    pass\n"
    files["pkg9/m900.py"] = ""
    write(tmp_path, files)
    (tmp_path / "pkg20" / "m2000.py").write_bytes(b"x = '\xff'\n")
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=2))
    assert report.files_checked == 3000
    assert not report.errors
    assert sorted((f.location.path.split("/")[-1], f.code) for f in report.findings) == [
        ("m2000.py", "VC001"), ("m300.py", "VC001"), ("m700.py", "VC101")]
