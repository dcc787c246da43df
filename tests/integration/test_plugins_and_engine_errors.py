"""Packs installed into the environment are discovered; broken packs, crashing rules and fixes behave."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.integration.conftest import BROKEN_PACK, install_pack, run_vibecheck, write
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.docs import parse_doc
from vibecheck.registry import load_registry
from vibecheck.testing import findings_for

PLUGIN_SRC = REPO_ROOT / "examples" / "plugin-pack" / "src"
UTCNOW = """\
import datetime as dt
from datetime import datetime

stamp = datetime.utcnow()
other = dt.datetime.utcfromtimestamp(0)
fine = datetime.now(dt.timezone.utc)
"""
SWALLOW = "try:\n    work()\nexcept Exception:\n    pass\n"


@pytest.fixture()
def acme_site(tmp_path: Path) -> Path:
    """The example pack, installed as pip would: its source on the path plus a dist-info with the entry point."""
    return install_pack(tmp_path / "site", "acme-vibecheck", "acme = acme_vibecheck:pack", {})


def test_example_pack_is_discovered_and_fires(acme_site: Path, use_site, tmp_path: Path) -> None:
    use_site(acme_site)
    use_site(PLUGIN_SRC)
    registry = load_registry()
    assert not registry.errors, registry.errors
    rule = registry.lookup("ACME001")
    assert rule is not None and registry.lookup("naive-utcnow") is rule
    assert "acme" in [p.name for p in registry.packs]
    write(tmp_path / "proj", {"app.py": UTCNOW})
    report = check_paths([str(tmp_path / "proj")], Settings(root=str(tmp_path / "proj"), jobs=1), registry=registry)
    assert [(f.code, f.location.start.line) for f in report.findings] == [("ACME001", 4), ("ACME001", 5)]


def test_example_pack_rule_keeps_its_doc_contract(acme_site: Path, use_site) -> None:
    use_site(acme_site)
    use_site(PLUGIN_SRC)
    rule = load_registry().lookup("ACME001")
    doc = parse_doc(rule.__doc__)
    assert findings_for(rule, doc.code_block("Example"))
    assert findings_for(rule, doc.code_block("Use instead")) == []


def test_example_pack_through_the_cli(acme_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"app.py": UTCNOW})
    result = run_vibecheck(["--format", "json", "--select", "ACME", "."], tmp_path / "proj", pythonpath=[acme_site, PLUGIN_SRC])
    assert result.returncode == 1, result.stderr
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"ACME001"}
    listed = run_vibecheck(["rules", "--format", "json"], tmp_path, pythonpath=[acme_site, PLUGIN_SRC])
    assert "ACME001" in {row["code"] for row in json.loads(listed.stdout)}


def test_pack_failing_to_load_exits_2_and_keeps_builtin_rules(tmp_path: Path) -> None:
    site = install_pack(tmp_path / "site", "broken-pack", "broken = vc_brokenpack:pack", {"vc_brokenpack.py": BROKEN_PACK})
    write(tmp_path / "proj", {"app.py": SWALLOW})
    result = run_vibecheck(["--format", "concise", "."], tmp_path / "proj", pythonpath=[site])
    assert result.returncode == 2
    assert "rule pack `broken`" in result.stderr and "broken on purpose" in result.stderr
    assert "app.py:3:1: VC101" in result.stdout
    assert run_vibecheck(["--exit-zero", "."], tmp_path / "proj", pythonpath=[site]).returncode == 2


def test_crashing_rule_exits_2_naming_rule_and_file_other_findings_kept(test_pack_site: Path, tmp_path: Path) -> None:
    write(tmp_path / "proj", {"crash.py": "boom = 1\n" + SWALLOW, "fine.py": SWALLOW})
    result = run_vibecheck(["--format", "concise", "--exit-zero", "."], tmp_path / "proj", pythonpath=[test_pack_site])
    assert result.returncode == 2
    assert "crash.py: TST002: rule crashed on this file: RuntimeError: the rule broke" in result.stderr
    assert "crash.py:4:1: VC101" in result.stdout and "fine.py:3:1: VC101" in result.stdout


def test_crash_in_the_pool_is_isolated(test_pack_site: Path, use_site, tmp_path: Path) -> None:
    use_site(test_pack_site)
    files = {f"m{i:02}.py": ("boom = 1\n" if i == 7 else "") + SWALLOW for i in range(40)}
    proj = write(tmp_path / "proj", files)
    report = check_paths([str(proj)], Settings(root=str(proj), jobs=2, select=("VC101", "TST002")))
    assert report.files_checked == 40
    assert len(report.findings) == 40
    assert [(e.path.endswith("m07.py"), e.rule) for e in report.errors] == [(True, "TST002")]


def test_fix_rewrites_atomically_and_reports_what_remains(test_pack_site: Path, tmp_path: Path) -> None:
    write(tmp_path, {"app.py": "if x == None:\n    y = 1\n" + SWALLOW})
    before = (tmp_path / "app.py").stat().st_mode
    result = run_vibecheck(["--fix", "--format", "concise", "--select", "TST001,VC101", "."], tmp_path,
                           pythonpath=[test_pack_site])
    assert result.returncode == 1, result.stderr
    assert (tmp_path / "app.py").read_text(encoding="utf-8").startswith("if x is None:\n")
    assert (tmp_path / "app.py").stat().st_mode == before
    assert "TST001" not in result.stdout and "VC101" in result.stdout
    assert "Fixed 1 finding in 1 file(s)" in result.stderr
    assert not list(tmp_path.glob(".app.py.*"))


def test_fix_that_would_not_parse_leaves_the_file_unchanged(test_pack_site: Path, tmp_path: Path) -> None:
    original = "value = breakme\n"
    write(tmp_path, {"app.py": original})
    result = run_vibecheck(["--fix", "--format", "concise", "--select", "TST003", "."], tmp_path, pythonpath=[test_pack_site])
    assert result.returncode == 1
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == original
    assert "app.py:1:9: TST003" in result.stdout


def test_without_fix_nothing_is_written(test_pack_site: Path, use_site, tmp_path: Path) -> None:
    use_site(test_pack_site)
    write(tmp_path, {"app.py": "ok = x == None\n"})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("TST001",)))
    assert [f.code for f in report.findings] == ["TST001"] and report.findings[0].fix is not None
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == "ok = x == None\n"


def test_a_dying_worker_costs_only_its_file(test_pack_site: Path, use_site, tmp_path: Path) -> None:
    use_site(test_pack_site)
    files = {f"m{i:02}.py": ("diehard = 1\n" if i == 21 else "") + SWALLOW for i in range(60)}
    proj = write(tmp_path / "proj", files)
    report = check_paths([str(proj)], Settings(root=str(proj), jobs=2, select=("VC101", "TST004")))
    assert report.files_checked == 60
    assert len(report.findings) == 59
    assert [(Path(e.path).name, "worker process" in e.message) for e in report.errors] == [("m21.py", True)]


def test_fix_keeps_byte_order_mark_line_endings_and_declared_encoding(test_pack_site: Path, use_site, tmp_path: Path) -> None:
    use_site(test_pack_site)
    files = {"bom.py": b"\xef\xbb\xbfok = x == None\r\n",
             "latin.py": b"# -*- coding: latin-1 -*-\nname = '\xe9'\nok = x == None\n"}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = check_paths([str(tmp_path / n) for n in files], Settings(root=str(tmp_path), jobs=1, select=("TST001",), fix=True))
    assert report.findings == [] and not report.errors
    assert sorted(Path(p).name for p in report.fixed_files) == ["bom.py", "latin.py"]
    assert (tmp_path / "bom.py").read_bytes() == b"\xef\xbb\xbfok = x is None\r\n"
    assert (tmp_path / "latin.py").read_bytes() == b"# -*- coding: latin-1 -*-\nname = '\xe9'\nok = x is None\n"
