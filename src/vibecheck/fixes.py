"""Apply text edits and write fixed files: atomically, only when the result still parses, never blindly.

Edits are placed with the parser's line model (`vibecheck.lines`), so a lone CR, a form feed or U+2028
cannot move them. Writing goes through a symlink to its target, keeps hard links, ownership and mode,
refuses read-only files, and never overwrites a file that changed since it was read.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

import libcst as cst

from vibecheck.lines import line_starts
from vibecheck.model import Edit, Finding, Position


def _offset(starts: list[int], size: int, position: Position) -> int | None:
    """The offset of a 1-based (line, column), or None when it is not inside the text."""
    if not 1 <= position.line <= len(starts) or position.column < 1:
        return None
    offset = starts[position.line - 1] + position.column - 1
    line_end = starts[position.line] if position.line < len(starts) else size
    return offset if offset <= line_end else None


def apply_edits(source: str, edits: Iterable[Edit]) -> str:
    """Apply non-overlapping edits (an edit overlapping an earlier one, or outside the text, is skipped)."""
    starts = line_starts(source)
    spans = []
    for edit in edits:
        start, end = _offset(starts, len(source), edit.start), _offset(starts, len(source), edit.end)
        if start is not None and end is not None and start <= end:
            spans.append((start, end, edit.content))
    pieces: list[str] = []
    cursor = 0
    for start, end, content in sorted(spans):
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


def write_fix(path: Path, expected: bytes, text: str, encoding: str = "utf-8") -> str | None:
    """Write the fixed `text` over `path`, which must still hold `expected`; None, or why nothing was written.

    A symlink is written through to its target. A hard-linked file (or one whose owner cannot be kept
    on a new file) is rewritten in place, so every link and the owner see the fix; any other file is
    replaced in one step (a temporary file with the same mode and owner, then a rename), so a crash
    never leaves half a file.
    """
    target = Path(os.path.realpath(path))
    try:
        data = text.encode(encoding)
        info = target.stat()
    except UnicodeEncodeError:
        return f"the fixed text cannot be written in the file's encoding ({encoding})"
    except OSError as exc:
        return f"cannot read the file again: {exc.strerror}"
    if not stat.S_ISREG(info.st_mode):
        return "it is no longer a regular file"
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        return "the file is read-only; make it writable to let --fix change it"
    try:
        if info.st_nlink > 1:
            return _rewrite_in_place(target, expected, data)
        return _replace(target, expected, data, info)
    except OSError as exc:
        return f"cannot write the file: {exc.strerror}"


_CHANGED = "the file changed while vibecheck was checking it; run vibecheck again"


def _rewrite_in_place(target: Path, expected: bytes, data: bytes) -> str | None:
    with open(target, "r+b") as handle:
        if handle.read() != expected:
            return _CHANGED
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())
    return None


def _replace(target: Path, expected: bytes, data: bytes, info: os.stat_result) -> str | None:
    handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".vibecheck")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fchmod(temp.fileno(), stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(temp.fileno(), info.st_uid, info.st_gid)
                except PermissionError:  # a new file would change the owner: rewrite the old one instead
                    Path(temp_name).unlink()
                    return _rewrite_in_place(target, expected, data)
        if target.read_bytes() != expected:
            Path(temp_name).unlink()
            return _CHANGED
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return None
