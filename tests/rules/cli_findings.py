"""One rule's findings from the command line as a user runs it: the rule tests' end-to-end checks share this."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def selected_findings(folder: Path, code: str) -> list[dict[str, object]]:
    """`vibecheck . --select CODE` in `folder` (no bandit, no cache), its JSON findings; exit 0 or 1 only."""
    run = subprocess.run([sys.executable, "-m", "vibecheck", ".", "--format", "json", "--no-bandit", "--no-cache",
                          "--select", code], cwd=folder, capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)["findings"]
