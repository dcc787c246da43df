"""Every built-in rule keeps its promises: docs examples behave, its corpus holds, its docs are fresh.

The tests are generated from the registry, so a new rule is covered the moment it is registered.
"""

from __future__ import annotations

import pytest

from tests.conftest import RULES_DIR
from vibecheck.docs import parse_doc, render_markdown, rule_folder_name
from vibecheck.fixes import fixed_source
from vibecheck.registry import load_registry
from vibecheck.rule import Rule
from vibecheck.testing import check_corpus, findings_for, parse_annotations, pipeline_findings

BUILTIN = [r for r in load_registry().rules if r.__module__.startswith("vibecheck.rules.")]
FILE_RULES = [r for r in BUILTIN if issubclass(r, Rule)]
# Rules emitted by the suppression stage, so their examples need the whole pipeline (tested there).
SUPPRESSION_RULES = {"VC901", "VC902"}
DOC_RULES = [r for r in FILE_RULES if r.code not in SUPPRESSION_RULES]
PIPELINE_DOC_RULES = [r for r in FILE_RULES if r.code in SUPPRESSION_RULES]
# A parse error stops the parse, so VC001's corpus holds one case; every other rule needs 8 and 8.
VISITOR_RULES = [r for r in FILE_RULES if r.code != "VC001"]


def ids(rules: list) -> list[str]:
    return [r.code for r in rules]


def test_rules_folder_matches_registry_one_to_one() -> None:
    folders = {p.name for p in RULES_DIR.iterdir() if p.is_dir()}
    assert folders == {rule_folder_name(r) for r in BUILTIN}


@pytest.mark.parametrize("rule", DOC_RULES, ids=ids(DOC_RULES))
def test_doc_example_fires(rule: type[Rule]) -> None:
    example = parse_doc(rule.__doc__ or "").code_block("Example")
    assert example, f"{rule.code} has no code block under `## Example`"
    assert [f for f in findings_for(rule, example) if f.code == rule.code], f"{rule.code}: the Example does not fire"


@pytest.mark.parametrize("rule", DOC_RULES, ids=ids(DOC_RULES))
def test_doc_use_instead_is_clean(rule: type[Rule]) -> None:
    better = parse_doc(rule.__doc__ or "").code_block("Use instead")
    assert better, f"{rule.code} has no code block under `## Use instead`"
    assert findings_for(rule, better) == [], f"{rule.code}: the `Use instead` code fires"


def test_suppression_rules_are_registered() -> None:
    assert {r.code for r in PIPELINE_DOC_RULES} == SUPPRESSION_RULES


@pytest.mark.parametrize("rule", PIPELINE_DOC_RULES, ids=ids(PIPELINE_DOC_RULES))
def test_pipeline_doc_example_fires(rule: type[Rule]) -> None:
    example = parse_doc(rule.__doc__ or "").code_block("Example")
    assert example, f"{rule.code} has no code block under `## Example`"
    assert pipeline_findings(rule, example), f"{rule.code}: the Example does not fire"


@pytest.mark.parametrize("rule", PIPELINE_DOC_RULES, ids=ids(PIPELINE_DOC_RULES))
def test_pipeline_doc_use_instead_is_clean(rule: type[Rule]) -> None:
    better = parse_doc(rule.__doc__ or "").code_block("Use instead")
    assert better, f"{rule.code} has no code block under `## Use instead`"
    assert pipeline_findings(rule, better) == [], f"{rule.code}: the `Use instead` code fires"


@pytest.mark.parametrize("rule", FILE_RULES, ids=ids(FILE_RULES))
def test_corpus_is_reported_exactly(rule: type[Rule]) -> None:
    corpus = RULES_DIR / rule_folder_name(rule) / "cases.py"
    result = check_corpus(rule, corpus)
    assert result.expected, f"{corpus} has no `# expect: {rule.code}` case"
    assert not result.missed and not result.unexpected, result.describe()
    assert not (result.ok & result.reported)


@pytest.mark.parametrize("rule", VISITOR_RULES, ids=ids(VISITOR_RULES))
def test_corpus_has_enough_cases(rule: type[Rule]) -> None:
    text = (RULES_DIR / rule_folder_name(rule) / "cases.py").read_text(encoding="utf-8")
    expected, ok = parse_annotations(text, rule.code)
    assert len(expected) >= 8 and len(ok) >= 8, f"{rule.code}: {len(expected)} expect and {len(ok)} ok cases"


@pytest.mark.parametrize("rule", FILE_RULES, ids=ids(FILE_RULES))
def test_fixed_corpus_matches_safe_fixes(rule: type[Rule]) -> None:
    folder = RULES_DIR / rule_folder_name(rule)
    expected_file = folder / "cases.fixed.py"
    assert expected_file.exists() == rule.fixable, f"{rule.code}: cases.fixed.py exists exactly for fixable rules"
    if rule.fixable:
        source = (folder / "cases.py").read_text(encoding="utf-8")
        findings = findings_for(rule, source, path=str(folder / "cases.py"))
        assert fixed_source(source, findings) == expected_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", BUILTIN, ids=ids(BUILTIN))
def test_generated_docs_are_fresh(rule: type[Rule]) -> None:
    page = RULES_DIR / rule_folder_name(rule) / "README.md"
    assert page.exists() and page.read_text(encoding="utf-8") == render_markdown(rule), (
        f"{page} is stale: run `vibecheck docs`")
