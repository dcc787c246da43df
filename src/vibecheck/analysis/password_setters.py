"""Model fields whose setter hashes what it is given: `user.password = plain` stores a hash there.

FlaskBB's `User` exposes `password = db.synonym("_password", descriptor=property(_get_password, _set_password))`, whose
setter keeps `generate_password_hash(password)`; other models spell it `@password.setter` (also under
`@hybrid_property`) or SQLAlchemy's `@validates("password")` returning the hash. A view of another module that assigns
the typed password to such a field, or hands it to the model's constructor (which assigns each keyword), stores a hash.
VC410 records the module's such fields as a fact and holds its stores to a field of that name until the project phase.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.secrets_names import name_words
from vibecheck.cst_fields import walk_own
from vibecheck.literals import text_value

HASHING_SETTERS_FACT = "vibecheck.vc410.hashing_setters"
HASHING_SETTER = "hashing-setter"  # the kind of a VC410 finding that such a field of another module clears
# Words of a call that hashes what it is handed: `generate_password_hash`, `bcrypt.hashpw`, `pwd_context.hash`,
# `make_password`, `encrypt_password`.
HASH_WORDS = frozenset({"hash", "hashpw", "crypt", "encrypt"})
HASHING_CALLS = frozenset({"make_password"})
SQLALCHEMY_VALIDATES = "validates"


def hashing_setter_fields(module: cst.Module) -> list[str]:
    """The fields of the module's top-level classes whose setter hashes the value it is given."""
    found: set[str] = set()
    for statement in module.body:
        if isinstance(statement, cst.ClassDef) and isinstance(statement.body, cst.IndentedBlock):
            found.update(_class_fields(statement.body.body))
    return sorted(found)


def cleared_by_setter(project: Any, field: str) -> bool:
    """A module of the project has a model whose `field` setter hashes."""
    return any(field in fields for _, fields in project.facts(HASHING_SETTERS_FACT))


def _class_fields(body: Sequence[cst.BaseStatement]) -> Iterator[str]:
    methods = {s.name.value: s for s in body if isinstance(s, cst.FunctionDef)}
    for statement in body:
        if isinstance(statement, cst.FunctionDef):
            yield from _decorated_setter(statement)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and len(small.targets) == 1 \
                        and isinstance(small.targets[0].target, cst.Name):
                    setter = _property_setter(small.value, methods)
                    if setter is not None and _hashes_value(setter, 1):
                        yield small.targets[0].target.value


def _decorated_setter(function: cst.FunctionDef) -> Iterator[str]:
    """`@password.setter def password(self, value)`, `@validates("password") def _hash(self, key, value)`."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Attribute) and expression.attr.value == "setter" \
                and isinstance(expression.value, cst.Name) and _hashes_value(function, 1):
            yield expression.value.value
        elif isinstance(expression, cst.Call) and _last(expression.func) == SQLALCHEMY_VALIDATES \
                and _hashes_value(function, 2):
            yield from (name for arg in expression.args if arg.keyword is None
                        and (name := text_value(arg.value)) is not None)


def _property_setter(value: cst.BaseExpression, methods: dict[str, cst.FunctionDef]) -> cst.FunctionDef | None:
    """The class's method that `property(get, set)` (also `synonym(..., descriptor=property(...))`) sets with."""
    if not isinstance(value, cst.Call):
        return None
    if _last(value.func) != "property":
        inner = next((a.value for a in value.args if a.keyword is not None and a.keyword.value == "descriptor"), None)
        return _property_setter(inner, methods) if inner is not None else None
    positional = [a.value for a in value.args if a.keyword is None]
    setter = next((a.value for a in value.args if a.keyword is not None and a.keyword.value == "fset"),
                  positional[1] if len(positional) > 1 else None)
    return methods.get(setter.value) if isinstance(setter, cst.Name) else None


def _hashes_value(function: cst.FunctionDef, position: int) -> bool:
    """The function hands its parameter at `position` (after `self`, a validator's `key`) to a hashing call."""
    params = function.params.params
    if len(params) <= position:
        return False
    value = params[position].name.value
    return any(isinstance(node, cst.Call) and _hashing(node) and _mentions(node, value)
               for node in walk_own(function.body))


def _hashing(call: cst.Call) -> bool:
    name = _last(call.func)
    return name in HASHING_CALLS or bool(HASH_WORDS.intersection(name_words(name)))


def _mentions(call: cst.Call, name: str) -> bool:
    return any(isinstance(node, cst.Name) and node.value == name for arg in call.args for node in walk_own(arg.value))


def _last(node: cst.BaseExpression) -> str:
    return (get_full_name_for_node(node) or "").rpartition(".")[2]
