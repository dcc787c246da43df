"""A rule's file hints: the engine does not build the rule for a file without any of them, and says so to the rule."""

from __future__ import annotations

import re
from pathlib import Path

import libcst as cst
import pytest

import vibecheck
from vibecheck.engine import check_file
from vibecheck.model import Category
from vibecheck.registry import load_registry
from vibecheck.rule import Rule, RuleContext, SourceHints, occurs_as_name

_DOC = """{summary}

    ## What it does
    Test double.

    ## Why is this bad?
    Test double.

    ## Example
    ```python
    needle = 1
    ```

    ## Use instead
    ```python
    x = 1
    ```
    """


class ReportsEveryName(Rule):
    __doc__ = _DOC.format(summary="Reports every name, in files that mention a needle or a pin.")
    code = "TST101"
    name = "reports-every-name"
    category = Category.ENGINE
    file_hints = ("needle", "pin")
    built = 0

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        type(self).built += 1

    @classmethod
    def skipped_by_hints(cls, context: RuleContext) -> None:
        context.facts.setdefault("skipped", []).append(cls.code)

    def visit_Name(self, node: cst.Name) -> None:
        self.report(node, "a name")


def test_a_rule_runs_on_a_file_with_one_of_its_hints_in_any_case() -> None:
    ReportsEveryName.built = 0
    result = check_file("x.py", b"NeedLe = other\n", [(ReportsEveryName, None)])
    assert [f.line_text for f in result.findings] == ["NeedLe = other", "NeedLe = other"]
    assert ReportsEveryName.built == 1
    assert "skipped" not in result.facts


def test_a_rule_is_not_built_for_a_file_without_its_hints_and_is_told_so() -> None:
    ReportsEveryName.built = 0
    result = check_file("x.py", b"haystack = other\n", [(ReportsEveryName, None)], collect_facts=False)
    assert result.findings == []
    assert ReportsEveryName.built == 0
    assert result.facts == {"skipped": ["TST101"]}


class FailsWhenSkipped(ReportsEveryName):
    __doc__ = _DOC.format(summary="Raises when told that it was skipped.")
    code = "TST102"
    name = "fails-when-skipped"

    @classmethod
    def skipped_by_hints(cls, context: RuleContext) -> None:
        raise RuntimeError("boom")


def test_a_failing_skip_hook_is_that_rules_error_and_the_next_rule_is_still_handled() -> None:
    result = check_file("x.py", b"haystack = other\n", [(FailsWhenSkipped, None), (ReportsEveryName, None)])
    assert [e.rule for e in result.errors] == ["TST102"]
    assert result.findings == []
    assert result.facts.get("skipped") == ["TST101"]


class ReportsEveryNameNearAName(ReportsEveryName):
    __doc__ = _DOC.format(summary="Reports every name, in files that name a needle or call pin.")
    code = "TST103"
    name = "reports-every-name-near-a-name"
    file_hints = ("needle", "pin(")
    file_hints_are_names = True


@pytest.mark.parametrize("source", ["needle = 1\n", "x = a.Needle\n", "x = 'needle'\n", "x = pin(1)\n",
                                    "x = a.pin(1)\n", "x = (needle)\n", "x = needle2 + needle\n"])
def test_a_rule_whose_hints_are_names_runs_where_one_is_a_whole_name(source: str) -> None:
    ReportsEveryNameNearAName.built = 0
    check_file("x.py", source.encode(), [(ReportsEveryNameNearAName, None)])
    assert ReportsEveryNameNearAName.built == 1


@pytest.mark.parametrize("source", ["needles = 1\n", "x = haystack_needle\n", "x = _needle\n",
                                    "x = spin(1)\n", "x = pin\n", "x = needle\u00e9\n"])
def test_a_rule_whose_hints_are_names_skips_a_file_where_they_are_only_parts_of_other_names(source: str) -> None:
    ReportsEveryNameNearAName.built = 0
    result = check_file("x.py", source.encode(), [(ReportsEveryNameNearAName, None)], collect_facts=False)
    assert ReportsEveryNameNearAName.built == 0
    assert result.facts == {"skipped": ["TST103"]}


@pytest.mark.parametrize(("word", "text", "found"), [
    ("exec", "exec", True), ("exec", "os.exec(", True), ("exec", "execute exec", True),
    ("exec", "execute(x); _exec; exec2", False), ("exec", "", False), ("input(", "raw_input(x)", False),
    ("input(", "builtins.input(x)", True), ("input(", "input (x)", False), ("(x", "f(xy", False), ("(x", "f(x)", True),
])
def test_a_name_occurs_where_no_identifier_character_touches_its_identifier_ends(word: str, text: str,
                                                                              found: bool) -> None:
    assert occurs_as_name(word, text) is found


@pytest.mark.parametrize("module", ["engine.py", "analysis/flow.py", "rules/security/client_data_to_shell.py",
                                    "rules/auth/jwt_signature_not_verified.py"])
def test_the_per_file_hint_index_answers_as_searching_the_source_would(module: str) -> None:
    """Every registered hint, and its halves (word pieces that sit inside longer words), against real modules."""
    source = (Path(vibecheck.__file__).parent / module).read_text(encoding="utf-8") + "\nx = na\u00efve_\u00e9t\u00e9\n"
    lowered = source.lower()
    hints = SourceHints(source)
    words = {hint for rule in load_registry().rules for hint in getattr(rule, "file_hints", ())}
    words |= {word[: len(word) // 2] for word in words if len(word) > 3} | {"na\u00efve", "\u00e9t\u00e9", "input(", "os.system"}
    assert len(words) > 200
    for word in sorted(words):
        assert hints.has_name(word) is occurs_as_name(word, lowered), word
        assert hints.has_text(word) is (word in lowered), word


@pytest.mark.parametrize("source", [
    "def fetch_user(user_id):\n    return db.get(User, user_id)  # v2_api\n",
    "x\x1cy\x0bz\tw\r\nv-u.t[s](r){q}=p'o\"n_m1 2",
    "naïve = café_ß + İstanbul\u2028ſtrasse",  # not ASCII: the regular expression's own, Unicode words
    "x = 'a—b'  # em—dash, ٣٤ digits, ǅemal\u00a0nbsp\u200bzero-width\u3000ideographic…end",  # non-word letters
])
def test_source_hints_words_are_the_sources_words(source: str) -> None:
    """A source is split into words without the regular expression (faster; a non-ASCII source's non-ASCII pieces
    only are searched with it), into the same words."""
    assert SourceHints(source).words == frozenset(re.findall(r"\w+", source.lower()))
