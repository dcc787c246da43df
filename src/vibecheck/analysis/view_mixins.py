"""Mixins a project defines for its class-based views: a base class whose method, run by Django before any handler
(`dispatch`, `get_object`, `get_queryset`, `test_func`, `has_permission`), checks or scopes by the caller guards every
view that inherits it (`class TalkEditView(LoginRequiredMixin, SpeakerOnlyMixin, UpdateView)`).

A mixin of the view's own module is read there; one another module defines (`from .mixins import
OwnedQuerysetMixin`) is known only to the project phase: each file records its classes that check the caller
(`CALLER_CHECKS_FACT`), a view's finding waits on `CALLER_MIXIN`, and `inherits_a_project_check` follows the view's
bases across modules (`class_bases.ClassIndex`), never importing them.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from vibecheck.analysis.app_model.handlers import IDENTITY_EXPRESSIONS, dotted_uses
from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.cst_fields import walk_own

# Methods Django's class-based views run before the handler, where a mixin can check or scope the object.
GATE_METHODS = frozenset({"dispatch", "get_object", "get_queryset", "test_func", "has_permission"})
# Per file: its top-level classes with such a method that the caller decides. And the kind of a finding on a view that
# waits for them (`Rule.report(unless=(CALLER_MIXIN, "ViewClass"))`).
CALLER_CHECKS_FACT = "vibecheck.vc214.caller_checking_classes"
CALLER_MIXIN = "caller-checking-mixin"
_INDEX: list[tuple[Any, ClassIndex, dict[str, frozenset[str]]]] = []


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


def _checks_the_caller(node: cst.ClassDef) -> bool:
    """The class's own body has a gate method the caller decides."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    return any(type(s) is cst.FunctionDef and s.name.value in GATE_METHODS and _gated_by_the_caller(s) for s in body)


def caller_checking_classes(classes: dict[str, cst.ClassDef]) -> list[str]:
    """The names of the module's top-level classes that check or scope by the caller themselves (`CALLER_CHECKS_FACT`)."""
    return sorted(name for name, node in classes.items() if _checks_the_caller(node))


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
        if _checks_the_caller(mixin):
            return True
        pending += _base_names(mixin)
    return False


def inherits_a_project_check(project: Any, relative: str, class_name: str) -> bool:
    """The view `class_name` of the file at `relative` derives, through classes of any module, from one that checks
    the caller (`CALLER_CHECKS_FACT`), or from a class of a project module the run did not check (indexed for its
    definitions only, or not read at all: `views.py` checked alone by a hook): the benefit of the doubt, as for a row
    reader it does not see. Every checked module with classes records the fact, empty when none checks."""
    index, checking = _project_index(project)
    ancestry = index.ancestry("@" + class_name, module_name(relative))
    if ancestry is None:
        return True
    for module, _, name in (qualified.rpartition(".") for qualified in ancestry.classes):
        if module not in checking or name in checking[module]:
            return True
    packages = {part for module in index.modules for part in module.split(".")[:-1]}  # (`src.app.views`: `app`)
    return not ancestry.complete or any(outside.partition(".")[0] in packages for outside in ancestry.outside)


def _project_index(project: Any) -> tuple[ClassIndex, dict[str, frozenset[str]]]:
    if not _INDEX or _INDEX[0][0] is not project:
        checking = {module_name(project.relative_path(path)): frozenset(names)
                    for path, names in project.facts(CALLER_CHECKS_FACT)}
        _INDEX[:] = [(project, ClassIndex(project), checking)]
    return _INDEX[0][1], _INDEX[0][2]
