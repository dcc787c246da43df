"""The result cache as a user meets it: a warm run reports what a cold one did without checking anything again.

Which files went through the per-file pipeline is recorded by a spy on `Pipeline.check_bytes` that appends
each path to a log file (the worker processes are forked, so they inherit the spy and write to the same log).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import run_vibecheck, write
from tests.integration.test_call_flow_cli import APP as FLOW_APP
from vibecheck import cache, key_texts, safe_files
from vibecheck.cache import CACHE_DIR
from vibecheck.cli import cli
from vibecheck.model import EngineError, FileResult, Finding
from vibecheck.pipeline import Pipeline
from vibecheck.project import Project
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.rules.verification.no_tests import NoTests

SWALLOW = "def load():\n    try:\n        return work()\n    except Exception:\n        pass\n"
CLEAN = "def add(a, b):\n    return a + b\n"
PYPROJECT = '[project]\nname = "svc"\nversion = "1"\ndependencies = []\n'
SUPPRESSED = "def load():\n    try:\n        return work()\n    except Exception:  # noqa: VC101\n        pass\n"
PROJECT = {"pyproject.toml": PYPROJECT, "svc/__init__.py": "", "svc/app.py": SWALLOW,
           "svc/api.py": "import click\n\n\ndef main():\n    click.echo('hi')\n",
           "svc/quiet.py": SUPPRESSED, "svc/util.py": CLEAN, "svc/broken.py": "def (:\n"}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VIBECHECK_NO_CACHE", raising=False)
    write(tmp_path, PROJECT)
    return tmp_path


@pytest.fixture()
def checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The log the spy writes: one line per file that went through the per-file pipeline."""
    log = tmp_path.parent / f"{tmp_path.name}-checked.log"
    original = Pipeline.check_bytes

    def spy(self: Pipeline, path: str, relative: str, data: bytes) -> FileResult:
        with log.open("a", encoding="utf-8") as stream:
            stream.write(relative + "\n")
        return original(self, path, relative, data)

    monkeypatch.setattr(Pipeline, "check_bytes", spy)
    return log


def drain(log: Path) -> list[str]:
    """The files checked since the last call, sorted."""
    if not log.exists():
        return []
    names = sorted(log.read_text(encoding="utf-8").split())
    log.unlink()
    return names


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--format", "json", *args], catch_exceptions=False)
    return result.exit_code, result.stdout


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR / cache.ENTRIES).glob("*/*.json"))


def heads_file(root: Path) -> Path:
    """The `heads` of the one run digest these tests run with (each has a folder of its own)."""
    [heads] = (root / CACHE_DIR / cache.ENTRIES).glob("*/" + cache.HEADS)
    return heads


ALL = ["svc/__init__.py", "svc/api.py", "svc/app.py", "svc/broken.py", "svc/quiet.py", "svc/util.py"]


def test_a_warm_run_reports_exactly_what_the_cold_run_did_and_checks_nothing(project: Path, checked: Path) -> None:
    cold = run(".")
    assert drain(checked) == ALL
    codes = sorted(f["code"] for f in json.loads(cold[1])["findings"])
    assert codes == ["VC001", "VC101", "VC307", "VC504"]  # the noqa'd VC101 is suppressed by data stored with the file
    warm = run(".")
    assert drain(checked) == []
    assert warm == cold
    assert (project / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (project / CACHE_DIR / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_editing_one_file_rechecks_only_that_file(project: Path, checked: Path) -> None:
    run(".")
    drain(checked)
    (project / "svc" / "util.py").write_text(SWALLOW)
    exit_code, out = run(".")
    assert drain(checked) == ["svc/util.py"]
    assert [f["path"] for f in json.loads(out)["findings"] if f["code"] == "VC101"] == ["svc/app.py", "svc/util.py"]
    # a filter applied after the cache still sees every file: removing the suppression reports the finding
    (project / "svc" / "quiet.py").write_text(SWALLOW)
    _, out = run(".")
    assert drain(checked) == ["svc/quiet.py"]
    assert "svc/quiet.py" in {f["path"] for f in json.loads(out)["findings"]}


def test_settings_that_change_results_invalidate_the_cache(project: Path, checked: Path) -> None:
    run(".")
    drain(checked)
    run("--ignore", "VC101", ".")
    assert drain(checked) == ALL  # the selection decides which rules run on each file
    run("--ignore", "VC101", ".")
    assert drain(checked) == []
    run("--fail-on", "high", "--ignore", "VC101", ".")
    assert drain(checked) == []  # what fails the run does not change a file's result
    (project / "pyproject.toml").write_text(PYPROJECT + '\n[tool.vibecheck]\nignore = ["VC101"]\n')
    run(".")
    assert drain(checked) == ALL


def test_rule_options_are_part_of_the_key(project: Path, checked: Path) -> None:
    write(project, {"vibecheck.toml": ""})
    run(".")
    drain(checked)
    (project / "vibecheck.toml").write_text('[rules.placeholder-implementation]\nallow-overridable-methods = false\n')
    run(".")
    assert drain(checked) == ALL
    run(".")
    assert drain(checked) == []


def test_a_declared_dependency_rechecks_what_reads_the_declarations(project: Path, checked: Path) -> None:
    _, out = run(".")
    drain(checked)
    assert [f["path"] for f in json.loads(out)["findings"] if f["code"] == "VC504"] == ["svc/api.py"]
    (project / "pyproject.toml").write_text(PYPROJECT.replace("[]", '["click"]'))
    _, out = run(".")
    assert "svc/api.py" in drain(checked)
    assert [f for f in json.loads(out)["findings"] if f["code"] == "VC504"] == []
    (project / "requirements.txt").write_text("flask\n")
    run(".")
    assert "svc/api.py" in drain(checked)


def test_a_new_sibling_module_rechecks_the_import_rules(project: Path, checked: Path) -> None:
    write(project, {"svc/jobs.py": "import helpers\n"})
    _, out = run("--select", "VC504,VC503", ".")
    drain(checked)
    assert {f["path"] for f in json.loads(out)["findings"]} >= {"svc/jobs.py"}
    write(project, {"svc/helpers.py": CLEAN})
    _, out = run("--select", "VC504,VC503", ".")
    assert "svc/jobs.py" in drain(checked)
    assert "svc/jobs.py" not in {f["path"] for f in json.loads(out)["findings"]}


OWN_ERROR_VIEW = """from fastapi import FastAPI, HTTPException
from . import llm

app = FastAPI()


@app.post("/ask")
async def ask(question: str):
    try:
        return await llm.answer(question)
    except llm.AssistantError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
"""
OWN_ERROR_SERVICE = """class AssistantError(RuntimeError):
    pass


async def answer(question):
    try:
        return ask_model(question)
    except OSError as exc:
        raise AssistantError({message}) from exc
"""


def test_the_module_an_error_class_is_imported_from_rechecks_its_importers(project: Path, checked: Path) -> None:
    """VC414 reads the modules a file imports relatively for the wording of their error classes: an edit of one
    re-checks the files that import it, and those only."""
    write(project, {"svc/views.py": OWN_ERROR_VIEW, "svc/llm.py": OWN_ERROR_SERVICE.format(message='"unavailable"')})
    _, out = run("--select", "VC414", ".")
    drain(checked)
    assert json.loads(out)["findings"] == []
    write(project, {"svc/llm.py": OWN_ERROR_SERVICE.format(message="f\"upstream said {exc}\"")})
    _, out = run("--select", "VC414", ".")
    assert drain(checked) == ["svc/llm.py", "svc/views.py"]
    assert [f["path"] for f in json.loads(out)["findings"]] == ["svc/views.py"]


def test_a_folder_on_sys_path_that_changes_does_not_invalidate_the_cache(tmp_path: Path, project: Path, checked: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout (or a script's folder) on `sys.path` gets files written that are not modules, the cache folder
    first of all: only a new module there can change what the import rules find installed."""
    elsewhere = tmp_path.parent / f"{tmp_path.name}-on-path"
    elsewhere.mkdir()
    monkeypatch.syspath_prepend(str(project))
    monkeypatch.syspath_prepend(str(elsewhere))
    run(".")
    assert drain(checked) == ALL
    (elsewhere / "notes.txt").write_text("not a module\n")
    (project / "README.md").write_text("# svc\n")
    run(".")
    assert drain(checked) == []
    write(project, {"svc/jobs.py": "import vcnowhere\n"})
    _, out = run(".")
    assert "svc/jobs.py" in drain(checked)  # a new module beside the others: their import rules look again too
    assert [f["path"] for f in json.loads(out)["findings"] if f["code"] == "VC503"] == ["svc/jobs.py"]
    (elsewhere / "vcnowhere.py").write_text(CLEAN)
    _, out = run(".")
    assert "svc/jobs.py" in drain(checked)  # `import vcnowhere` now finds a module on sys.path
    assert [f for f in json.loads(out)["findings"] if f["code"] == "VC503"] == []


def resealed(header: bytes, body: bytes) -> bytes:
    """An entry with `header`'s key and digests that match the changed `body`, as someone forging one would write."""
    *kept, _, _ = header.split(b" ")
    digests = [hashlib.blake2b(part, digest_size=16).hexdigest().encode() for part in body.partition(b"\n")[::2]]
    return b" ".join([*kept, *digests]) + b"\n" + body


@pytest.mark.parametrize("damage", [
    b"",
    b"garbage",
    b"vibecheck-cache 1 0123\n{}",
    "truncate",
    "foreign",
    "wrong-type",
    "facts",
])
def test_a_corrupt_truncated_or_foreign_entry_is_ignored_and_rewritten(project: Path, checked: Path,
                                                                       damage: bytes | str) -> None:
    cold = run(".")
    drain(checked)
    for entry in entries(project):
        raw = entry.read_bytes()
        header, _, body = raw.partition(b"\n")
        if damage == "truncate":
            entry.write_bytes(raw[: len(raw) // 2])
        elif damage == "foreign":  # a right key and digest with a class the cache must never build
            entry.write_bytes(resealed(header, body.replace(b'"$c":"FileResult"', b'"$c":"Popen"')))
        elif damage == "wrong-type":  # a right key and digest, a well-formed body, a field of the wrong type
            entry.write_bytes(resealed(header, body.replace(b'"path":"svc/', b'"path":["svc/', 1)
                                       .replace(b'.py","findings"', b'.py"],"findings"', 1)))
        elif damage == "facts":  # a right key and digest, the result whole, its facts (decoded later) not JSON
            result_line, _, _ = body.partition(b"\n")
            entry.write_bytes(resealed(header, result_line + b"\n{not json"))
        else:
            assert isinstance(damage, bytes)
            entry.write_bytes(damage)
    if damage == "facts":  # found only when the project phase needs them: a miss, each file read again, entry removed
        assert run(".") == cold
        assert drain(checked) == ALL
    assert run(".") == cold
    assert drain(checked) == ALL
    assert run(".") == cold
    assert drain(checked) == []


def test_no_cache_writes_nothing_and_reads_nothing(project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run("--no-cache", ".")
    assert not (project / CACHE_DIR).exists()
    monkeypatch.setenv("VIBECHECK_NO_CACHE", "1")
    assert run(".") == cold
    assert not (project / CACHE_DIR).exists()
    monkeypatch.delenv("VIBECHECK_NO_CACHE")
    write(project, {"vibecheck.toml": "cache = false\n"})
    run(".")
    assert not (project / CACHE_DIR).exists()
    drain(checked)
    (project / "vibecheck.toml").write_text("cache = true\n")
    run(".")
    run("--no-cache", ".")
    assert drain(checked) == sorted(ALL + ALL)  # --no-cache does not read what the run before it stored


def test_cache_must_be_a_boolean_in_the_config(project: Path) -> None:
    write(project, {"vibecheck.toml": 'cache = "no"\n'})
    result = CliRunner().invoke(cli, ["."], catch_exceptions=False)
    assert result.exit_code == 2
    assert "`cache` must be true or false" in result.stderr


def test_results_with_engine_errors_are_not_cached(project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Pipeline.check_bytes

    def failing(self: Pipeline, path: str, relative: str, data: bytes) -> FileResult:
        result = original(self, path, relative, data)
        if relative == "svc/util.py":
            result.errors.append(EngineError(path, "a stage crashed"))
        return result

    monkeypatch.setattr(Pipeline, "check_bytes", failing)
    assert run(".")[0] == 2
    drain(checked)
    assert run(".")[0] == 2
    assert drain(checked) == ["svc/util.py"]


def test_clean_removes_the_cache(project: Path) -> None:
    run(".")
    assert (project / CACHE_DIR).is_dir()
    result = CliRunner().invoke(cli, ["clean"], catch_exceptions=False)
    assert result.exit_code == 0
    assert not (project / CACHE_DIR).exists()
    assert "Removed" in result.stderr
    again = CliRunner().invoke(cli, ["clean"], catch_exceptions=False)
    assert again.exit_code == 0 and "No cache" in again.stderr


def test_a_new_run_folder_removes_the_folders_of_runs_long_gone(project: Path, tmp_path_factory: pytest.TempPathFactory,
                                                              checked: Path) -> None:
    files = project / CACHE_DIR / cache.ENTRIES
    run(".")
    [current] = [folder.name for folder in files.iterdir()]
    month_ago = time.time() - 31 * 86400
    for name in ("old-version", "recent-config"):
        (files / name).mkdir()
        (files / name / "entry.json").write_text("{}")
    os.utime(files / "old-version", (month_ago, month_ago))
    (files / "svc-app-py.json").write_text("{}")  # an entry of the layout before folders per run
    outside = tmp_path_factory.mktemp("outside")
    os.utime(outside, (month_ago, month_ago))
    (files / "planted").symlink_to(outside, target_is_directory=True)
    run(".")
    assert sorted(folder.name for folder in files.iterdir()) == sorted(
        [current, "old-version", "recent-config", "planted", "svc-app-py.json"])  # a warm run starts no folder
    drain(checked)
    run("--ignore", "VC101", ".")  # another configuration: a folder of its own starts
    assert drain(checked) == ALL
    left = {folder.name for folder in files.iterdir()}
    assert {current, "recent-config", "planted"} < left and len(left) == 4
    assert not {"old-version", "svc-app-py.json"} & left
    assert outside.is_dir()  # a link is never followed, nor removed


def test_a_planted_link_in_place_of_the_cache_is_not_followed(project: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    assert run(".")[0] == 1
    assert list(elsewhere.iterdir()) == []


def test_subprocess_cold_and_warm_give_the_same_output(tmp_path: Path) -> None:
    write(tmp_path, PROJECT)
    cold = run_vibecheck(["--format", "json", "."], tmp_path)
    warm = run_vibecheck(["--format", "json", "."], tmp_path)
    assert cold.returncode == warm.returncode == 1
    assert cold.stdout == warm.stdout
    assert len(entries(tmp_path)) == len(ALL) + 2  # and the project phase's, and what it keeps for the next


@pytest.mark.skipif(not (Path(sys.executable).parent / "vibecheck").is_file(), reason="needs the installed command")
def test_the_command_and_python_m_share_one_cache(tmp_path: Path) -> None:
    """The `vibecheck` command runs with its `bin/` folder on `sys.path` and `python -m vibecheck` without: neither
    may throw away what the other cached."""
    write(tmp_path, PROJECT)
    command = subprocess.run([str(Path(sys.executable).parent / "vibecheck"), "--format", "json", "."], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
    written = {path: path.stat().st_mtime_ns for path in entries(tmp_path)}
    module = run_vibecheck(["--format", "json", "."], tmp_path)
    assert module.stdout == command.stdout
    assert len(written) == len(ALL) + 2  # and the project phase's, and what it keeps for the next
    assert {path: path.stat().st_mtime_ns for path in entries(tmp_path)} == written  # read, not written again


@pytest.mark.skipif(sys.platform != "linux", reason="needs a filesystem that takes any bytes as a name")
def test_a_file_name_that_is_not_utf8_is_cached_too(project: Path, checked: Path) -> None:
    (project / os.fsdecode(b"caf\xe9.py")).write_text(SWALLOW, encoding="utf-8")
    cold = run(".")
    drain(checked)
    assert run(".") == cold
    assert drain(checked) == []


def spy_project_rule(monkeypatch: pytest.MonkeyPatch, rule: type[NoTests] | type[ClientDataThroughCalls]) -> list[str]:
    """The codes of the runs of one project rule (each run means its findings were not served from the cache)."""
    ran: list[str] = []
    original = rule.check_project

    def spy(self: NoTests | ClientDataThroughCalls, project: Project) -> Iterator[Finding]:
        ran.append(self.code)
        return original(self, project)

    monkeypatch.setattr(rule, "check_project", spy)
    return ran


@pytest.fixture()
def project_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The runs of VC307."""
    return spy_project_rule(monkeypatch, NoTests)


def codes(out: str) -> list[str]:
    return sorted(f["code"] for f in json.loads(out)["findings"])


def test_the_project_phase_is_cached_until_a_file_or_a_root_file_changes(project: Path, checked: Path,
                                                                         project_runs: list[str]) -> None:
    cold = run(".")
    assert "VC307" in codes(cold[1]) and project_runs == ["VC307"]
    assert run(".") == cold
    assert project_runs == ["VC307"]  # nothing changed: the project rules did not run again
    write(project, {"tests/test_app.py": "from svc.app import load\n\n\ndef test_load():\n    load()\n"})
    assert "VC307" not in codes(run(".")[1])  # a new test file: the project phase ran again and saw it
    assert len(project_runs) == 2
    (project / "tests" / "test_app.py").unlink()
    assert run(".") == cold
    assert len(project_runs) == 3
    (project / "pyproject.toml").unlink()  # another project file at the root: read again
    write(project, {"setup.cfg": "[metadata]\nname = svc\n"})
    assert "VC307" in codes(run(".")[1])
    assert len(project_runs) == 4
    (project / "setup.cfg").unlink()  # no project file: VC307 judges only projects
    assert "VC307" not in codes(run(".")[1])
    assert len(project_runs) == 5


def test_a_pre_commit_run_sees_test_files_it_was_not_passed_come_and_go(project: Path, checked: Path,
                                                                        project_runs: list[str]) -> None:
    sources = [f"svc/{name}.py" for name in ("__init__", "api", "app", "quiet", "util")]  # the test files are not passed
    assert "VC307" in codes(run(*sources)[1])
    write(project, {"tests/test_app.py": "def test_nothing():\n    pass\n"})
    assert "VC307" not in codes(run(*sources)[1])
    assert "VC307" not in codes(run(*sources)[1])
    assert len(project_runs) == 2
    (project / "tests" / "test_app.py").unlink()
    assert "VC307" in codes(run(*sources)[1])
    assert len(project_runs) == 3


def test_an_edit_that_leaves_the_facts_alone_keeps_the_project_phase_cached(project: Path, checked: Path,
                                                                            project_runs: list[str]) -> None:
    cold = run(".")
    drain(checked)
    (project / "svc" / "util.py").write_text(CLEAN + "# the pre-commit case: a new comment line\n")
    assert run(".") == cold
    assert drain(checked) == ["svc/util.py"] and project_runs == ["VC307"]  # checked again; its facts as they were
    (project / "svc" / "util.py").write_text(CLEAN + "\n\ndef sub(a, b):\n    return a - b\n")
    run(".")
    assert project_runs == ["VC307", "VC307"]  # a new function: new facts, the project rules ran again


@pytest.fixture()
def flow_runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The runs of VC417."""
    return spy_project_rule(monkeypatch, ClientDataThroughCalls)


def test_a_file_a_project_rule_read_to_place_its_finding_is_watched_by_its_content(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flow_runs: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VIBECHECK_NO_CACHE", raising=False)
    write(tmp_path, FLOW_APP)

    def found() -> list[dict]:
        out = run("--select", "VC4", ".")[1]  # VC417 joins the summaries of the per-file flow rules
        return [f for f in json.loads(out)["findings"] if f["code"] == "VC417"]

    cold = found()
    assert "shop/storage.py" in {f["path"] for f in cold} and flow_runs == ["VC417"]
    for name in ("__init__.py", "storage.py"):  # a new last line: the same facts
        with (tmp_path / "shop" / name).open("a") as stream:
            stream.write("# the pre-commit case: a new comment line\n")
        assert found() == cold
    assert flow_runs == ["VC417", "VC417"]  # VC417 read the text of storage.py only: that edit alone ran it again


def shop_with_vc301(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> Callable[[], list[str]]:
    """A `shop` package with VC301 selected, run from its root with the cache on: returns a run's VC301 messages."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VIBECHECK_NO_CACHE", raising=False)
    write(tmp_path, {"pyproject.toml": '[project]\nname = "shop"\n[tool.vibecheck]\nextend-select = ["VC301"]\n',
                     "src/shop/__init__.py": "", **files})

    def messages() -> list[str]:
        return [f["message"] for f in json.loads(run(".")[1])["findings"] if f["code"] == "VC301"]

    return messages


def test_coverage_data_and_the_sources_times_are_inputs_of_the_project_phase(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    messages = shop_with_vc301(tmp_path, monkeypatch, {
        "src/shop/orders.py": "def total(items):\n    return sum(items)\n\n\ndef refund(order):\n    return order\n",
        "tests/test_orders.py": "from shop.orders import total\n\n\ndef test_total():\n    assert total([1, 2]) == 3\n",
    })
    static = messages()
    assert len(static) == 1 and "static mode" in static[0]
    data = {"meta": {"format": 3}, "files": {"src/shop/orders.py": {"executed_lines": [1, 2]}}}
    (tmp_path / "coverage.json").write_text(json.dumps(data), encoding="utf-8")
    measured = messages()
    assert len(measured) == 1 and "coverage mode" in measured[0]  # newer data at the root: read
    data["files"]["src/shop/orders.py"]["executed_lines"] = [1, 2, 5, 6]
    (tmp_path / "coverage.json").write_text(json.dumps(data), encoding="utf-8")
    assert messages() == []  # the data changed: read again
    later = time.time_ns() + 10**10
    os.utime(tmp_path / "src" / "shop" / "orders.py", ns=(later, later))  # a source touched after the coverage run
    touched = messages()
    assert len(touched) == 1 and "`coverage.json` is older than `src/shop/orders.py`" in touched[0]


def test_a_template_that_starts_calling_a_method_re_runs_the_project_phase(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """VC301 counts a method a template calls as called; editing the template must not be served a stale phase."""
    untested = shop_with_vc301(tmp_path, monkeypatch, {
        "src/shop/orders.py": "def total(items):\n    return sum(items)\n\n\n"
                              "class Order:\n    def badge(self):\n        return self\n",
        "tests/test_orders.py": "from shop.orders import Order, total\n\n\ndef test_total():\n"
                                "    assert total([1, 2]) == 3\n    assert Order()\n",
        "templates/order.html": "<p>{{ order.total }}</p>\n",
    })
    before = untested()
    assert len(before) == 1 and "`shop.orders.Order.badge`" in before[0]
    assert untested() == before  # a cached phase answers the same
    (tmp_path / "templates" / "order.html").write_text("<p>{{ order.badge() }}</p>\n", encoding="utf-8")
    assert untested() == []  # the template now calls it


def test_a_file_whose_stat_is_unchanged_is_not_read_again_and_an_edit_is_always_seen(
        project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm run takes the bytes' digest from the file's stat record; an edit of the same size changes the stat."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # these files were written just now: record them anyway
    cold = run(".")
    assert drain(checked) == ALL
    reads: list[str] = []
    original = safe_files.read_regular_file

    def counting(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
        reads.append(Path(path).relative_to(project).as_posix())
        return original(path, limit)

    monkeypatch.setattr(safe_files, "read_regular_file", counting)
    assert run(".") == cold
    assert drain(checked) == []
    assert not set(reads) & set(ALL)
    (project / "svc" / "util.py").write_text(CLEAN.replace("a + b", "b + a"))  # the same size
    (project / "svc" / "app.py").write_text(CLEAN.replace("add", "sum"))
    _, out = run(".")
    assert drain(checked) == ["svc/app.py", "svc/util.py"]
    assert "svc/app.py" not in {f["path"] for f in json.loads(out)["findings"]}


def test_a_warm_run_reads_no_file_for_the_keys_and_an_import_added_on_a_warm_cache_is_seen(
        project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Which modules of its own package a file imports comes, on a warm run, from the answer kept with the cache's stat
    record of the file (`key_answers`): no file is read for any key. An edit adding `from .escaping import escape`
    changes the file's `stat`, so it is read again, and from then on an edit of `escaping.py` checks it again too."""
    monkeypatch.setattr(cache, "SETTLED_NS", 0)  # these files were written just now: record them anyway
    write(project, {"svc/views.py": "def show(value):\n    return value\n",
                    "svc/escaping.py": "def escape(value):\n    return value\n"})
    cold = run(".")
    drain(checked)
    reads: list[str] = []
    original = safe_files.read_regular_file

    def counting(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
        reads.append(Path(path).relative_to(project).as_posix())
        return original(path, limit)

    monkeypatch.setattr(safe_files, "read_regular_file", counting)
    monkeypatch.setattr(key_texts, "read_regular_file", counting)
    assert run(".") == cold
    assert drain(checked) == [] and not [name for name in reads if name.startswith("svc/")]
    (project / "svc" / "escaping.py").write_text("def escape(value):\n    return str(value)\n")
    run(".")
    assert drain(checked) == ["svc/escaping.py"]  # nothing imports it yet
    (project / "svc" / "views.py").write_text("from .escaping import escape\n\n\ndef show(value):\n"
                                              "    return escape(value)\n")
    run(".")
    assert drain(checked) == ["svc/views.py"]
    (project / "svc" / "escaping.py").write_text("def escape(value):\n    return repr(value)\n")
    run(".")
    assert drain(checked) == ["svc/escaping.py", "svc/views.py"]


def test_a_file_changed_just_before_the_run_gets_no_stat_record(project: Path, checked: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Within `SETTLED_NS` of a change, another change in the same clock tick could keep the stat: read it each time.
    (An hour here: on a busy machine two runs can take longer than the real two seconds.)"""
    monkeypatch.setattr(cache, "SETTLED_NS", 3600 * 10**9)
    run(".")
    run(".")
    stats = json.loads((project / CACHE_DIR / cache.STATS).read_bytes()) if (project / CACHE_DIR / cache.STATS).exists() \
        else {"files": {}}
    assert not {Path(path).name for path in stats["files"]} & {Path(name).name for name in ALL}
    assert drain(checked) == ALL


@pytest.mark.parametrize("damage", [b"", b"{", b'{"format": 1, "files": {"x": [1]}}', b'{"format": 1, "files": []}'])
def test_damaged_stat_records_are_ignored(project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch,
                                          damage: bytes) -> None:
    monkeypatch.setattr(cache, "SETTLED_NS", 0)
    cold = run(".")
    drain(checked)
    (project / CACHE_DIR / cache.STATS).write_bytes(damage)
    (project / "svc" / "util.py").write_text(SWALLOW)
    code, out = run(".")
    assert drain(checked) == ["svc/util.py"]
    assert "svc/util.py" in {f["path"] for f in json.loads(out)["findings"]}
    (project / "svc" / "util.py").write_text(CLEAN)
    assert run(".") == cold


def test_a_warm_run_takes_results_from_heads_without_opening_an_entry(project: Path, checked: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cold = run(".")
    drain(checked)
    opened: list[bytes] = []
    original = safe_files.read_own_file_and_stat

    def counting(path: str | os.PathLike[str], limit: int | None = None) -> tuple[bytes, os.stat_result]:
        data, info = original(path, limit)
        if Path(path).parent.parent.name == cache.ENTRIES and Path(path).name != cache.HEADS:
            opened.append(data.split(b"\n")[1])
        return data, info

    monkeypatch.setattr(safe_files, "read_own_file_and_stat", counting)
    assert run(".") == cold
    assert drain(checked) == []
    assert len(opened) == 1 and b'"path":"project"' in opened[0]  # only the project phase's own entry


def test_a_run_that_rewrote_one_entry_leaves_heads_stale_and_the_next_run_reads_that_entry(
        project: Path, checked: Path) -> None:
    """A hook's run rewrites the entry of its one file: `heads` (every entry's record) is not rewritten for it; the
    stale record is not trusted, and a run with more stale records than `HEADS_SLACK` rewrites `heads`."""
    run(".")
    drain(checked)
    heads = heads_file(project)
    before = heads.read_bytes()
    (project / "svc" / "util.py").write_text(SWALLOW)
    _, edited = run(".")
    assert drain(checked) == ["svc/util.py"]
    assert heads.read_bytes() == before
    assert run(".") == (1, edited)  # the stale record of util.py's entry is passed over: its own file answers
    assert drain(checked) == []
    assert heads.read_bytes() == before
    (project / "svc" / "util.py").write_text(CLEAN)
    for name in ("app.py", "api.py", "quiet.py", "__init__.py"):
        (project / "svc" / name).write_text((project / "svc" / name).read_text() + "\n")
    run(".")
    assert heads.read_bytes() == before  # five stale records: within the slack
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "HEADS_SLACK", 2)
        run(".")
    assert heads.read_bytes() != before


@pytest.mark.parametrize("damage", [b"", b"garbage", b"vibecheck-heads 3 00\nx 1 2 3 4\nh\nr", "flipped", "truncate"])
def test_a_damaged_heads_file_is_ignored(project: Path, checked: Path, damage: bytes | str) -> None:
    cold = run(".")
    drain(checked)
    heads = heads_file(project)
    raw = heads.read_bytes()
    if damage == "flipped":  # a result changed under a header that no longer matches it
        heads.write_bytes(raw.replace(b'"VC101"', b'"VC102"'))
    elif damage == "truncate":
        heads.write_bytes(raw[: len(raw) // 2])
    else:
        assert isinstance(damage, bytes)
        heads.write_bytes(damage)
    assert run(".") == cold
    assert drain(checked) == []  # the entries themselves are whole: read from there


def test_an_entry_damaged_in_place_after_heads_was_written_is_checked_again(project: Path, checked: Path) -> None:
    """An entry whose `stat` changed is read from its own file, whatever `heads` says of it."""
    cold = run(".")
    drain(checked)
    for entry in entries(project):
        raw = entry.read_bytes()
        with entry.open("r+b") as stream:  # the same inode and size, other bytes
            stream.write(raw[:-1] + (b"?" if raw.endswith(b"!") else b"!"))
    assert run(".") == cold
    assert drain(checked) == ALL


def replace_entries_once(monkeypatch: pytest.MonkeyPatch, edit: Callable[[], None] = lambda: None) -> list[str]:
    """When the run first looks its project phase up (every file's result taken, from `heads` on a warm run, and
    their facts not read yet), replace each file's entry by another run's (another key, as another version or a run
    after an edit writes at the same path) and drop the phase's own entries, so the phase needs those facts. Returns
    the log of what `_facts_of` found when it read an entry it took the result of from `heads`. `edit` runs then too."""
    found: list[str] = []
    original_lookup, original_facts_of = cache.ResultCache.project_findings, cache._facts_of

    def replacing(self: cache.ResultCache, *args: object) -> object:
        if not found:
            found.append("replaced")
            edit()
            for entry in sorted(self.entries.glob("*.json")):
                raw = entry.read_bytes()
                header, _, body = raw.partition(b"\n")
                if body.startswith(b'{"path":"project"'):
                    entry.unlink()
                else:
                    fields = header.split(b" ")
                    fields[2] = b"f" * len(fields[2])  # another run's key
                    assert cache.write_atomically(entry, b" ".join(fields) + b"\n" + body)
        return original_lookup(self, *args)  # type: ignore[arg-type]

    def facts_of(entry: str, header: bytes) -> bytes:
        try:
            return original_facts_of(entry, header)
        except ValueError:
            found.append(Path(entry).name)
            raise

    monkeypatch.setattr(cache.ResultCache, "project_findings", replacing)
    monkeypatch.setattr(cache, "_facts_of", facts_of)
    return found


def test_an_entry_replaced_after_its_result_was_read_from_heads_is_a_miss(project: Path, checked: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Another run replaced the entries between this run's lookups and its project phase: their facts are read again
    (each file checked here), the run reports what a cold run does, and the next run is warm again."""
    cold = run(".")
    drain(checked)
    assert run(".") == cold  # `heads` now records every entry
    assert drain(checked) == []
    with pytest.MonkeyPatch.context() as patch:
        found = replace_entries_once(patch)
        assert run(".") == cold
    assert len(found) == 1 + len(ALL)  # each file's facts were missed once, from the entry `heads` stood for
    assert drain(checked) == ALL
    assert run(".") == cold
    assert sorted(drain(checked)) == ALL  # the replaced entries hold another key: a miss, checked and rewritten
    assert run(".") == cold
    assert drain(checked) == []


def test_a_file_edited_while_its_replaced_entry_was_read_again_leaves_the_phase_uncached(
        project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file read again for its facts changed since its result was taken: the project phase's key was made from the
    facts before, so its findings are not stored under it, and the next run reports what a cold run on the edit does."""
    run(".")
    run(".")
    drain(checked)
    with pytest.MonkeyPatch.context() as patch:
        replace_entries_once(patch, lambda: (project / "svc" / "util.py").write_text(CLEAN + "\n\ndef more():\n    pass\n"))
        run(".")
    assert not [entry for entry in entries(project) if b'{"path":"project"' in entry.read_bytes()]
    after = run(".")
    cache.clear(project)
    assert run(".") == after


def test_an_index_entry_replaced_after_its_result_was_read_from_heads_is_read_again(
        project: Path, checked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hook's run (one file named) takes the other files' facts from index entries: replaced under it, they are
    read again, with the findings of a run that found them whole."""
    write(project, {"tests/test_app.py": "from svc.app import load\n\n\ndef test_load():\n    load()\n"})
    run(".")
    whole = run("svc/app.py")
    assert run("svc/app.py") == whole
    drain(checked)
    with pytest.MonkeyPatch.context() as patch:
        found = replace_entries_once(patch)
        assert run("svc/app.py") == whole
    assert len(found) > 1
    assert run("svc/app.py") == whole


def test_two_versions_run_in_turn_on_one_root_keep_their_own_entries(project: Path, checked: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Two vibecheck versions (two checkouts, a hook's and an editor's) on one project: each keeps its entries in a
    folder of its own, so neither replaces the other's, and each run after the first is warm."""
    monkeypatch.setattr(cache, "__version__", "1.0")
    cold = run(".")
    assert drain(checked) == ALL
    monkeypatch.setattr(cache, "__version__", "2.0")
    assert run(".") == cold
    assert drain(checked) == ALL
    for version in ("1.0", "2.0", "1.0", "2.0"):
        monkeypatch.setattr(cache, "__version__", version)
        assert run(".") == cold
        assert drain(checked) == []
    assert len(list((project / CACHE_DIR / cache.ENTRIES).iterdir())) == 2
