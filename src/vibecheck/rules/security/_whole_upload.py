"""Whole reads of an upload with no size bound (VC428): `await file.read()`, `request.files["doc"].read()`.

Read syntactically, once per function: the uploads are the parameters typed as a Starlette/FastAPI `UploadFile`, what
Flask's `request.files` or Django's `request.FILES` hands out, a field of Starlette's parsed form, a part of aiohttp's
streamed multipart body, and the names bound to them. Frameworks whose body has a default limit (Sanic, Litestar) are
not asked about; aiohttp's limit bounds `request.post()`, not a multipart part read whole. A helper (no route) that
takes an upload as a parameter, notes its position (`position = file.file.tell()`) and puts it back
(`await file.seek(position)`) peeks at an upload its caller owns and reads again: a framework turning the upload into
a `bytes` parameter, whose bound is the caller's, not an app's handler consuming it.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from vibecheck.analysis.flow import dotted_name, is_route_handler, iter_expressions, walked_statements
from vibecheck.analysis.nodes import callee_tail
from vibecheck.imports import ImportTable

# The upload classes whose size no framework default bounds.
UPLOAD_TYPES = frozenset({"fastapi.UploadFile", "fastapi.datastructures.UploadFile", "starlette.datastructures.UploadFile"})
# A request's mapping of uploads (Flask/Werkzeug/Quart `request.files`, Django `request.FILES`) and its getters.
UPLOAD_MAPPINGS = frozenset({"files", "FILES"})
UPLOAD_GETTERS = frozenset({"get", "getlist", "values"})
MAPPING_FRAMEWORKS = ("flask", "werkzeug", "django")
# Starlette's parsed form (`form = await request.form()`), whose file fields are uploads.
FORM_FRAMEWORKS = ("fastapi", "starlette")
FORM_METHOD = "form"
# aiohttp's streamed multipart body (`reader = await request.multipart()`, `part = await reader.next()`): its
# `client_max_size` bounds `request.post()`, not a part read whole.
MULTIPART_METHOD, NEXT_PART = "multipart", "next"
# The attribute of an upload that is its open file (`upload.file.read()`).
UPLOAD_STREAM = "file"
# Words whose presence in a module makes it worth the scan.
UPLOAD_WORDS = ("UploadFile", ".files", ".FILES", ".form(", ".multipart(")
# What a size check of an upload compares: its declared size, the request's length, a read's length, a stream's end.
SIZE_ATTRIBUTES = frozenset({"size", "content_length", "length"})
STREAM_POSITIONS = frozenset({"tell"})
# How a stream's position is put back (`await upload.seek(position)`, `upload.file.seek(position)`).
STREAM_RESTORES = frozenset({"seek"})
LENGTH_HEADER = "content-length"
ORDER_OPERATORS = frozenset({cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual})
# An app-wide cap on the request body, as code sets it: Flask's and Quart's `MAX_CONTENT_LENGTH` (a config key, a
# config class's attribute, a keyword of `config.update`), not a mention in a docstring.
APP_BODY_LIMITS = ("\"MAX_CONTENT_LENGTH\"", "'MAX_CONTENT_LENGTH'", "MAX_CONTENT_LENGTH =", "MAX_CONTENT_LENGTH=")
BINDINGS = frozenset({cst.Assign, cst.For, cst.CompFor, cst.WithItem})
# Rounds of binding: `form = await request.form()`, `upload = form["f"]`, `data = await upload.read()`.
BINDING_ROUNDS = 3
WHOLE_READ_ARGUMENTS = frozenset({"-1", "None"})


def may_read_uploads(source: str, imports: ImportTable) -> bool:
    """Whether a module names an upload at all, and no app-wide body limit bounds its requests."""
    return any(word in source for word in UPLOAD_WORDS) and not any(limit in source for limit in APP_BODY_LIMITS) \
        and imports.imports_any((*FORM_FRAMEWORKS, *MAPPING_FRAMEWORKS, "aiohttp"))


def unbounded_whole_reads(function: cst.FunctionDef, imports: ImportTable) -> Iterator[cst.Call]:
    """The calls that read an upload whole in a function that checks no size and reads no upload by a limit."""
    parameters = set(_upload_parameters(function, imports))
    scan = _Uploads(set(parameters), imports.imports_any(MAPPING_FRAMEWORKS), imports.imports_any(FORM_FRAMEWORKS))
    nodes = [node for statement in walked_statements(function) or () for node in iter_expressions(statement)]
    bindings = [node for node in nodes if type(node) in BINDINGS]
    for _ in range(BINDING_ROUNDS):  # (the walk's statements come in no source order: a chain binds in rounds)
        for node in bindings:
            scan.bind(node)
    whole: list[cst.Call] = []
    for node in nodes:
        kind = type(node)
        if kind is cst.Comparison and scan.checks_size(node):  # type: ignore[arg-type]
            return
        if kind is cst.Call and scan.reads_upload(node):  # type: ignore[arg-type]
            if not _reads_whole(node):  # type: ignore[arg-type]
                return  # `read(MAX + 1)`, a chunked loop: the function bounds what it reads
            whole.append(node)  # type: ignore[arg-type]
        elif kind is cst.Call:
            scan.note_restore(node)  # type: ignore[arg-type]
    peeked: set[str | None] = set(scan.restored & parameters) if parameters and not is_route_handler(function) else set()
    yield from (call for call in whole if _root(call.func.value) not in peeked)  # type: ignore[attr-defined]


def _upload_parameters(function: cst.FunctionDef, imports: ImportTable) -> Iterator[str]:
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        annotation = param.annotation.annotation if param.annotation is not None else None
        if annotation is not None and any(
                type(inner) in (cst.Name, cst.Attribute) and imports.qualified_name(inner) in UPLOAD_TYPES
                for inner in iter_expressions(annotation)):
            yield param.name.value


class _Uploads:
    """The names a function binds to uploads, to a parsed form, and to what a whole read returned."""

    def __init__(self, uploads: set[str], mappings: bool, forms: bool) -> None:
        self.uploads = uploads
        self.mappings = mappings  # `request.files["f"]` is an upload (Flask, Django)
        self.forms: set[str] | None = set() if forms else None  # `(await request.form())["f"]` (Starlette)
        self.contents: set[str] = set()
        self.readers: set[str] = set()  # `reader = await request.multipart()` (aiohttp)
        self.positions: dict[str, str] = {}  # `position = file.file.tell()`: the name -> the upload it measured
        self.restored: set[str] = set()  # the uploads whose noted position is put back (`await file.seek(position)`)

    def bind(self, node: cst.CSTNode) -> None:
        """`doc = request.files["doc"]`, `for upload in files:`, `with upload.file as stream:` name an upload;
        `form = await request.form()` a form; `data = await upload.read()` an upload's content."""
        value: cst.BaseExpression
        targets: list[cst.BaseExpression]
        if type(node) is cst.Assign:
            value, targets = node.value, [target.target for target in node.targets]
        elif type(node) is cst.For or type(node) is cst.CompFor:
            value, targets = node.iter, [node.target]
            if type(value) is cst.Call and dotted_name(value.func) == "enumerate" and value.args:
                value = value.args[0].value  # `for index, upload in enumerate(files):`
                targets = [element.value for element in node.target.elements[1:]] \
                    if type(node.target) is cst.Tuple else []
        else:
            value, targets = node.item, [node.asname.name] if node.asname is not None else []  # type: ignore
        names = {target.value for target in targets if type(target) is cst.Name}
        if self.is_upload(value):
            self.uploads.update(names)
        elif self.forms is not None and _awaits(value, FORM_METHOD):
            self.forms.update(names)
        elif _awaits(value, MULTIPART_METHOD):
            self.readers.update(names)
        elif _awaits(value, NEXT_PART) and dotted_name(value.expression.func.value) in self.readers:  # type: ignore
            self.uploads.update(names)
        elif (measured := self._stream_call(value, STREAM_POSITIONS)) is not None:
            self.positions.update(dict.fromkeys(names, measured))
        elif any(type(inner) is cst.Call and self.reads_upload(inner) for inner in iter_expressions(value)):
            self.contents.update(names)

    def is_upload(self, node: cst.BaseExpression) -> bool:
        """An upload, a list of them, or its open file: a name bound to one, `upload.file`, `request.files["f"]`,
        `request.files.get("f")`, `request.FILES.getlist("f")`, `form["f"]` of a parsed form."""
        kind = type(node)
        if kind is cst.Name:
            return node.value in self.uploads  # type: ignore[attr-defined]
        if kind is cst.Attribute:
            return node.attr.value == UPLOAD_STREAM and self.is_upload(node.value)  # type: ignore[attr-defined]
        if kind is cst.Subscript:
            return self._holds_uploads(node.value)  # type: ignore[attr-defined]
        if kind is cst.Call and type(node.func) is cst.Attribute:  # type: ignore[attr-defined]
            return node.func.attr.value in UPLOAD_GETTERS and self._holds_uploads(node.func.value)  # type: ignore
        return False

    def _holds_uploads(self, node: cst.BaseExpression) -> bool:
        if type(node) is cst.Attribute:
            return self.mappings and node.attr.value in UPLOAD_MAPPINGS
        return self.forms is not None and type(node) is cst.Name and node.value in self.forms

    def reads_upload(self, call: cst.Call) -> bool:
        func = call.func
        return type(func) is cst.Attribute and func.attr.value == "read" and self.is_upload(func.value)

    def note_restore(self, call: cst.Call) -> None:
        """`await file.seek(position)` with `position` a noted position of the same upload."""
        upload = self._stream_call(call, STREAM_RESTORES)
        argument = call.args[0].value if upload is not None and call.args else None
        if upload is not None and type(argument) is cst.Name and self.positions.get(argument.value) == upload:
            self.restored.add(upload)

    def _stream_call(self, node: cst.BaseExpression, methods: frozenset[str]) -> str | None:
        """The upload that `upload.file.tell()`, `await upload.seek(n)` calls one of `methods` of, by its name."""
        call = node.expression if type(node) is cst.Await else node
        func = call.func if type(call) is cst.Call else None
        if type(func) is not cst.Attribute or func.attr.value not in methods or not self.is_upload(func.value):
            return None
        return _root(func.value)

    def checks_size(self, comparison: cst.Comparison) -> bool:
        """An order test of a size: `upload.size > MAX`, `len(data) > MAX` of a read's content,
        `request.content_length`, a `Content-Length` header, `stream.tell()`."""
        if not any(type(part.operator) in ORDER_OPERATORS for part in comparison.comparisons):
            return False
        for inner in iter_expressions(comparison):
            kind = type(inner)
            if kind is cst.Attribute and inner.attr.value in SIZE_ATTRIBUTES:  # type: ignore[attr-defined]
                return True
            if kind is cst.Call and self._measures(inner):  # type: ignore[arg-type]
                return True
            if kind is cst.SimpleString and LENGTH_HEADER in inner.value.lower():  # type: ignore[attr-defined]
                return True
        return False

    def _measures(self, call: cst.Call) -> bool:
        """`stream.tell()`, `len(data)` of what a read returned (not `len(files)`, how many there are)."""
        tail = callee_tail(call.func)
        if tail in STREAM_POSITIONS:
            return True
        if tail != "len" or not call.args:
            return False
        measured = call.args[0].value
        return (type(measured) is cst.Name and measured.value in self.contents) or any(
            type(inner) is cst.Call and self.reads_upload(inner) for inner in iter_expressions(measured))


def _root(node: cst.BaseExpression) -> str | None:
    """The name an upload expression starts from: `file` of `file`, `file.file`."""
    while type(node) is cst.Attribute:
        node = node.value
    return node.value if type(node) is cst.Name else None


def _awaits(node: cst.BaseExpression, method: str) -> bool:
    """`await request.form()`, `await request.multipart()`, `await reader.next()`."""
    if type(node) is not cst.Await:
        return False
    call = node.expression
    return type(call) is cst.Call and type(call.func) is cst.Attribute and call.func.attr.value == method


def _reads_whole(call: cst.Call) -> bool:
    """`read()`, `read(-1)`, `read(None)`: everything the upload holds."""
    if not call.args:
        return True
    value = call.args[0].value
    if type(value) is cst.UnaryOperation:
        return type(value.operator) is cst.Minus and type(value.expression) is cst.Integer \
            and value.expression.value == "1"
    return dotted_name(value) in WHOLE_READ_ARGUMENTS
