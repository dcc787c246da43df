"""The code `dataclasses` generates, compiled once and kept beside vibecheck's bytecode (`vibecheck.dataclass_code`)."""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from vibecheck import dataclass_code


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """This process's `dataclasses` using the kept code (restored after the test), with nothing kept yet."""
    codes: dict[str, object] = {}
    monkeypatch.setattr(dataclass_code, "_codes", codes)
    monkeypatch.setattr(dataclass_code, "_compiled", set())
    monkeypatch.setattr(dataclass_code, "_used", set())
    monkeypatch.setattr(dataclasses, "exec", dataclass_code._exec, raising=False)
    return codes


def _point() -> type:
    return dataclasses.make_dataclass("Point", [("x", int), ("y", int, dataclasses.field(default=0))],
                                      frozen=True, order=True)


def test_a_class_made_from_kept_code_behaves_as_one_compiled_by_dataclasses(kept: dict[str, object]) -> None:
    made = _point()
    assert kept, "the generated functions went through the kept code"
    again = _point()  # the same texts: their code is taken from what was kept
    assert made(1) == made(1, 0) and made(1) < made(2) and hash(made(1, 2)) == hash(made(1, 2))
    assert repr(again(3, 4)) == "Point(x=3, y=4)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        again(1).x = 2  # type: ignore[misc]
    # compiled without this module's `from __future__ import annotations`: the annotations are the types
    assert inspect.signature(made.__init__).parameters["x"].annotation is int


def test_the_code_is_compiled_once_per_text(kept: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    _point()
    compiled: list[str] = []
    monkeypatch.setattr(dataclass_code, "compile", lambda *args, **kwargs: compiled.append(args[0]), raising=False)
    _point()
    assert compiled == []


def _run(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "NO_COLOR", "FORCE_COLOR")}
    full_env |= {"VIBECHECK_NO_SERVER": "1", **env}
    return subprocess.run([sys.executable, "-m", "vibecheck", "--no-cache", "app.py"], cwd=project, env=full_env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    (folder / "app.py").write_text("def load():\n    try:\n        return work()\n    except Exception:\n        pass\n",
                                   encoding="utf-8")
    return folder


def _kept_file(prefix: Path) -> Path:
    found = list(prefix.rglob("dataclass-code.*.marshal"))
    assert len(found) == 1, found
    return found[0]


def test_a_run_keeps_the_code_the_next_reads_it_and_a_damaged_file_is_rewritten(project: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "bytecode"
    first = _run(project, {"PYTHONPYCACHEPREFIX": str(prefix)})
    assert first.returncode == 1 and "VC101" in first.stdout, first.stderr
    kept_file = _kept_file(prefix)
    header, codes = marshal.loads(kept_file.read_bytes())  # vibecheck: ignore[VC406] -- the file this test's run wrote
    assert header == (dataclass_code.FORMAT, sys.version) and len(codes) > 100  # libcst's node classes among them
    written = kept_file.stat().st_mtime_ns
    second = _run(project, {"PYTHONPYCACHEPREFIX": str(prefix)})
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert kept_file.stat().st_mtime_ns == written, "nothing new was compiled, so nothing was written"
    for damage in (b"not marshal data", marshal.dumps(((dataclass_code.FORMAT, "another Python"), {"x": 1})),
                   kept_file.read_bytes()[:1000]):
        kept_file.write_bytes(damage)
        again = _run(project, {"PYTHONPYCACHEPREFIX": str(prefix)})
        assert (again.returncode, again.stdout) == (first.returncode, first.stdout)
        rewritten = kept_file.read_bytes()
        assert marshal.loads(rewritten)[0] == (dataclass_code.FORMAT, sys.version)  # vibecheck: ignore[VC406] -- as above


def test_nothing_is_written_where_python_writes_no_bytecode(project: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "bytecode"
    result = _run(project, {"PYTHONPYCACHEPREFIX": str(prefix), "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 1, result.stderr
    assert not list(prefix.rglob("dataclass-code.*"))


def test_loading_the_checker_imports_what_the_fact_collectors_import_at_their_first_call() -> None:
    """A hook's worker saves the dataclass code its load compiled before its first file, and never after (it ends with
    `os._exit`): the app model's walker, imported by its collector's first call, compiled its 24 texts again in every
    hook. `Pipeline.load` imports the modules a collector names in `loads`, so that they are part of the load."""
    probe = (
        "import sys\n"
        "from vibecheck.config import Settings\n"
        "from vibecheck.pipeline import Pipeline\n"
        "pipeline = Pipeline(Settings())\n"
        "assert 'vibecheck.analysis.app_model.collector' not in sys.modules\n"
        "pipeline.load()\n"
        "print(sorted(name for collector, _ in pipeline.fact_collectors for name in getattr(collector, 'loads', ())\n"
        "             if name not in sys.modules))\n"
        "print('vibecheck.analysis.app_model.collector' in sys.modules)\n"
    )
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300)
    assert found.stdout.split("\n")[:2] == ["[]", "True"], found.stderr
