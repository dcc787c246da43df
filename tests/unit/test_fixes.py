"""Fix composition: whole fixes that do not overlap go in, passes re-place the others, a second run is a no-op."""

from __future__ import annotations

from vibecheck.fixes import FixOutcome, apply_fixes, fix_in_passes, unified_diff
from vibecheck.model import Category, Confidence, Edit, Finding, Fix, Location, Position, Severity


def edit(line: int, start: int, end: int, content: str) -> Edit:
    return Edit(Position(line, start), Position(line, end), content)


def finding(fix: Fix) -> Finding:
    where = fix.edits[0].start
    return Finding("VC999", "test", "m", Location("a.py", where, where), Severity.LOW, Confidence.HIGH,
                   Category.ERROR_HANDLING, fix=fix)


def test_overlapping_fix_waits_whole_for_the_next_pass() -> None:
    source = "f(a, b)\n"
    first = Fix("a", (edit(1, 3, 4, "x"),))
    overlapping = Fix("b", (edit(1, 1, 8, "g()"), edit(1, 8, 8, "  # note")))
    assert apply_fixes(source, [first, overlapping]) == ("g()  # note\n", 1)  # source order: it starts first
    later = Fix("c", (edit(1, 6, 7, "y"), edit(1, 3, 4, "z")))  # overlaps `first` with one edit of two
    assert apply_fixes(source, [later, first]) == ("f(x, b)\n", 1)  # never half of a fix


def test_identical_edits_of_two_fixes_go_in_once() -> None:
    add_import = edit(1, 1, 1, "import hmac\n")
    one = Fix("a", (add_import, edit(2, 1, 2, "A")))
    two = Fix("b", (add_import, edit(3, 1, 2, "B")))
    assert apply_fixes("x\na\nb\n", [one, two]) == ("import hmac\nx\nA\nB\n", 2)


def test_two_insertions_at_one_place_do_not_both_go_in_one_pass() -> None:
    text, applied = apply_fixes("f()\n", [Fix("a", (edit(1, 3, 3, "1"),)), Fix("b", (edit(1, 3, 3, "2"),))])
    assert applied == 1 and text in ("f(1)\n", "f(2)\n")


def _rename_rule(text: str) -> list[Finding]:
    """A stand-in rule: every `old` is reported, with a fix that renames it; fixes touching one line overlap."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("old")
        if column >= 0:
            found.append(finding(Fix("rename", (edit(number, 1, len(line) + 1, line.replace("old", "new", 1)),))))
    return found


def test_passes_apply_overlapping_fixes_until_none_applies() -> None:
    source = "old = old + old\n"
    outcome = fix_in_passes(source, _rename_rule(source), _rename_rule)
    assert outcome == FixOutcome("new = new + new\n", 3, [])
    again = fix_in_passes(outcome.text, _rename_rule(outcome.text), _rename_rule)
    assert again.applied == 0 and again.text == outcome.text


def test_passes_are_capped() -> None:
    def grows(text: str) -> list[Finding]:
        return [finding(Fix("grow", (edit(1, 1, 1, "#"),)))]

    outcome = fix_in_passes("x = 1\n", grows("x = 1\n"), grows, max_passes=4)
    assert outcome.text == "####x = 1\n" and outcome.applied == 4


def test_a_fix_that_breaks_the_syntax_is_left_out_and_the_others_go_in() -> None:
    source = "a = 1\nb = 2\n"
    broken = finding(Fix("break", (edit(1, 1, 2, "def"),)))
    good = finding(Fix("rename", (edit(2, 1, 2, "c"),)))
    outcome = fix_in_passes(source, [broken, good], lambda text: [])
    assert outcome.text == "a = 1\nc = 2\n" and outcome.applied == 1


def test_unsafe_fixes_only_when_asked() -> None:
    source = "a = 1\n"
    unsafe = [finding(Fix("rename", (edit(1, 1, 2, "b"),), safe=False))]
    assert fix_in_passes(source, unsafe, lambda text: []).applied == 0
    assert fix_in_passes(source, unsafe, lambda text: [], unsafe=True).text == "b = 1\n"


def test_unified_diff_names_a_and_b_and_marks_a_missing_final_newline() -> None:
    diff = unified_diff("x = 1\r\ny = 2", "x = 1\r\ny = 3", "pkg/app.py")
    assert diff.startswith("--- a/pkg/app.py\n+++ b/pkg/app.py\n@@ -1,2 +1,2 @@\n x = 1\r\n")
    assert diff.endswith("-y = 2\n\\ No newline at end of file\n+y = 3\n\\ No newline at end of file\n")
