"""What a handler runs on the way to a lookup, for VC214: the caller used only in a branch that has already answered
scopes nothing the lookup reads.

`if entry_id is None: return db.entries_for(conn, user_id)` then `row = db.entry_by_id(conn, entry_id)`: the caller
scopes the listing, and the request that reaches the lookup by id has left that branch behind. The branches that end
by returning or raising before the lookup (and beside it, `if`/`else`) are off its path; so is a local bound there or
before whose every read is in such a branch (`user_id = cherrypy.session["user_id"]`). Tests of `if`s stay on the path:
`if order.owner_id != user.id: return 404` after the lookup, or a role test before it that refuses (`if not
user.is_staff: abort(403)`), are checks; a role test that answers its holders with data (`if user.is_staff: return
all_items()`) refuses no one, and everyone else goes on to the lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst

from vibecheck.analysis.secrets_names import name_words
from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.patterns import lazy_pattern

EXITS = (cst.Return, cst.Raise)
NEGATIONS = (cst.NotEqual, cst.IsNot, cst.NotIn)
# What a refusing answer is spelled with: an error status, or a word of the call or constant that makes it.
ERROR_STATUS = lazy_pattern(r"4\d\d")
REFUSAL_WORDS = frozenset({"abort", "redirect", "forbidden", "unauthorized", "unauthorised", "denied", "deny", "error",
                           "errors", "login", "reject", "refuse", "403", "401", "404", "not", "found", "permission"})


def off_path(body: cst.BaseSuite, lookup: cst.CSTNode, tests_a_role: Callable[[cst.BaseExpression], bool]) -> set[int]:
    """The ids of the nodes of `body` that the request reaching `lookup` does not run, or that check nothing on its way:
    the branches that answered before it, the `if`s whose role test answered its holders with data (`if
    request.user.is_staff: return Response(all_items)`: a test that refuses no one), and the assignments whose locals
    only those read; empty when no branch answered first. A negated test (`if not user.is_staff: return ...`) or a
    refusing answer (`abort(403)`, `return {"error": ...}, 403`, a redirect, `return None`) is a check."""
    ancestors = _ancestors(body, lookup)
    if ancestors is None:
        return set()
    answered = list(_answered_branches(body, ancestors))
    skipped = {id(branch) for _, branch in answered}
    skipped.update(id(statement) for statement, branch in answered if branch is statement.body
                   and _asserts(statement.test) and tests_a_role(statement.test) and _answers_with_data(branch))
    if not skipped:
        return skipped
    read: set[str] = set()
    assigned: list[cst.Assign] = []
    targets: set[int] = set()
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if id(node) in skipped:
            continue
        if type(node) is cst.Assign and all(type(t.target) is cst.Name for t in node.targets):
            assigned.append(node)
            targets.update(id(t.target) for t in node.targets)
        elif type(node) is cst.Name and id(node) not in targets:
            read.add(node.value)
        pending.extend(child_nodes(node))
    skipped.update(id(a) for a in assigned if id(a) not in ancestors
                   and all(t.target.value not in read for t in a.targets))  # type: ignore[attr-defined]
    return skipped


def _ancestors(root: cst.CSTNode, target: cst.CSTNode) -> set[int] | None:
    """The ids of the nodes from `root` down to `target`, or None when it is not inside."""
    parents: dict[int, cst.CSTNode] = {}
    pending: list[cst.CSTNode] = [root]
    while pending:
        node = pending.pop()
        if node is target:
            found = {id(node)}
            while id(node) in parents:
                node = parents[id(node)]
                found.add(id(node))
            return found
        for child in child_nodes(node):
            parents[id(child)] = node
            pending.append(child)
    return None


def _answered_branches(block: cst.CSTNode, ancestors: set[int]) -> Iterator[tuple[cst.If, cst.BaseSuite]]:
    """The branches (with their `if`) of the `if`s up to the lookup's statement, and of those around it, that end by
    returning or raising and do not hold the lookup."""
    statements = getattr(block, "body", ())
    for statement in statements if isinstance(statements, (list, tuple)) else ():
        holds = id(statement) in ancestors
        if type(statement) is cst.If:
            yield from ((statement, b) for b in _branches(statement) if id(b) not in ancestors and _answers(b))
        if holds:
            yield from (branch for suite in _suites(statement) if id(suite) in ancestors
                        for branch in _answered_branches(suite, ancestors))
            return


def _branches(statement: cst.If) -> Iterator[cst.BaseSuite]:
    current: cst.If | cst.Else | None = statement
    while current is not None:
        yield current.body
        current = current.orelse if type(current) is cst.If else None


def _suites(statement: cst.CSTNode) -> Iterator[cst.BaseSuite]:
    """The blocks a compound statement runs (an `if`'s branches, a `with`'s or a `try`'s body, its handlers')."""
    pending = list(child_nodes(statement))
    while pending:
        node = pending.pop()
        if isinstance(node, cst.BaseSuite):
            yield node
        elif not isinstance(node, cst.BaseExpression):
            pending.extend(child_nodes(node))


def _last_statement(branch: cst.BaseSuite) -> cst.CSTNode | None:
    last = branch.body[-1] if branch.body else None
    if type(last) is cst.SimpleStatementLine:
        last = last.body[-1] if last.body else None
    return last


def _answers(branch: cst.BaseSuite) -> bool:
    """The branch ends by returning or raising: `return db.entries_for(conn, user_id)`, `raise NotFound()`."""
    return isinstance(_last_statement(branch), EXITS)


def _asserts(test: cst.BaseExpression) -> bool:
    """A test with no negation in it: `user.is_staff`, `role == "admin"`, not `not user.is_staff` or `role != ...`."""
    return not any(type(node) is cst.Not or type(node) in NEGATIONS for node in walk_own(test))


def _answers_with_data(branch: cst.BaseSuite) -> bool:
    """The branch returns a value that is no refusal: no error status (`403`), no call or name that reads as one
    (`abort`, `redirect`, `HttpResponseForbidden`, `status.HTTP_401_UNAUTHORIZED`), not `None`; and raises nowhere."""
    last = _last_statement(branch)
    if type(last) is not cst.Return or last.value is None or any(isinstance(n, cst.Raise) for n in walk_own(branch)):
        return False
    for node in walk_own(last.value):
        if type(node) is cst.Integer and ERROR_STATUS.fullmatch(node.value):
            return False
        if type(node) is cst.Name and (node.value == "None" or REFUSAL_WORDS.intersection(name_words(node.value))):
            return False
    return True
