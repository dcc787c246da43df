"""Recall per sink class (issue 14) on agent-style apps, against bandit's checks alone, with safe look-alikes.

Each folder under `examples/sink-apps/` is a small app written the way a coding agent writes one (FastAPI with
SQLite and Jinja, a Flask shop on MongoDB, a Django portal with DRF, a Slack bot with Lambda handlers), with
helpers in other modules, methods on `self` and values returned through calls. A weakness is marked
`# sink: CWE-N` on the line before it (`CWE-A/B`: either id counts), a safe look-alike `# safe: CWE-N`. A mark is
found when a finding on that line carries one of its CWE ids. vibecheck runs as a user runs it (default rules
and bandit, the whole pipeline, project phase included); the bandit column runs only bandit's checks through
the same pipeline (so with vibecheck's CWE corrections, `B307` as 95). Per class it prints what each found,
the look-alikes each flagged, and, with `--show`, every miss and false alarm.

    nice python benchmarks/sink_recall.py [--apps examples/sink-apps] [--show]
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

APPS = Path(__file__).resolve().parent.parent / "examples" / "sink-apps"
MARK = re.compile(r"#\s*(sink|safe):\s*CWE-([0-9/]+)")
# The sink class of a mark, by its first CWE id.
CLASSES = {
    79: "XSS", 1336: "template injection", 611: "XXE", 94: "code injection", 95: "code injection",
    209: "error details", 20: "URL validation", 116: "regex sanitiser", 348: "forwarded header",
    522: "credentials", 256: "credentials", 532: "credentials", 328: "weak password hash",
    319: "cleartext transport", 295: "TLS", 78: "shell",
    502: "deserialisation", 614: "cookies", 1004: "cookies", 347: "JWT", 798: "hard-coded key", 89: "SQL/NoSQL",
    943: "SQL/NoSQL", 918: "SSRF", 22: "path", 601: "open redirect", 327: "weak cipher mode",
}

Mark = tuple[str, int, tuple[int, ...]]


def marks(app: Path) -> dict[str, list[Mark]]:
    """`sink` and `safe` marks: (path, line of the code after the mark, CWE ids)."""
    found: dict[str, list[Mark]] = {"sink": [], "safe": []}
    for path in sorted(app.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = MARK.search(line)
            if match:
                ids = tuple(int(n) for n in match.group(2).split("/"))
                found[match.group(1)].append((path.relative_to(app).as_posix(), number + 1, ids))
    return found


def findings(app: Path, select: tuple[str, ...] | None) -> dict[tuple[str, int], set[int]]:
    """CWE ids reported per (path, line)."""
    settings = Settings(root=str(app), select=select, cache=False)
    report = check_paths([str(app)], settings)
    reported: dict[tuple[str, int], set[int]] = defaultdict(set)
    for finding in report.findings:
        path = Path(finding.location.path).resolve().relative_to(app.resolve()).as_posix()
        reported[(path, finding.location.start.line)].update(finding.cwe)
    return reported


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=Path, default=APPS)
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    tools = {"vibecheck": None, "bandit": ("B",)}
    # class -> tool -> [found, total, flagged look-alikes, look-alikes]
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {tool: [0, 0, 0, 0] for tool in tools})
    notes: list[str] = []
    for app in sorted(p for p in args.apps.iterdir() if p.is_dir()):
        marked = marks(app)
        for tool, select in tools.items():
            reported = findings(app, select)
            for kind, column in (("sink", 0), ("safe", 2)):
                for path, line, ids in marked[kind]:
                    row = table[CLASSES.get(ids[0], f"CWE-{ids[0]}")][tool]
                    hit = bool(reported.get((path, line), set()) & set(ids))
                    row[column] += hit
                    row[column + 1] += 1
                    if args.show and tool == "vibecheck" and hit != (kind == "sink"):
                        what = "missed" if kind == "sink" else "flagged"
                        notes.append(f"{what}: {app.name}/{path}:{line} CWE-{'/'.join(map(str, ids))}")
    print(f"{'sink class':22} {'vibecheck':>10} {'bandit':>10}   {'look-alikes flagged (vc / bandit)':>34}")
    totals = {tool: [0, 0, 0, 0] for tool in tools}
    for name in sorted(table):
        cells = table[name]
        for tool in tools:
            totals[tool] = [a + b for a, b in zip(totals[tool], cells[tool], strict=True)]
        vc, bandit = cells["vibecheck"], cells["bandit"]
        print(f"{name:22} {vc[0]:>4}/{vc[1]:<5} {bandit[0]:>4}/{bandit[1]:<5}   {vc[2]:>16}/{vc[3]} / {bandit[2]}/{bandit[3]}")
    vc, bandit = totals["vibecheck"], totals["bandit"]
    print(f"{'total':22} {vc[0]:>4}/{vc[1]:<5} {bandit[0]:>4}/{bandit[1]:<5}   {vc[2]:>16}/{vc[3]} / {bandit[2]}/{bandit[3]}")
    print(f"recall: vibecheck {vc[0] / max(vc[1], 1):.0%}, bandit {bandit[0] / max(bandit[1], 1):.0%}; "
          f"look-alikes flagged: vibecheck {vc[2]}/{vc[3]}, bandit {bandit[2]}/{bandit[3]}")
    for note in notes:
        print(note)


if __name__ == "__main__":
    main()
