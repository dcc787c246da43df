"""Whether a value marked as safe HTML (`mark_safe(x)`, `Markup(x)`) is markup the code built itself: VC411's vetting.

Bandit's B703/B704 report every `mark_safe()`/`Markup()` whose argument is not a single string literal. Mature
Django code marks safe what it has just escaped or rendered: a `format_html()` result, a template's output, an
`escape()`d value pasted into a literal, a choice between literals. `MarkupProof.clears` proves that, and VC411
vets (`vibecheck.vetting`) the calls it clears. The proof is strict: a value is safe when every piece of it is
literal text, a number, the output of an escaper, a formatter or a template, or such a value transformed by a
string method; a name is safe when every assignment to it in its function (or, for a name the function does not
bind, at the module's top level) is safe, and never when it is a parameter, a loop variable or anything bound in
another way. A list joined into the markup counts with every element appended to it. Anything else (an attribute,
a helper's result, a parameter) stays reported.

Two more shapes are safe by construction: re-marking inside a branch that tested `isinstance(value, SafeData)` (or
markupsafe's `Markup`: a template filter keeping its already-safe input safe, Django's `is_safe` contract), and text
whose `<`, `>` and `&` a chain of `.replace()` calls took out, or a `.translate()` with a table bound once to a dict
literal (or `str.maketrans` of one) that maps them to text free of them (Django's `escapejs`, `json_script`), whatever
the text was.

markupsafe's own markup escapes what is pasted into it: `Markup("<b>{}</b>").format(x)`, `Markup("<br>").join(xs)`,
`Markup("<i>%s</i>") % x`, `Markup("<b>") + x` and `x + Markup("<b>")` escape every value that is not itself
markup, so the result is safe whatever `x` is when the markup (a `Markup` call of a safe value, or a name every
binding of which is one) is. Django's `SafeString` has no such methods (its `format` pastes raw text): only
markupsafe's `Markup` counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import libcst as cst

from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import own_nodes, walk_own
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern

QualifiedName = Callable[[cst.CSTNode], "str | None"]

# The calls bandit reports (B703: Django's marking calls, B704: markupsafe's `Markup`) and their argument keywords.
MARKING_CALLS: dict[str, str | None] = {
    "django.utils.safestring.mark_safe": "s", "django.utils.safestring.SafeString": None,
    "django.utils.safestring.SafeText": None, "markupsafe.Markup": "base", "flask.Markup": "base",
    "jinja2.Markup": "base",
}
# The names in a file's text without which no call above can occur (the prefilter of VC411's vetting).
MARKING_WORDS = ("mark_safe", "SafeString", "SafeText", "Markup")
# Calls whose result is escaped or sanitised text (or a number), whatever they were given.
ESCAPED_OUTPUT = frozenset({
    "django.utils.html.escape", "django.utils.html.conditional_escape", "django.utils.html.escapejs",
    "django.utils.html.json_script", "html.escape", "markupsafe.escape", "flask.escape", "jinja2.escape",
    "bleach.clean", "nh3.clean", "markupsafe.Markup.escape", "flask.Markup.escape", "jinja2.Markup.escape",
    # wtforms' attribute writer: every value escaped, each name a keyword the code passed
    "wtforms.widgets.html_params", "wtforms.widgets.core.html_params", "int", "float", "len", "abs", "round", "bool",
})
# markupsafe's markup class, whose methods and operators escape the values they paste (see the module docstring).
ESCAPING_MARKUP = frozenset({"markupsafe.Markup", "flask.Markup", "jinja2.Markup"})
ESCAPING_METHODS = frozenset({"format", "format_map", "join"})
# Template renderers: the engine escapes the variables (Django autoescapes by default).
RENDERERS = frozenset({"django.template.loader.render_to_string"})
# Methods returning a template's rendered output (Django's `Template.render`, a template node's `render` and
# `render_annotated`, a form renderer's `render`, the template-rendered forms and error lists
# `as_ul()`/`as_p()`/`as_table()`/`as_div()`); not in a module that imports Jinja2, whose templates do not escape
# unless told to.
RENDER_METHODS = frozenset({"render", "render_annotated", "as_ul", "as_p", "as_table", "as_div"})
# Calls that escape their values into a template: safe when the template (the arguments at these positions) is.
FORMATTERS: dict[str, tuple[int, ...]] = {
    "django.utils.html.format_html": (0,), "django.utils.html.format_html_join": (0, 1),
}
# Calls that write their first argument with the locale's separators (a number's digits, a string as it is): safe
# when that argument is.
LOCALIZED = frozenset({"django.utils.formats.number_format", "django.utils.formats.localize"})
# Translations: text the project's translators write for a literal message id.
TRANSLATIONS = frozenset(
    f"django.utils.translation.{name}" for name in (
        "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext", "ngettext_lazy", "npgettext",
        "npgettext_lazy", "ugettext", "ugettext_lazy"))
# String methods whose result is safe when their receiver and every argument are.
TEXT_METHODS = frozenset({
    "format", "join", "replace", "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "center",
    "ljust", "rjust", "zfill", "removeprefix", "removesuffix",
})
LITERAL_TYPES = (cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary)
CONSTANT_NAMES = frozenset({"True", "False", "None"})
# Methods by which a list held in a name gains elements: (method, position of the element argument).
# A set's `add`/`update` and a dict's `update`/`setdefault` too: the argument must be the call's last, positional.
ELEMENT_METHODS = {"append": 0, "insert": 1, "extend": 0, "add": 0, "update": 0, "setdefault": 1}
MUTABLE_LITERALS = (cst.List, cst.ListComp, cst.Dict, cst.DictComp, cst.Set, cst.SetComp)
# Calls that read a list without changing it: passing one to them keeps its elements known.
READING_CALLS = frozenset({"join", "len", "str", "list", "tuple", "sorted", "reversed", "enumerate", "zip", "set",
                           "frozenset", "any", "all", "iter", "isinstance", "mark_safe", "SafeString", "Markup"})
SAFE_DATA = "SafeData"
# The types of a value already safe HTML: Django's `SafeData`, markupsafe's `Markup` (`isinstance(s, Markup)` in a
# Jinja filter that keeps its marked input marked).
SAFE_TYPES = (SAFE_DATA, "Markup")
# Methods of a marked value that return plain text (`Markup(value).striptags()`): the marking is only a way to read
# the text out of the markup, and what reaches the page is the method's unmarked result.
TEXT_READERS = frozenset({"striptags", "unescape"})
# The characters whose replacement by other text makes any string inert in HTML text (`json.dumps(obj)
# .replace("<", "\\u003c").replace(">", ...).replace("&", ...)`, Jinja's `htmlsafe_json_dumps`).
HTML_SPECIALS = frozenset({"<", ">", "&"})
# One HTML character reference (`&lt;`, `&#60;`, `&#x3c;`): what an escaping table writes for a special character.
CHARACTER_REFERENCE = lazy_pattern(r"&(?:[A-Za-z]+|#[0-9]+|#[xX][0-9A-Fa-f]+);")
MAX_DEPTH = 60  # nested pieces of one marked value (and the values of the names in it) a proof looks through
UNKNOWN = None  # a binding whose value is not an expression of the function (parameter, loop variable, import)

Bindings = dict[str, list["cst.BaseExpression | None"]]


def marked_value(call: cst.Call, name: str | None) -> cst.BaseExpression | None:
    """The argument `call` marks as safe, when it is one of the marking calls (`name` is its qualified name)."""
    if name not in MARKING_CALLS:
        return None
    keyword = MARKING_CALLS[name]
    for arg in call.args:
        if arg.star:
            return None
        if arg.keyword is None or (keyword is not None and arg.keyword.value == keyword):
            return arg.value
    return None


class MarkupProof:
    """Proves values of one scope (a function, or the module's top level) safe to mark as HTML."""

    def __init__(self, scope: cst.FunctionDef | cst.Module, module_bindings: Callable[[], Bindings],
                 qualified_name: QualifiedName, *, jinja: bool, safe_data: bool) -> None:
        self._scope = scope
        self._module_bindings = module_bindings
        self._qualified_name = qualified_name
        self._jinja = jinja
        self._safe_data = safe_data
        self._bindings: Bindings | None = None
        self._passed: set[str] = set()
        self._guarded: set[int] | None = None
        self._pending: set[str] = set()
        self._known: dict[str, bool] = {}
        self._depth = 0

    def clears(self, call: cst.Call, value: cst.BaseExpression) -> bool:
        """Whether marking `value` safe in `call` cannot put text the code did not build or escape into the page."""
        return self.safe(value) or (self._safe_data and id(call) in self._guarded_calls())

    def safe(self, node: cst.BaseExpression) -> bool:
        """Whether the value is markup the code built itself (see the module docstring); False past `MAX_DEPTH`
        nested pieces, where generated code could otherwise exhaust the stack."""
        if self._depth >= MAX_DEPTH:
            return False
        self._depth += 1
        try:
            return self._safe(node)
        finally:
            self._depth -= 1

    def _safe(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, LITERAL_TYPES):
            return True
        if isinstance(node, cst.Name):
            return node.value in CONSTANT_NAMES or self._name_safe(node.value)
        if isinstance(node, cst.ConcatenatedString):
            return self.safe(node.left) and self.safe(node.right)
        if isinstance(node, cst.FormattedString):
            return all(self.safe(part.expression) for part in node.parts if isinstance(part, cst.FormattedStringExpression))
        if isinstance(node, cst.BinaryOperation):
            operator = node.operator
            return isinstance(operator, (cst.Add, cst.Modulo)) and (
                self._escaping_markup(node.left) or isinstance(operator, cst.Add) and self._escaping_markup(node.right)
                or self.safe(node.left) and self.safe(node.right))
        if isinstance(node, cst.IfExp):
            return self.safe(node.body) and self.safe(node.orelse)
        if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
            return all(self.safe(element.value) for element in node.elements)
        if isinstance(node, cst.Dict):
            return all(self.safe(element.value) for element in node.elements)
        if isinstance(node, cst.Subscript):
            return self.safe(node.value)  # one of a table's safe values, or a slice of safe text
        if isinstance(node, (cst.ListComp, cst.GeneratorExp, cst.SetComp)):
            return self.safe(node.elt)
        if isinstance(node, cst.Call):
            return self._call_safe(node)
        return False

    def _call_safe(self, call: cst.Call) -> bool:
        name = self._qualified_name(call)
        if name in ESCAPED_OUTPUT or name in RENDERERS:
            return True
        if name in FORMATTERS:
            return all(i < len(call.args) and not call.args[i].keyword and self.safe(call.args[i].value)
                       for i in FORMATTERS[name])
        if name in LOCALIZED:
            return bool(call.args) and call.args[0].keyword is None and not call.args[0].star \
                and self.safe(call.args[0].value)
        if name in TRANSLATIONS or name == "str":
            return self._arguments_safe(call)
        if name in MARKING_CALLS:
            value = marked_value(call, name)
            return value is not None and self.safe(value)
        func = call.func
        if type(func) is not cst.Attribute:
            return False
        method = func.attr.value
        if method in ESCAPING_METHODS and self._escaping_markup(func.value):
            return True
        if method in RENDER_METHODS:
            return not self._jinja
        if method == "replace" and replaced_specials(call) >= HTML_SPECIALS:
            return True
        if method == "translate" and self._escaping_table(call):
            return True
        return method in TEXT_METHODS and self.safe(func.value) and self._arguments_safe(call)

    def _escaping_markup(self, node: cst.BaseExpression) -> bool:
        """markupsafe's `Markup(...)` of a safe value, or a name every binding of which (in the function, else at the
        module's top) is such a call: markup whose methods and operators escape what they paste."""
        if type(node) is cst.Name:
            values = self._scope_bindings().get(node.value)
            if values is None and type(self._scope) is cst.FunctionDef:
                values = self._module_bindings().get(node.value)
            return values is not None and bool(values) and all(
                type(value) is cst.Call and self._escaping_markup(value) for value in values)
        if type(node) is not cst.Call or self._qualified_name(node) not in ESCAPING_MARKUP:
            return False
        value = marked_value(node, "markupsafe.Markup")
        return value is None and not node.args or value is not None and self.safe(value)

    def _escaping_table(self, call: cst.Call) -> bool:
        """`text.translate(_js_escapes)`: a table that takes `<`, `>` and `&` out of any text, given literally or by a
        name bound once (in the function, else at the module's top)."""
        if len(call.args) != 1 or call.args[0].keyword or call.args[0].star:
            return False
        table: cst.BaseExpression | None = call.args[0].value
        if type(table) is cst.Name:
            values = self._scope_bindings().get(table.value)
            if values is None and type(self._scope) is cst.FunctionDef:
                values = self._module_bindings().get(table.value)
            table = values[0] if values is not None and len(values) == 1 else None
        return table is not None and translated_specials(table) >= HTML_SPECIALS

    def _arguments_safe(self, call: cst.Call) -> bool:
        return all(self.safe(arg.value) for arg in call.args)

    def _name_safe(self, name: str) -> bool:
        """Every value bound to the name is safe; a name met again while its own values are examined (`x = f(x)`)
        counts as safe there, since its other bindings decide."""
        if name in self._pending:
            return True
        known = self._known.get(name)
        if known is not None:
            return known
        bindings = self._scope_bindings()
        values = bindings.get(name)
        if values is None:
            values = self._module_bindings().get(name) if type(self._scope) is cst.FunctionDef else None
            if values is None:
                return False
        elif name in self._passed and any(isinstance(v, MUTABLE_LITERALS) for v in values):
            return False  # a list handed to a call, which may append anything to it
        self._pending.add(name)
        try:
            result = all(value is not UNKNOWN and self.safe(value) for value in values)
        finally:
            self._pending.discard(name)
        if not self._pending:
            self._known[name] = result
        return result

    def _scope_bindings(self) -> Bindings:
        if self._bindings is None:
            self._bindings, self._passed = scope_bindings(self._scope)
        return self._bindings

    def _guarded_calls(self) -> set[int]:
        """The ids of calls in a branch taken only when a value is already safe HTML (`isinstance(v, SafeData)`)."""
        if self._guarded is None:
            guards = _guard_names(self._scope)
            self._guarded = set()
            for node in own_nodes(self._scope.body if isinstance(self._scope, cst.FunctionDef) else self._scope):
                if isinstance(node, (cst.If, cst.IfExp)) and _is_safe_data_test(node.test, guards):
                    self._guarded.update(id(inner) for inner in walk_own(node.body) if type(inner) is cst.Call)
        return self._guarded


def scope_bindings(scope: cst.FunctionDef | cst.Module) -> tuple[Bindings, set[str]]:
    """Each name the scope binds -> the values bound to it (UNKNOWN for a parameter, loop variable, import...), with
    the elements appended to it; and the names passed bare to a call (a list a callee may fill)."""
    bindings: Bindings = {}
    passed: set[str] = set()
    nodes: Iterable[cst.CSTNode] = ()
    if isinstance(scope, cst.FunctionDef):
        params = scope.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            bindings.setdefault(param.name.value, []).append(UNKNOWN)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                bindings.setdefault(star.name.value, []).append(UNKNOWN)
        nodes = own_nodes(scope.body)
    elif isinstance(scope, cst.Module):
        nodes = _module_level(scope)
    for node in nodes:
        for name, value in _bound_by(node):
            bindings.setdefault(name, []).append(value)
        if type(node) is cst.Call and callee_tail(node.func) not in READING_CALLS:
            passed.update(arg.value.value for arg in node.args if type(arg.value) is cst.Name)
    return bindings, passed


def _module_level(module: cst.Module) -> Iterator[cst.CSTNode]:
    """The module's top-level nodes outside functions and classes (whose names count as unknown values)."""
    for statement in module.body:
        if type(statement) in (cst.FunctionDef, cst.ClassDef):
            yield statement
        else:
            yield from walk_own(statement)


# The nodes `_bound_by` reads (none has subclasses): every other node of the module is passed over by its type.
_BINDING_NODES = frozenset({cst.Assign, cst.AnnAssign, cst.AugAssign, cst.NamedExpr, cst.For, cst.CompFor, cst.WithItem,
                            cst.ExceptHandler, cst.Global, cst.Nonlocal, cst.Import, cst.ImportFrom, cst.FunctionDef,
                            cst.ClassDef, cst.Call})


def _bound_by(node: cst.CSTNode) -> Iterator[tuple[str, cst.BaseExpression | None]]:
    if type(node) not in _BINDING_NODES:
        return
    if isinstance(node, cst.Assign):
        for target in node.targets:
            yield from _target_values(target.target, node.value)
    elif isinstance(node, (cst.AnnAssign, cst.AugAssign, cst.NamedExpr)):
        if node.value is not None:
            yield from _target_values(node.target, node.value)
    elif isinstance(node, (cst.For, cst.CompFor)):
        yield from _unknown_names(node.target)
    elif isinstance(node, cst.WithItem):
        if node.asname is not None:
            yield from _unknown_names(node.asname.name)
    elif isinstance(node, cst.ExceptHandler):
        if node.name is not None:
            yield from _unknown_names(node.name.name)
    elif isinstance(node, (cst.Global, cst.Nonlocal)):
        yield from ((item.name.value, UNKNOWN) for item in node.names)
    elif isinstance(node, (cst.Import, cst.ImportFrom, cst.FunctionDef, cst.ClassDef)):
        yield from _imported_or_defined(node)
    elif isinstance(node, cst.Call):
        yield from _elements_added(node)


def _target_values(target: cst.CSTNode, value: cst.BaseExpression) -> Iterator[tuple[str, cst.BaseExpression | None]]:
    if isinstance(target, cst.Name):
        yield target.value, value
    elif isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
        yield target.value.value, value  # an element of the list or table
    elif isinstance(target, (cst.Tuple, cst.List)):
        values = value.elements if isinstance(value, (cst.Tuple, cst.List)) else None
        if values is not None and len(values) == len(target.elements) and not any(
                isinstance(e, cst.StarredElement) for e in (*target.elements, *values)):
            for element, item in zip(target.elements, values, strict=True):
                yield from _target_values(element.value, item.value)
        else:
            yield from _unknown_names(target)


def _unknown_names(target: cst.CSTNode) -> Iterator[tuple[str, None]]:
    for node in walk_own(target):
        if isinstance(node, cst.Name):
            yield node.value, UNKNOWN


def _imported_or_defined(node: cst.Import | cst.ImportFrom | cst.FunctionDef | cst.ClassDef) -> Iterator[tuple[str, None]]:
    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
        yield node.name.value, UNKNOWN
        return
    for alias in node.names if isinstance(node.names, (list, tuple)) else ():
        bound: cst.BaseExpression = alias.asname.name if alias.asname is not None else alias.name
        while isinstance(bound, cst.Attribute):
            bound = bound.value
        if isinstance(bound, cst.Name):
            yield bound.value, UNKNOWN


def _elements_added(call: cst.Call) -> Iterator[tuple[str, cst.BaseExpression | None]]:
    """`parts.append(x)`, `parts.insert(i, x)`, `parts.extend(xs)`: x (or the iterable xs) becomes part of `parts`."""
    func = call.func
    if type(func) is cst.Attribute and type(func.value) is cst.Name and func.attr.value in ELEMENT_METHODS:
        yield func.value.value, element_added(call, ELEMENT_METHODS[func.attr.value])


def element_added(call: cst.Call, position: int) -> cst.BaseExpression | None:
    """The element (or iterable of elements) an `ELEMENT_METHODS` call adds at `position`, or UNKNOWN where the call
    has other arguments (`d.update(k=v)`, `parts.append(*xs)`)."""
    args = call.args
    if len(args) != position + 1 or any(arg.keyword is not None or arg.star for arg in args):
        return UNKNOWN
    return args[position].value


def replaced_specials(call: cst.Call) -> set[str]:
    """The HTML special characters a chain of `.replace(old, new)` calls ending in `call` takes out of its text: each
    `old` a literal special character, each `new` a literal free of them."""
    replaced: set[str] = set()
    node: cst.BaseExpression = call
    while type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "replace" \
            and len(node.args) == 2 and not any(arg.keyword or arg.star for arg in node.args):
        old, new = (string_value(arg.value) for arg in node.args)
        if old in HTML_SPECIALS and new is not None and not HTML_SPECIALS.intersection(new):
            replaced.add(old)
        node = node.func.value
    return replaced


def translated_specials(table: cst.BaseExpression) -> set[str]:
    """The HTML special characters a `str.translate` table takes out of its text: keys `ord("<")`, `"<"` or `60`
    whose values are literal text free of them, a character reference (`&lt;`: the table is applied in one pass, so
    the `&` it writes is not translated again) or `None` (deleted); also the table given to `str.maketrans`."""
    if type(table) is cst.Call and callee_tail(table.func) == "maketrans" and len(table.args) == 1:
        table = table.args[0].value
    if type(table) is not cst.Dict:
        return set()
    replaced: set[str] = set()
    for element in table.elements:
        if type(element) is not cst.DictElement:
            continue
        key, value = _table_character(element.key), element.value
        deleted = type(value) is cst.Name and value.value == "None"
        new = string_value(value)
        if key in HTML_SPECIALS and (deleted or new is not None and (not HTML_SPECIALS.intersection(new)
                                                                     or CHARACTER_REFERENCE.fullmatch(new))):
            replaced.add(key)
    return replaced


def _table_character(key: cst.BaseExpression) -> str | None:
    """The character a translation table's key stands for: `ord("<")`, `"<"` or `60`."""
    if type(key) is cst.Call and callee_tail(key.func) == "ord" and len(key.args) == 1:
        key = key.args[0].value
    if type(key) is cst.Integer:
        return chr(int(key.value)) if key.value.isdigit() else None
    text = string_value(key)
    return text if text is not None and len(text) == 1 else None


def _guard_names(scope: cst.FunctionDef | cst.Module) -> frozenset[str]:
    """Names every binding of which is an `isinstance(..., SafeData)` test (`is_safe = isinstance(value, SafeData)`)."""
    bindings, _ = scope_bindings(scope)
    return frozenset(name for name, values in bindings.items()
                     if all(value is not UNKNOWN and _is_safe_data_test(value, frozenset()) for value in values))


def _is_safe_data_test(test: cst.BaseExpression, guards: frozenset[str]) -> bool:
    """`isinstance(v, SafeData)`, a name holding that test, or an `and` with one of those as an operand."""
    pending = [test]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.BooleanOperation):
            if isinstance(current.operator, cst.And):
                pending.extend((current.left, current.right))
        elif isinstance(current, cst.Name):
            if current.value in guards:
                return True
        elif isinstance(current, cst.Call) and isinstance(current.func, cst.Name) and current.func.value == "isinstance" \
                and len(current.args) == 2 and callee_tail(current.args[1].value) in SAFE_TYPES:
            return True
    return False
