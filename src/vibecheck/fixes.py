"""Apply text edits and write fixed files: atomically, only when the result still parses, never blindly.

Edits are placed with the parser's line model (`vibecheck.lines`), so a lone CR, a form feed or U+2028
cannot move them. Writing goes through a symlink to its target, keeps hard links, ownership and mode,
refuses read-only files, and never overwrites a file that changed since it was read.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import libcst as cst

from vibecheck.lines import line_starts
from vibecheck.model import Edit, Finding, Fix, Position

MAX_FIX_PASSES = 10  # a fix that keeps producing new fixable findings must not loop forever


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
        span = _span(starts, len(source), edit)
        if span is not None:
            spans.append(span)
    accepted: list[tuple[int, int, str]] = []
    cursor = 0
    for span in sorted(spans):
        if span[0] >= cursor:
            accepted.append(span)
            cursor = span[1]
    return _splice(source, accepted)


def _span(starts: list[int], size: int, edit: Edit) -> tuple[int, int, str] | None:
    start, end = _offset(starts, size, edit.start), _offset(starts, size, edit.end)
    if start is None or end is None or start > end:
        return None
    return start, end, edit.content


def _splice(source: str, spans: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, end, content in sorted(spans):
        pieces.append(source[cursor:start])
        pieces.append(content)
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces)


def _conflicts(span: tuple[int, int, str], taken: list[tuple[int, int, str]]) -> bool:
    """Whether an edit overlaps one already taken; two insertions at one place conflict too (their order is unclear)."""
    start, end, _ = span
    return any((start < other_end and other_start < end) or (start == end == other_start == other_end)
               for other_start, other_end, _ in taken)


def apply_fixes(source: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply whole fixes that do not overlap, in source order; return the text and how many fixes it took.

    A fix is all or nothing: one whose edit overlaps an edit already taken waits for the next pass (the
    file is checked again and its finding, if still there, brings a fix placed on the new text). An edit
    identical to one already taken (two fixes adding the same import) is applied once and does not conflict.
    """
    starts = line_starts(source)
    placed: list[list[tuple[int, int, str]]] = []
    for fix in fixes:
        spans = [span for edit in fix.edits if (span := _span(starts, len(source), edit)) is not None]
        if spans and len(spans) == len(fix.edits):
            placed.append(sorted(spans))
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for spans in sorted(placed):
        new = [span for span in spans if span not in taken]
        if any(_conflicts(span, taken) for span in new):
            continue
        taken.extend(new)
        applied += 1
    return _splice(source, taken), applied


def parses(source: str) -> bool:
    try:
        cst.parse_module(source)
    except (cst.ParserSyntaxError, RecursionError, MemoryError):
        return False
    return True


def applicable(findings: Iterable[Finding], unsafe: bool) -> list[Fix]:
    """The fixes of these findings that a run applies: the safe ones, and the unsafe ones with `unsafe`."""
    return [f.fix for f in findings if f.fix is not None and f.fix.edits and (f.fix.safe or unsafe)]


def fixed_source(source: str, findings: Iterable[Finding], *, unsafe: bool = False) -> str | None:
    """One pass: the source with the findings' fixes applied, or None when nothing changes or the result does not parse."""
    result, applied = apply_fixes(source, applicable(findings, unsafe))
    if not applied or result == source or not parses(result):
        return None
    return result


@dataclass
class FixOutcome:
    """What the passes did to one file: the final text, how many fixes went in, and the findings that remain."""

    text: str
    applied: int
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True)
class FixedFile:
    """One file's text before and after its fixes, the encoding to write it in, and how many fixes went in."""

    before: str
    after: str
    encoding: str
    applied: int


def fix_in_passes(source: str, findings: list[Finding], recheck: Callable[[str], list[Finding] | None], *,
                  unsafe: bool = False, max_passes: int = MAX_FIX_PASSES) -> FixOutcome:
    """Apply fixes in passes until none applies: apply the non-overlapping ones, check the new text again, repeat.

    `findings` are the (filtered) findings of `source`; `recheck(text)` returns those of a new text (None
    when it cannot be checked, which ends the passes). A pass whose result does not parse is retried one
    fix at a time, keeping each fix with which the text still parses, so one bad fix cannot block the others.
    """
    text, applied = source, 0
    for _ in range(max_passes):
        fixes = applicable(findings, unsafe)
        if not fixes:
            break
        new, count = apply_fixes(text, fixes)
        if count and not parses(new):
            new, count = _those_that_parse(text, fixes)
        if not count or new == text:
            break
        rechecked = recheck(new)
        if rechecked is None:
            break
        text, applied, findings = new, applied + count, rechecked
    return FixOutcome(text, applied, findings)


def _those_that_parse(source: str, fixes: list[Fix]) -> tuple[str, int]:
    """The fixes added one by one, each kept only if the text still parses with it (rare: a fix's bug)."""
    kept: list[Fix] = []
    for fix in fixes:
        new, count = apply_fixes(source, [*kept, fix])
        if count > len(kept) and parses(new):
            kept.append(fix)
    return apply_fixes(source, kept)


def unified_diff(before: str, after: str, relative: str) -> str:
    """`git diff`-style text of one file's fixes, with `a/` and `b/` before the path as reported (relative to the cwd)."""
    old, new = _lines_with_breaks(before), _lines_with_breaks(after)
    lines = difflib.unified_diff(old, new, fromfile=f"a/{relative}", tofile=f"b/{relative}")
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def _lines_with_breaks(text: str) -> list[str]:
    """The lines of `text` with their breaks, split where Python splits them (not at a form feed or U+2028)."""
    starts = line_starts(text)
    ends = [*starts[1:], len(text)]
    return [text[start:end] for start, end in zip(starts, ends, strict=True) if start < end]


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
