"""Findings that a fact of another file may clear, reported in the project phase unless one does.

A per-file rule that cannot decide in its file (`yaml.load(data, Loader=AppLoader)`, with `AppLoader` imported from
another module of the project) reports with `unless=(kind, subject)`. When a project phase will run, the engine keeps
such a finding in the file's facts (`facts.CONDITIONAL_FINDINGS`) and `kept_findings` gives it back there unless the
check of its kind, on the whole project's facts, clears the subject. A rule with its own `cleared` gives the run a
project phase whenever it is enabled (`Pipeline.runs_project_phase`), so that `--select` of it alone reports what a
full run does; a per-file run that no phase follows (the testing helpers) reports it at once, as a guardrail keeps
what it cannot clear. The check is the reporting rule's own (`Rule.cleared`), found by the
finding's code, so that this module, in the core, reads no analysis helper itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from vibecheck.facts import CONDITIONAL_FINDINGS
from vibecheck.model import Finding


def kept_findings(project: Any, rule_class: Callable[[str], Any]) -> Iterator[Finding]:
    """The conditional findings of the project's files that their rule (`rule_class(code)`) does not clear."""
    for path, conditional in project.facts(CONDITIONAL_FINDINGS):
        relative = project.relative_path(path)
        for kind, subject, finding in conditional:
            if not rule_class(finding.code).cleared(project, relative, kind, subject):
                yield finding
