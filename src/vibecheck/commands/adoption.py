"""How `check` adopts an existing project: a baseline of accepted findings, and changed lines only.

The options are grouped here (one decorator on `check`) and turned into the pipeline's post-filters: the
changed-lines filter first, then the baseline matcher, whose stale entries become warnings after the run.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from vibecheck.baseline import BaselineMatcher, baseline_location, decode_or_none, load_baseline, stale_warnings
from vibecheck.changed_lines import ChangedLines, changed_lines
from vibecheck.config import Settings
from vibecheck.discovery import SourceFile
from vibecheck.errors import UsageError
from vibecheck.model import Report
from vibecheck.pipeline import FindingFilter, settings_selection
from vibecheck.registry import Registry

OPTIONS = (
    click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
                 help="Report only findings not in this baseline (default: `.vibecheck-baseline.json` at the project "
                      "root, when it exists; write it with `vibecheck baseline`)."),
    click.option("--no-baseline", is_flag=True, help="Report every finding, also those in the baseline."),
    click.option("--since", metavar="REF",
                 help="Report only findings on lines added or changed since the git revision REF (and in untracked "
                      "files); only changed files are checked, project rules still see the whole tree."),
    click.option("--staged", is_flag=True, help="Like --since, for the changes staged in git's index (pre-commit)."),
)


@dataclass(frozen=True)
class AdoptionOptions:
    baseline_file: str | None = None
    no_baseline: bool = False
    since: str | None = None
    staged: bool = False


def adoption_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the grouped options to a click command, passed to it as one `adoption: AdoptionOptions`."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        adoption = AdoptionOptions(kwargs.pop("baseline_file"), kwargs.pop("no_baseline"), kwargs.pop("since"),
                                   kwargs.pop("staged"))
        return command(*args, adoption=adoption, **kwargs)

    for option in reversed(OPTIONS):
        wrapper = option(wrapper)
    return wrapper


@dataclass
class Adoption:
    """The post-filters one run uses, and what to add to its report afterwards."""

    filters: list[FindingFilter] = field(default_factory=list)
    only: Callable[[SourceFile], bool] | None = None
    matcher: BaselineMatcher | None = None
    baseline_path: Path | None = None
    nothing_changed: str | None = None  # what to say when no file is left to check

    def filter_source(self, report: Report, path: str, data: bytes) -> None:
        """A file read from stdin meets the baseline as the file at `path` would (the text is the one checked)."""
        if self.matcher is None:
            return
        text = decode_or_none(data)
        self.matcher.read_text = lambda _: text
        report.findings = self.matcher(path, report.findings)

    def finish(self, report: Report) -> None:
        """Record the baselined findings and warn about stale entries."""
        if self.matcher is None or self.baseline_path is None:
            return
        report.baselined = self.matcher.baselined
        report.warnings.extend(stale_warnings(self.matcher.stale(), self.baseline_path))


def prepare(options: AdoptionOptions, settings: Settings, registry: Registry, *, stdin: bool) -> Adoption:
    """Load the baseline and ask git for the changed lines, as the options say; errors are `VibecheckError`s."""
    if options.since is not None and options.staged:
        raise UsageError("--since and --staged cannot be combined; --staged compares the index with HEAD")
    if options.baseline_file is not None and options.no_baseline:
        raise UsageError("--baseline and --no-baseline cannot be combined")
    if stdin and (options.since is not None or options.staged):
        raise UsageError("--since and --staged select changed files; they cannot check stdin")
    adoption = Adoption()
    root = Path(settings.root)
    if options.since is not None or options.staged:
        changed: ChangedLines = changed_lines(root, since=options.since, staged=options.staged)
        adoption.filters.append(changed)
        adoption.only = lambda source_file: changed.covers(source_file.path)
        adoption.nothing_changed = ("no staged Python file to check" if options.staged
                                    else f"no Python file changed since `{options.since}`")
    if options.no_baseline:
        return adoption
    path, named = baseline_location(root, settings.baseline, options.baseline_file)
    if not named and not path.is_file():
        return adoption
    selection = settings_selection(settings, registry)
    adoption.matcher = BaselineMatcher(load_baseline(path), path.parent,
                                       is_enabled=lambda where, code: code in selection.enabled_for(where))
    adoption.baseline_path = path
    adoption.filters.append(adoption.matcher)
    return adoption
