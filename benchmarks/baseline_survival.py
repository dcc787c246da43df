"""Does a baseline survive a formatter, and how many findings share a fingerprint? Measured on real projects.

For each source tree given (an unpacked sdist): copy it, write a baseline with `vibecheck baseline`, reformat
the copy with `ruff format` (a narrow line length and single quotes, to move as much as possible), then run
`vibecheck` as a user would. A perfect result is 0 new findings and 0 stale entries after the reformat. It
also prints how many findings share a fingerprint with another in the same file (counted, not lost: the
baseline stores how many of each it accepted) and the time the baseline matching adds to a run.

    nice python benchmarks/baseline_survival.py /tmp/sdists/flask-3.1.3/flask-3.1.3 /tmp/sdists/requests-2.34.2/requests-2.34.2
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.baseline import BASELINE_FILE, BaselineMatcher, load_baseline
from vibecheck.config import load_settings
from vibecheck.model import Finding
from vibecheck.registry import load_registry

VIBECHECK = [sys.executable, "-m", "vibecheck"]
RUFF = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
FORMAT_OPTIONS = ["--line-length", "50", "--config", "format.quote-style='single'"]
STALE = re.compile(r"(\d+) baselined finding\(s\) no longer found")


def matching_cost(tree: Path) -> tuple[float, int]:
    """CPU seconds the baseline matcher spends in one run of the tree, and on how many files with findings."""
    registry = load_registry()
    settings = load_settings([str(tree)], registry, cwd=tree)
    matcher = BaselineMatcher(load_baseline(tree / BASELINE_FILE), tree)
    spent = [0.0, 0]

    def timed(path: str, findings: list[Finding]) -> list[Finding]:
        start = time.process_time()
        kept = matcher(path, findings)
        spent[0] += time.process_time() - start
        spent[1] += bool(findings)
        return kept

    check_paths([str(tree)], settings, registry=registry, post_filters=[timed])
    return spent[0], spent[1]


def measure(source: Path) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tree = Path(folder) / source.name
        shutil.copytree(source, tree)
        subprocess.run([*VIBECHECK, "baseline", "-q", "."], cwd=tree, check=True)
        entries = json.loads((tree / BASELINE_FILE).read_text(encoding="utf-8"))["entries"]
        findings = sum(e["count"] for e in entries)
        shared = sum(e["count"] for e in entries if e["count"] > 1)
        cost, files = matching_cost(tree)
        formatted = subprocess.run([str(RUFF), "format", *FORMAT_OPTIONS, "."], cwd=tree, capture_output=True, text=True)
        after = subprocess.run([*VIBECHECK, "--format", "concise", "."], cwd=tree, capture_output=True, text=True)
        new = [line for line in after.stdout.splitlines() if line.strip()]
        stale = STALE.search(after.stderr)
        print(f"{source.name}: {findings} findings in {len(entries)} entries; {shared} share a fingerprint "
              f"({sum(1 for e in entries if e['count'] > 1)} entries with count > 1); matching {cost:.2f} s CPU "
              f"on {files} files with findings")
        print(f"  after `ruff format {' '.join(FORMAT_OPTIONS)}` ({formatted.stderr.strip() or formatted.stdout.strip()}): "
              f"{len(new)} new, {stale.group(1) if stale else 0} stale")
        for line in new:
            print(f"    new: {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path, help="unpacked source trees (sdists)")
    args = parser.parse_args()
    if RUFF is None:
        sys.exit("ruff is needed to reformat the copies (pip install ruff)")
    for tree in args.trees:
        measure(tree.resolve())


if __name__ == "__main__":
    main()
