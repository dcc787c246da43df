"""What a handler runs on the way to a lookup, for VC214: the caller used only in a branch that has already answered
scopes nothing the lookup reads.

`if entry_id is None: return db.entries_for(conn, user_id)` then `row = db.entry_by_id(conn, entry_id)`: the caller
scopes the listing, and the request that reaches the lookup by id has left that branch behind. The branches that end
by returning or raising before the lookup (and beside it, `if`/`else`) are off its path; so is a local bound there or
before whose every read is in such a branch (`user_id = cherrypy.session["user_id"]`). Tests of `if`s stay on the path:
`if order.owner_id != user.id: return 404` after the lookup, or a role test before it, are checks.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from vibecheck.cst_fields import child_nodes

EXITS = (cst.Return, cst.Raise)


def off_path(body: cst.BaseSuite, lookup: cst.CSTNode) -> set[int]:
    """The ids of the nodes of `body` that the request reaching `lookup` does not run: the branches that answered
    before it, and the assignments whose locals only those branches read; empty when no branch answered first."""
    ancestors = _ancestors(body, lookup)
    if ancestors is None:
        return set()
    skipped = {id(branch) for branch in _answered_branches(body, ancestors)}
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


def _answered_branches(block: cst.CSTNode, ancestors: set[int]) -> Iterator[cst.BaseSuite]:
    """The branches of the `if`s up to the lookup's statement, and of those around it, that end by returning or
    raising and do not hold the lookup."""
    statements = getattr(block, "body", ())
    for statement in statements if isinstance(statements, (list, tuple)) else ():
        holds = id(statement) in ancestors
        if type(statement) is cst.If:
            yield from (b for b in _branches(statement) if id(b) not in ancestors and _answers(b))
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


def _answers(branch: cst.BaseSuite) -> bool:
    """The branch ends by returning or raising: `return db.entries_for(conn, user_id)`, `raise NotFound()`."""
    last = branch.body[-1] if branch.body else None
    if type(last) is cst.SimpleStatementLine:
        last = last.body[-1] if last.body else None
    return isinstance(last, EXITS)
