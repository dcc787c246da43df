"""One finding per problem: a rule that `supersedes` another code wins where both report the same line.

Bandit's `B113` is superseded by VC106, and VC403 (a generic hard-coded credential) by VC203 (a hard-coded
signing key); the runner applies this to every file's findings after all per-file stages, before inline
suppressions, so `# vibecheck: ignore[VC408]` also silences the `B602` it replaced.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from vibecheck.model import Finding


def superseding_map(rules: Iterable[Any]) -> dict[str, set[str]]:
    """{code: the codes it supersedes} from rule classes."""
    return {rule.code: set(rule.supersedes) for rule in rules if getattr(rule, "supersedes", ())}


def drop_superseded(findings: Sequence[Finding], superseding: dict[str, set[str]]) -> list[Finding]:
    """Drop a finding when a finding of a code that supersedes it covers the same line of the same file."""
    covered: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for finding in findings:
        for replaced in superseding.get(finding.code, ()):
            key = (finding.location.path, replaced)
            covered.setdefault(key, []).append((finding.location.start.line, finding.location.end.line))
    if not covered:
        return list(findings)
    kept = []
    for finding in findings:
        spans = covered.get((finding.location.path, finding.code), ())
        line = finding.location.start.line
        if not any(start <= line <= end for start, end in spans):
            kept.append(finding)
    return kept
