"""Test helpers for rule authors (built-in and plugin packs alike).

Every helper runs `vibecheck.pipeline.Pipeline`, the pipeline the command line uses, with only the rule
under test selected and bandit off. `findings_for(rule, source)` runs one rule on a snippet (its findings
before the filter stage; a project rule on a one-file project). `check_corpus(rule, path)` checks an
annotated corpus strictly: a comment line `# expect: VC101` means the next code line must be reported by
VC101, `# ok: VC101` means it must not, and any other finding of that rule fails the check. Corpora go
through the filter stage too (suppressions); suppression-hygiene checks (VC9xx) also get every default
rule, whose findings the comments silence.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vibecheck.config import Settings
from vibecheck.facts import CONDITIONAL_FINDINGS
from vibecheck.model import Category, FileResult, Finding
from vibecheck.pipeline import Pipeline
from vibecheck.project import Project, conditional_findings, run_project_rules
from vibecheck.registry import Registry, RulePack, engine_pack, load_registry
from vibecheck.rule import BaseRule, ProjectRule, Rule

ANNOTATION = re.compile(r"^\s*#\s*(expect|ok):\s*([A-Z0-9, ]+?)\s*(?:--.*)?$")


def findings_for(rule: type[BaseRule], source: str, *, options: Any = None, path: str = "snippet.py",
                 is_test_file: bool | None = None) -> list[Finding]:
    """Run one rule on a source snippet (dedented) and return its findings and any VC001; rule crashes raise.

    `is_test_file` defaults to the rule's `applies_to_tests_only`, so test rules see their snippets as tests.
    A project rule sees a project made of this one file.
    """
    if issubclass(rule, ProjectRule):
        return sources_findings({path: textwrap.dedent(source)}, [rule], options={rule.code: options})
    result = _run(rule, textwrap.dedent(source), registry=_registry_with(rule), options=options, path=path,
                  is_test_file=is_test_file)
    return [f for f in result.findings if f.code in (rule.code, "VC001")]


def _registry_with(*rules: type[BaseRule]) -> Registry:
    """The installed rules when they include `rules`; else a registry of just these (a plugin's rule under test)."""
    installed = load_registry()
    if all(installed.by_code.get(rule.code) is rule for rule in rules):
        return installed
    registry = Registry()
    registry.add(engine_pack())
    registry.add(RulePack("under-test", tuple(r for r in rules if r.code not in registry.by_code)))
    return registry


def _pipeline(codes: list[str], registry: Registry, *, is_test_file: bool, options: dict[str, Any] | None = None,
              root: str = ".", config: dict[str, Any] | None = None, unsafe_fixes: bool = False) -> Pipeline:
    settings = Settings(root=root, select=tuple(codes), test_paths=("*",) if is_test_file else (), no_bandit=True,
                        raw=dict(config or {}), fix=True, unsafe_fixes=unsafe_fixes)
    return Pipeline(settings, registry, option_overrides=options)


def _run(rule: type[BaseRule], source: str, *, registry: Registry, options: Any, path: str, is_test_file: bool | None,
         codes: list[str] | None = None, filtered: bool = False) -> FileResult:
    """One file through the pipeline with `codes` (default: the rule's) selected; with `filtered`, the filter stage too."""
    if is_test_file is None:
        is_test_file = getattr(rule, "applies_to_tests_only", False)  # project rules have no such flag
    pipeline = _pipeline(codes or [rule.code], registry, is_test_file=bool(is_test_file),
                         options={rule.code: options} if options is not None else None)
    result = pipeline.check_bytes(path, Path(path).name, source.encode())
    if result.errors:
        raise AssertionError(f"{rule.code} crashed on {path}: {result.errors}")
    # no project phase follows this one file: what waits for one to clear it is reported, as a guardrail keeps it
    result.findings += [finding for *_, finding in result.facts.get(CONDITIONAL_FINDINGS, ())]
    if filtered:
        result.findings = pipeline.filter(path, Path(path).name, result.findings, result.suppressions)
    return result


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


def pipeline_findings(rule: type[BaseRule], source: str, *, options: Any = None, path: str = "snippet.py",
                      is_test_file: bool | None = None) -> list[Finding]:
    """Run the whole per-file pipeline (every stage, then the filter stage) with `rule` selected; crashes raise.

    `is_test_file` defaults to the rule's `applies_to_tests_only`, so test rules see their source as a test.
    """
    registry = load_registry()
    codes = [rule.code]
    if rule.category is Category.SUPPRESSION:
        codes += [r.code for r in registry.file_rules if r.default_enabled and r.category is not Category.SUPPRESSION]
    result = _run(rule, textwrap.dedent(source), registry=_registry_with(rule) if len(codes) == 1 else registry,
                  options=options, path=path, is_test_file=is_test_file, codes=codes, filtered=True)
    return [f for f in result.findings if f.code == rule.code]


def check_corpus(rule: type[BaseRule], path: Path, *, options: Any = None, is_test_file: bool | None = None) -> CorpusResult:
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


def fix_corpus(rule: type[Rule], path: Path, *, options: Any = None, unsafe: bool = True,
               is_test_file: bool | None = None) -> str:
    """The text of a corpus after the rule's fixes (safe and, with `unsafe`, unsafe ones) applied in passes.

    It runs `Pipeline.fix`, what `vibecheck --fix` runs in each worker, with only `rule` selected and bandit
    off; suppressed findings are not fixed. Returns the text unchanged when no fix applies.
    """
    if is_test_file is None:
        is_test_file = rule.applies_to_tests_only
    data = path.read_bytes()
    pipeline = _pipeline([rule.code], _registry_with(rule), is_test_file=is_test_file,
                         options={rule.code: options} if options is not None else None, unsafe_fixes=unsafe)
    result = pipeline.check_bytes(str(path), path.name, data)
    if result.errors:
        raise AssertionError(f"{rule.code} crashed on {path}: {result.errors}")
    fixed_result, fixed = pipeline.fix(str(path), path.name, data, result)
    if fixed_result.errors:
        raise AssertionError(f"{rule.code} crashed on the fixed {path}: {fixed_result.errors}")
    return fixed.after if fixed is not None else data.decode("utf-8")


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
    registry = _registry_with(*file_rules, *rules)
    codes = [r.code for r in (*file_rules, *rules)]
    overrides = {code: value for code, value in options.items() if value is not None}
    pipelines = {is_test: _pipeline(codes, registry, is_test_file=is_test, options=overrides, root=str(project.root),
                                    config=config) for is_test in (False, True)}
    for relative, text in sources.items():
        is_test = is_default_test_path(Path(relative))
        data = text.encode() if isinstance(text, str) else text
        result = pipelines[is_test].check_bytes(relative, relative, data)
        if result.errors:
            raise AssertionError(f"rules crashed on {relative}: {result.errors}")
        project.files[relative] = result
        if is_test:
            project.test_files.add(relative)
    findings, errors = run_project_rules(project, [(rule, options.get(rule.code)) for rule in rules])
    held, held_errors = conditional_findings(project, registry.rule_class)
    findings, errors = findings + held, errors + held_errors
    if errors:
        raise AssertionError(f"project rules crashed: {errors}")
    return sorted(findings, key=lambda f: f.sort_key)
