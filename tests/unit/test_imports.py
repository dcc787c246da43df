"""The import-alias table: which dotted name a local name stands for once the walk has met every import."""

from __future__ import annotations

import textwrap

import libcst as cst

from vibecheck.imports import ImportTable


def _resolved(source: str, name: str) -> str | None:
    """What `name` resolves to after the table is built and every import is added in source order, as the walk does."""
    source = textwrap.dedent(source)
    module = cst.parse_module(source)
    table = ImportTable.from_module(module, source)

    class Imports(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> None:
            table.add(node)

        def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
            table.add(node)

    module.visit(Imports())
    return table.qualified_name(cst.parse_expression(name))


def test_a_standard_library_import_outranks_its_import_error_fallback() -> None:
    assert _resolved("""
        try:
            from secrets import SystemRandom, randbits
        except ImportError:
            from random import SystemRandom, getrandbits as randbits
        """, "randbits") == "secrets.randbits"


def test_the_fallback_inside_a_method_and_a_tuple_of_errors() -> None:
    assert _resolved("""
        class Tokens:
            def nonce(self):
                try:
                    import secrets as source
                except (ModuleNotFoundError, AttributeError):
                    import random as source
                return source.getrandbits(64)
        """, "source.getrandbits") == "secrets.getrandbits"


def test_a_third_party_primary_may_be_missing_so_its_fallback_counts() -> None:
    assert _resolved("""
        try:
            import cPickle as pickle
        except ImportError:
            import pickle
        """, "pickle.loads") == "pickle.loads"


def test_only_the_names_the_try_bound_are_kept_from_the_fallback() -> None:
    source = """
        try:
            from secrets import token_hex
        except ImportError:
            from random import getrandbits, choice as token_hex
        """
    assert _resolved(source, "token_hex") == "secrets.token_hex"
    assert _resolved(source, "getrandbits") == "random.getrandbits"


def test_a_plain_import_after_the_try_rebinds_the_name() -> None:
    assert _resolved("""
        try:
            from secrets import randbits
        except ImportError:
            pass
        from random import getrandbits as randbits
        """, "randbits") == "random.getrandbits"
