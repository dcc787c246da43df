"""Plain, picklable data that travels from the worker processes to the reporters.

Nothing here imports libcst: reporters, the cache and plugins depend on this module only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How bad a finding is; ordered, so `--fail-on` can compare."""

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)


_SEVERITY_ORDER = [Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH]


class Confidence(str, Enum):
    """How sure the rule is that the finding is real."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Category(str, Enum):
    """The rule families of DESIGN.md; the hundreds digit of a VC code names one."""

    ENGINE = "engine"
    ERROR_HANDLING = "error-handling"
    AUTH = "auth"
    TESTS = "tests"
    SECURITY = "security"
    AGENT_ARTEFACTS = "agent-artefacts"
    SUPPRESSION = "suppression"


@dataclass(frozen=True, order=True)
class Position:
    """A place in a file: line and column both start at 1.

    Smaller values (a plugin's off-by-one, a tool counting from 0) are raised to 1 here, where every
    finding passes, so no reporter writes a line 0 that makes SARIF invalid or an editor jump nowhere.
    """

    line: int
    column: int

    def __post_init__(self) -> None:
        if self.line < 1:
            object.__setattr__(self, "line", 1)
        if self.column < 1:
            object.__setattr__(self, "column", 1)


@dataclass(frozen=True)
class Location:
    """A range in a file; an end before the start is moved to the start."""

    path: str
    start: Position
    end: Position

    def __post_init__(self) -> None:
        if self.end < self.start:
            object.__setattr__(self, "end", self.start)


@dataclass(frozen=True)
class Edit:
    """Replace the text between two positions (end exclusive) with `content`."""

    start: Position
    end: Position
    content: str


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """One problem at one place, with everything a reporter or an agent needs to act on it."""

    code: str
    name: str
    message: str
    location: Location
    severity: Severity
    confidence: Confidence
    category: Category
    hint: str | None = None
    cwe: tuple[int, ...] = ()
    fix: Fix | None = None
    source: str = "vibecheck"
    help_uri: str | None = None
    line_text: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.path, self.location.start.line, self.location.start.column, self.code)


@dataclass(frozen=True)
class EngineError:
    """A check that did not run: a crashing rule, an unreadable file, a failing plugin."""

    path: str
    message: str
    rule: str | None = None


@dataclass
class FileResult:
    """What one worker returns for one file: its findings before the filter stage, and what the filter needs."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[EngineError] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)
    fixed_source: str | None = None
    fixes_applied: int = 0  # fixes that went in (written, or only shown with `diff`)
    diff: str | None = None  # with `--diff`: the unified diff of the fixes, which were not written
    suppressions: tuple[Any, ...] = ()  # the file's `vibecheck.suppression.Suppression` comments, parsed once
    warnings: list[str] = field(default_factory=list)
    digest: str = ""  # hash of the bytes that were checked: the cache stores the result under it


@dataclass
class Report:
    """The whole run: sorted findings, the errors, how many files were checked, and notes for stderr.

    `warnings` are one-line notes (a file skipped for safety, a fix not written), never findings.
    `baselined` are the findings a baseline accepted (not reported, not failing); None when no baseline applied.
    """

    findings: list[Finding] = field(default_factory=list)
    errors: list[EngineError] = field(default_factory=list)
    files_checked: int = 0
    fixed_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    baselined: list[Finding] | None = None
    fixes_applied: int = 0
    diffs: dict[str, str] = field(default_factory=dict)  # path -> unified diff, with `--diff`

    def sort(self) -> None:
        self.findings.sort(key=lambda f: f.sort_key)
        self.errors.sort(key=lambda e: (e.path, e.rule or "", e.message))
        self.fixed_files.sort()
        self.diffs = dict(sorted(self.diffs.items()))
