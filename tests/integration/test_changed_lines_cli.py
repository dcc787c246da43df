"""`--since REF` and `--staged` in real git repositories created in tmp_path, run as a user runs them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.integration.conftest import write
from vibecheck.cli import cli

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")

SWALLOW = "def {name}():\n    try:\n        work()\n    except Exception:\n        pass\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str) -> None:
    subprocess.run([str(GIT), *args], cwd=root, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    write(tmp_path, {
        "pyproject.toml": '[tool.vibecheck]\nignore = ["VC307"]\n',
        "app.py": SWALLOW.format(name="old") + "\n\nVALUE = 1\n",
        "untouched.py": SWALLOW.format(name="legacy"),
    })
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


CONCISE = re.compile(r"^(.*?):(\d+):\d+: (\S+) ")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--format", "concise", *args], catch_exceptions=False)


def reported(*args: str) -> list[str]:
    result = run(*args)
    assert result.exit_code in (0, 1), result.output
    return sorted("{} {} {}".format(*CONCISE.match(line).groups()) for line in result.stdout.splitlines() if line)


def test_since_reports_only_added_or_changed_lines(repo: Path) -> None:
    assert reported() == ["app.py 4 VC101", "untouched.py 4 VC101"]
    (repo / "app.py").write_text("import os\n\n\n" + SWALLOW.format(name="old") + "\n\n" + SWALLOW.format(name="new"),
                                 encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second")
    # the old finding moved to line 7 but its lines did not change; the new function's did
    assert reported("--since", "HEAD~1") == ["app.py 14 VC101"]
    assert reported("--since", "HEAD") == []
    assert reported("--since", "HEAD~1", "untouched.py") == []


def test_since_compares_the_working_tree_and_counts_untracked_files(repo: Path) -> None:
    (repo / "app.py").write_text(SWALLOW.format(name="old").replace("pass", "return None") + "\n\nVALUE = 1\n",
                                 encoding="utf-8")
    write(repo, {"fresh.py": SWALLOW.format(name="fresh")})
    assert reported("--since", "main") == ["app.py 4 VC101", "fresh.py 4 VC101"]


def test_a_renamed_file_counts_only_its_changed_lines(repo: Path) -> None:
    git(repo, "mv", "app.py", "renamed app.py")
    text = (repo / "renamed app.py").read_text(encoding="utf-8")
    (repo / "renamed app.py").write_text(text + "\n\n" + SWALLOW.format(name="added"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "rename")
    assert reported("--since", "HEAD~1") == ["renamed app.py 14 VC101"]  # not the moved line 4


def test_staged_uses_the_index(repo: Path) -> None:
    (repo / "app.py").write_text(SWALLOW.format(name="old") + "\n\n" + SWALLOW.format(name="staged"), encoding="utf-8")
    git(repo, "add", "app.py")
    (repo / "untouched.py").write_text(SWALLOW.format(name="legacy") + "\n\n" + SWALLOW.format(name="unstaged"),
                                       encoding="utf-8")
    write(repo, {"untracked.py": SWALLOW.format(name="untracked")})
    assert reported("--staged") == ["app.py 11 VC101"]


def test_project_rules_still_see_the_whole_tree(repo: Path) -> None:
    write(repo, {
        "pyproject.toml": '[tool.vibecheck]\nextend-select = ["VC301"]\n',
        "src/shop/__init__.py": "",
        "src/shop/orders.py": "def total(items):\n    return sum(items)\n",
        "src/shop/legacy.py": "def old_price(x):\n    return x\n",
        "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
    })
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "shop")
    orders = repo / "src/shop/orders.py"
    orders.write_text(orders.read_text(encoding="utf-8").replace("sum(items)", "sum(items, 0)")
                      + "\n\ndef refund(order):\n    return order\n", encoding="utf-8")
    # `total` changed but the unchanged test file covers it; `refund` is new and untested; legacy.py is untouched
    assert reported("--since", "HEAD") == ["src/shop/orders.py 5 VC301"]


def test_names_git_quotes(repo: Path) -> None:
    write(repo, {'caf\u00e9 "menu".py': "X = 1\n"})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "menu")
    (repo / 'caf\u00e9 "menu".py').write_text("X = 1\n" + SWALLOW.format(name="order"), encoding="utf-8")
    assert reported("--since", "HEAD") == ['caf\u00e9 "menu".py 5 VC101']


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "no-such-branch"], "unknown git revision `no-such-branch`"),
    (["--since", "--staged"], "is not a git revision"),
    (["--since", "HEAD", "--staged"], "cannot be combined"),
])
def test_bad_revisions_and_option_mixes_exit_2(repo: Path, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_outside_a_git_repository_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write(tmp_path, {"app.py": SWALLOW.format(name="f")})
    for option in (["--since", "HEAD"], ["--staged"]):
        result = run(*option)
        assert result.exit_code == 2, result.output
        assert "needs a git repository" in result.stderr


def test_nothing_changed_says_so(repo: Path) -> None:
    result = run("--since", "HEAD")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no Python file changed since `HEAD`" in result.stderr
    result = run("--staged")
    assert "no staged Python file to check" in result.stderr
