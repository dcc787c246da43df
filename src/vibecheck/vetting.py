"""Vetted sinks: a rule that examined a sink and proved it safe clears another tool's context-free alarm there.

`supersedes` drops a bandit finding only where the superseding rule *reports* the same line; a rule that looked at
the same sink and found it safe had no way to say so, and bandit's alarm stayed (`B608` on a query whose only
pasted values are `quote_name(...)`, `B602` on a command line whose every value went through `shlex.quote`).
Vetting is that way, data-driven like `supersedes`:

- a rule declares the codes it may clear, `vets = ("B608",)`, and calls `self.vet(node)` on the node it proved
  safe: the narrowest node that holds where the other tool reports (bandit's `B608` starts at the string
  literal, which may sit in an assignment lines above the `execute` call; `B602` at the call) and whose every
  part the proof covers, since whatever starts anywhere inside a vetted node is cleared;
- the engine keeps those calls as nodes (`RuleContext.vets`, an append each) and hands them over with the
  file's tree in a `Vetted` on the `SourceUnit`;
- once every stage has run on the file, `Pipeline.check_bytes` asks it to `drop` the findings it clears. Only
  then, and only when the file has a finding of a vetted code from another tool (`source` is not vibecheck),
  are the positions of the vetted nodes resolved, per statement, like the positions of reports. A file without
  such a finding costs nothing more, so the mechanism stays off the hot path.

A call may name only some of the rule's codes (`codes=("B106",)`), and may clear a single position instead of a
range (`column_of=call`: the node's first line at the call's column, where bandit's B106 puts the alarm of a keyword
argument; the call's whole range would also clear its other keywords' and nested calls' alarms).

A rule may instead vet a node as a *notice* (`self.vet(node, notice=True)`): the finding stays, at `info`, which
does not fail the build (B102 on `exec` of a configuration file the program reads: a design choice, shown, not
failed). A finding inside both kinds of vetted node is dropped.

A finding is cleared when its code is among the vetting rule's `vets`, that rule is enabled for the file (a rule
walked only for a project rule's facts, or switched off, vouches for nothing), and the finding's start
(line and column) lies inside a vetted node's range. vibecheck's own findings are never cleared this way.
Dropping happens in the worker, before the result is cached: the cache key already covers the settings that
decide which rules run.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from vibecheck.model import Finding, Position, Severity

if TYPE_CHECKING:
    from vibecheck.rule import PendingVet

# (the pending vets to place) -> {id(node): (start, end)}, each position 1-based in line and column
Resolver = Callable[[Sequence[Any]], dict[int, tuple[Position, Position]]]


@dataclass
class Vetted:
    """One file's `Rule.vet` calls (`vibecheck.rule.PendingVet`) and how to place their nodes, on demand."""

    vets: list[Any]
    resolve: Resolver

    def drop(self, findings: list[Finding], enabled: Collection[str]) -> list[Finding]:
        """`findings` without those another tool reported inside a node that an enabled rule vetted for their code,
        and with those inside a node vetted as a notice reported at `info`."""
        vets = [vet for vet in self.vets if vet.rule.code in enabled]
        vetted_codes = {code for vet in vets for code in _codes(vet)}
        if not any(f.code in vetted_codes and f.source != "vibecheck" for f in findings):
            return findings
        wanted = {f.code for f in findings if f.source != "vibecheck"}
        vets = [vet for vet in vets if wanted.intersection(_codes(vet))]
        ranges = self.resolve(vets)
        spans: dict[str, list[tuple[Position, Position]]] = {}
        notices: dict[str, list[tuple[Position, Position]]] = {}
        for vet in vets:
            where = _span(vet, ranges)
            if where is not None:
                for code in _codes(vet):
                    (notices if vet.notice else spans).setdefault(code, []).append(where)
        kept = []
        for finding in findings:
            if finding.source == "vibecheck":
                kept.append(finding)
            elif not _inside(finding.location.start, spans.get(finding.code, ())):
                notice = _inside(finding.location.start, notices.get(finding.code, ()))
                kept.append(replace(finding, severity=Severity.INFO) if notice else finding)
        return kept


def _codes(vet: PendingVet) -> tuple[str, ...]:
    """The codes one `Rule.vet` call clears: those it names, else all of its rule's `vets`."""
    return vet.codes if vet.codes is not None else vet.rule.vets


def _span(vet: PendingVet, ranges: dict[int, tuple[Position, Position]]) -> tuple[Position, Position] | None:
    """Where one `Rule.vet` call clears: its node's range, or the single position on the node's first line at the
    column of its `column_of` node."""
    where = ranges.get(id(vet.node))
    if where is None or vet.column_of is None:
        return where
    anchor = ranges.get(id(vet.column_of))
    if anchor is None:
        return None
    point = Position(where[0].line, anchor[0].column)
    return point, point


def _inside(position: Position, spans: Sequence[tuple[Position, Position]]) -> bool:
    return any(start <= position <= end for start, end in spans)
