"""Apply text edits and write fixed files: atomically, and only when the result still parses."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import libcst as cst

from vibecheck.model import Edit, Finding, Position


def _offsets(source: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(source):
        if char == "\n":
            starts.append(index + 1)
    return starts


def _offset(line_starts: list[int], position: Position) -> int:
    return line_starts[position.line - 1] + position.column - 1


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (an edit overlapping an earlier one is skipped)."""
    line_starts = _offsets(source)
    spans = sorted((_offset(line_starts, e.start), _offset(line_starts, e.end), e.content) for e in edits)
    pieces: list[str] = []
    cursor = 0
    for start, end, content in spans:
        if start < cursor:
            continue
        pieces.append(source[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces)


def fixed_source(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str | None:
    """The source with the findings' fixes applied, or None when nothing changes or the result does not parse."""
    edits = [edit for f in findings if f.fix and (f.fix.safe or unsafe) for edit in f.fix.edits]
    if not edits:
        return None
    result = apply_edits(source, edits)
    if result == source:
        return None
    try:
        cst.parse_module(result)
    except cst.ParserSyntaxError:
        return None
    return result


def write_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Replace `path` in one step, keeping its permission bits, so a crash never leaves half a file."""
    mode = path.stat().st_mode
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".vibecheck")
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as temp:
            temp.write(text)
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
