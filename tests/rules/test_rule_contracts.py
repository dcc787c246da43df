"""Every built-in rule keeps its promises: docs examples behave, its corpus holds, its docs are fresh.

The tests are generated from the registry, so a new rule is covered the moment it is registered. They
also hold the registry's contracts: a code's hundred names its category, the category names the rule's
package, and two rules never report the same node unless one `supersedes` the other or the overlap is
listed below with its reason.
"""

from __future__ import annotations

import ast
import json
import shutil
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO_ROOT, RULES_DIR, complete_registry
from vibecheck.cli import cli
from vibecheck.docs import TABLE_END, TABLE_START, parse_doc, render_markdown, rule_folder_name, rules_table
from vibecheck.engine_checks import EngineCheck
from vibecheck.fixes import unified_diff
from vibecheck.model import Category
from vibecheck.registry import load_registry
from vibecheck.rule import ProjectRule, Rule
from vibecheck.testing import check_corpus, findings_for, fix_corpus, parse_annotations, pipeline_findings

BUILTIN = complete_registry().builtin_rules  # collecting this module fails if a rule did not load
# Per-file checks: visitor rules and the engine's own checks (VC001, VC9xx), which the pipeline emits.
FILE_RULES = [r for r in BUILTIN if not issubclass(r, ProjectRule)]
# Rules emitted by the suppression stage, so their examples need the whole pipeline (tested there).
SUPPRESSION_RULES = {"VC901", "VC902"}
DOC_RULES = [r for r in FILE_RULES if r.code not in SUPPRESSION_RULES]
PIPELINE_DOC_RULES = [r for r in FILE_RULES if r.code in SUPPRESSION_RULES]
# Project rules with a corpus (the app-model rules): checked like file rules, on a project of one file.
MODEL_RULES = [r for r in BUILTIN if issubclass(r, ProjectRule) and (RULES_DIR / rule_folder_name(r) / "cases.py").exists()]
# A parse error stops the parse, so VC001's corpus holds one case; every other rule needs 8 and 8.
VISITOR_RULES = [r for r in FILE_RULES if r.code != "VC001"]


def test_engine_checks_are_declared_not_visitor_rules() -> None:
    engine = [r for r in BUILTIN if issubclass(r, EngineCheck)]
    assert {r.code for r in engine} == {"VC001", "VC901", "VC902"}
    assert not any(issubclass(r, Rule) for r in engine)


def ids(rules: list) -> list[str]:
    return [r.code for r in rules]


def test_rules_folder_matches_registry_one_to_one() -> None:
    folders = {p.name for p in RULES_DIR.iterdir() if p.is_dir()}
    assert folders == {rule_folder_name(r) for r in BUILTIN}


@pytest.mark.parametrize("rule", DOC_RULES + MODEL_RULES, ids=ids(DOC_RULES + MODEL_RULES))
def test_doc_example_fires(rule: type[Rule]) -> None:
    example = parse_doc(rule.__doc__ or "").code_block("Example")
    assert example, f"{rule.code} has no code block under `## Example`"
    assert [f for f in findings_for(rule, example) if f.code == rule.code], f"{rule.code}: the Example does not fire"


@pytest.mark.parametrize("rule", DOC_RULES + MODEL_RULES, ids=ids(DOC_RULES + MODEL_RULES))
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


@pytest.mark.parametrize("rule", FILE_RULES + MODEL_RULES, ids=ids(FILE_RULES + MODEL_RULES))
def test_corpus_is_reported_exactly(rule: type[Rule]) -> None:
    corpus = RULES_DIR / rule_folder_name(rule) / "cases.py"
    result = check_corpus(rule, corpus)
    assert result.expected, f"{corpus} has no `# expect: {rule.code}` case"
    assert not result.missed and not result.unexpected, result.describe()
    assert not (result.ok & result.reported)


@pytest.mark.parametrize("rule", VISITOR_RULES + MODEL_RULES, ids=ids(VISITOR_RULES + MODEL_RULES))
def test_corpus_has_enough_cases(rule: type[Rule]) -> None:
    text = (RULES_DIR / rule_folder_name(rule) / "cases.py").read_text(encoding="utf-8")
    expected, ok = parse_annotations(text, rule.code)
    assert len(expected) >= 8 and len(ok) >= 8, f"{rule.code}: {len(expected)} expect and {len(ok)} ok cases"


@pytest.mark.parametrize("rule", FILE_RULES, ids=ids(FILE_RULES))
def test_fixed_corpus_exists_exactly_for_fixable_rules(rule: type[Rule]) -> None:
    expected_file = RULES_DIR / rule_folder_name(rule) / "cases.fixed.py"
    assert expected_file.exists() == rule.fixable, f"{rule.code}: cases.fixed.py exists exactly for fixable rules"


FIXABLE_RULES = [r for r in FILE_RULES if r.fixable]


@pytest.mark.parametrize("rule", FIXABLE_RULES, ids=ids(FIXABLE_RULES))
def test_fixing_the_corpus_gives_the_fixed_corpus(rule: type[Rule]) -> None:
    """Safe and unsafe fixes, in passes, through `Pipeline.fix` (what --fix runs): exactly cases.fixed.py."""
    folder = RULES_DIR / rule_folder_name(rule)
    fixed = fix_corpus(rule, folder / "cases.py")
    expected = (folder / "cases.fixed.py").read_text(encoding="utf-8")
    assert fixed != (folder / "cases.py").read_text(encoding="utf-8"), f"{rule.code}: no fix applies to its corpus"
    assert fixed == expected, "\n" + "".join(unified_diff(expected, fixed, "cases.fixed.py"))
    ast.parse(fixed)


@pytest.mark.parametrize("rule", FIXABLE_RULES, ids=ids(FIXABLE_RULES))
def test_fixing_the_fixed_corpus_changes_nothing(rule: type[Rule]) -> None:
    folder = RULES_DIR / rule_folder_name(rule)
    fixed_file = folder / "cases.fixed.py"
    assert fix_corpus(rule, fixed_file) == fixed_file.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", BUILTIN, ids=ids(BUILTIN))
def test_generated_docs_are_fresh(rule: type[Rule]) -> None:
    page = RULES_DIR / rule_folder_name(rule) / "README.md"
    assert page.exists() and page.read_text(encoding="utf-8") == render_markdown(rule), (
        f"{page} is stale: run `vibecheck docs`")


# The hundreds of DESIGN.md: category -> (code prefix, package under `vibecheck.rules`). The tests
# category lives in `verification/`, because a package named `tests` would shadow the test suite's.
CATEGORY_CONTRACT: dict[Category, tuple[str, str]] = {
    Category.ENGINE: ("VC0", "engine"),
    Category.ERROR_HANDLING: ("VC1", "error_handling"),
    Category.AUTH: ("VC2", "auth"),
    Category.TESTS: ("VC3", "verification"),
    Category.SECURITY: ("VC4", "security"),
    Category.AGENT_ARTEFACTS: ("VC5", "agent_artefacts"),
    Category.SUPPRESSION: ("VC9", "suppression"),
}


def test_builtin_pack_is_registered() -> None:
    """A rule that fails to load fails the collection of this module (`complete_registry`); an empty pack, here."""
    assert BUILTIN, "no built-in rule is registered"


def test_every_category_has_a_hundred_and_a_package() -> None:
    assert set(CATEGORY_CONTRACT) == set(Category)


@pytest.mark.parametrize("rule", BUILTIN, ids=ids(BUILTIN))
def test_code_category_and_package_agree(rule: type[Rule]) -> None:
    prefix, package = CATEGORY_CONTRACT[rule.category]
    assert rule.code.startswith(prefix), f"{rule.code} is in category {rule.category.value}, whose codes are {prefix}xx"
    # the engine's own checks are declared by the core, which must not import a rule package
    home = "vibecheck.engine_checks" if issubclass(rule, EngineCheck) else f"vibecheck.rules.{package}"
    where = rule.__module__ if issubclass(rule, EngineCheck) else rule.__module__.rpartition(".")[0]
    assert where == home, f"{rule.code} ({rule.category.value}) is defined in {rule.__module__}, not under {home}"


def test_readme_rule_table_lists_every_rule_as_documented() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start, end = readme.index(TABLE_START) + len(TABLE_START), readme.index(TABLE_END)
    table = readme[start:end].strip().splitlines()
    fresh = rules_table(BUILTIN).splitlines()
    stale = sorted(set(fresh) - set(table))
    assert table == fresh, "the README rule table is stale (run `vibecheck docs`); rows missing or changed:\n" + "\n".join(stale)


# Overlaps: two codes that report the same node (same file, line and column) when every rule runs on
# every corpus and on the example app. One problem should get one finding, so such a pair is either
# declared by `supersedes` (then the superseded finding is dropped and never seen here) or listed here,
# with the reason both findings are worth having. Pairs of two bandit checks are bandit's business.
DISTINCT_PROBLEMS: dict[frozenset[str], str] = {
    frozenset({"B108", "VC405"}): "a path in the shared `/tmp` (bandit) that client input also chooses (VC405)",
    frozenset({"B324", "VC206"}): "a weak hash (bandit) of inputs anyone knows, so the token it makes can be computed "
                                  "(VC206): a stronger hash fixes only the first",
    frozenset({"B310", "VC106"}): "`urlopen` accepts `file:` URLs (bandit) and has no timeout (VC106)",
    frozenset({"B310", "VC110"}): "`urlopen` accepts `file:` URLs (bandit) and blocks the event loop (VC110)",
    frozenset({"B602", "VC108"}): "a shell runs the command (bandit) and its exit status is ignored (VC108)",
    frozenset({"B605", "VC108"}): "`os.system` starts a shell (bandit) and its exit status is ignored (VC108)",
    frozenset({"B607", "VC108"}): "the program is found on PATH (bandit) and its exit status is ignored (VC108)",
    frozenset({"B607", "VC110"}): "the program is found on PATH (bandit) and the call blocks the event loop (VC110)",
    frozenset({"B321", "VC110"}): "FTP sends its credentials in clear (bandit) and connecting blocks the event loop (VC110)",
    frozenset({"VC110", "VC404"}): "a mail client that verifies no certificate (VC404) and connects on the event loop's "
                                   "thread (VC110): a context fixes only the first",
    frozenset({"B607", "VC408"}): "the program is found on PATH (bandit) and the command line is built from variables",
    frozenset({"B607", "VC421"}): "the interpreter is found on PATH (bandit) and its inline code is the client's (VC421)",
    frozenset({"VC101", "VC111"}): "a bare `except:` (it also catches Ctrl-C, VC111) whose body does nothing (VC101)",
    frozenset({"VC102", "VC111"}): "a bare `except:` (it also catches Ctrl-C, VC111) that hides the traceback (VC102)",
    frozenset({"VC104", "VC111"}): "a bare `except:` (it also catches Ctrl-C, VC111) that only prints (VC104)",
    frozenset({"VC111", "VC305"}): "a test's bare `except:` that catches Ctrl-C (VC111) and swallows the failure (VC305)",
    frozenset({"VC107", "VC110"}): "a blocking HTTP call in `async def` whose status is also never checked",
    frozenset({"VC108", "VC408"}): "a shell command built from variables whose exit status is also ignored",
    frozenset({"VC108", "VC421"}): "client input in a shell command (VC421) whose exit status is also ignored (VC108)",
    frozenset({"VC201", "VC208"}): "a state-changing route with no auth guard and with CSRF protection turned off",
    frozenset({"VC203", "VC233"}): "a token signed with a key written in the code (VC203) that also never expires (VC233): "
                                   "rotating the key ends it, adding `exp` makes the next ones expire",
    frozenset({"VC204", "VC205"}): "a fast hash of a password compared with `==`: the hash and the comparison both leak",
    frozenset({"VC102", "VC216"}): "an auth check's broad `except` that carries on: logging the traceback (VC102) "
                                   "still lets the request in (VC216)",
    frozenset({"VC101", "VC216"}): "an auth check's broad `except` that only returns: the error leaves no trace (VC101) "
                                   "and the request goes on (VC216)",
    frozenset({"VC204", "VC216"}): "`header == API_KEY`: `==` leaks the key's characters by timing (VC204), and while "
                                   "the setting is unset a request without the header passes, `None == None` (VC216)",
    frozenset({"VC407", "VC409"}): "a log call that writes a secret and also client input (log injection)",
    frozenset({"VC901", "VC902"}): "a bare suppression that silences nothing is blanket and unused (README, Suppressions)",
}
# The same problem reported twice. Each is a candidate for `supersedes` on the first code, left to the
# owners of those rules; until then they are known, not silent.
DUPLICATES_TO_RESOLVE: dict[frozenset[str], str] = {
    frozenset({"VC204", "VC410"}): "a plain-text password compared with `==`: hashing it (VC410) also removes the `==`",
}


def _overlapping_pairs(findings: list[dict]) -> dict[frozenset[str], list[str]]:
    """{pair of codes: where both report the same node}, leaving out pairs of two external (bandit) codes."""
    codes_at: dict[tuple[str, int, int], set[str]] = defaultdict(set)
    for finding in findings:
        codes_at[(finding["path"], finding["start"]["line"], finding["start"]["column"])].add(finding["code"])
    pairs: dict[frozenset[str], list[str]] = defaultdict(list)
    for (path, line, column), codes in sorted(codes_at.items()):
        for pair in combinations(sorted(codes), 2):
            if any(code.startswith("VC") for code in pair):
                pairs[frozenset(pair)].append(f"{path}:{line}:{column}")
    return pairs


def _every_rule_everywhere(tmp_path: Path) -> list[dict]:
    """Run every built-in rule (previews too) and bandit's default checks on every corpus and on the example
    app, through the CLI, on copies laid out as in the repository (so paths in messages are the real ones).
    A rule's corpus is checked as a test file when the rule only judges tests, as its own corpus test does."""
    corpora = tmp_path / "rules"
    for path in sorted(RULES_DIR.glob("*/cases*.py")):
        if not path.name.endswith(".fixed.py"):
            (corpora / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, corpora / path.parent.name / path.name)
    test_folders = [f"{rule_folder_name(r)}/" for r in FILE_RULES if r.applies_to_tests_only]
    config = corpora / "vibecheck.toml"
    config.write_text(f"test-paths = {json.dumps(test_folders)}\n", encoding="utf-8")
    app = tmp_path / "examples" / "vibe-app"
    shutil.copytree(REPO_ROOT / "examples" / "vibe-app", app)
    previews = ",".join(r.code for r in BUILTIN if not r.default_enabled)
    findings: list[dict] = []
    for target, extra in ((corpora, ["--config", str(config)]), (app, [])):
        result = CliRunner().invoke(cli, ["check", "--format", "json", "--jobs", "1", "--quiet", "--extend-select", previews,
                                          *extra, str(target)], catch_exceptions=False)
        report = json.loads(result.stdout)
        assert result.exit_code in (0, 1) and not report["errors"], (result.exit_code, report["errors"])
        for finding in report["findings"]:
            finding["path"] = Path(finding["path"]).resolve().relative_to(tmp_path.resolve()).as_posix()
        findings += report["findings"]
    return findings


@pytest.fixture(scope="module")
def every_finding(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    return _every_rule_everywhere(tmp_path_factory.mktemp("everywhere"))


def test_each_rule_declares_every_cwe_its_findings_carry(every_finding: list[dict]) -> None:
    """SARIF tags a rule with its declared CWEs and each result with its own: a result's CWE missing from its
    rule's list would be a weakness the rule's metadata never admits to."""
    registry = load_registry()
    undeclared = {f"{f['code']} {f['path']}:{f['start']['line']}": sorted(set(f["cwe"]) - declared)
                  for f in every_finding if (rule := registry.lookup(f["code"])) is not None
                  and set(f["cwe"]) - (declared := {f"CWE-{n}" for n in rule.cwe})}
    assert undeclared == {}
    assert any(f["code"] == "VC409" and f["cwe"] == ["CWE-434", "CWE-22"] for f in every_finding)


def test_no_two_rules_report_the_same_node_undeclared(every_finding: list[dict]) -> None:
    pairs = _overlapping_pairs(every_finding)
    declared = DISTINCT_PROBLEMS.keys() | DUPLICATES_TO_RESOLVE.keys()
    undeclared = {pair: where for pair, where in pairs.items() if pair not in declared}
    assert not undeclared, (
        "two rules report the same node: declare `supersedes` on the rule that should win, or list the pair in "
        "DISTINCT_PROBLEMS with the reason both findings help:\n" + "\n".join(
            f"  {' + '.join(sorted(pair))} at {', '.join(where[:3])}" for pair, where in sorted(undeclared.items(), key=str)))
    gone = sorted(" + ".join(sorted(pair)) for pair in declared - pairs.keys())
    assert not gone, f"these listed overlaps no longer happen: delete them from this file: {gone}"


def test_overlap_finder_pairs_codes_on_one_node() -> None:
    def finding(code: str, line: int, column: int) -> dict:
        return {"code": code, "path": "a.py", "start": {"line": line, "column": column}}

    pairs = _overlapping_pairs([finding("VC110", 3, 5), finding("VC999", 3, 5), finding("VC101", 3, 9),
                                finding("B603", 7, 1), finding("B607", 7, 1)])
    assert pairs == {frozenset({"VC110", "VC999"}): ["a.py:3:5"]}


# Rule modules that still import from another rule's module, with what they take; a table shared by two rules belongs
# in the pack's `_shared`-style module or in `vibecheck.analysis`, so no new entry may be added here.
RULE_TO_RULE_IMPORTS = {
    "vibecheck.rules.security.client_data_in_query": {"vibecheck.rules.security.sql_built_from_strings"},
    "vibecheck.rules.security.llm_output_to_dangerous_sink": {
        "vibecheck.rules.security.client_data_in_html", "vibecheck.rules.security.client_data_in_query",
        "vibecheck.rules.security.client_data_in_template_source", "vibecheck.rules.security.unsafe_deserialization"},
    "vibecheck.rules.verification.untested_public_function": {"vibecheck.rules.verification.module_without_tests"},
}


def test_no_rule_imports_another_rules_module() -> None:
    rule_modules = {rule.__module__ for rule in BUILTIN if rule.__module__.startswith("vibecheck.rules.")}
    found: dict[str, set[str]] = {}
    for module in sorted(rule_modules):
        path = REPO_ROOT / "src" / Path(*module.split(".")).with_suffix(".py")
        imported = {node.module for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                    if isinstance(node, ast.ImportFrom) and node.module in rule_modules and node.module != module}
        if imported:
            found[module] = imported
    assert found == RULE_TO_RULE_IMPORTS
