"""Rules load one by one: a broken rule is reported by name, and every other rule still loads and runs."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import pytest

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



def test_a_file_hint_with_capitals_is_refused_where_the_rule_is_defined() -> None:
    namespace: dict[str, object] = {}
    source = RULE.format(cls="Shouting", code="TST504", name="delta", section="Why is this bad?").replace(
        '    code = "TST504"', '    file_hints = ("delta", "Delta(")\n    code = "TST504"')
    with pytest.raises(RuleDefinitionError, match=r"lower case: 'Delta\('"):
        exec(compile(source, "shouting.py", "exec"), namespace)  # noqa: S102 - the test's own rule source
    exec(compile(source.replace('"Delta("', '"delta("'), "quiet.py", "exec"), namespace)  # noqa: S102 - as above
    assert namespace["Shouting"].file_hints == ("delta", "delta(")  # type: ignore[attr-defined]
