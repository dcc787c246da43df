"""Check that a speed change changed no finding: vibecheck's JSON on pinned sdists, byte for byte, against a record.

Usage: python benchmarks/same_findings.py record   (before the change: writes the reference reports)
       python benchmarks/same_findings.py check    (after it: exit 1 and a diff summary if any report differs)
Targets: the requests, flask and Django sdists under /tmp/sdists or VIBECHECK_SDISTS (`pip download --no-deps --no-binary :all:`),
or the folders named in VIBECHECK_SAME_TARGETS (separated by os.pathsep). Reports go to VIBECHECK_SAME_DIR
(default: a temporary folder). Not a test: it needs the sdists and takes minutes.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SDISTS = Path(os.environ.get("VIBECHECK_SDISTS", Path(tempfile.gettempdir()) / "sdists"))
DEFAULT_TARGETS = (SDISTS / "requests-2.32.3" / "requests-2.32.3", SDISTS / "flask-3.1.0" / "flask-3.1.0",
                   SDISTS / "django-5.2" / "Django-5.2")
RECORDS = Path(os.environ.get("VIBECHECK_SAME_DIR", Path(tempfile.gettempdir()) / "vibecheck-same-findings"))


def targets() -> list[Path]:
    named = os.environ.get("VIBECHECK_SAME_TARGETS")
    found = [Path(p) for p in named.split(os.pathsep)] if named else list(DEFAULT_TARGETS)
    missing = [str(p) for p in found if not p.is_dir()]
    if missing:
        raise SystemExit(f"missing target folders: {', '.join(missing)} (download the sdists first)")
    return found


def report(target: Path) -> bytes:
    """The JSON report of a default run, paths relative to the target (run from inside it)."""
    command = [sys.executable, "-m", "vibecheck", "--format", "json", "--exit-zero", "."]
    if "--no-cache" in subprocess.run([sys.executable, "-m", "vibecheck", "check", "--help"], capture_output=True,
                                      text=True, check=True).stdout:
        command.insert(-1, "--no-cache")  # a cache keyed by version would hide what the code change did
    completed = subprocess.run(command, cwd=target, capture_output=True)
    if completed.returncode not in (0, 2) or not completed.stdout:
        raise SystemExit(f"{target}: vibecheck failed ({completed.returncode}): {completed.stderr.decode()[-2000:]}")
    return completed.stdout


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    if mode not in ("record", "check"):
        raise SystemExit("usage: same_findings.py record|check")
    RECORDS.mkdir(parents=True, exist_ok=True)
    differing = 0
    for target in targets():
        record = RECORDS / f"{target.name}.json"
        output = report(target)
        if mode == "record":
            record.write_bytes(output)
            print(f"{target.name}: recorded {len(output):,} bytes")
            continue
        expected = record.read_bytes()
        if output == expected:
            print(f"{target.name}: identical ({len(output):,} bytes)")
            continue
        differing += 1
        diff = difflib.unified_diff(expected.decode().splitlines(), output.decode().splitlines(), "before", "after",
                                    lineterm="", n=1)
        print(f"{target.name}: DIFFERENT")
        print("\n".join(list(diff)[:60]))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
