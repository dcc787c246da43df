"""False alarms of the per-file test-quality rules (VC303-VC308) on the test suites of mature projects.

Mature suites rarely hold a test that cannot fail, so every finding here is a candidate false alarm to
read: a rule that fires often on them is wrong. vibecheck runs from each sdist's root with only the
selected codes, bandit off, over the project's test folder; the script prints findings per code and per
1,000 test lines, and with `--show` each finding. The sdists are the unpacked `pip download --no-deps
--no-binary :all:` folders under `--sdist-dir` (default /tmp/sdists), found by the test folder they hold.

    nice python benchmarks/test_rules_precision.py [--sdist-dir /tmp/sdists] [--select VC303,VC304] [--show]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from precision import check_from  # benchmarks/ is on the path when a script here runs

# (sdist folder glob under --sdist-dir, test folder inside the unpacked sdist)
SUITES = (
    ("requests-2.34.2/*", "tests"),
    ("flask-3.1.3/*", "tests"),
    ("httpx-0.28.1/*", "tests"),
    ("click-8.1.8/*", "tests"),
    ("attrs/attrs-*", "tests"),
    ("rich/rich-*", "tests"),
    ("pytest-mock/pytest_mock-*", "tests"),
    ("djangorestframework-3.18.3/*", "tests"),
    ("fastapi-0.165.0/*", "tests"),
)
DEFAULT_SELECT = "VC303,VC304,VC305,VC306,VC308"


def suite_roots(sdist_dir: Path) -> list[tuple[Path, str]]:
    roots = []
    for pattern, tests in SUITES:
        for root in sorted(sdist_dir.glob(pattern)):
            if (root / tests).is_dir():
                roots.append((root, tests))
    return roots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sdist-dir", type=Path, default=Path("/tmp/sdists"))
    parser.add_argument("--select", default=DEFAULT_SELECT)
    parser.add_argument("--show", action="store_true", help="print every finding")
    args = parser.parse_args(argv)
    totals: Counter[str] = Counter()
    total_lines = 0
    shown: list[str] = []
    print(f"{'suite':<28} {'test lines':>10} {'findings':>9} {'/kloc':>6}  by code")
    for root, tests in suite_roots(args.sdist_dir):
        report, _ = check_from(root, tests, args.select)
        lines = sum(p.read_bytes().count(b"\n") for p in (root / tests).rglob("*.py"))
        codes = Counter(f.code for f in report.findings if f.code != "VC901")
        totals.update(codes)
        total_lines += lines
        count = sum(codes.values())
        print(f"{root.name:<28} {lines:>10} {count:>9} {1000 * count / lines:>6.2f}  "
              + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
        shown += [f"{root.name}/{f.location.path}:{f.location.start.line}: {f.code} {f.message}"
                  for f in report.findings if f.code != "VC901"]
    count = sum(totals.values())
    print(f"{'total':<28} {total_lines:>10} {count:>9} {1000 * count / max(total_lines, 1):>6.2f}  "
          + ", ".join(f"{c} {n}" for c, n in sorted(totals.items())))
    if args.show:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
