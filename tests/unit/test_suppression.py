"""Suppression comments are read from comments only, and judged against the findings of their line or file."""

from __future__ import annotations

import pytest

from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.suppression import apply_suppressions, has_candidates, hygiene_findings, parse_suppressions


def finding(code: str, line: int) -> Finding:
    where = Position(line, 1)
    return Finding(code, "x", "m", Location("f.py", where, where), Severity.LOW, Confidence.HIGH, Category.SECURITY)


def test_parses_every_spelling() -> None:
    source = (
        "a = 1  # noqa: VC101, B602\n"
        "b = 2  # vibecheck: ignore[VC101,swallowed-exception] -- reason here\n"
        "c = 3  # noqa\n"
        "# vibecheck: ignore-file[B101]\n"
        's = "# noqa: VC101"\n'
        "d = 4  # type: ignore  # NOQA:vc102\n"
    )
    parsed = parse_suppressions(source, {"swallowed-exception": "VC101"})
    assert [(s.line, s.codes, s.file_level) for s in parsed] == [
        (1, ("VC101", "B602"), False),
        (2, ("VC101",), False),
        (3, (), False),
        (4, ("B101",), True),
        (6, ("VC102",), False),
    ]


def test_files_without_candidates_are_not_tokenized() -> None:
    assert not has_candidates(b"x = 1\n")
    assert has_candidates(b"x = 1  # NoQA\n")


def test_untokenizable_source_keeps_the_comments_read_before_the_error() -> None:
    parsed = parse_suppressions('x = 1  # noqa: VC101\ny = """unterminated\n# noqa: VC102\n')
    assert [(s.line, s.codes) for s in parsed] == [(1, ("VC101",))]


def test_apply_drops_covered_findings_and_records_use() -> None:
    suppressions = parse_suppressions("a = 1  # noqa: VC101\nb = 2  # noqa\n# vibecheck: ignore-file[B101]\n")
    outcome = apply_suppressions([finding("VC101", 1), finding("VC102", 1), finding("VC102", 2), finding("B101", 9)],
                                 suppressions)
    assert [(f.code, f.location.start.line) for f in outcome.findings] == [("VC102", 1)]
    assert outcome.used == {(0, "VC101"), (1, "*"), (2, "B101")}


def test_hygiene_findings_are_never_suppressed_by_line_comments() -> None:
    suppressions = parse_suppressions("a = 1  # noqa\n")
    outcome = apply_suppressions([finding("VC902", 1), finding("VC901", 1)], suppressions)
    assert len(outcome.findings) == 2


def test_unused_codes_only_for_enabled_known_codes() -> None:
    source = "a = 1  # noqa: VC101, E501, B602, VC999\n"
    suppressions = parse_suppressions(source)
    known = {"VC101", "B602"}.__contains__
    found = hygiene_findings("f.py", suppressions, set(), enabled={"VC101", "VC901"}, known=known)
    messages = [f.message for f in found]
    assert len(found) == 2, messages
    assert "no `VC101` finding" in messages[0]
    assert "`VC999`" in messages[1] and "not a vibecheck code" in messages[1]
    assert all(f.code == "VC901" and f.location.start == Position(1, 8) for f in found)


def test_hygiene_findings_carry_the_suppression_line_as_their_snippet() -> None:
    source = "import os\na = 1  # noqa: VC301\n"
    suppressions = parse_suppressions(source)
    args = dict(enabled={"VC301", "VC901"}, known={"VC301"}.__contains__)
    [unused] = hygiene_findings("f.py", suppressions, set(), **args)
    assert unused.line_text == "a = 1  # noqa: VC301" and unused.location.start.line == 2
    assert hygiene_findings("f.py", suppressions, {(0, "VC301")}, **args) == []


def test_bare_noqa_is_never_unused_but_a_bare_vibecheck_ignore_is() -> None:
    source = "a = 1  # noqa\nb = 2  # vibecheck: ignore\n"
    found = hygiene_findings("f.py", parse_suppressions(source), set(),
                             enabled={"VC901", "VC902"}, known=lambda code: True)
    assert sorted((f.location.start.line, f.code) for f in found) == [(1, "VC902"), (2, "VC901"), (2, "VC902")]


SUPERSEDING = {"VC403": {"B105", "B106", "B107"}, "VC203": {"VC403", "B105"}, "VC101": {"B110", "B112"},
               "VC408": {"B602", "B605"}}


def test_nosec_silences_the_rules_that_supersede_its_bandit_codes() -> None:
    source = ('a = "x"  # nosec B105\nb = "x"  # nosec\nc = "x"  # nosec B608\nd = "x"  # nosec: B106, B107\n'
              'e = "x"  # nosec[hardcoded_password_string]\n')
    suppressions = parse_suppressions(source, {"hardcoded_password_string": "B105"}, SUPERSEDING)
    findings = [finding(code, line) for line in range(1, 6) for code in ("VC403", "VC203", "VC408")]
    outcome = apply_suppressions(findings, suppressions)
    assert sorted((f.location.start.line, f.code) for f in outcome.findings) == [
        (1, "VC408"), (3, "VC203"), (3, "VC403"), (3, "VC408"), (4, "VC203"), (4, "VC408"), (5, "VC408")]
    assert not any(s.blanket for s in suppressions)
    hygiene = hygiene_findings("f.py", suppressions, outcome.used,
                               enabled={"VC901", "VC902", "VC403", "B105"}, known=lambda code: True)
    assert hygiene == []


def test_ruff_names_for_bandit_checks_and_blind_except() -> None:
    source = "a = 1  # noqa: S602\nb = 2  # noqa: BLE001\nc = 3  # noqa: S105\nd = 4  # noqa: B105\n"
    suppressions = parse_suppressions(source, {}, SUPERSEDING)
    findings = [finding("B602", 1), finding("VC408", 1), finding("VC101", 2), finding("VC102", 2), finding("B110", 2),
                finding("VC403", 3), finding("VC403", 4), finding("VC408", 4)]
    outcome = apply_suppressions(findings, suppressions)
    assert [(f.location.start.line, f.code) for f in outcome.findings] == [(2, "B110"), (4, "VC408")]
    assert outcome.used == {(0, "S602"), (1, "BLE001"), (2, "S105"), (3, "B105")}
    hygiene = hygiene_findings("f.py", suppressions, outcome.used,
                               enabled={"VC901", "B105", "B602"}, known={"B105", "B602"}.__contains__)
    assert hygiene == []


def test_ruffs_mark_safe_check_silences_both_of_bandits() -> None:
    source = "a = mark_safe(x)  # noqa: S308\nb = mark_safe(y)  # noqa: S703\n"
    suppressions = parse_suppressions(source, {}, SUPERSEDING)
    findings = [finding("B308", 1), finding("B703", 1), finding("B308", 2), finding("B703", 2)]
    outcome = apply_suppressions(findings, suppressions)
    assert [(f.location.start.line, f.code) for f in outcome.findings] == [(2, "B308"), (2, "B703")]


@pytest.mark.parametrize(("data", "found"), [
    (b"x = 1  # noqa\n", True), (b"x = 1  # NOQA: E501\n", True), (b"x = 1  # nosec B105\n", True),
    (b"x = 1  # NoSec\n", True), (b"# vibecheck: ignore-file\n", True), (b"x = 1  # VibeCheck :ignore[VC101]\n", True),
    (b"import vibecheck\n", False), (b"x = 'no qa'\n", False), (b"", False),
])
def test_the_pre_check_finds_every_spelling_of_a_suppression_word(data: bytes, found: bool) -> None:
    assert has_candidates(data) is found
