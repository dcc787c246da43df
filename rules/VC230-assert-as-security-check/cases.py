"""VC230 corpus: asserts that decide authorization or validate client input; ordinary asserts are fine."""
from django.core.exceptions import PermissionDenied
from flask import request


def delete_invoice(request, invoice):
    # expect: VC230
    assert request.user.is_staff, "staff only"
    invoice.delete()


def change_owner(request, obj):
    # expect: VC230
    assert request.user.has_perm("shop.change_order")
    obj.save()


def edit_order(request, order):
    # expect: VC230 -- an ownership test
    assert order.owner == request.user
    order.save()


def edit_comment(comment, current_user):
    # expect: VC230 -- the caller compared with the author's id
    assert comment.author_id == current_user.id, "not yours"
    comment.save()


def admin_panel(user):
    # expect: VC230 -- a project helper named as an authorization check
    assert can_access_admin(user)
    return render_panel()


def superuser_only(request):
    # expect: VC230
    assert request.user.is_superuser and request.method == "POST"
    return reset_everything()


def api_upload():
    # expect: VC230 -- input validation of the request body
    assert request.json.get("size", 0) < 10_000_000, "too big"
    return store(request.json)


def api_search():
    # expect: VC230 -- the query string
    assert "q" in request.args
    return search(request.args["q"])


def django_form(request):
    # expect: VC230
    assert request.POST.get("amount", "").isdigit()
    return charge(int(request.POST["amount"]))


def object_permission(self, request, view, obj):
    # expect: VC230
    assert self.has_object_permission(request, view, obj)
    return obj


def typed_argument(value):
    # ok: VC230 -- a type check of an argument: an API-misuse check
    assert isinstance(value, int), "value must be an int"
    return value * 2


def type_of_request(request):
    # ok: VC230 -- an isinstance check, even of the request
    assert isinstance(request.data, dict)
    return request.data


def invariant(items):
    # ok: VC230
    assert len(items) == len(set(items)), "duplicate items"
    return sorted(items)


def internal_state(self):
    # ok: VC230
    assert self._connection is not None, "call open() first"
    return self._connection.cursor()


def serializer_misuse(serializer):
    # ok: VC230 -- DRF's API-misuse style
    assert hasattr(serializer, "initial_data"), "call `.is_valid()` with `data=` first"
    return serializer.initial_data


def real_check(request):
    # ok: VC230 -- an `if` that raises is the fix
    if not request.user.is_staff:
        raise PermissionDenied
    # ok: VC230
    assert request.method in ("GET", "POST")
    return "ok"


def lambda_not_evaluated(rules):
    # ok: VC230 -- the lambda is not evaluated by the assert
    assert rules.get("check", lambda user: user.is_staff) is not None
    return rules


def user_present(request):
    # ok: VC230 -- the user object's presence, an invariant set by middleware
    assert request.user is not None
    return request.user


def require_role(user, role):
    # expect: VC230 -- a role test on the user object
    assert user.role == role, "forbidden"


def publish_report(claims, report):
    # expect: VC230 -- a role read from the token's claims
    assert claims["role"] in ("admin", "editor")
    # expect: VC230
    assert "reports:write" in claims.get("scopes", [])
    report.publish()


def make_role(name):
    role = Role(name)
    # ok: VC230 -- a bare local compared: an invariant, not a check of who the caller is
    assert role == name
    return role


class RequestWrapper:
    @property
    def session(self):
        # ok: VC230 -- the message says it checks the program's setup, not the caller
        assert "session" in self.scope, "SessionMiddleware must be installed to access request.session"
        return self.scope["session"]

    @property
    def scopes(self):
        # expect: VC230 -- the same test with a message about the caller's rights
        assert "read" in self.scope, "the token lacks the read scope"
        return self.scope["read"]


def next_url(request):
    # ok: VC230 -- tells the type checker the server set the URI
    assert request.uri is not None
    return request.uri


def search(request):
    # expect: VC230 -- judges what the client sent
    assert request.args.get("q") is not None
    return request.args["q"]
