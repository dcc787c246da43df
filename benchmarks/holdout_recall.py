"""Recall and false alarms per rule on held-out agent-style apps, written before the rules were read.

Each folder under `examples/holdout-apps/` is an app written the way a coding agent writes one on a typical prompt;
the README there says, round by round, which stacks and pitfalls each covers (web frameworks, agent and LLM stacks,
workers, command-line tools, data pipelines, Spark jobs and warehouse loaders, model servers, scrapers and browser
bots, agent-written test suites, answers to security benchmarks' one-paragraph prompts, whole small backends written
from a spec, multi-tenant admin, bookings and device fleets, authorization spread over routers, guards and
services...). A pitfall is marked `# expect: CODE` on the line before it (`A/B`: either code counts; `A, B`: both
are expected; marks heading a file are for its first line, where a finding about the whole module is reported), a
legitimate look-alike `# ok: CODE` (`A/B`: none of them may fire). vibecheck runs as a user runs it (default rules,
no bandit, the whole pipeline) minus the untested-code rules, which every app without a test suite would trip; an
app whose marks name one of them (a test suite written to judge them) is measured on all of them. Per rule it prints
the marks found, the look-alikes flagged, and the findings on unmarked lines (false alarms, or pitfalls the marks
forgot: read them); with `--show`, every miss and false alarm.

    nice python benchmarks/holdout_recall.py [--apps examples/holdout-apps] [--show]
"""

from __future__ import annotations

import argparse
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

APPS = Path(__file__).resolve().parent.parent / "examples" / "holdout-apps"
MARK = re.compile(r"^\s*#\s*(expect|ok):\s*(VC\d{3}(?:\s*[/,]\s*VC\d{3})*)\s*(?:--.*)?$")
# Rules about untested code report every function of an app without tests; they are measured only in the apps
# whose marks name one of them.
NOT_MEASURED = frozenset({"VC301", "VC302", "VC307", "VC309"})

Where = tuple[str, int]


@dataclass
class Marks:
    """The marks of one app: each `expect` group (codes, either of which counts) and each `ok` group."""

    expect: list[tuple[Where, frozenset[str]]] = field(default_factory=list)
    ok: list[tuple[Where, frozenset[str]]] = field(default_factory=list)

    def covers(self, where: Where, code: str) -> bool:
        return any(w == where and code in codes for w, codes in self.expect)

    def left_out(self) -> frozenset[str]:
        """The codes not measured in this app: the untested-code rules, unless a mark names one of them."""
        named = {code for _, codes in self.expect + self.ok for code in codes}
        return frozenset() if named & NOT_MEASURED else NOT_MEASURED


def read_marks(app: Path) -> Marks:
    """Marks of every file in `app`, each for the next line that is not a mark itself; the marks heading a file are
    for its first line, where a finding about the whole file is reported."""
    marks = Marks()
    for path in sorted(app.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            match = MARK.match(line)
            if not match:
                continue
            target = number + 1
            while target <= len(lines) and MARK.match(lines[target - 1]):
                target += 1
            if all(MARK.match(above) for above in lines[:number - 1]):
                target = 1
            where = (path.relative_to(app).as_posix(), target)
            for group in match.group(2).split(","):
                codes = frozenset(code.strip() for code in group.split("/"))
                getattr(marks, match.group(1)).append((where, codes))
    return marks


def reported(app: Path, left_out: frozenset[str] = NOT_MEASURED) -> set[tuple[str, int, str]]:
    """(path, line, code) of every measured finding in `app`, checked from inside it as `vibecheck .` (the paths a
    rule sees are then the app's own, as in the command-line test: not `examples/holdout-apps/...`)."""
    settings = Settings(root=".", no_bandit=True, cache=False)
    previous = Path.cwd()
    os.chdir(app)
    try:
        report = check_paths(["."], settings)
    finally:
        os.chdir(previous)
    return {(Path(f.location.path).as_posix(), f.location.start.line, f.code)
            for f in report.findings if f.code not in left_out}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apps", type=Path, default=APPS)
    parser.add_argument("--show", action="store_true", help="print every miss and false alarm")
    args = parser.parse_args()
    # code -> [found, expected, look-alikes flagged, look-alikes, unmarked findings]
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    notes: list[str] = []
    for app in sorted(p for p in args.apps.iterdir() if p.is_dir()):
        marks = read_marks(app)
        found = reported(app, marks.left_out())
        at: dict[Where, set[str]] = defaultdict(set)
        for path, line, code in found:
            at[(path, line)].add(code)
        for where, codes in marks.expect:
            name = "/".join(sorted(codes))
            hit = bool(at[where] & codes)
            table[name][0] += hit
            table[name][1] += 1
            if not hit:
                notes.append(f"missed    {app.name}/{where[0]}:{where[1]} {name}")
        for where, codes in marks.ok:
            for code in codes:
                flagged = code in at[where]
                table[code][2] += flagged
                table[code][3] += 1
                if flagged:
                    notes.append(f"flagged   {app.name}/{where[0]}:{where[1]} {code} (look-alike)")
        for path, line, code in sorted(found):
            if not marks.covers((path, line), code) and not any(
                    w == (path, line) and code in codes for w, codes in marks.ok):
                table[code][4] += 1
                notes.append(f"unmarked  {app.name}/{path}:{line} {code}")
    print(f"{'rule':18} {'found':>9} {'look-alikes flagged':>20} {'unmarked':>9}")
    totals = [0, 0, 0, 0, 0]
    for name in sorted(table):
        row = table[name]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(f"{name:18} {row[0]:>4}/{row[1]:<4} {row[2]:>14}/{row[3]:<5} {row[4]:>9}")
    print(f"{'total':18} {totals[0]:>4}/{totals[1]:<4} {totals[2]:>14}/{totals[3]:<5} {totals[4]:>9}")
    print(f"recall {totals[0] / max(totals[1], 1):.0%}; look-alikes flagged {totals[2]}/{totals[3]}; "
          f"unmarked findings {totals[4]}")
    if args.show:
        print("\n".join(notes))


if __name__ == "__main__":
    main()
