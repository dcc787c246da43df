"""Bandit's node visitor, doing its per-node work only on the nodes a check or the visitor itself looks at.

`BanditNodeVisitor` builds a context for every node of the tree (with the node's line range, computed from its
subtree when the node has no line), logs two debug lines with eagerly formatted arguments, and looks up a
`visit_<Kind>` method by name, even for the four nodes in five (`Load`, `Name`, `Attribute`, ...) that no check
and no visitor method reads: that was two thirds of the bandit stage on Django. `SelectiveNodeVisitor` walks the
same nodes in the same order, gives the links the checks follow (`_bandit_parent` chains up the tree, from the node
they check) to the nodes a check is about to run on and their ancestors (`TreeLinks`), and builds a context,
dispatches and runs checks only for the kinds that have checks in the table or a visitor method, and reads each
class's node fields from `vibecheck.ast_fields`. A node that holds no node and is not checked (`Name`, `alias`, a
number or a docstring; the operator and context leaves `Load` or `Add`, one shared instance each) is neither walked
nor entered: a third of Django's nodes, whose links no check follows (no check starts below them).
Nothing of a skipped node's context is read later: the next node's `pre_visit` replaces it, and the line ranges
bandit caches on nodes depend on the subtree only.
Coupled to bandit's visitor (`visit_*` methods, `context`, `imports`, `import_aliases`, `namespace`) as
`vibecheck.integrations.bandit` is; checked against `bandit -r` by benchmarks/bandit_parity.py.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Collection
from typing import Any, BinaryIO

from bandit.core import node_visitor
from bandit.core import utils as bandit_utils

from vibecheck.ast_fields import CONTENT_FIELDS, LEAVES, content_fields
from vibecheck.integrations.bandit_gates import verified

# What the walk does with a node of a kind (`SelectiveNodeVisitor._mode`): nothing (a kind no check reads that holds
# no node: `Name`, `alias`), walk its children, enter it (context, visitor method or checks, children), or, for a
# `Constant`, enter it when it is a string a check reads (`SelectiveNodeVisitor._reaches_a_check`).
_SKIP, _WALK, _ENTER, _STRING = 0, 1, 2, 3


class _Modes(dict[type, int]):
    """{node class: mode}, each class's mode worked out the first time one of its nodes is met."""

    def __init__(self, mode_of: Callable[[type], int]) -> None:
        super().__init__()
        self._mode_of = mode_of

    def __missing__(self, kind: type) -> int:
        mode = self[kind] = self._mode_of(kind)
        return mode


class TreeLinks:
    """Bandit's `_bandit_parent` and `_bandit_sibling` links, set only on the nodes whose links a check may follow.

    Bandit links every node it walks before entering it. The checks follow the links only up the tree, from the node
    they check (B105's password names, B608's string chains, B703's enclosing function, vibecheck's B104 and B202
    filters) or, for `linerange`, to a line-less node's sibling (one with a line is given none unless `eager`); so the walk keeps
    the path from the root to the node it is at (`path`), and `link` gives the path its links when a check is about to
    run there: on Django's `django/` a check passes its gate at 24,000 of the 262,000 nodes walked, and linking every
    walked node was 8 % of the stage's instructions. A string is linked to its parent when entered (its gates and
    `visit_Constant` read that one link). Where a check may read links elsewhere (a plugin from a file not read for
    that: `links_follow_the_path`), `eager` links every node as it is reached, as bandit does."""

    def __init__(self, eager: bool) -> None:
        self.eager = eager
        self.path: list[ast.AST] = []
        self.linked: list[ast.AST] = []  # the nodes given a parent link, in the order they were linked (`unlink`)

    def link(self) -> None:
        """Link each node of the path to its parent (and a line-less one to its next sibling), from the last one up
        to the first linked one (whose ancestors are linked already: only a string, the last node of a path, is linked
        alone)."""
        path = self.path
        last = len(path) - 1
        for index in range(last, 0, -1):
            node = path[index]
            if "_bandit_parent" not in node.__dict__:
                parent = path[index - 1]
                node._bandit_parent = parent  # type: ignore[attr-defined]
                if self.eager or not hasattr(node, "lineno"):  # `linerange` reads only a line-less node's sibling
                    node._bandit_sibling = _next_sibling(parent, node)  # type: ignore[attr-defined]
                self.linked.append(node)
            elif index < last:
                return

    def unlink(self) -> None:
        """Remove the parent links once the checks have run. A link and the parent's field that holds the node make a
        cycle, so a linked tree is freed only by the cyclic garbage collector: on Django its collections went through
        the `ast` trees of the files checked since the last one, a second of a run's CPU. Without the links the tree
        (which the pipeline keeps until the file is done: `vibecheck.vetting` places nodes with it) is freed by
        reference counting."""
        for node in self.linked:
            node.__dict__.pop("_bandit_parent", None)
        self.linked.clear()


def _next_sibling(parent: ast.AST, node: ast.AST) -> Any:
    """What bandit's walk sets as the node's `_bandit_sibling`: the next item of the list field that holds it (None
    after the last), None for a node held by a field alone."""
    for name in parent._fields:
        value = getattr(parent, name, None)
        if type(value) is list:
            for index, item in enumerate(value):
                if item is node:
                    return value[index + 1] if index + 1 < len(value) else None
    return None


def links_follow_the_path(modules: Collection[str]) -> bool:
    """Whether the checks of these modules (and bandit's helpers they call) read links only on the path `TreeLinks`
    links: each bandit file is the one read for that (`bandit_gates.VERIFIED`), vibecheck's own checks are written so."""
    return all(module.startswith("vibecheck.") or verified(module) for module in (*modules, *_LINK_HELPERS))


# Bandit's files whose functions the checks call on the nodes they check: the visitor, the `linerange` and
# `concat_string` helpers, the blacklist check (`vibecheck.integrations.bandit` wraps it).
_LINK_HELPERS = ("bandit.core.node_visitor", "bandit.core.utils", "bandit.core.blacklisting", "bandit.core.context")


class SelectiveNodeVisitor(node_visitor.BanditNodeVisitor):  # type: ignore[misc]  # bandit has no type hints
    """`BanditNodeVisitor` with `tester` and the node kinds checked (`checked_kinds`) given by the caller, and the
    links (`links`) set as `TreeLinks` says."""

    namespace: str  # the dotted path of the class or function being visited, set by bandit's visitor

    def __init__(self, path: str, data: BinaryIO, nosec_lines: dict[int, Any], tester: Any,
                 checked_kinds: Collection[str], links: TreeLinks) -> None:
        super().__init__(path, data, None, None, False, nosec_lines, None)
        self.tester = tester
        self.links = links
        self._checked_kinds = frozenset(checked_kinds)
        self._modes = _Modes(self._mode)
        # `visit_<Kind>` of each kind entered, as the class's function: a bound method would hold the visitor, a cycle
        # that kept each file's visitor, tester, context and last nodes until the cyclic garbage collector ran
        self._visitors: dict[type, Callable[[SelectiveNodeVisitor, ast.AST], Any] | None] = {}

    def _mode(self, kind: type) -> int:
        """`_ENTER` a kind with checks or a visitor method, else `_WALK` its children, or `_SKIP` it if it has none;
        a `Constant` is `_STRING`, or `_SKIP` when no check reads strings or bytes."""
        name = kind.__name__
        if kind is ast.Constant:
            return _STRING if not self._checked_kinds.isdisjoint(("Str", "Bytes")) else _SKIP
        if name in self._checked_kinds or hasattr(self, f"visit_{name}"):
            return _ENTER
        return _SKIP if content_fields(kind) == () else _WALK

    def walk(self, tree: ast.AST) -> None:
        """Bandit's walk of the whole tree, from its root."""
        self.links.path[:] = [tree]
        self.generic_visit(tree)

    def generic_visit(self, node: ast.AST) -> None:
        """Bandit's walk (fields in order), entering only the nodes a check may read, with the links `TreeLinks` says.

        A node of a `_SKIP` kind (`Name`, `alias`, the operator and context leaves `Load` and `Add`) and a constant
        no check reads is not entered nor walked: no check reads it or its links, and the leaves (one shared instance
        each) would only be linked to whichever node was visited last.
        """
        kind = type(node)
        fields = CONTENT_FIELDS[kind] if kind in CONTENT_FIELDS else content_fields(kind)
        if fields is None:  # a class whose fields are not known: check each value, as bandit does
            self._visit_values(node, [getattr(node, name, None) for name in node._fields])
            return
        modes = self._modes
        links = self.links
        path = links.path
        for name in fields:
            value = getattr(node, name, None)
            if value is None:
                continue
            for item in value if type(value) is list else (value,):
                if item is None:  # `Dict.keys` holds None for `**x`
                    continue
                mode = modes[type(item)]
                if mode == _SKIP or mode == _STRING and not self._reaches_a_check(item, node):
                    continue
                path.append(item)
                if links.eager:
                    links.link()
                elif mode == _STRING:
                    item._bandit_parent = node
                    links.linked.append(item)
                if mode == _WALK:
                    self.generic_visit(item)
                else:
                    self._enter(item)
                path.pop()

    def _visit_values(self, node: ast.AST, values: list[Any]) -> None:
        for value in values:
            for item in value if isinstance(value, list) else (value,):
                if isinstance(item, ast.AST) and not isinstance(item, LEAVES):
                    self._walk_unknown(item, node)

    def _walk_unknown(self, node: ast.AST, parent: ast.AST) -> None:
        """A node of a class whose fields are not known, walked like any other."""
        mode = self._modes[type(node)]
        path = self.links.path
        path.append(node)
        if self.links.eager:
            self.links.link()
        if mode == _WALK:
            self.generic_visit(node)
        elif mode == _ENTER or mode == _STRING and self._reaches_a_check(node, parent):  # type: ignore[arg-type]
            if not self.links.eager and mode == _STRING:
                self.links.link()
            self._enter(node)
        path.pop()

    def _reaches_a_check(self, node: ast.Constant, parent: ast.AST) -> bool:
        """Whether bandit's `visit_Constant` runs checks on it: a `str` (`bytes`) that is not a docstring, with
        checks of kind `Str` (`Bytes`)."""
        if isinstance(parent, ast.Expr):
            return False
        value = node.value
        return "Str" in self._checked_kinds if isinstance(value, str) \
            else isinstance(value, bytes) and "Bytes" in self._checked_kinds

    def _enter(self, node: ast.AST) -> None:
        """Bandit's pre_visit, visit, walk of the children and post_visit of a node of a kind it checks."""
        self.pre_visit(node)
        self.visit(node)
        self.generic_visit(node)
        self.post_visit(node)

    def pre_visit(self, node: ast.AST) -> bool:
        """Bandit's context for the node (same keys, same order), without the debug logging, and with the node's
        line range left to `resolve_lines`."""
        context: dict[str, Any] = {"imports": self.imports, "import_aliases": self.import_aliases}
        if hasattr(node, "lineno"):
            context["lineno"] = node.lineno
        if hasattr(node, "col_offset"):
            context["col_offset"] = node.col_offset
        if hasattr(node, "end_col_offset"):
            context["end_col_offset"] = node.end_col_offset
        context["node"] = node
        context["linerange"] = node  # the node whose line range `resolve_lines` computes, if a check runs here
        context["filename"] = self.fname
        context["file_data"] = self.fdata
        self.context = context
        return True

    def visit(self, node: ast.AST) -> None:
        """Bandit's `visit`: the kind's `visit_<Kind>` method, else the kind's checks; the method looked up once."""
        kind = type(node)
        if kind in self._visitors:
            visitor = self._visitors[kind]
        else:
            visitor = self._visitors[kind] = _restated(kind) or getattr(type(self), f"visit_{kind.__name__}", None)
        if visitor is not None:
            visitor(self, node)
        else:
            self.tester.run_tests(self.context, kind.__name__)

    def post_visit(self, node: ast.AST) -> None:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):  # bandit's: leave the namespace its visit entered
            self.namespace = bandit_utils.namespace_path_split(self.namespace)[0]

    def update_scores(self, scores: dict[str, list[int]]) -> None:
        """Bandit's per-file score sums are not used (vibecheck's tester returns zeros)."""


def _visit_constant(visitor: SelectiveNodeVisitor, node: ast.Constant) -> None:
    """Bandit's `visit_Constant` with its `visit_Str` and `visit_Bytes`, but the parent's line range (which bandit
    computes for every string, 3 % of the stage on Django) left to `resolve_lines`, like `pre_visit`'s: the checks of
    most strings do not pass their gate (`vibecheck.integrations.bandit_gates`), and no gate reads the range."""
    value = node.value
    if isinstance(value, str):
        visitor.context["str"] = value
        kind = "Str"
    elif isinstance(value, bytes):
        visitor.context["bytes"] = value
        kind = "Bytes"
    else:
        return
    parent = node._bandit_parent  # type: ignore[attr-defined]  # set by the walk before the string is entered
    if not isinstance(parent, ast.Expr):  # a docstring
        visitor.context["linerange"] = parent
        visitor.tester.run_tests(visitor.context, kind)


# Bandit's `visit_*` methods restated here, used only while bandit's visitor is the file they were read from.
_RESTATED: dict[type, Callable[[SelectiveNodeVisitor, Any], None]] = {ast.Constant: _visit_constant}
_VISITOR_MODULE = "bandit.core.node_visitor"


def _restated(kind: type) -> Callable[[SelectiveNodeVisitor, Any], None] | None:
    restated = _RESTATED.get(kind)
    return restated if restated is not None and verified(_VISITOR_MODULE) else None


def resolve_lines(context: dict[str, Any]) -> None:
    """Put bandit's `linerange` of the node `pre_visit` left under "linerange" in the context, before a check reads the
    context: computed for every node entered, it was 5 % of the bandit stage on Django, and only the checks that pass
    their gate (`vibecheck.integrations.bandit_gates`) and the findings read it. The range is the one bandit computes
    at `pre_visit`: it depends on the node's subtree and its next sibling, set before the node is entered."""
    lines = context["linerange"]
    if isinstance(lines, ast.AST):
        context["linerange"] = bandit_utils.linerange(lines)
