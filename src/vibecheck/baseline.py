"""The baseline: the findings a project accepted when it adopted vibecheck, so later runs report only new ones.

`.vibecheck-baseline.json` holds, per file and rule, the fingerprint of each accepted finding
(`vibecheck.fingerprint`: no line numbers, so it survives edits elsewhere) and how many of it there were:
a second copy of a baselined pattern is new. The file is versioned, sorted JSON with one entry per line
group, so a change to it reads well in a diff; it stores hashes of code, never code, plus a redacted
message for the person reading it. A file that is not such a baseline is an error, never an empty baseline.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vibecheck import safe_files
from vibecheck.discovery import relative_posix
from vibecheck.errors import VibecheckError
from vibecheck.fingerprint import fingerprints
from vibecheck.model import Finding
from vibecheck.redaction import SECRET_CWES, redact_finding
from vibecheck.source import decode_source

BASELINE_FILE = ".vibecheck-baseline.json"
FORMAT_NAME = "vibecheck-baseline"
FORMAT_VERSION = 1
BASELINE_SIZE_LIMIT = 50_000_000  # bytes
MESSAGE_LIMIT = 160  # characters of a finding's message kept for the reader
STALE_SHOWN = 10  # stale entries named one by one in the warnings; the rest are counted


class BaselineError(VibecheckError):
    """A baseline file that cannot be read or is not a vibecheck baseline (exit 2, naming the file)."""


@dataclass(frozen=True, order=True)
class Entry:
    """Accepted findings of one rule in one file with one fingerprint; `count` of them."""

    path: str
    rule: str
    symbol: str
    fingerprint: str
    message: str = field(compare=False)
    count: int = field(compare=False, default=1)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.path, self.rule, self.fingerprint)

    def to_json(self) -> dict[str, object]:
        return {"path": self.path, "rule": self.rule, "symbol": self.symbol, "fingerprint": self.fingerprint,
                "count": self.count, "message": self.message}


def load_baseline(path: Path) -> list[Entry]:
    """The entries of a baseline file; anything wrong with it is a `BaselineError` naming the file."""
    if not os.path.lexists(path):
        raise BaselineError(f"{path}: no such baseline file; create it with `vibecheck baseline`")
    try:
        data = json.loads(safe_files.read_regular_file(path, BASELINE_SIZE_LIMIT).decode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline file: {exc.strerror}") from exc
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise BaselineError(f"{path}: not a vibecheck baseline (invalid JSON: {exc}); "
                            "recreate it with `vibecheck baseline`") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BaselineError(f"{path}: not a vibecheck baseline (no `\"format\": \"{FORMAT_NAME}\"`); "
                            "recreate it with `vibecheck baseline`")
    if data.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{path}: baseline format version {data.get('version')!r} is not supported "
                            f"(this vibecheck reads version {FORMAT_VERSION}); recreate it with `vibecheck baseline`")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list):
        raise BaselineError(f"{path}: not a vibecheck baseline (`entries` must be a list)")
    return [_entry(path, i, raw) for i, raw in enumerate(raw_entries)]


def _entry(path: Path, index: int, raw: object) -> Entry:
    text_keys = ("path", "rule", "symbol", "fingerprint", "message")
    if (not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in text_keys)
            or not isinstance(raw.get("count"), int) or isinstance(raw.get("count"), bool) or raw["count"] < 1):
        raise BaselineError(f"{path}: entry {index + 1} is not a baseline entry (it needs the strings "
                            f"{', '.join(text_keys)} and a positive `count`)")
    return Entry(raw["path"], raw["rule"], raw["symbol"], raw["fingerprint"], raw["message"], raw["count"])


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text: sorted entries, stable key order, one field per line (diff-friendly)."""
    document = {"format": FORMAT_NAME, "version": FORMAT_VERSION,
                "entries": [e.to_json() for e in sorted(entries)]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write_baseline(path: Path, entries: Iterable[Entry]) -> None:
    """Write the file through a temporary sibling, so a failed write never leaves half a baseline."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        temporary.write_text(dumps(entries), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write the baseline file: {exc.strerror}") from exc


def decode_or_none(data: bytes) -> str | None:
    try:
        return decode_source(data)
    except (UnicodeDecodeError, SyntaxError, LookupError):
        return None


def _read_text(path: str) -> str | None:
    try:
        return decode_or_none(safe_files.read_regular_file(path))
    except OSError:
        return None


class BaselineMatcher:
    """A pipeline post-filter: drops each finding the baseline still has room for, and records what it saw.

    Called once per checked file (also files without findings), so afterwards it knows which files were
    checked, which findings were baselined and which entries matched nothing (stale).
    """

    def __init__(self, entries: Sequence[Entry], folder: Path,
                 is_enabled: Callable[[str, str], bool] = lambda path, code: True,
                 read_text: Callable[[str], str | None] = _read_text) -> None:
        self.entries = list(entries)
        self.folder = folder.resolve()
        self.is_enabled = is_enabled
        self.read_text = read_text
        self._allowed: Counter[tuple[str, str, str]] = Counter()
        for entry in self.entries:
            self._allowed[entry.key] += entry.count
        self.checked: set[str] = set()
        self.found: Counter[tuple[str, str, str]] = Counter()
        self.found_entries: dict[tuple[str, str, str], Entry] = {}
        self.baselined: list[Finding] = []
        self._spent: Counter[tuple[str, str, str]] = Counter()  # baselined so far, per key

    def relative(self, path: str) -> str:
        return relative_posix(Path(os.path.abspath(path)), self.folder)

    def __call__(self, path: str, findings: list[Finding]) -> list[Finding]:
        where = self.relative(path)
        self.checked.add(where)
        if not findings:
            return findings
        ordered = sorted(findings, key=lambda f: f.sort_key)  # the later copies of a pattern are the new ones
        kept: list[Finding] = []
        for finding, (symbol, print_) in zip(ordered, fingerprints(ordered, self.read_text(path)), strict=True):
            key = (where, finding.code, print_)
            self.found[key] += 1
            if key not in self.found_entries:
                self.found_entries[key] = Entry(where, finding.code, symbol, print_, _readable(finding))
            if self._spent[key] < self._allowed[key]:
                self._spent[key] += 1
                self.baselined.append(finding)
            else:
                kept.append(finding)
        return kept

    def is_in_scope(self, entry: Entry) -> bool:
        """Whether this run could have seen the entry's findings: its file was checked with its rule, or is gone."""
        if entry.path in self.checked:
            return self.is_enabled(entry.path, entry.rule)
        return not (self.folder / entry.path).exists()

    def stale(self) -> list[Entry]:
        """Entries (with the count that matched nothing) whose findings are gone: fixed, or the file deleted."""
        result = []
        for entry in self.entries:
            if not self.is_in_scope(entry):
                continue
            missing = min(entry.count, self._allowed[entry.key] - self.found[entry.key])
            if missing > 0:
                result.append(Entry(entry.path, entry.rule, entry.symbol, entry.fingerprint, entry.message, missing))
        return sorted(result)

    def updated(self, *, prune: bool) -> list[Entry]:
        """The new baseline: what this run found replaces the entries in its scope; `prune` only shrinks them."""
        result = {e.key: e for e in self.entries if not self.is_in_scope(e)}
        if prune:
            for entry in self.entries:
                if self.is_in_scope(entry) and self.found[entry.key] > 0:
                    count = min(entry.count, self.found[entry.key])
                    result[entry.key] = Entry(entry.path, entry.rule, entry.symbol, entry.fingerprint, entry.message, count)
        else:
            for key, entry in self.found_entries.items():
                result[key] = Entry(entry.path, entry.rule, entry.symbol, entry.fingerprint, entry.message, self.found[key])
        return sorted(result.values())


def _readable(finding: Finding) -> str:
    """The finding's message for a person reading the baseline: redacted like every output, and short."""
    message = redact_finding(finding, bool(SECRET_CWES & set(finding.cwe))).message
    return message if len(message) <= MESSAGE_LIMIT else message[:MESSAGE_LIMIT - 3] + "..."


def stale_warnings(stale: Sequence[Entry], baseline: Path) -> list[str]:
    """One-line notes for stderr: how many entries matched nothing, the first few by name, and what to do."""
    if not stale:
        return []
    total = sum(e.count for e in stale)
    lines = [f"{shown_path(baseline)}: {total} baselined finding(s) no longer found (fixed or moved); "
             "`vibecheck baseline --prune` drops them"]
    for entry in stale[:STALE_SHOWN]:
        where = f" in `{entry.symbol}`" if entry.symbol else ""
        times = f" (x{entry.count})" if entry.count > 1 else ""
        lines.append(f"  stale: {entry.path}: {entry.rule}{where}: {entry.message}{times}")
    if len(stale) > STALE_SHOWN:
        lines.append(f"  ... and {len(stale) - STALE_SHOWN} more stale entries")
    return lines


def shown_path(path: Path) -> str:
    """`path` as a person typed it: relative to the current folder when inside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


def baseline_location(root: Path, configured: str | None, option: str | None) -> tuple[Path, bool]:
    """Which baseline file a run uses, and whether it was asked for by name (then it must exist)."""
    if option is not None:
        return Path(option), True
    if configured is not None:
        return root / configured, True
    return root / BASELINE_FILE, False
