"""Findings that a fact of another file may clear, reported in the project phase unless one does.

A per-file rule that cannot decide in its file (`yaml.load(data, Loader=AppLoader)`, with `AppLoader` imported from
another module of the project) reports with `unless=(kind, subject)`. When a project phase will run, the engine keeps
such a finding in the file's facts (`facts.CONDITIONAL_FINDINGS`) and `kept_findings` gives it back there unless the
check of its kind, on the whole project's facts, clears the subject; without a project phase it is reported at once,
as a guardrail keeps what it cannot clear. The checks are data: kind -> function of the project's class index, the
finding's module and the subject.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from typing import Any

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.analysis.yaml_loaders import is_safe_project_loader
from vibecheck.facts import CONDITIONAL_FINDINGS
from vibecheck.model import Finding

SAFE_YAML_LOADER = "safe-yaml-loader"
CLEARS: dict[str, Callable[[ClassIndex, str, str], bool]] = {SAFE_YAML_LOADER: is_safe_project_loader}


def kept_findings(project: Any) -> Iterator[Finding]:
    """The conditional findings of the project's files that no check of their kind clears."""
    index = functools.cache(lambda: ClassIndex(project))  # built only if some file holds such a finding
    for path, conditional in project.facts(CONDITIONAL_FINDINGS):
        module = module_name(project.relative_path(path))
        for kind, subject, finding in conditional:
            clears = CLEARS.get(kind)
            if clears is None or not clears(index(), module, subject):
                yield finding
