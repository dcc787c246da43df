"""Many files: the per-file pipeline in a process pool, then the project phase, the filter stage and the order.

Each file's bytes are read once, in a worker process (`vibecheck.workers`), and go through
`vibecheck.pipeline.Pipeline`. Results stream back file by file, so memory stays flat on large trees, and a
worker that dies or overruns the per-file time or memory limit takes only its own file down (as an `EngineError`),
never the run; even one file is checked in a worker, so a rule's `os._exit(0)` cannot end the run green.
The filter stage then runs once per file, in this process: at once when no project rule is enabled, else
after the project rules, so that their findings meet the same suppressions.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from vibecheck import gc_tuning, preload, project_delta, safe_files
from vibecheck.cache import FactsMode, ResultCache, content_digest, project_key_of
from vibecheck.config import Settings
from vibecheck.discovery import SourceFile, is_test_file
from vibecheck.indexing import FileIndex, IndexJob, plan_index
from vibecheck.manifest import save_manifest
from vibecheck.model import EngineError, FileResult, Finding, Report
from vibecheck.pipeline import FindingFilter, Pipeline
from vibecheck.preload import FILES_PER_WORKER_LOADING_ITSELF
from vibecheck.prepared_phase import PreparedPhase
from vibecheck.project import Project, conditional_findings, split_projects
from vibecheck.project_rules_forked import run_each_rule
from vibecheck.registry import Registry, load_registry
from vibecheck.workers import PoolUnavailable, WorkerPool, batched, check_in_process, crashed


class Checker(Pipeline):
    """The pipeline plus what a worker does around it: read each file once and, with `fix`, write and re-check."""

    def run_task(self, task: SourceFile | IndexJob) -> FileResult:
        """A worker's task: check a file, or read the facts of a file indexed for the project rules (which needs
        none of what `load` imports)."""
        if isinstance(task, IndexJob):
            return task.read()
        self.load()  # done already when the workers were forked from a process that loaded
        return self.check_path(task)

    def check_path(self, source_file: SourceFile) -> FileResult:
        """Check one file; an unexpected failure becomes an `EngineError` for that file only."""
        try:
            return self._check_path(source_file)
        except MemoryError:
            raise  # the whole file is stopped; the worker says so with its memory limit (`vibecheck.workers`)
        except Exception as exc:
            return crashed(source_file, f"internal error while checking this file: {type(exc).__name__}: {exc}")

    def _check_path(self, source_file: SourceFile) -> FileResult:
        try:
            data = safe_files.read_regular_file(source_file.path)
        except OSError as exc:
            error = EngineError(source_file.display, f"cannot read the file: {exc.strerror}")
            return FileResult(source_file.display, errors=[error])
        result = self.check_bytes(source_file.display, source_file.relative, data)
        result.digest = content_digest(data)
        if self.settings.fix:
            result = self._fix(source_file, data, result)
        return result

    def _fix(self, source_file: SourceFile, data: bytes, result: FileResult) -> FileResult:
        """Fix the file in memory (`Pipeline.fix`), then write it once, or with `diff` only describe the change."""
        from vibecheck.fixes import unified_diff, write_fix  # local: libcst loads only when something is fixed

        fixed_result, fixed = self.fix(source_file.display, source_file.relative, data, result)
        if fixed is None:
            return result
        if self.settings.diff:
            fixed_result.diff = unified_diff(fixed.before, fixed.after, source_file.display)
        else:
            problem = write_fix(Path(source_file.path), data, fixed.after, encoding=fixed.encoding)
            if problem is not None:
                result.warnings.append(f"{source_file.display}: not fixed: {problem}")
                return result
            fixed_result.fixed_source = source_file.display
        fixed_result.fixes_applied = fixed.applied
        return fixed_result


class _WorkerChecker:
    """What a worker checks files with: the parent's checker when forked, else one built from the settings.

    With `data`, each task is checked as those bytes (`check_one`) instead of its file's content.
    """

    def __init__(self, checker: Checker, data: bytes | None = None) -> None:
        self.checker: Checker | None = checker
        self.settings = checker.settings
        self.data = data
        self.path = list(sys.path)
        self.tests = checker.known_tests

    def __getstate__(self) -> dict[str, Any]:  # spawned workers rebuild it; the parent's sys.path comes along
        return {"checker": None, "settings": self.settings, "data": self.data, "path": self.path, "tests": self.tests}

    def load(self) -> None:
        """Load the checker before the first file comes (a worker's `warm_up`)."""
        if self.checker is not None:
            self.checker.load()

    def __call__(self) -> Callable[[SourceFile], FileResult]:
        if self.checker is None:
            sys.path[:] = self.path
            self.checker = Checker(self.settings)
            self.checker.known_tests.update(self.tests)
        if self.data is None:
            return self.checker.run_task
        checker, data = self.checker, self.data
        return lambda source_file: checker.check_bytes(source_file.path, source_file.relative, data)


def default_jobs() -> int:
    return os.cpu_count() or 1


def iter_results(files: Sequence[SourceFile], settings: Settings, checker: Checker,
                 index: FileIndex | None = None, pool: EarlyPool | None = None,
                 idle: Callable[[], None] | None = None) -> Iterator[FileResult]:
    """Each file's result, from worker processes that can die alone (or in-process without `isolate`, or if no
    worker process starts here). The jobs `index` has pending run in the same workers, after the files (this
    process finds them while the workers check the first files); their results go to `index`. With no file to
    check, they run in this process, which then loads no checker.

    The checker is loaded here, once, before the workers fork, when there are many files (the workers then share
    what it imported). For a few files (a hook's one file, a pre-commit run's changed ones: up to
    `FILES_PER_WORKER_LOADING_ITSELF` per worker) each worker loads it before its first file, while this process
    walks and reads the index instead of making the workers wait for a load it does not need itself. With `pool`,
    its worker started early (see `EarlyPool`) is the first. `idle` is called once, when the workers have every task
    and no indexed file is left to read (what it computes overlaps their work: `vibecheck.prepared_phase`)."""
    if not files:
        preload.discard()  # no worker is needed: stop the one preloading the checker for nothing
        if index is not None:
            index.read_here(index.pending())
        return
    if len(files) > FILES_PER_WORKER_LOADING_ITSELF * (settings.jobs or default_jobs()):
        preload.discard()
        checker.load()
    later = _Later(index.pending if index is not None else list)
    for task, result in _run_tasks(files, later, settings, checker, pool, idle):
        if isinstance(task, IndexJob):
            if index is not None:
                index.accept(task, result)
        else:
            yield result


class _Later:
    """Tasks known only once the first ones are under way: computed when first asked for, then kept."""

    def __init__(self, compute: Callable[[], Sequence[IndexJob]]) -> None:
        self.compute = compute
        self.tasks: list[IndexJob] | None = None

    def get(self) -> list[IndexJob]:
        if self.tasks is None:
            self.tasks = list(self.compute())
        return self.tasks


class EarlyPool:
    """The worker pool of a run. With a cache, it is started at the first file the cache does not hold: its first worker
    loads the checker (half a second of imports) while this process looks the other files up and plans the index,
    instead of after (10 changed files on Django, or the one file of a hook). Either way it is closed at the end of the
    run: its workers are told to end with the last result, and end during the project phase (waiting for them there
    kept a cold run on Django single-threaded for 60 ms)."""

    def __init__(self, settings: Settings, checker: Checker) -> None:
        self.settings, self.checker = settings, checker
        self.pool: WorkerPool | None = None

    def start(self) -> None:
        if self.pool is not None or not self.settings.isolate:
            return
        pool = _new_pool(self.settings, self.checker, close_later=True)
        try:
            pool.start_early()
        except PoolUnavailable:
            return  # `_run_tasks` meets it again and checks the files here
        self.pool = pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()


def _new_pool(settings: Settings, checker: Checker, *, close_later: bool = False) -> WorkerPool:
    worker_checker = _WorkerChecker(checker)
    return WorkerPool(settings.jobs or default_jobs(), worker_checker, settings.per_file_timeout,
                      settings.per_file_memory, warm_up=worker_checker.load, siblings=not checker.loaded,
                      preloaded=not checker.loaded, close_later=close_later)


def _run_tasks(files: Sequence[SourceFile], later: _Later, settings: Settings, checker: Checker,
               early: EarlyPool | None, idle: Callable[[], None] | None = None
               ) -> Iterator[tuple[SourceFile | IndexJob, FileResult]]:
    done: set[int] = set()
    if settings.isolate:
        pool = early.pool if early is not None and early.pool is not None else \
            _new_pool(settings, checker, close_later=early is not None)
        if early is not None:
            early.pool = pool  # closed at the end of the run: its workers end while this process finishes the run

        def when_idle() -> None:
            if idle is not None and later.tasks == []:  # an index job still running would add its file later
                idle()

        try:
            for task, result in pool.check(files, more=lambda: batched(later.get(), pool.jobs), idle=when_idle):
                done.add(id(task))
                yield task, result  # type: ignore[misc]  # the pool gives back the tasks it was given
            return
        except PoolUnavailable:
            pass  # no processes here (a sandbox), or no new one after a crash: the rest in this process, unisolated
    tasks: list[SourceFile | IndexJob] = [*files, *later.get()]
    yield from ((task, check_in_process(checker.run_task, task)) for task in tasks if id(task) not in done)


def check_one(checker: Checker, source_file: SourceFile, data: bytes) -> FileResult:
    """`data` checked as `source_file` (unfiltered), in a worker process as `iter_results` checks files."""
    settings = checker.settings
    checker.load()
    if settings.isolate:
        pool = WorkerPool(1, _WorkerChecker(checker, data), settings.per_file_timeout, settings.per_file_memory)
        try:
            return list(pool.check([source_file]))[0][1]
        except PoolUnavailable:
            pass
    return check_in_process(lambda f: checker.check_bytes(f.path, f.relative, data), source_file)


def run(files: Sequence[SourceFile], settings: Settings, *, registry: Registry | None = None,
        progress: Callable[[int], None] | None = None, walked: Sequence[Path] = (),
        post_filters: Sequence[FindingFilter] = (), keep: list[FileResult] | None = None) -> Report:
    """Check every file, run the project rules, filter (`post_filters` last), and return one sorted report.

    `walked` are the folders discovery walked to find `files`: every file under them was checked already,
    so they are not walked again to index unchecked files for the project rules. With `keep` (a shard of a
    run), each file's result is appended to it and the project phase is left to `vibecheck merge`.
    """
    checker = Checker(settings, registry or load_registry())
    checker.post_filters.extend(post_filters)
    relative = {f.display: f.relative for f in files}
    # a shard's results carry their facts to `vibecheck merge`; the project phase decodes them only if it runs
    facts: FactsMode = "eager" if keep is not None else "deferred" if checker.runs_project_phase else "skipped"
    cache = ResultCache.for_run(settings, checker, facts=facts)
    if cache is not None:
        cache.keep_facts_texts = facts == "deferred" and len(files) <= project_delta.DELTA_FILES
        cache.recheck = lambda task: check_in_process(checker.run_task, task)
    if cache is not None and not checker.registry.deferred and cache.prepare():
        save_manifest(cache.folder, checker.registry)  # the next run may not need to import a rule module
    index = None if keep is not None else plan_index(checker, {f.path for f in files}, walked=walked, cache=cache)
    if len(files) <= FILES_PER_WORKER_LOADING_ITSELF * (settings.jobs or default_jobs()):
        # the workers load the checker themselves (`iter_results`): told which files are tests, they match no pattern
        # and import no `pathspec` (9 ms, on a hook's critical path)
        checker.known_tests.update((f.relative, is_test_file(f.relative, settings.test_paths, settings.root)) for f in files)
    early = EarlyPool(settings, checker)
    rules = checker.project_rules()
    prepared = None if cache is None or keep is not None or not rules else \
        PreparedPhase(Path(settings.root), dict(settings.raw), relative, settings.test_paths, index, cache, rules,
                      checker.rule_class, scope=[str(folder) for folder in walked])
    idle = None if prepared is None else prepared.prepare
    results = (iter_results(files, settings, checker, index, early) if cache is None
               else cache.results(files, lambda misses: iter_results(misses, settings, checker, index, early, idle=idle),
                                  on_miss=early.start))
    if keep is not None:
        results = _kept(results, keep)
    try:
        return collect(checker, results, relative, progress=progress, index=index, walked=walked, cache=cache,
                       project_phase=keep is None, prepared=prepared)
    finally:
        early.close()
        gc_tuning.leave_to_exit(checker, cache, index, prepared)


def _kept(results: Iterable[FileResult], keep: list[FileResult]) -> Iterator[FileResult]:
    for result in results:
        keep.append(result)
        yield result


def collect(pipeline: Pipeline, results: Iterable[FileResult], relative: dict[str, str], *,
            progress: Callable[[int], None] | None = None, index: FileIndex | None = None,
            walked: Sequence[Path] = (), cache: ResultCache | None = None, project_phase: bool = True,
            prepared: PreparedPhase | None = None) -> Report:
    """Gather the files' results into a report: the project phase, then the filter stage once per file.

    The files of `index` (read by the time `results` is consumed) join the project for the project rules; what
    `prepared` computed of the phase while the files were checked is used if it was computed for that project.
    """
    settings = pipeline.settings
    report = Report()
    phase = project_phase and pipeline.runs_project_phase
    rules = pipeline.project_rules() if phase else []
    project = Project(root=Path(settings.root), config=dict(settings.raw))
    held: list[FileResult] = []
    for result in results:
        report.errors.extend(result.errors)
        report.files_checked += 1
        if result.fixed_source is not None:
            report.fixed_files.append(result.path)
        if result.diff is not None:
            report.diffs[result.path] = result.diff
        report.fixes_applied += result.fixes_applied
        report.warnings.extend(result.warnings)
        where = relative.get(result.path, result.path)
        if phase:  # the project rules may still add findings that this file's suppressions cover
            project.files[result.path] = FileResult(result.path, facts=result.facts)
            if is_test_file(where, settings.test_paths, settings.root):
                project.test_files.add(result.path)
            held.append(FileResult(result.path, findings=result.findings, suppressions=result.suppressions))
        else:
            report.findings.extend(pipeline.filter(result.path, where, result.findings, result.suppressions))
        if progress is not None:
            progress(1)
    if phase:
        if cache is not None:
            project.fingerprints.update((path, cache.fingerprints[path]) for path in project.files
                                        if path in cache.fingerprints)
        if index is not None:
            if prepared is not None:
                prepared.add_indexed(project, index)
            else:
                index.add_to(project)
            report.warnings.extend(index.warnings)
        project.relative.update(relative)
        gc_tuning.keep_to_exit()
        findings, errors = _project_phase(project, rules, cache, scope=[str(folder) for folder in walked],
                                          rule_class=pipeline.rule_class, asked=relative, warnings=report.warnings,
                                          prepared=prepared, jobs=(settings.jobs or default_jobs()) if settings.isolate else 1)
        report.errors.extend(errors)
        by_file: dict[str, list[Finding]] = {}
        for finding in findings:
            if finding.location.path in relative:  # not a file indexed for its facts only, which was not asked for
                by_file.setdefault(finding.location.path, []).append(finding)
        for held_result in held:
            path = held_result.path
            report.findings.extend(pipeline.filter(path, relative.get(path, path),
                                                   held_result.findings + by_file.pop(path, []), held_result.suppressions))
        for path, leftover in by_file.items():
            report.findings.extend(pipeline.filter(path, relative.get(path, path), leftover))
    report.sort()
    return report


def _project_phase(project: Project, rules: Sequence[tuple[Any, Any]], cache: ResultCache | None, *,
                   scope: Sequence[str], rule_class: Callable[[str], Any], asked: Iterable[str] = (),
                   warnings: list[str] | None = None, prepared: PreparedPhase | None = None, jobs: int = 1
                   ) -> tuple[list[Finding], list[EngineError]]:
    """The project rules' findings: from the cache when no input of theirs changed, from what the last phase kept
    when only the facts of one of its asked files changed (`vibecheck.project_delta`), else by running them (each
    rule's class from `rule_class`, so a cached phase loads no rule module; in two processes with `jobs`, see
    `vibecheck.project_rules_forked`). With `prepared`, the files are placed and the key beside their facts taken as it
    computed them for this project, if it did."""
    placement, rest = (None, None) if prepared is None else prepared.for_project(project)
    parts = split_projects(project, placement)
    inputs = None if cache is None else cache.project_inputs(parts, rules, rest)
    key = None if inputs is None else project_key_of(*inputs)
    if cache is not None and key is not None:
        cached = cache.project_findings(scope, key, project)
        if cached is not None:
            return cached, []
    classes = [(rule_class(rule.code), options) for rule, options in rules]
    errors: list[EngineError] = []
    if cache is not None and inputs is not None and key is not None and len(parts) == 1:
        updated = _updated_phase(project, classes, cache, scope, inputs, key, errors, warnings,
                                 None if prepared is None else prepared.searched)
        if updated is not None:
            return updated, []
    texts = {} if cache is None else dict(cache.facts_texts)  # the facts' text of each file, for a base
    if cache is not None:
        errors.extend(_load_deferred_facts(project, cache, texts))
    found: list[list[Finding]] = []
    for rule_findings, rule_errors in run_each_rule(project, classes, parts, jobs):  # a base keeps each rule's findings
        found.append(rule_findings)
        errors.extend(rule_errors)
    held, held_errors = conditional_findings(project, rule_class, parts)
    errors.extend(held_errors)
    findings = [finding for rule_findings in found for finding in rule_findings] + held
    if cache is not None and key is not None and not errors and not cache.unsettled:
        cache.store_project_findings(scope, key, findings, parts)
        made = None if inputs is None or len(parts) != 1 else \
            project_delta.make_base(project, classes, found, set(asked), inputs[1], texts)
        if inputs is not None and made is not None:
            cache.store_project_base(scope, inputs[0], *made)
    return findings, errors


def _updated_phase(project: Project, rules: Sequence[tuple[Any, Any]], cache: ResultCache, scope: Sequence[str],
                   inputs: tuple[str, dict[str, str]], key: str, errors: list[EngineError],
                   warnings: list[str] | None, searched: project_delta.Searched | None = None) -> list[Finding] | None:
    """The phase from the base the last one kept, stored as a whole phase's would be; None when it cannot be used
    (facts of the changed file that neither its cache entry nor a new read gave are added to `errors`, as the whole
    phase would have found them)."""
    rest, digests = inputs
    base = cache.project_base(scope, rest)
    if base is None:
        return None

    def new_facts(path: str) -> dict[str, Any] | None:
        result = project.files.get(path)
        if result is None:
            return None
        try:
            facts = cache.deferred_facts(path)
        except ValueError as error:
            errors.append(_damaged(path, error))
            return None
        if facts is not None:
            result.facts = facts
        return result.facts

    updated = project_delta.update(project, rules, base, digests, new_facts, lambda: cache.project_base_texts(scope, base),
                                   warnings, searched)
    if updated is None:
        return None
    found, kept = updated
    findings = [finding for rule_findings in found for finding in rule_findings]
    if not cache.unsettled:
        cache.store_project_findings(scope, key, findings, [project])
        cache.store_project_base(scope, rest, kept, None)
    return findings


def _load_deferred_facts(project: Project, cache: ResultCache, texts: dict[str, bytes] | None = None) -> list[EngineError]:
    """Decode the facts the cache left undecoded (the split projects share these `FileResult`s), keeping their text
    in `texts`."""
    errors = []
    for path, result in project.files.items():
        try:
            facts = cache.deferred_facts(path, texts)
        except ValueError as error:
            errors.append(_damaged(path, error))
            continue
        if facts is not None:
            result.facts = facts
    return errors


def _damaged(path: str, error: ValueError) -> EngineError:
    """A file whose facts neither its cache entry held nor reading it again gave (it became unreadable, or a rule
    crashed on it): the project rules ran without them, and the run must not look green."""
    return EngineError(path, f"the project rules ran without its facts: {error}")
