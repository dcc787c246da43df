"""One line of prose from a finding, for formats that have a single message field (SARIF, GitHub annotations)."""

from __future__ import annotations

from vibecheck.model import Finding


def message_and_hint(finding: Finding) -> str:
    """The message, then the hint as its own sentence: `... invalid syntax. Fix the syntax error ...`."""
    if not finding.hint:
        return finding.message
    message = finding.message.rstrip()
    stop = "" if message.endswith((".", "!", "?")) else "."
    return f"{message}{stop} {finding.hint}"
