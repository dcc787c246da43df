"""VC230: an `assert` that decides an authorization or input-validation question, which `python -O` removes."""

from __future__ import annotations

import re
from collections.abc import Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.flow import REQUEST_DATA_ATTRIBUTES, REQUEST_DATA_METHODS, REQUEST_OBJECT_NAMES
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule

# Attributes and calls whose answer is an authorization decision (Django, DRF, Flask-Login, common helpers).
AUTHORIZATION_NAMES = frozenset({
    "is_authenticated", "is_staff", "is_superuser", "is_admin", "has_perm", "has_perms", "has_permission",
    "has_object_permission", "has_role", "has_access", "is_owner", "check_permission", "check_permissions",
    "check_object_permissions", "user_passes_test",
})
AUTHORIZATION_NAME = lazy_pattern(r"^(is|has|can)_\w*(admin|staff|owner|perm|role|access|authori[sz]ed|superuser|moderator)"
                                  r"|^(check|verify|require|ensure)_\w*(perm|access|role|owner|authori[sz]|admin)", re.IGNORECASE)
# An ownership test compares one of these with the caller (`order.owner == request.user`).
OWNER_NAMES = frozenset({"owner", "owner_id", "user", "user_id", "author", "author_id", "created_by", "created_by_id",
                         "account_id", "tenant_id"})
# A role test compares one of these, read from an object or claims, with a value (`user.role == "admin"`,
# `claims["role"] in ALLOWED`, `"admin" in current_user.roles`).
ROLE_NAMES = frozenset({"role", "roles", "user_type", "account_type", "access_level", "scopes", "scope", "groups",
                        "permissions", "privileges"})
CALLER_NAMES = ("request.user", "current_user", "g.user", "self.request.user", "get_current_user", "request.auth")
# A message that says the assert checks how the program is set up, not who calls it: `"SessionMiddleware must be
# installed to access request.session"` fails for the developer who forgot a step, whatever the client sends.
SETUP_MESSAGE = lazy_pattern(r"\bmust be (?:installed|configured|enabled|registered|set ?up|initiali[sz]ed|added)\b"
                             r"|\bmiddleware\b|\bnot (?:installed|configured|enabled|registered)\b", re.IGNORECASE)
HINT = ("Replace the `assert` with an `if` that raises (`PermissionDenied`, `abort(403)`, `ValidationError`), "
        "so the check also runs under `python -O`.")


def _parts(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node of an expression, outermost first; not inside lambdas (not evaluated here) or `isinstance`
    (a type check of an argument is an API-misuse check, whatever the argument is)."""
    pending = [node]
    while pending:
        current = pending.pop()
        yield current
        if isinstance(current, cst.Lambda) or (
                isinstance(current, cst.Call) and (get_full_name_for_node(current.func) or "") == "isinstance"):
            continue
        pending.extend(reversed(current.children))


def _role_read(side: cst.BaseExpression) -> bool:
    """`user.role`, `claims["role"]`, `payload.get("scopes")`: a role read from an object, not a bare local."""
    if isinstance(side, cst.Attribute):
        return side.attr.value in ROLE_NAMES
    if isinstance(side, cst.Subscript) and len(side.slice) == 1 and isinstance(side.slice[0].slice, cst.Index):
        return literal_value(side.slice[0].slice.value) in ROLE_NAMES
    if isinstance(side, cst.Call) and isinstance(side.func, cst.Attribute) and side.func.attr.value == "get" and side.args:
        return literal_value(side.args[0].value) in ROLE_NAMES
    return False


def _narrows_type(test: cst.BaseExpression, part: cst.CSTNode) -> bool:
    """`assert request.uri is not None`: the whole test tells the type checker that the server filled the attribute
    in; the client's data is neither read nor judged."""
    return (isinstance(test, cst.Comparison) and test.left is part and len(test.comparisons) == 1
            and isinstance(test.comparisons[0].operator, cst.IsNot)
            and isinstance(test.comparisons[0].comparator, cst.Name) and test.comparisons[0].comparator.value == "None")


def _compares_role(comparison: cst.Comparison) -> bool:
    return any(map(_role_read, [comparison.left, *(target.comparator for target in comparison.comparisons)]))


class AssertAsSecurityCheck(Rule):
    """An `assert` decides whether the caller is allowed in, or whether client input is valid.

    ## What it does
    Reports an `assert` statement outside test files whose condition takes an authorization decision
    (`request.user.is_staff`, `user.has_perm(...)`, `has_object_permission(...)`, `can_edit_order(...)`,
    an ownership test such as `order.owner == request.user`, a role test such as `user.role == "admin"` or
    `claims["role"] in ALLOWED`) or validates client input (it reads
    `request.args`, `request.data`, `request.POST`, `request.get_json()`, ...).

    It supersedes bandit's `B101` on that line: vibecheck reports `B101` (every `assert`) as a notice,
    because in library code an `assert` checks an API's use or an invariant; this is the `assert` worth
    failing the build on. Type and invariant asserts (`assert isinstance(x, int)`, `assert request.uri is not
    None` for the type checker) are not reported, nor an assert whose message says it checks the program's setup
    (`"SessionMiddleware must be installed to access request.session"`).

    ## Why is this bad?
    Python removes every `assert` when it runs with `-O` or `PYTHONOPTIMIZE`, which some production images
    and packagers set. The permission check or the input validation then disappears, and every request
    goes through: an access-control bypass that no test run shows, because tests never run optimised.

    ## Example
    ```python
    from django.http import JsonResponse


    def delete_invoice(request, invoice):
        assert request.user.is_staff, "staff only"
        invoice.delete()
        return JsonResponse({"deleted": True})
    ```

    ## Use instead
    ```python
    from django.core.exceptions import PermissionDenied
    from django.http import JsonResponse


    def delete_invoice(request, invoice):
        if not request.user.is_staff:
            raise PermissionDenied("staff only")
        invoice.delete()
        return JsonResponse({"deleted": True})
    ```

    ## References
    - [CWE-617: Reachable Assertion](https://cwe.mitre.org/data/definitions/617.html)
    - [CWE-285: Improper Authorization](https://cwe.mitre.org/data/definitions/285.html)
    - [Python: the `assert` statement and `-O`](https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement)
    - [bandit B101: assert_used](https://bandit.readthedocs.io/en/latest/plugins/b101_assert_used.html)
    """

    code = "VC230"
    name = "assert-as-security-check"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (617, 285)
    applies_to_tests = False  # a test's asserts are its checks, and `-O` does not run tests
    supersedes = ("B101",)

    def visit_Assert(self, node: cst.Assert) -> None:
        if SETUP_MESSAGE.search(str(literal_value(node.msg) or "")):
            return
        decision = self._decision(node.test)
        if decision is None:
            return
        what, name = decision
        self.report(node, f"This `assert` {what} (`{name}`); `python -O` removes it, and the check with it.", hint=HINT)

    def _decision(self, test: cst.BaseExpression) -> tuple[str, str] | None:
        """(what the assert decides, the name that shows it), or None for an ordinary assert."""
        for part in _parts(test):
            if isinstance(part, cst.Comparison) and self._ownership(part):
                return "decides who owns the object", self.context.module.code_for_node(part)
            if isinstance(part, cst.Comparison) and _compares_role(part):
                return "decides an authorization question", self.context.module.code_for_node(part)
            if not isinstance(part, (cst.Name, cst.Attribute)):
                continue
            dotted = get_full_name_for_node(part) or ""
            last = dotted.rsplit(".", 1)[-1]
            if last in AUTHORIZATION_NAMES or AUTHORIZATION_NAME.match(last):
                return "decides an authorization question", dotted
            if self._reads_request(part, dotted) and not _narrows_type(test, part):
                return "validates client input", dotted
        return None

    @staticmethod
    def _reads_request(part: cst.CSTNode, dotted: str) -> bool:
        if not isinstance(part, cst.Attribute):
            return False
        owner = dotted.rsplit(".", 1)[0]
        attribute = part.attr.value
        requestish = owner in REQUEST_OBJECT_NAMES or owner.endswith(".request")
        return requestish and (attribute in REQUEST_DATA_ATTRIBUTES or attribute in REQUEST_DATA_METHODS)

    @staticmethod
    def _ownership(comparison: cst.Comparison) -> bool:
        sides = [comparison.left, *(target.comparator for target in comparison.comparisons)]
        names = [get_full_name_for_node(side) or "" for side in sides]
        mentions_caller = any(name.startswith(CALLER_NAMES) for name in names)
        mentions_owner = any(name.rsplit(".", 1)[-1] in OWNER_NAMES and not name.startswith(CALLER_NAMES)
                             for name in names if "." in name)
        return mentions_caller and mentions_owner
