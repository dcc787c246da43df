"""The registry manifest as a user meets it: a run whose every file hits the cache imports no rule module, libcst
or bandit, and still behaves as a cold run (same findings, errors and exit code); a damaged or stale manifest is
ignored and rewritten, never trusted."""

from __future__ import annotations

import json
import os
import sys
import uuid
from pathlib import Path

import pytest

from tests.integration.conftest import install_pack, run_vibecheck, write
from vibecheck.cache import CACHE_DIR
from vibecheck.manifest import FILE
from vibecheck.registry import load_registry

PYPROJECT = '[project]\nname = "svc"\nversion = "1"\ndependencies = []\n\n[tool.vibecheck]\n'
SWALLOW = "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n"
SHELL = "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"
TEST = "from svc.app import load\n\n\ndef test_load():\n    assert load() is None\n"
PROJECT = {"pyproject.toml": PYPROJECT, "svc/__init__.py": "", "svc/app.py": SWALLOW, "svc/shell.py": SHELL,
           "tests/test_app.py": TEST}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("VIBECHECK_NO_CACHE", raising=False)
    return write(tmp_path / "svc-project", PROJECT)


def _imported(stderr: str) -> set[str]:
    return {line.rpartition("|")[2].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def _messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("import time:")]


def test_a_warm_run_imports_no_rule_module_libcst_or_bandit_and_reports_what_a_cold_run_did(project: Path) -> None:
    cold = run_vibecheck(["--format", "json", "."], project)
    assert cold.returncode == 1 and '"VC101"' in cold.stdout and '"B602"' in cold.stdout
    assert (project / CACHE_DIR / FILE).is_file()
    # with one job no worker is preloaded on the chance that a file changed (`vibecheck.preload`): the log is this
    # process's own
    warm = run_vibecheck(["--jobs", "1", "--format", "json", "."], project, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert (warm.returncode, warm.stdout, _messages(warm.stderr)) == (cold.returncode, cold.stdout, cold.stderr.splitlines())
    imported = _imported(warm.stderr)
    assert "vibecheck.cli" in imported  # the import log was written
    assert not {name for name in imported if name.partition(".")[0] in ("libcst", "bandit")}
    rule_modules = {rule.__module__ for rule in load_registry().rules if rule.__module__.startswith("vibecheck.rules.")}
    assert rule_modules and not imported & rule_modules



def _processes_with(marker: str) -> list[int]:
    """The pids of the processes whose environment holds `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="a folder's check preloads a worker on Linux, with two CPUs or more")
def test_a_warm_run_ends_the_worker_it_preloaded_for_nothing_and_reports_what_a_cold_run_did(project: Path) -> None:
    cold = run_vibecheck(["--format", "json", "."], project)
    marker = f"VIBECHECK_TEST_RUN={uuid.uuid4().hex}"
    name, _, value = marker.partition("=")
    warm = run_vibecheck(["--format", "json", "."], project, env={name: value})
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert _processes_with(marker) == []

def test_a_changed_file_loads_the_rules_and_is_checked_as_on_a_cold_run(project: Path) -> None:
    run_vibecheck(["--format", "json", "."], project)
    (project / "svc" / "util.py").write_text(SWALLOW.replace("load", "fetch"), encoding="utf-8")
    warm = run_vibecheck(["--format", "json", "."], project)
    cold = run_vibecheck(["--no-cache", "--format", "json", "."], project)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)
    assert "svc/util.py" in warm.stdout


@pytest.mark.parametrize(("config", "options"), [
    ('select = ["VC1O1"]\n', []),
    ('ignore = ["B6O2"]\n', []),
    ("", ["--select", "swallowed-exceptoin"]),
    ("[tool.vibecheck.rules.swallowed-exception]\nbogus = 1\n", []),
    ("[tool.vibecheck.rules.swallowed-exceptoin]\n", []),
    ('[tool.vibecheck.bandit]\nskips = ["B999"]\n', []),
])
def test_a_warm_run_rejects_a_bad_setting_as_a_cold_run_does(project: Path, config: str, options: list[str]) -> None:
    run_vibecheck(["."], project)  # fills the cache and saves the manifest
    (project / "pyproject.toml").write_text(PYPROJECT + config, encoding="utf-8")
    warm = run_vibecheck([*options, "."], project)
    cold = run_vibecheck(["--no-cache", *options, "."], project)
    assert warm.returncode == cold.returncode == 2
    assert warm.stderr == cold.stderr
    assert "vibecheck: error:" in warm.stderr


def test_rule_options_are_read_on_a_warm_run(project: Path) -> None:
    config = '[tool.vibecheck.rules.untested-public-function]\nuse-coverage = false\n'
    (project / "pyproject.toml").write_text(PYPROJECT + config, encoding="utf-8")
    cold = run_vibecheck(["--format", "json", "."], project)
    warm = run_vibecheck(["--format", "json", "."], project)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr)


@pytest.mark.parametrize("damage", ["not json", "missing keys", "stale"])
def test_a_damaged_or_stale_manifest_is_ignored_and_rewritten(project: Path, damage: str) -> None:
    first = run_vibecheck(["--format", "json", "."], project)
    manifest = project / CACHE_DIR / FILE
    original = manifest.read_bytes()
    saved = json.loads(original)
    if damage == "not json":
        manifest.write_text("{\"format\": 1, \"stamp", encoding="utf-8")
    elif damage == "missing keys":
        manifest.write_text(json.dumps({"format": 1, "stamp": saved["stamp"]}), encoding="utf-8")
    else:  # facts that would switch every rule off, under a stamp of other sources: must not be believed
        for rule in saved["registry"]["rules"]:
            rule["default_enabled"] = False
        manifest.write_text(json.dumps({**saved, "stamp": "0" * 32}), encoding="utf-8")
    again = run_vibecheck(["--format", "json", "."], project)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
    assert manifest.read_bytes() == original


def test_no_cache_neither_reads_nor_writes_the_manifest(project: Path) -> None:
    run_vibecheck(["--no-cache", "."], project)
    assert not (project / CACHE_DIR).exists()


def test_a_rule_pack_that_no_longer_loads_fails_a_warm_run_as_a_cold_one(project: Path, tmp_path: Path) -> None:
    site = install_pack(tmp_path / "lib" / "site-packages", "vc-needy", "needy = vc_needy:pack", {
        "vc_needy/__init__.py": "import needy_helper\nfrom vibecheck.registry import RulePack\n\npack = RulePack('needy', ())\n",
        "needy_helper.py": "",
    })
    first = run_vibecheck(["."], project, pythonpath=[site])
    assert first.returncode == 1 and "needy" in (project / CACHE_DIR / FILE).read_text(encoding="utf-8")
    (site / "needy_helper.py").unlink()  # the package the pack imports is uninstalled; the pack itself is unchanged
    warm = run_vibecheck(["."], project, pythonpath=[site])
    cold = run_vibecheck(["--no-cache", "."], project, pythonpath=[site])
    assert warm.returncode == cold.returncode == 2
    assert warm.stderr == cold.stderr and "rule pack `needy`" in warm.stderr
