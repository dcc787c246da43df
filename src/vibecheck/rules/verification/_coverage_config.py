"""What the project's coverage.py configuration leaves out of its tests: `omit` files and `exclude_lines` blocks.

A project that tells coverage.py to skip a file (`[tool.coverage.run] omit`) or a block
(`[tool.coverage.report] exclude_lines`, `exclude_also`) has said that no test is meant to run it, exactly as
a `# pragma: no cover` comment says for one block. coverage.py reads the first of `.coveragerc`, `setup.cfg`
(`[coverage:run]`), `tox.ini` and `pyproject.toml` (`[tool.coverage.run]`) that holds its settings; so do we.
An `exclude_lines` pattern that matches a `def` or `class` line (or a decorator's) leaves the whole block out,
as coverage.py does. A pattern that is no valid regular expression is ignored, as it would fail coverage.py.
"""

from __future__ import annotations

import configparser
import fnmatch
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vibecheck.analysis.dependencies import DEPENDENCY_FILE_LIMIT, read_project_toml
from vibecheck.safe_files import read_regular_text

if TYPE_CHECKING:
    from vibecheck.rules.verification._reach import Definition

# (file, prefix of its coverage sections): `[run]` in `.coveragerc`, `[coverage:run]` in `setup.cfg` and `tox.ini`.
INI_FILES = ((".coveragerc", ""), ("setup.cfg", "coverage:"), ("tox.ini", "coverage:"))
EXCLUDE_KEYS = ("exclude_lines", "exclude_also")


@dataclass(frozen=True)
class CoverageConfig:
    """The file patterns coverage.py omits and the line patterns it excludes."""

    omit: tuple[str, ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()

    def omits(self, relative: str) -> bool:
        """A file coverage.py does not measure: `src/pkg/legacy/*` from the root, `*/generated.py` anywhere."""
        path = relative.replace("\\", "/")
        return any(fnmatch.fnmatch(path, pattern.removeprefix("./")) for pattern in self.omit)

    def excludes(self, text: str, decorators: Iterable[str] = ()) -> bool:
        """A `def`/`class` line (or one of its decorators, read as `@name`) that an exclude pattern matches."""
        lines = (text, *(f"@{d}" for d in decorators))
        return any(pattern.search(line) for pattern in self.exclude for line in lines)


def coverage_config(root: Path | str) -> CoverageConfig:
    """The coverage settings of the project at `root`, from the first file that holds them."""
    for name, prefix in INI_FILES:
        sections = _ini_sections(Path(root) / name, prefix)
        if sections is not None:
            return _config(sections.get("run", {}).get("omit", ""), sections.get("report", {}), ini=True)
    table = _pyproject_table(Path(root) / "pyproject.toml")
    run, report = table.get("run", {}), table.get("report", {})
    return _config(run.get("omit", ()) if isinstance(run, dict) else (),
                   report if isinstance(report, dict) else {}, ini=False)


def coverage_config_inputs(project: Any, options: Any) -> str:
    """What `coverage_config` reads (a `ProjectRule.cache_inputs`): its settings, so editing them re-runs the rule."""
    return repr(coverage_config(project.root))


def _config(omit: Any, report: dict[str, Any], *, ini: bool) -> CoverageConfig:
    patterns: list[str] = []
    for key in EXCLUDE_KEYS:
        patterns.extend(_lines(report.get(key, ()), ini, commas=False))
    return CoverageConfig(tuple(_lines(omit, ini, commas=True)), tuple(_compiled(patterns)))


def _lines(value: Any, ini: bool, *, commas: bool) -> list[str]:
    """A list setting: a TOML list, or an INI value of one item per line (file lists may also use commas)."""
    if not ini:
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else []
    if not isinstance(value, str):
        return []
    items = value.replace(",", "\n").splitlines() if commas else value.splitlines()
    return [item.strip() for item in items if item.strip()]


def _compiled(patterns: Iterable[str]) -> Iterable[re.Pattern[str]]:
    for pattern in patterns:
        try:
            yield re.compile(pattern)
        except re.error:
            continue


def _ini_sections(path: Path, prefix: str) -> dict[str, dict[str, str]] | None:
    """The coverage sections of an INI file by their short name (`run`, `report`); None when it has none."""
    text = _config_text(path)
    if text is None:
        return None
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    sections = {name[len(prefix):]: dict(parser.items(name)) for name in parser.sections() if name.startswith(prefix)}
    if prefix == "" and path.name == ".coveragerc":
        return sections  # coverage.py reads `.coveragerc` whenever it exists
    return sections or None


def _pyproject_table(path: Path) -> dict[str, Any]:
    data = read_project_toml(path)
    table = data.get("tool", {}).get("coverage", {}) if isinstance(data.get("tool"), dict) else {}
    return table if isinstance(table, dict) else {}


def _config_text(path: Path) -> str | None:
    """A configuration file's text, read as the project's dependency files are: a regular file only (not a link
    to a device or a pipe), at most `DEPENDENCY_FILE_LIMIT` bytes, as UTF-8; None when it cannot be read so."""
    try:
        return read_regular_text(path, DEPENDENCY_FILE_LIMIT)
    except OSError:
        return None


def excluded_from_coverage(definitions: Iterable[Definition], coverage: CoverageConfig) -> frozenset[str]:
    """The qualified names marked `# pragma: no cover`, or whose `def`/`class` line or decorator matches the
    configuration's `exclude_lines`: the project leaves them out of its tests on purpose."""
    return frozenset(d.qualname for d in definitions
                     if "no_cover" in d.flags or (coverage.exclude and coverage.excludes(d.text, d.decorators)))


def inside(qualname: str, excluded: frozenset[str]) -> bool:
    """`qualname` is excluded, or is a method of an excluded class (coverage.py leaves out the whole block)."""
    if not excluded:  # most modules exclude nothing: asked of every definition
        return False
    parts = qualname.split(".")
    return any(".".join(parts[:end]) in excluded for end in range(1, len(parts) + 1))
