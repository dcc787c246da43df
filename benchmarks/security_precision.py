"""Findings per 1,000 lines of the VC4xx call-shape rules and of the bandit stage on real code.

    python benchmarks/security_precision.py PATH [PATH ...] [--show]

Prints every VC4xx finding with its redacted snippet (read them: each must be defensible to the
project's maintainers), then the counts per code and per 1,000 lines. Files under `tests/` or named
`test_*.py`/`conftest.py` are checked as test files.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from vibecheck.dedupe import drop_superseded, superseding_map
from vibecheck.engine import check_file
from vibecheck.integrations.bandit import BanditOptions, run_bandit
from vibecheck.registry import load_registry
from vibecheck.source import decode_source

CODES = ("VC403", "VC404", "VC406", "VC408")


def is_test_file(path: Path) -> bool:
    return "tests" in path.parts or path.name.startswith("test_") or path.name == "conftest.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--show", action="store_true", help="also print every bandit finding")
    args = parser.parse_args()
    registry = load_registry()
    rules = [(registry.lookup(code), None) for code in CODES]
    superseding = superseding_map(rule for rule, _ in rules)
    counts: Counter[str] = Counter()
    lines = 0
    bandit_seconds = rules_seconds = 0.0
    for root in args.paths:
        for path in sorted(root.rglob("*.py")):
            data = path.read_bytes()
            source = decode_source(data)
            lines += source.count("\n")
            started = time.process_time()
            result = check_file(str(path), data, rules, is_test_file=is_test_file(path))
            rules_seconds += time.process_time() - started
            started = time.process_time()
            bandit, errors = run_bandit(str(path), source, BanditOptions(), is_test_file=is_test_file(path))
            bandit_seconds += time.process_time() - started
            for error in [*result.errors, *errors]:
                print(f"{path}: engine error: {error.message}")
            for finding in drop_superseded([*result.findings, *bandit], superseding):
                counts[finding.code] += 1
                if finding.source != "bandit" or args.show:
                    print(f"{path}:{finding.location.start.line}: {finding.code} {finding.message} | {finding.line_text.strip()}")
    ours = sum(n for code, n in counts.items() if code.startswith("VC"))
    theirs = sum(n for code, n in counts.items() if code.startswith("B"))
    print(f"{lines} lines; VC4xx: {ours} findings ({ours * 1000 / max(lines, 1):.2f} per 1,000 lines, "
          f"{rules_seconds:.1f} CPU s incl. parsing); bandit stage: {theirs} ({theirs * 1000 / max(lines, 1):.2f} "
          f"per 1,000 lines, {bandit_seconds:.1f} CPU s)")
    print("by code:", ", ".join(f"{code}={n}" for code, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
