"""One file's content as every stage shares it: the bytes read once, decoded once, parsed by `ast` at most once.

The libcst tree is the engine's (one parse, kept in the rule context). Python's own `ast` is parsed lazily,
on the first request, and shared by everything that needs it in this file: the screen for inputs too deeply
nested for libcst's native parser, the facts collector, and bandit's checks.
"""

from __future__ import annotations

import ast
import io
import tokenize
from typing import TYPE_CHECKING

from vibecheck.ast_fields import content_children, tree_nodes
from vibecheck.lines import line_starts
from vibecheck.rule import SourceHints

if TYPE_CHECKING:
    from vibecheck.vetting import Vetted

# CPython's messages when its parser gives up on nesting, not on a syntax error.
_TOO_DEEP_MESSAGES = ("too many nested parentheses", "too complex", "too many levels of indentation")
# The longest chain of calls, attribute accesses and subscripts (`a.b().c[0]()...`, each of the three a link)
# checked. libcst parses such chains in quadratic time, and rules that look at each call's receiver walk the
# chain again per call: 2,800 links took 84 s, 5,000 over 200 s; 200 links take about 1 s. Real code stays
# far below: the longest chain in 22,000 files of the standard library, site-packages and sdists has 36.
CHAIN_LIMIT = 200
_LINKS = (ast.Call, ast.Attribute, ast.Subscript)
_LINK_TYPES = frozenset(_LINKS)  # parsed trees hold these classes themselves, never subclasses
_LINK_CHARACTERS = ".(["  # a call's opening parenthesis, an attribute's dot, a subscript's opening bracket


def source_encoding(data: bytes) -> str:
    """The encoding Python reads these bytes in (`utf-8-sig` with a byte-order mark); raise SyntaxError/LookupError."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    return encoding


def decode_source(data: bytes) -> str:
    """Decode as Python does (BOM, PEP 263 cookie, else UTF-8); raise UnicodeDecodeError/SyntaxError/LookupError."""
    text = data.decode(source_encoding(data))
    return text[1:] if text.startswith("\ufeff") else text


class SourceUnit:
    """One file as read from disk (or stdin): its bytes, and the text and trees computed from them once."""

    def __init__(self, path: str, data: bytes, is_test_file: bool = False, *, text: str | None = None,
                 project_path: str | None = None) -> None:
        self.path = path
        self.project_path = path if project_path is None else project_path  # from its project's root (`path_in_project`)
        self.data = data
        self.is_test_file = is_test_file
        self.is_test_data = False  # a test file pytest does not collect (`vibecheck.test_data`)
        self._text = text
        self._decoded = text is not None
        self._decode_error: Exception | None = None
        self._ast: ast.Module | None = None
        self._ast_error: BaseException | None = None
        self._parsed = False
        self._hints: SourceHints | None = None
        # The rules' `Rule.vet` calls on this file, for the pipeline to clear other tools' findings with after every
        # stage ran (`vibecheck.vetting`); None when no rule vetted anything.
        self.vetted: Vetted | None = None

    @property
    def text(self) -> str | None:
        """The decoded source, or None when the bytes do not decode (see `decode_error`)."""
        if not self._decoded:
            self._decoded = True
            try:
                self._text = decode_source(self.data)
            except (UnicodeDecodeError, SyntaxError, LookupError) as exc:
                self._decode_error = exc
        return self._text

    @property
    def decode_error(self) -> Exception | None:
        _ = self.text
        return self._decode_error

    def python_ast(self) -> ast.Module | None:
        """Python's `ast` of the file, parsed on first use only; None when Python cannot parse it (`ast_error`)."""
        if not self._parsed:
            self._parsed = True
            text = self.text
            if text is not None:
                try:
                    self._ast = ast.parse(text)
                except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
                    self._ast_error = exc
        return self._ast

    def hints(self) -> SourceHints:
        """The text's lower-cased words (`SourceHints`), built once for the file: the engine matches the rules' file
        hints against them, and the bandit stage its checks' words (`vibecheck.integrations.bandit`)."""
        if self._hints is None:
            self._hints = SourceHints(self.text or "")
        return self._hints

    @property
    def ast_error(self) -> BaseException | None:
        self.python_ast()
        return self._ast_error

    def too_deeply_nested(self) -> str | None:
        """Why Python's parser gave up on the file's nesting (libcst's native parser may crash on it), else None."""
        error = self.ast_error
        if isinstance(error, (RecursionError, MemoryError)):
            return type(error).__name__
        if isinstance(error, SyntaxError) and any(m in (error.msg or "") for m in _TOO_DEEP_MESSAGES):
            return error.msg
        return None

    def too_long_chain(self) -> tuple[int, int] | None:
        """(links, line) of the first chain of calls, attribute accesses and subscripts longer than `CHAIN_LIMIT`."""
        tree = self.python_ast()
        if tree is None or self.text is None:
            return None
        statements = _may_hold_long_chains(self.text, tree.body)
        if not statements:
            return None
        # breadth first, parents before children (operator and context leaves are no links): the whole tree's order,
        # less the statements that cannot hold such a chain
        nodes = tree_nodes(tree) if len(statements) == len(tree.body) else _breadth_first(statements)
        length: dict[int, int] = {}  # links above each node of a chain, from the chain's outermost link down
        for node in nodes:
            kind = type(node)
            if kind in _LINK_TYPES:
                links = length.pop(id(node), 0) + 1
                if links > CHAIN_LIMIT:
                    return links + _rest_of_chain(node), node.lineno  # type: ignore[arg-type, attr-defined]
                inner = node.func if kind is ast.Call else node.value  # type: ignore[attr-defined]
                if type(inner) in _LINK_TYPES:
                    length[id(inner)] = links
        return None


def _may_hold_long_chains(text: str, statements: list[ast.stmt]) -> list[ast.stmt]:
    """The top-level statements whose text holds more than `CHAIN_LIMIT` link characters (`.`, `(`, `[`): each link of
    a chain has its own, so no other statement can hold a chain the screen stops. A statement's text is counted from
    the line where the one before it ends (its decorators and comments come after that) to its own last line; a
    line two statements share counts for both. Counting is a few `str.count` calls; the walk it spares took 1 % of
    a run on Django, where three statements in five cannot hold a long chain."""
    if sum(text.count(character) for character in _LINK_CHARACTERS) <= CHAIN_LIMIT:
        return []
    starts = line_starts(text)
    held, start = [], 0
    for statement in statements:
        last = statement.end_lineno or statement.lineno
        end = starts[last] if last < len(starts) else len(text)
        if sum(text.count(character, start, end) for character in _LINK_CHARACTERS) > CHAIN_LIMIT:
            held.append(statement)
        start = starts[last - 1] if last <= len(starts) else len(text)
    return held


def _breadth_first(statements: list[ast.stmt]) -> list[ast.AST]:
    """The nodes of these statements, as `tree_nodes` orders a tree's (each level in source order)."""
    nodes: list[ast.AST] = list(statements)
    for node in nodes:
        nodes.extend(content_children(node))
    return nodes


def ast_children(node: ast.AST, fields: tuple[str, ...] | None = None) -> list[ast.AST]:
    """`list(ast.iter_child_nodes(node))`, same nodes in the same order, without a generator per node and field
    (the per-file walks of the chain screen and the facts collector spent most of their time in it). With
    `fields`, the children of those fields only, in that order."""
    children: list[ast.AST] = []
    for name in node._fields if fields is None else fields:
        value = getattr(node, name, None)
        if type(value) is list:
            for item in value:  # (a loop, not a generator per field: this runs for every node of every file)
                if isinstance(item, ast.AST):
                    children.append(item)
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


def _rest_of_chain(node: ast.expr) -> int:
    rest = 0
    while True:
        node = node.func if isinstance(node, ast.Call) else node.value  # type: ignore[attr-defined]
        if not isinstance(node, _LINKS):
            return rest
        rest += 1
