"""Recall of the authorization rules on small agent-style apps, and what else they report there.

Each folder under `examples/authz-apps/` is an app written the way a coding agent writes one (FastAPI with routers,
Flask blueprints, DRF, Django, a webhook receiver, a proxy, an internal API), with authorization problems
a reviewer would block a merge for, each marked `# expect: CODE` on the line before it, next to safe
look-alikes that carry no mark. vibecheck runs on each app as a user would (the whole pipeline, only the
authorization rules selected); the script prints the problems found, the ones missed, and the findings
on unmarked lines (false positives, or problems the marks forgot: read them).

    nice python benchmarks/authz_recall.py [--select VC201,VC214,...]
    nice python benchmarks/authz_recall.py --apps examples/flow-apps --select VC401,VC402,VC405,VC409,VC417,VC419
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

APPS = Path(__file__).resolve().parent.parent / "examples" / "authz-apps"
EXPECT = re.compile(r"#\s*expect:\s*(VC\d{3})")
RULES = "VC201,VC207,VC212,VC214,VC215,VC216,VC217,VC218,VC219"


def marked(app: Path) -> set[tuple[str, int, str]]:
    """(path, line, code) of every `# expect: CODE` mark: the next line that is not a mark itself."""
    found = set()
    for path in sorted(app.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = EXPECT.search(line)
            if match:
                target = number + 1
                while target <= len(lines) and EXPECT.search(lines[target - 1]):
                    target += 1
                found.add((path.relative_to(app).as_posix(), target, match.group(1)))
    return found


def reported(app: Path, select: str) -> set[tuple[str, int, str]]:
    settings = Settings(root=str(app), select=tuple(select.split(",")), no_bandit=True)
    report = check_paths([str(app)], settings)
    return {(Path(f.location.path).resolve().relative_to(app.resolve()).as_posix(), f.location.start.line, f.code)
            for f in report.findings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default=RULES)
    parser.add_argument("--apps", type=Path, default=APPS, help="a folder of apps (default: examples/authz-apps)")
    args = parser.parse_args()
    total_expected = total_found = total_extra = 0
    for app in sorted(p for p in args.apps.iterdir() if p.is_dir()):
        expected = marked(app)
        found = reported(app, args.select)
        hits = expected & found
        total_expected += len(expected)
        total_found += len(hits)
        total_extra += len(found - expected)
        print(f"{app.name:14} {len(hits):2}/{len(expected):2} found, {len(found - expected)} unmarked")
        for path, line, code in sorted(expected - found):
            print(f"    missed    {path}:{line} {code}")
        for path, line, code in sorted(found - expected):
            print(f"    unmarked  {path}:{line} {code}")
    print(f"total          {total_found}/{total_expected} found ({total_found / max(total_expected, 1):.0%}), "
          f"{total_extra} unmarked findings")


if __name__ == "__main__":
    main()
