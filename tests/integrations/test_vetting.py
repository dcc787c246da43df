"""Vetting (`vibecheck.vetting`): a rule that proved a sink safe clears bandit's alarm there, and only there."""

from __future__ import annotations

from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.rule import PendingVet
from vibecheck.vetting import Vetted


def test_only_other_tools_findings_inside_the_vetted_range_of_an_enabled_rule_are_dropped() -> None:
    class Rule:
        code, vets = "VC999", ("B608",)

    def finding(code: str, line: int, column: int, source: str = "bandit") -> Finding:
        where = Position(line, column)
        return Finding(code=code, name="x", message="m", location=Location("f.py", where, where), severity=Severity.LOW,
                       confidence=Confidence.LOW, category=Category.SECURITY, source=source)

    span = (Position(3, 5), Position(5, 2))
    vetted = Vetted([PendingVet(Rule, node := object())], lambda vets: {id(node): span} if vets else {})
    findings = [finding("B608", 3, 5), finding("B608", 5, 2), finding("B608", 3, 4), finding("B608", 5, 3),
                finding("B602", 4, 1), finding("B608", 4, 1, source="vibecheck")]
    kept = vetted.drop(findings, {"VC999"})
    assert [(f.code, f.location.start.line, f.location.start.column) for f in kept] == [
        ("B608", 3, 4), ("B608", 5, 3), ("B602", 4, 1), ("B608", 4, 1)]
    assert vetted.drop(findings, {"VC402"}) == findings
