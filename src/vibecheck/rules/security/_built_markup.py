"""What VC426 and VC427 share: is a text built from runtime values, and does it hold markup?

Both follow a text through the names it was built in within the function (`html += "<td>{}</td>".format(row[0])` in
a loop), count literals, numbers, facts about the server (`sys.version`, `platform.platform()`) and the calls a rule
names safe as constants, and look for a tag or template syntax
in the literal parts, so that a fallback body such as `"%d %s" % (code, reason)` is not taken for a page.
"""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import is_built_text
from vibecheck.cst_fields import child_nodes
from vibecheck.literals import text_value
from vibecheck.rules.security._support import STRING_NODES, BindingRule

# Values that cannot carry template syntax or markup: numbers and their conversions.
NUMERIC_CALLS = frozenset({"int", "float", "len", "round", "abs", "bool"})
LITERAL_NODES = (*STRING_NODES, cst.Integer, cst.Float)
# Facts about the server process and its host, set by whoever runs it and never by a user: the interpreter's version
# and platform (`f"<p>Python {sys.version}</p>"` on a status page), the host name, the clock.
SERVER_FACTS = frozenset({
    "sys.version", "sys.platform", "sys.version_info", "sys.implementation", "sys.maxsize", "sys.byteorder", "os.name",
    "platform.platform", "platform.python_version", "platform.python_implementation", "platform.python_compiler",
    "platform.system", "platform.release", "platform.version", "platform.machine", "platform.processor",
    "platform.node", "platform.architecture", "platform.uname", "os.getpid", "os.cpu_count", "socket.gethostname",
    "time.time", "time.ctime", "datetime.datetime.now", "datetime.datetime.utcnow", "datetime.date.today",
})
# A row's key, which the database assigns (`row["id"]`, `post.pk`): a number, or an id it generated, never markup.
ROW_KEYS = frozenset({"id", "pk"})
# How many names, and parts of a text, are followed back from where the text is used.
DEPTH = 5


class BuiltMarkupRule(BindingRule):
    """A rule about markup text assembled from runtime values (no code: not registered)."""

    # What the literal parts of the text must hold for it to be markup.
    markup_signs: ClassVar[tuple[str, ...]] = ("<",)
    # Calls (qualified names) whose result may be pasted safely.
    safe_calls: ClassVar[frozenset[str]] = frozenset()

    def is_built_markup(self, expression: cst.BaseExpression) -> bool:
        """A text built from at least one runtime value, whose literal parts hold markup."""
        return self._is_built(expression, DEPTH) and self._holds_markup(expression, DEPTH)

    def _is_built(self, expression: cst.BaseExpression, depth: int) -> bool:
        """An f-string, `%`, `+`, `.format()` or `.join()` text with a part that is not a literal or a number."""
        expression = self.resolve(expression)
        if depth == 0:
            return False
        if isinstance(expression, cst.FormattedString):
            return any(isinstance(part, cst.FormattedStringExpression) and not self._is_constant(part.expression, depth)
                       for part in expression.parts)
        if isinstance(expression, cst.ConcatenatedString):
            return any(self._is_built(part, depth - 1) for part in (expression.left, expression.right))
        if isinstance(expression, cst.BinaryOperation):
            if isinstance(expression.operator, cst.Modulo):
                return self._is_textual(expression.left) and not self._is_constant(expression.right, depth)
            if isinstance(expression.operator, cst.Add):
                parts = (expression.left, expression.right)
                return any(self._is_textual(p) or self._is_built(p, depth - 1) for p in parts) and any(
                    self._is_built(p, depth - 1) or not self._is_constant(p, depth) for p in parts)
            return False
        if isinstance(expression, cst.Call) and isinstance(expression.func, cst.Attribute) \
                and expression.func.attr.value in ("format", "join") and self._is_textual(expression.func.value):
            return any(not self._is_constant(arg.value, depth) for arg in expression.args)
        return False

    def _holds_markup(self, node: cst.CSTNode, depth: int) -> bool:
        """Whether a literal text inside the expression (names followed) holds one of `markup_signs`."""
        if isinstance(node, cst.Name):
            value = self.value_of(node)
            return depth > 0 and value is not None and self._holds_markup(value, depth - 1)
        text = node.value if isinstance(node, cst.FormattedStringText) else text_value(node)
        if text is not None:
            return any(sign in text for sign in self.markup_signs)
        return any(self._holds_markup(child, depth) for child in child_nodes(node))

    def _is_textual(self, node: cst.BaseExpression) -> bool:
        return is_built_text(self.resolve(node))

    def _is_constant(self, node: cst.BaseExpression, depth: int) -> bool:
        """A literal, a number or a safe call's result (also a name bound to one, or a container of them), or a text
        built only of them (also each text a comprehension makes)."""
        node = self.resolve(node)
        if isinstance(node, LITERAL_NODES) or (isinstance(node, cst.Name) and node.value in ("True", "False", "None")):
            return True
        if isinstance(node, (cst.Tuple, cst.List)):
            return depth > 0 and all(self._is_constant(e.value, depth - 1) for e in node.elements)
        if isinstance(node, cst.Dict):
            return depth > 0 and all(isinstance(e, cst.DictElement) and self._is_constant(e.value, depth - 1)
                                     for e in node.elements)
        if isinstance(node, cst.Attribute):
            return self.qualified_name(node) in SERVER_FACTS or node.attr.value in ROW_KEYS
        if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            return text_value(node.slice[0].slice.value) in ROW_KEYS
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value in ("format", "join") and self._is_textual(node.func.value):
            return depth > 0 and not self._is_built(node, depth - 1)  # `"".join(f"<li>{escape(t)}</li>" for t in rows)`
        if isinstance(node, cst.Call):
            return (isinstance(node.func, cst.Name) and node.func.value in NUMERIC_CALLS) \
                or self.qualified_name(node) in self.safe_calls or self.qualified_name(node) in SERVER_FACTS
        if isinstance(node, (cst.FormattedString, cst.BinaryOperation)):
            return depth > 0 and not self._is_built(node, depth - 1)
        if isinstance(node, (cst.GeneratorExp, cst.ListComp, cst.SetComp)):  # `f"<li>{escape(t)}</li>" for t in rows`
            return depth > 0 and self._is_constant(node.elt, depth - 1)
        return False
