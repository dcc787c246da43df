"""Mixins a module defines for its class-based views: a base class whose method, run by Django before any handler
(`dispatch`, `get_object`, `get_queryset`, `test_func`, `has_permission`), checks or scopes by the caller guards every
view that inherits it (`class TalkEditView(LoginRequiredMixin, SpeakerOnlyMixin, UpdateView)`)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.app_model.handlers import IDENTITY_EXPRESSIONS, dotted_uses
from vibecheck.cst_fields import walk_own

# Methods Django's class-based views run before the handler, where a mixin can check or scope the object.
GATE_METHODS = frozenset({"dispatch", "get_object", "get_queryset", "test_func", "has_permission"})


def module_classes(module: cst.Module) -> dict[str, cst.ClassDef]:
    """The module's top-level classes by name."""
    return {statement.name.value: statement for statement in module.body if type(statement) is cst.ClassDef}


def _base_names(node: cst.ClassDef) -> list[str]:
    return [base.value.value for base in node.bases if type(base.value) is cst.Name]


def _gated_by_the_caller(function: cst.FunctionDef) -> bool:
    """The caller decides a test or the returned value (`if request.user not in talk.speakers.all():`,
    `return Note.objects.filter(owner=self.request.user)`); a dispatch that only logs or stores the caller checks
    nothing."""
    for node in walk_own(function.body):
        value = node.test if isinstance(node, (cst.If, cst.Assert)) else node.value if type(node) is cst.Return else None
        if value is not None and any(d in IDENTITY_EXPRESSIONS for d in dotted_uses(value)):
            return True
    return False


def inherits_a_caller_check(node: cst.ClassDef, classes: dict[str, cst.ClassDef]) -> bool:
    """A base class of `node` defined in this module (or one of its own bases there) has a gate method the caller
    decides."""
    pending, seen = _base_names(node), set()
    while pending:
        name = pending.pop()
        mixin = classes.get(name)
        if mixin is None or name in seen:
            continue
        seen.add(name)
        body = mixin.body.body if isinstance(mixin.body, cst.IndentedBlock) else ()
        if any(type(s) is cst.FunctionDef and s.name.value in GATE_METHODS and _gated_by_the_caller(s) for s in body):
            return True
        pending += _base_names(mixin)
    return False
