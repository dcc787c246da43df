"""VC207 corpus: a predicate named for a privilege (`is_admin(request)`, `has_admin_role`) answers for its callers, so a
header it compares with a role lets in whoever sends it; one that reads what the server found about the caller does
not."""
from microdot import Microdot

app = Microdot()


def is_admin(request):
    # expect: VC207 -- the client names its own role
    return request.headers.get("X-Role") == "admin"


def has_staff_role(request):
    # expect: VC207 -- a role from the query string
    return request.args.get("role") in ("staff", "admin")


def is_admin_user(request):
    # ok: VC207 -- the role the server stored for the signed-in caller
    return request.g.current_user["role"] == "admin"


def is_json(request):
    # ok: VC207 -- no privilege in the name: a content check
    return request.headers.get("Content-Type") == "application/json"


def wants_admin_theme(request):
    # ok: VC207 -- not a predicate about the caller
    return request.args.get("theme") == "admin"
