"""Selection follows ruff: the most specific selector wins, an ignore wins a tie, defaults are least specific."""

from __future__ import annotations

import pytest

from vibecheck import selection
from vibecheck.registry import Registry, RulePack, load_registry
from vibecheck.selection import (
    ExternalCode,
    SelectionError,
    register_external_codes,
    resolve_selection,
    split_selectors,
    validate_selectors,
)


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def enabled(registry: Registry, **kwargs) -> set[str]:
    return {c for c in resolve_selection(registry, **kwargs).enabled if c.startswith("VC")}


def test_default_is_every_default_enabled_rule(registry: Registry) -> None:
    assert enabled(registry) == {r.code for r in registry.rules if r.default_enabled}


def test_select_replaces_the_default(registry: Registry) -> None:
    assert enabled(registry, select=["VC1"]) == {r.code for r in registry.rules if r.code.startswith("VC1")}


def test_more_specific_select_beats_a_broad_ignore(registry: Registry) -> None:
    assert "VC101" in enabled(registry, select=["VC101"], ignore=["VC1"])
    assert "VC101" not in enabled(registry, select=["VC1"], ignore=["VC101"])


def test_ignore_wins_a_tie(registry: Registry) -> None:
    assert "VC101" not in enabled(registry, select=["VC101"], ignore=["VC101"])
    assert "VC101" not in enabled(registry, extend_select=["VC1"], ignore=["VC1"])


def test_rule_names_are_as_specific_as_codes(registry: Registry) -> None:
    assert enabled(registry, select=["swallowed-exception"]) == {"VC101"}
    assert "VC101" not in enabled(registry, ignore=["swallowed-exception"])


def test_any_ignore_beats_the_default(registry: Registry) -> None:
    assert enabled(registry, ignore=["ALL"]) == set()
    assert "VC101" in enabled(registry, ignore=["ALL"], extend_select=["VC101"])


def test_all_does_not_enable_preview_rules() -> None:
    from tests.integration.conftest import TEST_PACK  # a pack whose rules we can mark as previews

    namespace: dict = {}
    exec(compile(TEST_PACK, "vc_testpack_preview", "exec"), namespace)  # defines rule classes only
    preview = type("Preview", (namespace["CompareNone"],), {"default_enabled": False})
    registry = Registry()
    registry.add(RulePack("p", (preview,)))
    assert resolve_selection(registry, select=["ALL"], disabled_tools=("bandit",)).enabled == frozenset()
    assert resolve_selection(registry, disabled_tools=("bandit",)).enabled == frozenset()
    assert resolve_selection(registry, select=["TST"]).enabled == {"TST001"}
    assert resolve_selection(registry, select=["TST001"]).enabled == {"TST001"}


def test_per_file_ignores_remove_codes_for_matching_paths(registry: Registry) -> None:
    selection = resolve_selection(registry, per_file_ignores={"tests/": ["VC1"], "*_pb2.py": ["ALL"]})
    assert "VC101" not in selection.enabled_for("tests/unit/test_x.py")
    assert "VC101" in selection.enabled_for("src/tests_helper.py")
    assert selection.enabled_for("api/models_pb2.py") == frozenset()
    assert "VC101" in selection.enabled_for("src/app.py")


def test_external_codes_are_selectable_suppressible_and_validated(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selection, "_EXTERNAL", dict(selection.external_codes()))
    register_external_codes("bandit", "B", [ExternalCode("B999", "test-only-check", "A test-only code.", "bandit")])
    assert "B999" in resolve_selection(registry).enabled
    assert "B999" not in resolve_selection(registry, disabled_tools=("bandit",)).enabled
    assert "B999" not in resolve_selection(registry, ignore=["B9"]).enabled
    assert "B999" in resolve_selection(registry, select=["B"]).enabled
    validate_selectors(["B", "B9", "B999", "test-only-check"], registry, "test")


def test_unknown_selectors_are_errors_with_a_hint(registry: Registry) -> None:
    with pytest.raises(SelectionError, match="did you mean `VC101`"):
        validate_selectors(["VC1001"], registry, "--select")
    with pytest.raises(SelectionError, match="did you mean `swallowed-exception`"):
        validate_selectors(["swallowed-exceptions"], registry, "--select")
    with pytest.raises(SelectionError, match="VC8"):
        validate_selectors(["VC8"], registry, "--select")
    validate_selectors(["ALL", "VC", "VC1", "vc101", "swallowed-exception"], registry, "--select")


def test_split_selectors_accepts_commas_and_lists() -> None:
    assert split_selectors("VC1, b602,swallowed-exception") == ("VC1", "B602", "swallowed-exception")
    assert split_selectors(["VC1,VC2", "ALL"]) == ("VC1", "VC2", "ALL")
    assert split_selectors(None) == ()
