"""Files read for the project rules only: the test files (and source files) a run did not check.

A pre-commit run checks the staged files, yet the project rules (VC301/VC302: untested code) need every
test's references, and what the tests reach through sources that were not staged. Those files are found
by `plan_index` and read for their facts only, with `ast` (nothing is reported on them, so no libcst parse).
The walk that finds them, and the cache lookups for them, run when the jobs are first asked for: once the
worker processes have been given the checked files, so that this process does them while the workers check.
The workers then read these files too, after the checked ones, so the two cores are busy together; with no
file to check, this process reads them. Their facts are cached as `index` entries.

A file that cannot be read (or, for a source file, decoded) adds nothing, as when it is checked it would be
reported; a test file that does not parse is still a test file, with no references. A file whose worker died
or overran its limits adds nothing either, with a warning: no error, since nobody asked to check it. The files
enter the project in the order discovery found them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from vibecheck import safe_files
from vibecheck.cache import REGISTERED, content_digest
from vibecheck.config import Settings
from vibecheck.discovery import SourceFile, discover, is_test_file
from vibecheck.errors import UsageError
from vibecheck.facts import SOURCE_FACT_KEYS, parse_or_none, source_facts
from vibecheck.model import FileResult
from vibecheck.project import Project, holds_project_file, project_roots
from vibecheck.references import TEST_REFERENCES, read_test_references
from vibecheck.registry import resolve_reader
from vibecheck.source import SourceUnit, decode_source

if TYPE_CHECKING:
    from vibecheck.cache import ResultCache
    from vibecheck.pipeline import Pipeline

# "test": a test file's references; "registered": a test file whose existence is all the rules ask about;
# "source": a source file's definitions, for rules that follow the tests through it.
IndexKind = Literal["test", "registered", "source"]


@dataclass(frozen=True)
class IndexJob:
    """One file to read for its facts: a task for a worker process, as a `SourceFile` is a file to check."""

    source_file: SourceFile
    kind: IndexKind
    readers: tuple[tuple[str, str], ...] = ()  # a source file's facts beyond the definitions (`index_fact_readers`)

    @property
    def display(self) -> str:
        """The name the project knows the file by: its path as a checked file's is shown (from the current folder,
        or whole outside it), so that it never takes the key of a checked file (a run in an app's folder inside a
        repository whose config makes the repository the root: the app's `tests/conftest.py` is checked, the
        repository's is indexed, and both are `tests/conftest.py` from the root)."""
        return self.source_file.display

    def read(self) -> FileResult:
        """The file's facts with the digest of its bytes; no digest when it cannot be read or decoded."""
        display = self.display
        try:
            data = safe_files.read_regular_file(self.source_file.path)
        except OSError:
            return FileResult(display)
        if self.kind == "source":
            try:
                facts = self._source_facts(decode_source(data))
            except (UnicodeDecodeError, SyntaxError, LookupError):
                return FileResult(display)
        else:
            tree = SourceUnit(self.source_file.relative, data, is_test_file=True).python_ast()
            facts = {} if tree is None else {TEST_REFERENCES: read_test_references(tree)}
        return FileResult(display, facts=facts, digest=content_digest(data))

    def _source_facts(self, text: str) -> dict[str, Any]:
        """The definitions and imports, and what the rules' `index_fact_readers` read, from one `ast` parse."""
        tree = parse_or_none(text)
        if tree is None:
            return {}
        facts = source_facts(text, tree)
        for key, reference in self.readers:
            value = resolve_reader(reference)(text, tree)
            if value is not None:
                facts[key] = value
        return facts


class FileIndex:
    """The files one run reads for the project rules only, and what was read of them (from the cache or a job)."""

    def __init__(self, plan: Callable[[], list[IndexJob]], cache: ResultCache | None = None) -> None:
        self.plan = plan
        self.cache = cache
        self._read: dict[str, FileResult] = {}
        self.warnings: list[str] = []
        self.accepted = 0  # the results of jobs taken so far (what `add_to` puts in a project changes with them)

    @cached_property
    def jobs(self) -> list[IndexJob]:
        """The files to read, found by walking the projects when first asked for (see the module's docstring)."""
        return self.plan()

    def pending(self) -> list[IndexJob]:
        """The jobs still to run: the cached files' facts are taken now."""
        todo = []
        for job in self.jobs:
            if job.kind == "registered":
                continue
            hit = None if self.cache is None else self.cache.indexed_facts(
                job.source_file, job.kind, SOURCE_FACT_KEYS if job.kind == "source" else (),
                tuple(key for key, _ in job.readers), task=job)
            if hit is None:
                todo.append(job)
            else:
                self._read[job.display] = hit
        return todo

    def accept(self, job: IndexJob, result: FileResult) -> None:
        """A job's result; one whose worker crashed, overran or ran out of memory becomes a warning."""
        self.accepted += 1
        self.warnings.extend(f"{error.path}: not read for the project rules: {error.message}" for error in result.errors)
        if result.digest and not result.errors:
            if self.cache is not None:
                self.cache.store_indexed_facts(job.source_file, job.kind, result)
            self._read[job.display] = result

    def read_here(self, jobs: Iterable[IndexJob]) -> None:
        """Run the jobs in this process (no worker pool runs: nothing else to check, or a merge of reports)."""
        for job in jobs:
            self.accept(job, job.read())

    def add_to(self, project: Project) -> None:
        """Put every file that was read into the project, keyed as a checked file is (`IndexJob.display`)."""
        for job in self.jobs:
            key = job.display
            facts = {}
            if job.kind == "registered":
                project.fingerprints[key] = REGISTERED
            else:
                result = self._read.get(key)
                if result is None:
                    continue
                facts = result.facts
                project.fingerprints[key] = self._fingerprint(job, result)
            project.files[key] = FileResult(key, facts=facts)
            if job.kind != "source":
                project.test_files.add(key)
            project.relative[key] = job.source_file.relative

    def _fingerprint(self, job: IndexJob, result: FileResult) -> str:
        if self.cache is not None and job.display in self.cache.fingerprints:
            return self.cache.fingerprints[job.display]
        return f"source:{result.digest}" if job.kind == "source" else result.digest


def plan_index(pipeline: Pipeline, checked: set[str], *, walked: Sequence[Path] = (),
               cache: ResultCache | None = None) -> FileIndex | None:
    """The files to index beside the `checked` ones (their paths), or None when no project rule is enabled.

    Test files are read for their references only if a project rule reads them (else they are only
    registered); source files only if one follows the tests through them. Folders inside a `walked` one are
    not walked again: every file in them was checked. The walk itself waits for the first `jobs`/`pending` call.
    """
    rules = pipeline.project_rules()
    if not rules:
        return None
    parse = any(rule.reads_unchecked_test_facts for rule, _ in rules)
    sources = any(rule.reads_unchecked_source_facts for rule, _ in rules)
    readers = tuple(sorted({pair for rule, _ in rules for pair in rule.index_readers}))
    settings = pipeline.settings

    def planned() -> list[IndexJob]:
        jobs = []
        for source_file in _unchecked_files(settings, checked, walked):
            if is_test_file(source_file.relative, settings.test_paths, settings.root):
                jobs.append(IndexJob(source_file, "test" if parse else "registered"))
            elif sources:
                jobs.append(IndexJob(source_file, "source", readers))
        return jobs

    return FileIndex(planned, cache)


def _unchecked_files(settings: Settings, checked: set[str], walked: Sequence[Path]) -> list[SourceFile]:
    """The Python files of the run's projects that were not checked, in discovery order."""
    root = Path(settings.root)
    done = [folder.resolve() for folder in walked]
    tops = [top for top in _outermost({_indexed_root(root, settings, checked), *project_roots(checked)})
            if not any(top.is_relative_to(folder) for folder in done)]
    try:
        found = [f for top in tops for f in discover([str(top)], root, exclude=settings.exclude,
                                                     extend_exclude=settings.extend_exclude,
                                                     skip_folders={str(folder) for folder in done})]
    except (OSError, UsageError):
        return []
    return [f for f in found if f.path not in checked and f.path.endswith(".py")]


def _indexed_root(root: Path, settings: Settings, checked: set[str]) -> Path:
    """The folder walked for tests besides the checked files' projects: the run's root, unless no config was found
    and no project marks its top there (a project file, a repository): then that root is just the current folder
    (a home folder or `/tmp`, where reading everything took minutes), and only the checked files' folder is walked."""
    root = root.resolve()
    if not settings.root_is_cwd or (root / ".git").exists() or holds_project_file(root):
        return root
    if not checked:
        return root
    return Path(os.path.commonpath([os.path.dirname(os.path.abspath(path)) for path in checked])).resolve()


def _outermost(folders: set[Path]) -> list[Path]:
    """The folders that are not inside another of them (a project above the run's root holds that root)."""
    return sorted(f for f in folders if not any(f != other and f.is_relative_to(other) for other in folders))
