"""Where a number sets how much work or memory a call takes (VC428's sinks), and what bounds a number.

Tables, not branches: a function's resolved name or a method's name -> the position and keyword of its size argument.
"""

from __future__ import annotations

import ast
import re

import libcst as cst

from vibecheck.analysis.flow import call_argument, dotted_name, iter_expressions, string_value
from vibecheck.analysis.nodes import callee_tail
from vibecheck.ast_fields import ast_tail
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._client_sinks import ArgumentSpec

# Functions whose argument is a count, a size, a duration or a pool's width.
SIZE_FUNCTIONS: dict[str, ArgumentSpec] = {
    "time.sleep": (0, "secs"), "asyncio.sleep": (0, "delay"), "gevent.sleep": (0, "seconds"), "trio.sleep": (0, "seconds"),
    "anyio.sleep": (0, "delay"), "os.urandom": (0, "size"), "secrets.token_bytes": (0, "nbytes"),
    "secrets.token_hex": (0, "nbytes"), "secrets.token_urlsafe": (0, "nbytes"), "random.sample": (1, "k"),
    "random.choices": (None, "k"), "random.randbytes": (0, "n"), "itertools.repeat": (1, "times"),
    "numpy.zeros": (0, "shape"), "numpy.ones": (0, "shape"), "numpy.empty": (0, "shape"), "numpy.full": (0, "shape"),
    "numpy.random.rand": (0, None), "numpy.arange": (0, None), "numpy.linspace": (2, "num"),
    "PIL.Image.new": (1, "size"), "hashlib.pbkdf2_hmac": (3, "iterations"), "sys.setrecursionlimit": (0, "limit"),
    "concurrent.futures.ThreadPoolExecutor": (0, "max_workers"),
    "concurrent.futures.ProcessPoolExecutor": (0, "max_workers"), "multiprocessing.Pool": (0, "processes"),
    "django.core.paginator.Paginator": (1, "per_page"), "bcrypt.gensalt": (0, "rounds"),
}
# Methods whose argument is how many rows, bytes or characters they produce: an ORM's or MongoDB cursor's
# `.limit(n)`, a DB-API `fetchmany(n)`, a stream's `read(n)`/`recv(n)`, PIL's `resize((w, h))`, padding to a width.
SIZE_METHODS: dict[str, ArgumentSpec] = {
    "limit": (0, None), "fetchmany": (0, "size"), "read": (0, None), "recv": (0, "bufsize"), "recv_into": (1, "nbytes"),
    "resize": (0, "size"), "ljust": (0, "width"), "rjust": (0, "width"), "center": (0, "width"), "zfill": (0, "width"),
}
# Of those, the methods whose first argument is a size only when it is a number: `archive.read(member)` names a member.
NUMBER_METHODS = frozenset({"read", "recv"})
# The annotations of a parameter that holds a number.
NUMBER_TYPES = frozenset({"int", "float"})
# The keyword that bounds how long a call may wait (an outgoing request, a subprocess, a queue).
TIMEOUT_KEYWORD = "timeout"
# Flask-SQLAlchemy's `paginate(page, per_page)`, capped only by its `max_per_page`.
PAGINATE_METHOD = "paginate"
PAGINATE_CAP = "max_per_page"
# QuerySet and Query methods whose result is still a query, which a slice turns into `LIMIT`.
QUERY_METHODS = frozenset({"all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "values",
                           "values_list", "annotate", "only", "defer", "distinct", "using", "query", "filter_by",
                           "where", "join", "options", "reverse", "none"})
QUERY_ATTRIBUTES = frozenset({"objects", "query"})
# `LIMIT ?`, `LIMIT %s`, `LIMIT :n`, `LIMIT %(n)s`, `LIMIT $2` in SQL text.
SQL_LIMIT = lazy_pattern(r"\bLIMIT\s+(?:(\?|%s)|:(\w+)|%\((\w+)\)s|\$(\d+))", re.IGNORECASE)
POSITIONAL_PLACEHOLDER = lazy_pattern(r"\?|%s")
# Calls whose result is the number they are given (or its size): the client's number passes through them.
NUMBER_CONVERSIONS = frozenset({"int", "float", "abs", "round", "decimal.Decimal", "math.ceil", "math.floor", "math.trunc"})
NUMBER_CONVERSION_TAILS = frozenset(name.rpartition(".")[2] for name in NUMBER_CONVERSIONS)
# Literals that repeat when multiplied: `"-" * width`, `[0] * count`.
REPEATED_LITERALS = frozenset({cst.SimpleString, cst.ConcatenatedString, cst.FormattedString, cst.List, cst.Tuple})
# Keywords of a parameter's marker or field that give a number its upper bound: `Query(20, le=100)`, `conint(lt=50)`.
BOUND_KEYWORDS = frozenset({"le", "lt", "max_value", "max"})
# Annotations that allow only a few values: `Literal[10, 50]`, `bool`.
CLOSED_TYPES = frozenset({"Literal", "bool", "typing.Literal"})
CLOSED_TYPE_TAILS = frozenset(name.rpartition(".")[2] for name in CLOSED_TYPES)
# Numbers that, compared with a value, test only its lower end (`if n < 1:`, `n > 0`).
LOWER_END_NUMBERS = frozenset({"0", "1", "-1", "0.0"})


def is_bounded_declaration(node: cst.CSTNode | None) -> bool:
    """A parameter's default or annotation (or a field's) that caps the number: a marker or field with `le=`/`lt=`
    (`Query(20, le=100)`, `Annotated[int, Field(le=100)]`, `conint(le=50)`), or a closed type (`Literal[10, 50]`)."""
    if node is None:
        return False
    for inner in iter_expressions(node):
        if type(inner) is cst.Call and any(arg.keyword is not None and arg.keyword.value in BOUND_KEYWORDS
                                           for arg in inner.args):
            return True
        if type(inner) in (cst.Name, cst.Attribute) and dotted_name(inner) in CLOSED_TYPES:
            return True
    return False


def declared_bounded_fields(classes: tuple[ast.ClassDef, ...]) -> frozenset[str]:
    """The fields of classes read from another module (`model_fields.sibling_classes`) that declare a maximum
    (`limit: int = Field(20, le=100)`, `size: Literal[10, 50]`) or that a validator of theirs names."""
    found: set[str] = set()
    for node in classes:
        for statement in node.body:
            if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) \
                    and any(_caps(part) for part in (statement.annotation, statement.value) if part is not None):
                found.add(statement.target.id)
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.update(arg.value for decorator in statement.decorator_list if isinstance(decorator, ast.Call)
                             and "validator" in (ast_tail(decorator.func) or "") for arg in decorator.args
                             if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    return frozenset(found)


def _caps(node: ast.expr) -> bool:
    """`is_bounded_declaration` of an `ast` expression."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call) and any(keyword.arg in BOUND_KEYWORDS for keyword in inner.keywords):
            return True
        if isinstance(inner, (ast.Name, ast.Attribute)) and ast_tail(inner) in CLOSED_TYPE_TAILS:
            return True
    return False


def is_number(node: cst.BaseExpression, numbers: set[str]) -> bool:
    """An expression that is a number: a conversion (`int(...)`), a read with `type=int`, a name bound to one."""
    for inner in iter_expressions(node):
        if type(inner) is cst.Call and (
                callee_tail(inner.func) in NUMBER_CONVERSION_TAILS
                or any(arg.keyword is not None and arg.keyword.value == "type"
                       and dotted_name(arg.value) in NUMBER_TYPES for arg in inner.args)):
            return True
        if type(inner) is cst.Name and inner.value in numbers:
            return True
    return False


def is_query(node: cst.BaseExpression, queries: set[str]) -> bool:
    """A lazy query: `Post.objects.filter(...)`, `User.query`, `select(...)`, or a name bound to one."""
    if type(node) is cst.Call:
        func = node.func
        if type(func) is cst.Attribute:
            return func.attr.value in QUERY_METHODS
        return type(func) is cst.Name and func.value == "select"
    if type(node) is cst.Attribute:
        return node.attr.value in QUERY_ATTRIBUTES
    return type(node) is cst.Name and node.value in queries


# The end of SQL text that a value pasted right after it is the `LIMIT` of: `f"... LIMIT {limit} OFFSET {offset}"`.
SQL_LIMIT_BEFORE_VALUE = lazy_pattern(r"\bLIMIT\s+$", re.IGNORECASE)


def pasted_sql_limit(sql: cst.FormattedString) -> cst.BaseExpression | None:
    """The value an f-string of SQL pastes as its `LIMIT` (`f"SELECT ... LIMIT {limit}"`), or None."""
    text = ""
    for part in sql.parts:
        if isinstance(part, cst.FormattedStringText):
            text += part.value
        elif isinstance(part, cst.FormattedStringExpression) and SQL_LIMIT_BEFORE_VALUE.search(text):
            return part.expression
        else:
            text = ""
    return None


def sql_limit_value(text: str, parameters: cst.BaseExpression | None, call: cst.Call) -> cst.BaseExpression | None:
    """The value bound to the `LIMIT` placeholder of SQL `text`: the matching item of a tuple or list of
    parameters, the entry of a dict, or the keyword of that name."""
    match = SQL_LIMIT.search(text)
    if match is None:
        return None
    positional, named, pyformat, numbered = match.groups()
    if positional or numbered:
        index = len(POSITIONAL_PLACEHOLDER.findall(text[:match.start()])) if positional else int(numbered) - 1
        if type(parameters) in (cst.Tuple, cst.List):
            elements = parameters.elements  # type: ignore[union-attr]
            return elements[index].value if 0 <= index < len(elements) else None
        return None
    key = named or pyformat
    if type(parameters) is cst.Dict:
        return next((element.value for element in parameters.elements if isinstance(element, cst.DictElement)
                     and string_value(element.key) == key), None)
    if type(parameters) is cst.Call and dotted_name(parameters.func) == "dict":
        return call_argument(parameters, None, key)
    return call_argument(call, None, key)


# Options of ImageMagick and GraphicsMagick (`convert`, `magick`, `gm convert`) whose value sets the size of the image
# the tool makes or of its canvas: `-resize 100000x100000` allocates gigabytes.
IMAGE_SIZE_OPTIONS = frozenset({"-resize", "-thumbnail", "-scale", "-sample", "-extent", "-adaptive-resize",
                                "-interpolative-resize", "-liquid-rescale", "-resample", "-density", "-size"})


def image_tool_size(node: cst.CSTNode) -> tuple[str, cst.BaseExpression] | None:
    """(option, value) of an image tool's size option in an argument list: a list or tuple literal (`["convert", src,
    "-resize", f"{w}x{h}", dst]`) or a call's positional arguments (`create_subprocess_exec("convert", ..., "-resize",
    size, ...)`)."""
    kind = type(node)
    if kind is cst.List or kind is cst.Tuple:
        values = [element.value for element in node.elements]  # type: ignore[attr-defined]
    elif kind is cst.Call:
        values = [arg.value for arg in node.args if arg.keyword is None and not arg.star]  # type: ignore[attr-defined]
    else:
        return None
    for option, value in zip(values, values[1:], strict=False):
        if type(option) is cst.SimpleString and string_value(option) in IMAGE_SIZE_OPTIONS:
            return string_value(option) or "", value
    return None


# Regex methods whose truth tests a text against a pattern: `SIZE_RE.fullmatch(size)`, `re.match(r"^\d{1,4}$", n)`.
REGEX_TESTS = frozenset({"match", "fullmatch", "search"})
# A quantifier with no upper end: `*`, `+`, `{2,}` (not an escaped `\+`).
OPEN_QUANTIFIER = lazy_pattern(r"(?<!\\)[*+]|\{\d*,\}")


def caps_length(pattern: str, method: str) -> bool:
    """A pattern that a text must match whole and that has no open quantifier (`^\\d{1,4}x\\d{1,4}$`): what passes it
    has at most a few digits, so the number it spells is bounded."""
    anchored_end = method == "fullmatch" or pattern.endswith(("$", "\\Z"))
    anchored_start = method != "search" or pattern.startswith(("^", "\\A"))
    return anchored_end and anchored_start and OPEN_QUANTIFIER.search(pattern) is None
