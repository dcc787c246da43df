"""Route handlers that only administrators reach, judged from the handler's own signature and decorators.

What a client sends to such a handler is an administrator's choice (the role a form gives another user, the URL of a
service to connect to): rules that judge trust in client data read this before taking it for an attacker's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from vibecheck.analysis.app_model.names import ADMIN_PATH_WORDS, admin_path
from vibecheck.analysis.flow import dotted_name
from vibecheck.analysis.secrets_names import name_words
from vibecheck.cst_fields import walk_own
from vibecheck.imports import ImportTable
from vibecheck.literals import module_texts, path_text, string_value

# A dependency or decorator that lets only administrators in names them and says it enforces that or hands over the
# caller (`Depends(get_admin_user)`, `@admin_required`, `require_superuser`; not `Depends(load_admin_settings)`).
ADMIN_WORDS = frozenset({"admin", "administrator", "superuser", "staff", "root"})
ADMIN_GUARD_WORDS = frozenset({"require", "required", "requires", "ensure", "only", "must", "current", "check", "verify",
                               "user", "member"})
DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})
# A guard factory handed the roles it admits (`Depends(require_role("admin"))`, `@roles_required("owner")`,
# `RoleChecker(["admin"])`): its name says role, and every role it is given is an administrator's.
ROLE_WORDS = frozenset({"role", "roles"})
ADMIN_ROLE_WORDS = ADMIN_WORDS | {"owner"}
PREFIX_KEYWORDS = ("url_prefix", "prefix")
ROUTER_CLASSES = frozenset({"Blueprint", "APIRouter"})
# A blueprint's (or app's) own hook, run before each of its routes, and the calls that refuse in it.
REQUEST_HOOK = "before_request"
REFUSING_CALLS = frozenset({"abort", "redirect"})


def drf_permission_classes(node: cst.FunctionDef | cst.ClassDef) -> list[str]:
    """The permission classes DRF runs for a view: a function view's `@permission_classes([...])`, a viewset action's
    `@action(..., permission_classes=[...])`, a class view's `permission_classes = [...]`."""
    values: list[cst.BaseExpression] = []
    if type(node) is cst.ClassDef:
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        values += [small.value for line in body if type(line) is cst.SimpleStatementLine for small in line.body
                   if type(small) is cst.Assign and len(small.targets) == 1
                   and dotted_name(small.targets[0].target) == "permission_classes"]
    for decorator in node.decorators:
        call = decorator.decorator
        callee = (dotted_name(call.func) or "").rpartition(".")[2] if type(call) is cst.Call else ""
        if type(call) is cst.Call and callee == "permission_classes":
            values += [arg.value for arg in call.args if arg.keyword is None]
        elif type(call) is cst.Call and callee == "action":
            values += [arg.value for arg in call.args if arg.keyword is not None and arg.keyword.value == "permission_classes"]
    members = [e.value for v in values for e in (v.elements if isinstance(v, (cst.List, cst.Tuple)) else ())]
    return [(dotted_name(member) or "").rpartition(".")[2] for member in members]


def admin_permission_class(names: list[str]) -> bool:
    """A DRF permission class named for administrators (`IsAdminUser`, `IsOrgAdmin`, `IsSuperUser`): a permission class
    refuses whoever it does not name, so its name needs no word that says it enforces."""
    return any(ADMIN_WORDS & set(name_words(name)) for name in names)


def admin_view_permission(decorators: Sequence[cst.Decorator]) -> bool:
    """A Pyramid view permission named for administrators, `@view_config(..., permission="admin")` or a class's
    `@view_defaults(permission="manage_users")` (`"authenticated"`, `"edit"` admit more than administrators)."""
    for decorator in decorators:
        expression = decorator.decorator
        if type(expression) is cst.Call:
            for arg in expression.args:
                if arg.keyword is not None and arg.keyword.value == "permission" \
                        and ADMIN_WORDS & set(name_words(string_value(arg.value) or "")):
                    return True
    return False


def restricted_to_admins(function: cst.FunctionDef, admin_receivers: frozenset[str] = frozenset()) -> bool:
    """A decorator, or a `Depends(...)`/`Security(...)` among its parameters or its route's `dependencies=[...]`,
    named for administrators (`get_admin_user`, `admin_required`, `require_superuser`), or a DRF permission class the
    view lists (`@permission_classes([IsAdminUser])`), or a Pyramid permission naming them (`admin_view_permission`),
    or a route of a blueprint in `admin_receivers`."""
    if admin_permission_class(drf_permission_classes(function)) or admin_view_permission(function.decorators):
        return True
    if admin_receivers and any(receiver in admin_receivers for receiver in _route_receivers(function)):
        return True
    names = [dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or ""
             for d in function.decorators]
    calls = [n for d in function.decorators for n in walk_own(d.decorator) if type(n) is cst.Call]
    for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
        calls += [n for n in walk_own(param) if type(n) is cst.Call]
    dependencies = [c.args[0].value for c in calls
                    if (dotted_name(c.func) or "").rpartition(".")[2] in DEPENDENCY_MARKERS and c.args]
    names += [dotted_name(d) or "" for d in dependencies]
    if any(_admits_only_admin_roles(c) for c in (*calls, *dependencies) if type(c) is cst.Call):
        return True
    return any(ADMIN_WORDS & words and ADMIN_GUARD_WORDS & words
               for words in (set(name_words(name.rpartition(".")[2])) for name in names))


def admin_hooked_receivers(module: cst.Module) -> frozenset[str]:
    """The blueprints and apps whose `before_request` hook, in this module, turns away whoever is no administrator
    (`if not current_user.is_admin: abort(403)`, a hook named `require_admin`): each of their routes is for
    administrators."""
    found = set()
    for statement in module.body:
        if type(statement) is not cst.FunctionDef:
            continue
        for decorator in statement.decorators:
            receiver, _, hook = (dotted_name(decorator.decorator) or "").rpartition(".")
            if hook == REQUEST_HOOK and receiver and _admits_only_admins(statement):
                found.add(receiver)
    return frozenset(found)


def _admits_only_admins(hook: cst.FunctionDef) -> bool:
    """A hook named or decorated for administrators, or one with an `if` that tests an administrator's flag or role
    and refuses (raises, aborts or answers)."""
    names = [hook.name.value, *(dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or ""
                                for d in hook.decorators)]
    if any(ADMIN_WORDS & words and ADMIN_GUARD_WORDS & words for words in (set(name_words(n.rpartition(".")[2]))
                                                                          for n in names)):
        return True
    return any(type(node) is cst.If and _names_an_admin(node.test) and _refuses(node.body) for node in walk_own(hook.body))


def _names_an_admin(test: cst.BaseExpression) -> bool:
    """`current_user.is_admin`, `g.user.role != "admin"`, `has_role("staff")`."""
    texts: list[str] = []
    for node in walk_own(test):
        if isinstance(node, cst.Attribute):
            texts.append(node.attr.value)
        elif isinstance(node, cst.Name):
            texts.append(node.value)
        elif isinstance(node, cst.SimpleString):
            texts.append(string_value(node) or "")
    return any(ADMIN_WORDS & set(name_words(text)) for text in texts)


def _refuses(block: cst.BaseSuite) -> bool:
    """Raises, aborts or answers: a hook's bare `return` lets the request on (`if current_user.is_admin: return`)."""
    return any(type(node) is cst.Raise or type(node) is cst.Return and node.value is not None or type(node) is cst.Call
               and (dotted_name(node.func) or "").rpartition(".")[2] in REFUSING_CALLS for node in walk_own(block))


def _route_receivers(function: cst.FunctionDef) -> list[str]:
    """`admin_bp` of `@admin_bp.route(...)` or `@admin_bp.post(...)`."""
    return [(dotted_name(d.decorator.func) or "").rpartition(".")[0] for d in function.decorators
            if type(d.decorator) is cst.Call and type(d.decorator.func) is cst.Attribute]


def _admits_only_admin_roles(call: cst.Call) -> bool:
    """`require_role("admin")`, `roles_required("admin", "owner")`, `RoleChecker(["admin"])`: a role guard factory
    whose every role is an administrator's (not `require_role("member")`, nor `require_role(role)`)."""
    if not ROLE_WORDS & set(name_words((dotted_name(call.func) or "").rpartition(".")[2])):
        return False
    values = [e.value for arg in call.args for e in (arg.value.elements if isinstance(arg.value, (cst.List, cst.Tuple,
                                                                                                  cst.Set)) else ())]
    values += [arg.value for arg in call.args if not isinstance(arg.value, (cst.List, cst.Tuple, cst.Set))]
    roles = [string_value(v) for v in values]
    return bool(roles) and all(r is not None and ADMIN_ROLE_WORDS & set(name_words(r)) for r in roles)


# The classes of Django's admin site and its add-ons (`ModelAdmin`, `UserAdmin`, `SingletonModelAdmin`, `TabularInline`):
# the site lets only signed-in staff reach their views and hooks (`save_model(self, request, ...)`).
DJANGO_ADMIN_CLASS_SUFFIXES = ("Admin", "Inline")
DJANGO_ADMIN_MODULE = ("django.contrib.admin",)


def is_django_admin_class(node: cst.ClassDef, imports: ImportTable) -> bool:
    """A class of a module that uses Django's admin site, derived from an admin class (`class RoleAdmin(ModelAdmin)`,
    `class ConfigAdmin(SingletonModelAdmin)`): what its methods read from the request a staff member sent."""
    return imports.imports_any(DJANGO_ADMIN_MODULE) and any(
        (dotted_name(base.value) or "").rpartition(".")[2].endswith(DJANGO_ADMIN_CLASS_SUFFIXES) for base in node.bases)


def router_prefixes(module: cst.Module) -> dict[str, str]:
    """The blueprints and routers the module makes with a prefix (`admin = Blueprint("admin", __name__,
    url_prefix="/admin")`, `router = APIRouter(prefix=ADMIN_PREFIX)` with the module's `ADMIN_PREFIX = "/admin"`,
    `APIRouter(prefix=f"{settings.API_V1_STR}/admin")`): name -> prefix, what is known of it (`literals.path_text`).
    A prefix not known here at all (`url_prefix=settings.API_PREFIX`) is left out."""
    found: dict[str, str] = {}
    constants: dict[str, str] | None = None
    for line in module.body:
        for small in line.body if type(line) is cst.SimpleStatementLine else ():
            if type(small) is not cst.Assign or len(small.targets) != 1 or type(small.value) is not cst.Call:
                continue
            call, target = small.value, dotted_name(small.targets[0].target)
            if target is None or (dotted_name(call.func) or "").rpartition(".")[2] not in ROUTER_CLASSES:
                continue
            given = next((arg.value for arg in call.args
                          if arg.keyword is not None and arg.keyword.value in PREFIX_KEYWORDS), None)
            if type(given) in (cst.Name, cst.FormattedString):
                constants = module_texts(module) if constants is None else constants
            prefix = path_text(given, constants or {})
            if prefix:
                found[target] = prefix
    return found


@dataclass(frozen=True)
class AdminRoute:
    """A route whose path says it is for administrators: the path (in backticks, with the receiver when only its name
    says so), and whether only the prefix its blueprint or router is made with says so (`Blueprint("ops", __name__,
    url_prefix="/admin")` with `@ops.post("/flags")`), which the module that registers it may replace."""

    text: str
    by_prefix: bool = False


def admin_route_path(function: cst.FunctionDef, prefixes: dict[str, str], listed: tuple[str, ...] = ()) \
        -> AdminRoute | None:
    """The route, if its path, or the name of its blueprint or router, says it is for administrators
    (`@admin_bp.post("/users/<int:user_id>/delete")`, `@router.post("/flags")` with `router = APIRouter(
    prefix="/admin")`); None for any other route. Path parameters (`<admin_id>`) say nothing. `listed`: the paths a
    Starlette route list gives the function (`Route("/admin/repos/{name}/resync", resync_repository)`)."""
    for decorator in function.decorators:
        call = decorator.decorator
        if type(call) is not cst.Call or type(call.func) is not cst.Attribute or not call.args:
            continue
        path = string_value(call.args[0].value) if call.args[0].keyword is None else None
        if path is None:
            continue
        receiver = dotted_name(call.func.value) or ""
        full = prefixes.get(receiver, "").rstrip("/") + path
        if admin_path(full):
            return AdminRoute(f"`{full}`", by_prefix=not admin_path(path))
        if ADMIN_PATH_WORDS & set(name_words(receiver.rpartition(".")[2])):
            return AdminRoute(f"`{full or '/'}` of `{receiver}`")
    return next((AdminRoute(f"`{path}`") for path in listed if admin_path(path)), None)
