"""VC402: an SQL query built with f-strings, `%`, `+` or `.format` reaches a query-executing call."""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Callable, Sequence
from typing import cast

import libcst as cst

from vibecheck.analysis.flow import (
    CALL,
    DB_HOOK_METHODS,
    ORIGIN,
    SQL_CLIENT_METHOD_NAMES,
    STORING_METHODS,
    SUMMARISED_KINDS,
    FlowRule,
    FlowState,
    Taint,
    allowed_branch,
    call_argument,
    dotted_name,
    has_keyword,
    iter_calls,
    iter_expressions,
    keyed_read,
    last_parts,
    looks_like_sql,
    positional_count,
    short_code,
    sql_client_query,
    string_value,
    walked_names,
)
from vibecheck.analysis.imported_modules import imported_module_file
from vibecheck.analysis.migrations import is_alembic_revision, is_django_migration
from vibecheck.analysis.nodes import callee_tail, target_parts
from vibecheck.ast_fields import content_children
from vibecheck.cst_fields import child_nodes, own_nodes_of, walk_own
from vibecheck.imports import ImportTable
from vibecheck.lines import line_starts
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern, word_start_matches
from vibecheck.rule import RuleContext, SourceHints
from vibecheck.rules.security._constant_sql_helpers import any_arguments_key, constant_helpers, helper_key
from vibecheck.rules.security._dict_key_identifiers import only_keys_reach
from vibecheck.rules.security._identifier_quoters import (
    identifier_quoters,
    may_quote,
    module_quoters,
    quoter_modules_inputs,
)
from vibecheck.rules.security._identifier_validators import identifier_validators
from vibecheck.rules.security._sql_wording import KEY_HARM, KEY_HINT, KEY_MARK, VALUE_HARM, VALUE_HINT

# Method name -> (query argument position, keyword names of the query, keyword names of separate parameters).
EXECUTE_METHODS = {
    "execute": (0, ("sql", "query", "statement", "operation"), ("params", "parameters", "args", "vars", "values")),
    "executemany": (0, ("sql", "query", "statement", "operation"), ("seq_of_parameters", "params")),
    "executescript": (0, ("sql_script", "sql"), ()),
    # SQLAlchemy's `Connection.exec_driver_sql()`: the text goes to the DB-API cursor as it is
    "exec_driver_sql": (0, ("statement",), ("parameters",)),
    # Spark's `spark.sql(query, args={...})`, DuckDB's `con.sql(query, params=[...])` and `duckdb.sql(...)`
    "sql": (0, ("sqlQuery", "query"), ("args", "params")),
    # pydal's (web2py's, Emmett's) `db.executesql(query, placeholders=[...])`
    "executesql": (0, ("query",), ("placeholders",)),
    # fastlite's (FastHTML's) `db.q(sql, params)`
    "q": (0, ("sql",), ("params",)),
}
# Async drivers' query methods (asyncpg `fetch*`, `databases` `fetch_*`): values follow the query or go in `values`.
ASYNC_QUERY_METHODS = ("fetch", "fetchrow", "fetchval", "fetch_one", "fetch_all", "fetch_val")
EXECUTE_METHODS.update({method: (0, ("query", "sql"), ("values", "args")) for method in ASYNC_QUERY_METHODS})
# Sinks that take SQL text only when it looks like SQL: SQLAlchemy `text()`, Django `.raw()`/`.extra()`, pandas.
SQL_TEXT_FUNCTIONS = frozenset({"sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text", "sqlmodel.text"})
# Functions whose first argument is SQL text taken as it is: SQLAlchemy `literal_column`, Django `RawSQL`.
SQL_FRAGMENT_FUNCTIONS = {
    "sqlalchemy.literal_column": "text", "sqlalchemy.sql.literal_column": "text",
    "sqlalchemy.sql.expression.literal_column": "text", "sqlmodel.literal_column": "text",
    "django.db.models.expressions.RawSQL": "sql", "django.db.models.RawSQL": "sql",
}
# Django `QuerySet.extra(...)` keywords that hold SQL text.
EXTRA_KEYWORDS = ("where", "select", "order_by", "tables")
# DynamoDB (boto3) keywords that hold an expression, and PartiQL statements: a value must go in
# `ExpressionAttributeValues`/`Parameters`, never into the text.
DYNAMODB_KEYWORDS = ("KeyConditionExpression", "FilterExpression", "ConditionExpression", "UpdateExpression",
                     "ProjectionExpression", "Statement", "Sql")
DYNAMODB_KEYWORD_SET = frozenset(DYNAMODB_KEYWORDS)
# MongoDB operators whose value is JavaScript run by the server.
SQL_CWE = (89,)
NOSQL_CWE = (943,)
MONGO_CODE_OPERATORS = frozenset({"$where", "$function", "$accumulator"})
READ_SQL_FUNCTIONS = frozenset({"read_sql", "read_sql_query"})
# Sink methods whose name is a common word (`raw`, `extra`, `sql`, `q`): a module is walked for them where it calls one.
COMMON_WORD_METHODS = frozenset({"raw", "extra", "sql", "q"})
# The SQL statements bandit's B608 flags, by their first word or words (its `update ... set` is left: `update` and `set`
# are in most modules).
SQL_STARTS = frozenset({"select"})
SQL_OPENINGS = ("delete from", "insert into")
DB_RECEIVER = lazy_pattern(r"(cur|conn|con|db|database|session|engine|sqlite|psycopg|tx|transaction|c|spark|duckdb|duck)$",
                           re.IGNORECASE)
SAFE_VALUE_CALLS = frozenset({"int", "float", "len", "bool", "abs", "round", "range"})
COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp})
# The driver's or ORM's own identifier quoting makes a table or column name safe to paste into DDL:
# Django's `schema_editor.quote_name`/`connection.ops.quote_name`, psycopg2's `quote_ident`,
# SQLAlchemy's `preparer.quote_identifier`.
IDENTIFIER_QUOTERS = frozenset({"quote_name", "quote_ident", "quote_identifier", "quote_table_name", "quote_column_name",
                                "quote_name_unless_alias"})
# The constant text of a name bound to a quoting function itself (`qn = connection.ops.quote_name`), so that
# calls through the alias (`qn(table)`) count as quoted too.
QUOTER_ALIAS = "\x00quoter"
# The database's own catalogue, read back by SQLAlchemy's inspector (`inspect(engine).get_indexes("t")`), by
# sqlite-utils' and Datasette's `db.table_names()`/`db.view_names()` (and SQLAlchemy 1.x's `engine.table_names()`),
# by peewee's `database.get_tables()`: the names of tables, columns, indexes and constraints the schema already holds,
# identifiers, not values a client sent.
REFLECTION_METHODS = frozenset({"get_table_names", "get_view_names", "get_schema_names", "get_temp_table_names",
                                "get_sequence_names", "get_columns", "get_indexes", "get_foreign_keys", "get_pk_constraint",
                                "get_unique_constraints", "get_check_constraints", "table_names", "view_names",
                                "get_tables", "get_views"})
# Methods of a container that hand out its items: constant when the container is.
CONTAINER_VIEWS = frozenset({"items", "keys", "values", "copy"})
# Calls that copy the items of the one container they are given (`list(expected & found)`, `sorted(kept)`): a copy of
# constant items holds only those items.
COPYING_CALLS = frozenset({"list", "tuple", "set", "frozenset", "sorted"})
# String methods that change a constant's case or trim it: still a constant (`Model.__tablename__.lower()`).
STRING_RESHAPERS = frozenset({"lower", "upper", "casefold", "title", "strip", "lstrip", "rstrip", "replace"})
# What reaches the query, by whether only a dict's keys vary in it (`_dict_key_identifiers`): the harm, and the fix.
# The dict views whose iteration gives a query its keys: a function naming neither is not searched for them.
KEY_VIEWS = frozenset({"keys", "items"})
REWRITES = {False: (VALUE_HARM, VALUE_HINT), True: (KEY_HARM, KEY_HINT)}
CONSTANT_NAME = lazy_pattern(r"^_?[A-Z][A-Z0-9_]*$")
# Where an ORM model keeps its table's name, which its class fixes (SQLAlchemy `Model.__tablename__`, Django
# `Model._meta.db_table`): an identifier of the schema, not a value, whatever object it is read through.
# Where a Django model field keeps its column's name (`field.column`, `field.attname`, the `db_column` it was given),
# read from the model's `_meta`: likewise an identifier the model's definition fixes.
TABLE_NAME_ATTRIBUTES = frozenset({"__tablename__", "db_table", "column", "attname", "db_column"})
# What an ORM's model or a schema's metadata lists about itself (SQLAlchemy's `Model.__table__.columns`,
# `Model.__mapper__.columns`, `Base.metadata.tables`, `metadata.sorted_tables`, a model class's own `__dict__`): tables,
# columns, their types and defaults, which the code's definitions fix. A name bound to one (a loop over it, or an
# assignment) holds a schema object, and what it is read for (`column.name`, `column.type`, `column.default.arg`) is
# the definition's too.
SCHEMA_CONTAINERS = frozenset({"__table__", "__mapper__", "sorted_tables"})
# A SQLAlchemy table's column collection (`table.c[key]`, `table.columns[key]`): what its columns are called there
# (`table.c[key].name`, `.key`) is the definition's, whichever key picks one.
COLUMN_COLLECTIONS = frozenset({"c", "columns"})
COLUMN_NAMING = frozenset({"name", "key"})
# The hooks through which SQLAlchemy hands a type or constraint the column and table it is attached to
# (`def _set_table(self, column, table)` of a `SchemaType`, `_set_parent(self, parent, **kw)`): schema objects.
SCHEMA_EVENT_HOOKS = frozenset({"_set_table", "_set_parent", "_set_parent_with_dispatch"})
# A reference to a class, not to an instance (whose `__dict__` holds the values it was given).
CLASS_REFERENCE = lazy_pattern(r"^(?:cls|klass|[A-Z]\w*|\w+_(?:class|cls))$")
SCHEMA_OBJECT = "\x00schema"
# Builtins that hand out a container's items in another order or container.
REORDERINGS = frozenset({"reversed", "sorted", "list", "tuple", "iter"})
# An object's own schema names (`self.messages_table`, `self._table_name`, `self.table_task`, `cls.schema`, a vector
# store's `self.collection_name`, which is its table): configured when the object is made (a store whose table names its
# constructor takes), identifiers of the database, not values of a request; also those of a store the object holds
# (requests-cache's `self.responses.table_name`), but not of what a request carries (`self.request.table`).
SCHEMA_ATTRIBUTE = lazy_pattern(r"^(?:self|cls)(?:\.(?!(?:request|req|form|data|params|query|args|body|payload|json|kwargs)\.)"
                                r"_*[a-z]\w*)?\._*(?:(?:\w+_)?(?:table|tables|table_name|tablename|schema|schema_name"
                                r"|keyspace|collection_name|index_name)|table_[a-z]+)$")
# What a schema object the object holds is called (`self.table.name`, `self.to_table.fullname`): the name its definition
# gave the table, as trusted as the attribute that holds it.
SCHEMA_OBJECT_NAMING = frozenset({"name", "fullname", "key"})
# Where a model class keeps the options its class body declares (Django's `_meta`, a `class Meta`, ormar's
# `ormar_config`, pydantic v1's `__config__`): read through a class reference (`self.model_cls.ormar_config.pkname`,
# `cls._meta.pk`), they are the declaration's, never a caller's.
MODEL_OPTIONS = lazy_pattern(r"^(?:_meta|Meta|__config__|[a-z]\w*_config)$")
# A model class's own method that says what one of its fields is called in the database (ormar's `get_column_alias`,
# `get_column_name`, `table_name_for`): asked about a field the code names, it answers from the model's declaration.
COLUMN_NAMING_METHOD = lazy_pattern(r"^_*(?:get_)?(?:column|db_column|table)_(?:name|alias)(?:_for)?$")
# A setting of the configuration object the object was built with (`self.config.distance_metric`,
# `self._settings.embedding_dims`): chosen by whoever deploys it, as its table name is, and what SQL cannot bind (a
# vector's size in DDL, a distance function's name).
CONFIG_SETTING = lazy_pattern(r"^(?:self|cls)\._*(?:config|configuration|settings|options)\.\w+$")
# An attribute a method assigns (`self.table = ...`, `cls.table += ...`): no longer the class body's constant. Searched
# at word starts (`word_start_matches`: not `myself.x = ...`), without a leading `\b` that keeps the search from
# skipping ahead.
REBOUND_ATTRIBUTE = lazy_pattern(
    r"(?:self|cls)\.(\w+)(?:\s*(?:=[^=]|\+=)|\[[^\]\n]*\]\s*=[^=]|\.(?:update|setdefault|append|extend|insert|add)\()")


def constant_text(node: cst.CSTNode | None, state: FlowState) -> str | None:
    """The text of an expression built from constants only (literals, UPPER_CASE names, placeholders), or None."""
    if node is None:
        return None
    memo = state.query_memo
    if memo is None:
        return _constant_text(node, state)
    key = ("constant_text", id(node))
    if key not in memo:
        memo[key] = _constant_text(node, state)
    return cast("str | None", memo[key])


def _constant_text(node: cst.CSTNode, state: FlowState) -> str | None:
    text = string_value(node)
    if text is not None:
        return text
    if type(node) is cst.Integer or type(node) is cst.Float:
        return node.value
    if type(node) is cst.Attribute and _random_hex(node, state):
        return ""
    if type(node) is cst.Attribute and _names_a_listed_column(node):
        return ""
    dotted = dotted_name(node)
    if dotted is not None:
        if reads_schema(dotted, state):
            return ""
        if dotted.rpartition(".")[2].lstrip("_") in IDENTIFIER_QUOTERS:
            return QUOTER_ALIAS
        if dotted in state.constants:
            return state.constants[dotted]
        last = dotted.rsplit(".", 1)[-1]
        if dotted in state.checked or CONSTANT_NAME.match(last) or ("." in dotted and last in TABLE_NAME_ATTRIBUTES) \
                or ((SCHEMA_ATTRIBUTE.match(dotted) or CONFIG_SETTING.match(dotted)) and dotted not in state.bound_attributes) \
                or _names_a_held_schema_object(dotted, state) or _reads_model_options(dotted):
            return ""
        return None
    if type(node) is cst.Call and not node.args and SCHEMA_ATTRIBUTE.match(dotted_name(node.func) or ""):
        return ""  # `self._full_table_name()`: the object's own method that names its table
    if type(node) is cst.BinaryOperation:
        return _constant_operation_text(node, state)
    if type(node) is cst.BooleanOperation:  # `" AND ".join(clauses) or "1=1"`: one of two constants
        left, right = constant_text(node.left, state), constant_text(node.right, state)
        return (left or right or "") if left is not None and right is not None else None
    if type(node) is cst.ConcatenatedString:  # `f"SELECT ... FROM {self.table} " "WHERE id = ?"`
        left, right = constant_text(node.left, state), constant_text(node.right, state)
        return left + right if left is not None and right is not None else None
    if type(node) is cst.Subscript:  # an item of a constant container (`OPERATORS["contains"]`), or one checked
        return "" if constant_text(node.value, state) is not None or keyed_read(node) in state.checked else None
    if type(node) is cst.FormattedString:
        parts = []
        for index, part in enumerate(node.parts):
            value = constant_text(part.expression, state) if type(part) is cst.FormattedStringExpression \
                else cast(cst.FormattedStringText, part).value
            if value is None and _quoted_part(node.parts, index, state):
                value = ""  # `'{path.replace("'", "''")}'`: a value escaped for the SQL literal it sits in
            if value is None:
                return None
            parts.append(value)
        return "".join(parts)
    if type(node) is cst.Call:
        return _constant_call_text(node, state)
    if type(node) is cst.Await:  # `await db.table_names()`: what the awaited call hands back
        return constant_text(node.expression, state)
    if type(node) is cst.List or type(node) is cst.Tuple or type(node) is cst.Set:
        return "" if all(constant_text(e.value, state) is not None for e in node.elements) else None
    if type(node) is cst.Dict:  # (exact types from here on: `isinstance` through ABCMeta was a hot spot)
        return "" if all(type(e) is cst.DictElement and constant_text(e.value, state) is not None
                         for e in node.elements) else None
    if type(node) is cst.GeneratorExp or type(node) is cst.ListComp:
        return _comprehension_text(node, state)
    if type(node) is cst.IfExp:
        # `field if field in ALLOWED else "name"`: the checked branch holds one of the allowed values
        allowed = allowed_branch(node)
        body = "" if node.body is allowed else constant_text(node.body, state)
        orelse = "" if node.orelse is allowed else constant_text(node.orelse, state)
        return body if body is not None and orelse is not None else None
    return None


def reads_schema(dotted: str, state: FlowState) -> bool:
    """`Model.__table__.columns`, `Base.metadata.tables`, `orm_class.__dict__`, or what a name bound to one of them
    holds (`column.type` of `for column in Model.__table__.columns`): the schema's definition, not a value."""
    parts = dotted.split(".")
    if state.constants.get(parts[0]) == SCHEMA_OBJECT:
        return True
    if SCHEMA_CONTAINERS.intersection(parts[1:]) or "metadata.tables" in dotted:
        return True
    return len(parts) > 1 and parts[-1] == "__dict__" and CLASS_REFERENCE.match(parts[-2]) is not None


def _names_a_held_schema_object(dotted: str, state: FlowState) -> bool:
    """`self.table.name`: what the table (or schema) object an attribute of the object holds is called."""
    holder, _, naming = dotted.rpartition(".")
    return naming in SCHEMA_OBJECT_NAMING and SCHEMA_ATTRIBUTE.match(holder) is not None \
        and holder not in state.bound_attributes


def _reads_model_options(dotted: str) -> bool:
    """`self.model_cls.ormar_config.pkname`, `cls._meta.pk`: an option a model class's body declares, read through a
    reference to the class (not an instance's `self._meta`, which a caller may have built)."""
    parts = dotted.split(".")
    return any(MODEL_OPTIONS.match(parts[index]) and CLASS_REFERENCE.match(parts[index - 1])
               for index in range(1, len(parts) - 1))


def _model_column_name(call: cst.Call, state: FlowState) -> bool:
    """`self.model_cls.get_column_alias(self.model_cls.ormar_config.pkname)`: a model class's own method that names
    the column of a field the code itself names (every argument constant): a caller's field name is still a value."""
    func = call.func
    if type(func) is not cst.Attribute or COLUMN_NAMING_METHOD.match(func.attr.value) is None:
        return False
    receiver = dotted_name(func.value)
    return receiver is not None and CLASS_REFERENCE.match(receiver.rpartition(".")[2]) is not None \
        and all(constant_text(argument.value, state) is not None for argument in call.args)


def _names_a_listed_column(node: cst.Attribute) -> bool:
    """`table.c[key].name`: the name of a column picked from a table's column collection."""
    picked = node.value
    return node.attr.value in COLUMN_NAMING and type(picked) is cst.Subscript and type(picked.value) is cst.Attribute \
        and picked.value.attr.value in COLUMN_COLLECTIONS


def _column_keys(function: cst.FunctionDef) -> dict[str, str]:
    """The names the function looks up in a table's column collection (`table.c[col_key].type`, `table.columns[key]`): the
    lookup raises for any key that is not a column, so pasted (`f":row{idx}_{col_key}"`, a bind marker named after
    the column) the name is an identifier of the schema. Only a plain name: `table.c[data["k"]]` fixes no name."""
    found: dict[str, str] = {}
    for node in own_nodes_of(function.body, cst.Subscript):
        collection = node.value
        if type(collection) is cst.Attribute and collection.attr.value in COLUMN_COLLECTIONS and len(node.slice) == 1 \
                and type(node.slice[0].slice) is cst.Index and type(node.slice[0].slice.value) is cst.Name:
            found[node.slice[0].slice.value.value] = ""
    return found


def _schema_source(value: cst.CSTNode | None, state: FlowState) -> bool:
    """A value that hands out schema objects: a schema container, its `items()`, `keys()` or `values()`, or those
    reordered (`reversed(Model.metadata.sorted_tables)`)."""
    if type(value) is cst.Call and type(value.func) is cst.Name and value.func.value in REORDERINGS \
            and len(value.args) == 1:
        value = value.args[0].value
    if type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value in CONTAINER_VIEWS \
            and not value.args:
        value = value.func.value
    if type(value) is not cst.Name and type(value) is not cst.Attribute:
        return False
    dotted = dotted_name(value)
    return dotted is not None and (reads_schema(dotted, state) or state.constants.get(dotted) == SCHEMA_OBJECT)


def _constant_operation_text(node: cst.BinaryOperation, state: FlowState) -> str | None:
    """`a + b` of constants; `n + 1` is a number (or raises); `"... %(name)s" % params` reads only the keys it names."""
    left, right = constant_text(node.left, state), constant_text(node.right, state)
    operator = type(node.operator)
    if operator is cst.Multiply and (left is not None or right is not None):
        return left or right or ""
    if operator is cst.BitAnd and (left is not None or right is not None):
        return ""  # `expected_cols & old_cols`: an intersection keeps only items of the constant set
    if operator in (cst.Add, cst.Subtract) and (type(node.left) in NUMBERS or type(node.right) in NUMBERS):
        return ""
    if left is not None and right is None and operator is cst.Modulo:
        return left if _named_keys_constant(left, node.right, state) else None
    return left + right if left is not None and right is not None else None


NUMBERS = (cst.Integer, cst.Float)
FORMAT_FIELD = lazy_pattern(r"(?<!\{)\{(\d*)\}(?!\})")  # a `.format` field given by position: `{}`, `{0}`
# Calls that freeze a literal container and keep its items (SQLAlchemy's `util.immutabledict({...})`).
FROZEN_CONTAINERS = frozenset({"immutabledict", "frozendict", "MappingProxyType", "frozenset", "tuple", "dict"})
LITERAL_CONTAINERS = frozenset({cst.Dict, cst.List, cst.Tuple, cst.Set})
NAMED_PLACEHOLDER = lazy_pattern(r"%\((\w+)\)")
# A `%` conversion (`%s`, `%(id)d`, `%05.2f`) with its key, if named, and its type; `%%` is a literal percent sign.
PERCENT_CONVERSION = lazy_pattern(r"%(?:\((\w+)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([a-zA-Z%])")
# Conversions that write a number or raise (`"%d" % "1; DROP"` is a TypeError): digits, a sign, a point, an exponent.
NUMBER_CONVERSIONS = frozenset("diouxXeEfFgG")


def _named_keys_constant(template: str, values: cst.BaseExpression, state: FlowState) -> bool:
    """Whether every `%(key)s` of a template takes a constant: from a dict literal, or a local name bound to one
    whose items the rule tracks (`state.constants["params['key']"]`, see `_track_dict_items`); a key converted as a
    number (`%(id)d`) takes any value. A template of positional number conversions only (`"... LIMIT %d" % n`)
    writes digits whatever it is given."""
    conversions = [(key, kind) for key, kind in PERCENT_CONVERSION.findall(template) if kind != "%"]
    if conversions and all(not key and kind in NUMBER_CONVERSIONS for key, kind in conversions):
        return True
    numbers = {key for key, kind in conversions if key and kind in NUMBER_CONVERSIONS}
    keys = [key for key in NAMED_PLACEHOLDER.findall(template) if key not in numbers]
    if not keys:
        return bool(numbers)
    if isinstance(values, cst.Dict):
        items = {string_value(e.key): e.value for e in values.elements if isinstance(e, cst.DictElement)}
        return all(key in items and constant_text(items[key], state) is not None for key in keys)
    name = dotted_name(values)
    return name is not None and all(_item_key(name, key) in state.constants for key in keys)


def _item_key(name: str, key: str) -> str:
    return f"{name}[{key!r}]"


def _comprehension_text(node: cst.GeneratorExp | cst.ListComp, state: FlowState) -> str | None:
    """A comprehension over constant iterables (`args.items()` of a dict of quoted names), or one that keeps only the
    items a constant allow-list holds (`[k for k in data if k in ALLOWED_COLUMNS]`), yields constants; over others,
    the numbers it counts are constants (`f"{quote(pk)} = :pk{i}" for i, pk in enumerate(pks)`)."""
    targets: list[str] = []
    clause: cst.CompFor | None = node.for_in
    while clause is not None:
        if _iterates_own_fields(clause.iter, state):
            targets.extend(f"{name}.name" for name in _bound_keys(clause.target))
        elif constant_text(clause.iter, state) is None and not _keeps_only_allowed(clause, state) \
                and not _iterates_literal_keys(clause.iter, state):
            targets.extend(_counted_names(clause))
        else:
            targets.extend(_bound_keys(clause.target))
        clause = clause.inner_for_in
    added = {name: "" for name in targets if name not in state.constants}
    state.constants.update(added)
    try:
        return constant_text(node.elt, state)
    finally:
        for name in added:
            state.constants.pop(name, None)


# What lists a dataclass's or attrs class's fields, whose `.name` the class definition fixes.
FIELD_LISTS = frozenset({"dataclasses.fields", "attr.fields", "attrs.fields"})


def _iterates_own_fields(iterable: cst.BaseExpression, state: FlowState) -> bool:
    """`for field in fields(ExchangeRecord)`: the names of a dataclass's fields are columns the code defines."""
    return type(iterable) is cst.Call and state.qualified_name(iterable) in FIELD_LISTS


def _iterates_literal_keys(iterable: cst.BaseExpression, state: FlowState) -> bool:
    """`for column in updates` (or `updates.keys()`) over a local dict whose every key is a literal
    (`updates = {}`, then `updates["updated_at"] = row["created_at"]`): the columns are the code's own, whatever the
    values are."""
    if type(iterable) is cst.Call and type(iterable.func) is cst.Attribute and iterable.func.attr.value == "keys" \
            and not iterable.args:
        iterable = iterable.func.value
    name = dotted_name(iterable)
    return name is not None and _keys_marker(name) in state.constants


def _keys_marker(name: str) -> str:
    """The `state.constants` entry saying that every key of the local dict `name` is a literal (it starts as its items'
    entries do, so that rebinding or forgetting the dict drops it)."""
    return f"{name}[:keys]"


def _keys_kept_allowed(comprehension: cst.DictComp, state: FlowState) -> bool:
    """`{k: v for k, v in data.items() if k in COLUMNS}`: the key is a name an allow-list test of its clause keeps."""
    key = dotted_name(comprehension.key)
    clause = comprehension.for_in
    return key is not None and clause.inner_for_in is None and any(
        type(test := condition.test) is cst.Comparison and dotted_name(test.left) == key and len(test.comparisons) == 1
        and type(test.comparisons[0].operator) is cst.In and constant_text(test.comparisons[0].comparator, state) is not None
        for condition in clause.ifs)


def _keys_kept_from_literal_keys(comprehension: cst.DictComp, state: FlowState) -> bool:
    """`{k: v for k, v in data.items() if v is not None}` (or `for k in data`) over a local dict whose every key is a
    literal, keyed by its own keys: a filter drops some of those keys and adds none."""
    clause = comprehension.for_in
    key = dotted_name(comprehension.key)
    if key is None or clause.inner_for_in is not None:
        return False
    source: cst.BaseExpression = clause.iter
    target: cst.BaseExpression = clause.target
    if type(source) is cst.Call and type(source.func) is cst.Attribute and source.func.attr.value == "items" \
            and not source.args:
        if type(target) is not cst.Tuple or len(target.elements) != 2:
            return False
        source, target = source.func.value, target.elements[0].value
    return dotted_name(target) == key and _iterates_literal_keys(source, state)


def _keeps_only_allowed(clause: cst.CompFor, state: FlowState) -> bool:
    """`for k in data if k in ALLOWED`: a condition that keeps only the loop name's values a constant holds."""
    name = dotted_name(clause.target)
    return name is not None and any(
        type(test := condition.test) is cst.Comparison and dotted_name(test.left) == name and len(test.comparisons) == 1
        and type(test.comparisons[0].operator) is cst.In and constant_text(test.comparisons[0].comparator, state) is not None
        for condition in clause.ifs)


def _constant_call_text(call: cst.Call, state: FlowState) -> str | None:
    func = call.func
    if type(func) is cst.Name and (func.value in SAFE_VALUE_CALLS
                                   or not call.args and helper_key(func.value) in state.constants
                                   or any_arguments_key(func.value) in state.constants):
        return ""  # (a helper of the module that returns its own text: `_constant_sql_helpers`)
    if state.qualified_name(call) in RANDOM_WORDS:
        return ""  # `f"t{secrets.token_hex(16)}"`: a scratch table's name the code makes up
    if _model_column_name(call, state):
        return ""
    if isinstance(func, cst.Attribute) and func.attr.value in REFLECTION_METHODS:
        return ""
    if isinstance(func, cst.Attribute) and func.attr.value in CONTAINER_VIEWS and not call.args:
        return "" if constant_text(func.value, state) is not None else None
    if isinstance(func, cst.Attribute) and func.attr.value == "intersection" and (
            constant_text(func.value, state) is not None or any(constant_text(a.value, state) is not None
                                                                for a in call.args)):
        return ""  # `found.intersection(EXPECTED)`: only items of the constant set
    if type(func) is cst.Name and func.value in COPYING_CALLS and call.args and call.args[0].keyword is None \
            and not call.args[0].star and not any(a.keyword is None for a in call.args[1:]):
        return "" if constant_text(call.args[0].value, state) is not None else None
    if isinstance(func, cst.Attribute) and func.attr.value == "get" and call.args \
            and constant_text(func.value, state) is not None \
            and all(constant_text(a.value, state) is not None for a in call.args[1:]):
        return ""  # an item of a constant mapping, or its constant default: `SORTABLE.get(sort, "created_at")`
    if isinstance(func, cst.Attribute) and func.attr.value in STRING_RESHAPERS \
            and all(constant_text(a.value, state) is not None for a in call.args):
        return constant_text(func.value, state)
    tail = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    if tail.lstrip("_") in IDENTIFIER_QUOTERS or state.constants.get(dotted_name(func) or "") == QUOTER_ALIAS:
        return ""
    if tail == "map" and type(func) is cst.Name and len(call.args) == 2 \
            and constant_text(call.args[0].value, state) == QUOTER_ALIAS:
        return ""  # `map(quote_name, columns)`: every name quoted
    if isinstance(func, cst.Attribute) and func.attr.value == "join" and call.args:
        separator = constant_text(func.value, state)
        if separator is not None and (constant_text(call.args[0].value, state) is not None
                                      or _iterates_literal_keys(call.args[0].value, state)):
            return separator  # also `", ".join(updates)`: the keys of a dict whose keys are the code's own
    if isinstance(func, cst.Attribute) and func.attr.value == "format":
        template = constant_text(func.value, state)
        if template is not None and all(constant_text(a.value, state) is not None
                                        or (a.keyword is None
                                            and _quoted_placeholders(template, index, _escaped_quote(a.value, state)))
                                        for index, a in enumerate(call.args)):
            return template
    return None


# Generators of random text of letters, digits, `-` and `_` only: a name made of them and literals can end no identifier
# or literal early, and nobody outside chose it.
RANDOM_WORDS = frozenset({"secrets.token_hex", "secrets.token_urlsafe"})


def _random_hex(node: cst.Attribute, state: FlowState) -> bool:
    """`uuid.uuid4().hex`: thirty-two hexadecimal digits."""
    return node.attr.value == "hex" and type(node.value) is cst.Call \
        and state.qualified_name(node.value) in ("uuid.uuid4", "uuid.uuid1")


# The quotes SQL escapes by doubling: a literal's `'` and a quoted identifier's `"`.
DOUBLED_QUOTES = {"'": "''", '"': '""'}


def _escaped_quote(node: cst.BaseExpression, state: FlowState) -> str | None:
    """`path.replace("'", "''")` -> `'`, `table.replace('"', '""')` -> `"`: a value whose quotes are doubled, as SQL
    escapes them inside a quoted literal or identifier; also a local name bound to one (`ident = name.replace(...)`)."""
    if type(node) is cst.Name:
        escaped = state.escaped if isinstance(state, QueryState) else None
        return escaped.get(node.value) if escaped else None
    if type(node) is not cst.Call or type(node.func) is not cst.Attribute or node.func.attr.value != "replace" \
            or len(node.args) != 2:
        return None
    old, new = (string_value(a.value) for a in node.args)
    return old if old is not None and DOUBLED_QUOTES.get(old) == new else None


def _quoted_part(parts: Sequence[cst.BaseFormattedStringContent], index: int, state: FlowState) -> bool:
    """Whether the f-string's part at `index` is an escaped value with its quote right before and after it."""
    part = parts[index]
    if not isinstance(part, cst.FormattedStringExpression) or part.conversion is not None or part.format_spec \
            or not 0 < index < len(parts) - 1:
        return False
    quote = _escaped_quote(part.expression, state)
    before, after = parts[index - 1], parts[index + 1]
    return quote is not None and isinstance(before, cst.FormattedStringText) and before.value.endswith(quote) \
        and isinstance(after, cst.FormattedStringText) and after.value.startswith(quote)


def _quoted_placeholders(template: str, index: int, quote: str | None) -> bool:
    """Whether every `{}` of a `.format` template that takes the argument at `index` sits between `quote`s (`'{}'`)."""
    taken = [match for number, match in enumerate(FORMAT_FIELD.finditer(template))
             if (int(match.group(1)) if match.group(1) else number) == index]
    return quote is not None and bool(taken) and all(
        template[m.start() - 1:m.start()] == quote and template[m.end():m.end() + 1] == quote for m in taken)


def _literal_text(node: cst.CSTNode, state: FlowState) -> str:
    """The constant pieces of a string-building expression, joined, to decide whether it looks like SQL."""
    text = constant_text(node, state)
    if text is not None:
        return text
    kind = type(node)  # exact types: `isinstance` through ABCMeta was a hot spot here
    if kind is cst.FormattedString:
        return "".join(p.value if type(p) is cst.FormattedStringText else " ? " for p in node.parts)  # type: ignore[attr-defined]
    if kind is cst.BinaryOperation:
        return _literal_text(node.left, state) + " ? " + _literal_text(node.right, state)  # type: ignore[attr-defined]
    if kind is cst.Call and type(node.func) is cst.Attribute:  # type: ignore[attr-defined]
        return _literal_text(node.func.value, state)  # type: ignore[attr-defined]
    return ""


# Jinja templates whose `.render(...)` pastes what it is handed: made from text, or loaded by name from an environment.
JINJA_RENDER = "Template(...).render(...)"
JINJA_TEMPLATES = frozenset({"jinja2.Template", "jinja2.environment.Template"})
JINJA_LOADERS = frozenset({"from_string", "get_template"})
# The key of `FlowState.constants` that names the function's `**` parameter, a mapping it forwards to a template.
FORWARDED_MAPPING = "**"
SQL_FILE = lazy_pattern(r"\.sql['\"]?$", re.IGNORECASE)


def _names_sql_file(render: cst.Call) -> bool:
    """`env.get_template("daily.sql")`, `env.get_template(f"{name}.sql")`: a template of SQL by its file's name."""
    made = render.func.value  # type: ignore[attr-defined]
    first = made.args[0].value
    parts = first.parts if type(first) is cst.FormattedString else ()
    tail = parts[-1].value if parts and type(parts[-1]) is cst.FormattedStringText else string_value(first) or ""
    return SQL_FILE.search(tail) is not None


# How a string was built -> the phrase for the message. The taint's origin is the short code (`f"..."`), which
# a cross-function finding (VC417) quotes with the function that built it.
HOW_BUILT = {'f"..."': "an f-string", '"..." % ...': "`%` formatting", '"..." + ...': "`+` concatenation",
             '"...".format(...)': "`.format()`", JINJA_RENDER: "a Jinja template's `.render()`"}


def _jinja_template(node: cst.Call, state: FlowState) -> str | None:
    """The text of the Jinja template whose `.render(...)` `node` calls (`Template(sql)`, `env.from_string(sql)`), "" for
    one loaded by name (`env.get_template("daily.sql")`), or None when the receiver is no Jinja template."""
    func = node.func
    made = func.value if type(func) is cst.Attribute and type(func.value) is cst.Call else None
    if made is None or not made.args:
        return None
    maker = made.func
    if type(maker) is cst.Attribute and maker.attr.value in JINJA_LOADERS:
        return constant_text(made.args[0].value, state) or "" if maker.attr.value == "from_string" else ""
    if (state.qualified_name(made) or "") in JINJA_TEMPLATES:
        return constant_text(made.args[0].value, state) or ""
    return None


def built_string(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A string built from a non-constant value by an f-string, `%`, `+`, `.format` or a Jinja template's `.render`
    (kind `sql` if it looks like SQL)."""
    how = None
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "render":
        template = _jinja_template(node, state)
        forwarded = state.constants.get(FORWARDED_MAPPING)
        pasted = [a for a in node.args if constant_text(a.value, state) is None
                  and not (a.star == "**" and type(a.value) is cst.Name and a.value.value == forwarded)]
        if template is None or not pasted:
            # no Jinja template, or one handed only constants or the mapping its function was handed
            # (`render(**variables)`: a rendering helper whose callers may hand it placeholders)
            return None
        return Taint("sql" if looks_like_sql(template) or _names_sql_file(node) else "string", JINJA_RENDER)
    if type(node) is cst.FormattedString:
        how = 'f"..."'
    elif type(node) is cst.BinaryOperation and type(node.operator) is cst.Modulo and \
            constant_text(node.left, state) is not None:
        how = '"..." % ...'
    elif type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
        how = '"..." + ...'
    elif type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "format" \
            and constant_text(node.func.value, state) is not None:
        how = '"...".format(...)'
    if how is None or constant_text(node, state) is not None:
        return None
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add and not _has_string_part(node, state):
        return None
    kind = "sql" if looks_like_sql(_literal_text(node, state)) else "string"
    return Taint(kind, how)


# Where SQL takes a whole query in parentheses, a derived table or a subquery test: `FROM (`, `JOIN (`, `EXISTS (`.
QUERY_OPENING = lazy_pattern(r"\b(?:from|join|exists)\s*\(\s*$", re.IGNORECASE)
QUERY_CLOSING = lazy_pattern(r"^\s*\)")
PERCENT_FIELD = lazy_pattern(r"%(?:\([^)]*\))?s")
# A statement that takes a whole statement after it: `EXPLAIN`, `EXPLAIN QUERY PLAN`, `EXPLAIN ANALYZE`, `EXPLAIN
# (FORMAT JSON)`: what follows is a query the caller wrote, not a value.
QUERY_PREFIX = lazy_pattern(r"^\s*explain(?:\s+(?:analy[sz]e|verbose|query\s+plan)|\s*\([^)]*\))*\s+$", re.IGNORECASE)


def _wraps_whole_queries(node: cst.BaseExpression, state: FlowState) -> bool:
    """`f"SELECT count(*) FROM ({query}) AS total"`: every value pasted in is a whole query in a derived table's
    parentheses, so the text only wraps SQL the caller wrote (a value there is no query otherwise), and what that
    query pastes is judged where it is built; `IN ({ids})` and `WHERE name = '{name}'` paste values. Likewise one value
    after `EXPLAIN` (`"EXPLAIN QUERY PLAN " + query`), a statement whose argument is a whole statement."""
    pieces = _pieces(node, state)
    values = [index for index, piece in enumerate(pieces) if piece is None]
    if values == [1] and QUERY_PREFIX.match(pieces[0] or "") and not "".join(p or "" for p in pieces[2:]).strip(" ;\n"):
        return True  # `"EXPLAIN " + query`: the prefix of a plan of the caller's whole query, and nothing after it
    return bool(values) and all(
        0 < index < len(pieces) - 1 and QUERY_OPENING.search(pieces[index - 1] or "") is not None
        and QUERY_CLOSING.match(pieces[index + 1] or "") is not None for index in values)


def _pieces(node: cst.BaseExpression, state: FlowState) -> list[str | None]:
    """The text of an f-string or `%` template in order: each constant run as its text, each pasted value as None (a
    `+` chain is judged a part at a time, so its head alone would seem to paste a value)."""
    if type(node) is cst.FormattedString:
        return [part.value if type(part) is cst.FormattedStringText else None for part in node.parts]
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Modulo:
        template = constant_text(node.left, state) or ""
        pieces: list[str | None] = []
        for text in PERCENT_FIELD.split(template):
            pieces += [text, None]
        return pieces[:-1]
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add \
            and (head := constant_text(node.left, state)) is not None and constant_text(node.right, state) is None:
        return [head, None]  # `"EXPLAIN " + query`; a longer chain is judged a part at a time
    return []


BUILT_KINDS = frozenset({"sql", "string"})
# Statements that no driver binds a parameter in (SQLite's `PRAGMA`, `ATTACH`, `VACUUM INTO`, a session's `SET` and
# Oracle's `ALTER SESSION`, PostgreSQL's `LISTEN` on a channel, `CREATE`/`DROP DATABASE` or `SCHEMA`, accounts and their
# grants, savepoints), one statement only: what they paste are names and settings of the project's own configuration,
# and the hint to pass values as parameters cannot be followed.
# Client input pasted into them is still VC422's (its flow starts at the request, not at the built string).
UNBOUND_STATEMENT = lazy_pattern(
    r"^\s*(?:pragma|attach|detach|set|reset|use|savepoint|release|rollback\s+to|vacuum|alter\s+session|listen|unlisten"
    r"|(?:create|drop)\s+(?:database|schema)|(?:create|drop|alter)\s+(?:user|role)|grant|revoke)\b[^;]*;?\s*$", re.IGNORECASE)
# The kind of a string built into such a statement: followed through names and `+=`, never reported.
UNBOUND_KIND = "unbound-sql"


def built_query(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A built string (`built_string`), unless it only wraps whole queries (`_wraps_whole_queries`) or is a statement
    that takes no parameters (`UNBOUND_STATEMENT`), also when its head was built into a name first (`sql = "PRAGMA "
    + name`, then `sql += " = " + value`)."""
    taint = built_string(node, state)
    if taint is None or (taint.kind in BUILT_KINDS and _wraps_whole_queries(node, state)):
        return None
    if UNBOUND_STATEMENT.match(_statement_text(node, state)) or _extends_unbound(node, state):
        return Taint(UNBOUND_KIND, taint.origin)
    if taint.kind == "sql" and state.summary is not None \
            and only_keys_reach(node, cast(QueryState, state).assigned, state.taint_of):
        return Taint(taint.kind, taint.origin + KEY_MARK, taint.key, taint.also)  # a helper may execute it: see VC417
    return taint


def _given_only_constants(call: cst.Call, state: FlowState) -> bool:
    """`Comments.create_table_query("comments")`, `TruncateQuery.to_sql(Model._meta.db_table)`: a call of one of the
    project's functions given only constants (literals, UPPER_CASE names, schema identifiers). The SQL it returns pastes
    what this call site gave it, so it is judged here, where it is executed: for these arguments no value can rewrite it.
    Each call site of the helper is judged on its own arguments; a call with a value read at run time is still followed.
    Not a call without arguments: that helper's text is judged in its own body (`constant_helpers`); nor one that reads
    the object's attributes (`self.search_term`): a literal in the class body is only their first value, which a
    framework's state (Reflex's, set from the browser) or any method may replace."""
    return bool(call.args) and state.summary is not None \
        and all(arg.star == "" and constant_text(arg.value, state) is not None and not _reads_own_attribute(arg.value)
                for arg in call.args) \
        and state.project_callee(call) is not None


def _reads_own_attribute(node: cst.BaseExpression) -> bool:
    """`self.term`, `f"{cls.prefix}_x"`: an expression that reads an attribute of the object or class at hand."""
    return any(type(inner) is cst.Attribute and type(inner.value) is cst.Name and inner.value.value in ("self", "cls")
               for inner in walk_own(node))


def _statement_text(node: cst.BaseExpression, state: FlowState) -> str:
    """The constant text of a built statement, its values as ` ? `; of a `%` template, the template alone."""
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Modulo:
        return _literal_text(node.left, state)
    return _literal_text(node, state)


def _extends_unbound(node: cst.BaseExpression, state: FlowState) -> bool:
    """`sql + " = " + value` where `sql` already holds a statement that takes no parameters."""
    while type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
        node = node.left
    held = state.names.get(node.value) if type(node) is cst.Name else None
    return held is not None and held.kind == UNBOUND_KIND


class QueryState(FlowState):
    """The flow state of VC402: a name bound to text made of constants only holds no built string, though a part of
    it was one on its own (`", ".join([f"{c} = ?" for c in COLUMNS])`, whose `c` is constant only inside), nor the
    result of a call that made it constant (`f"SELECT * FROM {_check_ident(table)}"`: the validator's answer), so what
    is appended to it later (`sql += f" WHERE {where}"`) is judged as it would be after a literal. A name the function
    looks up in a table's column collection (`_column_keys`) stays an identifier whatever binds it (`for col_key in
    column_keys:`)."""

    column_keys: frozenset[str] = frozenset()
    # What the walk bound each local name to (`_dict_key_identifiers` follows a query back through them), in a
    # function that reads a dict's `keys()` or `items()`; None in the others (most: their queries' keys are not asked).
    assigned: dict[str, list[cst.BaseExpression]] | None = None
    # Local names bound to a value with its quotes doubled (`table_name_ident = table_name.replace('"', '""')`), and
    # that quote; None until the function binds one.
    escaped: dict[str, str] | None = None

    def bind(self, target: cst.CSTNode, taint: Taint | None, value: cst.CSTNode | None = None) -> None:
        super().bind(target, taint, value)
        if type(target) is cst.Name:
            quote = _escaped_quote(value, self) if isinstance(value, cst.BaseExpression) else None
            if quote is not None:
                self.escaped = {**(self.escaped or {}), target.value: quote}
            elif self.escaped and target.value in self.escaped:
                self.escaped = {name: q for name, q in self.escaped.items() if name != target.value}
        if self.assigned is not None and type(target) is cst.Name and value is not None:
            self.assigned.setdefault(target.value, []).append(cast(cst.BaseExpression, value))
        if taint is not None and taint.kind == CALL and type(value) is cst.Call and type(target) is cst.Name \
                and _given_only_constants(value, self):
            self.names.pop(target.value, None)  # `query = TruncateQuery.to_sql(table_name)`: judged for its arguments
        if self.column_keys and type(target) is cst.Name and target.value in self.column_keys:
            self.constants[target.value] = ""
            self.names.pop(target.value, None)
        if _schema_source(value, self):  # `for name, column in Model.__dict__.items():`
            for name in _bound_keys(cast(cst.BaseExpression, target)):
                self.constants[name] = SCHEMA_OBJECT
                self.names.pop(name, None)  # (a parameter's schema, `orm_class.__dict__`, is no value it was given)
        key = dotted_name(target)
        if key is not None and key in self.constants and taint is not None and taint.kind in (*BUILT_KINDS, CALL):
            self.names.pop(key, None)


def _has_string_part(node: cst.CSTNode, state: FlowState) -> bool:
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        memo = state.query_memo
        if memo is None:
            return _has_string_part(node.left, state) or _has_string_part(node.right, state)
        key = ("has_string_part", id(node))
        if key not in memo:
            memo[key] = _has_string_part(node.left, state) or _has_string_part(node.right, state)
        return bool(memo[key])
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return True
    dotted = dotted_name(node)
    if dotted is not None and dotted in state.constants:
        return True
    taint = state.names.get(dotted or "")
    return taint is not None and taint.kind in ("sql", "string")


class SqlBuiltFromStrings(FlowRule):
    """An SQL query built with an f-string, `%`, `+` or `.format()` is executed.

    ## What it does
    Follows, within one function, strings built from non-constant values with an f-string, `%`, `+`, `.format()` or a
    Jinja template's `.render()` (`Template(sql).render(table=table)`, `env.from_string(SQL).render(...)`,
    `env.get_template("daily.sql").render(day=day)`; not one handed only constants, nor a helper that forwards the
    mapping it was handed, `render(**variables)`, whose callers may hand it placeholders) (directly,
    or built in a variable first and extended with `+=`) into calls that execute SQL or another query language:
    `execute`/`executemany`/`executescript` on a cursor, connection or session (and SQLAlchemy's
    `exec_driver_sql`), the `fetch*` methods of async drivers
    (asyncpg, `databases`), BigQuery's `client.query()` (also a client named like one, `bq = client()`, in a module that
    imports BigQuery), Spark's `spark.sql()` and DuckDB's `con.sql()`/`duckdb.sql()`, SQLAlchemy `text()` and
    `literal_column()`, Django `.raw()`,
    `RawSQL()` and `.extra(where=, select=, order_by=, tables=)`, pandas `read_sql`/`read_sql_query`, DynamoDB expressions
    (`FilterExpression=`, `KeyConditionExpression=`, `UpdateExpression=`, ..., PartiQL `Statement=`, Redshift `Sql=`) and
    MongoDB's `{"$where": ...}` JavaScript; also through a name bound only to such a method (`run_sql = cursor.execute`,
    a class's `self._exec = conn.execute`). Strings built only from constants (literals, `UPPER_CASE` names, `?` placeholders,
    mappings of them and their items, a class's own literal attributes, tables and properties read as `self.table`,
    `self.operators["contains"]` or `self.suffix` (a property returning `"" if ... else " FROM DUAL"`), the object's own table
    or schema names (`self.messages_table`, `self.table_task`, `self._schema`, a vector store's `self.collection_name`, or
    its method `self._full_table_name()`, also when its constructor takes them, unless the method itself rebinds them,
    and those of a store it holds: `self.responses.table_name`; what a table object it holds is called: `self.table.name`)
    and the settings of the configuration object it was built
    with (`self.config.distance_metric`, `self._settings.embedding_dims`), an ORM model's table name (`Model.__tablename__`,
    `model._meta.db_table`, also lower-cased, and a Django field's column: `field.column`, `field.attname`), an option a
    model class's body declares, read through the class (`self.model_cls.ormar_config.pkname`, `cls._meta.pk`), the column
    a model class's own method names for a field the code names (`self.model_cls.get_column_alias(pkname)`, every
    argument constant: a caller's field name stays a value), the table a
    data framework hands its plug-in to write (the `database`, `schema`
    and `table` of a parameter typed as dagster's `TableSlice`, a dbt `BaseRelation`), the names SQLAlchemy's inspector reads
    back from the database's catalogue (`for index in inspector.get_indexes("t"): ... {index['name']}`), what a model or a
    schema's metadata lists about itself and a name bound to it (`for column in Model.__table__.columns`, `for table in
    Base.metadata.sorted_tables`, `for name, column in orm_class.__dict__.items()` of a class, then `column.name`,
    `column.type`, `column.default.arg`: the definition's, not a caller's; an instance's `__dict__` holds values), the
    name of a column picked from a table's column collection (`table.c[key].name`, also with its quotes doubled by
    `.replace`), a key the function looks up there, which raises for any other (`bindparam(f"row{i}_{key}",
    type_=table.c[key].type)` beside the marker `f":row{i}_{key}"`), the column and table SQLAlchemy hands a type's
    or constraint's `_set_table(self, column, table)` or
    `_set_parent` hook, a value picked from
    an allow-list by `col if col in ALLOWED else "name"`, an `or` of two constants (`" AND ".join(clauses) or
    "1=1"`, where only literal conditions were appended to `clauses`), a value whose quotes are doubled
    (`path.replace("'", "''")`; `name.replace('"', '""')`, also bound to a local name first) right
    between the quotes of the SQL literal or quoted identifier it is pasted into, a number after `self.counter += 1`, a
    comprehension that keeps
    only the items a constant allow-list holds (`[k for k in data if k in ALLOWED_COLUMNS]`, also joined later: `",
    ".join([f"{k} = ?" for k in keys])`), an intersection with a constant set (`expected_cols & old_cols`,
    `found.intersection(ALLOWED)`, also copied: `sorted(...)`, `list(...)`), a comprehension or `for` loop over a
    constant mapping's `items()`, a comprehension over the keys of a local dict that only literal keys are stored under
    (`f"{column} = ?" for column in updates`, whatever the values; also one a comprehension kept to an allow-list,
    `{k: v for k, v in data.items() if k in COLUMNS}`, and its
    keys joined whole, `", ".join(updates)`), the names of a dataclass's fields (`[f.name for f in fields(Record)]`), the
    counter of `enumerate(...)` or a number of `range(...)` in a loop or a comprehension: `text(f"... = :tag_{i}") for
    i, tag in enumerate(tags)` numbers a
    bind parameter), a `%(key)s` template whose named keys all take constants from a local dict (`"DROP DATABASE %(dbname)s" %
    params` reads only `params["dbname"]`), or pasting only names quoted by the driver's identifier quoting (`quote_name`,
    `_quote_name`, `quote_ident`, `quote_name_unless_alias`, also through an alias: `qn = connection.ops.quote_name`, or
    mapped: `", ".join(map(quote_name, columns))`) or by the module's own (a function that returns `'"' + name.replace('"',
    '""') + '"'`, the closing quote doubled inside, or hands it to one that quotes with the quote it is given, `'"'`
    here: `_escape(name, quote='"')` of `quote + value.replace(quote, quote * 2) + quote`, or one that returns its
    argument after `if not SAFE.match(name): raise
    ...` with an anchored pattern of letters, digits and `_.$-`; each return may be guarded instead: the name bare where
    such a pattern matched all of it, or where a quoting function handed it back unchanged, between brackets where `"]" in
    name` is false; also one that the module imports from a module of its own package, `from .utils import
    escape_sqlite`), or a name the code makes up at random (a scratch table's
    `f"t{secrets.token_hex(16)}"`, `secrets.token_urlsafe()`, `uuid.uuid4().hex`), or the parameters of a private helper
    (`_scalar`) that every call in its module passes a constant, or a parameter annotated as a number
    (`lock_timeout: int`, `limit: Optional[int]`, `int | None`), or the call of a module function without parameters
    whose every `return` is built from
    literals, its locals bound only to literals and such names (a recursive CTE kept in `_tree_cte()`; one that pastes a
    global or a value it reads still fires), or, in a module that looks up a table's columns, the call of a module
    function with parameters whose every `return` is such text whatever it is given (`return tuple(table.c[key].name
    for key in keys)`: column names, since the lookup raises for any other key), or values a `%` template converts as
    numbers (`%d`, `%(id)d`, `%.2f`: digits or a `TypeError`; `%c` and `%r` still fire), are not reported, nor is a
    single statement that no driver binds a parameter in (`PRAGMA`,
    `ATTACH`, `DETACH`, `VACUUM`, `SET`, `RESET`, `USE`,
    `LISTEN`, `UNLISTEN`, `ALTER SESSION`, `CREATE` or `DROP DATABASE` and `SCHEMA`, `CREATE`, `ALTER` or `DROP USER` and
    `ROLE`, `GRANT`, `REVOKE`, `SAVEPOINT`, `RELEASE`, `ROLLBACK TO`), also when its head is built into a name first
    (`sql = "PRAGMA " + name`, then `sql += " = " + value`): what it pastes are names and settings of the project's own
    configuration, while client input pasted into one is VC422's, nor is
    any query of an Alembic revision script (a module that binds `down_revision`) or a Django migration (`class
    Migration(migrations.Migration)`, its `RunPython` steps pasting a schema named in the settings), which the operator runs
    once on the table and constraint names the script itself holds (bandit's `B608` stays there as a notice); passing
    parameters separately does not excuse a query that still pastes a value in (`f"... WHERE id = %s ORDER BY {sort}",
    (user_id,)`). It supersedes bandit's `B608`, which only sees the one-line form, and clears bandit's `B608` on a string it
    proved built from constants alone (the value of an assignment or `return`, or a query passed to a sink; a name merely
    compared in an `if` does not count there): bandit flags any SQL-looking string built with `%` or an f-string, also
    `"SELECT %s FROM %s" % (qn(column), table)` with quoted identifiers. It clears bandit's `B611` and `B610` too (any
    `RawSQL()` or `.extra()` whose SQL is no single literal) on a call whose SQL it proved built from constants or taken with
    its parameters from one query builder. It also records which parameters and return values of each function reach those
    calls, so that VC417 reports a query built in one function and executed in another (`run_query(f"... {name}")`,
    `cursor.execute(build_filter(name))`), also across modules; a query that a function returns together with its values and
    that is executed with them (`sql, params = self.as_sql(); cursor.execute(sql, params)`, an ORM compiler's way, or bound
    by keyword: `where, binds = self._build_filters(filters); cursor.execute(f"... {where}", **binds)`; also wrapped:
    `RawSQL("SELECT * FROM (%s) q" % sql, params)`, or first into a name among constants: `sql = "CREATE TABLE t
    AS {q}".format(q=str(query))`) is not followed, nor is text that pastes nothing but whole
    queries into a derived table's or `EXISTS`'s parentheses (`f"SELECT count(*) FROM ({query}) AS total"`, a pagination
    helper's count over the caller's SQL), or one whole query after `EXPLAIN` (`"EXPLAIN QUERY PLAN " + query`): what
    that query pastes is judged where it is built. Nor is what a helper of
    the project returns for a call given only constants (`cursor.execute(Comments.create_table_query("comments"))`,
    `TruncateQuery.to_sql(LogEntry._meta.db_table)`): each call site is judged on the values it pastes. Test files are not
    checked: what a test pastes into its queries are its own fixtures.

    ## Why is this bad?
    A value pasted into SQL text can change the query: `' OR 1=1 --` returns every row, and a stacked
    statement can drop a table. Agents build queries with f-strings because it reads naturally; the driver's
    parameter binding is the only reliable escape.

    ## Example
    ```python
    def find_user(cursor, name):
        query = f"SELECT * FROM users WHERE name = '{name}'"
        cursor.execute(query)
        return cursor.fetchone()
    ```

    ## Use instead
    ```python
    def find_user(cursor, name):
        cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
        return cursor.fetchone()
    ```

    ## References
    - [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
    - [OWASP: Query Parameterization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html)
    - [PEP 249: parameter styles](https://peps.python.org/pep-0249/#paramstyle)
    """

    # The marks of a sink that a name alone does not tell: a MongoDB code operator in a string, a method whose name is
    # a common word called as one (`.raw(`, `.sql(`, `hook.run(`), a keyword `Sql=`, a query that bandit's B608 reads
    # (vetted in a module that runs none). The names of the other sinks' calls are matched as names (`hinted_in`).
    file_hints = (*sorted(MONGO_CODE_OPERATORS), *(f".{method}(" for method in sorted(COMMON_WORD_METHODS)),
                  "hook.run(", "sql=", *SQL_OPENINGS)
    # every sink call's name that is no common word, and each function sink's whole name in parts (`sqlalchemy` and
    # `text`: a `gettext(` or a `text` alone, in most Django modules, does not make it walked), BigQuery's client
    # method with the module it needs imported
    hinting_names = frozenset({name.lower() for name in (
        *EXECUTE_METHODS, *DB_HOOK_METHODS, *READ_SQL_FUNCTIONS, *last_parts(SQL_FRAGMENT_FUNCTIONS),
        *DYNAMODB_KEYWORDS)} - COMMON_WORD_METHODS - {"run"})
    hinting_parts = (*(frozenset(name.lower().split(".")) for name in sorted(SQL_TEXT_FUNCTIONS)),
                     *(frozenset({"bigquery", method}) for method in sorted(SQL_CLIENT_METHOD_NAMES)))
    code = "VC402"
    name = "sql-built-from-strings"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (89, 943)
    applies_to_tests = False  # a test's queries paste its own fixtures (paths, column names): no client reaches them
    supersedes = ("B608",)
    vets = ("B608", "B610", "B611")
    summarises = True
    untrusted_kinds = frozenset({"sql"})
    cache_inputs = (quoter_modules_inputs,)  # the modules of its package a file imports its identifier quoting from

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A mark of `file_hints`, a sink call's name (`hinting_names`) or every part of one (`hinting_parts`), or
        SQL text that bandit's B608 may flag (its statement's first words as names), whose vetting needs the walk."""
        words = source.words
        return super().hinted_in(source) or not cls.hinting_names.isdisjoint(words) \
            or any(parts <= words for parts in cls.hinting_parts) or not SQL_STARTS.isdisjoint(words)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.unpacked: dict[str, int] = {}  # names holding parts of one call's result: name -> that call's id
        self.class_constants: dict[str, dict[str, str]] = {}  # class -> {"self.table": "", "cls.table": ""}
        self.helpers: dict[str, str] | None = None  # `_cte()` -> "": the module's functions returning constant text
        self.rebound: frozenset[str] | None = None  # attributes the module's methods assign, found at a class literal
        self.column_lookups: bool | None = None  # whether the module's text indexes a column collection (`.c[`)
        self._sql_in_file: bool | None = None  # whether a word bandit's B608 needs occurs at all (for vetting)
        self._local_upper: dict[str, bool] = {}  # UPPER_CASE name -> whether an indented line assigns it
        # a schema migration: DDL from the script's own names and the project's settings
        self.in_revision = is_alembic_revision(context.source) or is_django_migration(context.source)

    def new_state(self) -> FlowState:
        return QueryState(self.context.imports, built_query, checks_clear=False, constant_text=constant_text)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        """Parameters do not matter here: any non-constant value pasted into SQL is reported, except those of a
        private helper that every call in its module passes a constant (`self._scalar(cursor, "version")`), and
        the class's own literal attributes (`table = "users"` read as `self.table`)."""
        self.unpacked = {}
        names = walked_names(function)
        cast(QueryState, state).assigned = {} if names is None or not KEY_VIEWS.isdisjoint(names) else None
        state.constants.update(_constant_parameters(function, self.context))
        state.constants.update(_number_parameters(function))
        state.constants.update(_identifier_carriers(function, self.context.imports))
        if self.column_lookups is None:
            self.column_lookups = any(f".{name}[" in self.context.source for name in COLUMN_COLLECTIONS)
        if self.column_lookups:  # (a module that indexes no column collection: no function of it is searched)
            keys = _column_keys(function)
            state.constants.update(keys)
            cast(QueryState, state).column_keys = frozenset(keys)
        if function.name.value in SCHEMA_EVENT_HOOKS and self.__dict__.get("_classes"):
            state.constants.update((p.name.value, SCHEMA_OBJECT) for p in function.params.params[1:])
        state.constants.update(_own_quoters(self.context))
        state.constants.update(self._constant_helpers())
        if isinstance(function.params.star_kwarg, cst.Param):
            state.constants[FORWARDED_MAPPING] = function.params.star_kwarg.name.value
        classes = self.__dict__.get("_classes")
        if classes and classes[-1] is not None:
            state.constants.update(self.class_constants.get(classes[-1], {}))

    def _constant_helpers(self) -> dict[str, str]:
        """The module's functions that return only the code's own text (`_constant_sql_helpers`), found once per file."""
        if self.helpers is None:
            self.helpers = constant_helpers(self.context.module, self.new_state, constant_text,
                                            _own_quoters(self.context), with_parameters=bool(self.column_lookups))
        return self.helpers

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self.class_constants[node.name.value] = _class_constants(node, self._rebound)

    def _rebound(self) -> frozenset[str]:
        """The attributes the module's methods assign: the source is searched once, for a class with a literal only."""
        if self.rebound is None:
            self.rebound = frozenset(match.group(1) for match in word_start_matches(REBOUND_ATTRIBUTE, self.context.source))
        return self.rebound

    # The call words of every sink `_sink_query` and `_vet_orm_sql` know by a call's name; a DynamoDB expression
    # keyword and a MongoDB code operator make any method call a sink (`searches`).
    sink_words = last_parts(EXECUTE_METHODS, DB_HOOK_METHODS, SQL_CLIENT_METHOD_NAMES, SQL_TEXT_FUNCTIONS,
                            SQL_FRAGMENT_FUNCTIONS, READ_SQL_FUNCTIONS, ("raw", "extra"))

    def searches(self, function: cst.FunctionDef) -> bool:
        if super().searches(function):
            return True
        names = walked_names(function)
        if names is None or not DYNAMODB_KEYWORD_SET.isdisjoint(names):
            return True
        text = "\n".join(names)  # (a string's text as written, and as its value where an escape may hide a letter)
        return any(operator in text for operator in MONGO_CODE_OPERATORS)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        self._with_counters(node, state, self._check)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """`check` in a function that calls no sink: what later statements' constants depend on (a dict's constant
        items) and bandit's B608 vetted on an assigned or returned string. The names unpacked from one call's result
        (`unpacked`) are read at a sink only. The comprehensions' counters are looked for only in a statement that
        `_note` reads."""
        if _noted(node):
            self._with_counters(node, state, self._note)

    @staticmethod
    def _with_counters(node: cst.CSTNode, state: FlowState, step: Callable[[cst.CSTNode, FlowState], None]) -> None:
        """Run `step` with the numbers and constants the statement's comprehensions run over counted as constants."""
        counters = [name for name in _comprehension_constants(node, state) if name not in state.constants]
        state.constants.update((name, "") for name in counters)
        try:
            step(node, state)
        finally:
            for name in counters:
                state.constants.pop(name, None)

    def _note(self, node: cst.CSTNode, state: FlowState) -> None:
        kind = type(node)
        if kind is cst.Assign or kind is cst.Expr:
            _track_dict_items(node, state)
        if (kind is cst.Assign or kind is cst.AnnAssign or kind is cst.AugAssign or kind is cst.Return) \
                and type(getattr(node, "value", None)) in BUILT_TYPES:
            self._vet_if_constant(node.value, state)  # type: ignore[attr-defined]  # (checked just above)

    def _check(self, node: cst.CSTNode, state: FlowState) -> None:
        self.unpacked = _note_unpacking(node, self.unpacked, state)
        self._note(node, state)
        for call in iter_calls(node):
            self._vet_orm_sql(call, state)
            call = state.seen_call(call)  # `run_sql(sql)` after `run_sql = cursor.execute`: the cursor's `execute(sql)`
            query, sink, kinds, cwe = self._sink_query(call, state)
            if query is None:
                continue
            if type(query) in BUILT_TYPES:
                self._vet_if_constant(query, state)
            taint = state.taint_of(query)
            if taint is None or (taint.kind == CALL and type(query) is cst.Call and _given_only_constants(query, state)):
                continue
            if self.in_revision:
                self.vet(query, notice=True)  # bandit's B608 there stays in sight, as a notice
                continue
            also = " despite its separate parameters" if _has_parameters(call) else ""
            if _parameters_from_the_same_call(call, query, state, self.unpacked):
                continue
            if taint.kind not in SUMMARISED_KINDS and taint.kind not in kinds:
                continue
            harm, hint = REWRITES[taint.origin.endswith(KEY_MARK)
                                  or only_keys_reach(query, cast(QueryState, state).assigned, state.taint_of)]
            if taint.kind in SUMMARISED_KINDS:
                with self.recording(taint, state):
                    self.report(query, f"An SQL query built as `{ORIGIN}` reaches `{sink}`, so {harm}", hint=hint,
                                cwe=cwe)
            else:
                where = "here" if not isinstance(query, (cst.Name, cst.Attribute)) else f"in `{short_code(query)}`"
                origin = taint.origin.removesuffix(KEY_MARK)
                how = HOW_BUILT.get(origin, origin)
                self.report(query, f"An SQL query built with {how} {where} reaches `{sink}`{also}, so {harm}",
                            hint=hint, cwe=cwe)

    def _vet_if_constant(self, built: cst.BaseExpression, state: FlowState) -> None:
        """Clear bandit's B608 on a string built only from constants (`vibecheck.vetting`): the whole value of an
        assignment or `return`, or a query passed to a sink, so what is vetted is never part of a larger string.

        Stricter than the rule's own test: a name merely compared in an `if` (`state.checked`) does not count,
        nor an UPPER_CASE name that some indented line assigns (a local, not a module constant), nor a list joined by
        name (`" UNION ALL ".join(parts)`: the flow keeps `parts = []` constant through later `parts.append(...)`)."""
        if self._sql_in_file is None:
            lowered = self.context.source.lower()  # (substring searches: a case-insensitive regex is ten times slower)
            self._sql_in_file = any(word in lowered for word in SQL_WORDS)
        if self._sql_in_file and _built_shape(built) and _may_read_as_sql(built) and self._proven_constant(built, state):
            self.vet(built)

    def _proven_constant(self, node: cst.BaseExpression, state: FlowState) -> bool:
        """Built from constants alone, by the strict test vetting asks for (see `_vet_if_constant`)."""
        checked, state.checked = state.checked, set()
        try:
            text = constant_text(node, state)
        finally:
            state.checked = checked
        return text is not None and not _joins_a_name(node) \
            and not any(self._assigned_locally(name) for name in _upper_names(node))

    def _vet_orm_sql(self, call: cst.Call, state: FlowState) -> None:
        """Clear bandit's B611 on a `RawSQL(...)` and B610 on a `.extra(...)` (each reported whenever its SQL is no
        single literal) when the rule proves the SQL built from constants alone (quoted identifiers among them), or
        taken with its parameters from one query builder (`sql, params = compiler.as_sql()`, then
        `RawSQL("SELECT * FROM (%s) subquery" % sql, params)`)."""
        func = call.func
        if type(func) is cst.Attribute and func.attr.value == "extra":
            values = [call_argument(call, None, keyword) for keyword in EXTRA_KEYWORDS]
            given = [value for value in values if value is not None]
            if given and len(given) == len(call.args) and all(self._proven_constant(v, state) for v in given):
                self.vet(call)
            return
        if type(func) is not cst.Name and type(func) is not cst.Attribute or "RawSQL" not in (dotted_name(func) or ""):
            return
        name = state.qualified_name(call)
        query = call_argument(call, 0, SQL_FRAGMENT_FUNCTIONS[name]) if name in SQL_FRAGMENT_FUNCTIONS \
            and name.endswith("RawSQL") else None
        if query is not None and (self._proven_constant(query, state)
                                  or _parameters_from_the_same_call(call, query, state, self.unpacked)):
            self.vet(call)

    def _assigned_locally(self, name: str) -> bool:
        found = self._local_upper.get(name)
        if found is None:
            found = self._local_upper[name] = re.search(
                rf"^[ \t]+{re.escape(name)}\s*(:[^=\n]*)?[-+*/%|&]?=[^=]", self.context.source, re.MULTILINE) is not None
        return found

    def _sink_query(self, call: cst.Call, state: FlowState
                    ) -> tuple[cst.BaseExpression | None, str, tuple[str, ...], tuple[int, ...]]:
        func = call.func
        if type(func) is cst.Attribute and func.attr.value in EXECUTE_METHODS:
            position, query_keywords, _ = EXECUTE_METHODS[func.attr.value]
            query = call_argument(call, position) or _keyword_argument(call, query_keywords)
            receiver = dotted_name(func.value) or short_code(func.value)
            kinds = ("sql", "string") if DB_RECEIVER.search(receiver.rsplit(".", 1)[-1].rstrip("()")) else ("sql",)
            return query, f"{short_code(func)}()", kinds, SQL_CWE
        client_query = sql_client_query(call, state)
        if client_query is not None:
            return client_query, f"{short_code(func)}()", ("sql", "string"), SQL_CWE
        name = state.qualified_name(call)
        if name in SQL_TEXT_FUNCTIONS:
            return call_argument(call, 0, "text"), "text()", ("sql", "string"), SQL_CWE
        if name in SQL_FRAGMENT_FUNCTIONS:
            query = call_argument(call, 0, SQL_FRAGMENT_FUNCTIONS[name])
            return query, f"{short_code(func)}()", ("sql", "string"), SQL_CWE
        if type(func) is cst.Attribute and func.attr.value == "raw" and positional_count(call) == 1:
            return call_argument(call, 0, "raw_query"), f"{short_code(func)}()", ("sql",), SQL_CWE
        if type(func) is cst.Attribute and func.attr.value == "extra":
            for keyword in EXTRA_KEYWORDS:
                value = call_argument(call, None, keyword)
                if value is not None and state.taint_of(value) is not None:
                    return value, f"{short_code(func)}({keyword}=...)", ("sql", "string"), SQL_CWE
            return None, "", (), ()
        for keyword in DYNAMODB_KEYWORDS if _has_any_keyword(call, DYNAMODB_KEYWORD_SET) else ():
            value = call_argument(call, None, keyword)
            if value is not None and isinstance(func, cst.Attribute) and state.taint_of(value) is not None:
                return value, f"{short_code(func)}({keyword}=...)", ("sql", "string"), NOSQL_CWE
        mongo_code = _mongo_code(call)
        if mongo_code is not None:
            return mongo_code, f"{short_code(func)}()", ("sql", "string"), NOSQL_CWE
        last = name.rsplit(".", 1)[-1] if name else None
        if last in READ_SQL_FUNCTIONS and not has_keyword(call, "params"):
            return call_argument(call, 0, "sql"), f"{short_code(func)}()", ("sql",), SQL_CWE
        return None, "", (), ()


# What bandit's B608 flags: a string literal in an f-string, a `%` or `+` operation, or a `.format()` call.
BUILT_TYPES = frozenset({cst.FormattedString, cst.BinaryOperation, cst.Call, cst.ConcatenatedString})
# B608 needs one of these words in the string (`select ... from`, `delete from`, `insert into`, `update ... set`).
SQL_WORDS = ("select", "delete", "insert", "update")


def _noted(node: cst.CSTNode) -> bool:
    """Whether `SqlBuiltFromStrings._note` reads the statement: an assignment, an item stored into a container
    (`parts.append(name)`), or a built string assigned or returned."""
    if type(node) is cst.Assign:
        return True
    if type(node) is cst.Expr:
        call = node.value
        return type(call) is cst.Call and type(call.func) is cst.Attribute and call.func.attr.value in STORING_METHODS
    return (type(node) is cst.AnnAssign or type(node) is cst.AugAssign or type(node) is cst.Return) \
        and type(node.value) in BUILT_TYPES


def _counted_names(clause: cst.CompFor) -> list[str]:
    """The numbers a clause counts: the index of `for i, tag in enumerate(tags)`, the items of `for i in range(n)`."""
    counted = dotted_name(clause.iter.func) if type(clause.iter) is cst.Call else None
    if counted == "enumerate" and type(clause.target) is cst.Tuple and clause.target.elements:
        return _bound_keys(clause.target.elements[0].value)
    return _bound_keys(clause.target) if counted == "range" else []


def _comprehension_constants(node: cst.CSTNode, state: FlowState) -> list[str]:
    """The numbers and constants a comprehension of the statement runs over: the index of `for i, tag in
    enumerate(tags)` and the items of `for i in range(n)` (`text(f"... = :tag_{i}").params(...)` names a bind
    parameter by its number), and the items of a constant (`for table in ("agents", "tasks")`, `for table in
    TABLES`), as a `for` statement's are."""
    counters: list[str] = []
    nodes = iter_expressions(node)
    if COMPREHENSIONS.isdisjoint(map(type, nodes)):  # (most statements, scanned in C)
        return counters
    for inner in nodes:
        clause = inner.for_in if type(inner) in COMPREHENSIONS else None  # type: ignore[attr-defined]
        while clause is not None:
            counters += _counted_names(clause) or (
                _bound_keys(clause.target) if constant_text(clause.iter, state) is not None else [])
            clause = clause.inner_for_in
    return counters


def _built_shape(node: cst.BaseExpression) -> bool:
    if type(node) is cst.ConcatenatedString:  # one string to bandit when a part is an f-string
        return _built_shape(node.left) or _built_shape(node.right)
    if type(node) is cst.BinaryOperation:
        return type(node.operator) in (cst.Modulo, cst.Add)
    if type(node) is cst.Call:
        return type(node.func) is cst.Attribute and node.func.attr.value == "format"
    return type(node) is cst.FormattedString


# The calls whose alarms the rule also vets (bandit's B610 on `.extra()`, B611 on `RawSQL()`), by their last name.
ORM_SQL_CALLS = frozenset({"extra", "RawSQL"})
STRING_TYPES = frozenset({cst.SimpleString, cst.FormattedString, cst.ConcatenatedString})


def _may_read_as_sql(node: cst.BaseExpression) -> bool:
    """Whether another tool's alarm that the rule vets can start inside the node: a vet elsewhere clears nothing, and
    `_proven_constant` is dear. Bandit's B608 searches, for a statement's first word (`SQL_WORDS`, any case), a
    literal's text, the literals of one `+`/`%` chain joined, or an f-string's literal parts joined, all of them among
    the node's own literals; the parts of an implicitly concatenated string or an f-string are joined here too, so a
    word split across them is seen. A literal with an escape or a letter outside ASCII may hide a letter (an escaped
    `s`, or the long s, which matches `s` in any case): it may read as SQL. B610 and B611 start at an `extra(...)` or
    `RawSQL(...)` call."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) in STRING_TYPES:
            if _may_hold_sql_word("".join(_literal_parts(current))):
                return True
        elif type(current) is cst.FormattedStringExpression and current.format_spec:  # (a JoinedStr of its own)
            if _may_hold_sql_word("".join(part.value for part in current.format_spec
                                          if type(part) is cst.FormattedStringText)):
                return True
        elif type(current) is cst.Call and callee_tail(current.func) in ORM_SQL_CALLS:
            return True
        pending.extend(child_nodes(current))
    return False


def _may_hold_sql_word(text: str) -> bool:
    return "\\" in text or not text.isascii() or any(word in text.lower() for word in SQL_WORDS)


def _literal_parts(node: cst.CSTNode) -> list[str]:
    """The literal text of a string as written, without prefix and quotes: of an f-string, its text parts; of an
    implicit concatenation, every piece's, in order."""
    if type(node) is cst.SimpleString:
        return [node.raw_value]
    if type(node) is cst.FormattedString:
        return [part.value for part in node.parts if type(part) is cst.FormattedStringText]
    if type(node) is cst.ConcatenatedString:
        return [*_literal_parts(node.left), *_literal_parts(node.right)]
    return []


def _joins_a_name(node: cst.CSTNode) -> bool:
    """Whether the expression joins a container held in a name (`sep.join(parts)`), which may have been appended to."""
    pending = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Call and type(current.func) is cst.Attribute and current.func.attr.value == "join" \
                and current.args and isinstance(current.args[0].value, (cst.Name, cst.Attribute)):
            return True
        pending.extend(child_nodes(current))
    return False


def _upper_names(node: cst.CSTNode) -> list[str]:
    """The UPPER_CASE plain names in an expression (a few nodes: the strings a query is built of)."""
    found, pending = [], [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            if CONSTANT_NAME.match(current.value):
                found.append(current.value)
        elif type(current) is cst.Attribute:  # `self.TABLE` names an attribute, not a local: only its head counts
            pending.append(current.value)
        else:
            pending.extend(child_nodes(current))
    return found


def _mongo_code(call: cst.Call) -> cst.BaseExpression | None:
    """The value of a `{"$where": ...}` in a query method's filter: JavaScript the database runs."""
    if type(call.func) is not cst.Attribute or not call.args or type(call.args[0].value) is not cst.Dict:
        return None
    for element in call.args[0].value.elements:
        if isinstance(element, cst.DictElement) and string_value(element.key) in MONGO_CODE_OPERATORS:
            return element.value
    return None


def _class_constants(node: cst.ClassDef, rebound: Callable[[], frozenset[str]]) -> dict[str, str]:
    """The attributes a class body binds to a literal string (`table = "users"`) and no method of the module
    rebinds (`self.table = ...`: the names `rebound()` gives), as `self.` and `cls.` names: a query that pastes them in
    pastes the class's own constant. Their text is left out, as an UPPER_CASE name's is: a template attribute
    formatted with values (Django's `self.sql_rename_table % {...}`) is judged by where it goes, not taken for SQL
    built here."""
    found: dict[str, str] = {}
    for statement in node.body.body:
        if type(statement) is cst.FunctionDef and _literal_property(statement) \
                and statement.name.value not in rebound():
            found[f"self.{statement.name.value}"] = ""
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            target = small.targets[0].target if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                else small.target if isinstance(small, cst.AnnAssign) else None
            value = small.value if isinstance(small, (cst.Assign, cst.AnnAssign)) else None
            if isinstance(target, cst.Name) and value is not None and _literal_strings(value) \
                    and target.value not in rebound():
                found[f"self.{target.value}"] = found[f"cls.{target.value}"] = ""
    return found


def _literal_property(function: cst.FunctionDef) -> bool:
    """A property whose body only returns literal strings (`return "" if self.modern else " FROM DUAL"`)."""
    if not any(_last_name(d.decorator) in PROPERTY_DECORATORS for d in function.decorators):
        return False
    body = function.body.body
    returned = body[-1].body[0] if body and isinstance(body[-1], cst.SimpleStatementLine) else None
    return len(body) == 1 and isinstance(returned, cst.Return) and returned.value is not None \
        and _literal_choice(returned.value)


PROPERTY_DECORATORS = frozenset({"property", "cached_property"})


def _last_name(node: cst.BaseExpression) -> str:
    return node.attr.value if isinstance(node, cst.Attribute) else node.value if isinstance(node, cst.Name) else ""


def _literal_choice(node: cst.BaseExpression) -> bool:
    if isinstance(node, cst.IfExp):
        return _literal_choice(node.body) and _literal_choice(node.orelse)
    return _literal_strings(node)


def _literal_strings(node: cst.BaseExpression) -> bool:
    """A string literal, or a dict, list or tuple of them or of numbers (`_operators = {"contains": "LIKE %s"}`,
    `_isolation_lookup = {"SERIALIZABLE": 0}`), also frozen (`immutabledict({...})`, `frozenset((...))`)."""
    if type(node) is cst.Call and _last_name(node.func) in FROZEN_CONTAINERS and len(node.args) == 1 \
            and not node.args[0].keyword and not node.args[0].star:
        return type(node.args[0].value) in LITERAL_CONTAINERS and _literal_strings(node.args[0].value)
    if type(node) is cst.Dict:
        return all(isinstance(e, cst.DictElement) and string_value(e.key) is not None and _literal_item(e.value)
                   for e in node.elements)
    if type(node) is cst.List or type(node) is cst.Tuple or type(node) is cst.Set:
        return all(_literal_item(e.value) for e in node.elements)
    return string_value(node) is not None


def _literal_item(node: cst.BaseExpression) -> bool:
    """An item of a literal container: a string (or a container of them) or a number."""
    return type(node) in NUMBERS or _literal_strings(node)


def _track_dict_items(node: cst.CSTNode, state: FlowState) -> None:
    """Keep, for a local name bound to a dict literal, which of its items are constant (as `params['key']` in
    `state.constants`, so branches merge them): `"DROP DATABASE %(dbname)s" % params` then needs only `dbname`
    quoted. A store of a value that is not constant into a container (`params["x"] = value`,
    `parts.append(name)`) also makes the container itself no longer constant."""
    if type(node) is cst.Assign:
        for target in node.targets:
            _store_item(target.target, node.value, state)
    elif type(node) is cst.Expr and type(node.value) is cst.Call and type(node.value.func) is cst.Attribute \
            and node.value.func.attr.value in STORING_METHODS:
        container = dotted_name(node.value.func.value)
        if container is not None:
            state.constants.pop(_keys_marker(container), None)  # `updates.update(form)` adds the form's keys
        if container is not None and not all(constant_text(a.value, state) is not None for a in node.value.args):
            _forget_container(container, state)


def _store_item(target: cst.BaseExpression, value: cst.BaseExpression, state: FlowState) -> None:
    if type(target) is cst.Subscript:
        container = dotted_name(target.value)
        if container is None:
            return
        key = string_value(target.slice[0].slice.value) if len(target.slice) == 1 \
            and isinstance(target.slice[0].slice, cst.Index) else None
        constant = constant_text(value, state) is not None
        if not constant:
            state.constants.pop(container, None)
        if key is not None and constant:
            state.constants[_item_key(container, key)] = ""
        elif key is not None:
            state.constants.pop(_item_key(container, key), None)
        elif not constant:
            _forget_container(container, state)
        if key is None:
            state.constants.pop(_keys_marker(container), None)
        return
    name = dotted_name(target)
    # `{k: v for k, v in data.items() if k in COLUMNS}`, `{k: v for k, v in data.items() if v is not None}`: judged
    # before the binding forgets the items of `data`, which the second often rebinds
    literal_keys = name is not None and type(value) is cst.DictComp and (
        _keys_kept_allowed(value, state) or _keys_kept_from_literal_keys(value, state))
    for bound in _bound_keys(target):  # the flow's binding decides whether the name itself is constant
        _forget_items(bound, state)
    if literal_keys:
        state.constants[_keys_marker(cast(str, name))] = ""
    if name is not None and type(value) is cst.Dict:
        if all(isinstance(e, cst.DictElement) and string_value(e.key) is not None for e in value.elements):
            state.constants[_keys_marker(name)] = ""
        for element in value.elements:
            key = string_value(element.key) if isinstance(element, cst.DictElement) else None
            if key is not None and constant_text(element.value, state) is not None:
                state.constants[_item_key(name, key)] = ""


def _forget_container(name: str, state: FlowState) -> None:
    state.constants.pop(name, None)
    _forget_items(name, state)


def _forget_items(name: str, state: FlowState) -> None:
    prefix = f"{name}["
    for key in [k for k in state.constants if k.startswith(prefix)]:
        del state.constants[key]


def _has_parameters(call: cst.Call) -> bool:
    """Values passed beside the query: they protect only the placeholders, not text pasted into the query itself."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value in EXECUTE_METHODS):
        return False
    position, _, param_keywords = EXECUTE_METHODS[func.attr.value]
    return positional_count(call) > position + 1 or has_keyword(call, *param_keywords)


def _parameters_from_the_same_call(call: cst.Call, query: cst.BaseExpression, state: FlowState,
                                   unpacked: dict[str, int]) -> bool:
    """`sql, params = self.as_sql(); cursor.execute(sql, params)` (or `RawSQL("SELECT * FROM (%s) q" % sql, params)`):
    a query builder (an ORM's compiler) that returns its placeholders' values beside the text; what it pastes into
    the text are its own identifiers, and what is pasted here is only that text. The two come from one call when
    they carry the same call's taint or were unpacked from one call's result (`unpacked`: name -> that call)."""
    parameters = _parameters_argument(call, state)
    if parameters is None:
        return False
    builder = state.taint_of(parameters)
    source = unpacked.get(dotted_name(parameters) or "")
    if (builder is None or builder.kind != CALL) and source is None:
        return False
    return all((builder is not None and state.taint_of(piece) == builder)
               or (source is not None and unpacked.get(dotted_name(_unconverted(piece)) or "") == source)
               for piece in _pasted_pieces(query, state))


def _unconverted(node: cst.BaseExpression) -> cst.BaseExpression:
    """`query` for `str(query)`: the builder's text converted to the text it already is."""
    if type(node) is cst.Call and type(node.func) is cst.Name and node.func.value == "str" and len(node.args) == 1:
        return node.args[0].value
    return node


def _own_quoters(context: RuleContext) -> dict[str, str]:
    """The module's own identifier quoting and validating functions (`_identifier_quoters`, `_identifier_validators`:
    `_check_ident(name)` raises unless a pattern of name characters matches all of it), as the names they are called by
    (`_quote(name)`, `self._quote(name)`), and those it imports from a module of its own package (`from .utils import
    escape_sqlite`, `from . import utils` then `utils.escape_sqlite(name)`), bound to the quoter alias; computed once
    per file."""
    found: dict[str, str] | None = context.shared.get(_own_quoters)
    if found is None:
        source = context.source
        imported = _imported_quoters(context)
        quotes = bool(imported) or may_quote(source)
        validates = "match(" in source and "raise" in source
        tree = context.python_ast() if quotes or validates else None
        names: frozenset[str] = frozenset()
        if tree is not None:
            names = (identifier_quoters(tree, source, frozenset(imported)) if quotes else names) \
                | (identifier_validators(tree) if validates else names)
        found = context.shared[_own_quoters] = {
            f"{prefix}{name}": QUOTER_ALIAS for name in names for prefix in ("", "self.", "cls.")}
        found.update(imported)
    return found


def _imported_quoters(context: RuleContext) -> dict[str, str]:
    """The quoting functions the file imports from its own package's modules, by the names it calls them."""
    found = {}
    for local, target in context.imports.aliases.items():
        module, _, name = target.rpartition(".")
        defining = imported_module_file(context.path, module) if module else None
        if defining is not None and name in module_quoters(defining):
            found[local] = QUOTER_ALIAS
        imported = imported_module_file(context.path, target)
        if imported is not None:
            found.update((f"{local}.{quoter}", QUOTER_ALIAS) for quoter in module_quoters(imported))
    return found


def _constant_parameters(function: cst.FunctionDef, context: RuleContext) -> dict[str, str]:
    """The parameters of a private function (`_name`, not a dunder) that every call of that name in the module
    passes a constant (a literal, an UPPER_CASE name, or a constant default left out).

    Other modules should not call a private helper, so its calls here are all the values it gets.
    """
    name = function.name.value
    if not name.startswith("_") or name.endswith("__") or f"{name}(" not in context.source:
        return {}
    params = list(function.params.params)
    if params and params[0].name.value in ("self", "cls"):
        params = params[1:]
    if not params:  # (before the module's calls are gathered: a walk of its whole tree)
        return {}
    tree = context.python_ast()
    calls = _calls_by_name(tree, context).get(name, []) if tree is not None else []
    if not calls:
        return {}
    return {param.name.value: "" for index, param in enumerate(params)
            if all(_passes_constant(call, index, param) for call in calls)}


NUMBER_TYPES = frozenset({"int", "float", "bool"})
# Objects a data framework hands a plug-in to name the table it must write (dagster's `TableSlice` given to an IO
# manager's type handler, dbt's `BaseRelation` given to an adapter): their names come from the project's own asset
# or model definitions, and pasting them as identifiers is the plug-in's job. Type's module -> attributes that name.
IDENTIFIER_CARRIERS = {
    "dagster": ("TableSlice", ("database", "schema", "table")),
    "dbt": ("BaseRelation", ("database", "schema", "identifier", "table", "name")),
}


def _number_parameters(function: cst.FunctionDef) -> dict[str, str]:
    """Parameters annotated as a number (`lock_timeout: int = 30`, `limit: Optional[int] = None`, `int | None`): pasted,
    they write digits (or `None`), never SQL text."""
    params = function.params
    return {p.name.value: "" for p in (*params.posonly_params, *params.params, *params.kwonly_params)
            if p.annotation is not None and _number_annotation(p.annotation.annotation)}


def _number_annotation(node: cst.BaseExpression, optional: bool = False) -> bool:
    """`int`, `float`, `bool`, and (as the parts of `Optional[...]` or a `|` union) `None`."""
    if type(node) is cst.Name:
        return node.value in NUMBER_TYPES or (optional and node.value == "None")
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.BitOr:
        return _number_annotation(node.left, True) and _number_annotation(node.right, True)
    if type(node) is cst.Subscript and (dotted_name(node.value) or "").rpartition(".")[2] == "Optional" \
            and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return _number_annotation(node.slice[0].slice.value)
    return False


def _identifier_carriers(function: cst.FunctionDef, imports: ImportTable) -> dict[str, str]:
    """The naming attributes of parameters annotated with a data framework's table object (`table_slice: TableSlice`
    from dagster -> `table_slice.schema`, `table_slice.table`), and a dbt relation itself (`{relation}` renders its
    quoted name)."""
    found: dict[str, str] = {}
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        annotation = param.annotation.annotation if param.annotation is not None else None
        if type(annotation) is not cst.Name and type(annotation) is not cst.Attribute:
            continue
        qualified = imports.qualified_name(annotation) or ""
        carrier = IDENTIFIER_CARRIERS.get(qualified.partition(".")[0])
        if carrier is None or qualified.rpartition(".")[2] != carrier[0]:
            continue
        name = param.name.value
        found.update((f"{name}.{attribute}", "") for attribute in carrier[1])
        if carrier[0] == "BaseRelation":
            found[name] = ""
    return found


def _passes_constant(call: ast.Call, index: int, param: cst.Param) -> bool:
    keyword = next((k.value for k in call.keywords if k.arg == param.name.value), None)
    starred = any(isinstance(a, ast.Starred) for a in call.args[:index + 1]) or any(k.arg is None for k in call.keywords)
    if starred:
        return False
    value = keyword if keyword is not None else call.args[index] if index < len(call.args) else None
    if value is None:
        return param.default is not None and (string_value(param.default) is not None or isinstance(
            param.default, (cst.Integer, cst.Float)))
    return _is_constant_ast(value)


def _is_constant_ast(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (str, int, float))
    if isinstance(node, ast.Name):
        return bool(CONSTANT_NAME.match(node.id))
    return isinstance(node, ast.Attribute) and (bool(CONSTANT_NAME.match(node.attr)) or (
        isinstance(node.value, ast.Name) and SCHEMA_ATTRIBUTE.match(f"{node.value.id}.{node.attr}") is not None))


def _calls_by_name(tree: ast.Module, context: RuleContext) -> dict[str, list[ast.Call]]:
    """Every call of a private name in the module (`self._scalar(...)` under `_scalar`) by the last part of its
    callee's name, computed once per file (kept in the context's `shared` answers). Only the statements on whose lines
    a private name is called are walked (`PRIVATE_CALL`): most of a module's statements call none."""
    calls: dict[str, list[ast.Call]] | None = context.shared.get(_calls_by_name)
    if calls is None:
        calls = context.shared[_calls_by_name] = {}
        starts = line_starts(context.source)
        lines = sorted({bisect.bisect_right(starts, match.start()) for match in PRIVATE_CALL.finditer(context.source)})
        pending: list[ast.AST] = [tree] if lines else []
        for node in pending:
            if isinstance(node, ast.Call):
                func = node.func
                tail = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
                if tail is not None:
                    calls.setdefault(tail, []).append(node)
            pending.extend(child for child in content_children(node)
                           if not isinstance(child, ast.stmt) or _on_lines(child, lines))
    return calls


# A private name and the bracket that calls it (`_scalar(`, `self._quote (`, `(self._q)(`), which any call of a
# private callee has on the line its name is on.
PRIVATE_CALL = lazy_pattern(r"_(?<!\w_)\w*[\s\\)]*\(")  # (led by the underscore: searched for as a character)


def _on_lines(statement: ast.stmt, lines: list[int]) -> bool:
    """Whether one of the sorted line numbers `lines` lies among the statement's (its decorators' too)."""
    first = min((statement.lineno, *(decorator.lineno for decorator in getattr(statement, "decorator_list", ()))))
    index = bisect.bisect_left(lines, first)
    return index < len(lines) and lines[index] <= (statement.end_lineno or statement.lineno)


def _note_unpacking(node: cst.CSTNode, unpacked: dict[str, int], state: FlowState) -> dict[str, int]:
    """Which names now hold parts of one call's result (`sql, params = compiler.as_sql()`): name -> that call; also a
    name bound to text that pastes only that result's text among constants (`wrapped = "CREATE TABLE t AS
    {query}".format(query=str(sql))`).

    Any other binding of a name forgets it, so `sql = sql + suffix` no longer counts as the builder's text.
    """
    if type(node) is cst.Assign:
        targets = [t.target for t in node.targets]
    elif type(node) is cst.AugAssign or type(node) is cst.AnnAssign:
        targets = [node.target]
    else:
        return unpacked
    bound = {name for target in targets for name in _bound_keys(target)}
    kept = {name: call for name, call in unpacked.items() if name not in bound}
    if type(node) is cst.Assign and len(targets) == 1 and type(targets[0]) is cst.Tuple \
            and type(node.value) is cst.Call:
        kept.update(dict.fromkeys(bound, id(node.value)))
    elif type(node) is cst.Assign and len(targets) == 1 and type(targets[0]) is cst.Name \
            and type(node.value) in BUILT_TYPES:
        sources = {unpacked.get(dotted_name(_unconverted(piece)) or "") for piece in _pasted_pieces(node.value, state)}
        source = sources.pop() if len(sources) == 1 else None
        if source is not None:
            kept[targets[0].value] = source
    return kept


def _bound_keys(target: cst.BaseExpression) -> list[str]:
    """The flow's keys a target binds: its plain names and its dotted ones (`self.sql` of `self.sql, params = ...`)."""
    return [name for part in target_parts(target) if (name := dotted_name(part)) is not None]


def _parameters_argument(call: cst.Call, state: FlowState) -> cst.BaseExpression | None:
    """The values a query-running call takes beside its text: `execute(sql, params)`, `RawSQL(sql, params)`, and the
    mapping a driver binds by keyword (oracledb's `execute(sql, limit=top_k, **params)`)."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in EXECUTE_METHODS:
        position, _, param_keywords = EXECUTE_METHODS[func.attr.value]
        return call_argument(call, position + 1) or _keyword_argument(call, param_keywords) \
            or next((arg.value for arg in call.args if arg.star == "**"), None)
    if state.qualified_name(call) in SQL_FRAGMENT_FUNCTIONS:
        return call_argument(call, 1, "params")
    return None


def _pasted_pieces(query: cst.BaseExpression, state: FlowState) -> list[cst.BaseExpression]:
    """What a query pastes into its text: the operands of `%`, `+` or `.format()` and an f-string's expressions
    that are not constant, or the query itself when it is not built here."""
    if isinstance(query, cst.BinaryOperation) and isinstance(query.operator, (cst.Modulo, cst.Add)):
        right = query.right
        values = [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
        pieces = values if isinstance(query.operator, cst.Modulo) else [query.left, right]
        return [p for piece in pieces for p in _pasted_pieces(piece, state)]
    if isinstance(query, cst.FormattedString):
        return [p.expression for p in query.parts if isinstance(p, cst.FormattedStringExpression)
                and constant_text(p.expression, state) is None]
    if isinstance(query, cst.ConcatenatedString):  # `f"SELECT ... FROM {table} " f"{where}"` over two lines
        return _pasted_pieces(query.left, state) + _pasted_pieces(query.right, state)
    if isinstance(query, cst.Call) and isinstance(query.func, cst.Attribute) and query.func.attr.value == "format":
        return [a.value for a in query.args if constant_text(a.value, state) is None]
    return [] if constant_text(query, state) is not None else [query]


def _has_any_keyword(call: cst.Call, names: frozenset[str]) -> bool:
    """Whether the call passes one of `names` as a keyword (most calls pass none: then no argument is looked up)."""
    return any(arg.keyword is not None and arg.keyword.value in names for arg in call.args)


def _keyword_argument(call: cst.Call, names: tuple[str, ...]) -> cst.BaseExpression | None:
    for name in names:
        value = call_argument(call, None, name)
        if value is not None:
            return value
    return None
