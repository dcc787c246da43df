"""The library entry points; the command line is a thin shell over these two functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from vibecheck.config import Settings
from vibecheck.discovery import discover, is_test_file, relative_posix
from vibecheck.model import Report
from vibecheck.project import Project
from vibecheck.registry import Registry, load_registry
from vibecheck.runner import Checker, project_phase, run


def check_paths(paths: Sequence[str], settings: Settings | None = None, *, registry: Registry | None = None,
                progress: Callable[[int], None] | None = None,
                on_files: Callable[[int], None] | None = None) -> Report:
    """Check every Python file under `paths` (files named explicitly even when excluded, unless `force_exclude`)."""
    settings = settings or Settings(root=str(Path.cwd()))
    root = Path(settings.root)
    excludes = settings.exclude
    files = list(discover(paths or ["."], root, exclude=excludes, extend_exclude=settings.extend_exclude,
                          force_exclude=settings.force_exclude))
    if on_files is not None:
        on_files(len(files))
    return run(files, settings, registry=registry, progress=progress)


def check_source(source: str | bytes, path: str = "<stdin>", settings: Settings | None = None, *,
                 registry: Registry | None = None) -> Report:
    """Check one file's text as if it lived at `path` (for editors and `--stdin-filename`)."""
    settings = settings or Settings(root=str(Path.cwd()))
    checker = Checker(replace(settings, fix=False), registry or load_registry())
    data = source.encode("utf-8") if isinstance(source, str) else source
    relative = relative_posix(Path(path).resolve(), Path(settings.root).resolve()) if path != "<stdin>" else path
    result = checker.check_bytes(path, relative, data)
    report = Report(findings=list(result.findings), errors=list(result.errors), files_checked=1)
    project = Project(root=Path(settings.root), config=dict(settings.raw))
    project.files[path] = result
    if is_test_file(relative, settings.test_paths):
        project.test_files.add(path)
    project_phase(checker, project, report, {path: relative})
    report.sort()
    return report
