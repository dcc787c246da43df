"""What both phases of the app model read without libcst: the key of its fact, and what guard names say.

The collector (`collector.py`, in the engine's walk) and the project phase (`resolve.py`, in the command's own
process, which a hook runs without libcst) share these.
"""

from __future__ import annotations

from collections.abc import Iterable

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.secrets_names import name_words

APP_MODEL = "app_model"  # the fact each source file writes
# The module-level functions of a file that change nothing (`answer_only`), a fact of its own: most files have some,
# and a file that has nothing else for the app model keeps no `APP_MODEL` fact, which an edit adding a helper would
# otherwise change (and with it every rule that reads the app model, the untested-code rules' reach among them).
INERT_FUNCTIONS = "app_model.inert_functions"

# Words of guard, mixin, permission-class and check names that restrict a handler to some users (a role, a
# permission, ownership), beyond proving who the caller is: `admin_required`, `IsAdminUser`, `StaffOnlyMixin`.
ROLE_WORDS = frozenset({"admin", "staff", "superuser", "role", "roles", "perm", "perms", "permission", "permissions",
                        "owner", "manager", "moderator", "scope", "scopes", "group", "groups", "privileged"})
# Guards that only authenticate: they say who the caller is, not what the caller may do.
AUTHENTICATION_ONLY = frozenset({"IsAuthenticated", "IsAuthenticatedOrReadOnly", "login_required", "jwt_required",
                                 "get_current_user", "get_current_active_user", "current_user", "LoginRequiredMixin",
                                 "auth_required", "token_required", "require_user", "authenticated", "otp_required",
                                 "OTPRequiredMixin"})
def relabelled(label: str, path: str, prefixed: str) -> str:
    """A route's label (`The route `DELETE /{id}` (`delete_one`)`) with its path given its router's prefix. The path
    is matched with the quote and handler after it, so an empty path (`@router.delete("")`) is found after the
    methods, not at the label's first backtick."""
    return label.replace(f" {path}` (`", f" {prefixed}` (`", 1)


OPTIONAL_MARK = "?"  # a ref of a parameter typed `X | None`: open unless its dependency is a project guard that denies
# Words of a dependency's name that say it lets anonymous callers through: `optional_current_user`, `maybe_user`.
OPTIONAL_WORDS = frozenset({"optional", "maybe", "anonymous", "anon"})


# A check of the caller's access to a resource (`requires_access_connection(method="DELETE")`, `has_access(obj)`,
# `check_access("package_update", ...)`): first words that test, then `access`, and no credential that only
# authenticates (`require_access_token`).
ACCESS_CHECK_VERBS = frozenset({"require", "requires", "check", "has", "can", "ensure", "verify"})
CREDENTIAL_WORDS = frozenset({"token", "tokens", "key", "keys", "jwt", "cookie"})


# Decorators that only hold the guards they list: DRF's `@permission_classes([IsAuthenticated])` restricts as much as
# the classes it lists, whatever its own name says.
GUARD_HOLDERS = frozenset({"permission_classes"})


def restricts(names: Iterable[str]) -> bool:
    """A guard or check name that restricts to some users: `admin_required`, `IsAdminUser`, `is_staff`,
    `requires_access_dag`."""
    return any(_restricting(fw.name_words(n)) for n in names if n and n not in AUTHENTICATION_ONLY | GUARD_HOLDERS)


def _restricting(words: list[str]) -> bool:
    found = set(words)
    return bool(found & ROLE_WORDS) or (
        "access" in found and words[0] in ACCESS_CHECK_VERBS and not found & CREDENTIAL_WORDS)


def open_by_name(ref: str) -> bool:
    """A dependency not defined in the checked files, taken as letting anyone in: its name says it is optional
    (`current_user_optional`, `get_user_or_none`), or it feeds a parameter typed `X | None` and its name is no guard's
    (`current_user: User | None = Depends(load_profile)`). A `get_current_user` seen only by name stays a guard."""
    name = ref.removeprefix(OPTIONAL_MARK).rpartition(".")[2]
    words = fw.name_words(name)
    if OPTIONAL_WORDS.intersection(words) or "".join(words).endswith("ornone"):
        return True
    return ref.startswith(OPTIONAL_MARK) and not fw.reads_as_guard(name)


# Segments of a route's path (or words of its blueprint's or router's name) that say it is for administrators or for
# the operators' own tools (`/admin/users/<id>/ban`, `APIRouter(prefix="/internal")`, `admin_bp`). Not `staff`: an app
# whose customers are organisations calls its users their staff (`Blueprint("staff", url_prefix="/staff")`).
ADMIN_PATH_WORDS = frozenset({"admin", "admins", "administrator", "administration", "superuser", "backoffice",
                              "internal", "sudo"})
# What a per-file rule holds a handler for (`Rule.report(..., held_for=...)`) when only the module that mounts its router
# can say that its path is an administrators' (`app.register_blueprint(bp, url_prefix="/admin")`): this mark, "signed"
# when its own file shows the login ("" when a guard elsewhere must), a colon, then the handler.
ADMIN_MOUNT_HOLD = "admin-mount:"


def admin_path(path: str) -> bool:
    """A route path with a segment for administrators (`/admin/users/<id>`); path parameters (`<admin_id>`) and longer
    words (`/badminton`) say nothing."""
    return any(ADMIN_PATH_WORDS.intersection(name_words(segment)) for segment in path.split("/")
               if segment[:1] not in ("<", "{"))
