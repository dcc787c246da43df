"""What the VC4xx call-shape rules share: call arguments, literal tests, and per-function name bindings.

`BindingRule` follows simple multi-step forms inside one function (`cmd = f"..."; os.system(cmd)`): it
remembers the last value assigned to each name in the current function (and at module level), and
which names the file binds itself, so `pickle.loads` resolves to the module even without its import
unless `pickle` is a local variable.
"""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis import nodes
from vibecheck.cst_fields import names_within
from vibecheck.file_memos import file_memo, remembered
from vibecheck.literals import text_value
from vibecheck.rule import Rule

STRING_NODES = (cst.SimpleString, cst.ConcatenatedString)
# How deep a bound value is searched for uses of its own target (`f"{url}/x"` is three levels: string, part, name).
SELF_REFERENCE_DEPTH = 6


def callee_tail(call: cst.Call) -> str:
    """The last name of the callee (`run` for `subprocess.run(...)`): a cheap filter before resolving names."""
    return nodes.callee_tail(call.func) or ""


def tails(names: frozenset[str] | set[str] | dict[str, int]) -> frozenset[str]:
    return frozenset(name.rsplit(".", 1)[-1] for name in names)


def keyword(call: cst.Call, name: str) -> cst.Arg | None:
    return next((arg for arg in call.args if arg.keyword is not None and arg.keyword.value == name), None)


def positional(call: cst.Call, index: int) -> cst.Arg | None:
    plain = [arg for arg in call.args if arg.keyword is None and not arg.star]
    return plain[index] if index < len(plain) else None


def argument(call: cst.Call, index: int, name: str) -> cst.BaseExpression | None:
    """The value passed as positional `index` or as keyword `name`, whichever the call uses."""
    arg = keyword(call, name) or positional(call, index)
    return arg.value if arg is not None else None


def class_assignments(node: cst.ClassDef) -> dict[str, cst.BaseExpression]:
    """`name = value` statements of a class body, by name (a paginator's `max_page_size`, a serializer's `Meta.fields`)."""
    found: dict[str, cst.BaseExpression] = {}
    for statement in node.body.body:
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                if type(small) is cst.Assign:
                    found.update((name, small.value) for target in small.targets
                                 if (name := get_full_name_for_node(target.target)) is not None)
    return found


def string_value(node: cst.CSTNode | None) -> str | None:
    """The text of a plain string literal (also implicitly concatenated), None for anything else."""
    return text_value(node)


def param_names(params: cst.Parameters) -> list[str]:
    names = [p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)]
    for star in (params.star_arg, params.star_kwarg):
        if type(star) is cst.Param:
            names.append(star.name.value)
    return names


def uses_of(name: str, value: cst.CSTNode) -> tuple[cst.Name, ...]:
    """The uses of `name` in an expression, a few levels deep (`url` in `f"{url}/login?key={key}"`), in no particular
    order: every binding rule asks it of every assignment of every file, so the names of each value are gathered once
    per file (`_names_within`) for all of them."""
    return remembered(_NAMES_WITHIN, value, _names_within).get(name, ())


# Per file (a `file_memos.file_memo`): value id -> (value, its names within `SELF_REFERENCE_DEPTH`, by identifier).
_NAMES_WITHIN: dict[int, tuple[cst.CSTNode, dict[str, tuple[cst.Name, ...]]]] = file_memo({})


def _names_within(value: cst.CSTNode) -> dict[str, tuple[cst.Name, ...]]:
    """The `Name` nodes up to `SELF_REFERENCE_DEPTH` levels below `value`, by identifier (`cst_fields.names_within`)."""
    return names_within(value, SELF_REFERENCE_DEPTH)


class BindingRule(Rule):
    """A rule base that knows the last value of each name in the current function (no code: not registered).

    A value that names its own target (`url = f"{url}/login"`) means the previous value there: those uses are
    remembered with it, so following `url` gives the whole text instead of going round the new binding.
    """

    def __init__(self, context: Any, options: Any = None) -> None:
        super().__init__(context, options)
        self._scopes: list[dict[str, cst.BaseExpression | None]] = [{}]
        # how often each name is bound, per scope (a parameter once, by the call): a value bound once is the only one
        self._counts: list[dict[str, int]] = [{}]
        self._bound: set[str] = set()
        self._earlier: dict[int, cst.BaseExpression | None] = {}  # a use of a name in its own new value -> previous

    # scopes
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._bound.add(node.name.value)
        names = param_names(node.params)
        self._bound.update(names)
        self._scopes.append(dict.fromkeys(names))
        self._counts.append(dict.fromkeys(names, 1))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.pop()
        self._counts.pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        names = param_names(node.params)
        self._bound.update(names)
        self._scopes.append(dict.fromkeys(names))
        self._counts.append(dict.fromkeys(names, 1))

    def leave_Lambda(self, node: cst.Lambda) -> None:
        self._scopes.pop()
        self._counts.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._bound.add(node.name.value)

    # bindings, recorded when the statement is left so its own value sees the previous binding
    def leave_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind(target.target, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._bind(node.target, node.value)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        if isinstance(node.target, cst.Name):
            previous = self.value_of(node.target)
            if isinstance(node.operator, cst.AddAssign) and previous is not None:
                self._bind(node.target, cst.BinaryOperation(previous, cst.Add(), node.value), reads=node.value)
            else:
                self._bind(node.target, None)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        """`(match := pattern.search(text))`: a binding whose value is not followed, counted so that a name also bound
        here has no single value."""
        self._bind(node.target, None)

    def leave_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind(node.asname.name, node.item)

    def visit_For(self, node: cst.For) -> None:
        self._bind(node.target, None)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind(node.target, None, remember=False)

    def _bind(self, target: cst.BaseExpression, value: cst.BaseExpression | None, *, remember: bool = True,
              reads: cst.BaseExpression | None = None) -> None:
        """Record `target = value`; the uses of the target in `reads` (default: the whole value; for `+=`, only the
        added part, the rest being the previous value itself) mean the previous value."""
        if type(target) is cst.Name:
            self._bound.add(target.value)
            if remember:
                if value is not None:
                    previous = self.value_of(target)
                    for use in uses_of(target.value, value if reads is None else reads):
                        self._earlier[id(use)] = previous
                self._scopes[-1][target.value] = value
                counts = self._counts[-1]
                counts[target.value] = counts.get(target.value, 0) + 1
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind(element.value, None, remember=remember)

    # queries
    def value_of(self, node: cst.BaseExpression) -> cst.BaseExpression | None:
        """The last value assigned to a name in this function, else at module level; None if unknown."""
        if not isinstance(node, cst.Name):
            return None
        if id(node) in self._earlier:
            return self._earlier[id(node)]
        for scope in (self._scopes[-1], self._scopes[0]):
            if node.value in scope:
                return scope[node.value]
        return None

    def single_value(self, name: cst.Name) -> cst.BaseExpression | None:
        """The value of a name bound exactly once in its scope, and not a parameter: `resolve` follows the last
        binding, which an earlier branch may not have taken; a proof of safety needs the only one."""
        scope, counts = self._scopes[-1], self._counts[-1]
        if name.value not in scope and "global" not in self.context.source:
            scope, counts = self._scopes[0], self._counts[0]
        value = scope.get(name.value)
        return value if value is not None and counts.get(name.value) == 1 and id(name) not in self._earlier else None

    def resolve(self, node: cst.BaseExpression, depth: int = 4) -> cst.BaseExpression:
        """Follow names to the expression they were last assigned (a few steps), or return the node."""
        while depth and isinstance(node, cst.Name):
            value = self.value_of(node)
            if value is None:
                break
            node, depth = value, depth - 1
        return node

    def module_name(self, node: cst.CSTNode) -> str | None:
        """Qualified name of a call or reference; None when its head is a variable of this scope, not a module."""
        target = node.func if isinstance(node, cst.Call) else node
        head = nodes.head_name(target) if isinstance(target, cst.BaseExpression) else None
        if head is not None and (head in self._scopes[-1] or (head not in self.context.imports.aliases and head in self._bound)):
            return None
        return self.qualified_name(node)

    def may_call(self, node: cst.Call, callee_tails: frozenset[str]) -> bool:
        """Cheap pre-check: the callee ends in one of `callee_tails`, or is a name imported under an alias."""
        tail = callee_tail(node)
        return tail in callee_tails or (type(node.func) is cst.Name and tail in self.context.imports.aliases)

    def source_of(self, node: cst.CSTNode) -> str:
        return self.context.module.code_for_node(node)

    @staticmethod
    def dotted(node: cst.BaseExpression) -> str | None:
        return get_full_name_for_node(node)
