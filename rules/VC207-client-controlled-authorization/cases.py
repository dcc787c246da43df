"""VC207 corpus: privilege decisions taken from request data, and server-side look-alikes."""
import hmac
import json
import os
from pathlib import Path
from typing import Annotated

import jwt
import strawberry
from django.contrib import admin
from django.http import HttpResponseForbidden
from fastapi import Depends, FastAPI, Header, HTTPException
from flask import Flask, abort, g, request, session
from flask.views import MethodView
from flask_login import current_user
from solo.admin import SingletonModelAdmin
from strawberry.types import Info

from .deps import DB, CurrentUser, Me, SessionDep, load_admin_settings, load_caller
from .models import Project, RoleOrderConfig, Team

app = Flask(__name__)
api = FastAPI()
ADMIN_TOKEN = os.environ["ADMIN_TOKEN"]
ALLOWED_ROLES = {"viewer", "editor"}
DATA_ROOT = Path(os.environ.get("DATA_ROOT", "/data"))


@app.get("/admin")
def query_flag():
    # expect: VC207
    if request.args.get("admin") == "true":
        return "admin panel"
    return "hello"


@app.post("/users/<int:user_id>/delete")
def role_header_variable(user_id):
    role = request.headers.get("X-User-Role", "user")
    current = role
    # expect: VC207
    if current == "admin":
        return "deleted"
    abort(403)


@app.get("/reports")
def cookie_flag():
    is_admin = request.cookies.get("is_admin") == "1"
    # expect: VC207
    if is_admin:
        return "all reports"
    return "own reports"


@app.post("/promote")
def json_body_role():
    data = request.get_json()
    # expect: VC207
    if data["role"] in ("admin", "owner"):
        return "promoted"
    return "no"


@app.get("/billing")
def elif_branch():
    if request.args.get("page"):
        return "paged"
    # expect: VC207
    elif request.values.get("is_staff"):
        return "staff view"
    return "view"


@api.delete("/items/{item_id}")
async def fastapi_header(item_id: int, x_role: str = Header(default="user")):
    # expect: VC207
    if x_role != "admin":
        return {"error": "forbidden"}
    return {"deleted": item_id}


@api.get("/stats")
async def fastapi_boolean_flag(is_admin: bool = False):
    # expect: VC207
    if is_admin:
        return {"all": True}
    return {}


def django_view(request):
    # expect: VC207
    if request.GET.get("superuser"):
        return "everything"
    return "something"


def roster_view(request, role):
    context = {"role": role, "query": request.GET.get("q", "")}
    context["page"] = request.GET.get("page", 1)
    # ok: VC207 -- the test reads the search text; the role stored beside it is not what it tests
    if context["query"]:
        context["empty"] = "no match"
    # ok: VC207 -- the same field read with get()
    if context.get("page") == 1:
        context["first"] = True
    # expect: VC207 -- the role itself, read back from the same mapping
    if context["role"] == "owner":
        return "owners' page"
    return context


@app.get("/orders")
def user_id_from_header():
    uid = request.headers["X-User-Id"]
    # expect: VC207
    if uid:
        return f"orders of {uid}"
    abort(401)


@app.get("/dashboard")
def conditional_expression():
    # expect: VC207
    view = "admin" if request.form.get("permissions") == "all" else "user"
    return view


@app.get("/server-side-role")
def server_side_role():
    # ok: VC207
    if current_user.role == "admin":
        return "admin panel"
    return "hello"


@app.get("/session-flag")
def session_flag():
    # ok: VC207
    if session.get("is_admin"):
        return "admin"
    return "user"


@app.get("/paging")
def unrelated_parameter():
    # ok: VC207
    if request.args.get("page", "1") == "2":
        return "second page"
    return "first page"


@app.post("/hook")
def shared_token_check():
    # ok: VC207
    if not hmac.compare_digest(request.headers.get("X-Admin-Token", ""), ADMIN_TOKEN):
        abort(401)
    return "ok"


@app.get("/auth-header")
def authorization_header_present():
    # ok: VC207
    if not request.headers.get("Authorization"):
        abort(401)
    return "ok"


@app.get("/profile/<int:user_id>")
def ownership_checked(user_id):
    # ok: VC207
    if user_id != current_user.id:
        abort(403)
    return "profile"


@app.post("/transfer")
def user_id_against_session():
    user_id = request.json["user_id"]
    # ok: VC207
    if user_id != session["user_id"]:
        abort(403)
    return "ok"


@app.post("/users/<int:user_id>/role")
def role_value_validated(user_id):
    new_role = request.form["role"]
    # ok: VC207
    if new_role not in ALLOWED_ROLES:
        abort(400)
    return "updated"


def django_server_user(request):
    # ok: VC207
    if request.user.is_staff:
        return "staff"
    return "user"


@app.get("/g-user")
def g_user_role():
    # ok: VC207
    if g.user and g.user["role"] == "admin":
        return "admin"
    return "user"


@api.get("/items")
def items_filtered_by_owner(user_id: str | None = None):
    # ok: VC207
    if user_id is None:
        return db.items()
    return db.items(owner=user_id)


@app.get("/my-orders")
def header_identity_presence():
    uid = request.headers.get("X-User-Id")
    # expect: VC207
    if uid is None:
        abort(401)
    return db.orders(uid)


@app.get("/promote")
def admin_flag_presence():
    # expect: VC207
    if request.args.get("admin") is not None:
        return "promoted"
    return "no"


def record_session_activity(request, user, session):
    # ok: VC207 -- `user` is a loaded user object, not a URL capture (a capture is a string)
    if user is None or not user.is_authenticated:
        return
    session.save()


def resend_verification(request, address):
    # ok: VC207 -- a model instance the server loaded
    if not address.user_id:
        return False
    # ok: VC207 -- a nested attribute of the same object
    if address.user.is_staff:
        return True
    return None


def django_capture_as_identity(request, user_id):
    # expect: VC207 -- a URL capture is what the client typed
    if user_id == "1":
        return HttpResponseForbidden()
    return None


def django_posted_role(request, account):
    role = request.POST.get("role")
    # expect: VC207 -- still request data, whatever else the view takes
    if role == "admin" and account.is_active:
        return "admin"
    return "user"


@api.post("/promote-body")
async def fastapi_body_model(body: PromoteRequest):
    # expect: VC207 -- a FastAPI body model is the client's JSON
    if body.is_admin:
        return {"promoted": True}
    return {}


def current_claims():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    return jwt.decode(token, options={"verify_signature": False})


def unverified_payload():
    payload = jwt.decode(request.cookies["session"], ADMIN_TOKEN, algorithms=["HS256"], verify=False)
    return payload


def verified_claims():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    return jwt.decode(token, ADMIN_TOKEN, algorithms=["HS256"])


@app.get("/reports/<int:report_id>")
def report_from_helper(report_id):
    # expect: VC207 -- the helper's claims were never verified
    if current_claims().get("is_admin"):
        return "report"
    abort(403)


@app.get("/audit")
def audit_through_variable():
    claims = unverified_payload()
    # expect: VC207
    if claims["role"] == "admin":
        return "audit"
    abort(403)


@app.get("/audit-inline")
def audit_inline():
    claims = jwt.get_unverified_claims(request.headers["Authorization"])
    # expect: VC207
    if "admin" in claims.get("roles", []):
        return "audit"
    abort(403)


@app.get("/audit-verified")
def audit_verified():
    claims = verified_claims()
    # ok: VC207 -- the signature was checked
    if claims.get("role") == "admin":
        return "audit"
    abort(403)


class ReportView(MethodView):
    def claims(self):
        return jwt.decode(request.headers["Authorization"], options={"verify_signature": False})

    def delete(self, report_id):
        # expect: VC207
        if self.claims()["role"] == "admin":
            return "deleted"
        abort(403)


AdminDeps = Annotated[dict, Depends(load_admin_settings)]
Caller = Annotated[dict, Depends(load_caller)]


@api.get("/projects/{project_id}")
def fastapi_session_alias(project_id: int, session: SessionDep, user: CurrentUser):
    project = session.get(Project, project_id)
    # ok: VC207 -- `SessionDep` is an injected session: the row comes from the database
    if project.owner_id != user["id"]:
        return {"error": "not found"}
    return project


@api.delete("/projects/{project_id}")
def fastapi_current_user_alias(project_id: int, user: CurrentUser):
    # ok: VC207 -- `CurrentUser` is the dependency that checked the token
    if user["role"] != "admin":
        return {"error": "forbidden"}
    return {"deleted": project_id}


@api.post("/projects/{project_id}/archive")
def fastapi_local_alias(project_id: int, caller: Caller, settings: AdminDeps):
    # ok: VC207 -- `Caller` is bound to a dependency in this module
    if caller["is_admin"] or settings["admin_override"]:
        return {"archived": project_id}
    return {"error": "forbidden"}


@api.post("/projects/{project_id}/publish")
def fastapi_query_flag(project_id: int, user: CurrentUser, is_admin: bool = False):
    # expect: VC207 -- beside the injected user, a query parameter the client sets
    if is_admin:
        return {"published": project_id}
    return {"error": "forbidden"}


@api.put("/users/{user_id}/profile")
def fastapi_owner_check(user_id: int, me: dict = Depends(load_caller)):
    # ok: VC207 -- compared with the caller a dependency loaded: the owner check itself
    if user_id != me["id"]:
        return {"error": "forbidden"}
    return {"updated": user_id}


@api.put("/users/{user_id}/email")
def fastapi_owner_check_alias(user_id: int, caller: Caller):
    # ok: VC207 -- the same through a dependency alias
    if caller["id"] != user_id:
        return {"error": "forbidden"}
    return {"updated": user_id}


@api.put("/users/{user_id}/role")
def fastapi_compared_with_client(user_id: int, owner_id: int):
    # expect: VC207 -- both sides come from the client
    if user_id != owner_id:
        return {"error": "forbidden"}
    return {"updated": user_id}


async def internal_caller(x_internal_caller: Annotated[str | None, Header()] = None) -> str:
    # expect: VC207 -- a dependency's header, compared with fixed names before a 403: any client can send the name
    if x_internal_caller not in {"scheduler", "reconciler"}:
        raise HTTPException(status_code=403)
    return x_internal_caller


@app.post("/internal/reindex")
def reindex():
    # expect: VC207
    if request.headers.get("X-Service") != "indexer":
        abort(403)
    return "ok"


@app.post("/internal/flush")
def flush():
    # ok: VC207 -- the browser sets Origin; refusing other origins is CSRF defence
    if request.headers.get("Origin") not in {"https://app.example.com"}:
        abort(403)
    return "ok"


@app.post("/internal/cache")
def cache_mode():
    # ok: VC207 -- a choice of mode, and the branch does not refuse the request
    if request.args.get("mode") == "full":
        return "full"
    return "partial"


@app.post("/internal/compare")
def compare_key():
    # ok: VC207 -- a credential compared with a secret is authentication (VC204 judges how it is compared)
    if request.headers.get("X-Service-Key") != os.environ["SERVICE_KEY"]:
        abort(401)
    return "ok"


@api.patch("/projects/{project_id}")
def patch_project(project_id: int, db: DB, me: Me):
    project = db.get(Project, project_id)
    # ok: VC207 -- `db` is the session a dependency hands over (an alias from another module), not client input
    if project is None or project.owner_id != me.id:
        raise HTTPException(status_code=404)
    return project


@api.get("/projects/by-cache")
def project_by_cache(cache: str):
    role = cache.partition(":")[0]
    # expect: VC207 -- a query parameter named `cache` is still the client's
    if role == "admin":
        return {"all": True}
    return {}


@api.get("/members/{user_id}")
def member_card(user_id: int):
    # ok: VC207 -- an id no record has is answered with 404: the test lets no caller in
    if user_id == 0:
        raise HTTPException(status_code=404, detail="No such member")
    # ok: VC207
    if user_id < 0:
        raise HTTPException(status_code=422)
    return {"id": user_id}


@api.delete("/members/{user_id}")
def remove_member(user_id: int):
    # expect: VC207 -- the id the client sends decides who may delete: a 403 for everyone but user 1
    if user_id != 1:
        raise HTTPException(status_code=403)
    return {"deleted": True}


@api.put("/items/{item_id}")
def update_only_plumbus(item_id: str):
    # ok: VC207 -- a path value compared before a 403 picks the object, it claims no identity
    if item_id != "plumbus":
        raise HTTPException(status_code=403)
    return {}


@app.post("/internal/stats")
def internal_stats():
    # ok: VC207 -- the client's address, which VC419 judges
    if request.headers.get("X-Real-IP") != "127.0.0.1":
        abort(403)
    return "ok"


def permission_denied(request):
    # ok: VC207 -- how the request was sent picks the form of the refusal: both answers refuse
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied
    return redirect("home")


@app.post("/internal/requeue")
def requeue():
    # expect: VC207 -- a caller's name the client can send
    if request.headers.get("X-Requested-By") != "scheduler":
        abort(403)
    return "ok"


@app.route("/assistant/config", methods=["PUT"])
def update_assistant_config():
    permissions = request.json.get("permissions")
    # ok: VC207 -- asking for full access only gets the request refused
    if isinstance(permissions, dict) and permissions.get("full_access"):
        raise HTTPException(status_code=403, detail="Full access can only be enabled by an admin.")
    # ok: VC207 -- a check of the value's shape
    if not isinstance(permissions, dict):
        abort(400)
    # expect: VC207 -- the claim's absence refuses, so sending it lets the client in
    if not permissions.get("full_access"):
        abort(403)
    # expect: VC207 -- present, it grants
    if permissions.get("full_access"):
        return "granted"
    return "ok"


@api.post("/users/{user_id}/update")
def update_user_as_admin(user_id: str, form_data: dict, admin: dict = Depends(get_admin_user)):
    # ok: VC207 -- only administrators reach the handler: the role in the form is an administrator's choice
    if form_data["role"] != "admin" and user_id == FIRST_USER_ID:
        raise HTTPException(status_code=403)
    return save_user(user_id, form_data)


@api.post("/users/{user_id}/role")
def update_role_with_settings(user_id: str, form_data: dict, settings: dict = Depends(load_admin_settings)):
    # expect: VC207 -- a dependency that loads settings lets anyone in
    if form_data["role"] != "admin":
        raise HTTPException(status_code=403)
    return save_user(user_id, form_data)


@api.post("/users")
def create_user(data: dict, caller: dict = Depends(load_caller)):
    # ok: VC207 -- asking for an administrative role gets the request refused unless the caller holds it
    if data["user_role"] in ["proxy_admin", "proxy_admin_view_only"] and caller["role"] != "proxy_admin":
        raise HTTPException(status_code=403)
    # ok: VC207 -- the same, against a role held in a constant
    if data["role"] == Roles.ADMIN and not PREMIUM:
        raise HTTPException(status_code=403)
    return save_user(None, data)


@api.post("/teams/{team_id}/members")
def add_member(team_id: str, data: dict):
    # expect: VC207 -- claiming to be a guest gets refused, claiming anything else lets the client in
    if data["role"] == "guest":
        raise HTTPException(status_code=403)
    return save_member(team_id, data)


@api.post("/teams/{team_id}/admins")
def add_team_admin(team_id: str, data: dict, caller: dict = Depends(load_caller)):
    # ok: VC207 -- asking for the admin role is refused (with a 400) unless the licence allows it
    if data["role"] == "admin" and not PREMIUM:
        raise HTTPException(status_code=400, detail="team admins are a premium feature")
    bulk_role = data.get("user_role")
    # ok: VC207 -- a missing role takes the default
    if bulk_role is None:
        bulk_role = "member"
    # ok: VC207 -- any role asked for is refused unless the caller is an administrator
    if bulk_role is not None and caller["role"] != "proxy_admin":
        raise HTTPException(status_code=403)
    return save_member(team_id, data)


@api.post("/teams/{team_id}/owners")
def add_team_owner(team_id: str, data: dict):
    # expect: VC207 -- whoever sends any `is_admin` value gets in
    if data.get("is_admin") is None:
        raise HTTPException(status_code=403)
    return save_member(team_id, data)


@api.get("/dags/{dag_id}/grid")
def grid_structure(dag_id: str, root: str | None = None, permissions: str = ""):
    dag = load_dag(dag_id)
    # ok: VC207 -- the root task the graph starts from, handed on: an input, not a claim
    if root:
        dag = dag.partial_subset(task_ids=root)
    # ok: VC207
    asked = json.loads(permissions) if permissions else {}
    # expect: VC207 -- the flag is only tested
    if root:
        grant_full_view(dag)
    return render_grid(dag, asked)


class IsAccountOwner:
    def has_permission(self, request, view):
        target_user_id = request.query_params.get("user_id")
        # ok: VC207 -- what the test lets through is compared with the signed-in user: an ownership check
        if target_user_id:
            return request.user.user_id == target_user_id
        return True


@app.post("/tokens")
def issue_token():
    user_id = request.form.get("user_id")
    # ok: VC207 -- a field the form must carry: its absence is refused, its value decides nothing here
    if not user_id:
        return {"error": "user_id is required"}, 400
    return sign_challenge(user_id, request.form["signature"])


@app.post("/verify")
def verify_account():
    uidb64 = request.args.get("uid")
    token = request.args.get("token")
    # ok: VC207 -- fields the link must carry: a missing one is refused, the token check below decides
    if not uidb64 or not token:
        return {"error": "Missing uid or token."}, 400
    return confirm_signed_link(uidb64, token)


@app.post("/verify-quick")
def verify_quick():
    uid = request.args.get("uid")
    # expect: VC207 -- only the token's absence is tested; the uid the client names lets it in
    if not request.args.get("token") or uid == "1":
        return "welcome"
    return "denied", 403


@app.post("/login-as")
def login_as():
    uid = request.args.get("uid")
    # expect: VC207 -- an identity the client names, handed on: no input of the handler's work
    if uid:
        session["user"] = load_user(uid)
    return "ok"


@admin.register(RoleOrderConfig)
class RoleOrderConfigAdmin(SingletonModelAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        payload_raw = request.POST.get("role_order_data") or ""
        # ok: VC207 -- a class of Django's admin site: only signed-in staff send the role order it saves
        if not payload_raw:
            return
        for item in json.loads(payload_raw):
            obj.set_role_order(item["role_id"], item["position"])


class TeamAdmin(admin.ModelAdmin):
    def changelist_view(self, request, extra_context=None):
        # ok: VC207 -- the admin's change list: staff choose the role to filter by
        if request.GET.get("role") == "owner":
            extra_context = {"owners_only": True}
        return super().changelist_view(request, extra_context)


admin.site.register(Team, TeamAdmin)


class TeamView:
    def post(self, request):
        # expect: VC207 -- a view of the site, outside the admin: anyone may send the role
        if request.POST.get("role") == "admin":
            return self.promote(request)
        return HttpResponseForbidden()


import grpc


class LedgerServicer:
    def ResetBalance(self, request, context):
        # expect: VC207 -- a field of the request message
        if not request.is_admin:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "admin only")
        reset(request.account_id)

    def Freeze(self, request, context):
        # ok: VC207 -- the caller's rights come from the server's own records
        if not admin_accounts.contains(caller_of(context)):
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "admin only")
        freeze(request.account_id)


from pyramid.httpexceptions import HTTPForbidden
from pyramid.view import view_config


@view_config(route_name="account_validate", request_method="POST")
def validate_account(request):
    user_id = request.matchdict["user_id"]
    activation_key = request.matchdict["activation_key"]
    # ok: VC207 -- the id is checked together with the key the client presents
    if not check_validation_key(activation_key, user_id, request.registry):
        raise HTTPForbidden()
    return {"validated": user_id}


@view_config(route_name="account_reset", request_method="POST")
def reset_account(request):
    user_id = request.matchdict["user_id"]
    # expect: VC207
    if not is_admin_account(user_id):
        raise HTTPForbidden()
    return {"reset": user_id}


def load_caller_with_preview_switch():
    # expect: VC207 -- the cookie alone makes the caller a fixed editor
    if request.cookies.get("preview") == "on":
        return {"id": 0, "username": "preview-editor"}
    return session.get("user")


async def resolve_user(x_debug_login: Annotated[str | None, Header()] = None):
    # expect: VC207 -- a header equal to text in the code hands out an account
    if x_debug_login == "letmein":
        return CurrentUser(id=1, name="admin")
    raise HTTPException(status_code=401)


def user_from_bearer(header_value: str):
    scheme, _, credential = request.headers.get("Authorization", "").partition(" ")
    # ok: VC207 -- the scheme picks how to verify; the user returned is the one the credential proves
    if scheme.lower() == "bearer":
        claims = jwt.decode(credential, os.environ["JWT_KEY"], algorithms=["HS256"])
        return {"id": claims["sub"], "username": claims["name"]}
    raise HTTPException(status_code=401)


def environment_banner():
    # ok: VC207 -- the block returns a description of the request, no identity
    if request.headers.get("X-Env") == "staging":
        return {"banner": "staging", "colour": "orange"}
    return {}


@view_config(route_name="clip_role", request_method="POST")
def assign_clip_role(request):
    role = request.json_body["role"]
    # ok: VC207 -- the test reads whether the clip took the role (an audio role of a video clip), not what it grants
    if not timeline.assign_role(request.matchdict["clip"], role):
        raise HTTPForbidden()
    return {"role": role}


@view_config(route_name="role_check", request_method="POST")
def check_role_then_act(request):
    role = request.json_body["role"]
    # expect: VC207 -- a test of the client's role, not of a change made with it
    if not has_role(role):
        raise HTTPForbidden()
    return {"role": role}


def moderator_required(view):
    def wrapper(*args, **kwargs):
        # expect: VC207 -- whoever adds `?as=moderator` passes
        if current_user.role != "moderator" and request.args.get("as") != "moderator":
            abort(403)
        return view(*args, **kwargs)

    return wrapper


@app.get("/guides/<guide>")
def guide_page(guide):
    # ok: VC207 -- the text names a page, not a role
    if guide != "admin-guide":
        abort(404)
    return render_guide(guide)


@app.get("/listing")
def listing():
    # ok: VC207 -- asking for the admin view only gets the request refused
    if request.args.get("view") == "admin" and not current_user.is_admin:
        abort(403)
    return render_listing()


@strawberry.type
class Query:
    @strawberry.field
    def audit_log(self, info: Info) -> list[str]:
        # expect: VC207 -- a resolver reaches the HTTP request through its resolve info
        if info.context.request.headers.get("X-Role") != "admin":
            raise PermissionError("admins only")
        return read_audit_log()

    @strawberry.field
    def usage(self, info: Info) -> list[str]:
        # ok: VC207 -- the role of the user the server signed in
        if info.context.user.role != "admin":
            raise PermissionError("admins only")
        return read_usage()


@api.post("/files/search")
def search_below(data: dict):
    root = (DATA_ROOT / data.get("root", "")).resolve()
    # ok: VC207 -- a containment check of the directory searched, not a privilege
    if not root.is_relative_to(DATA_ROOT):
        raise HTTPException(status_code=403, detail="outside the data directory")
    # ok: VC207
    if not os.path.isdir(root):
        raise HTTPException(status_code=403, detail="no such directory")
    # expect: VC207 -- the same value tested for itself before the refusal: a client's `root` claim
    if data.get("root") != "admin":
        raise HTTPException(status_code=403)
    return list_files(root)


# A function is walked for VC207 only if a test in it may name a claim: each shape below names one only in one way
# (a key in camel case, a refusal by an exception's name, a block handing out a fixed identity).
@app.get("/camel")
def camel_case_claim():
    # expect: VC207
    if request.args.get("isAdmin"):
        return "every panel"
    return "hello"


@view_config(route_name="internal_sync", request_method="POST")
def internal_sync(request):
    # expect: VC207 -- a caller's name any client can send, before a refusal
    if request.headers.get("X-Caller") != "cron":
        raise HTTPForbidden()
    return {"synced": True}


@app.get("/whoami")
def who_am_i():
    # expect: VC207 -- a debug header hands out a fixed identity
    if request.headers.get("X-Debug-Login") == "letmein":
        return {"id": 1, "name": "dev"}
    return current_identity()


@app.get("/search")
def search_page():
    # ok: VC207 -- a search term picks what to show, not who may see it
    if request.args.get("q") == "all":
        return "everything"
    return "some"


@app.get("/thread/<uri>")
def fetch_thread(uri):
    args = {"uri": uri}
    if request.args.get("parent") is not None:
        args["parent"] = int(request.args.get("parent"))
        root_id = args["parent"]
    else:
        root_id = None
    counts = reply_counts(uri)
    # ok: VC207 -- the root comment of a thread, not the superuser
    if root_id not in counts:
        counts[root_id] = 0
    # ok: VC207 -- the same, choosing what to count
    total = sum(counts.values()) if root_id is None else counts[root_id]
    return {"id": root_id, "total": total}


@app.get("/maintenance")
def maintenance():
    is_root = request.args.get("is_root")
    # expect: VC207 -- the client says it is root
    if is_root == "1":
        return run_maintenance()
    root_user = request.headers.get("X-Root-User")
    # expect: VC207
    if root_user:
        return run_maintenance()
    abort(403)


@app.get("/lockout")
def lockout_only_for_admin_pages():
    is_admin_request = request.path.startswith("/admin/")
    # ok: VC207 -- a request for the admin site's pages: which pages, as routing says, not who asks
    if not is_admin_request:
        return "not watched"
    admin_user = request.args.get("admin_user")
    # expect: VC207 -- the client names itself an administrator
    if admin_user:
        return run_maintenance()
    is_staff = request.headers.get("X-Staff")
    # expect: VC207
    if is_staff:
        return run_maintenance()
    abort(403)
