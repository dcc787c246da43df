"""Which rules leave test files alone: they declare `applies_to_tests = False` and the engine does not run them there."""

from __future__ import annotations

import pytest

from tests.conftest import complete_registry
from vibecheck.docs import parse_doc
from vibecheck.rule import Rule
from vibecheck.testing import findings_for

# The rules whose risk needs a real client: in a test file, a handler is a fixture that no client reaches (and a URL
# test routes a mock transport or checks a result).
CLIENT_DATA = ("VC207", "VC405", "VC409", "VC411", "VC412", "VC413", "VC414", "VC415", "VC416", "VC419", "VC421", "VC422",
               "VC427", "VC428", "VC429", "VC231", "VC232", "VC234")
# The rules whose risk needs a deployment: a test's settings, keys, tokens, guards and requests are fixtures, and its
# event loop serves that test alone.
DEPLOYMENT = ("VC106", "VC107", "VC110", "VC202", "VC203", "VC204", "VC206", "VC209", "VC210", "VC211", "VC212", "VC213",
              "VC214", "VC216", "VC217", "VC218", "VC230", "VC402", "VC404", "VC410", "VC418", "VC423", "VC424", "VC425",
              "VC426", "VC430", "VC507", "VC233")
FILE_RULES = {rule.code: rule for rule in complete_registry().file_rules}


def test_these_are_the_rules_that_skip_test_files() -> None:
    assert sorted(code for code, rule in FILE_RULES.items() if not rule.applies_to_tests) == sorted(CLIENT_DATA + DEPLOYMENT)


@pytest.mark.parametrize("code", CLIENT_DATA + DEPLOYMENT)
def test_a_rule_that_skips_test_files_reports_its_example_only_outside_them(code: str) -> None:
    rule: type[Rule] = FILE_RULES[code]
    example = parse_doc(rule.__doc__ or "").code_block("Example")
    assert [f for f in findings_for(rule, example, path="app/settings.py") if f.code == code]
    assert findings_for(rule, example, path="app/settings.py", is_test_file=True) == []
