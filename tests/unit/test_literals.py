"""Literal values: read without Python's parser where the text is the value, with it everywhere else."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from vibecheck.literals import literal_value, module_texts, path_text

LITERALS = [
    '""', "''", '""""""', "''''''", '"users"', "'it'", 'r"\\d+"', 'R"x"', 'u"x"', 'U"x"', 'b"x"', 'rb"\\x"', 'Br"x"',
    '"a\\nb"', '"tab\\there"', "'''a'b'''", '"""a""b"""', '"\'"', "'\"'", 'r"\\""', '"""\nline\n"""', '"\'\'\'"',
    "'\"\"\"'", 'r""', 'r""""""', '"\\N{BULLET}"', '"caf\u00e9"', '"""ends with quote\\""""', "'''x\r\ny'''",
]


@pytest.mark.parametrize("literal", LITERALS)
def test_a_string_literal_has_the_value_python_gives_it(literal: str) -> None:
    node = cst.parse_expression(literal)
    assert literal_value(node) == ast.literal_eval(literal)


def test_an_invalid_escape_has_no_value_instead_of_raising() -> None:
    assert literal_value(cst.parse_expression('"\\N{no such name}"')) is None


def test_module_texts_are_the_names_bound_once_at_the_top_level_to_a_string() -> None:
    module = cst.parse_module(
        'ADMIN = "/admin"\nTYPED: str = "/internal"\nTWICE = "/a"\nTWICE = "/b"\nNUMBER = 3\nJOINED = ADMIN + "/x"\n'
        'REBOUND = "/r"\nREBOUND: int = 1\ndef f():\n    LOCAL = "/local"\n')
    assert module_texts(module) == {"ADMIN": "/admin", "TYPED": "/internal"}


@pytest.mark.parametrize(("source", "text"), [
    ('"/admin"', "/admin"), ("ADMIN", "/admin"), ("OTHER", None), ("settings.ADMIN_PREFIX", None),
    ('f"{settings.API_V1_STR}/admin"', "/admin"), ('f"{BASE}/admin"', "/api/admin"), ('f"{settings.X}"', None),
    ('f"{ADMIN}/{name}"', "/admin/"), ('b"/admin"', None),
])
def test_path_text_keeps_what_is_known_of_a_route_prefix(source: str, text: str | None) -> None:
    assert path_text(cst.parse_expression(source), {"ADMIN": "/admin", "BASE": "/api"}) == text
