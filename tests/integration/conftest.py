"""Helpers to run vibecheck as a user does, and packs installed into the test environment without network.

A pack is "installed" by writing its module and a `*.dist-info` folder with an `entry_points.txt` into a
site folder, then putting that folder on `sys.path` (in-process) or `PYTHONPATH` (subprocesses).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import vibecheck.registry

TEST_PACK = '''
"""Rules that exist only to exercise the engine: a fixable rule, a crashing rule, a fix that breaks the file."""
import libcst as cst

from vibecheck.model import Category
from vibecheck.registry import RulePack
from vibecheck.rule import NodeFix, Rule

DOC = """{summary}

## What it does
Test rule.

## Why is this bad?
Test rule.

## Example
```python
{example}
```

## Use instead
```python
y = 1
```
{fix}
## References
- none
"""
FIX = """
## Fix safety
Safe.
"""


class CompareNone(Rule):
    __doc__ = DOC.format(summary="Comparison with None by equality.", example="x == None", fix=FIX)
    code = "TST001"
    name = "compare-none"
    category = Category.ERROR_HANDLING
    fixable = True

    def visit_Comparison(self, node):
        if len(node.comparisons) == 1 and isinstance(node.comparisons[0].operator, cst.Equal):
            target = node.comparisons[0].comparator
            if isinstance(target, cst.Name) and target.value == "None":
                left = self.context.module.code_for_node(node.left)
                self.report(node, "`== None` compares by equality.", hint="Use `is None`.",
                            fix=NodeFix("use `is None`", ((node, f"{left} is None"),)))


class Boom(Rule):
    __doc__ = DOC.format(summary="Crashes on the name `boom`.", example="boom", fix="")
    code = "TST002"
    name = "crashing-rule"
    category = Category.ERROR_HANDLING

    def visit_Name(self, node):
        if node.value == "boom":
            raise RuntimeError("the rule broke")


class BreakingFix(Rule):
    __doc__ = DOC.format(summary="Offers a fix that does not parse.", example="breakme", fix=FIX)
    code = "TST003"
    name = "breaking-fix"
    category = Category.ERROR_HANDLING
    fixable = True

    def visit_Name(self, node):
        if node.value == "breakme":
            self.report(node, "`breakme` is used.", hint="Do not.", fix=NodeFix("break it", ((node, "breakme("),)))


class KillsWorker(Rule):
    __doc__ = DOC.format(summary="Kills its process on the name `diehard` (pool runs only).", example="diehard", fix="")
    code = "TST004"
    name = "kills-worker"
    category = Category.ERROR_HANDLING

    def visit_Name(self, node):
        if node.value == "diehard":
            import os

            os._exit(3)


def pack():
    return RulePack("testpack", (CompareNone, Boom, BreakingFix, KillsWorker), "0")
'''

BROKEN_PACK = '''
raise ImportError("this pack is broken on purpose")
'''


def install_pack(site: Path, dist: str, entry: str, modules: dict[str, str]) -> Path:
    """Write modules and a dist-info whose entry point registers them in the `vibecheck.rules` group."""
    site.mkdir(parents=True, exist_ok=True)
    for name, source in modules.items():
        target = site / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"{dist}-0.1.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[vibecheck.rules]\n{entry}\n", encoding="utf-8")
    return site


@pytest.fixture()
def test_pack_site(tmp_path: Path) -> Path:
    return install_pack(tmp_path / "site", "vc-testpack", "testpack = vc_testpack:pack", {"vc_testpack.py": TEST_PACK})


@pytest.fixture()
def use_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[callable]:
    """Put a site folder on sys.path and reload the registry from it (restored after the test)."""

    def activate(site: Path) -> None:
        monkeypatch.syspath_prepend(str(site))
        monkeypatch.setattr(vibecheck.registry, "_REGISTRY", None)

    yield activate


def run_vibecheck(args: list[str], cwd: Path, *, env: dict[str, str] | None = None, stdin: str | None = None,
                  pythonpath: list[Path] = ()) -> subprocess.CompletedProcess[str]:
    """`python -m vibecheck ARGS` in a real subprocess, as a user or CI runs it; alone (no resident server is used or
    started) unless `env` sets `VIBECHECK_NO_SERVER` empty, as the server's tests do."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env["VIBECHECK_NO_SERVER"] = "1"
    if pythonpath:
        full_env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "vibecheck", *args], cwd=cwd, env=full_env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root
