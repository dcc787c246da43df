"""The one pipeline: each file is read once, decoded once and parsed once by each parser, whatever the entry point."""

from __future__ import annotations

import ast
import textwrap
import tokenize
from collections import Counter
from pathlib import Path

import libcst
import pytest

from tests.integration.conftest import write
from vibecheck import safe_files
from vibecheck import source as source_module
from vibecheck.api import check_paths, check_source
from vibecheck.config import Settings
from vibecheck.integrations import bandit as bandit_integration
from vibecheck.integrations import bandit_gates
from vibecheck.rules.error_handling.swallowed_exception import SwallowedException
from vibecheck.testing import findings_for

FILES = {
    "app/service.py": "import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)  # noqa: B602\n",
    "app/handlers.py": "try:\n    work()\nexcept Exception:\n    pass\n",
    "tests/test_service.py": "from app.service import run\n\ndef test_run():\n    assert run('ls') is None\n",
}


@pytest.fixture()
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count every read, decode and parse, wherever it happens (bandit's internals included)."""
    # bandit's modules `test_set.py` and `test_properties.py` match pytest's test-file pattern, so importing them
    # here for the first time would read and parse them for assertion rewriting: import them before counting
    bandit_integration.bandit_rules()
    # the bandit gates read each bandit file they restate once per process, to check its hash: read them first too
    for module in bandit_gates.VERIFIED:
        bandit_gates.verified(module)
    counter: Counter[str] = Counter()

    def counting(name: str, function):
        def wrapper(*args, **kwargs):
            counter[name] += 1
            return function(*args, **kwargs)
        return wrapper

    read_bytes = Path.read_bytes

    def counting_reads(self: Path) -> bytes:
        counter["read"] += 1
        counter[f"read {self.name}"] += 1
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counting_reads)
    read_regular_file = safe_files.read_regular_file

    def counting_regular_reads(path: str, limit: int | None = None) -> bytes:
        if str(path).endswith(".py"):  # source files; dependency files are read through it too
            counter["read"] += 1
            counter[f"read {Path(path).name}"] += 1
        return read_regular_file(path, limit)

    monkeypatch.setattr(safe_files, "read_regular_file", counting_regular_reads)
    monkeypatch.setattr(tokenize, "detect_encoding", counting("decode", tokenize.detect_encoding))
    monkeypatch.setattr(source_module, "decode_source", counting("decode_source", source_module.decode_source))
    parse = ast.parse

    def parse_counting_files(source, filename="<unknown>", mode="exec", **kwargs):
        counter["ast.parse"] += mode == "exec"  # not the `eval`-mode parses of `literal_eval` for string literals
        return parse(source, filename, mode, **kwargs)

    monkeypatch.setattr(ast, "parse", parse_counting_files)
    monkeypatch.setattr(libcst, "parse_module", counting("libcst.parse_module", libcst.parse_module))
    return counter


def test_a_run_reads_decodes_and_parses_each_file_once(calls: Counter[str], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    # every rule (project rules too, so facts are collected) and bandit; in this process, so the counters see it all
    report = check_paths(["."], Settings(root=str(tmp_path), jobs=1, select=("ALL", "B"), isolate=False))
    assert report.files_checked == 3 and not report.errors
    assert {f.code for f in report.findings} >= {"VC101"}
    assert "B602" not in {f.code for f in report.findings}  # the suppression applied, from data carried in the result
    assert {k: v for k, v in calls.items() if not k.startswith("read ")} == {
        "read": 3, "decode": 3, "decode_source": 3, "ast.parse": 3, "libcst.parse_module": 3}


def test_one_named_file_is_read_decoded_and_parsed_once(calls: Counter[str], tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    report = check_paths(["app/handlers.py"], Settings(root=str(tmp_path), jobs=1, isolate=False))
    assert [f.code for f in report.findings] == ["VC101"]
    # VC301/VC302 (on by default) index the facts of the files not named: each is read and decoded once, the
    # source file only `ast`-parsed for its definitions, the test file too for what it refers to: libcst parses
    # the named file alone
    assert calls["read handlers.py"] == calls["read service.py"] == calls["read test_service.py"] == 1
    assert calls["read"] == calls["decode"] == calls["ast.parse"] == 3
    assert calls["libcst.parse_module"] == 1


def test_without_the_rules_that_follow_imports_only_the_named_file_is_read(calls: Counter[str], tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    settings = Settings(root=str(tmp_path), jobs=1, isolate=False, ignore=("VC301", "VC302", "VC112"))
    assert [f.code for f in check_paths(["app/handlers.py"], settings).findings] == ["VC101"]
    # no other default project rule reads an unchecked file's facts (that a test file exists is enough); VC112 reads
    # the unchecked sources' `ast` for the blocking helpers they define
    assert calls["read handlers.py"] == 1 and calls["read test_service.py"] == 0 and calls["read"] == 1
    assert calls["decode"] == calls["decode_source"] == 1 and calls["ast.parse"] == 1
    assert calls["libcst.parse_module"] == 1


def test_check_source_and_the_rule_test_helpers_go_through_the_same_pipeline(calls: Counter[str]) -> None:
    code = FILES["app/handlers.py"]
    in_process = Settings(root=".", isolate=False)  # so the counters see it
    assert [f.code for f in check_source(code, "handlers.py", in_process).findings] == ["VC101"]
    assert dict(calls) == {"decode": 1, "decode_source": 1, "ast.parse": 1, "libcst.parse_module": 1}
    calls.clear()
    assert [f.code for f in findings_for(SwallowedException, code)] == ["VC101"]
    assert calls["decode_source"] == 1 and calls["libcst.parse_module"] == 1 and calls["ast.parse"] <= 1


@pytest.mark.parametrize("nesting", ["-" * 9000 + "1", "(" * 3000 + "1" + ")" * 3000, "not " * 9000 + "x"])
def test_nesting_that_crashes_libcst_is_a_parse_error_and_libcst_never_sees_it(calls: Counter[str], nesting: str) -> None:
    report = check_source(f"x = 1\ny = {nesting}\n", "deep.py", Settings(root=".", isolate=False))
    assert [f.code for f in report.findings] == ["VC001"]
    assert "too deeply nested" in report.findings[0].message
    assert calls["libcst.parse_module"] == 0


def test_suppressions_of_project_rule_codes_are_judged_once_every_finding_is_known(tmp_path: Path) -> None:
    write(tmp_path, {
        "pyproject.toml": '[tool.vibecheck]\nextend-select = ["VC301"]\n',
        "pkg/__init__.py": "",
        "pkg/core.py": textwrap.dedent("""\
            def untested():  # vibecheck: ignore[VC301] -- exercised by the end-to-end suite
                return 1


            def tested():  # vibecheck: ignore[VC301] -- stale: it has a test now
                return 2
            """),
        "tests/test_core.py": "from pkg.core import tested\n\ndef test_tested():\n    assert tested() == 2\n",
    })
    settings = Settings(root=str(tmp_path), jobs=1, extend_select=("VC301",))
    report = check_paths([str(tmp_path)], settings)
    assert [(Path(f.location.path).name, f.location.start.line, f.code) for f in report.findings] == [
        ("core.py", 5, "VC901")]
    assert report.findings[0].line_text.startswith("def tested():")
