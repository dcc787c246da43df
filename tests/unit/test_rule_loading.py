"""Rules load one by one: a broken rule is reported by name, and every other rule still loads and runs."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT
from tests.integration.conftest import install_pack, run_vibecheck, write
from vibecheck.registry import pack_from_package
from vibecheck.rule import RuleDefinitionError

RULE = '''
import libcst as cst

from vibecheck.model import Category
from vibecheck.rule import Rule


class {cls}(Rule):
    """Reports every call to `{name}()`.

    ## What it does
    Test double.

    ## {section}
    Test double.

    ## Example
    ```python
    {name}()
    ```

    ## Use instead
    ```python
    pass
    ```
    """

    code = "{code}"
    name = "call-to-{name}"
    category = Category.AGENT_ARTEFACTS

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Name) and node.func.value == "{name}":
            self.report(node, "`{name}()` is called.")
'''


def pack_sources(prefix: str) -> dict[str, str]:
    """A pack with two rules; the second misspells a docstring section, so its class definition raises."""
    return {
        f"{prefix}/__init__.py": "",
        f"{prefix}/good.py": RULE.format(cls="Good", code="TST501", name="alpha", section="Why is this bad?"),
        f"{prefix}/bad.py": RULE.format(cls="Bad", code="TST502", name="beta", section="Why this is bad"),
        f"{prefix}/more/__init__.py": "",
        f"{prefix}/more/also_good.py": RULE.format(cls="AlsoGood", code="TST503", name="gamma", section="Why is this bad?"),
    }


def test_a_misspelt_docstring_section_loses_that_rule_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, pack_sources("tst_onebroken"))
    monkeypatch.syspath_prepend(str(tmp_path))
    pack = pack_from_package("tst", importlib.import_module("tst_onebroken"))
    assert [r.code for r in pack.rules] == ["TST501", "TST503"]
    [error] = pack.errors
    assert "`tst_onebroken.bad`" in error and "Bad: docstring lacks the section(s) Why is this bad?" in error
    for name in [m for m in sys.modules if m.startswith("tst_onebroken")]:
        monkeypatch.delitem(sys.modules, name)


def test_a_broken_rule_in_an_installed_pack_exits_2_and_every_other_rule_runs(tmp_path: Path) -> None:
    entry = textwrap.dedent("""
        import tst_cli_pack.rules
        from vibecheck.registry import pack_from_package

        def pack():
            return pack_from_package("tst", tst_cli_pack.rules)
        """)
    modules = {**pack_sources("tst_cli_pack/rules"), "tst_cli_pack/__init__.py": "", "tst_cli_pack/entry.py": entry}
    site = install_pack(tmp_path / "site", "tst-pack", "tst = tst_cli_pack.entry:pack", modules)
    write(tmp_path / "proj", {"app.py": "alpha()\nbeta()\ngamma()\ntry:\n    work()\nexcept Exception:\n    pass\n"})
    result = run_vibecheck(["--format", "concise", "--extend-select", "TST", "."], tmp_path / "proj", pythonpath=[site])
    assert result.returncode == 2, result.stderr
    assert "rule module `tst_cli_pack.rules.bad` of pack `tst` failed to load" in result.stderr
    assert "app.py:1:1: TST501" in result.stdout and "app.py:3:1: TST503" in result.stdout
    assert "app.py:6:1: VC101" in result.stdout and "TST502" not in result.stdout
    # naming the rule that did not load is no typo: the message says what failed instead of guessing a neighbour
    named = run_vibecheck(["--select", "TST502", "."], tmp_path / "proj", pythonpath=[site])
    assert named.returncode == 2
    assert "unknown rule code, prefix or name `TST502`; it may be defined where loading failed, fix that first: " \
           "rule module `tst_cli_pack.rules.bad`" in named.stderr, named.stderr
    assert "did you mean" not in named.stderr and "Traceback" not in named.stderr


UNREGISTRABLE = RULE.format(cls="Good", code="TST511", name="alpha", section="Why is this bad?") + \
    RULE.format(cls="Lambda", code="TST512", name="beta", section="Why is this bad?").replace(
        '    code = "TST512"', '    cache_inputs = (lambda path: "",)\n    code = "TST512"') + \
    RULE.format(cls="Twin", code="VC101", name="gamma", section="Why is this bad?") + textwrap.dedent("""
    from vibecheck.registry import RulePack


    def pack():
        return RulePack("tst", (Good, Lambda, Twin, "not a rule"))
    """)


def test_rules_a_pack_cannot_register_are_named_and_its_other_rules_run(tmp_path: Path) -> None:
    """A rule whose facts cannot be named (a lambda in `cache_inputs`) crashed every run with a traceback and exit 1;
    a code taken by another rule, or a pack entry that is no rule class, took the whole pack down. Each is now
    named, the pack's good rule runs, and the run exits 2."""
    site = install_pack(tmp_path / "site", "tst-pack", "tst = tst_unregistrable:pack",
                        {"tst_unregistrable.py": UNREGISTRABLE})
    write(tmp_path / "proj", {"app.py": "alpha()\nbeta()\ntry:\n    work()\nexcept Exception:\n    pass\n"})
    result = run_vibecheck(["--format", "concise", "--no-cache", "--extend-select", "TST", "."], tmp_path / "proj",
                           pythonpath=[site])
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "rule `tst_unregistrable.Lambda` of pack `tst` was not loaded: ValueError:" in result.stderr
    assert "define it at module level" in result.stderr
    assert "rule `tst_unregistrable.Twin` of pack `tst` was not loaded: RegistryError: `VC101` is already defined by " \
           "`vibecheck.rules.error_handling.swallowed_exception`" in result.stderr
    assert "rule `'not a rule'` of pack `tst` was not loaded: RegistryError: it is not a rule class" in result.stderr
    assert result.stdout.splitlines()[:2] == ["app.py:1:1: TST511 [medium] `alpha()` is called.",
                                              "app.py:5:1: VC101 [medium] `except Exception` swallows every error: its "
                                              "body does nothing with the failure."]


def test_a_rule_that_fails_to_load_fails_the_tests_generated_from_the_registry(tmp_path: Path) -> None:
    """Without the rule, its parametrized contract tests would not exist: `-k TST502` would select nothing and pass.
    Collecting the contract tests fails instead, naming the module, whatever is selected."""
    site = install_pack(tmp_path / "site", "tst-pack", "tst = tst_collect_pack.entry:pack", {
        **pack_sources("tst_collect_pack/rules"), "tst_collect_pack/__init__.py": "",
        "tst_collect_pack/entry.py": "import tst_collect_pack.rules\nfrom vibecheck.registry import pack_from_package\n\n"
                                     "def pack():\n    return pack_from_package('tst', tst_collect_pack.rules)\n"})
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *filter(None, [os.environ.get("PYTHONPATH")])])}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--collect-only", "-k", "TST502",
                          "tests/rules/test_rule_contracts.py"], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode not in (0, 5), run.stdout  # 5: nothing collected, which a CI would read as green or skip
    assert "RegistryIncomplete: rule module `tst_collect_pack.rules.bad` of pack `tst` failed to load" in run.stdout



def test_a_file_hint_with_capitals_is_refused_where_the_rule_is_defined() -> None:
    namespace: dict[str, object] = {}
    source = RULE.format(cls="Shouting", code="TST504", name="delta", section="Why is this bad?").replace(
        '    code = "TST504"', '    file_hints = ("delta", "Delta(")\n    code = "TST504"')
    with pytest.raises(RuleDefinitionError, match=r"lower case: 'Delta\('"):
        exec(compile(source, "shouting.py", "exec"), namespace)  # noqa: S102 - the test's own rule source
    exec(compile(source.replace('"Delta("', '"delta("'), "quiet.py", "exec"), namespace)  # noqa: S102 - as above
    assert namespace["Shouting"].file_hints == ("delta", "delta(")  # type: ignore[attr-defined]
