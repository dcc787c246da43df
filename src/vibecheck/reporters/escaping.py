"""Make text from the checked tree (file names, source lines, messages quoting code) safe to print.

A file name or source line can carry terminal escapes (ESC, OSC: set the title, clear the screen), bidi
overrides, a newline followed by `::error` (a GitHub Actions workflow command), or bytes that are not UTF-8.
Human-readable output shows every such character as a visible escape; JSON output escapes them as JSON
does; no line of any format but `github` may start with `::`.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL and C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates,
# and lone surrogates (undecodable bytes of a file name, from `os.fsdecode`).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# In JSON text the same characters can only occur inside strings, where `\uXXXX` means the same thing.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_WORKFLOW_COMMAND = re.compile(r"^(?=::)", re.MULTILINE)


def _visible(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as `os.fsdecode` smuggles it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line with every control, separator, bidi and undecodable character shown as an escape."""
    return _UNSAFE.sub(_visible, text)


def json_safe(dumped: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with the characters above as `\\uXXXX` escapes."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def without_workflow_commands(text: str) -> str:
    """`text` with a space before every line that would start with `::`, which GitHub Actions would obey."""
    return _WORKFLOW_COMMAND.sub(" ", text)


_DIFF_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


def printable_diff(diff: str) -> str:
    """A unified diff with each line made `printable` but its line break kept (CRLF files still diff as CRLF)."""
    return "".join(printable(body) + brk for body, brk in _DIFF_LINE.findall(diff))
