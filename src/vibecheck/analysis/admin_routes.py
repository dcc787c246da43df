"""Route handlers that only administrators reach, judged from the handler's own signature and decorators.

What a client sends to such a handler is an administrator's choice (the role a form gives another user, the URL of a
service to connect to): rules that judge trust in client data read this before taking it for an attacker's.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import dotted_name
from vibecheck.analysis.secrets_names import name_words
from vibecheck.cst_fields import walk_own

# A dependency or decorator that lets only administrators in names them and says it enforces that or hands over the
# caller (`Depends(get_admin_user)`, `@admin_required`, `require_superuser`; not `Depends(load_admin_settings)`).
ADMIN_WORDS = frozenset({"admin", "administrator", "superuser", "staff", "root"})
ADMIN_GUARD_WORDS = frozenset({"require", "required", "requires", "ensure", "only", "must", "current", "check", "verify",
                               "user", "member"})
DEPENDENCY_MARKERS = frozenset({"Depends", "Security"})


def restricted_to_admins(function: cst.FunctionDef) -> bool:
    """A decorator, or a `Depends(...)`/`Security(...)` among its parameters or its route's `dependencies=[...]`,
    named for administrators (`get_admin_user`, `admin_required`, `require_superuser`)."""
    names = [dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or ""
             for d in function.decorators]
    calls = [n for d in function.decorators for n in walk_own(d.decorator) if type(n) is cst.Call]
    for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
        calls += [n for n in walk_own(param) if type(n) is cst.Call]
    names += [dotted_name(c.args[0].value) or "" for c in calls
              if (dotted_name(c.func) or "").rpartition(".")[2] in DEPENDENCY_MARKERS and c.args]
    return any(ADMIN_WORDS & words and ADMIN_GUARD_WORDS & words
               for words in (set(name_words(name.rpartition(".")[2])) for name in names))
