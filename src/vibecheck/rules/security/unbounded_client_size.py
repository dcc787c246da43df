"""VC428: a count, page size, byte count, duration or dimension the client chooses is used with no upper bound."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import libcst as cst

from vibecheck.analysis.flow import (
    CLEAN,
    VERDICT_CALL,
    FlowState,
    SourceFinder,
    Taint,
    call_argument,
    dotted_name,
    is_route_handler,
    iter_expressions,
    last_parts,
    module_uses_django,
    names_raising_validator,
    positional_count,
    request_source,
    short_code,
    string_value,
    walked_statements,
)
from vibecheck.analysis.model_fields import sibling_classes, sibling_models_inputs
from vibecheck.analysis.nodes import callee_tail
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import SourceHints
from vibecheck.rules.security._body_limits import (
    BODY_LIMITED,
    BODY_LIMITS_FACT,
    CAPPED_FRAMEWORKS,
    FACT_WORDS,
    body_limit_facts,
    is_bounded,
)
from vibecheck.rules.security._client_sinks import ClientSinkRule
from vibecheck.rules.security._size_sinks import (
    IMAGE_SIZE_OPTIONS,
    LOWER_END_NUMBERS,
    NUMBER_CONVERSIONS,
    NUMBER_METHODS,
    NUMBER_TYPES,
    PAGINATE_CAP,
    PAGINATE_METHOD,
    REGEX_TESTS,
    REPEATED_LITERALS,
    SIZE_FUNCTIONS,
    SIZE_METHODS,
    TIMEOUT_KEYWORD,
    caps_length,
    declared_bounded_fields,
    image_tool_size,
    is_bounded_declaration,
    is_number,
    is_query,
    pasted_sql_limit,
    sql_limit_value,
)
from vibecheck.rules.security._support import class_assignments
from vibecheck.rules.security._whole_upload import may_read_uploads, unbounded_whole_reads

# Words of a module that may take a page size from its caller: its helpers' sinks are recorded for VC417.
PAGE_SIZE_WORDS = frozenset({"limit", "per_page", "page_size", "fetchmany", "paginate"})
# Words of a module that may cap Flask's request bodies for the project (`_body_limits`): its facts are recorded.
BODY_LIMIT_WORDS = frozenset(word.lower() for word in FACT_WORDS)
DIVIDING_OPERATORS: frozenset[type[cst.BaseBinaryOp]] = frozenset({cst.Divide, cst.FloorDivide})
ORDER_OPERATORS = frozenset({cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual})
# What a form or serializer has validated went through its fields' own limits.
VALIDATED_ATTRIBUTES = frozenset({"validated_data", "cleaned_data"})
# DRF paginators that read the page size from the query string, and the attribute that caps it.
PAGE_SIZE_PAGINATORS = frozenset({"PageNumberPagination", "CursorPagination"})
PAGE_SIZE_PARAMETER, PAGE_SIZE_CAP = "page_size_query_param", "max_page_size"
LIMIT_OFFSET_PAGINATOR, LIMIT_CAP = "LimitOffsetPagination", "max_limit"
# Methods whose first argument is SQL text and second its parameters.
SQL_METHODS = frozenset({"execute", "fetch", "fetchrow", "fetchval", "fetch_all", "fetch_one", "fetch_val", "exec_driver_sql"})
# Where an image tool's options are written: an argument list, or the arguments of a call that runs the tool.
IMAGE_TOOL_ARGUMENTS = frozenset({cst.List, cst.Tuple, cst.Call})
SQL_TEXT_WRAPPERS = frozenset({"text", "sqlalchemy.text", "sqlalchemy.sql.text"})


def size_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, also as a number (`int(request.args["limit"])`); a value capped by `min(n, MAX)`, by a test in a
    conditional expression, or validated by a form or serializer is clean."""
    kind = type(node)
    if kind is cst.Call:  # (exact types, no `isinstance`: asked of every expression in every lane)
        call: cst.Call = node  # type: ignore[assignment]
        name = state.qualified_name(call) or dotted_name(call.func) or ""
        if name in NUMBER_CONVERSIONS and call.args:
            return state.taint_of(call.args[0].value)
        if name == "min" and len(call.args) >= 2 and any(state.taint_of(arg.value) is None for arg in call.args):
            return CLEAN
    elif kind is cst.Attribute:
        attribute = node.attr.value  # type: ignore[attr-defined]
        owner = node.value  # type: ignore[attr-defined]
        if attribute in VALIDATED_ATTRIBUTES or (isinstance(state, SizeState) and type(owner) is cst.Name
                                                 and attribute in state.bounded_fields.get(owner.value, ())):
            return CLEAN
    elif kind is cst.BinaryOperation:
        operation: cst.BinaryOperation = node  # type: ignore[assignment]
        operator: type[cst.BaseBinaryOp] = type(operation.operator)
        if operator in DIVIDING_OPERATORS:  # `total // per_page` is at most `total`, however small the client's divisor
            return state.taint_of(operation.left) or CLEAN
        if operator is cst.Modulo and type(operation.left) not in REPEATED_LITERALS:  # `n % 10` < 10 (not `"%d" % n`)
            return state.taint_of(operation.right) or CLEAN
    elif kind is cst.IfExp and isinstance(state, SizeState) and state.bounded_names(node.test):  # type: ignore[attr-defined]
        return CLEAN  # `100 if n > 100 else n`
    return request_source(node, state)


class SizeState(FlowState):
    """The flow state with the checks that cap a number (`if n > MAX:`), lazy queries by name, and the fields of the
    parameters' models that declare a maximum."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queries: set[str] = set()
        self.numbers: set[str] = set()
        self.bounded_fields: dict[str, frozenset[str]] = {}

    def clear_checked(self, test: cst.CSTNode) -> bool:
        """Forget names compared against an upper bound (`n > MAX`, `1 <= n <= 100`, `n in SIZES`) or handed to a
        validator (`validate_limit(n)`, `if is_valid_size(n):`); a test of the lower end (`n < 1`) bounds nothing."""
        forgot = False
        for name in self.bounded_names(test):
            if self.names.pop(name, None) is not None:
                forgot = True
        return forgot

    def bounded_names(self, test: cst.CSTNode) -> list[str]:
        found: list[str] = []
        for inner in iter_expressions(test):
            if type(inner) is cst.Comparison:
                operands = [inner.left, *(c.comparator for c in inner.comparisons)]
                operators = {type(c.operator) for c in inner.comparisons}
                if operators & ORDER_OPERATORS and any(self._is_upper_bound(o) for o in operands):
                    found.extend(_names(o) for o in operands if self.taint_of(o) is not None)
                elif operators & {cst.In, cst.NotIn}:
                    found.append(_names(inner.left))
            elif type(inner) is cst.Call:
                tail = callee_tail(inner.func) or ""
                if names_raising_validator(tail) or VERDICT_CALL.search(tail):
                    found.extend(_names(arg.value) for arg in inner.args)
                elif tail in REGEX_TESTS and inner.args:
                    found.extend(self._length_capped(inner, tail))
        return [name for name in found if name]

    def _length_capped(self, call: cst.Call, method: str) -> Iterator[str]:
        """The text a regex test holds to a pattern of bounded length (`SIZE_RE.match(size)` with `SIZE_RE =
        re.compile(r"^\\d{1,4}x\\d{1,4}$")`)."""
        func = call.func
        compiled = self._compiled_pattern(func.value) if type(func) is cst.Attribute else None
        if compiled is not None:
            pattern, text = call_argument(compiled, 0, "pattern"), call.args[0].value
        elif self.qualified_name(call) in (f"re.{method}", f"regex.{method}") and len(call.args) >= 2:
            pattern, text = call.args[0].value, call.args[1].value
        else:
            return
        source = string_value(pattern) if pattern is not None else None
        if source is not None and caps_length(source, method):
            yield _names(text)

    def _is_upper_bound(self, operand: cst.BaseExpression) -> bool:
        """A clean operand other than a number at the lower end: `MAX_LIMIT`, `100`, `settings.MAX`."""
        if type(operand) is cst.UnaryOperation or self.taint_of(operand) is not None:
            return False
        return not (type(operand) in (cst.Integer, cst.Float) and operand.value in LOWER_END_NUMBERS)  # type: ignore


def _holds_size_sink(statement: cst.CSTNode) -> bool:
    """Whether a statement holds a sink that is no call `sink_words` names: a slice with an upper end, a repeated
    literal (`"x" * n`), a call given a `timeout=`."""
    inner: Any
    for inner in iter_expressions(statement):
        kind = type(inner)
        if kind is cst.Slice:
            if inner.upper is not None:
                return True
        elif kind is cst.BinaryOperation:
            left: cst.BaseExpression = inner.left
            right: cst.BaseExpression = inner.right
            if type(inner.operator) is cst.Multiply and (
                    type(left) in REPEATED_LITERALS or type(right) in REPEATED_LITERALS):
                return True
        elif kind is cst.Arg and inner.keyword is not None and inner.keyword.value == TIMEOUT_KEYWORD:
            return True
    return False


def _tainted_names(node: cst.BaseExpression, state: FlowState) -> set[str]:
    return {name for inner in iter_expressions(node) if type(inner) is cst.Name and state.taint_of(inner) is not None
            for name in (inner.value,)}


def _names(node: cst.BaseExpression) -> str:
    """The dotted name a test checks (`limit`, `params.limit`), also inside a conversion (`int(limit)`)."""
    if type(node) is cst.Call and node.args:
        node = node.args[0].value
    return dotted_name(node) or ""


class UnboundedClientSize(ClientSinkRule):
    """A count, page size, byte count, duration or dimension the client chooses is used with no upper bound.

    ## What it does
    Follows client input (request fields, route parameters, FastAPI query parameters typed `int`) into the
    arguments that set how much a call produces, reads, waits or allocates: an ORM's or cursor's `.limit(n)` and a
    query's slice (`Post.objects.filter(...)[:n]`), Django's `Paginator(qs, per_page)`, Flask-SQLAlchemy's
    `paginate(per_page=n)` without `max_per_page`, the `LIMIT` placeholder of SQL text (`LIMIT ?`, `LIMIT :n`) with
    its bound value or the value an f-string pastes there (`f"... LIMIT {limit}"`), `range(n)`, a repeated literal
    (`"x" * n`, `[0] * n`), a stream's `read(n)`/`recv(n)` given a
    number (`archive.read(member)` names a member), `fetchmany(n)`, padding (`ljust(n)`),
    `time.sleep(n)`/`asyncio.sleep(n)`, any call's `timeout=`, PIL's
    `Image.new(mode, (w, h))` and `resize((w, h))` (not `thumbnail`, which only shrinks), the size options of ImageMagick
    and GraphicsMagick in an argument list (`["convert", src, "-resize", f"{w}x{h}", dst]`, `-thumbnail`, `-extent`,
    `-density`, also as the arguments of `asyncio.create_subprocess_exec(...)`; a shell string is VC421's), NumPy
    arrays, `os.urandom(n)` and the `secrets` tokens, `random.sample(k)`, pool sizes and hash iterations.
    Also an upload read whole (`await file.read()` of an `UploadFile`, `upload.file.read()`, `request.files["doc"]
    .read()`, a field of Starlette's `await request.form()`, a part of aiohttp's `await request.multipart()`) in a
    function that checks no size (`file.size > MAX`, `len(data) > MAX`, the `Content-Length`) and reads no upload by
    a limit (`read(MAX + 1)`, a chunked loop), in a module that sets no Flask `MAX_CONTENT_LENGTH`, in a project
    where no module sets it either (`app.config.from_mapping(MAX_CONTENT_LENGTH=...)`, or a config class or module
    declaring it that `app.config.from_object(...)`/`from_pyfile(...)` loads), nor in a helper that notes the
    upload's position and puts it back (`position = file.file.tell()`, `await file.seek(position)`: a framework
    peeking at its caller's upload).
    Also a DRF `PageNumberPagination` subclass that lets the client
    choose the page size (`page_size_query_param`) without a `max_page_size`, and a `LimitOffsetPagination` subclass
    without a `max_limit`. A value capped by `min(n, MAX)` (also inside `max(1, min(n, MAX))`), by a test against an
    upper bound (`if n > MAX: abort(400)`, `if not 1 <= n <= 100:`, `n if n <= MAX else MAX`), an allow-list
    (`n in (10, 50)`), a
    whole-text regex test with no open quantifier (`SIZE_RE.match(size)` with `^\\d{1,4}x\\d{1,4}$`), a validator
    (`validate_limit(n)`), a helper that returns a new value (`clamp(n)`), a FastAPI
    marker or Pydantic field with `le=`/`lt=` (`Query(20, le=100)`, `conint(le=100)`, a field of a model defined in
    the module or in a schema or model module beside it, `from .schemas import Paging`, also one it inherits there),
    or a form's `cleaned_data` or serializer's `validated_data` is not reported; a test of the lower end
    alone (`if n < 1:`) bounds nothing, and a count divided by the client's number (`total // per_page`) is at most
    the count. A Django view's unannotated parameters after `request` are not taken as the
    client's: an URLconf passes its own objects there too; nor are any parameters of such a function declared to
    return plain data (`-> tuple[int, int]`), a helper the views call with their own values. A view that hands the
    client's number to a helper, also of another module (`recent_posts(limit)` doing `.limit(limit)`), is reported by
    VC417 at the helper's sink, unless the view or the helper caps it.

    ## Why is this bad?
    Whoever sends the request decides how much work the server does for it: `?limit=10000000` loads a whole table
    into memory, `?width=100000&height=100000` allocates tens of gigabytes, `?delay=3600` holds a worker for an hour,
    and a `Content-Length` of a terabyte makes `read(n)` ask for that much memory. A few such requests exhaust
    memory or workers for every other user (uncontrolled resource consumption). Agents take the size straight from
    the query string because the prompt named the parameter, not its limit.

    ## Example
    ```python
    from flask import Flask, jsonify, request

    from app.models import Post

    app = Flask(__name__)

    @app.get("/posts")
    def posts():
        limit = int(request.args.get("limit", 20))
        rows = Post.query.order_by(Post.created.desc()).limit(limit).all()
        return jsonify([row.to_json() for row in rows])
    ```

    ## Use instead
    ```python
    from flask import Flask, jsonify, request

    from app.models import Post

    app = Flask(__name__)
    MAX_PAGE = 100

    @app.get("/posts")
    def posts():
        limit = min(int(request.args.get("limit", 20)), MAX_PAGE)
        rows = Post.query.order_by(Post.created.desc()).limit(limit).all()
        return jsonify([row.to_json() for row in rows])
    ```

    ## References
    - [CWE-400: Uncontrolled Resource Consumption](https://cwe.mitre.org/data/definitions/400.html)
    - [CWE-770: Allocation of Resources Without Limits or Throttling](https://cwe.mitre.org/data/definitions/770.html)
    - [OWASP API4:2023 Unrestricted Resource Consumption](https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/)
    """

    code = "VC428"
    name = "unbounded-client-size"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (400, 770)
    scalar_inputs_matter = True
    source: ClassVar[SourceFinder] = staticmethod(size_source)
    # Where client input comes from (every sink name is too common to tell files apart: `range`, `read`): a request
    # object or parameter, the web and tool frameworks whose handlers take input as parameters, and the DRF paginators.
    file_hints = ("request", "req", "query_params", "fastapi", "starlette", "litestar", "sanic", "aiohttp", "bottle",
                  "falcon", "tornado", "chalice", "ninja", "graphene", "strawberry", "ariadne", "streamlit", "gradio",
                  "nicegui", "reflex", "mcp", "fastmcp", "channels", "websocket", "rfile", "get_argument", "dag_run",
                  "event", "pagenumberpagination", "cursorpagination", "limitoffsetpagination")
    file_hints_are_names = True
    cache_inputs = (sibling_models_inputs,)  # the schema modules beside the file (their fields' bounds)

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A module that reads client input, or one that names a page size (`limit`, `per_page`, `fetchmany`): a query
        helper of a data module (`recent_posts(limit)` doing `.limit(limit)` or `LIMIT ?`) that a view hands the client's
        number to, whose sink VC417 joins to the view (`range(n)` alone is too common a word to walk every module for),
        and one that may cap Flask's request bodies for the project (a config module)."""
        return super().hinted_in(source) or not PAGE_SIZE_WORDS.isdisjoint(source.words) \
            or not BODY_LIMIT_WORDS.isdisjoint(source.words)

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """A Flask upload read whole is bounded by the `MAX_CONTENT_LENGTH` another module of the project sets."""
        return kind == BODY_LIMITED and is_bounded(facts for _, facts in project.facts(BODY_LIMITS_FACT))

    def leave_Module(self, node: cst.Module) -> None:
        facts = body_limit_facts(node, self.context.source)
        if facts:
            self.context.facts[BODY_LIMITS_FACT] = facts

    def new_state(self) -> FlowState:
        return SizeState(self.context.imports, type(self).source, checks_clear=False)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        if not isinstance(state, SizeState):
            return
        if self._may_read_uploads():
            for call in unbounded_whole_reads(function, self.context.imports):
                self.report(call, f"`{short_code(call)}` reads the whole upload into memory and nothing bounds its "
                            "size, so one request with a file of gigabytes takes as much memory.",
                            hint="Check the upload's size first (`upload.size`, the `Content-Length`), read it in "
                            "chunks up to a maximum, or read `MAX + 1` bytes and reject a longer upload.",
                            unless=(BODY_LIMITED, "") if self.context.imports.imports_any(CAPPED_FRAMEWORKS) else None)
        # a Django view's parameters after `request` are taken as URL captures, but an URLconf passes its own objects
        # there too (`sitemaps`, `template_name`): unannotated, they are not taken as the client's sizes
        guessed = not is_route_handler(function) and module_uses_django(self.context.imports)
        params = (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)
        # a helper's parameters after the request are its caller's values; the request itself stays the client's
        helper_values = params[1:] if guessed and _returns_plain_data(function) else ()
        for param in params:
            name = param.name.value
            if name not in state.names:
                continue
            annotation = param.annotation.annotation if param.annotation is not None else None
            if guessed and annotation is None or param in helper_values:
                state.names.pop(name)
                continue
            if annotation is not None and dotted_name(annotation) in NUMBER_TYPES:
                state.numbers.add(name)
            if is_bounded_declaration(param.default) or is_bounded_declaration(annotation):
                state.names.pop(name)
            elif annotation is not None and (model := dotted_name(annotation)) in self._model_limits():
                state.bounded_fields[name] = self._model_limits()[model]
            elif annotation is not None and (imported := self._imported_limits(annotation)):
                state.bounded_fields[name] = imported  # `page: Paging` from `.schemas`

    def _may_read_uploads(self) -> bool:
        """Whether the module names an upload and sets no app-wide body limit: read once."""
        found: bool | None = self.__dict__.get("_uploads")
        if found is None:
            found = self.__dict__["_uploads"] = may_read_uploads(self.context.source, self.context.imports)
        return found

    def _model_limits(self) -> dict[str, frozenset[str]]:
        """The module's classes -> their fields that declare a maximum (`limit: int = Field(20, le=100)`) or that a
        validator of the class checks (`@field_validator("limit")`)."""
        found: dict[str, frozenset[str]] | None = self.__dict__.get("_limits")
        if found is None:
            found = self.__dict__["_limits"] = {}
            for statement in self.context.module.body:
                if type(statement) is cst.ClassDef:  # with the fields of the module's classes it derives from
                    inherited = (found.get(dotted_name(base.value) or "", frozenset()) for base in statement.bases)
                    found[statement.name.value] = frozenset(_bounded_fields(statement)).union(*inherited)
        return found

    def _imported_limits(self, annotation: cst.BaseExpression) -> frozenset[str]:
        """The bounded fields of a model of a schema or model module beside the file (`from .schemas import Paging`),
        read with `ast` (`model_fields.sibling_classes`), with those of its bases in that module."""
        reference = self.context.imports.qualified_name(annotation) or ""
        return declared_bounded_fields(sibling_classes(self.context.path, reference)) if "." in reference \
            else frozenset()

    def _module_texts(self) -> dict[str, str]:
        """The module's names bound to a string literal (`PAGE_SQL = "SELECT ... LIMIT ?"`)."""
        found: dict[str, str] | None = self.__dict__.get("_texts")
        if found is None:
            found = self.__dict__["_texts"] = {
                small.targets[0].target.value: text for statement in self.context.module.body
                if type(statement) is cst.SimpleStatementLine for small in statement.body
                if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name
                and (text := string_value(small.value)) is not None}
        return found

    # The calls of `sinks` but a `timeout=`; `searches` adds the calls given one, the slices, the repeated literals, and
    # in a file that names an image tool's size option every function. `note` keeps the names of queries and numbers.
    sink_words = last_parts(SIZE_FUNCTIONS, SIZE_METHODS, SQL_METHODS, ("range", PAGINATE_METHOD))

    def searches(self, function: cst.FunctionDef) -> bool:
        """Where the function calls one of `sink_words`, or holds another sink `check` looks for (`_holds_size_sink`)."""
        return super().searches(function) or self._names_image_options() or any(
            _holds_size_sink(statement) for statement in walked_statements(function) or ())

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        if not isinstance(state, SizeState):
            return
        for inner in iter_expressions(node):
            if type(inner) is cst.Subscript:
                self._check_slice(inner, state)
            elif type(inner) is cst.BinaryOperation and type(inner.operator) is cst.Multiply:
                self._check_repetition(inner, state)
            elif type(inner) in IMAGE_TOOL_ARGUMENTS and self._names_image_options():
                self._check_image_tool(inner, state)
        self.note(node, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """The names bound to a query or a number: what later statements' slices and `read(n)` look up."""
        if type(node) is cst.Assign and isinstance(state, SizeState):
            targets = [name for target in node.targets for inner in iter_expressions(target.target)
                       if (name := dotted_name(inner))]
            for found, names in ((is_query(node.value, state.queries), state.queries),
                                 (is_number(node.value, state.numbers), state.numbers)):
                if found:
                    names.update(targets)
                else:
                    names.difference_update(targets)

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        name = state.qualified_name(call) or ""
        func = call.func
        method = func.attr.value if type(func) is cst.Attribute else None
        spec = SIZE_FUNCTIONS.get(name) or (SIZE_METHODS.get(method) if method is not None else None)
        if spec is not None:
            argument = call_argument(call, *spec)
            numbers = state.numbers if isinstance(state, SizeState) else set()
            if argument is not None and (method not in NUMBER_METHODS or name in SIZE_FUNCTIONS
                                         or is_number(argument, numbers)):
                yield argument, f"`{short_code(func)}()`"
        elif name == "range" and "range" not in state.names:
            argument = call_argument(call, 0 if positional_count(call) == 1 else 1)
            if argument is not None:
                yield argument, "`range()`"
        elif method == PAGINATE_METHOD and call_argument(call, None, PAGINATE_CAP) is None:
            argument = call_argument(call, 1, "per_page")
            if argument is not None:
                yield argument, f"`{short_code(func)}()`"
        elif method in SQL_METHODS and len(call.args) >= 1:
            value = self._sql_limit(call, state)
            if value is not None:
                yield value, "the SQL `LIMIT`"
        timeout = call_argument(call, None, TIMEOUT_KEYWORD)
        if timeout is not None:
            yield timeout, f"the `timeout=` of `{short_code(func)}()`"

    def _sql_limit(self, call: cst.Call, state: FlowState) -> cst.BaseExpression | None:
        sql = call.args[0].value
        if type(sql) is cst.Call and (state.qualified_name(sql) or dotted_name(sql.func)) in SQL_TEXT_WRAPPERS \
                and sql.args:
            sql = sql.args[0].value
        if type(sql) is cst.FormattedString:
            return pasted_sql_limit(sql)
        text = string_value(sql)
        if text is None and type(sql) is cst.Name:
            text = state.constants.get(sql.value) or self._module_texts().get(sql.value)
        if not text:
            return None
        parameters = call.args[1].value if len(call.args) > 1 and call.args[1].keyword is None else None
        return sql_limit_value(text, parameters, call)

    def _check_slice(self, node: cst.Subscript, state: SizeState) -> None:
        if len(node.slice) != 1 or type(node.slice[0].slice) is not cst.Slice or not is_query(node.value, state.queries):
            return
        window: cst.Slice = node.slice[0].slice  # type: ignore[assignment]
        upper, lower = window.upper, window.lower
        moved = _tainted_names(upper, state) if upper is not None and lower is not None else set()
        if upper is None or (moved and moved <= _tainted_names(lower, state)):  # type: ignore[arg-type]
            return  # `qs[offset:offset + 20]`, `qs[(page - 1) * SIZE:page * SIZE]`: the client moves a fixed window
        taint = state.taint_of(upper)
        if taint is not None and taint.kind == "request":
            self.describe(upper, "the slice of a query (its `LIMIT`)", taint, None)

    def _check_repetition(self, node: cst.BinaryOperation, state: SizeState) -> None:
        for literal, count in ((node.left, node.right), (node.right, node.left)):
            if type(literal) in REPEATED_LITERALS:
                taint = state.taint_of(count)
                if taint is not None and taint.kind == "request":
                    self.describe(count, "a repeated literal", taint, None)
                return

    def _names_image_options(self) -> bool:
        """Whether the file writes one of the image tools' size options as a string (`"-resize"`): read once."""
        found: bool | None = self.__dict__.get("_image_options")
        if found is None:
            source = self.context.source
            found = self.__dict__["_image_options"] = any(
                f"{quote}{option}{quote}" in source for option in IMAGE_SIZE_OPTIONS for quote in "\"'")
        return found

    def _check_image_tool(self, node: cst.CSTNode, state: SizeState) -> None:
        """`["convert", src, "-resize", f"{width}x{height}", dst]`: the client's size handed to ImageMagick."""
        found = image_tool_size(node)
        if found is not None:
            taint = state.taint_of(found[1])
            if taint is not None and taint.kind == "request":
                self.describe(found[1], f"the image ImageMagick's `{found[0]}` makes", taint, None)

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call | None) -> None:
        self.report(node, f"The client chooses `{short_code(node)}` (from `{taint.origin}`) and it sets the size of "
                    f"{label} with no upper bound, so one request can make the server load, allocate or wait as much "
                    "as it asks.", hint="Cap the value before use (`min(value, MAX_VALUE)`, or `le=` on the FastAPI "
                    "parameter or Pydantic field) and reject what is above the cap.")

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        bases = {callee_tail(base.value) for base in node.bases}
        if not bases & (PAGE_SIZE_PAGINATORS | {LIMIT_OFFSET_PAGINATOR}):
            return
        assigned = class_assignments(node)
        chosen = assigned.get(PAGE_SIZE_PARAMETER)
        if bases & PAGE_SIZE_PAGINATORS and chosen is not None and not _is_none(chosen) \
                and _is_none(assigned.get(PAGE_SIZE_CAP)):
            self.report(chosen, f"`{node.name.value}` lets the client choose the page size with "
                        f"`{PAGE_SIZE_PARAMETER}` but sets no `{PAGE_SIZE_CAP}`, so `?{string_value(chosen) or 'size'}"
                        "=1000000` returns every row in one response.", hint=f"Set `{PAGE_SIZE_CAP}` on the class.")
        elif LIMIT_OFFSET_PAGINATOR in bases and _is_none(assigned.get(LIMIT_CAP)):
            self.report(node.name, f"`{node.name.value}` takes the page size from the client's `?limit=` and sets no "
                        f"`{LIMIT_CAP}`, so one request can ask for every row.", hint=f"Set `{LIMIT_CAP}` on the class.")


def _bounded_fields(model: cst.ClassDef) -> Iterator[str]:
    """Fields of a class body that declare a maximum, or that one of its validators names."""
    for statement in model.body.body:
        if type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                if type(small) is cst.AnnAssign and type(small.target) is cst.Name and (
                        is_bounded_declaration(small.annotation.annotation) or is_bounded_declaration(small.value)):
                    yield small.target.value
        elif type(statement) is cst.FunctionDef:
            for decorator in statement.decorators:
                if type(decorator.decorator) is cst.Call and "validator" in (callee_tail(decorator.decorator.func) or ""):
                    yield from (text for arg in decorator.decorator.args if (text := string_value(arg.value)))


def _is_none(node: cst.BaseExpression | None) -> bool:
    return node is None or (type(node) is cst.Name and node.value == "None")


# Return annotations of plain data: a function declared to return one builds a value for its caller, not a response.
PLAIN_DATA_RETURNS = frozenset({"tuple", "list", "dict", "set", "frozenset", "int", "float", "str", "bool", "None",
                                "Tuple", "List", "Dict", "Set", "typing.Tuple", "typing.List", "typing.Dict"})


def _returns_plain_data(function: cst.FunctionDef) -> bool:
    """`def paginate(request: HttpRequest, num_items: int, ...) -> tuple[int, list[int], int]`: a helper the views
    call with their own counts, not a view whose parameters an URLconf fills from the path."""
    returns = function.returns.annotation if function.returns is not None else None
    if type(returns) is cst.Subscript:
        returns = returns.value
    return returns is not None and dotted_name(returns) in PLAIN_DATA_RETURNS
