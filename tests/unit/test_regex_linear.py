"""Every regular expression vibecheck runs on file content finishes a 1 MB adversarial input.

A pattern that backtracks quadratically turns one crafted line into a hung CI job (the URL-password
pattern took 7 s on 100 KB and hours on 1 MB). Each case runs in a forked child with a limit far above
what a linear scan needs (well under a second for 1 MB) and far below what the replaced quadratic patterns
needed (minutes to hours), so a regression fails by timeout, not by a measured ratio. Every module-level
pattern (compiled, or `lazy_pattern`) is found by introspection, so a new one is covered without being listed here.
"""

from __future__ import annotations

import importlib
import multiprocessing
import pkgutil
import re
from collections.abc import Callable, Iterator

import pytest

import vibecheck
from vibecheck.analysis.app_model.frameworks import SENSITIVE_PATHS
from vibecheck.analysis.flow import looks_like_sql
from vibecheck.integrations.bandit import injection_sql
from vibecheck.patterns import lazy_pattern
from vibecheck.redaction import mask_all_literals, redact_known_secrets, redact_line, redact_string_literals
from vibecheck.reporters.escaping import printable
from vibecheck.rules.agent_artefacts.unfinished_work_comment import DEFAULT_PHRASES, compile_phrases
from vibecheck.rules.auth.auth_check_always_passes import DEFAULT_NAME_PATTERN
from vibecheck.rules.verification._reach import route_pattern
from vibecheck.suppression import parse_suppressions

MB = 1 << 20
LIMIT_SECONDS = 60
# Module-level expressions compiled at first use (`vibecheck.patterns`) are found as the compiled ones are.
LAZY_PATTERN = type(lazy_pattern(""))
# Runs that make overlapping quantifiers split the same text many ways, plus the pattern's own words.
GENERIC_UNITS = ("a", "_", " ", "a:", "aA0", "'\"****")


def _repeat(unit: str, prefix: str = "", suffix: str = "!") -> str:
    return prefix + unit * ((MB - len(prefix)) // len(unit)) + suffix


def _module_patterns() -> Iterator[tuple[str, re.Pattern]]:
    seen: set[int] = set()
    for info in pkgutil.walk_packages(vibecheck.__path__, "vibecheck."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            for item in values:
                for candidate in (item if isinstance(item, tuple) else (item,)):
                    if isinstance(candidate, (re.Pattern, LAZY_PATTERN)) and id(candidate) not in seen:
                        seen.add(id(candidate))
                        yield f"{info.name}.{name}", re.compile(candidate.pattern, candidate.flags)


def _scan(pattern: re.Pattern) -> Callable[[str], object]:
    def run(text: str) -> None:
        data = text.encode() if isinstance(pattern.pattern, bytes) else text
        pattern.match(data)
        for _ in pattern.finditer(data):
            pass
    return run


def _units(pattern: re.Pattern) -> tuple[str, ...]:
    source = pattern.pattern.decode() if isinstance(pattern.pattern, bytes) else pattern.pattern
    return GENERIC_UNITS + tuple(f"{word} " for word in re.findall(r"[a-z]{3,}", source)[:1])


# The functions that build or combine patterns at run time, on the inputs that broke their first versions:
# (id, function, (unit, prefix, suffix) of the input).
FUNCTION_CASES: list[tuple[str, Callable[[str], object], tuple[str, str, str]]] = [
    ("redact_known_secrets[scheme word]", redact_known_secrets, ("za", "", "!")),
    ("redact_known_secrets[user colons]", redact_known_secrets, ("a:", "postgres://", "!")),
    ("redact_string_literals[open quotes]", redact_string_literals, ("'\"a", "'''", "!")),
    ("redact_line[secret-named literals]", redact_line, ("password = 'x' ", "", "!")),
    ("redact_line[secret names, no literal]", redact_line, ("api_key: ", "", "!")),
    ("mask_all_literals[backslashes in an open string]", mask_all_literals, ("\\", '"', "!")),
    ("printable[escapes]", printable, ("\x1b]0;", "", "!")),
    ("looks_like_sql[select]", looks_like_sql, ("select ", "", "!")),
    ("looks_like_sql[update]", looks_like_sql, ("update ", "", "!")),
    ("bandit B608 as vibecheck runs it[select]", injection_sql._check_string, ("select ", "", "!")),
    ("bandit B608 as vibecheck runs it[insert into]", injection_sql._check_string, ("insert into ", "", "!")),
    ("parse_suppressions[noqa spaces]", parse_suppressions, (" ", "x = 1  # noqa: VC101", "!")),
    ("parse_suppressions[noqa commas]", parse_suppressions, (" , ", "x  # noqa: VC101", "!")),
    ("route_pattern[many parameters]", lambda text: route_pattern("/" + "<p>-" * 1000 + "<q>").search(text), ("x-", "", "//")),
    ("route_pattern[adjacent parameters]", lambda text: route_pattern("/a/" + "<p>" * 1000).search(text), ("x", "/a/", "//")),
    ("unfinished-work phrases", lambda text: compile_phrases(DEFAULT_PHRASES).search(text), ("simulate ", "", "!")),
    ("sensitive route paths", lambda text: re.search(SENSITIVE_PATHS, text, re.IGNORECASE), ("/users", "", "!")),
    ("auth-check name pattern", lambda text: re.match(DEFAULT_NAME_PATTERN, text), ("auth", "is_", "")),
]
CASES = [
    *((name, _scan(pattern), tuple((unit, "", "!") for unit in _units(pattern))) for name, pattern in _module_patterns()),
    *((name, function, (shape,)) for name, function, shape in FUNCTION_CASES),
]


def _run_all(function: Callable[[str], object], shapes: tuple[tuple[str, str, str], ...]) -> None:
    for unit, prefix, suffix in shapes:  # built in the child: the parent holds no megabyte strings
        function(_repeat(unit, prefix, suffix))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork to bound each case")
@pytest.mark.parametrize(("function", "shapes"), [pytest.param(f, s, id=i) for i, f, s in CASES])
def test_regex_finishes_a_megabyte_of_adversarial_input(function: Callable[[str], object],
                                                       shapes: tuple[tuple[str, str, str], ...]) -> None:
    child = multiprocessing.get_context("fork").Process(target=_run_all, args=(function, shapes))
    child.start()
    child.join(LIMIT_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"not finished after {LIMIT_SECONDS} s on 1 MB inputs {shapes!r}: the regex backtracks "
                    "super-linearly; make its quantified parts unambiguous")
    assert child.exitcode == 0
