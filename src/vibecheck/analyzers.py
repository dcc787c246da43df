"""External analyzers (bandit today): other tools whose checks run inside vibecheck on the same file.

An analyzer declares its codes (selectable, suppressible and validated like vibecheck's own), reads its
options from the settings, checks one `SourceUnit` (sharing its decoded text and `ast`), and says which of
its findings block the build. The pipeline, selection and the CLI know analyzers only through this
interface, never by name; `ANALYZER_MODULES` lists the modules that provide one (as `ANALYZER`).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from vibecheck.model import EngineError, Finding

if TYPE_CHECKING:
    from vibecheck.source import SourceUnit

# Modules that provide an analyzer; one whose tool is not installed is skipped.
ANALYZER_MODULES = ("vibecheck.integrations.bandit_analyzer",)


@dataclass(frozen=True)
class ExternalCode:
    """A check that another tool runs on vibecheck's behalf (bandit's `B602`), with what a table needs."""

    code: str
    name: str
    summary: str
    tool: str
    default_enabled: bool = True
    severity: str | None = None
    cwe: tuple[int, ...] = ()
    help_uri: str | None = None
    hint: str | None = None
    docs: str = ""


class Analyzer(Protocol):
    """What the pipeline needs from an external tool."""

    name: str  # the tool: the `source` of its findings and the name `--no-<name>`-style switches use
    prefix: str  # every code of the tool starts with it (`B`), so `--select B` works before codes load

    def codes(self) -> Iterable[ExternalCode]:
        """Every code the tool can report."""

    def load(self) -> None:
        """Import the tool now (before worker processes fork, so they share it)."""

    def fingerprint(self) -> str:
        """What the tool's code table is read from (its version, its plugins): `vibecheck.manifest` saves the table."""

    def is_enabled(self, settings: Any) -> bool:
        """False when the settings switch the whole tool off."""

    def check(self, unit: SourceUnit, enabled: Collection[str], settings: Any) -> tuple[list[Finding], list[EngineError]]:
        """The tool's findings for the enabled codes on one file that parsed; never raises for a bad file."""

    def blocks_build(self, finding: Finding, settings: Any) -> bool:
        """Whether this finding of the tool may fail the run (at or above `--fail-on`)."""


_LOADED: list[Analyzer] | None = None


def analyzers() -> list[Analyzer]:
    """The installed analyzers, loaded once per process."""
    global _LOADED
    if _LOADED is None:
        loaded = []
        for module in ANALYZER_MODULES:
            try:
                loaded.append(importlib.import_module(module).ANALYZER)
            except ModuleNotFoundError as exc:
                if exc.name is None or not module.startswith(exc.name):
                    raise
        _LOADED = loaded
    return _LOADED


def analyzer_for(finding: Finding) -> Analyzer | None:
    return next((a for a in analyzers() if a.name == finding.source), None)


def blocks_build(finding: Finding, settings: Any) -> bool:
    """Whether a finding may fail the run: vibecheck's always; an analyzer's when that analyzer says so."""
    analyzer = analyzer_for(finding)
    return analyzer is None or analyzer.blocks_build(finding, settings)


def fails_build_for(settings: Any) -> Callable[[Finding], bool]:
    """Whether one finding, on its own, makes the run exit 1: at or above `fail-on`, and allowed to block."""
    rank = settings.fail_on.rank
    return lambda finding: finding.severity.rank >= rank and blocks_build(finding, settings)
