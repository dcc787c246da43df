"""The project phase: rules that need every file's facts at once (untested code, undeclared imports).

Per-file rules emit facts into `RuleContext.facts` during the one walk; the runner merges the files'
results into a `Project` and runs each enabled `ProjectRule` on it, isolating crashes as the engine does.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vibecheck.model import EngineError, FileResult, Finding
from vibecheck.rule import ProjectRule


@dataclass
class Project:
    """Everything a project rule may look at: the root, the files' results and facts, the raw config."""

    root: Path
    files: dict[str, FileResult] = field(default_factory=dict)
    test_files: set[str] = field(default_factory=set)
    config: dict[str, Any] = field(default_factory=dict)
    relative: dict[str, str] = field(default_factory=dict)

    def relative_path(self, path: str) -> str:
        """A file's path relative to `root` (keys of `files` are paths as reported, maybe relative to the cwd)."""
        return self.relative.get(path, path)

    def facts(self, key: str) -> Iterator[tuple[str, Any]]:
        """Each file's value for one fact key, in path order."""
        for path in sorted(self.files):
            value = self.files[path].facts.get(key)
            if value is not None:
                yield path, value


def run_project_rules(
    project: Project, rules: Sequence[tuple[type[ProjectRule], Any]]
) -> tuple[list[Finding], list[EngineError]]:
    """Run every project rule; one that raises becomes an engine error and the others still run."""
    findings: list[Finding] = []
    errors: list[EngineError] = []
    for rule_cls, options in rules:
        try:
            findings.extend(rule_cls(options).check_project(project))
        except Exception as exc:  # a project rule bug must not hide the other rules' findings
            message = f"project rule crashed: {type(exc).__name__}: {exc}"
            errors.append(EngineError(str(project.root), message, rule=rule_cls.code))
    return findings, errors
