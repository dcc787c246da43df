"""Test helpers for rule authors (built-in and plugin packs alike).

`findings_for(rule, source)` runs one rule on a snippet. `check_corpus(rule, path)` checks an annotated
corpus strictly: a comment line `# expect: VC101` means the next code line must be reported by VC101,
`# ok: VC101` means it must not, and any other finding of that rule fails the check. Corpora run through
the whole per-file pipeline (rules, then the suppression stage) with only the rule under test selected;
suppression-hygiene rules (VC9xx) also get every default rule, whose findings the comments silence.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vibecheck.config import Settings
from vibecheck.engine import check_file
from vibecheck.model import Category, Finding
from vibecheck.registry import load_registry
from vibecheck.rule import Rule

ANNOTATION = re.compile(r"^\s*#\s*(expect|ok):\s*([A-Z0-9, ]+?)\s*(?:--.*)?$")


def findings_for(rule: type[Rule], source: str, *, options: Any = None, path: str = "snippet.py",
                 is_test_file: bool = False) -> list[Finding]:
    """Run one rule on a source snippet (dedented) and return its findings; rule crashes raise."""
    result = check_file(path, textwrap.dedent(source).encode(), [(rule, options)], is_test_file=is_test_file)
    if result.errors:
        raise AssertionError(f"{rule.code} crashed: {result.errors}")
    return [f for f in result.findings if f.code in (rule.code, "VC001")]


@dataclass
class CorpusResult:
    """Lines annotated in a corpus versus lines the rule reported."""

    expected: set[int] = field(default_factory=set)
    ok: set[int] = field(default_factory=set)
    reported: set[int] = field(default_factory=set)

    @property
    def missed(self) -> set[int]:
        return self.expected - self.reported

    @property
    def unexpected(self) -> set[int]:
        return self.reported - self.expected

    def describe(self) -> str:
        return (f"missed (expected but not reported) on lines {sorted(self.missed)}; "
                f"unexpected findings on lines {sorted(self.unexpected)}")


def parse_annotations(text: str, code: str) -> tuple[set[int], set[int]]:
    """The lines `# expect: CODE` and `# ok: CODE` point at (the next line that is not an annotation)."""
    expected: set[int] = set()
    ok: set[int] = set()
    pending: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = ANNOTATION.match(line)
        if match:
            codes = {c.strip() for c in match.group(2).split(",") if c.strip()}
            if code in codes:
                pending.append(match.group(1))
            continue
        for kind in pending:
            (expected if kind == "expect" else ok).add(number)
        pending = []
    return expected, ok


def pipeline_findings(rule: type[Rule], source: str, *, options: Any = None, path: str = "snippet.py",
                      is_test_file: bool = False) -> list[Finding]:
    """Run the whole per-file pipeline (every stage, then suppressions) with `rule` selected; crashes raise."""
    from vibecheck.runner import Checker  # local: the runner imports the rule packages

    registry = load_registry()
    codes = [rule.code]
    if rule.category is Category.SUPPRESSION:
        codes += [r.code for r in registry.file_rules if r.default_enabled and r.category is not Category.SUPPRESSION]
    settings = Settings(select=tuple(codes), test_paths=("*",) if is_test_file else (), no_bandit=True)
    checker = Checker(settings, registry, option_overrides={rule.code: options} if options is not None else {})
    result = checker.check_bytes(path, Path(path).name, textwrap.dedent(source).encode())
    if result.errors:
        raise AssertionError(f"{rule.code} crashed on {path}: {result.errors}")
    return [f for f in result.findings if f.code == rule.code]


def check_corpus(rule: type[Rule], path: Path, *, options: Any = None, is_test_file: bool = False) -> CorpusResult:
    """Run `rule` (through the per-file pipeline) on an annotated corpus and compare, strictly, with its annotations."""
    text = path.read_text(encoding="utf-8")
    expected, ok = parse_annotations(text, rule.code)
    findings = pipeline_findings(rule, text, options=options, path=str(path), is_test_file=is_test_file)
    reported = {f.location.start.line for f in findings}
    return CorpusResult(expected=expected, ok=ok, reported=reported)
