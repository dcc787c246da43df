"""Whether a built SQL query holds a dict's keys and nothing else that varies: `f'"{key}"' for key in row.keys()`
joined into `INSERT INTO t ({columns}) VALUES ({markers})`, its values bound as parameters. Whoever chooses the keys
(a dict built from `**request.json`) names the columns and can rewrite the query, but no value reaches the text: the
finding says so and asks for an allow-list of columns or identifier quoting, not for parameters the code already uses.

Asked of a built query in a summarising walk (a helper may execute it) and where a finding is reported: the values the
walk bound the function's names to are followed back from the query."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

KEY, VALUE = "key", "value"
# How deep the assignments are followed back from the query (`query` <- `columns` <- a comprehension).
MAX_DEPTH = 6
# Calls that pass their arguments' text into the result: `", ".join(parts)`, `str(key)`, `"...".format(key)`.
TEXT_METHODS = frozenset({"join", "format", "strip", "lower", "upper"})
TEXT_FUNCTIONS = frozenset({"str"})
_LITERALS = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary)
_COMPREHENSIONS = (cst.GeneratorExp, cst.ListComp, cst.SetComp)

TaintOf = Callable[[cst.BaseExpression], object]
def only_keys_reach(query: cst.BaseExpression, assignments: dict[str, list[cst.BaseExpression]] | None,
                    taint_of: TaintOf) -> bool:
    """Whether what varies in `query` is only the keys of a dict (`for key in d`, `d.keys()`, `for k, _ in d.items()`).
    `assignments` are what the walk bound each local name to so far (`x = ...`, `x += ...` as `x + ...`); `taint_of` is
    the flow's taint of an expression where the query is built or used: an expression without one adds nothing that
    varies."""
    if assignments is None:
        return False
    found = _Reader(assignments, taint_of).kinds(query, {}, 0)
    return KEY in found and VALUE not in found


class _Reader:
    """Follows a query back to what varies in it: a dict's keys (KEY) or anything else (VALUE)."""

    def __init__(self, assignments: dict[str, list[cst.BaseExpression]], taint_of: TaintOf) -> None:
        self.assignments = assignments
        self.taint_of = taint_of
        self.following: set[str] = set()

    def kinds(self, node: cst.BaseExpression, bound: dict[str, str], depth: int) -> set[str]:
        """What varies in `node`; `bound` holds the names an enclosing comprehension binds (KEY or VALUE)."""
        kind = type(node)
        if isinstance(node, _LITERALS):
            return set()
        if kind is cst.Name:
            return self._name(node, bound, depth)  # type: ignore[arg-type]
        if kind is cst.FormattedString:
            return self._union([part.expression for part in node.parts  # type: ignore[attr-defined]
                                if type(part) is cst.FormattedStringExpression], bound, depth)
        if kind is cst.ConcatenatedString or kind is cst.BinaryOperation:
            return self._union([node.left, node.right], bound, depth)  # type: ignore[attr-defined]
        if isinstance(node, _COMPREHENSIONS):
            return self._comprehension(node, bound, depth)
        if kind is cst.Call and _passes_text(node):  # type: ignore[arg-type]
            func = node.func  # type: ignore[attr-defined]
            parts = [arg.value for arg in node.args]  # type: ignore[attr-defined]
            return self._union([func.value, *parts] if type(func) is cst.Attribute else parts, bound, depth)
        if bound and any(name in bound for name in _names(node)):
            return {VALUE}
        return {VALUE} if self.taint_of(node) is not None else set()

    def _union(self, nodes: list[cst.BaseExpression], bound: dict[str, str], depth: int) -> set[str]:
        found: set[str] = set()
        for node in nodes:
            found |= self.kinds(node, bound, depth)
            if VALUE in found:  # (the answer is known: a value varies)
                break
        return found

    def _name(self, node: cst.Name, bound: dict[str, str], depth: int) -> set[str]:
        name = node.value
        if name in bound:
            return {bound[name]}
        if self.taint_of(node) is None:
            return set()
        if name in self.following:
            return set()  # `query += ...` reads its earlier values, which its other assignments hold
        values = self.assignments.get(name)
        if not values or depth >= MAX_DEPTH:
            return {VALUE}
        self.following.add(name)
        try:
            return self._union(values, {}, depth + 1)
        finally:
            self.following.discard(name)

    def _comprehension(self, node: cst.GeneratorExp | cst.ListComp | cst.SetComp, bound: dict[str, str],
                       depth: int) -> set[str]:
        clause = node.for_in
        if clause.inner_for_in is not None:
            return {VALUE} if self.taint_of(node) is not None else set()
        names = self._bound_names(clause, depth)
        if names is None:
            return {VALUE} if self.taint_of(node) is not None else set()
        return self.kinds(node.elt, {**bound, **names}, depth)

    def _bound_names(self, clause: cst.CompFor, depth: int) -> dict[str, str] | None:
        """The comprehension's names as KEY or VALUE: `k` of `for k in d.keys()`, `for k, v in d.items()` (`v` a
        value), `for k in d` over a local dict; None for anything else it iterates."""
        source, target = clause.iter, clause.target
        view = source.func.attr.value if type(source) is cst.Call and type(source.func) is cst.Attribute \
            and not source.args else None
        if view == "keys" and type(target) is cst.Name:
            return {target.value: KEY}
        if view == "items" and type(target) is cst.Tuple and len(target.elements) == 2 \
                and all(type(e.value) is cst.Name for e in target.elements):
            key, value = (e.value.value for e in target.elements)  # type: ignore[attr-defined]  # (names)
            return {key: KEY, value: VALUE}
        if type(source) is cst.Name and type(target) is cst.Name and self._is_dict(source.value, depth):
            return {target.value: KEY}
        return None

    def _is_dict(self, name: str, depth: int) -> bool:
        values = self.assignments.get(name, [])
        return bool(values) and depth < MAX_DEPTH and all(type(value) in (cst.Dict, cst.DictComp) for value in values)


def _passes_text(call: cst.Call) -> bool:
    func = call.func
    if type(func) is cst.Attribute:
        return func.attr.value in TEXT_METHODS
    return type(func) is cst.Name and func.value in TEXT_FUNCTIONS


def _names(node: cst.CSTNode) -> set[str]:
    found: set[str] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            found.add(current.value)
        pending.extend(current.children)
    return found
