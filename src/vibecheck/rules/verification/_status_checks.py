"""Which HTTP status codes an assertion on a response's status accepts (`in (200, 500)`, `< 600`), and which exit
statuses one on a command's result accepts (`exit_code in (0, 1)`).

VC304 asks whether such a check still tells success from failure: a check that accepts both a success
and an error status passes when the request failed.
"""

from __future__ import annotations

from http import HTTPStatus

import libcst as cst

from vibecheck.cst_fields import walk_own
from vibecheck.literals import literal_value
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.verification._shared import last_name

# Attributes and names that hold a response's numeric status (requests/httpx/Django/werkzeug, aiohttp, webtest).
STATUS_ATTRIBUTES = frozenset({"status_code", "status", "status_int"})
STATUS_NAMES = frozenset({"status_code"})
ALL_CODES = frozenset(range(100, 600))
FIRST_ERROR = 400
MIXED_STATUSES = "it accepts the success status"
# Named constants: DRF's `status.HTTP_404_NOT_FOUND`, starlette's `status.HTTP_404_NOT_FOUND`, `HTTPStatus.NOT_FOUND`.
CONSTANT_NAME = lazy_pattern(r"^HTTP_(\d{3})(?:_|$)")
HTTP_STATUS_MEMBERS = {member.name: member.value for member in HTTPStatus}
# unittest's comparison methods as the operator they assert between their first and second argument.
UNITTEST_OPERATORS = {"assertIn": "in", "assertNotIn": "not in", "assertLess": "<", "assertLessEqual": "<=",
                      "assertGreater": ">", "assertGreaterEqual": ">=", "assertNotEqual": "!="}
CST_OPERATORS = {cst.In: "in", cst.NotIn: "not in", cst.LessThan: "<", cst.LessThanEqual: "<=",
                 cst.GreaterThan: ">", cst.GreaterThanEqual: ">=", cst.NotEqual: "!="}
MIRRORED = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "!=": "!="}


def is_status_read(node: cst.BaseExpression) -> bool:
    """`response.status_code`, `resp.status`, `status_code`."""
    if isinstance(node, cst.Attribute):
        return node.attr.value in STATUS_ATTRIBUTES
    return isinstance(node, cst.Name) and node.value in STATUS_NAMES


def status_code(node: cst.BaseExpression) -> int | None:
    """`404`, `status.HTTP_404_NOT_FOUND`, `HTTPStatus.NOT_FOUND`; None for anything else."""
    if isinstance(node, cst.Integer):
        value = literal_value(node)
        return value if isinstance(value, int) and value in ALL_CODES else None
    name = last_name(node) if isinstance(node, (cst.Name, cst.Attribute)) else ""
    match = CONSTANT_NAME.match(name)
    if match:
        return int(match.group(1))
    if isinstance(node, cst.Attribute) and last_name(node.value) == "HTTPStatus":
        return HTTP_STATUS_MEMBERS.get(name)
    return None


def _codes_in(container: cst.BaseExpression) -> frozenset[int] | None:
    """The codes a literal collection or `range(...)` of codes holds; None when any member is unknown."""
    if isinstance(container, (cst.Tuple, cst.List, cst.Set)):
        codes = [status_code(e.value) if isinstance(e, cst.Element) else None for e in container.elements]
        return frozenset(c for c in codes if c is not None) if codes and None not in codes else None
    if isinstance(container, cst.Call) and isinstance(container.func, cst.Name) and container.func.value == "range":
        bounds = [literal_value(a.value) for a in container.args]
        if 1 <= len(bounds) <= 3 and all(isinstance(b, int) for b in bounds):
            return frozenset(range(*bounds)) & ALL_CODES  # type: ignore[arg-type]
    return None


def accepted_codes(status: cst.BaseExpression, operator: str, other: cst.BaseExpression) -> frozenset[int] | None:
    """The codes for which `status <operator> other` holds, when `status` is a status read; else None."""
    if not is_status_read(status):
        return None
    if operator in ("in", "not in"):
        codes = _codes_in(other)
        if codes is None:
            return None
        return codes if operator == "in" else ALL_CODES - codes
    bound = literal_value(other) if isinstance(other, cst.Integer) else status_code(other)
    if not isinstance(bound, int):
        return None
    tests = {"<": bound.__gt__, "<=": bound.__ge__, ">": bound.__lt__, ">=": bound.__le__, "!=": bound.__ne__}
    return frozenset(code for code in ALL_CODES if tests[operator](code))


def comparison_codes(test: cst.Comparison) -> frozenset[int] | None:
    """The codes a comparison on a status accepts: `r.status_code in (200, 500)`, `100 <= r.status < 600`."""
    accepted: frozenset[int] | None = None
    left = test.left
    for target in test.comparisons:
        operator = CST_OPERATORS.get(type(target.operator))
        if operator is None:
            return None
        codes = accepted_codes(left, operator, target.comparator)
        if codes is None and operator in MIRRORED:
            codes = accepted_codes(target.comparator, MIRRORED[operator], left)
        if codes is None:
            return None
        accepted = codes if accepted is None else accepted & codes
        left = target.comparator
    return accepted


def unittest_codes(method: str, args: list[cst.Arg]) -> frozenset[int] | None:
    """The codes `self.assertIn(r.status_code, (200, 500))` or `self.assertLess(r.status_code, 600)` accepts."""
    operator = UNITTEST_OPERATORS.get(method)
    if operator is None or len(args) < 2:
        return None
    first, second = args[0].value, args[1].value
    codes = accepted_codes(first, operator, second)
    if codes is None and operator in MIRRORED:
        codes = accepted_codes(second, MIRRORED[operator], first)
    return codes


def accepts_failure(codes: frozenset[int] | None) -> str | None:
    """Why a status check with these accepted codes cannot tell success from failure, or None when it can."""
    if not codes:
        return None
    if codes >= ALL_CODES:
        return "it holds for every HTTP status code"
    successes = sorted(c for c in codes if 200 <= c < 300)
    errors = sorted(c for c in codes if c >= FIRST_ERROR)
    if successes and errors:
        return f"{MIXED_STATUSES} {successes[0]} and the error status {errors[0]} alike, so it passes when the request failed"
    return None


# What holds a process's or a CLI runner's exit status (`result.exit_code` of click's CliRunner, `proc.returncode`).
EXIT_STATUS_ATTRIBUTES = frozenset({"exit_code", "returncode", "exitcode", "exit_status"})


# What holds what a process or a CLI runner printed (click's `result.output`, `proc.stdout`).
OUTPUT_ATTRIBUTES = frozenset({"output", "stdout", "stdout_bytes"})


def checked_otherwise(function: cst.FunctionDef | None, status: cst.BaseExpression) -> bool:
    """`assert run.returncode in (0, 1)` then `json.loads(run.stdout)`, or beside another assertion: for a command
    whose status 1 means "found something" (a linter, `grep`, `diff`), accepting 0 and 1 only rules out a crash and the
    verdict is what it printed or what the other assertion checks; a test with the status check as its only verdict
    keeps it."""
    if function is None or not (isinstance(status, cst.Attribute) and isinstance(status.value, cst.Name)):
        return False
    owner = status.value.value
    verdicts = 0
    for node in walk_own(function):
        if isinstance(node, cst.Attribute) and node.attr.value in OUTPUT_ATTRIBUTES \
                and isinstance(node.value, cst.Name) and node.value.value == owner:
            return True
        if isinstance(node, cst.Assert) or isinstance(node, cst.Call) and last_name(node.func).startswith("assert"):
            verdicts += 1
    return verdicts > 1


def exit_status_reason(status: cst.BaseExpression, operator: str, other: cst.BaseExpression) -> str | None:
    """`result.exit_code in (0, 1)`: a check that accepts the success status 0 and a failing one passes either way."""
    if operator != "in" or not (isinstance(status, cst.Attribute) and status.attr.value in EXIT_STATUS_ATTRIBUTES):
        return None
    if not isinstance(other, (cst.Tuple, cst.List, cst.Set)):
        return None
    codes = {literal_value(e.value) if isinstance(e, cst.Element) and isinstance(e.value, cst.Integer) else None
             for e in other.elements}
    failing = sorted(c for c in codes if isinstance(c, int) and c != 0)
    if 0 in codes and failing:
        return f"{MIXED_STATUSES} 0 and the failing exit status {failing[0]} alike, so it passes when the command failed"
    return None
