"""`check --shard K/N` on a CI matrix and `vibecheck merge`: the merged report is the unsharded one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck import __version__
from vibecheck.cli import cli
from vibecheck.shards import SHARD_KEY, Shard

# `compute` is public and only a test in another shard calls it; `unused` no test reaches (VC301).
PROJECT = {
    "pyproject.toml": '[project]\nname = "svc"\nversion = "1"\ndependencies = []\n',
    "svc/__init__.py": "",
    "svc/calc.py": "def compute(a, b):\n    return a + b\n\n\ndef unused(a):\n    return a * 2\n",
    "tests/test_mathx.py": "from svc.calc import compute\n\n\ndef test_compute():\n    assert compute(1, 2) == 3\n",
    "svc/app.py": "def load():\n    try:\n        return 1\n    except Exception:  # noqa: VC101\n        pass\n\n\n"
                  "def save():\n    try:\n        return 1\n    except Exception:\n        pass\n",
    "svc/quiet.py": "import os  # noqa: VC999\n",
}
SELECT = ["--extend-select", "VC301"]


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, PROJECT)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def shard_reports(count: int = 3, *extra: str) -> list[str]:
    names = []
    for index in range(1, count + 1):
        name = f"shard-{index}.json"
        result = invoke("check", *SELECT, *extra, "--shard", f"{index}/{count}", "--format", "json", "--output", name, ".")
        # exit 1 means "findings": the reports written are what the tests check, exit 2 would be a crash
        assert result.exit_code in (0, 1), result.stderr  # vibecheck: ignore[VC304] -- status 1 is "findings"
        names.append(name)
    return names


def test_the_facts_of_a_project_rule_come_from_two_shards() -> None:
    holders = {name: [k for k in (1, 2, 3) if Shard(k, 3).holds(name)] for name in ("svc/calc.py", "tests/test_mathx.py")}
    assert all(len(ks) == 1 for ks in holders.values())
    assert holders["svc/calc.py"] != holders["tests/test_mathx.py"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise"])
def test_merged_shards_report_exactly_what_one_unsharded_run_does(project: Path, fmt: str) -> None:
    whole = invoke("check", *SELECT, "--format", fmt, ".")
    merged = invoke("merge", *SELECT, "--format", fmt, *shard_reports())
    assert merged.exit_code == whole.exit_code == 1
    assert merged.stdout == whole.stdout
    if fmt == "json":
        findings = [(f["code"], f["path"], f["start"]["line"]) for f in json.loads(merged.stdout)["findings"]]
        assert ("VC301", "svc/calc.py", 5) in findings  # `unused`: no test in any shard reaches it
        assert not any(code == "VC301" and line == 1 for code, _, line in findings)  # `compute`: a test in another shard does
        assert ("VC101", "svc/app.py", 11) in findings and ("VC101", "svc/app.py", 4) not in findings
        assert {f[0] for f in findings} >= {"VC901"}  # suppression hygiene runs in the merge's filter stage


def test_every_file_is_in_exactly_one_shard_and_a_shard_runs_no_project_rule(project: Path) -> None:
    seen: list[str] = []
    for name in shard_reports():
        report = json.loads(Path(name).read_text())
        seen += [item["relative"] for item in report[SHARD_KEY]["files"]]
        assert "VC301" not in {f["code"] for f in report["findings"]}
    assert sorted(seen) == sorted(name for name in PROJECT if name.endswith(".py"))


def test_merge_writes_to_an_output_file_and_honours_exit_zero(project: Path) -> None:
    result = invoke("merge", *SELECT, "--exit-zero", "--format", "json", "--output", "merged.json", *shard_reports(2))
    assert result.exit_code == 0
    assert json.loads(Path("merged.json").read_text())["summary"]["files_checked"] == 5


def _edit_shard(name: str, change) -> None:  # type: ignore[no-untyped-def]
    report = json.loads(Path(name).read_text())
    change(report[SHARD_KEY])
    Path(name).write_text(json.dumps(report))


@pytest.mark.parametrize(("change", "message"), [
    (lambda p: p.update(format=99), "shard report format 99"),
    (lambda p: p.update(version="0.0.0-other"), f"this is {__version__}"),
    (lambda p: p.update(shard=[1, 4]), "does not belong with shards of"),
    (lambda p: p.update(files="nothing"), "malformed shard report"),
    (lambda p: p["files"][0]["result"].update({"$c": "Popen"}) if p["files"] else p.update(files=[{}]),
     "malformed"),
])
def test_a_mismatched_or_tampered_shard_is_a_clear_error(project: Path, change, message: str) -> None:  # type: ignore[no-untyped-def]
    names = shard_reports()
    _edit_shard(names[1], change)
    result = invoke("merge", *SELECT, *names)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_duplicated_or_foreign_reports_are_errors(project: Path) -> None:
    names = shard_reports()
    missing = invoke("merge", *SELECT, *names[:2])
    assert missing.exit_code == 2 and "3/3 missing" in missing.stderr
    twice = invoke("merge", *SELECT, names[0], *names)
    assert twice.exit_code == 2 and "given twice" in twice.stderr
    other = invoke("merge", *names)  # the shards were checked with VC301 selected, this merge is not
    assert other.exit_code == 2 and "other settings" in other.stderr
    invoke("check", "--format", "json", "--output", "plain.json", ".")
    plain = invoke("merge", "plain.json")
    assert plain.exit_code == 2 and "not a shard report" in plain.stderr
    Path("broken.json").write_text('{"findings": [')
    broken = invoke("merge", "broken.json")
    assert broken.exit_code == 2 and "malformed report: not JSON" in broken.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["--shard", "0/3", "--format", "json"], "K must be between 1 and N"),
    (["--shard", "4/3", "--format", "json"], "K must be between 1 and N"),
    (["--shard", "two", "--format", "json"], "--shard takes K/N"),
    (["--shard", "1/3"], "add --format json"),
])
def test_bad_shard_options_exit_2(project: Path, args: list[str], message: str) -> None:
    result = invoke("check", *args, ".")
    assert result.exit_code == 2
    assert message in result.stderr


def test_the_baseline_applies_in_the_merge_as_in_one_run(project: Path) -> None:
    write(project, {"pyproject.toml": PROJECT["pyproject.toml"] + '\n[tool.vibecheck]\nextend-select = ["VC301"]\n'})
    assert invoke("baseline", ".").exit_code == 0
    write(project, {"svc/new.py": "def fresh():\n    try:\n        return 1\n    except Exception:\n        pass\n"})
    whole = invoke("check", *SELECT, "--format", "json", ".")
    merged = invoke("merge", *SELECT, "--format", "json", *shard_reports())
    assert merged.exit_code == whole.exit_code == 1
    assert merged.stdout == whole.stdout
    # the new module: its swallowed exception, and (VC302, on by default) that no test imports it
    assert [(f["code"], f["path"]) for f in json.loads(merged.stdout)["findings"]] == [
        ("VC302", "svc/new.py"), ("VC101", "svc/new.py")]
