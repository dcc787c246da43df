"""A project's own DRF permission class that asks for a model permission (`request.user.has_perm(f"talks.{view.action}
_talk", obj)`), named in `DEFAULT_PERMISSION_CLASSES`: every view left to the default then needs a permission the
project grants, not only a login (pretalx's `ApiPermission`)."""

from __future__ import annotations

from typing import Any

import libcst as cst

from vibecheck.analysis.app_model.names import APP_MODEL
from vibecheck.analysis.project_functions import defines, functions_index
from vibecheck.cst_fields import own_nodes_of

# The fact each module writes: its classes whose DRF permission methods ask for a model permission.
PERMISSION_CHECKS_FACT = "vibecheck.vc218.permission_checks"
PERMISSION_METHODS = frozenset({"has_permission", "has_object_permission"})
PERMISSION_CALLS = frozenset({"has_perm", "has_perms"})


def _asks_for_a_permission(function: cst.FunctionDef) -> bool:
    return any(type(call.func) is cst.Attribute and call.func.attr.value in PERMISSION_CALLS
               for call in own_nodes_of(function.body, cst.Call))


def permission_checking_classes(module: cst.Module) -> list[str]:
    """The module's classes with a `has_permission`/`has_object_permission` whose class calls `has_perm(s)` (in it,
    or in a method it hands the check to: pretalx's `_has_permission`)."""
    found = []
    for statement in module.body:
        if type(statement) is not cst.ClassDef or not isinstance(statement.body, cst.IndentedBlock):
            continue
        methods = [s for s in statement.body.body if type(s) is cst.FunctionDef]
        if any(m.name.value in PERMISSION_METHODS for m in methods) and any(_asks_for_a_permission(m) for m in methods):
            found.append(statement.name.value)
    return found


def default_permissions_ask(project: Any) -> bool:
    """The checked settings' `DEFAULT_PERMISSION_CLASSES` names one of the project's permission-asking classes."""
    index = functions_index(project, PERMISSION_CHECKS_FACT)
    if not index:
        return False
    for _path, facts in project.facts(APP_MODEL):
        rest = facts["settings"].get("REST_FRAMEWORK")
        classes = rest.get("DEFAULT_PERMISSION_CLASSES") if isinstance(rest, dict) else None
        if classes and any(isinstance(name, str) and defines(index, "settings.py", name) for name in classes):
            return True
    return False
