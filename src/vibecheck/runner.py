"""Many files: per-file stages in a process pool, then suppressions, the project phase and the final order.

Each file's bytes are read once, in the worker. `PER_FILE_STAGES` lists what runs on them (vibecheck's
rules; bandit adds itself as one more entry); the suppression stage then applies to every finding of the
file, whichever stage produced it. Results stream back in chunks, so memory stays flat on large trees,
and a worker that dies takes only its own file down (as an `EngineError`), never the run.
"""

from __future__ import annotations

import io
import os
import sys
import tokenize
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vibecheck.config import Settings
from vibecheck.dedupe import drop_superseded, superseding_map
from vibecheck.discovery import SourceFile, discover, is_test_file
from vibecheck.engine import check_file, decode_source
from vibecheck.errors import UsageError
from vibecheck.facts import source_facts
from vibecheck.fixes import fixed_source, write_atomically
from vibecheck.integrations.bandit import bandit_stage
from vibecheck.model import EngineError, FileResult, Finding, Report
from vibecheck.project import Project, project_roots, run_project_rules
from vibecheck.registry import Registry, load_registry
from vibecheck.rule import Rule
from vibecheck.selection import Selection, known_codes, resolve_selection
from vibecheck.suppression import (
    Suppression,
    apply_suppressions,
    has_candidates,
    hygiene_findings,
    parse_suppressions,
)

SERIAL_BELOW = 16  # fewer files than this are checked in-process: starting a pool costs more
CHUNK_SIZE = 16
MAX_FIX_PASSES = 5
POOL_START_TIMEOUT = 120  # seconds for a worker to start; otherwise the run goes on in-process
SUPPRESSIONS_FACT = "vibecheck.suppressions"


@dataclass
class FileUnit:
    """One file as the per-file stages see it."""

    path: str
    data: bytes
    settings: Settings
    enabled: frozenset[str]
    is_test_file: bool


Stage = Callable[[FileUnit, FileResult, "Checker"], None]


def rules_stage(unit: FileUnit, result: FileResult, checker: Checker) -> None:
    """vibecheck's own rules (and plugin packs'), all in one walk."""
    rules = checker.file_rules_for(unit.enabled)
    checked = check_file(unit.path, unit.data, rules, is_test_file=unit.is_test_file,
                         collect_facts=bool(checker.project_codes & checker.selection.enabled),
                         collectors=checker.fact_collectors)
    result.findings.extend(checked.findings)
    result.errors.extend(checked.errors)
    result.facts.update(checked.facts)


# The per-file stages, in order. A stage is `stage(unit, result, checker)`: it reads `unit.data` (the bytes,
# read once) and appends findings, errors and facts to `result`. It should skip work for codes that are not
# in `unit.enabled` (findings of other codes are dropped anyway) and leaves suppressions to the runner. An
# exception in a stage becomes an `EngineError` named after the stage; the other stages still report.
PER_FILE_STAGES: list[tuple[str, Stage]] = [("vibecheck", rules_stage), ("bandit", bandit_stage)]


@dataclass
class Checker:
    """Everything a worker needs, built once per process from the picklable `Settings`."""

    settings: Settings
    registry: Registry = field(default_factory=load_registry)
    option_overrides: dict[str, Any] = field(default_factory=dict)
    selection: Selection = field(init=False)

    def __post_init__(self) -> None:
        s = self.settings
        self.selection = resolve_selection(self.registry, select=s.select, extend_select=s.extend_select, ignore=s.ignore,
                                           per_file_ignores=s.per_file_ignores, no_bandit=s.no_bandit)
        self._known = known_codes(self.registry)
        self._names = {info.name: code for code, info in self._known.items()}
        self._options: dict[str, Any] = {}
        for rule in self.registry.rules:
            raw = s.rule_options.get(rule.name)
            self._options[rule.code] = rule.parse_options(raw) if raw else None
        self._options.update(self.option_overrides)
        collectors: dict[Any, Any] = {}
        for rule in self.registry.project_rules:
            if rule.code in self.selection.enabled:
                for collector in rule.fact_collectors:
                    collectors.setdefault(collector, self._options[rule.code])
        self.fact_collectors = tuple(collectors.items())
        self._file_rules: dict[frozenset[str], list[tuple[type[Rule], Any]]] = {}
        self.project_codes = frozenset(r.code for r in self.registry.project_rules)
        self.superseding = superseding_map(self.registry.rules)

    def file_rules_for(self, enabled: frozenset[str]) -> list[tuple[type[Rule], Any]]:
        rules = self._file_rules.get(enabled)
        if rules is None:
            rules = [(r, self._options[r.code]) for r in self.registry.file_rules if r.code in enabled]
            self._file_rules[enabled] = rules
        return rules

    def project_rules(self) -> list[tuple[Any, Any]]:
        return [(r, self._options[r.code]) for r in self.registry.project_rules if r.code in self.selection.enabled]

    def is_known(self, code: str) -> bool:
        return code in self._known

    def check_bytes(self, path: str, relative: str, data: bytes) -> FileResult:
        """All per-file stages, then the suppression stage; never raises for a bad file or a bad stage."""
        enabled = self.selection.enabled_for(relative)
        unit = FileUnit(path, data, self.settings, enabled, is_test_file(relative, self.settings.test_paths))
        result = FileResult(path=path)
        for name, stage in PER_FILE_STAGES:
            try:
                stage(unit, result, self)
            except Exception as exc:  # one broken stage must not lose the others' findings
                result.errors.append(EngineError(path, f"{name} stage crashed: {type(exc).__name__}: {exc}", rule=name))
        result.findings = drop_superseded([f for f in result.findings if f.code in enabled], self.superseding)
        self._suppress(unit, result)
        return result

    def _suppress(self, unit: FileUnit, result: FileResult) -> None:
        if not has_candidates(unit.data):
            return
        try:
            source = decode_source(unit.data)
        except (UnicodeDecodeError, SyntaxError, LookupError):
            return
        suppressions = parse_suppressions(source, self._names, self.superseding)
        if not suppressions:
            return
        outcome = apply_suppressions(result.findings, suppressions)
        deferred = self.project_codes & self.selection.enabled
        result.findings = outcome.findings + hygiene_findings(
            unit.path, source.splitlines(), suppressions, outcome.used, enabled=unit.enabled, known=self.is_known,
            deferred=deferred)
        if deferred and any(s.blanket or set(s.codes) & deferred for s in suppressions):
            result.facts[SUPPRESSIONS_FACT] = (tuple(suppressions), frozenset(outcome.used), unit.enabled)

    def check_path(self, source_file: SourceFile) -> FileResult:
        """Check one file; an unexpected failure becomes an `EngineError` for that file only."""
        try:
            return self._check_path(source_file)
        except Exception as exc:
            return _crashed(source_file, f"internal error while checking this file: {type(exc).__name__}: {exc}")

    def _check_path(self, source_file: SourceFile) -> FileResult:
        """Read the file once and check it; with `fix`, write the fixed file and check what remains."""
        try:
            data = Path(source_file.path).read_bytes()
        except OSError as exc:
            error = EngineError(source_file.display, f"cannot read the file: {exc.strerror}")
            return FileResult(source_file.display, errors=[error])
        result = self.check_bytes(source_file.display, source_file.relative, data)
        if self.settings.fix:
            result = self._fix(source_file, data, result)
        return result

    def _fix(self, source_file: SourceFile, data: bytes, result: FileResult) -> FileResult:
        changed = False
        for _ in range(MAX_FIX_PASSES):
            fixable = [f for f in result.findings if f.fix and (f.fix.safe or self.settings.unsafe_fixes)]
            if not fixable:
                break
            try:
                source = decode_source(data)
                encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
            except (UnicodeDecodeError, SyntaxError, LookupError):
                break
            new = fixed_source(source, fixable, unsafe=self.settings.unsafe_fixes)
            if new is None:
                break
            if encoding == "utf-8-sig":  # keep the byte-order mark the file had
                new, encoding = "\ufeff" + new, "utf-8"
            write_atomically(Path(source_file.path), new, encoding=encoding)
            data = Path(source_file.path).read_bytes()
            changed = True
            result = self.check_bytes(source_file.display, source_file.relative, data)
        if changed:
            result.fixed_source = source_file.display
        return result


_WORKER: Checker | None = None


def _init_worker(settings: Settings, path: list[str]) -> None:
    """Build the worker's checker; the parent's `sys.path` comes along, so spawned workers see the same packs."""
    global _WORKER
    sys.path[:] = path
    _WORKER = Checker(settings)


def _check_chunk(files: list[SourceFile]) -> list[FileResult]:
    if _WORKER is None:
        raise RuntimeError("worker process started without its initializer")
    return [_WORKER.check_path(f) for f in files]


def _chunks(files: Iterable[SourceFile], size: int) -> Iterator[list[SourceFile]]:
    chunk: list[SourceFile] = []
    for item in files:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def default_jobs() -> int:
    return os.cpu_count() or 1


def iter_results(files: Sequence[SourceFile], settings: Settings, checker: Checker) -> Iterator[FileResult]:
    """Each file's result, from a process pool when it pays off, in-process otherwise (or if no pool starts)."""
    jobs = settings.jobs or default_jobs()
    if jobs <= 1 or len(files) < SERIAL_BELOW:
        yield from (checker.check_path(f) for f in files)
        return
    try:
        executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings, list(sys.path)))
        executor.submit(os.getpid).result(timeout=POOL_START_TIMEOUT)
    except (OSError, ValueError, NotImplementedError, BrokenProcessPool, TimeoutError):
        yield from (checker.check_path(f) for f in files)
        return
    yield from _pooled(executor, files, settings, jobs)


def _pooled(executor: ProcessPoolExecutor, files: Sequence[SourceFile], settings: Settings, jobs: int) -> Iterator[FileResult]:
    """Keep a bounded number of chunks in flight. When a worker dies, every file that was in flight
    becomes a suspect and is re-checked alone, so that only the file that kills a worker is lost."""
    pending = _chunks(files, CHUNK_SIZE)
    suspects: deque[SourceFile] = deque()
    in_flight: dict[Future[list[FileResult]], list[SourceFile]] = {}
    try:
        while True:
            if suspects:
                suspect = suspects.popleft()
                try:
                    yield from executor.submit(_check_chunk, [suspect]).result()
                except BrokenProcessPool:
                    yield _crashed(suspect, "the worker process checking this file died; the file was not checked")
                    executor = _restart(executor, settings, jobs)
                except Exception as exc:  # e.g. a result that cannot be sent back: lose this file, not the run
                    yield _crashed(suspect, f"internal error while checking this file: {type(exc).__name__}: {exc}")
                continue
            broken = False
            while not broken and len(in_flight) < jobs * 4 and (chunk := next(pending, None)) is not None:
                try:
                    in_flight[executor.submit(_check_chunk, chunk)] = chunk
                except BrokenProcessPool:
                    broken = True
                    suspects.extend(chunk)
            if not in_flight and not broken:
                return
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED) if in_flight else (set(), set())
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken = True
                    suspects.extend(chunk)
                except Exception:  # vibecheck: ignore[VC102] -- its files are re-checked one by one below
                    suspects.extend(chunk)
            if broken:
                for chunk in in_flight.values():
                    suspects.extend(chunk)
                in_flight.clear()
                executor = _restart(executor, settings, jobs)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _restart(executor: ProcessPoolExecutor, settings: Settings, jobs: int) -> ProcessPoolExecutor:
    executor.shutdown(wait=False, cancel_futures=True)
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(settings, list(sys.path)))


def _crashed(source_file: SourceFile, message: str) -> FileResult:
    return FileResult(source_file.display, errors=[EngineError(source_file.display, message)])


def run(files: Sequence[SourceFile], settings: Settings, *, registry: Registry | None = None,
        progress: Callable[[int], None] | None = None) -> Report:
    """Check every file, run the project rules, filter, and return one sorted report."""
    checker = Checker(settings, registry or load_registry())
    report = Report()
    relative = {f.display: f.relative for f in files}
    project = Project(root=Path(settings.root), config=dict(settings.raw))
    for result in iter_results(files, settings, checker):
        report.findings.extend(result.findings)
        report.errors.extend(result.errors)
        report.files_checked += 1
        if result.fixed_source is not None:
            report.fixed_files.append(result.path)
        project.files[result.path] = FileResult(result.path, facts=result.facts)
        if is_test_file(relative.get(result.path, result.path), settings.test_paths):
            project.test_files.add(result.path)
        if progress is not None:
            progress(1)
    rules = checker.project_rules()
    if rules:
        parse = any(rule.reads_unchecked_test_facts for rule, _ in rules)
        sources = any(rule.reads_unchecked_source_facts for rule, _ in rules)
        index_unchecked_tests(project, settings, {f.path for f in files}, parse=parse, sources=sources)
    project.relative.update(relative)
    project_phase(checker, project, report, relative)
    report.sort()
    return report


def index_unchecked_tests(project: Project, settings: Settings, checked: set[str], *, parse: bool = True,
                          sources: bool = False) -> None:
    """Collect the facts of test files that were not passed (pre-commit), so project rules see every test.

    Only facts are kept: these files were not asked for, so nothing is reported on them. Without `parse`,
    the files are only registered as test files (enough for a rule that asks whether tests exist). With
    `sources`, the source files that were not passed get their definitions too (read with `ast` only), so
    what the tests reach through them is known.
    """
    root = Path(settings.root)
    tops = _outermost({root.resolve(), *project_roots(Path(p) for p in checked)})
    try:
        found = [f for top in tops for f in discover([str(top)], root, exclude=settings.exclude,
                                                     extend_exclude=settings.extend_exclude, cwd=root)]
    except (OSError, UsageError):
        return
    for source_file in found:
        if source_file.path in checked or not source_file.path.endswith(".py"):
            continue
        if not is_test_file(source_file.relative, settings.test_paths):
            if sources:
                _index_source(project, source_file)
            continue
        facts: dict[str, Any] = {}
        if parse:
            try:
                data = Path(source_file.path).read_bytes()
            except OSError:
                continue
            facts = check_file(source_file.relative, data, [], is_test_file=True).facts
        project.files[source_file.relative] = FileResult(source_file.relative, facts=facts)
        project.test_files.add(source_file.relative)
        project.relative[source_file.relative] = source_file.relative


def _index_source(project: Project, source_file: SourceFile) -> None:
    try:
        text = decode_source(Path(source_file.path).read_bytes())
    except (OSError, UnicodeDecodeError, SyntaxError, LookupError):
        return  # unreadable: a run that checks it reports VC001; unasked for, it just adds no facts
    project.files[source_file.relative] = FileResult(source_file.relative, facts=source_facts(text))
    project.relative[source_file.relative] = source_file.relative


def _outermost(folders: set[Path]) -> list[Path]:
    """The folders that are not inside another of them (a project above the run's root holds that root)."""
    return sorted(f for f in folders if not any(f != other and f.is_relative_to(other) for other in folders))


def project_phase(checker: Checker, project: Project, report: Report, relative: dict[str, str]) -> None:
    rules = checker.project_rules()
    if not rules:
        return
    findings, errors = run_project_rules(project, rules)
    report.errors.extend(errors)
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.location.path not in relative:
            continue  # a file indexed for its facts only, not asked for
        enabled = checker.selection.enabled_for(relative[finding.location.path])
        if finding.code in enabled:
            by_file.setdefault(finding.location.path, []).append(finding)
    for path, result in project.files.items():
        stored = result.facts.get(SUPPRESSIONS_FACT)
        file_findings = by_file.pop(path, [])
        if stored is None:
            report.findings.extend(file_findings)
            continue
        suppressions, used, enabled = stored
        outcome = apply_suppressions(file_findings, list(suppressions), set(used))
        report.findings.extend(outcome.findings)
        report.findings.extend(_deferred_hygiene(path, list(suppressions), outcome.used, enabled, checker))
    for leftover in by_file.values():
        report.findings.extend(leftover)


def _deferred_hygiene(path: str, suppressions: list[Suppression], used: set[tuple[int, str]], enabled: frozenset[str],
                      checker: Checker) -> list[Finding]:
    """VC901 for suppressions of project-rule codes, known only once the project rules ran."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return hygiene_findings(path, lines, suppressions, used, enabled=enabled, known=checker.is_known,
                            only=checker.project_codes)
