"""Which evidence the untested-code rules judge by: a fresh coverage run when there is one, else static reach.

Coverage data counts only while it is newer than every source file it measured: a file edited after the
run has lines the data knows nothing about, so judging it by that data would report the wrong lines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vibecheck.analysis.coverage_data import CoverageDataError, ExecutedLines, find_coverage_file, load_executed_lines

if TYPE_CHECKING:  # a type only: `coverage_inputs` is a cache input, read on warm runs that import no libcst
    from vibecheck.rules.verification._reach import ProjectIndex


@dataclass(frozen=True)
class Evidence:
    """The executed lines of a fresh coverage run (None in static mode), and the mode as the message says it."""

    executed: ExecutedLines | None
    mode: str


def coverage_inputs(project: Any, options: Any) -> str:
    """What the coverage mode reads beyond the facts (a `ProjectRule.cache_inputs`): the data file's size and
    time, and the times of the sources it is compared with; nothing when the rule does not use coverage."""
    if not getattr(options, "use_coverage", True):
        return ""
    root = Path(project.root).resolve()
    try:
        data_file = find_coverage_file(root, getattr(options, "coverage_file", ""))
    except CoverageDataError as exc:
        return f"error: {exc}"
    if data_file is None:
        return ""
    stamps = [(str(data_file), _stamp(data_file))]
    stamps.extend((path, _stamp(project.absolute_path(path))) for path in sorted(project.files))
    return repr(stamps)


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1, 0)
    return (info.st_size, info.st_mtime_ns)


def judge_by(index: ProjectIndex, *, use_coverage: bool, coverage_file: str) -> Evidence:
    """Coverage mode when usable data exists and is fresh; static mode otherwise, saying why."""
    cache_key = (use_coverage, coverage_file)
    cached = index.evidence.get(cache_key)
    if cached is not None:
        return cached
    evidence = _judge_by(index, use_coverage=use_coverage, coverage_file=coverage_file)
    index.evidence[cache_key] = evidence
    return evidence


def _judge_by(index: ProjectIndex, *, use_coverage: bool, coverage_file: str) -> Evidence:
    if not use_coverage:
        return Evidence(None, "static mode: coverage data switched off")
    data_file = find_coverage_file(index.layout.root, coverage_file)
    if data_file is None:
        return Evidence(None, "static mode: no coverage data found")
    executed = load_executed_lines(data_file)
    measured = [m for m in index.modules.values() if executed.lines_for(m.relative) is not None]
    if not measured:
        raise CoverageDataError(f"the coverage data `{data_file}` has no data for any source file of this project; "
                                "regenerate it, or set `use-coverage = false`")
    recorded = data_file.stat().st_mtime
    newer = [m.relative for m in measured if _modified(index.layout.absolute(m.relative)) > recorded]
    if newer:
        return Evidence(None, f"static mode: `{data_file.name}` is older than `{min(newer)}`")
    return Evidence(executed, f"coverage mode, from `{data_file.name}`")


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
