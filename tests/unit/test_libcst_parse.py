"""The engine's libcst parse skips libcst's per-node checks only while parsing a file Python accepts."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

import vibecheck.engine
import vibecheck.runner
from vibecheck.libcst_parse import parse_module


@pytest.mark.parametrize("module", [vibecheck.engine, vibecheck.runner], ids=lambda module: module.__name__)
def test_the_tree_is_libcst_s_own(module: object) -> None:
    source = Path(module.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    fast = parse_module(source, python_accepts=True)
    assert fast.deep_equals(cst.parse_module(source))
    assert fast.code == source


def test_nodes_built_after_the_parse_are_checked_again() -> None:
    parse_module("x = 1\n", python_accepts=True)
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")


def test_a_failed_parse_leaves_the_checks_on() -> None:
    with pytest.raises(cst.ParserSyntaxError):
        parse_module("def (:\n", python_accepts=True)
    with pytest.raises(cst.CSTValidationError):
        cst.Name("")


def test_a_file_python_rejects_is_parsed_with_the_checks() -> None:
    checked: list[str] = []
    original = cst.Name._validate

    def spy(self: cst.Name) -> None:
        checked.append(self.value)
        original(self)

    cst.Name._validate = spy  # type: ignore[method-assign]
    try:
        parse_module("value = other\n", python_accepts=False)
        parse_module("unseen = hidden\n", python_accepts=True)
    finally:
        cst.Name._validate = original  # type: ignore[method-assign]
    assert checked == ["value", "other"]
