"""Executed lines from a coverage run: coverage.py's `.coverage` data file, `coverage.json` or `coverage.xml`.

`coverage` is an optional dependency: it is imported only to read a `.coverage` data file, and its
absence is reported as an error that says what to install. The JSON and XML reports need nothing.
Paths recorded in the data (often absolute, maybe from another machine) are matched to the project's
files by their longest common path suffix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

AUTO_FOUND = (".coverage", "coverage.json", "coverage.xml")


class CoverageDataError(Exception):
    """The coverage data cannot be read (missing package, broken file, data for other files)."""


@dataclass
class ExecutedLines:
    """The lines each measured file executed, as recorded by one coverage run."""

    source: Path
    files: dict[str, frozenset[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_name: dict[str, list[str]] = {}
        for recorded in self.files:
            self._by_name.setdefault(recorded.rsplit("/", 1)[-1], []).append(recorded)

    def lines_for(self, relative_path: str) -> frozenset[int] | None:
        """Executed lines of a project file (path relative to the root), or None when it was not measured."""
        wanted = relative_path.replace("\\", "/").split("/")
        best, best_length = None, 0
        for recorded in self._by_name.get(wanted[-1], ()):
            parts = recorded.split("/")
            length = 0
            while length < min(len(parts), len(wanted)) and parts[-1 - length] == wanted[-1 - length]:
                length += 1
            if length > best_length:
                best, best_length = recorded, length
        return self.files[best] if best is not None else None


def find_coverage_file(root: Path, configured: str = "") -> Path | None:
    """The configured data file (relative to the root), else the first of `AUTO_FOUND` at the root."""
    if configured:
        path = Path(configured)
        path = path if path.is_absolute() else root / path
        if not path.exists():
            raise CoverageDataError(f"the configured coverage file `{configured}` does not exist")
        return path
    for name in AUTO_FOUND:
        if (root / name).is_file():
            return root / name
    return None


def load_executed_lines(path: Path) -> ExecutedLines:
    """Read any of the three formats, chosen by the file name."""
    try:
        if path.suffix == ".json":
            files = _from_json(path)
        elif path.suffix == ".xml":
            files = _from_xml(path)
        else:
            files = _from_data_file(path)
    except CoverageDataError:
        raise
    except Exception as exc:  # a corrupt or foreign file: say which and why, the run must not look green
        raise CoverageDataError(f"cannot read coverage data `{path}`: {type(exc).__name__}: {exc}") from exc
    return ExecutedLines(path, {p.replace("\\", "/"): frozenset(lines) for p, lines in files.items()})


def _from_json(path: Path) -> dict[str, list[int]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: entry.get("executed_lines", []) for name, entry in data["files"].items()}


def _from_xml(path: Path) -> dict[str, list[int]]:
    from xml.etree import ElementTree  # nosec B405 -- the project's own coverage report, not untrusted input

    tree = ElementTree.parse(path)  # nosec B314 -- the project's own coverage report, not untrusted input
    sources = [s.text.strip().replace("\\", "/") for s in tree.iter("source") if s.text and s.text.strip()]
    files: dict[str, list[int]] = {}
    for element in tree.iter("class"):
        name = (element.get("filename") or "").replace("\\", "/")
        if not name:
            continue
        if sources and not name.startswith("/"):
            name = f"{sources[0].rstrip('/')}/{name}"
        executed = files.setdefault(name, [])
        for line in element.iter("line"):
            if int(line.get("hits", "0")) > 0:
                executed.append(int(line.get("number", "0")))
    return files


def _from_data_file(path: Path) -> dict[str, list[int]]:
    try:
        import coverage
    except ImportError as exc:
        raise CoverageDataError(f"reading `{path.name}` needs the `coverage` package: `pip install coverage`, "
                                "or point the rule at a `coverage.json`/`coverage.xml` report") from exc
    data = coverage.CoverageData(basename=str(path))
    data.read()
    return {name: sorted(data.lines(name) or ()) for name in data.measured_files()}
