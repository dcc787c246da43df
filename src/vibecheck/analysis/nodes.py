"""libcst helpers that every rule family needs, so each need not write its own."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst


def callee_tail(func: cst.BaseExpression) -> str | None:
    """The last name of a callee (`close` for `self.stream.close`, `run` for `run`); None for any other callee."""
    kind = type(func)
    return func.attr.value if kind is cst.Attribute else func.value if kind is cst.Name else None  # type: ignore[attr-defined]


def concrete_subclasses(base: type) -> frozenset[type]:
    """Every class below `base` (and `base` itself): `type(node) in` the set is `isinstance` without ABCMeta's cost."""
    found: set[type] = {base}
    pending: list[type] = [base]
    while pending:
        subclass: type
        for subclass in pending.pop().__subclasses__():
            if subclass not in found:
                found.add(subclass)
                pending.append(subclass)
    return frozenset(found)


def suite_statements(suite: cst.BaseSuite) -> list[cst.CSTNode]:
    """A block's statements in order, one-line statements split into their small statements (`a(); b()`)."""
    if type(suite) is cst.SimpleStatementSuite:  # exact types: ABCMeta's `isinstance` is dear on this hot path
        return list(suite.body)
    statements: list[cst.CSTNode] = []
    for line in suite.body:
        if type(line) is cst.SimpleStatementLine:
            statements.extend(line.body)
        else:
            statements.append(line)
    return statements


def descendants(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The node and every node below it, depth first, nested functions and classes included (libcst's `children`:
    for a search of a small tree, or of a module already known by its text to hold what is searched)."""
    pending = [node]
    while pending:
        current = pending.pop()
        yield current
        pending.extend(current.children)


def is_name(node: cst.CSTNode | None, value: str) -> bool:
    """`node` is the name `value` as written (`True`, `False`, `None`, `shell`): no alias, no evaluation."""
    return type(node) is cst.Name and node.value == value


def is_none_or_false(node: cst.CSTNode | None) -> bool:
    """`None` or `False` as written: a switch turned off."""
    return type(node) is cst.Name and node.value in ("None", "False")


def head_name(node: cst.BaseExpression) -> str | None:
    """`a` for `a.b.c`, `a.b.c()` and `a[0].b`: the name a chain of calls, attributes and subscripts starts from; None
    when it starts from anything else."""
    while True:
        if type(node) is cst.Call:
            node = node.func
        elif type(node) is cst.Attribute or type(node) is cst.Subscript:
            node = node.value
        else:
            return node.value if type(node) is cst.Name else None


def target_parts(target: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """What an assignment or loop target stores into, unpacked: `rows` of `rows = ...`; `cleaned`, `rest` and
    `self.total` of `(cleaned, *rest), self.total = ...`; the subscript `items[i]` whole (its index is only read)."""
    pending: list[cst.CSTNode] = [target]
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is cst.Tuple or kind is cst.List:
            pending.extend(element.value for element in reversed(node.elements))  # type: ignore[attr-defined]
        elif kind is cst.StarredElement:
            pending.append(node.value)  # type: ignore[attr-defined]
        else:
            yield node


def bound_names(target: cst.CSTNode) -> list[str]:
    """The plain names a target binds, in order (`cleaned`, `rest` of `(cleaned, *rest), self.total = ...`): not the
    names it only reads, as the root of `self.total` or the index of `items[i]`."""
    if type(target) is cst.Name:  # (most targets: no walk)
        return [target.value]
    return [part.value for part in target_parts(target) if type(part) is cst.Name]  # type: ignore[attr-defined]
