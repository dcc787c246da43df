"""The record writes of a view: what makes it change state whatever method it answers, or on a GET.

A Django function view (or a class-based view's `get`) answers every method unless a decorator or a test of
`request.method` says otherwise, so one that deletes or saves a record changes state on a GET too, which is worse:
a link in an e-mail or an `<img>` on another site makes a visitor's browser call it. Only the writes of Django's ORM
count, told by their shape, since a view module calls many `delete`s and `update`s that store nothing:

- an instance's `.save()` or `.delete()` with no positional argument (`cache.delete(key)`, `image.save(path)` and
  `storage.delete(name)` take one), not `form.save(commit=False)`, nor on the session, cache or messages;
- a manager's or queryset's `create`, `update`, `delete`, `bulk_create`, ... (`Item.objects.create(...)`,
  `Item.objects.filter(pk=pk).update(...)`, `qs.all().delete()`), not `dict.update(...)`.

- a related manager's `create`, `add`, `remove`, `clear` or `set` on a record the view loaded or the signed-in user
  (`article.comments.create(...)`, `request.user.groups.add(group)`);
- SQLAlchemy's (a Flask, Quart or FastAPI route that answers GET): a session's `add`, `delete`, `merge`
  (`db.session.delete(note)`, `db.add(item)`), a write statement it executes (`session.execute(update(Note)...)`), a
  query's `delete`/`update` (`Note.query.filter_by(id=id).delete()`), a `commit()` after a field of a loaded record
  was set (`note.done = True`).

A method of a model of the project that writes its own record (`def mark_as_read(self): self.unread = False;
self.save()`) writes too when a view calls it on a record: `record_method` names the methods a view calls on its
records, `writing_methods` the methods of a module's model classes that write (the collector joins them in the file, the resolver
across the project). A method nobody defines in the project never counts.

What a public page writes for an anonymous visitor by design is no write here: a counter it bumps
(`update(views=F("views") + 1)`, `post.views += 1; post.save()`, `Post.views + 1` in SQLAlchemy) and a record keyed by
the visitor's session (a cart: `Cart.objects.get_or_create(session_key=request.session.session_key)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import libcst as cst

from vibecheck.analysis.nodes import bound_names, head_name
from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name
from vibecheck.literals import text_value

# Methods that write one loaded record, called with no positional argument.
INSTANCE_WRITES = frozenset({"save", "delete"})
# Methods of a manager or queryset that write records.
QUERYSET_WRITES = frozenset({"create", "update", "delete", "bulk_create", "bulk_update", "get_or_create",
                             "update_or_create"})
# Methods of a related manager (`article.comments`, `user.groups`) that write records or links.
RELATED_WRITES = frozenset({"create", "get_or_create", "update_or_create", "add", "remove", "clear", "set"})
# Methods of a SQLAlchemy session that write what they are given, and the one that stores what changed.
SESSION_WRITES = frozenset({"add", "add_all", "delete", "merge", "bulk_save_objects", "bulk_insert_mappings",
                            "bulk_update_mappings"})
SESSION_RUNS = frozenset({"execute"})
COMMIT = "commit"
# Writes that only make new rows (`Comment.objects.create(...)`), and those that do when their object is no record the
# view loaded (`db.session.add(comment)`, `comment.save()`).
CREATING_WRITES = frozenset({"create", "bulk_create"})
NEW_ROW_WRITES = frozenset({"add", "add_all", "save"})
WRITE_METHODS = INSTANCE_WRITES | QUERYSET_WRITES | RELATED_WRITES | SESSION_WRITES | SESSION_RUNS | {COMMIT}
# Statement builders `session.execute(...)` runs that write (`update(Note).where(...).values(...)`), and the SQL words.
WRITE_STATEMENTS = frozenset({"update", "delete", "insert"})
# Queryset methods that return a queryset: a write called on their result writes records (`.filter(...).update(...)`).
QUERYSET_METHODS = frozenset({"filter", "exclude", "all", "select_related", "prefetch_related", "order_by", "only",
                              "defer", "select_for_update", "using", "annotate", "distinct", "none", "filter_by"})
MANAGER_NAMES = frozenset({"objects", "_default_manager", "_base_manager"})
QUERY_PROPERTY = "query"  # Flask-SQLAlchemy's `Note.query`, a model's query
# Calls that load one record (`get_object_or_404(Note, pk=pk)`, `Note.query.get_or_404(id)`), and the methods of a
# queryset, query or session that do (`Note.objects.get(pk=pk)`, `db.session.get(Note, id)`, `.first()`).
RECORD_LOADERS = frozenset({"get_object_or_404", "get_or_404", "first_or_404", "one_or_404", "get_object"})
RECORD_METHODS = frozenset({"get", "first", "last", "one", "one_or_none", "latest", "earliest", "scalar_one",
                            "scalar_one_or_none"})
# The signed-in user and a class view's object: records too.
RECORD_NAMES = frozenset({"request.user", "self.request.user", "current_user", "g.user", "self.object"})
RECORD_ATTRIBUTES = frozenset(n.rpartition(".")[2] for n in RECORD_NAMES)
# How the names of the bases of a model, manager or queryset class end, and SQLAlchemy's declarative base as spelt
# (`Base = declarative_base()`; `SessionBase`, `IOBase` are no models).
MODEL_BASE_ENDINGS = ("Model", "User", "Manager", "QuerySet", "DeclarativeBase")
DECLARATIVE_BASES = frozenset({"Base", "db.Base"})
# Names of a SQLAlchemy session (`db.session`, `session`, FastAPI's `db: Session = Depends(get_db)`).
SESSION_NAMES = frozenset({"session", "db", "db_session", "dbsession", "sess"})
# Names of a DB-API connection or cursor (`with db.connect() as conn: conn.execute(...)`).
CONNECTION_NAMES = frozenset({"conn", "connection", "cursor", "cur", "self.conn", "self.connection", "self.cursor"})
# Words of receivers (as spelt: a `Client` model is a record) whose `save`/`delete` stores no record: the visitor's
# session, a cache, stored files, messages.
NOT_RECORDS = frozenset({"session", "cache", "caches", "storage", "messages", "cookies", "response", "client"})


def is_write_call(call: cst.Call) -> bool:
    """A call whose method name may write a record (`x.save()`, `x.objects.create(...)`): judged when its view is."""
    func = call.func
    return type(func) is cst.Attribute and func.attr.value in WRITE_METHODS


@dataclass
class _ViewNames:
    """What a view's assignments bind: per record name, the fields it changes, each a counter it bumps ("" among them
    when it changes another); the records found by the visitor's session (`cart = Cart.objects.get(session_key=...)`);
    the querysets (`stale = Item.objects.filter(...)`); the records it loads (`note = Note.query.get_or_404(id)`)."""

    changed: dict[str, set[str]] = field(default_factory=dict)
    session_records: set[str] = field(default_factory=set)
    querysets: set[str] = field(default_factory=set)
    records: set[str] = field(default_factory=set)


def writes_records(function: cst.FunctionDef, calls: list[cst.Call]) -> bool:
    """Whether one of a view's candidate calls writes a record other than a counter or the visitor's session's."""
    return _writes(calls, _view_names(function))


def only_creates(function: cst.FunctionDef, calls: list[cst.Call]) -> bool:
    """Whether a view's writes only add new rows (`db.session.add(Comment(...))` and `commit()`,
    `Comment.objects.create(...)`, `post.comments.create(...)`, `comment.save()` of one it made): it changes, deletes
    or merges no record it loaded, and assigns to none."""
    names = _view_names(function)
    if not calls or any(_on_record_name(owner, names.records) for owner in names.changed):
        return False
    for call in calls:
        func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
        method, first = func.attr.value, call.args[0].value if call.args else None
        if method in CREATING_WRITES or method == COMMIT:
            continue
        if method in NEW_ROW_WRITES and not _on_record(first if _is_session(func.value) and first else func.value,
                                                      names.records):
            continue
        return False
    return True


def record_method(call: cst.Call, records: set[str]) -> str | None:
    """The method a call makes on a record the view loaded (`records`, as `loads_record` found them) or the signed-in
    user (`notification.mark_as_read()`, `request.user.deactivate()`), other than the writes judged here; not on what
    a record holds (`notification.data.get(...)` is its field's)."""
    func = call.func
    if type(func) is not cst.Attribute or func.attr.value in WRITE_METHODS:
        return None
    receiver = func.value
    if type(receiver) is cst.Name:
        found = receiver.value in records or receiver.value in RECORD_NAMES
    else:
        found = type(receiver) is cst.Attribute and receiver.attr.value in RECORD_ATTRIBUTES \
            and full_name(receiver) in RECORD_NAMES
    return func.attr.value if found else None


def is_model_class(node: cst.ClassDef) -> bool:
    """A class built on a model, a manager or a queryset (`models.Model`, `db.Model`, `AbstractUser`, SQLAlchemy's
    `Base`, `models.Manager`): its methods' `self` is a record (elsewhere `self.seen.add(x)` fills a set)."""
    names = [full_name(base.value) or "" for base in node.bases]
    return any(n.endswith(MODEL_BASE_ENDINGS) or n in DECLARATIVE_BASES for n in names)


def writing_methods(methods: dict[str, tuple[cst.FunctionDef, list[cst.Call]]]) -> set[str]:
    """The methods of a model class (`is_model_class`) that write their own record or others (`self.save()`,
    `self.comments.clear()`, `Log.objects.create(...)`, `db.session.delete(self)`): calling one on a record writes it."""
    return {name for name, (node, calls) in methods.items()
            if calls and node.params.params and _writes(calls, _view_names(node, own=node.params.params[0].name.value))}


def _writes(calls: list[cst.Call], names: _ViewNames) -> bool:
    for call in calls:
        func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
        if _is_session(func.value):
            if _session_writes(call, names):
                return True
        elif _runs_written_sql(call):
            return True
        elif _session_query(func.value):
            if func.attr.value in QUERYSET_WRITES and not _bumps(call, names.changed):
                return True
        elif not _mentions_session(call) and head_name(func.value) not in names.session_records \
                and _writes_record(call, names) and not _bumps(call, names.changed):
            return True
    return False


def _session_writes(call: cst.Call, names: _ViewNames) -> bool:
    """`db.session.delete(note)`, `session.execute(update(Note)...)`, a `commit()` after `note.done = True`."""
    method = cast(cst.Attribute, call.func).attr.value
    first = call.args[0].value if call.args and call.args[0].keyword is None else None
    if method in SESSION_WRITES:
        return first is not None and not isinstance(first, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString))
    if method in SESSION_RUNS:
        return first is not None and _is_write_statement(first)
    return method == COMMIT and any("" in changed and _on_record_name(owner, names.records)
                                    for owner, changed in names.changed.items())


def _is_write_statement(statement: cst.BaseExpression) -> bool:
    """`update(Note).where(...)`, `delete(Note)`, `insert(Log).values(...)`, `text("DELETE FROM notes ...")`."""
    innermost = _innermost(statement)
    if type(statement) is cst.Call and full_name(innermost) in ("text", "sqlalchemy.text", "sa.text"):
        statement = statement.args[0].value if statement.args else statement
    sql = text_value(statement)
    if sql is not None:
        return sql.lstrip().split(" ", 1)[0].lower() in WRITE_STATEMENTS
    name = full_name(innermost)
    return name is not None and name.rpartition(".")[2] in WRITE_STATEMENTS and type(statement) is cst.Call


def _runs_written_sql(call: cst.Call) -> bool:
    """`conn.execute("UPDATE users SET ... WHERE id = ?", ...)`: a DB-API connection or cursor runs a write statement
    spelled out (a `SELECT` it runs reads)."""
    func = cast(cst.Attribute, call.func)
    first = call.args[0].value if call.args and call.args[0].keyword is None else None
    return func.attr.value in SESSION_RUNS and full_name(func.value) in CONNECTION_NAMES and first is not None \
        and text_value(first) is not None and _is_write_statement(first)


def _is_session(receiver: cst.BaseExpression) -> bool:
    """`db.session`, `session`, `self.session`, `db`: not the visitor's (`request.session`)."""
    name = full_name(receiver)
    if name is None or name.startswith(("request.", "self.request.")):
        return False
    last = name.rpartition(".")[2]
    return last in SESSION_NAMES or last.endswith("_session")


def _session_query(receiver: cst.BaseExpression) -> bool:
    """`db.session.query(Note).filter_by(id=id)`: a query a session made."""
    innermost = _innermost(receiver)
    return type(receiver) is cst.Call and type(innermost) is cst.Attribute and innermost.attr.value == QUERY_PROPERTY \
        and _is_session(innermost.value)


def _writes_record(call: cst.Call, names: _ViewNames) -> bool:
    func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
    receiver, method = func.value, func.attr.value
    if _receiver_words(receiver) & NOT_RECORDS:
        return False
    if method in QUERYSET_WRITES and (_is_queryset(receiver) or type(receiver) is cst.Name and receiver.value in names.querysets):
        return True
    if method in RELATED_WRITES and type(receiver) is cst.Attribute and receiver.attr.value not in MANAGER_NAMES \
            and _on_record(receiver.value, names.records):
        return True  # `article.comments.create(...)`, `request.user.groups.add(group)`
    if method not in INSTANCE_WRITES or any(a.keyword is None for a in call.args):
        return False
    commit = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "commit"), None)
    return not (isinstance(commit, cst.Name) and commit.value == "False")


def _on_record(receiver: cst.BaseExpression, records: set[str]) -> bool:
    """`note`, `request.user`, `self.object.tags`: a record the view loaded, the signed-in user, or what they hold."""
    name = full_name(receiver)
    return name is not None and _on_record_name(name, records)


def _on_record_name(name: str, records: set[str]) -> bool:
    return name.split(".", 1)[0] in records or any(name == r or name.startswith(r + ".") for r in RECORD_NAMES)


def _is_queryset(receiver: cst.BaseExpression) -> bool:
    """`Item.objects`, `Item.objects.filter(...)`, `qs.all()`, `Note.query`: a manager, a model's query or what a
    queryset method returns."""
    if isinstance(receiver, cst.Attribute):
        return receiver.attr.value in MANAGER_NAMES or receiver.attr.value == QUERY_PROPERTY \
            and type(receiver.value) is cst.Name and receiver.value.value[:1].isupper()
    return isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Attribute) \
        and receiver.func.attr.value in QUERYSET_METHODS


def loads_record(value: cst.BaseExpression) -> bool:
    """`get_object_or_404(Note, pk=pk)`, `Note.objects.get(pk=pk)`, `Note.query.filter_by(...).first()`,
    `db.session.get(Note, id)`, `self.get_object()`, also awaited."""
    if type(value) is cst.Await:
        value = value.expression
    if type(value) is not cst.Call:
        return False
    func = value.func
    if type(func) is cst.Name:
        return func.value in RECORD_LOADERS
    if type(func) is not cst.Attribute:
        return False
    method = func.attr.value
    return method in RECORD_LOADERS or method in RECORD_METHODS and (_is_queryset(func.value) or _is_session(func.value))


def _receiver_words(receiver: cst.BaseExpression) -> set[str]:
    name = full_name(receiver) or full_name(_innermost(receiver)) or ""
    return {w for part in name.split(".") for w in part.split("_")}


def _innermost(node: cst.BaseExpression) -> cst.BaseExpression:
    while True:
        if isinstance(node, cst.Call):
            node = node.func
        elif isinstance(node, cst.Attribute) and isinstance(node.value, cst.Call):
            node = node.value
        else:
            return node


def _mentions_session(expression: cst.CSTNode) -> bool:
    """A record found or made by the visitor's session (`session_key=request.session.session_key`): an anonymous cart."""
    for node in walk_own(expression):
        if isinstance(node, cst.Attribute) and node.attr.value in ("session", "session_key"):
            return True
        if isinstance(node, cst.Arg) and node.keyword is not None and "session" in node.keyword.value:
            return True
    return False


def _bumps(call: cst.Call, bumped: dict[str, set[str]]) -> bool:
    """A counter's write: `update(views=F("views") + 1)`, `update({"views": Note.views + 1})`, or a `save()` of a
    record whose only changed fields are counters (`post.views += 1`), also with `update_fields=["views"]`."""
    func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
    if func.attr.value == "update":
        if len(call.args) == 1 and isinstance(call.args[0].value, cst.Dict):
            return all(isinstance(e, cst.DictElement) and _is_increment(e.value, _field_name(e.key))
                       for e in call.args[0].value.elements)
        return bool(call.args) and all(a.keyword is not None and _is_increment(a.value, a.keyword.value) for a in call.args)
    if func.attr.value != "save":
        return False
    owner = full_name(func.value)
    changed = bumped.get(owner or "")
    if changed is None or "" in changed:
        return False
    listed = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "update_fields"), None)
    if isinstance(listed, (cst.List, cst.Tuple)):
        return all(text_value(e.value) in changed for e in listed.elements)
    return True


def _field_name(key: cst.BaseExpression) -> str:
    """`"views"` and `Post.views`, the keys of a SQLAlchemy `update({...})`."""
    return key.attr.value if isinstance(key, cst.Attribute) else text_value(key) or ""


def _view_names(function: cst.FunctionDef, own: str | None = None) -> _ViewNames:
    """`own`: a method's `self`, its own record."""
    names = _ViewNames(records={own} if own else set())
    for node in walk_own(function.body):
        if isinstance(node, cst.AugAssign) and isinstance(node.target, cst.Attribute) \
                and isinstance(node.operator, (cst.AddAssign, cst.SubtractAssign)):
            _note(names.changed, node.target, node.target.attr.value)
        elif isinstance(node, cst.Assign):
            kept = names.session_records if _mentions_session(node.value) else names.querysets \
                if _is_queryset(node.value) else names.records if loads_record(node.value) else None
            if kept is not None:
                kept.update(name for target in node.targets for name in bound_names(target.target))
            for target in node.targets:
                if isinstance(target.target, cst.Attribute):
                    attribute = target.target.attr.value
                    _note(names.changed, target.target, attribute if _is_increment(node.value, attribute) else "")
    return names


def _note(changed: dict[str, set[str]], target: cst.Attribute, field: str) -> None:
    owner = full_name(target.value)  # `self.object` for `self.object.views += 1`, apart from `self.object = ...`
    if owner is not None:
        changed.setdefault(owner, set()).add(field)


def _is_increment(value: cst.BaseExpression, field: str) -> bool:
    """`F("views") + 1`, `F("likes") - 1`, `Post.views + 1` (SQLAlchemy's column of the same field)."""
    if not (isinstance(value, cst.BinaryOperation) and isinstance(value.operator, (cst.Add, cst.Subtract))):
        return False
    left = value.left
    if isinstance(left, cst.Call):
        return full_name(left.func) in ("F", "models.F")
    return isinstance(left, cst.Attribute) and left.attr.value == field and isinstance(value.right, cst.Integer)
