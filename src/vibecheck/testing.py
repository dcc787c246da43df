"""Test helpers for rule authors (built-in and plugin packs alike).

`findings_for(rule, source)` runs one rule on a snippet (a project rule on a one-file project).
`check_corpus(rule, path)` checks an annotated corpus strictly: a comment line `# expect: VC101` means the
next code line must be reported by VC101, `# ok: VC101` means it must not, and any other finding of that
rule fails the check. Corpora of file rules run through the whole per-file pipeline (rules, then the
suppression stage) with only the rule under test selected; suppression-hygiene rules (VC9xx) also get
every default rule, whose findings the comments silence.
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
from vibecheck.project import Project, run_project_rules
from vibecheck.registry import load_registry
from vibecheck.rule import ProjectRule, Rule

ANNOTATION = re.compile(r"^\s*#\s*(expect|ok):\s*([A-Z0-9, ]+?)\s*(?:--.*)?$")


def findings_for(rule: type[Rule] | type[ProjectRule], source: str, *, options: Any = None, path: str = "snippet.py",
                 is_test_file: bool | None = None) -> list[Finding]:
    """Run one rule on a source snippet (dedented) and return its findings; rule crashes raise.

    `is_test_file` defaults to the rule's `applies_to_tests_only`, so test rules see their snippets as tests.
    A project rule sees a project made of this one file.
    """
    if issubclass(rule, ProjectRule):
        return sources_findings({path: textwrap.dedent(source)}, [rule], options={rule.code: options})
    if is_test_file is None:
        is_test_file = rule.applies_to_tests_only
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
                      is_test_file: bool | None = None) -> list[Finding]:
    """Run the whole per-file pipeline (every stage, then suppressions) with `rule` selected; crashes raise.

    `is_test_file` defaults to the rule's `applies_to_tests_only`, so test rules see their source as a test.
    """
    from vibecheck.runner import Checker  # local: the runner imports the rule packages

    if is_test_file is None:
        is_test_file = rule.applies_to_tests_only
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


def check_corpus(rule: type[Rule] | type[ProjectRule], path: Path, *, options: Any = None,
                 is_test_file: bool | None = None) -> CorpusResult:
    """Run `rule` (through the per-file pipeline) on an annotated corpus and compare, strictly, with its annotations.

    A rule that `applies_to_tests_only` has its corpus checked as a test file unless told otherwise; a
    project rule's corpus is a project of one file.
    """
    text = path.read_text(encoding="utf-8")
    expected, ok = parse_annotations(text, rule.code)
    if issubclass(rule, ProjectRule):
        findings = findings_for(rule, text, options=options, path=str(path))
    else:
        findings = pipeline_findings(rule, text, options=options, path=str(path), is_test_file=is_test_file)
    reported = {f.location.start.line for f in findings}
    return CorpusResult(expected=expected, ok=ok, reported=reported)


def is_default_test_path(relative: Path) -> bool:
    """The default `test-paths`: under a `tests/` folder, `test_*.py`, `*_test.py`, `conftest.py`."""
    name = relative.name
    return ("tests" in relative.parts[:-1] or name.startswith("test_") or name.endswith("_test.py")
            or name == "conftest.py")


def project_findings(root: Path, rules: list[type[ProjectRule]], *, options: dict[str, Any] | None = None,
                     config: dict[str, Any] | None = None, file_rules: tuple[type[Rule], ...] = ()) -> list[Finding]:
    """Check every `.py` file under `root` (test files by the default `test-paths`), then run project rules.

    A small stand-in for the runner, for tests of project rules on projects made in `tmp_path`.
    """
    sources = {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*.py"))}
    return sources_findings(sources, rules, options=options, config=config, file_rules=file_rules, root=root)


def sources_findings(sources: dict[str, str] | dict[str, bytes], rules: list[type[ProjectRule]], *,
                     options: dict[str, Any] | None = None, config: dict[str, Any] | None = None,
                     file_rules: tuple[type[Rule], ...] = (), root: Path | None = None) -> list[Finding]:
    """Check files given as `{relative path: text}`, then run the project rules over them (no disk needed)."""
    project = Project(root=root or Path.cwd(), config=dict(config or {}))
    options = options or {}
    collectors: dict[Any, Any] = {}
    for rule in rules:
        for collector in rule.fact_collectors:
            collectors.setdefault(collector, options.get(rule.code))
    for relative, text in sources.items():
        is_test = is_default_test_path(Path(relative))
        data = text.encode() if isinstance(text, str) else text
        result = check_file(relative, data, [(r, None) for r in file_rules], is_test_file=is_test,
                            collectors=tuple(collectors.items()))
        if result.errors:
            raise AssertionError(f"rules crashed on {relative}: {result.errors}")
        project.files[relative] = result
        if is_test:
            project.test_files.add(relative)
    findings, errors = run_project_rules(project, [(rule, options.get(rule.code)) for rule in rules])
    if errors:
        raise AssertionError(f"project rules crashed: {errors}")
    return sorted(findings, key=lambda f: f.sort_key)
