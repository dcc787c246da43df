"""The record writes of a Django view: what makes it change state whatever method it answers.

A Django function view (or a class-based view's `get`) answers every method unless a decorator or a test of
`request.method` says otherwise, so one that deletes or saves a record changes state on a GET too, which is worse:
a link in an e-mail or an `<img>` on another site makes a visitor's browser call it. Only the writes of Django's ORM
count, told by their shape, since a view module calls many `delete`s and `update`s that store nothing:

- an instance's `.save()` or `.delete()` with no positional argument (`cache.delete(key)`, `image.save(path)` and
  `storage.delete(name)` take one), not `form.save(commit=False)`, nor on the session, cache or messages;
- a manager's or queryset's `create`, `update`, `delete`, `bulk_create`, ... (`Item.objects.create(...)`,
  `Item.objects.filter(pk=pk).update(...)`, `qs.all().delete()`), not `dict.update(...)`.

What a public page writes for an anonymous visitor by design is no write here: a counter it bumps
(`update(views=F("views") + 1)`, `post.views += 1; post.save()`) and a record keyed by the visitor's session (a cart:
`Cart.objects.get_or_create(session_key=request.session.session_key)`).
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
WRITE_METHODS = INSTANCE_WRITES | QUERYSET_WRITES
# Queryset methods that return a queryset: a write called on their result writes records (`.filter(...).update(...)`).
QUERYSET_METHODS = frozenset({"filter", "exclude", "all", "select_related", "prefetch_related", "order_by", "only",
                              "defer", "select_for_update", "using", "annotate", "distinct", "none"})
MANAGER_NAMES = frozenset({"objects", "_default_manager", "_base_manager"})
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
    the querysets (`stale = Item.objects.filter(...)`)."""

    changed: dict[str, set[str]] = field(default_factory=dict)
    session_records: set[str] = field(default_factory=set)
    querysets: set[str] = field(default_factory=set)


def writes_records(function: cst.FunctionDef, calls: list[cst.Call]) -> bool:
    """Whether one of a view's candidate calls writes a record other than a counter or the visitor's session's."""
    calls = [c for c in calls if not _mentions_session(c)]
    if not calls:
        return False
    names = _view_names(function)
    return any(_writes_record(c, names.querysets) and not _bumps(c, names.changed)
               and head_name(cast(cst.Attribute, c.func).value) not in names.session_records for c in calls)


def _writes_record(call: cst.Call, querysets: set[str]) -> bool:
    func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
    receiver, method = func.value, func.attr.value
    if _receiver_words(receiver) & NOT_RECORDS:
        return False
    if method in QUERYSET_WRITES and (_is_queryset(receiver) or type(receiver) is cst.Name and receiver.value in querysets):
        return True
    if method not in INSTANCE_WRITES or any(a.keyword is None for a in call.args):
        return False
    commit = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "commit"), None)
    return not (isinstance(commit, cst.Name) and commit.value == "False")


def _is_queryset(receiver: cst.BaseExpression) -> bool:
    """`Item.objects`, `Item.objects.filter(...)`, `qs.all()`: a manager or what a queryset method returns."""
    if isinstance(receiver, cst.Attribute):
        return receiver.attr.value in MANAGER_NAMES
    return isinstance(receiver, cst.Call) and isinstance(receiver.func, cst.Attribute) \
        and receiver.func.attr.value in QUERYSET_METHODS


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
    """A counter's write: `update(views=F("views") + 1)`, or a `save()` of a record whose only changed fields are
    counters (`post.views += 1`), also with `update_fields=["views"]`."""
    func = cast(cst.Attribute, call.func)  # as `is_write_call` found it
    if func.attr.value == "update":
        return bool(call.args) and all(a.keyword is not None and _is_increment(a.value) for a in call.args)
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


def _view_names(function: cst.FunctionDef) -> _ViewNames:
    names = _ViewNames()
    for node in walk_own(function.body):
        if isinstance(node, cst.AugAssign) and isinstance(node.target, cst.Attribute) \
                and isinstance(node.operator, (cst.AddAssign, cst.SubtractAssign)):
            _note(names.changed, node.target, node.target.attr.value)
        elif isinstance(node, cst.Assign):
            kept = names.session_records if _mentions_session(node.value) \
                else names.querysets if _is_queryset(node.value) else None
            if kept is not None:
                kept.update(name for target in node.targets for name in bound_names(target.target))
            for target in node.targets:
                if isinstance(target.target, cst.Attribute):
                    changed = target.target.attr.value if _is_increment(node.value) else ""
                    _note(names.changed, target.target, changed)
    return names


def _note(changed: dict[str, set[str]], target: cst.Attribute, field: str) -> None:
    owner = full_name(target.value)  # `self.object` for `self.object.views += 1`, apart from `self.object = ...`
    if owner is not None:
        changed.setdefault(owner, set()).add(field)


def _is_increment(value: cst.BaseExpression) -> bool:
    """`F("views") + 1`, `F("likes") - 1`."""
    return isinstance(value, cst.BinaryOperation) and isinstance(value.operator, (cst.Add, cst.Subtract)) \
        and isinstance(value.left, cst.Call) and full_name(value.left.func) in ("F", "models.F")
