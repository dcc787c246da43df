"""The library entry points; the command line is a thin shell over these two functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from vibecheck.config import Settings
from vibecheck.discovery import SourceFile, discover, is_excluded, relative_posix
from vibecheck.model import FileResult, Report
from vibecheck.pipeline import FindingFilter
from vibecheck.registry import Registry, load_registry
from vibecheck.run_start import start_run
from vibecheck.runner import Checker, check_one, collect, run
from vibecheck.shards import Shard


def check_paths(paths: Sequence[str], settings: Settings | None = None, *, registry: Registry | None = None,
                progress: Callable[[int], None] | None = None,
                on_files: Callable[[int], None] | None = None, post_filters: Sequence[FindingFilter] = (),
                only: Callable[[SourceFile], bool] | None = None, shard: Shard | None = None,
                shard_results: list[FileResult] | None = None) -> Report:
    """Check every Python file under `paths` (files named explicitly even when excluded, unless `force_exclude`).

    `post_filters` run last in the filter stage (a baseline, changed lines). With `only`, just the files it
    accepts are checked (changed-lines mode), while the project rules still index the rest of the tree.
    With `shard`, only that shard's files are checked, without the project phase, and each file's result
    (before filtering) is appended to `shard_results` for `vibecheck merge`.
    """
    settings = settings or Settings(root=str(Path.cwd()))
    start_run()  # the tree as it is now, for a long-lived caller (an editor, the server's child)
    root = Path(settings.root)
    targets = list(paths or ["."])
    skipped: list[str] = []
    files = list(discover(targets, root, exclude=settings.exclude, extend_exclude=settings.extend_exclude,
                          force_exclude=settings.force_exclude, skipped=skipped))
    if only is not None:
        files = [f for f in files if only(f)]
    if shard is not None:
        files = [f for f in files if shard.holds(f.relative)]
    if on_files is not None:
        on_files(len(files))
    # discovery walked these and checked every file in them: no second walk for the project rules
    walked = [Path(p) for p in targets if Path(p).is_dir()] if only is None else []
    report = run(files, settings, registry=registry, progress=progress, walked=walked, post_filters=post_filters,
                 keep=shard_results)
    report.warnings[:0] = [*settings.config_warnings, *skipped]
    return report


def check_source(source: str | bytes, path: str = "<stdin>", settings: Settings | None = None, *,
                 registry: Registry | None = None) -> Report:
    """Check one file's text as if it lived at `path` (for editors and `--stdin-filename`).

    Like `check_paths`, the text is checked in a worker process under the per-file time and memory limits, so a
    looping, exiting or crashing rule costs an `EngineError`, not the caller; `isolate=False` checks it in this
    process (faster for many small calls, with no such protection). With `force_exclude`, a `path` that the
    excludes cover is not checked (an empty report).
    """
    settings = settings or Settings(root=str(Path.cwd()))
    start_run()
    checker = Checker(replace(settings, fix=False), registry or load_registry())
    data = source.encode("utf-8") if isinstance(source, str) else source
    relative = relative_posix(Path(path).resolve(), Path(settings.root).resolve()) if path != "<stdin>" else path
    if settings.force_exclude and is_excluded(relative, settings.exclude, settings.extend_exclude):
        return Report()
    result = check_one(checker, SourceFile(path, path, relative), data)
    report = collect(checker, [result], {path: relative})
    report.warnings[:0] = settings.config_warnings
    return report
