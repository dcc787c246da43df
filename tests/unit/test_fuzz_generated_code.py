"""Fuzz vibecheck with programs generated from Python's grammar (hypothesmith): it never crashes, and it never
reports VC001 on a program that `compile()` accepts.

Bounded (30 examples per strategy, no deadline) so the suite stays fast; a failure prints the program.
"""

from __future__ import annotations

import re
import warnings

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings

from vibecheck.api import check_source
from vibecheck.config import Settings
from vibecheck.registry import load_registry

REGISTRY = load_registry()
FUZZ = settings(max_examples=30, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large])
# CPython 3.11's tokenizer accepts a backslash continuation on the last line when it ends in CRLF and
# rejects the same file with LF ("unexpected EOF"); libcst rejects both. Such a file is not Python that any
# editor or formatter keeps, and its LF twin is a syntax error: vibecheck's VC001 stands (documented).
EOF_CONTINUATION = re.compile(r"\\\r?\n[ \t\f\r\n]*\Z")
# hypothesmith compiles the programs it generates, and CPython warns about some of them ("'str' object is not
# callable; perhaps you missed a comma?"): the generator's warnings, not vibecheck's.
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


def _compiles(source: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # invalid escape sequences and the like are warnings, not errors
            compile(source, "<fuzz>", "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


def _check(source: str) -> None:
    assume(_compiles(source) and not EOF_CONTINUATION.search(source))
    # in this process: what is fuzzed is the rules, and a worker process per example would cost more than the check
    report = check_source(source, path="fuzz.py", settings=Settings(root=".", isolate=False), registry=REGISTRY)
    assert report.errors == [], source
    assert [f.message for f in report.findings if f.code == "VC001"] == [], source


@FUZZ
@given(hypothesmith.from_grammar())
def test_programs_from_the_grammar_are_checked_without_crash_or_parse_error(source: str) -> None:
    _check(source)


@FUZZ
@given(hypothesmith.from_node())
def test_programs_from_syntax_trees_are_checked_without_crash_or_parse_error(source: str) -> None:
    _check(source)
