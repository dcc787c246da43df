"""Small, cheap readers of libcst expressions shared by the VC2xx rules (arguments, literals, names)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import libcst as cst

from vibecheck.analysis.nodes import is_name
from vibecheck.imports import full_name
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern

# Methods that return the same secret in another shape: `password.encode()`, `token.strip()`.
SAME_VALUE_METHODS = frozenset({"encode", "decode", "strip", "lstrip", "rstrip", "lower", "upper", "casefold"})
# Methods that read a named item: `request.form.get("password")`, `headers.get("X-Api-Key")`.
ITEM_GETTERS = frozenset({"get", "getlist", "pop", "getenv", "get_json"})
# Attributes that hold a form field's value: `form.password.data` (not `token.value` of a parser token).
VALUE_ATTRIBUTES = frozenset({"data", "value"})
STRING_NODES = (cst.SimpleString, cst.ConcatenatedString)
# Literal values, as exact types (libcst's concrete node classes have no subclasses; `isinstance` goes through ABCMeta).
CONSTANT_NODES = frozenset({cst.Integer, cst.Float, cst.Imaginary, *STRING_NODES})


def argument(call: cst.Call, position: int | None, keyword: str) -> cst.BaseExpression | None:
    """The expression passed at `position` (counting plain positional arguments) or as `keyword=`."""
    index = 0
    for arg in call.args:
        if arg.keyword is not None:
            if arg.keyword.value == keyword:
                return arg.value
        elif not arg.star:
            if index == position:
                return arg.value
            index += 1
    return None


def keyword_names(call: cst.Call) -> frozenset[str]:
    return frozenset(arg.keyword.value for arg in call.args if arg.keyword is not None)


def has_star_args(call: cst.Call) -> bool:
    """`f(*args)` or `f(**kwargs)`: arguments we cannot see."""
    return any(arg.star for arg in call.args)



def is_true(node: cst.CSTNode | None) -> bool:
    return is_name(node, "True") or (isinstance(node, cst.Integer) and node.value == "1")


def is_false(node: cst.CSTNode | None) -> bool:
    return is_name(node, "False") or (isinstance(node, cst.Integer) and node.value == "0")


def is_none(node: cst.CSTNode | None) -> bool:
    return is_name(node, "None")


def is_constant(node: cst.CSTNode | None) -> bool:
    """A literal number, string, bytes, `None`, `True` or `False` (signs allowed)."""
    while type(node) is cst.UnaryOperation:  # a loop: `not not ... x` may nest thousands deep
        node = node.expression
    if type(node) in CONSTANT_NODES:
        return True
    return type(node) is cst.Name and node.value in ("None", "True", "False")


def is_constant_display(node: cst.CSTNode | None) -> bool:
    """A literal, or a list/tuple/set/dict display made only of literals (`{"Enabled": True}`)."""
    if is_constant(node):
        return True
    items = elements(node)
    if items is not None:
        return all(is_constant_display(item) for item in items)
    if isinstance(node, cst.Dict):
        return all(isinstance(e, cst.DictElement) and is_constant(e.key) and is_constant_display(e.value)
                   for e in node.elements)
    return False


def elements(node: cst.CSTNode | None) -> list[cst.BaseExpression] | None:
    """The items of a list, tuple or set display; None for anything else."""
    if type(node) is cst.List or type(node) is cst.Tuple or type(node) is cst.Set:
        return [e.value for e in node.elements if type(e) is cst.Element]
    return None


def string_items(node: cst.CSTNode | None) -> list[str]:
    """The string values of a string literal or of a list/tuple/set of them (other items are skipped)."""
    single = string_value(node)
    if single is not None:
        return [single]
    items = elements(node) or []
    return [value for value in (string_value(item) for item in items) if value is not None]


def subscript_key(node: cst.Subscript) -> str | None:
    """`config["SECRET_KEY"]` -> "SECRET_KEY"."""
    if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return string_value(node.slice[0].slice.value)
    return None


def value_name(node: cst.CSTNode | None) -> str | None:
    """The identifier that names a value: `token`, `user.password`, `form["password"]`, `data.get("api_key")`."""
    while True:
        if isinstance(node, cst.Name):
            return node.value
        if isinstance(node, cst.Attribute):
            if node.attr.value in VALUE_ATTRIBUTES and isinstance(node.value, cst.Attribute):
                node = node.value
                continue
            return node.attr.value
        if isinstance(node, cst.Subscript):
            return subscript_key(node)  # `token[0]`, `token[-1:]` name a piece, not the token
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Attribute):
                method = func.attr.value
                if method in ITEM_GETTERS and node.args:
                    return string_value(node.args[0].value)
                if method in SAME_VALUE_METHODS:
                    node = func.value
                    continue
            elif isinstance(func, cst.Name):
                if func.value == "getattr" and len(node.args) >= 2:
                    return string_value(node.args[1].value)
                if func.value in ("str", "bytes") and node.args:
                    node = node.args[0].value
                    continue
            return None
        return None


def target_name(target: cst.CSTNode) -> str | None:
    """The setting an assignment target names: `SECRET_KEY`, `app.secret_key`, `app.config["SECRET_KEY"]`."""
    if type(target) is cst.Name:
        return target.value
    if type(target) is cst.Attribute:
        return target.attr.value
    if isinstance(target, cst.Subscript):
        return subscript_key(target)
    return None


def assignment_targets(node: cst.Assign | cst.AnnAssign | cst.AugAssign) -> list[cst.BaseExpression]:
    if isinstance(node, cst.Assign):
        return [t.target for t in node.targets]
    return [node.target]


def is_config_object(node: cst.CSTNode) -> bool:
    """`app.config`, `self.config`, `config`, `settings`: where Flask-style settings are written."""
    if isinstance(node, cst.Attribute):
        return node.attr.value in ("config", "settings")
    return isinstance(node, cst.Name) and node.value in ("config", "settings", "app_config", "conf")


def is_main_guard(node: cst.If) -> bool:
    """`if __name__ == "__main__":` in either operand order."""
    test = node.test
    if type(test) is not cst.Comparison or len(test.comparisons) != 1:
        return False
    if not isinstance(test.comparisons[0].operator, cst.Equal):
        return False
    sides = (test.left, test.comparisons[0].comparator)
    return any(is_name(s, "__name__") for s in sides) and any(string_value(s) == "__main__" for s in sides)


def redacted_code(module: cst.Module, node: cst.CSTNode, secret: cst.CSTNode) -> str:
    """The code of `node` on one line, with the secret literal replaced, so reports never show the value."""
    text = module.code_for_node(node).replace(module.code_for_node(secret), '"<redacted>"', 1)
    return " ".join(text.split())


def literal_bindings(body: Sequence[cst.CSTNode]) -> frozenset[str]:
    """Names that a block's own simple statements bind to a constant (`BLOCK_TAG_START = "{%"`)."""
    names: set[str] = set()
    for statement in body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and is_constant(small.value):
                names.update(t.target.value for t in small.targets if isinstance(t.target, cst.Name))
            elif type(small) is cst.AnnAssign and type(small.target) is cst.Name and is_constant(small.value):
                names.add(small.target.value)
    return frozenset(names)


ENV_READERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})


def has_wildcard(node: cst.CSTNode | None, qualified_name: Callable[[cst.CSTNode], str | None]) -> bool:
    """A `"*"` entry in a literal (also `"a,*"`), a `+` of lists, or the default of an environment lookup
    (`os.getenv("HOSTS", "*").split(",")`, `env.list("HOSTS", default=["*"])`)."""
    if node is None:
        return False
    value = string_value(node)
    if value is not None:
        return "*" in (item.strip() for item in value.split(","))
    items = elements(node)
    if items is not None:
        return any(string_value(item) == "*" for item in items)
    if isinstance(node, cst.BinaryOperation):
        return has_wildcard(node.left, qualified_name) or has_wildcard(node.right, qualified_name)
    if isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value == "split":
            return has_wildcard(func.value, qualified_name)
        if qualified_name(node) in ENV_READERS:
            return has_wildcard(argument(node, 1, "default"), qualified_name)
        return has_wildcard(argument(node, None, "default"), qualified_name)
    return False


# Calls that build a URL from a view's name: the mapping given as `kwargs=` fills in its path, which any visitor sees.
URL_REVERSAL = lazy_pattern(r"reverse|url_for", re.IGNORECASE)


def url_parameters(call: cst.Call) -> Sequence[cst.BaseDictElement]:
    """The items of `reverse("order", kwargs={"secret": ...})`: parameters of a link, not credentials."""
    parameters = argument(call, None, "kwargs")
    if type(parameters) is cst.Dict and URL_REVERSAL.search(full_name(call.func) or ""):
        return parameters.elements
    return ()
