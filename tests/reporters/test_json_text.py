"""`dumps_indented` writes the very text of `json.dumps(value, indent=..., ensure_ascii=False)` (the JSON, SARIF and
GitLab reports' text must not change with the faster encoder)."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest

from vibecheck.reporters.json_text import dumps_indented


class _Level(enum.IntEnum):
    HIGH = 3


class _Text(str):
    pass


VALUES: list[Any] = [
    {}, [], (), "", 0, -0.0, 1.5, 1e300, 10**30, True, False, None,
    float("nan"), float("inf"), float("-inf"),
    'quote " backslash \\ newline \n tab \t control \x01 del \x7f',
    "é ü 漢字 😀 \u2028 \u202e \ud800",  # kept as they are (`ensure_ascii=False`), lone surrogate too
    {"a": [], "b": {}, "c": [[]], "d": [{}], "e": {"f": {"g": [1, [2, [3]]]}}},
    {"findings": [{"code": "VC101", "start": {"line": 1, "column": 0}, "fix": None, "cwe": ["CWE-1"]}]},
    {"tuple": (1, "two", (3,))},
    [_Level.HIGH, _Text("a subclass of str")],
    {"a": {1: "an int key"}},  # a key `json` converts
    {"nested": {None: 1, 2.5: 2, True: 3}},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
@pytest.mark.parametrize("indent", [2, 4])
def test_the_text_is_the_one_json_writes(value: Any, indent: int) -> None:
    assert dumps_indented(value, indent) == json.dumps(value, indent=indent, ensure_ascii=False)


def test_what_json_refuses_it_refuses_alike() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_indented({"findings": [object()]})
    looped: list[Any] = []
    looped.append(looped)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_indented({"a": looped})
