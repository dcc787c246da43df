"""`vibecheck fix` on a copy of examples/vibe-app, the agent-written app with planted problems."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO_ROOT
from vibecheck.cli import cli


@pytest.fixture()
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO_ROOT / "examples" / "vibe-app", tmp_path / "vibe-app")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "vibe-app"


def _sources(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py"))}


def _findings(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args, "vibe-app"])
    return json.loads(result.stdout)["findings"]


def test_fix_diff_shows_the_fixes_and_writes_nothing(app: Path) -> None:
    before = _sources(app)
    result = CliRunner().invoke(cli, ["fix", "--diff", "--unsafe-fixes", "vibe-app"])
    assert result.exit_code == 1
    assert "--- a/vibe-app/vibe_app/weather.py\n+++ b/vibe-app/vibe_app/weather.py\n" in result.stdout
    assert '+        response = requests.get(API_URL, params={"q": city}, timeout=10)\n' in result.stdout
    assert _sources(app) == before


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fix_then_a_rerun_reports_only_what_is_not_fixable(app: Path, unsafe: bool) -> None:
    flags = ["--unsafe-fixes"] if unsafe else []
    before = _findings()
    fixable_before = [f for f in before if f["fix"] and (unsafe or f["fix"]["applicability"] == "safe")]
    CliRunner().invoke(cli, ["fix", *flags, "vibe-app"])
    after = _findings()
    assert [f for f in after if f["fix"] and (unsafe or f["fix"]["applicability"] == "safe")] == []
    not_fixable = Counter((f["code"], f["path"]) for f in before if f not in fixable_before)
    assert not Counter((f["code"], f["path"]) for f in after) - not_fixable  # only what had no fix is left
    assert len(after) < len(before) if fixable_before else after == before
    fixed_once = _sources(app)
    CliRunner().invoke(cli, ["fix", *flags, "vibe-app"])
    assert _sources(app) == fixed_once  # a second run changes nothing
