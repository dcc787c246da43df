"""VC422: client input becomes SQL text, the ordering or lookups of an ORM query, or a MongoDB filter's operators."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

import libcst as cst

from vibecheck.analysis.bound_names import names_bound_to_calls
from vibecheck.analysis.flow import (
    CLEAN,
    DB_HOOK_METHODS,
    LAMBDA_EVENT_NAMES,
    PARAMETER,
    PAYLOAD_HANDLERS,
    SQL_CLIENT_METHOD_NAMES,
    SUMMARISED_KINDS,
    TEXT,
    FlowState,
    SourceFinder,
    Taint,
    call_argument,
    dotted_name,
    is_route_handler,
    iter_calls,
    iter_expressions,
    last_parts,
    module_uses_django,
    positional_count,
    request_source,
    short_code,
    sql_client_query,
    string_value,
)
from vibecheck.analysis.summary_keys import OBJECT
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._client_sinks import ClientSinkRule
from vibecheck.rules.security.sql_built_from_strings import (
    ASYNC_QUERY_METHODS,
    DB_RECEIVER,
    EXECUTE_METHODS,
    EXTRA_KEYWORDS,
    built_string,
)

SQL_CWE = (89,)
# Values that are text (or a number), never an object a NoSQL driver reads as an operator; exact types.
TEXT_NODES = frozenset({cst.FormattedString, cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float})
NOSQL_CWE = (943,)
SQL_TEXT = "sql"
ORDERING = "ordering"
LOOKUPS = "lookups"
# Calls whose argument is SQL text: SQLAlchemy `text()`/`literal_column()`, Django `RawSQL()`, pandas `read_sql()`.
SQL_TEXT_FUNCTIONS = {
    "sqlalchemy.text": "text", "sqlalchemy.sql.text": "text", "sqlalchemy.sql.expression.text": "text",
    "sqlmodel.text": "text", "sqlalchemy.literal_column": "text", "sqlalchemy.sql.literal_column": "text",
    "sqlalchemy.sql.expression.literal_column": "text", "django.db.models.expressions.RawSQL": "sql",
    "django.db.models.RawSQL": "sql", "pandas.read_sql": "sql", "pandas.read_sql_query": "sql",
}
# DB-API objects whose `execute()` takes SQL text, beyond VC402's receivers: `cursor = conn.cursor()`.
CURSOR_RECEIVER = lazy_pattern(r"(cursor|curs|connection)$", re.IGNORECASE)
# DB-API `connect()` functions: a name the file binds to what one returns is a connection, whatever it is called
# (`REPORTS = sqlite3.connect(...)`, `self.warehouse = duckdb.connect(...)`).
CONNECT_FUNCTIONS = frozenset({"sqlite3.connect", "psycopg.connect", "psycopg2.connect", "pymysql.connect",
                               "MySQLdb.connect", "mysql.connector.connect", "duckdb.connect", "pyodbc.connect",
                               "oracledb.connect", "cx_Oracle.connect", "snowflake.connector.connect"})
# Query-builder methods whose positional arguments name columns (SQLAlchemy takes a string there as SQL text).
ORDERING_METHODS = frozenset({"order_by", "group_by", "distinct"})
# Django QuerySet methods whose `**kwargs` are lookups (`password__startswith=`).
LOOKUP_METHODS = frozenset({"filter", "exclude", "get", "get_or_create", "update_or_create"})
# The attribute a Django model's default manager goes by: `User.objects.get(**filters)` is a Django query even in a
# helper module that imports only the project's models.
MANAGER_ATTRIBUTES = frozenset({"objects", "_default_manager", "_base_manager"})
# MongoDB collection methods -> the position of the filter (or pipeline) argument.
MONGO_METHODS = {
    "find": 0, "find_one": 0, "find_one_and_update": 0, "find_one_and_delete": 0, "find_one_and_replace": 0,
    "delete_one": 0, "delete_many": 0, "update_one": 0, "update_many": 0, "replace_one": 0, "count_documents": 0,
    "aggregate": 0, "distinct": 1, "watch": 0,
}
MONGO_MODULES = ("pymongo", "motor", "flask_pymongo", "mongomock", "bson", "mongoengine", "beanie", "odmantic")
MONGO_RECEIVER = lazy_pattern(r"(^|[._])(db|mongo|collection|coll|col|collections)($|[._])|_collection$|_coll$", re.IGNORECASE)
# Operators whose value is JavaScript the server runs, and the one whose object value is compared as it is.
MONGO_CODE_KEYS = frozenset({"$where", "$function", "$accumulator"})
MONGO_LITERAL_KEYS = frozenset({"$eq"})
# Sources that can carry a JSON object rather than a string: `{"user": {"$ne": null}}`.
JSON_ORIGIN = lazy_pattern(r"json|get_data|\.data\b|\.body\b|\.media\b|\.stream\b|loads\(")
JSON_LOADERS = frozenset({"json.loads", "json.load", "ujson.loads", "orjson.loads", "simplejson.loads", "bson.json_util.loads"})
# Lambda events and Slack payloads are parsed JSON documents.
PAYLOAD_NAMES = LAMBDA_EVENT_NAMES.union(*(parameters for _, _, parameters in PAYLOAD_HANDLERS))
JSON_TYPES = frozenset({"dict", "Dict", "Any", "Json", "Mapping", "JSON", "object"})
# Conversions after which a value can no longer be an object.
TEXT_CONVERSIONS = frozenset({"str", "int", "float", "bool", "ObjectId", "bson.ObjectId", "bson.objectid.ObjectId",
                              "uuid.UUID", "UUID", "Decimal", "decimal.Decimal", "escape", "re.escape"})
TEXT_METHODS = frozenset({"strip", "lower", "upper", "casefold", "lstrip", "rstrip", "title", "encode", "isoformat"})
# What a form or serializer has validated is no longer the client's raw text.
VALIDATED_ATTRIBUTES = frozenset({"validated_data", "cleaned_data"})
SANITIZERS = frozenset({"int", "float", "uuid.UUID", "UUID", "bool"})
# Client data, and a helper's parameter or another function's result that the project phase follows.
FOLLOWED_KINDS = SUMMARISED_KINDS | {"request"}


def query_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, a JSON document parsed from it, and nothing a form or serializer validated."""
    if type(node) is cst.Attribute and node.attr.value in VALIDATED_ATTRIBUTES:
        return CLEAN
    if type(node) is cst.Call and node.args and state.qualified_name(node) in JSON_LOADERS:
        inner = state.taint_of(node.args[0].value)
        if inner is not None and inner.kind == "request":
            return Taint("request", f"json.loads({inner.origin})")
    return request_source(node, state)



class QueryState(FlowState):
    """The flow state plus what the MongoDB check needs: names holding text, dict displays, JSON parameters."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.texts: set[str] = set()
        self.dicts: dict[str, list[cst.BaseExpression]] = {}
        self.json_parameters: set[str] = set()


class ClientDataInQuery(ClientSinkRule):
    """Client input becomes SQL text, the ordering or lookups of an ORM query, or operators of a MongoDB filter.

    ## What it does
    Follows client input (request fields, route parameters, Lambda and Slack payloads) into query
    structure that no bound parameter protects: the SQL text of SQLAlchemy `text()`/`literal_column()`,
    Django `RawSQL()`/`.raw()`/`.extra(where=...)`, pandas `read_sql()` and a database cursor's or connection's
    `execute()` or `exec_driver_sql()` (named like one, or bound to a DB-API `connect()` in the file:
    `REPORTS = sqlite3.connect(...)`; the whole query, not a value pasted into it, which VC402 reports), BigQuery's
    `client.query(sql)` (on a client made at module level or on the spot, or, in a module that imports BigQuery, one named
    like a client: `bq = client()`, `bq_client`), Spark's `spark.sql()` and DuckDB's `con.sql()`/`duckdb.sql()`, also a
    query method of any other object given SQL text built in place (`self.store.fetch_one("... WHERE id = %s" %
    user_id)`); the column names of `.order_by()`, `.group_by()` and `.distinct()` (also `order_by(f"-{sort}")`); the
    lookups of a Django
    `filter(**params)`/`exclude(**params)`/`get(**params)` (in a module that imports Django, or on a model's
    manager: `User.objects.get(**params)` in a service module); and the filter of a MongoDB collection method (`find`,
    `find_one`, `update_one`, `delete_many`, `aggregate`, ...) when it is a JSON document from the
    client or holds one of its values, which can be an object such as `{"$ne": null}` (operator
    injection), and any client text used as a field name or `$where` code. Values mapped through a fixed
    dict (`SORTS[sort]`), the keys of a dict a comprehension kept to an allow-list (`{k: v for k, v in data.items()
    if k in COLUMNS}`, then `", ".join(cols)` or `f"{k} = ?" for k in cols`), checked in an `if`/`assert` (`sort in
    ALLOWED`; not a prefix test such as
    `sql.upper().startswith("SELECT")`, which any query can pass), converted (`int()`, and for
    MongoDB `str()`/`ObjectId()`, or an `isinstance(value, str)` check), and a form's or serializer's
    `cleaned_data`/`validated_data` are clean, and so are the values of lookups whose names are fixed
    (`filter(**{"name__icontains": q})`: only a client-chosen key is reported). Form fields and query
    strings are always strings, so they are not reported in a MongoDB filter. It also records which
    parameters of each function reach the SQL and ordering sinks, so that VC417 reports request data
    passed to a query helper elsewhere. It supersedes VC402 and bandit's `B608` on the same lines. A client mapping
    spread into a MongoDB filter (`find({**body.filters, "org_id": org})`) names its fields and operators whatever its
    values hold, and is reported however it was typed.

    ## Why is this bad?
    SQL text from the client is SQL injection outright. A client-chosen ordering lets it sort by any
    column, `password` or a reset token included, and read the value one character at a time from the
    order of the rows; SQLAlchemy and older Django releases take an unknown string there as raw SQL.
    Client-chosen Django lookups (`password__startswith=a`) leak fields the same way. MongoDB reads an
    object in a filter as operators: `{"password": {"$ne": null}}` logs in without a password.

    ## Example
    ```python
    from flask import Flask, request
    from pymongo import MongoClient

    app = Flask(__name__)
    users = MongoClient().shop.users

    @app.post("/login")
    def login():
        data = request.get_json()
        user = users.find_one({"email": data["email"], "password_hash": data["password"]})
        return {"ok": user is not None}
    ```

    ## Use instead
    ```python
    from flask import Flask, request
    from pymongo import MongoClient

    app = Flask(__name__)
    users = MongoClient().shop.users

    @app.post("/login")
    def login():
        data = request.get_json()
        user = users.find_one({"email": str(data["email"])})
        return {"ok": user is not None}
    ```

    ## References
    - [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
    - [CWE-943: Improper Neutralization of Special Elements in Data Query Logic](https://cwe.mitre.org/data/definitions/943.html)
    - [OWASP: Testing for NoSQL Injection](https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/07-Input_Validation_Testing/05.6-Testing_for_NoSQL_Injection)
    - [Django: `order_by()`](https://docs.djangoproject.com/en/stable/ref/models/querysets/#order-by)
    - [SQLAlchemy: using textual SQL](https://docs.sqlalchemy.org/en/20/core/tutorial.html#using-textual-sql)
    """

    code = "VC422"
    name = "client-data-in-query"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (89, 943)
    supersedes = ("VC402", "B608")
    sanitizers = SANITIZERS
    source: ClassVar[SourceFinder] = staticmethod(query_source)
    # Names, each a part of a sink's or a request source's dotted name (every part of a resolved name is a name
    # in the file): the SQL text calls and methods (`text(`, `rawsql`, `read_sql`, `execute`, `.raw(`, ...), the
    # ordering and lookup methods, the MongoDB methods, and `request`, `httprequest` (a Django `HttpRequest`
    # parameter) and a payload's `event` for the sources a caller passes on to a query helper in another file.
    # `get` is left out (every module names it): a lookup helper is walked for its manager (`objects`) instead.
    file_hints = ("text(", "sql", "bigquery", "execute", "executemany", "executescript", "executesql", "exec_driver_sql", "raw",
                  "rawsql", "q(",  # fastlite's `db.q(sql)`
                  "extra",
                  "read_sql", "read_sql_query", "literal_column", "order_by", "group_by", "distinct", "filter", "exclude",
                  "update_or_create", "find", "find_one", "find_one_and_update", "find_one_and_delete",
                  "find_one_and_replace", "delete_one", "delete_many", "update_one", "update_many", "count_documents",
                  "aggregate", "request", "httprequest", "event", "get_or_create", "replace_one", "watch",
                  "dag_run", "hook", *sorted(DB_HOOK_METHODS - {"run"}),
                  *sorted(MANAGER_ATTRIBUTES),
                  *ASYNC_QUERY_METHODS)
    file_hints_are_names = True

    def new_state(self) -> FlowState:
        # text that starts with `SELECT` is still any query (`SELECT ...; DROP ...`, a read of every table)
        return QueryState(self.context.imports, type(self).source, sanitizer_names=self.sanitizers,
                          prefix_checks_clear=False)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        if not isinstance(state, QueryState):
            return
        for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
            name = param.name.value
            held = state.names.get(name)  # the inputs the base class seeded: `Taint("request", name)`
            if held is None or held.kind != "request" or held.origin != name:
                continue
            annotation = param.annotation
            names = {n.rsplit(".", 1)[-1] for n in (dotted_name(e) for e in iter_expressions(annotation.annotation))
                     if n} if annotation is not None else set()
            if names & JSON_TYPES or (name in PAYLOAD_NAMES and not is_route_handler(function)):
                state.json_parameters.add(name)

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        name = state.qualified_name(call) or ""
        func = call.func
        method = func.attr.value if type(func) is cst.Attribute else ""
        client_query = sql_client_query(call, state) if method else None
        if name in SQL_TEXT_FUNCTIONS:
            argument = call_argument(call, 0, SQL_TEXT_FUNCTIONS[name])
            if argument is not None:
                yield argument, SQL_TEXT
        elif client_query is not None:
            yield client_query, SQL_TEXT
        elif method in EXECUTE_METHODS and type(func) is cst.Attribute:
            receiver = dotted_name(func.value) or short_code(func.value)
            last = receiver.rsplit(".", 1)[-1].rstrip("()")
            argument = call_argument(call, 0, "sql") or call_argument(call, 0, "query")
            if argument is not None and (DB_RECEIVER.search(last) or CURSOR_RECEIVER.search(last)
                                         or receiver in self._connections()
                                         or (receiver not in ("self", "cls") and _built_sql(argument, state))):
                yield argument, SQL_TEXT
        elif method == "raw" and positional_count(call) in (1, 2):
            argument = call_argument(call, 0, "raw_query")
            if argument is not None:
                yield argument, SQL_TEXT
        elif method == "extra":
            for keyword in EXTRA_KEYWORDS:
                argument = call_argument(call, None, keyword)
                if argument is not None:
                    yield argument, SQL_TEXT
        elif method in ORDERING_METHODS and not (method == "distinct" and _is_mongo_distinct(call)
                                                 and self._is_mongo(call, state)):
            for arg in call.args:
                if arg.keyword is None:
                    yield arg.value, ORDERING
        elif method in LOOKUP_METHODS and (module_uses_django(state.imports) or _through_manager(func)):
            for arg in call.args:
                if arg.star == "**":
                    yield from ((part, LOOKUPS) for part in _lookup_names(arg.value))

    def _connections(self) -> frozenset[str]:
        """The names and attributes the file binds to a DB-API connection (`REPORTS = sqlite3.connect(...)`), found
        once per file and only asked about an `execute()` whose receiver is not named like one."""
        found: frozenset[str] | None = self.context.shared.get(CONNECT_FUNCTIONS)
        if found is None:
            found = self.context.shared[CONNECT_FUNCTIONS] = names_bound_to_calls(
                self.context.module, self.context.imports, CONNECT_FUNCTIONS.__contains__) \
                if "connect(" in self.context.source else frozenset()
        return found

    # every report is at a call of these tables (`sinks`, `_check_mongo`); `note` keeps the bindings later taints read
    sink_words = last_parts(SQL_TEXT_FUNCTIONS, SQL_CLIENT_METHOD_NAMES, DB_HOOK_METHODS, EXECUTE_METHODS, ("raw", "extra"),
                            ORDERING_METHODS, LOOKUP_METHODS, MONGO_METHODS)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        super().check(node, state)
        if not isinstance(state, QueryState):
            return
        for call in iter_calls(node):
            self._check_mongo(call, state)
        _note_bindings(node, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        if isinstance(state, QueryState):
            _note_bindings(node, state)

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        callee = short_code(call.func)
        if label == SQL_TEXT:
            self.report(node, f"Client input from `{taint.origin}` becomes the SQL text of `{callee}()`, so a client "
                        "can run its own SQL.", hint="Keep the SQL text constant and pass client values as bound "
                        "parameters (`text(\"... WHERE name = :name\").bindparams(name=value)`).", cwe=SQL_CWE)
        elif label == ORDERING:
            self.report(node, f"Client input from `{taint.origin}` names the columns of `{callee}()`, so a client can "
                        "order by any column (`password` included) and read it from the order of the rows, or pass "
                        "SQL where the string is taken as text.", hint="Map the client's choice to a column through "
                        "a fixed dict (`SORTS.get(sort, \"name\")`) or check it against an allow-list first.",
                        cwe=SQL_CWE, severity=Severity.MEDIUM)
        else:
            self.report(node, f"Client input from `{taint.origin}` chooses the lookups of `{callee}()`, so a client "
                        "can filter on any field (`password__startswith=a`) and read it one character at a time.",
                        hint="Build the lookups from fixed field names (`filter(name=params.get(\"name\"))`) or use "
                        "a filter form.", cwe=NOSQL_CWE, severity=Severity.MEDIUM)

    def _is_mongo(self, call: cst.Call, state: FlowState) -> bool:
        func = call.func
        if type(func) is not cst.Attribute or dotted_name(func.value) in ("self", "cls"):
            return False  # `self.find(...)`: the class's own method, not a collection's
        if any(name.startswith(MONGO_MODULES) for name in state.imports.imported_names()):
            return True
        return bool(MONGO_RECEIVER.search(dotted_name(func.value) or ""))

    def _check_mongo(self, call: cst.Call, state: QueryState) -> None:
        func = call.func
        if type(func) is not cst.Attribute or func.attr.value not in MONGO_METHODS or not self._is_mongo(call, state):
            return
        position = MONGO_METHODS[func.attr.value]
        query = call_argument(call, position, "pipeline" if func.attr.value == "aggregate" else "filter")
        if query is None:
            return
        found = list(self._unsafe_parts(query, state, depth=4))
        direct = next(((taint, how) for taint, how in found if taint.kind not in SUMMARISED_KINDS), None)
        if direct is not None:
            self._report_mongo(query, func, *direct)
            return
        # helpers' parameters or other functions' results: the join decides whether the client's data gets here
        for taint, how in dict.fromkeys(found):
            with self.recording(taint, state, needs=OBJECT if how == "operator" else "",
                                origins=[taint.origin] if taint.kind == PARAMETER else None) as placeholder:
                self._report_mongo(query, func, placeholder, how)

    def _report_mongo(self, query: cst.BaseExpression, func: cst.Attribute, taint: Taint, how: str) -> None:
        label = short_code(func)
        if how == "operator":
            self.report(query, f"Client JSON from `{taint.origin}` reaches the filter of `{label}()`, where an object "
                        "such as `{\"$ne\": null}` becomes a query operator and matches every document.",
                        hint="Convert each client value to the type you expect (`str(value)`, `ObjectId(value)`) or "
                        "reject anything that is not a string before it goes into a filter.", cwe=NOSQL_CWE)
        else:
            self.report(query, f"Client input from `{taint.origin}` becomes a field name or `$where` code in the filter "
                        f"of `{label}()`, so a client decides what the query tests or runs.", hint="Use fixed field "
                        "names and never put client text in `$where`; pass values only, converted with `str()`.",
                        cwe=NOSQL_CWE)

    def _unsafe_parts(self, node: cst.BaseExpression, state: QueryState, depth: int) -> Iterator[tuple[Taint, str]]:
        """The parts of a filter that let the client add operators: JSON values, field names, `$where` code."""
        if depth == 0:
            return
        if isinstance(node, (cst.List, cst.Tuple)):
            for element in node.elements:
                yield from self._unsafe_parts(element.value, state, depth - 1)
            return
        if type(node) is cst.Name and node.value in state.dicts:
            for value in state.dicts[node.value]:
                yield from self._unsafe_parts(value, state, depth - 1)
            return
        if type(node) is not cst.Dict:
            taint = self._json_taint(node, state)
            if taint is not None:
                yield taint, "operator"
            return
        for item in node.elements:
            if not isinstance(item, cst.DictElement):
                # `{**body.filters, "org_id": org}`: the client's mapping spread into the filter names its fields and
                # operators (`$where`, `$or`), whatever type its values have
                taint = state.taint_of(item.value)
                if taint is not None and taint.kind in FOLLOWED_KINDS:
                    yield taint, "structure"
                continue
            key = string_value(item.key)
            if key is None:
                taint = state.taint_of(item.key)
                if taint is not None and taint.kind in FOLLOWED_KINDS:
                    yield taint, "structure"
            if key in MONGO_CODE_KEYS:
                taint = state.taint_of(item.value)
                if taint is not None and taint.kind in FOLLOWED_KINDS:
                    yield taint, "structure"
                continue
            if key in MONGO_LITERAL_KEYS:
                continue
            yield from self._unsafe_parts(item.value, state, depth - 1)

    def _json_taint(self, node: cst.BaseExpression, state: QueryState) -> Taint | None:
        """The taint of a value that may be a client's JSON object (not text, not a conversion's result)."""
        if _is_text(node, state):
            return None
        taint = state.taint_of(node)
        if taint is None or taint.kind not in FOLLOWED_KINDS:
            return None
        if taint.kind in SUMMARISED_KINDS or _may_be_object(taint, state):
            return taint
        return None

    def value_note(self, node: cst.BaseExpression, taint: Taint, state: FlowState) -> str:
        """TEXT for a string or number passed on, OBJECT for the client's JSON: a helper's MongoDB filter needs it."""
        if not isinstance(state, QueryState):
            return ""
        if _is_text(node, state):
            return TEXT
        return OBJECT if taint.kind == "request" and _may_be_object(taint, state) else ""


def _may_be_object(taint: Taint, state: QueryState) -> bool:
    """Client data that may be a parsed JSON object: from a JSON body, a JSON loader, a payload parameter."""
    return bool(JSON_ORIGIN.search(taint.origin)) or taint.origin in state.json_parameters


def _is_mongo_distinct(call: cst.Call) -> bool:
    """MongoDB's `distinct(key, filter)`, not the ORM's `distinct(*fields)`: a filter is passed."""
    return positional_count(call) >= 2 or call_argument(call, None, "filter") is not None


def _is_text(node: cst.BaseExpression, state: QueryState) -> bool:
    """A value that cannot be an object: a conversion, a string built around it, or a name holding one."""
    while type(node) is cst.BinaryOperation:  # `"user:" + name`: text, whatever the rest is (no recursion: long chains)
        if _is_text(node.right, state):
            return True
        node = node.left
    if type(node) in TEXT_NODES:
        return True
    if type(node) is cst.Call:
        name = state.qualified_name(node) or dotted_name(node.func) or ""
        if name in TEXT_CONVERSIONS or name.rsplit(".", 1)[-1] in TEXT_CONVERSIONS:
            return True
        return type(node.func) is cst.Attribute and node.func.attr.value in TEXT_METHODS
    return type(node) is cst.Name and node.value in state.texts


def _note_bindings(node: cst.CSTNode, state: QueryState) -> None:
    """Remember names bound to text or to a dict display (and the values stored into it), and `isinstance` checks."""
    if type(node) in (cst.If, cst.Assert, cst.While):
        test = node.test  # type: ignore[attr-defined]
        for inner in iter_expressions(test):
            if type(inner) is cst.Call and dotted_name(inner.func) == "isinstance" and len(inner.args) == 2 \
                    and "str" in {dotted_name(e) for e in iter_expressions(inner.args[1].value)}:
                held = dotted_name(inner.args[0].value)
                if held is not None:
                    state.texts.add(held)
        return
    if type(node) is cst.Expr and type(node.value) is cst.Call and type(node.value.func) is cst.Attribute \
            and node.value.func.attr.value == "update" and node.value.args:
        container = dotted_name(node.value.func.value)  # `query.update(filters)`: the filter gets their keys
        if container in state.dicts:
            state.dicts[container].extend(arg.value for arg in node.value.args)
        return
    if type(node) is not cst.Assign:
        return
    for target in node.targets:
        if type(target.target) is cst.Subscript:
            container = dotted_name(target.target.value)
            if container in state.dicts:
                state.dicts[container].append(node.value)
            continue
        key = dotted_name(target.target)
        if key is None:
            continue
        state.texts.discard(key)
        state.dicts.pop(key, None)
        if _is_text(node.value, state):
            state.texts.add(key)
        elif type(node.value) is cst.Dict:
            state.dicts[key] = [node.value]


def _built_sql(argument: cst.BaseExpression, state: FlowState) -> bool:
    """`self.store.fetch_one("SELECT ... WHERE id = %s" % user_id)`: a query method of a project's own store object,
    named for what it holds rather than as a connection, given SQL text it builds in place. (A class's own
    `self.execute(...)` is not asked about: the flow follows it into the method's body.)"""
    built = built_string(argument, state)
    return built is not None and built.kind == "sql"


def _through_manager(func: cst.BaseExpression) -> bool:
    """`Model.objects.filter(...)`, also down a chain (`Model.objects.filter(a=1).exclude(...)`)."""
    node = func
    while True:
        if isinstance(node, cst.Attribute):
            if node.attr.value in MANAGER_ATTRIBUTES:
                return True
            node = node.value
        elif isinstance(node, cst.Call):
            node = node.func
        else:
            return False


def _lookup_names(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The parts of a `**` argument that name lookups: a dict literal's keys (its values are only compared, as bound
    parameters), the keyword-less arguments of `dict(...)`, else the whole mapping."""
    if isinstance(value, cst.Dict):
        return [element.key if isinstance(element, cst.DictElement) else element.value for element in value.elements]
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "dict":
        return [arg.value for arg in value.args if arg.keyword is None]
    return [value]

