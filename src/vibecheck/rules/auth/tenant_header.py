"""A tenant id the client sends in a header (`X-Tenant-ID`, `X-Org-Id`, `X-Team-Id`, `X-Workspace`) used as the scope
of a query: VC207's.

Multi-tenant apps written by agents read the tenant from a header the front end sets and filter every query by it
(`Invoice.query.filter_by(tenant_id=request.headers["X-Tenant-ID"])`, `request.tenant =
Organization.objects.get(pk=org_id)` in a middleware). The header is the client's: any signed-in user reads another
tenant's rows by sending its id. A lookup that also names the caller (`request.user.organizations.get(pk=org_id)`)
or a test of the id against the caller's memberships first scopes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import libcst as cst

from vibecheck.analysis.flow import FlowState, Taint, dotted_name, iter_calls, iter_expressions
from vibecheck.analysis.secrets_names import name_words
from vibecheck.patterns import lazy_pattern

# Words naming a tenant or the group a multi-tenant app scopes data by (a team picker's `X-Team-Id`, a B2B account's
# `X-Account-Id`), in a header, a variable, a column or a model.
TENANT_WORDS = frozenset({"tenant", "tenants", "org", "orgs", "organization", "organisation", "workspace", "company",
                          "team", "teams", "account"})
# Last words of a field that describes a tenant rather than naming which one (`account_type`, `team_name`): a filter
# on it scopes nothing.
DESCRIBING_WORDS = frozenset({"type", "kind", "name", "status", "plan", "tier", "role", "currency", "email", "size"})
# A module that reads such a header (`"X-Tenant-ID"`, `HTTP_X_ORG_ID`, FastAPI's `x_tenant_id` parameter): only there is
# the check run.
_TENANT_ALTERNATIVES = "|".join(sorted(TENANT_WORDS, key=len, reverse=True))
TENANT_HEADER_TEXT = lazy_pattern(rf"x[-_](?:{_TENANT_ALTERNATIVES})", re.IGNORECASE)
# Where a header's value comes from, as the flow names its origin.
HEADER_ORIGINS = ("request.headers", "request.META", "self.request.headers", "self.request.META", "req.headers",
                  "headers")
# The keys a tenant model is looked up by: its id, or the slug or UUID a workspace picker sends in its place.
KEY_ARGUMENTS = frozenset({"pk", "id", "slug", "uuid"})
# What tells only whether someone is signed in.
SIGN_IN_TESTS = ("is_authenticated", "is_anonymous", "is_active")


def tenant_scopes(node: cst.CSTNode, state: FlowState) -> Iterator[tuple[cst.BaseExpression, Taint]]:
    """The values from a tenant header that scope a query in `node`: a keyword named for a tenant
    (`filter_by(tenant_id=...)`), the key of a tenant model's lookup (`Organization.objects.get(pk=...)`), or a
    comparison with a tenant column (`Project.tenant_id == x_tenant_id`), in a call that names no caller."""
    for call in iter_calls(node):
        if _names_the_caller(call):
            continue
        model_is_tenant = bool(TENANT_WORDS & set(name_words(dotted_name(_receiver_root(call.func)) or "")))
        for arg in call.args:
            keyword = arg.keyword.value if arg.keyword is not None else ""
            if _names_a_tenant(keyword) or (model_is_tenant and keyword in KEY_ARGUMENTS):
                yield from _from_header(arg.value, state)
            elif type(arg.value) is cst.Comparison and _names_a_tenant(dotted_name(arg.value.left) or ""):
                for comparison in arg.value.comparisons:
                    yield from _from_header(comparison.comparator, state)


def _names_a_tenant(name: str) -> bool:
    """`tenant_id`, `team`, `Project.org_id`, `organization__slug`; not `account_type`."""
    words = name_words(name)
    return bool(TENANT_WORDS.intersection(words)) and words[-1] not in DESCRIBING_WORDS


def _from_header(value: cst.BaseExpression, state: FlowState) -> Iterator[tuple[cst.BaseExpression, Taint]]:
    taint = state.taint_of(value)
    if taint is not None and taint.kind == "request" and _is_tenant_header(value, taint):
        yield value, taint


def _is_tenant_header(value: cst.BaseExpression, taint: Taint) -> bool:
    """A header's value (by its origin, or a FastAPI `x_...` parameter) read under a tenant's name."""
    origin = taint.origin
    header = origin.startswith(HEADER_ORIGINS) or origin.startswith("x_")
    named = " ".join(filter(None, (taint.key, dotted_name(value), origin)))
    return header and _names_a_tenant(named)


def _receiver_root(func: cst.BaseExpression) -> cst.BaseExpression:
    """`Organization` of `Organization.objects.get`, `db` of `db.get`."""
    while type(func) is cst.Attribute:
        func = func.value
    return func


def _names_the_caller(call: cst.Call) -> bool:
    """The call also reads the signed-in user (`request.user.organizations.get(pk=org_id)`, `owner=current_user`)."""
    for inner in iter_expressions(call):
        dotted = dotted_name(inner) if type(inner) in (cst.Name, cst.Attribute) else None
        if dotted and ("user" in name_words(dotted) or dotted.startswith(("current_user", "g.user", "request.user"))):
            return True
    return False


def tested_against_the_caller(test: cst.BaseExpression) -> set[str]:
    """The names an `if` tests together with the signed-in user (`if tenant_id not in current_user.tenant_ids:`); a test
    that the user is signed in (`request.user.is_authenticated`) relates no tenant to them."""
    names = {inner.value for inner in iter_expressions(test) if type(inner) is cst.Name}
    users = any("user" in name_words(dotted) and not dotted.endswith(SIGN_IN_TESTS)
                for inner in iter_expressions(test) if type(inner) in (cst.Name, cst.Attribute)
                for dotted in (dotted_name(inner) or "",))
    return names if users else set()
