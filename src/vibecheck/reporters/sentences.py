"""Prose from findings: one line for formats that have a single message field (SARIF, GitHub annotations), and
the counts the summaries print (here, not in the text reporter, so that printing them does not load rich)."""

from __future__ import annotations

from vibecheck.model import Finding


def message_and_hint(finding: Finding) -> str:
    """The message, then the hint as its own sentence: `... invalid syntax. Fix the syntax error ...`."""
    if not finding.hint:
        return finding.message
    message = finding.message.rstrip()
    stop = "" if message.endswith((".", "!", "?")) else "."
    return f"{message}{stop} {finding.hint}"


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 finding`, `2 findings` (`nouns` for an irregular plural)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def hidden_unsafe_fixes(findings: list[Finding]) -> int:
    """How many findings have an unsafe fix, which only `--unsafe-fixes` applies."""
    return sum(1 for f in findings if f.fix is not None and not f.fix.safe)
