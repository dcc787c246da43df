"""Requirement objects handed to a guard decorator: Flask-Allows' `requires(...)`.

`@allows.requires(CanEditPost)`, or `decorators = [allows.requires(IsAtleastModeratorInForum()), login_required]` on a
`MethodView`, runs each requirement against the caller and the request before the view and refuses when one fails. A
requirement named for anything but a login (`IsAdmin`, `CanDeleteTopic`) restricts the view as a permission class does:
handed the request, it may check the object the URL names. Starlette's `@requires("authenticated")` takes scope strings,
which `handlers._requires_a_role` reads. Emmett's `@requires(auth.is_logged, url("auth.login"))` takes the condition
first and where to send a refused caller second: a URL built there is no requirement.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.app_model import frameworks as fw

REQUIREMENT_HOLDERS = frozenset({"requires"})
# Flask-Allows' combinators (`And(IsAdmin, CanEdit)`, `Or(...)`, `Not(...)`, `C(...)`): the requirements inside count.
COMBINATORS = frozenset({"And", "Or", "Not", "C", "ConditionalRequirement"})
# Words of a requirement that only asks for a signed-in caller (`IsAuthenticated`, `IsLoggedIn`, `IsActive`).
SIGN_IN_WORDS = frozenset({"authenticated", "logged", "login", "signed", "active"})
# Calls that build the URL a refused caller is sent to (Emmett's `otherwise` argument), not a requirement.
URL_BUILDERS = frozenset({"url", "url_for", "reverse", "redirect"})


def _last(name: str | None) -> str:
    return (name or "").rpartition(".")[2]


def requirements(expression: cst.BaseExpression) -> list[str]:
    """The names of the requirements a holder call is handed (`allows.requires(IsAdmin, CanEdit())` -> `IsAdmin`,
    `CanEdit`); [] for any other expression and for scope strings."""
    if not isinstance(expression, cst.Call) or _last(get_full_name_for_node(expression.func)) not in REQUIREMENT_HOLDERS:
        return []
    return [name for arg in expression.args if arg.keyword is None for name in _names(arg.value)]


def requirements_restrict(expressions: Iterable[cst.BaseExpression]) -> bool:
    """One of the holders lists a requirement named for more than a login."""
    return any(not SIGN_IN_WORDS & set(fw.name_words(name)) for e in expressions for name in requirements(e))


def _names(node: cst.BaseExpression) -> Iterator[str]:
    if isinstance(node, (cst.Name, cst.Attribute)):
        yield _last(get_full_name_for_node(node))
    elif isinstance(node, cst.Call):
        called = _last(get_full_name_for_node(node.func))
        if called in COMBINATORS:
            for arg in node.args:
                yield from _names(arg.value)
        elif called and called not in URL_BUILDERS:
            yield called
    elif isinstance(node, cst.BinaryOperation):  # `IsAtleastModerator & CanEditUser`
        yield from _names(node.left)
        yield from _names(node.right)
    elif isinstance(node, cst.UnaryOperation):  # `~IsBanned`
        yield from _names(node.expression)
