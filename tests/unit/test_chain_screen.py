"""The chain screen (`SourceUnit.too_long_chain`) walks only the statements whose text can hold a chain past the limit:
it must find the same chain, on the same line, as a walk of the whole tree."""

from __future__ import annotations

import ast

import pytest

from vibecheck.source import _LINK_TYPES, CHAIN_LIMIT, SourceUnit, _rest_of_chain

CALLS = "f" + "()" * (CHAIN_LIMIT + 5)
METHODS = "x" + ".m()" * (CHAIN_LIMIT // 2 + 5)


def whole_tree_screen(text: str) -> tuple[int, int] | None:
    """The screen as it was: every node of the tree, breadth first."""
    length: dict[int, int] = {}
    for node in ast.walk(ast.parse(text)):
        kind = type(node)
        if kind in _LINK_TYPES:
            links = length.pop(id(node), 0) + 1
            if links > CHAIN_LIMIT:
                return links + _rest_of_chain(node), node.lineno  # type: ignore[arg-type]
            inner = node.func if kind is ast.Call else node.value  # type: ignore[attr-defined]
            if type(inner) in _LINK_TYPES:
                length[id(inner)] = links
    return None


SOURCES = {
    "none": "import os\n\nx = os.path.join('a', 'b')\n",
    "at the limit": "x = f" + "()" * CHAIN_LIMIT + "\n",
    "many short chains": "".join(f"y{i} = a.b.c(d)[e].f()\n" for i in range(100)),
    "in a decorator": "import app\n\n\n@" + CALLS + "\ndef view():\n    pass\n",
    "sharing a line": "a = 1; x = " + CALLS + "\n",
    "in a method": "class C:\n    def m(self):\n        return " + METHODS + "\n",
    "two chains": "x = " + METHODS + "\n\ndef f():\n    if True:\n        return " + CALLS + "\n\ny = " + CALLS + "\n",
    "over lines": "x = (\n    f\n" + "    ()\n" * (CHAIN_LIMIT + 1) + ")\n",
    "no final break": "z = 1\nx = " + CALLS,
    "dots in strings only": "x = '" + "." * 500 + "'\ny = a.b()\n",
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_screen_finds_what_a_whole_tree_walk_finds(name: str) -> None:
    text = SOURCES[name]
    assert SourceUnit("x.py", text.encode()).too_long_chain() == whole_tree_screen(text)


def test_the_first_chain_of_a_file_is_the_one_reported() -> None:
    found = SourceUnit("x.py", SOURCES["two chains"].encode()).too_long_chain()
    assert found is not None and found[1] == 1
