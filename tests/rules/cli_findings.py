"""One rule's findings from the command line as a user runs it: the rule tests' end-to-end checks share this."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings


def selected_findings(folder: Path, code: str) -> list[dict[str, object]]:
    """`vibecheck . --select CODE` in `folder` (no bandit, no cache), its JSON findings; exit 0 or 1 only."""
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache",
                          "--select", code], cwd=folder, capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"]


def write_dedented(root: Path, files: dict[str, str]) -> None:
    """Write each relative path's text under `root`, dedented (the tests keep their sources indented in strings)."""
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")


def reported_lines(root: Path, paths: list[Path], code: str) -> list[str]:
    """The source lines `code` reports when a user checks `paths` under `root` (no bandit, no cache), sorted."""
    settings = Settings(root=str(root), select=(code,), no_bandit=True, cache=False)
    report = check_paths([str(path) for path in paths], settings)
    return sorted(f.line_text.strip() for f in report.findings if f.code == code)
