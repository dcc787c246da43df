"""VC201 route-without-auth: one strict corpus per framework, options, precision on real apps; VC207 claims across modules."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPO_ROOT, RULES_DIR
from vibecheck.api import check_paths
from vibecheck.cli import cli
from vibecheck.config import Settings
from vibecheck.rule import BaseRule
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.auth.mass_assignment import MassAssignment
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.privilege_from_client import PrivilegeFromClient
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.auth.sensitive_read_without_auth import SensitiveReadWithoutAuth
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.testing import check_corpus, findings_for, parse_annotations, project_findings, sources_findings

CORPORA = RULES_DIR / "VC201-route-without-auth"
DJANGO_APP = REPO_ROOT / "tests" / "data" / "django_app"


@pytest.mark.parametrize("name", ["cases.py", "cases_fastapi.py", "cases_django.py", "cases_starlette.py", "cases_litestar.py",
                                  "cases_ninja.py", "cases_falcon.py", "cases_tornado_sanic.py", "cases_pyramid.py",
                                  "cases_graphql_chalice.py", "cases_bots.py", "cases_blacksheep_robyn.py",
                                  "cases_get_writes.py"])
def test_framework_corpus_is_reported_exactly(name: str) -> None:
    corpus = CORPORA / name
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC201")
    assert len(expected) >= 8 and len(ok) >= 8
    result = check_corpus(RouteWithoutAuth, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_fasthtml_corpus_is_reported_exactly() -> None:
    """FastHTML: a Beforeware guards its app's routes but those its `skip` patterns match whole."""
    corpus = CORPORA / "cases_fasthtml.py"
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC201")
    assert len(expected) >= 3 and len(ok) >= 5
    result = check_corpus(RouteWithoutAuth, corpus)
    assert not result.missed and not result.unexpected, result.describe()


FASTHTML_AUTH = """
from fasthtml.common import Beforeware, RedirectResponse


def needs_login(req, sess):
    if not sess.get("uid"):
        return RedirectResponse("/login", status_code=303)


def note_visit(req, sess):
    req.scope["seen"] = True


guard = Beforeware(needs_login, skip=["/login", r"/ops/.*"])
counter = Beforeware(note_visit)
"""
FASTHTML_MAIN = """
from fasthtml.common import RedirectResponse, fast_app

from .auth import {before}
from .db import jobs

app, rt = fast_app(before={before})


@rt("/jobs/{{jid}}/cancel")
def post(jid: int):
    jobs.update(id=jid, state="cancelled")
    return RedirectResponse("/", status_code=303)


@rt("/ops/jobs/{{jid}}/purge")
def post(jid: int):  # noqa: F811
    jobs.delete(jid)
    return RedirectResponse("/", status_code=303)
"""


@pytest.mark.parametrize(("before", "messages"), [
    ("guard", ["The route `POST /ops/jobs/{jid}/purge`"]),  # the skip list of the Beforeware another module builds
    ("counter", ["2 state-changing or administrative routes"]),  # a Beforeware that turns nobody away guards nothing
])
def test_a_fasthtml_beforeware_of_another_module_guards_the_paths_it_does_not_skip(before: str,
                                                                                  messages: list[str]) -> None:
    findings = sources_findings({"jobsite/__init__.py": "", "jobsite/auth.py": FASTHTML_AUTH,
                                 "jobsite/main.py": FASTHTML_MAIN.format(before=before)}, [RouteWithoutAuth])
    assert [f.message[:len(m)] for f, m in zip(findings, messages, strict=True)] == messages


def test_tornado_bot_corpus_is_reported_exactly() -> None:
    """Tornado handlers fed a chat platform's updates: a Telegram secret compared, a Bolt app's dispatch."""
    corpus = CORPORA / "cases_bots_tornado.py"
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC201")
    assert len(expected) >= 3 and len(ok) >= 2
    result = check_corpus(RouteWithoutAuth, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_azure_functions_corpus_is_reported_exactly() -> None:
    corpus = CORPORA / "cases_azure.py"
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC201")
    assert len(expected) >= 3 and len(ok) >= 4
    result = check_corpus(RouteWithoutAuth, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_an_azure_functions_app_asks_for_a_function_key_by_default() -> None:
    """`func.FunctionApp()` and a blueprint default to `AuthLevel.FUNCTION`: only a route opened with `ANONYMOUS` is
    reported."""
    findings = findings_for(RouteWithoutAuth, """
        import azure.functions as func

        app = func.FunctionApp()

        @app.route(route="orders", methods=["POST"])
        def create_order(req):
            return func.HttpResponse(status_code=201)

        @app.route(route="admin/purge", methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
        def purge(req):
            return func.HttpResponse("purged")
    """)
    assert [f.location.start.line for f in findings] == [10]


def test_guard_above_the_route_decorator_gets_its_own_message() -> None:
    findings = findings_for(RouteWithoutAuth, """
        from flask import Flask
        from flask_login import login_required
        app = Flask(__name__)

        @login_required
        @app.post("/notes")
        def add_note():
            return save()
    """)
    assert len(findings) == 1
    assert "`@login_required`" in findings[0].message and "never runs" in findings[0].message


def test_django_ninja_router_auth_guards_its_routes() -> None:
    findings = findings_for(RouteWithoutAuth, """
        from ninja import NinjaAPI, Router
        from .auth import BearerTokenAuth

        actions = Router(auth=BearerTokenAuth())
        open_actions = Router()
        unguarded = Router(auth=None)
        api = NinjaAPI(auth=BearerTokenAuth())

        @actions.post("/snippets/{pk}/publish/")
        def publish(request, pk: str):
            return do_publish(pk)

        @api.delete("/snippets/{pk}/")
        def delete(request, pk: str):
            return do_delete(pk)

        @open_actions.post("/snippets/{pk}/revert/")
        def revert(request, pk: str):
            return do_revert(pk)

        @unguarded.post("/snippets/{pk}/copy/")
        def copy(request, pk: str):
            return do_copy(pk)

        @actions.post("/snippets/{pk}/unpublish/", auth=[BearerTokenAuth(), AllowAnonymous()])
        def unpublish(request, pk: str):
            return do_unpublish(pk)

        @open_actions.post("/snippets/{pk}/lock/", auth=BearerTokenAuth())
        def lock(request, pk: str):
            return do_lock(pk)
    """)
    # `Router()`, `Router(auth=None)`, and a route whose own `auth=` lets anonymous callers in
    assert sorted(f.location.start.line for f in findings) == [18, 22, 26]


ROUTE = """
    from fastapi import FastAPI
    app = FastAPI()

    @app.post("/jobs")
    @{decorator}
    def start_job():
        return run()
"""


def test_custom_guard_and_public_decorators_come_from_options() -> None:
    source = ROUTE.format(decorator="team_member")
    assert len(findings_for(RouteWithoutAuth, source)) == 1
    guard = RouteWithoutAuth.parse_options({"extend-guard-decorators": ["team_member"]})
    assert findings_for(RouteWithoutAuth, source, options=guard) == []
    public = RouteWithoutAuth.parse_options({"extend-public-decorators": ["team_member"]})
    assert findings_for(RouteWithoutAuth, source, options=public) == []


def test_auth_sounding_decorator_is_a_guard_unless_guessing_is_off() -> None:
    source = ROUTE.format(decorator="api_key_required")
    assert findings_for(RouteWithoutAuth, source) == []
    strict = RouteWithoutAuth.parse_options({"guess-guards-from-names": False})
    assert len(findings_for(RouteWithoutAuth, source, options=strict)) == 1


def test_public_paths_option_replaces_the_defaults() -> None:
    source = """
        from flask import Flask
        app = Flask(__name__)

        @app.post("/login")
        def login():
            return check()
    """
    assert findings_for(RouteWithoutAuth, source) == []
    options = RouteWithoutAuth.parse_options({"public-paths": ["health"]})
    assert len(findings_for(RouteWithoutAuth, source, options=options)) == 1


def test_drf_views_without_permission_classes_follow_the_setting() -> None:
    source = """
        from rest_framework.views import APIView

        class Publish(APIView):
            def post(self, request):
                return publish()
    """
    assert findings_for(RouteWithoutAuth, source) == []
    options = RouteWithoutAuth.parse_options({"drf-default-is-open": True})
    assert len(findings_for(RouteWithoutAuth, source, options=options)) == 1


def test_blueprint_hook_guards_only_its_blueprint() -> None:
    findings = findings_for(RouteWithoutAuth, """
        from flask import Blueprint, abort, g
        admin = Blueprint("admin", __name__)
        shop = Blueprint("shop", __name__)

        @admin.before_request
        def staff_only():
            if not g.user.is_staff:
                abort(403)

        @admin.post("/refund")
        def refund():
            return do_refund()

        @shop.post("/cart")
        def add_to_cart():
            return add()
    """)
    assert [f.message.split("`")[3] for f in findings] == ["add_to_cart"]


def test_hook_that_only_loads_the_user_is_not_a_guard() -> None:
    findings = findings_for(RouteWithoutAuth, """
        from flask import Blueprint, g, session
        bp = Blueprint("blog", __name__)

        @bp.before_app_request
        def load_user():
            g.user = session.get("user_id")

        @bp.post("/create")
        def create():
            return save()
    """)
    assert len(findings) == 1


def test_routes_in_test_files_are_fixtures() -> None:
    source = (CORPORA / "cases.py").read_text(encoding="utf-8")
    assert findings_for(RouteWithoutAuth, source, path="tests/test_app.py") == []


BENCHMARKED_ROUTER = """
    from starlette.routing import Route, Router

    async def endpoint(request):
        return PlainTextResponse("ok")

    ROUTER = Router(routes=[Route("/items", endpoint, methods=["GET", "POST"]),
                            Route("/items/{id:int}", endpoint, methods=["GET", "PUT", "DELETE"])])
"""


@pytest.mark.parametrize(("path", "reported"), [
    ("app/routing.py", True),
    ("benchmark_app/routing.py", True),  # only the folder's own name marks a benchmark
    ("benchmarks/routing_benchmark.py", False),
    ("src/pkg/bench/app.py", False),
])
def test_routers_in_benchmark_folders_are_workloads(tmp_path: Path, path: str, reported: bool) -> None:
    _write_project(tmp_path, {path: BENCHMARKED_ROUTER})
    assert bool(project_findings(tmp_path, [RouteWithoutAuth])) is reported


def _findings_in(root: Path) -> list[tuple[str, str]]:
    return [(Path(f.location.path).name, f.message.split("`")[1]) for f in project_findings(root, [RouteWithoutAuth])]


def test_django_app_findings_are_the_known_ones() -> None:
    # report_note is deliberately anonymous; moderate is wrapped in `staff_member_required` in urls.py.
    assert _findings_in(DJANGO_APP) == [("views.py", "report_note")]


WRAPPING_DECORATORS = {
    "app/__init__.py": "",
    "app/usermanagement.py": """
        from functools import wraps

        from flask import g, request
        from flask_login import login_required

        from .config import config, load_user_from_header

        def user_login_required(func):
            @wraps(func)
            def decorated_view(*args, **kwargs):
                if config.allow_header_login:
                    user = load_user_from_header(request)
                    if user:
                        g.user = user
                        return func(*args, **kwargs)
                return login_required(func)(*args, **kwargs)
            return decorated_view

        def user_loaded(func):
            @wraps(func)
            def decorated_view(*args, **kwargs):
                g.user = load_user_from_header(request)
                return cache_control(func)(*args, **kwargs)
            return decorated_view
    """,
    "app/web.py": """
        from flask import Blueprint, request

        from .usermanagement import user_loaded, user_login_required

        web = Blueprint("web", __name__)

        @web.route("/books/<int:book_id>/read", methods=["POST"])
        @user_login_required
        def toggle_read(book_id):
            return db.toggle(book_id, request.form["read"])

        @web.route("/books/<int:book_id>/archived", methods=["POST"])
        @user_loaded
        def toggle_archived(book_id):
            return db.archive(book_id, request.form["archived"])
    """,
}


def test_a_decorator_that_hands_the_view_to_login_required_guards_it(tmp_path: Path) -> None:
    """Calibre-Web's `user_login_required` returns `login_required(func)(*args, **kwargs)` after trying a proxy's
    header: the view runs behind Flask-Login's guard. A wrapper that only loads the user and wraps the view in a cache
    decorator guards nothing."""
    _write_project(tmp_path, WRAPPING_DECORATORS)
    assert _findings_in(tmp_path) == [("web.py", "POST /books/<int:book_id>/archived")]


MODEL_METHODS_ELSEWHERE = {
    "notices/models.py": """
        from django.db import models

        class Notification(models.Model):
            unread = models.BooleanField(default=True)
            hits = models.IntegerField(default=0)

            def mark_as_read(self):
                self.unread = False
                self.save()

            def seen(self):
                self.hits += 1
                self.save(update_fields=["hits"])
    """,
    "notices/views.py": """
        from django.shortcuts import get_object_or_404, redirect

        from .models import Notification

        def mark_read(request, pk):
            notification = get_object_or_404(Notification, pk=pk)
            notification.mark_as_read()
            return redirect("notices")

        def open_notice(request, pk):
            notification = get_object_or_404(Notification, pk=pk)
            notification.seen()
            notification.refresh_from_db()
            return redirect(notification.url)
    """,
    "notices/urls.py": """
        from django.urls import path

        from . import views

        urlpatterns = [path("<int:pk>/read/", views.mark_read), path("<int:pk>/", views.open_notice)]
    """,
}


def test_a_model_method_of_another_module_that_saves_makes_its_view_change_state(tmp_path: Path) -> None:
    """`notification.mark_as_read()` saves the record in `models.py`: the view that calls it on a GET writes. A method
    that only bumps a counter, or one the project does not define, does not."""
    _write_project(tmp_path, MODEL_METHODS_ELSEWHERE)
    assert _findings_in(tmp_path) == [("views.py", "mark_read")]


TUTORIAL_STYLE_APP = {
    "__init__.py": """
        from flask import Flask

        def create_app():
            app = Flask(__name__)
            from . import auth, blog
            app.register_blueprint(auth.bp)
            app.register_blueprint(blog.bp)
            return app
    """,
    "auth.py": """
        import functools
        from flask import Blueprint, g, redirect, request, session, url_for

        bp = Blueprint("auth", __name__, url_prefix="/auth")

        def login_required(view):
            @functools.wraps(view)
            def wrapped_view(**kwargs):
                if g.user is None:
                    return redirect(url_for("auth.login"))
                return view(**kwargs)
            return wrapped_view

        @bp.before_app_request
        def load_logged_in_user():
            g.user = session.get("user_id")

        @bp.route("/register", methods=("GET", "POST"))
        def register():
            return create_account(request.form["username"], request.form["password"])

        @bp.route("/login", methods=("GET", "POST"))
        def login():
            return check_password(request.form["username"], request.form["password"])

        @bp.route("/logout")
        def logout():
            session.clear()
            return redirect("/")
    """,
    "blog.py": """
        from flask import Blueprint, g, request
        from .auth import login_required

        bp = Blueprint("blog", __name__)

        @bp.route("/")
        def index():
            return list_posts()

        @bp.route("/create", methods=("GET", "POST"))
        @login_required
        def create():
            return add_post(request.form["title"], g.user)

        @bp.route("/<int:id>/update", methods=("GET", "POST"))
        @login_required
        def update(id):
            return edit_post(id, request.form["title"], g.user)

        @bp.route("/<int:id>/delete", methods=("POST",))
        @login_required
        def delete(id):
            return remove_post(id, g.user)
    """,
}


def test_a_tutorial_style_flask_app_with_its_own_login_decorator_has_no_findings(tmp_path: Path) -> None:
    """Flask's tutorial pattern: a project-defined `login_required` in one module guards routes in another."""
    package = tmp_path / "blogapp"
    package.mkdir()
    for name, source in TUTORIAL_STYLE_APP.items():
        (package / name).write_text(textwrap.dedent(source), encoding="utf-8")
    assert _findings_in(tmp_path) == []
    unguarded = TUTORIAL_STYLE_APP["blog.py"].replace("@login_required\n        def delete", "def delete")
    (package / "blog.py").write_text(textwrap.dedent(unguarded), encoding="utf-8")
    [(path, route)] = _findings_in(tmp_path)
    assert path == "blog.py" and "delete" in route


MIDDLEWARE_APP = """
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse
    app = FastAPI()

    @app.middleware("http")
    async def middleware(request: Request, call_next):
        {check}
        return await call_next(request)

    @app.post("/items")
    def create_item(item: dict):
        return save(item)
"""


def test_http_middleware_guards_the_app_only_when_it_denies() -> None:
    denying = MIDDLEWARE_APP.format(check='if "authorization" not in request.headers:\n'
                                          '            return JSONResponse({"detail": "no"}, status_code=401)')
    assert findings_for(RouteWithoutAuth, denying) == []
    timing = MIDDLEWARE_APP.format(check="request.state.started = now()")
    assert len(findings_for(RouteWithoutAuth, timing)) == 1
    recording = MIDDLEWARE_APP.format(check="request.state.signed_in = request.user.is_authenticated")
    assert len(findings_for(RouteWithoutAuth, recording)) == 1
    verifying = MIDDLEWARE_APP.format(check='request.state.claims = verify_token(request.headers["authorization"])')
    assert findings_for(RouteWithoutAuth, verifying) == []


AIOHTTP_MIDDLEWARE_APP = """
    import hmac

    from aiohttp import web

    routes = web.RouteTableDef()

    @web.middleware
    async def token_middleware(request, handler):
        {check}
        return await handler(request)

    @routes.post("/assets/rebuild")
    async def rebuild(request):
        return web.json_response(await start_rebuild())

    app = web.Application(middlewares=[token_middleware])
    app.add_routes(routes)
"""


def test_an_aiohttp_middleware_of_the_module_guards_only_when_it_can_deny() -> None:
    """An auth-named middleware function defined beside the app is judged by its body: recording the verdict of a
    token check on the request turns nobody away."""
    denying = AIOHTTP_MIDDLEWARE_APP.format(
        check='if not hmac.compare_digest(request.headers.get("X-Token", ""), TOKEN):\n'
              '            raise web.HTTPUnauthorized()')
    assert findings_for(RouteWithoutAuth, denying) == []
    recording = AIOHTTP_MIDDLEWARE_APP.format(
        check='request["token_ok"] = hmac.compare_digest(request.headers.get("X-Token", ""), TOKEN)')
    assert len(findings_for(RouteWithoutAuth, recording)) == 1


def test_add_middleware_with_an_auth_class_guards_the_app() -> None:
    source = """
        from fastapi import FastAPI
        from starlette.middleware.authentication import AuthenticationMiddleware
        app = FastAPI()
        app.add_middleware({cls})

        @app.delete("/items/{{item_id}}")
        def delete_item(item_id: int):
            return remove(item_id)
    """
    assert findings_for(RouteWithoutAuth, source.format(cls="ApiKeyAuthMiddleware")) == []
    assert len(findings_for(RouteWithoutAuth, source.format(cls="AuthenticationMiddleware, backend=TokenBackend()"))) == 1


def test_starlette_middleware_list_with_an_auth_class_guards_the_app() -> None:
    source = """
        from starlette.applications import Starlette
        from starlette.middleware import Middleware
        from starlette.middleware.authentication import AuthenticationMiddleware
        from starlette.routing import Route

        async def delete_item(request):
            return remove(request.path_params["item_id"])

        app = Starlette(routes=[Route("/items/{{item_id}}", delete_item, methods=["DELETE"])],
                        middleware=[Middleware({cls})])
    """
    assert findings_for(RouteWithoutAuth, source.format(cls="ApiKeyAuthMiddleware")) == []
    assert len(findings_for(RouteWithoutAuth, source.format(cls="AuthenticationMiddleware, backend=TokenBackend()"))) == 1


def _write_project(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")


DRF_VIEWS = """
    from rest_framework import viewsets
    from rest_framework.permissions import IsAuthenticated
    from rest_framework.views import APIView

    class OrderCreate(APIView):
        def post(self, request):
            return create(request.data)

    class OrderCancel(APIView):
        permission_classes = [IsAuthenticated]

        def post(self, request, pk):
            return cancel(pk, request.user)

    class OrderViewSet(viewsets.ModelViewSet):
        queryset = Order.objects.all()
"""


@pytest.mark.parametrize(("settings", "reported"), [
    ('REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"]}', 2),
    ('INSTALLED_APPS = ["django.contrib.auth", "rest_framework"]', 2),  # DRF's own default: AllowAny
    ('THIRD_PARTY_APPS = ["rest_framework"]\nINSTALLED_APPS = [*THIRD_PARTY_APPS]', 2),
    ('REST_FRAMEWORK = dict(DEFAULT_PERMISSION_CLASSES=("rest_framework.permissions.AllowAny",))', 2),
    ('REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ("rest_framework.permissions.IsAuthenticated",)}', 0),
    ('REST_FRAMEWORK = {}\nREST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"] = ["rest_framework.permissions.IsAdminUser"]', 0),
    ('INSTALLED_APPS = ["rest_framework"]\nREST_FRAMEWORK = {**BASE_REST_FRAMEWORK, "PAGE_SIZE": 20}', 0),  # unknown
    ('DEBUG = False', 0),  # no DRF settings checked: `drf-default-is-open` decides
])
def test_drf_views_follow_the_checked_settings(tmp_path: Path, settings: str, reported: int) -> None:
    _write_project(tmp_path, {"shop/settings.py": settings + "\n", "shop/views.py": DRF_VIEWS})
    assert [route for _, route in _findings_in(tmp_path)] == ["OrderCreate.post", "OrderViewSet"][:reported]


STARLETTE_APP = {
    "app/__init__.py": "",
    "app/handlers.py": """
        from starlette.responses import JSONResponse

        async def delete_item(request):
            return remove(request.path_params["item_id"])

        async def update_item(request):
            if not request.user.is_authenticated:
                return JSONResponse({"detail": "login required"}, status_code=401)
            return save(request.path_params["item_id"])
    """,
    "app/admin.py": """
        from starlette.routing import Route

        async def list_users(request):
            return everyone()

        routes = [Route("/users", list_users)]
    """,
    "app/main.py": """
        from fastapi import APIRouter, Depends
        from starlette.applications import Starlette
        from starlette.routing import Mount, Route
        from external_pkg.views import vendor_purge

        from . import admin, handlers
        from .handlers import update_item

        app = Starlette(routes=[
            Route("/items/{item_id}", handlers.delete_item, methods=["DELETE"]),
            Route("/items/{item_id}", update_item, methods=["PUT"]),
            Route("/vendor/purge", vendor_purge, methods=["POST"]),
            Mount("/admin", routes=admin.routes),
        ])
        router = APIRouter()
        router.add_api_route("/items/{item_id}/archive", handlers.delete_item, methods=["POST"],
                             dependencies=[Depends(require_staff)])
    """,
}


def test_starlette_endpoints_and_route_lists_from_other_modules(tmp_path: Path) -> None:
    """The handler's own check counts where it is defined; a list mounted elsewhere gets the mount's prefix; a
    handler from outside the checked project is not judged."""
    _write_project(tmp_path, STARLETTE_APP)
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert sorted((Path(f.location.path).name, f.message.split("`")[1]) for f in findings) == [
        ("admin.py", "GET /admin/users"), ("main.py", "DELETE /items/{item_id}")]


NINJA_APP = {
    "shop/__init__.py": "",
    "shop/api.py": """
        from ninja import NinjaAPI
        from ninja.security import django_auth

        from . import orders, reviews

        api = NinjaAPI(auth=django_auth)
        public = NinjaAPI(urls_namespace="public")
        api.add_router("/orders", orders.router)
        public.add_router("/reviews", reviews.router)
    """,
    "shop/orders.py": """
        from ninja import Router

        router = Router()

        @router.post("/{order_id}/cancel")
        def cancel(request, order_id: int):
            Order.objects.filter(id=order_id, owner=request.user).update(status="cancelled")

        @router.post("/{order_id}/refund", auth=None)
        def refund(request, order_id: int):
            Order.objects.filter(id=order_id).update(status="refunded")
    """,
    "shop/reviews.py": """
        from ninja import Router

        router = Router()

        @router.delete("/{review_id}")
        def delete_review(request, review_id: int):
            Review.objects.filter(id=review_id).delete()
    """,
}


def test_ninja_routers_take_the_auth_of_the_api_that_adds_them(tmp_path: Path) -> None:
    """`api.add_router(...)` on a `NinjaAPI(auth=...)` guards a router of another module, but for a route's own
    `auth=None`; a router added to an API without auth stays open."""
    _write_project(tmp_path, NINJA_APP)
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert sorted((Path(f.location.path).name, f.message.split("`")[1]) for f in findings) == [
        ("orders.py", "POST /{order_id}/refund"), ("reviews.py", "DELETE /{review_id}")]


def test_a_view_registered_elsewhere_keeps_the_guard_of_its_own_module(tmp_path: Path) -> None:
    _write_project(tmp_path, {
        "site/__init__.py": "",
        "site/views.py": """
            from flask_login import login_required
            from .auth import team_only

            @login_required
            def delete_note(note_id):
                return remove(note_id)

            @team_only
            def archive_note(note_id):
                return archive(note_id)

            def publish_note(note_id):
                return publish(note_id)

            def _pin_note(note_id):
                return pin(note_id)

            pin_note = login_required(_pin_note)
        """,
        "site/auth.py": """
            import functools
            from flask import abort, g

            def team_only(view):
                @functools.wraps(view)
                def wrapped(**kwargs):
                    if g.user is None or not g.user.in_team:
                        abort(403)
                    return view(**kwargs)
                return wrapped
        """,
        "site/app.py": """
            from flask import Flask
            from . import views

            app = Flask(__name__)
            app.add_url_rule("/notes/<int:note_id>", view_func=views.delete_note, methods=["DELETE"])
            app.add_url_rule("/notes/<int:note_id>/archive", view_func=views.archive_note, methods=["POST"])
            app.add_url_rule("/notes/<int:note_id>/publish", view_func=views.publish_note, methods=["POST"])
            app.add_url_rule("/notes/<int:note_id>/pin", view_func=views.pin_note, methods=["POST"])
        """,
    })
    assert [route for _, route in _findings_in(tmp_path)] == ["POST /notes/<int:note_id>/publish"]


def test_a_webhook_signature_checked_by_a_helper_of_another_module(tmp_path: Path) -> None:
    _write_project(tmp_path, {
        "hooks/__init__.py": "",
        "hooks/security.py": """
            import hashlib
            import hmac
            import json

            def is_authentic(body, given):
                return hmac.compare_digest(hmac.new(SECRET, body, hashlib.sha256).hexdigest(), given)

            def parse_event(body):
                return json.loads(body)
        """,
        "hooks/main.py": """
            from fastapi import FastAPI, Request, Response
            from .security import is_authentic, parse_event

            app = FastAPI()

            @app.post("/webhooks/github")
            async def github_webhook(request: Request):
                body = await request.body()
                if not is_authentic(body, request.headers.get(HEADER, "")):
                    return Response(status_code=400)
                return handle(parse_event(body))

            @app.post("/webhooks/gitlab")
            async def gitlab_webhook(request: Request):
                body = await request.body()
                return handle(parse_event(body))
        """,
    })
    assert [route for _, route in _findings_in(tmp_path)] == ["POST /webhooks/gitlab"]


def test_a_post_that_only_renders_an_answer_changes_nothing(tmp_path: Path) -> None:
    """django-two-factor-auth's Twilio `post` renders the TwiML a voice call reads out: every call it makes (through the
    methods of its class, and a project function proven inert) renders, translates or reads the request. A POST that
    calls a project function that writes, one of a module not checked, a library's, or stores in the session acts.
    VC219 does not take the answer-only POST for a read of what its path names: it reads nothing stored."""
    _write_project(tmp_path, {
        "calls/__init__.py": "",
        "calls/gateway.py": """
            from django.utils import translation
            from django.utils.translation import pgettext

            def validate_voice_locale(locale):
                with translation.override(locale):
                    if pgettext("voice", "en") not in VOICES:
                        raise NotImplementedError(locale)

            def log_call(number):
                CallLog.objects.create(number=number)
        """,
        "calls/views.py": """
            from django.contrib.sites.shortcuts import get_current_site
            from django.template.response import TemplateResponse
            from django.utils import translation
            from django.views.generic import View
            from twilio.rest import Client

            from .gateway import log_call, validate_voice_locale
            from .other import remember

            class AccountCallApp(View):
                def post(self, request, token):
                    return self.create_response(request, "token.xml")

                def create_response(self, request, template):
                    with translation.override(self.get_locale()):
                        context = {"site": get_current_site(self.request).name, "token": list(str(self.kwargs["token"]))}
                        return TemplateResponse(request, template, context, content_type="text/xml")

                def get_locale(self):
                    locale = self.request.GET.get("locale", "")
                    validate_voice_locale(locale)
                    return locale

            class LoggedCall(View):
                def post(self, request, token):
                    log_call(request.POST.get("number"))
                    return TemplateResponse(request, "token.xml", {})

            class RememberedCall(View):
                def post(self, request, token):
                    remember(token)
                    return TemplateResponse(request, "token.xml", {})

            class SessionCall(View):
                def post(self, request, token):
                    request.session["token"] = token
                    return TemplateResponse(request, "token.xml", {})

            class DialingCall(View):
                def post(self, request, token):
                    Client().calls.create(to=request.POST.get("to"))
                    return TemplateResponse(request, "token.xml", {})
        """,
        "calls/urls.py": """
            from django.urls import path
            from . import auth, views

            urlpatterns = [
                path("profile/", auth.profile),
                path("accounts/call/<token>/", views.AccountCallApp.as_view()),
                path("logged/<token>/", views.LoggedCall.as_view()),
                path("remembered/<token>/", views.RememberedCall.as_view()),
                path("session/<token>/", views.SessionCall.as_view()),
                path("dialing/<token>/", views.DialingCall.as_view()),
            ]
        """,
        "calls/auth.py": """
            from django.contrib.auth.decorators import login_required

            @login_required
            def profile(request):
                return None
        """,
    })
    assert sorted(route for _, route in _findings_in(tmp_path)) == [
        "DialingCall.post", "LoggedCall.post", "RememberedCall.post", "SessionCall.post"]
    assert project_findings(tmp_path, [SensitiveReadWithoutAuth]) == []  # it renders nothing stored of `accounts`


def test_a_verifying_adapter_built_in_another_module_checks_the_routes_that_hand_it_the_request(tmp_path: Path) -> None:
    """chainlit builds `slack_app_handler = AsyncSlackRequestHandler(slack_app)` in its Slack module and its server's
    `/slack/events` hands the request to `slack_app_handler.handle(req)`: Bolt checks the signing secret. So does svix's
    `Webhook(secret).verify(...)` built elsewhere; an object of the project's own class, or a method that does not
    verify (`slack_app.client`), checks nothing."""
    _write_project(tmp_path, {
        "bot/__init__.py": "",
        "bot/slack.py": """
            from slack_bolt.adapter.fastapi.async_handler import AsyncSlackRequestHandler as Handler
            from slack_bolt.async_app import AsyncApp
            from svix.webhooks import Webhook

            slack_app = AsyncApp(signing_secret=SECRET)
            slack_app_handler = Handler(slack_app)
            billing_hook = Webhook(BILLING_SECRET)
            relay = Relay(slack_app)
        """,
        "bot/server.py": """
            from fastapi import APIRouter, FastAPI, Request
            from bot.slack import billing_hook, relay, slack_app, slack_app_handler

            app = FastAPI()
            router = APIRouter()

            @router.post("/slack/events")
            async def slack_endpoint(req: Request):
                return await slack_app_handler.handle(req)

            @app.post("/slack/dispatch")
            async def slack_dispatch(req: Request):
                return await slack_app.async_dispatch(await req.json())

            @app.post("/billing/events")
            async def billing_events(req: Request):
                event = billing_hook.verify(await req.body(), req.headers)
                return store(event)

            @app.post("/slack/relay")
            async def slack_relay(req: Request):
                return await relay.handle(req)

            @app.post("/slack/post")
            async def slack_post(req: Request):
                return await slack_app.client.chat_postMessage(**(await req.json()))

            app.include_router(router)
        """,
    })
    assert sorted(route for _, route in _findings_in(tmp_path)) == ["POST /slack/post", "POST /slack/relay"]


def test_a_check_of_the_caller_in_a_service_of_another_module_guards_the_handler_that_calls_it(tmp_path: Path) -> None:
    """fastadmin's handlers hand the session cookie to `api_service.add(...)`, whose method raises 401 when the
    session names nobody; a method or function that only stores, or refuses for another reason (404), guards nothing."""
    _write_project(tmp_path, {
        "admin/__init__.py": "",
        "admin/service.py": """
            class NotAllowed(Exception):
                pass

            def user_of(session_id):
                return SESSIONS.get(session_id)

            def require_user(session_id):
                if not user_of(session_id):
                    raise NotAllowed(401, "User is not authenticated.")

            class ApiService:
                def add(self, session_id, model, payload):
                    if not user_of(session_id):
                        raise NotAllowed(401, "User is not authenticated.")
                    return MODELS[model].create(**payload)

                def archive(self, model, object_id):
                    if model not in MODELS:
                        raise NotAllowed(404, "No such model.")
                    return MODELS[model].archive(object_id)

                def import_rows(self, model, rows):
                    return MODELS[model].bulk_create(rows)
        """,
        "admin/api.py": """
            from flask import Blueprint, request

            from admin import service
            from admin.service import ApiService, require_user

            router = Blueprint("api", __name__, url_prefix="/api")
            api_service = ApiService()

            @router.post("/add/<model>")
            def add(model):
                return api_service.add(request.cookies.get("session"), model, request.json)

            @router.post("/archive/<model>/<int:object_id>")
            def archive(model, object_id):
                return api_service.archive(model, object_id)

            @router.post("/import/<model>")
            def import_rows(model):
                return api_service.import_rows(model, request.json)

            @router.post("/purge/<model>")
            def purge(model):
                service.require_user(request.cookies.get("session"))
                return MODELS[model].purge()

            @router.post("/empty/<model>")
            def empty(model):
                require_user(request.cookies.get("session"))
                return MODELS[model].empty()

            @router.post("/touch/<model>")
            def touch(model):
                return service.user_of(request.cookies.get("session")) and MODELS[model].touch()
        """,
    })
    assert [route for _, route in _findings_in(tmp_path)] == [
        "POST /api/archive/<model>/<int:object_id>", "POST /api/import/<model>", "POST /api/touch/<model>"]


def test_claims_decoded_without_verification_in_another_module_are_joined_by_vc417(tmp_path: Path) -> None:
    """VC207 notes a condition on what an imported function returns; VC417 reports it when that function returns
    the claims of an unverified decode, and not when it verifies the token."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/claims.py": """
            import jwt
            from flask import request

            def current_claims():
                token = request.headers["Authorization"].removeprefix("Bearer ")
                payload = jwt.decode(token, options={"verify_signature": False})
                return payload

            def verified_claims():
                return jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"])
        """,
        "app/views.py": """
            from flask import Flask, abort
            from . import claims as tokens
            from .claims import current_claims, verified_claims

            app = Flask(__name__)

            @app.post("/admin/purge")
            def purge():
                if not current_claims().get("is_admin"):
                    abort(403)
                return do_purge()

            @app.post("/admin/reindex")
            def reindex():
                data = tokens.current_claims()
                if data["role"] != "admin":
                    abort(403)
                return do_reindex()

            @app.post("/admin/reset")
            def reset():
                if verified_claims()["role"] != "admin":
                    abort(403)
                return do_reset()
        """,
    })
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.code, f.location.start.line, f.message.split("`")[1]) for f in findings] == [
        ("VC417", 10, 'current_claims().get("is_admin")'), ("VC417", 17, 'data["role"]')]
    assert "jwt.decode(token, options=" in findings[0].message and "through `purge()`" in findings[0].message


def test_a_helper_of_another_module_returning_request_data_is_a_client_claim_joined_by_vc417(tmp_path: Path) -> None:
    """VC207 notes a condition on what an imported helper returns, named by the helper (`get_role()`), the header it
    reads (`header("X-Role")`), the key or the variable; VC417 reports it when the helper returns request data, and
    not when it returns the session's, a verified token's or a preference."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/utils.py": """
            import jwt
            from flask import request, session

            def get_role():
                return request.headers["X-Role"]

            def header(name):
                return request.headers.get(name)

            def client_flags():
                return request.get_json()

            def session_role():
                return session.get("role")

            def verified_role():
                return jwt.decode(request.headers["Authorization"], KEY, algorithms=["HS256"])["role"]

            def get_theme():
                return request.cookies.get("theme")
        """,
        "app/views.py": """
            from flask import Flask, abort
            from . import utils
            from .utils import client_flags, get_role, get_theme, header, session_role, verified_role

            app = Flask(__name__)

            @app.post("/a")
            def a():
                if get_role() == "admin":
                    return purge()
                role = utils.get_role()
                if role != "admin":
                    abort(403)
                if header("X-Role") == "admin":
                    return purge()
                if client_flags()["is_admin"]:
                    return purge()
                if session_role() == "admin" or verified_role() == "admin":
                    return purge()
                if get_theme() == "dark" or header("X-Theme") == "dark":
                    return "dark"
        """,
    })
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in findings if f.code == "VC417"] == [
        (10, "get_role()"), (13, "role"), (15, 'header("X-Role")'), (17, 'client_flags()["is_admin"]')]
    assert "read from `request.headers` in `get_role()`" in findings[0].message


def test_a_helper_of_the_same_module_returning_request_data_is_joined_and_a_read_inside_stays_reported(
        tmp_path: Path) -> None:
    files = {
        "views.py": """
            from flask import Flask, abort, current_user, request

            app = Flask(__name__)

            def get_role():
                return request.headers["X-Role"]

            def is_admin_role(role):
                return role == "admin"

            def is_admin():
                return current_user.role == "admin"

            class Api:
                def role(self):
                    return request.headers.get("X-Role")

                def handle(self):
                    if self.role() == "admin":
                        return "ok"

            @app.post("/a")
            def a():
                if get_role() != "admin":
                    abort(403)
                if is_admin_role(request.headers["X-Role"]):
                    return "yes"
                if is_admin():
                    return "server"
        """,
    }
    _write_project(tmp_path, files)
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in findings] == [
        (20, "self.role()"), (25, "get_role()")]
    local = findings_for(ClientControlledAuthorization, files["views.py"])
    assert [(f.location.start.line, f.message.split("`")[1]) for f in local] == [(27, 'request.headers["X-Role"]')]


def test_a_helper_that_checks_the_clients_token_against_a_secret_is_authentication_not_a_claim(tmp_path: Path) -> None:
    """`token.isascii() and hmac.compare_digest(token, secret)` answers with the server's verdict (a boolean test of the
    token says nothing the client chose); a helper returning the header's own yes/no is still the client's claim."""
    _write_project(tmp_path, {
        "control.py": """
            import hmac
            from aiohttp import web

            class RemoteControl:
                def _is_authenticated(self, request):
                    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
                    return self._token is not None and token.isascii() and hmac.compare_digest(token, self._token)

                def _is_admin(self, request):
                    flag = request.headers.get("X-Admin", "").strip()
                    return flag.isascii() and flag == "yes"

                async def status(self, request):
                    if not self._is_authenticated(request):
                        return web.json_response({"error": "unauthorized"}, status=401)
                    if self._is_admin(request):
                        return web.json_response({"admin": True})
                    return web.json_response({})
        """,
    })
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in findings] == [(17, "self._is_admin(request)")]


def test_a_module_helper_comparing_the_presented_key_with_the_servers_is_authentication_not_a_claim(
        tmp_path: Path) -> None:
    """`return request.headers.get("X-API-Key", "") == API_KEY` answers whether a secret matched (VC216 and VC204 judge
    how); a helper comparing the client's header with a fixed role name still returns the client's claim."""
    _write_project(tmp_path, {
        "main.py": """
            import hmac
            import os

            import functions_framework

            API_KEY = os.environ["API_KEY"]

            def _authorised(request):
                return request.headers.get("X-API-Key", "") == API_KEY

            def _authorised_strict(request):
                supplied = request.headers.get("X-API-Key")
                return supplied is not None and hmac.compare_digest(supplied, API_KEY)

            def _is_admin(request):
                return request.headers.get("X-Role") == "admin"

            @functions_framework.http
            def report(request):
                if not _authorised(request) or not _authorised_strict(request):
                    return ("forbidden", 403)
                if _is_admin(request):
                    return {"all": True}
                return {}
        """,
    })
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.location.start.line, f.message.split("`")[1]) for f in findings] == [(23, "_is_admin(request)")]


@pytest.mark.parametrize(("hook", "reported"), [("load_user", ["POST /notes"]), ("require_login", [])])
def test_a_hook_from_another_module_guards_only_when_it_refuses(tmp_path: Path, hook: str, reported: list[str]) -> None:
    _write_project(tmp_path, {
        "notes/__init__.py": "",
        "notes/hooks.py": """
            from flask import g, redirect, session, url_for

            def load_user():
                g.user = None
                if "user_id" in session:
                    g.user = find_user(session["user_id"])

            def require_login():
                if session.get("user_id") is None:
                    return redirect(url_for("signin"))
        """,
        "notes/app.py": f"""
            from flask import Flask, g
            from . import hooks

            app = Flask(__name__)
            app.before_request(hooks.{hook})

            @app.post("/notes")
            def add_note():
                return save()

            @app.post("/account/delete")
            def delete_account():
                if g.user is None:
                    return "login required", 401
                return remove(g.user)
        """,
    })
    assert [route for _, route in _findings_in(tmp_path)] == reported


def test_a_guarding_annotated_alias_from_another_module_guards_whatever_it_is_called(tmp_path: Path) -> None:
    """`Me = Annotated[User, Security(get_current_user)]` in `deps.py`: a route taking `me: Me` is guarded, though
    `Me` does not read as a guard; `DB = Annotated[Session, Depends(get_db)]` guards nothing."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/deps.py": """
            from typing import Annotated
            from fastapi import Depends, HTTPException, Security

            def get_db():
                yield object()

            def get_current_user(token: str = Depends(oauth2)):
                if not token:
                    raise HTTPException(status_code=401)
                return token

            DB = Annotated[object, Depends(get_db)]
            Me = Annotated[dict, Security(get_current_user, scopes=["projects"])]
        """,
        "app/routes.py": """
            from fastapi import APIRouter
            from .deps import DB, Me

            router = APIRouter()

            @router.patch("/projects/{project_id}")
            def patch_project(project_id: int, db: DB, me: Me):
                return db.update(project_id)

            @router.post("/projects/{project_id}/archive")
            def archive_project(project_id: int, db: DB):
                return db.archive(project_id)
        """,
    })
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert [f.message.split("`")[1] for f in findings] == ["POST /projects/{project_id}/archive"]


def test_a_dependency_that_runs_a_guard_through_an_alias_guards_its_routes(tmp_path: Path) -> None:
    """`get_membership(org_id, user: CurrentUser)` answers 404 to outsiders, a refusal that reads as no auth, but
    FastAPI runs `get_current_user` first: routes taking `CurrentMembership` are guarded, also two steps away in
    another module. A dependency that runs only `get_db` guards nothing."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/deps.py": """
            from typing import Annotated
            from fastapi import Depends, HTTPException

            def get_db():
                yield object()

            def get_current_user(token: str = Depends(oauth2)):
                if not token:
                    raise HTTPException(status_code=401)
                return token

            CurrentUser = Annotated[dict, Depends(get_current_user)]
            DB = Annotated[object, Depends(get_db)]

            def get_membership(org_id: int, user: CurrentUser, db: DB):
                membership = db.find(org_id, user)
                if membership is None:
                    raise HTTPException(status_code=404)
                return membership

            def get_org(org_id: int, db: DB):
                org = db.get(org_id)
                if org is None:
                    raise HTTPException(status_code=404)
                return org

            CurrentMembership = Annotated[dict, Depends(get_membership)]
            CurrentOrg = Annotated[dict, Depends(get_org)]
        """,
        "app/teams.py": """
            from typing import Annotated
            from fastapi import Depends, HTTPException
            from .deps import CurrentMembership

            def get_team(team_id: int, membership: CurrentMembership):
                if team_id not in membership.teams:
                    raise HTTPException(status_code=404)
                return team_id

            Team = Annotated[int, Depends(get_team)]
        """,
        "app/routes.py": """
            from fastapi import APIRouter
            from .deps import CurrentMembership, CurrentOrg
            from .teams import Team

            router = APIRouter()

            @router.post("/orgs/{org_id}/projects")
            def create_project(org_id: int, membership: CurrentMembership):
                return membership.add_project()

            @router.delete("/orgs/{org_id}/teams/{team_id}")
            def delete_team(org_id: int, team_id: int, team: Team):
                return remove(team)

            @router.post("/orgs/{org_id}/archive")
            def archive_org(org_id: int, org: CurrentOrg):
                return org.archive()
        """,
    })
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert [f.message.split("`")[1] for f in findings] == ["POST /orgs/{org_id}/archive"]


def test_a_fastapi_dependency_returning_client_data_is_a_client_claim_joined_by_vc417(tmp_path: Path) -> None:
    """`role: str = Depends(header_role)`: the route's parameter holds what the dependency returns; when that is the
    client's header or unverified claims, the condition on it trusts the client. A dependency returning the verified
    caller's role is the server's."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/deps.py": """
            from typing import Annotated
            from fastapi import Depends, Header
            from jose import jwt

            def header_role(x_role: Annotated[str, Header()] = "viewer") -> str:
                return x_role

            def unverified_role(authorization: Annotated[str, Header()]) -> str:
                return jwt.get_unverified_claims(authorization.removeprefix("Bearer ")).get("role", "viewer")

            def verified_role(user=Depends(get_current_user)) -> str:
                return user.role
        """,
        "app/routes.py": """
            from typing import Annotated
            from fastapi import APIRouter, Depends, HTTPException
            from .deps import header_role, unverified_role, verified_role

            router = APIRouter()

            @router.post("/admin/purge")
            def purge(role: str = Depends(header_role)):
                if role != "admin":
                    raise HTTPException(status_code=403)
                return {"ok": True}

            @router.get("/admin/whoami")
            def whoami(role: Annotated[str, Depends(unverified_role)]):
                return {"admin": role == "admin"} if role else {}

            @router.post("/admin/reset")
            def reset(role: str = Depends(verified_role)):
                if role != "admin":
                    raise HTTPException(status_code=403)
                return {"ok": True}
        """,
    })
    findings = project_findings(tmp_path, [ClientDataThroughCalls], file_rules=(ClientControlledAuthorization,))
    assert [(f.code, f.location.start.line, f.message.split("`")[5]) for f in findings] == [
        ("VC417", 10, "x_role"), ("VC417", 16, 'jwt.get_unverified_claims(authorization.removeprefix("Bea...')]


DRF_LOOKUP_VIEWS = """
    from django.shortcuts import get_object_or_404
    from rest_framework.response import Response
    from rest_framework.views import APIView

    from .models import Invoice

    class InvoiceDetail(APIView):
        def get(self, request, pk):
            return Response({"total": get_object_or_404(Invoice, pk=pk).total})

        def delete(self, request, pk):
            get_object_or_404(Invoice, pk=pk).delete()
            return Response(status=204)
"""


@pytest.mark.parametrize(("settings", "expected"), [
    # DRF's own default lets anyone in: the open `delete` is VC201's finding alone; the read stays VC214's
    ('INSTALLED_APPS = ["rest_framework"]', [("get", "VC214"), ("delete", "VC201")]),
    # a login by default: both are lookups any signed-in user can aim at another's invoice
    ('REST_FRAMEWORK = {"DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"]}',
     [("get", "VC214"), ("delete", "VC214")]),
])
def test_an_open_drf_view_is_reported_once(tmp_path: Path, settings: str, expected: list[tuple[str, str]]) -> None:
    _write_project(tmp_path, {"shop/settings.py": settings + "\n", "shop/views.py": DRF_LOOKUP_VIEWS})
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC201", "VC214"),
                                                   no_bandit=True, cache=False))
    lines = (tmp_path / "shop/views.py").read_text(encoding="utf-8").splitlines()
    found = [(lines[f.location.start.line - 1].split("def ")[1].split("(")[0], f.code) for f in report.findings]
    assert found == expected


@pytest.mark.parametrize(("registration", "reported"), [
    ("app = web.Application(middlewares=[error_middleware, auth_middleware])", []),
    ("app = web.Application()\n                app.middlewares.append(auth_middleware)", []),
    ("app = web.Application(middlewares=[error_middleware])", ["POST /items/{sku}/sync"]),
    ("middlewares = [error_middleware, auth_middleware]\n                app = web.Application(middlewares=middlewares)", []),
    ("middlewares = [error_middleware]\n                if os.environ.get('AUTH_PASSWORD'):\n                    "
     "middlewares.append(BasicAuthMiddleware(username='admin', password=os.environ['AUTH_PASSWORD']))\n                "
     "app = web.Application(middlewares=middlewares)", []),
    ("middlewares = [error_middleware]\n                middlewares.append(cors_middleware)\n                "
     "app = web.Application(middlewares=middlewares)", ["POST /items/{sku}/sync"]),
    ("extra = []\n                extra.append(BasicAuthMiddleware(username='admin', password='x'))\n                "
     "app = web.Application(middlewares=[error_middleware])", ["POST /items/{sku}/sync"]),
])
def test_aiohttp_auth_middleware_guards_the_route_tables_the_app_adds(
        tmp_path: Path, registration: str, reported: list[str]) -> None:
    """`web.Application(middlewares=[auth_middleware])` runs for the `RouteTableDef` another module defines and
    `app.add_routes(routes)` adds, also from a list a name holds and what is appended to it (auth a setting switches
    on, as saq's `BasicAuthMiddleware` when `AUTH_PASSWORD` is set); middleware that does not read as auth guards
    nothing, nor auth appended to a list the app does not take."""
    _write_project(tmp_path, {
        "inventory/__init__.py": "",
        "inventory/handlers.py": """
            from aiohttp import web

            routes = web.RouteTableDef()

            @routes.post("/items/{sku}/sync")
            async def sync_item(request):
                return web.json_response(await sync(request.match_info["sku"]))
        """,
        "inventory/app.py": f"""
            import os

            from aiohttp import web
            from aiohttp_basicauth import BasicAuthMiddleware

            from .handlers import routes
            from .middleware import auth_middleware, cors_middleware, error_middleware

            def make_app():
                {registration}
                app.add_routes(routes)
                return app
        """,
    })
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert [f.message.split("`")[1] for f in findings] == reported


FALCON_MIDDLEWARE = """
    import falcon

    class TokenMiddleware:
        def process_request(self, req, resp):
            if req.get_header("Authorization") != "Bearer " + load_token():
                raise falcon.HTTPUnauthorized()

    class LenientTokenMiddleware:
        def process_request(self, req, resp):
            try:
                if req.get_header("Authorization") != "Bearer " + load_token():
                    raise falcon.HTTPUnauthorized()
            except falcon.HTTPError:
                resp.context.anonymous = True

    class TimingMiddleware:
        def process_request(self, req, resp):
            req.context.started = now()
"""


@pytest.mark.parametrize(("app", "reported"), [
    ("falcon.App(middleware=[TokenMiddleware()])", []),
    ("falcon.asgi.App(middleware=[TimingMiddleware(), TokenMiddleware()])", []),
    ("falcon.App(middleware=[FalconAuthMiddleware(backend)])", []),
    ("falcon.App(middleware=middleware)", []),
    ("falcon.App(middleware=build_middleware(backend))", []),
    ("falcon.App()\n                app.add_middleware(TokenMiddleware())", []),
    ("falcon.App()\n                app.add_middleware([TimingMiddleware()])", ["2 routes, the first ItemResource.on_post"]),
    ("falcon.App()", ["2 routes, the first ItemResource.on_post"]),
    ("falcon.App(middleware=[TimingMiddleware()])", ["2 routes, the first ItemResource.on_post"]),
    ("falcon.App(middleware=[LenientTokenMiddleware()])", ["2 routes, the first ItemResource.on_post"]),
])
def test_falcon_middleware_guards_the_resources_its_app_routes(tmp_path: Path, app: str, reported: list[str]) -> None:
    """A middleware class (here or in another module) guards every resource its app routes when its request hook
    can deny and does not catch its own refusal; a resource's responders are routes only where `add_route` registers
    its class, with the suffix of theirs."""
    _write_project(tmp_path, {
        "shop/__init__.py": "",
        "shop/middleware.py": FALCON_MIDDLEWARE,
        "shop/resources.py": """
            import falcon

            class ItemResource:
                def on_get(self, req, resp):
                    resp.media = list_items()

                def on_post(self, req, resp):
                    resp.status = falcon.HTTP_201

                def on_delete_item(self, req, resp, item_id):
                    remove_item(item_id)

                def on_put_unrouted(self, req, resp, item_id):
                    replace_item(item_id)

            class DraftResource:
                def on_post(self, req, resp):
                    save_draft(req.media)
        """,
        "shop/app.py": f"""
            import falcon
            import falcon.asgi
            from falcon_auth import FalconAuthMiddleware

            from .middleware import LenientTokenMiddleware, TimingMiddleware, TokenMiddleware, build_middleware
            from .resources import ItemResource

            middleware = [TimingMiddleware(), TokenMiddleware()]

            def create_app(backend):
                app = {app}
                items = ItemResource()
                app.add_route("/items", items)
                app.add_route("/items/{{item_id}}", items, suffix="item")
                return app
        """,
    })
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    # an app that authenticates nowhere gets one finding for its routes
    assert [f"{f.message.split()[0]} routes, the first {f.message.split('`')[1]}" if f.message[0].isdigit()
            else f.message.split("`")[1] for f in findings] == reported


ROUTER_MODULE = """
    from fastapi import APIRouter

    router = APIRouter(prefix="/{name}")

    @router.post("/")
    async def create_{name}(payload: dict) -> dict:
        return payload

    @router.delete("/{{item_id}}")
    async def delete_{name}(item_id: int) -> None:
        return None
"""


DENY_BAD_TOKEN = "if not hmac.compare_digest(token, auth_string):\n                        return JSONResponse(status_code=401)"


@pytest.mark.parametrize(("loop", "check", "reported"), [
    # the routers a loop includes take the app's middleware, which turns a bad token away
    ("for router in API_ROUTERS:", DENY_BAD_TOKEN, []),
    ("for router in (api.flows.router, api.runs.router):", DENY_BAD_TOKEN, []),
    # a middleware that only records the token turns nobody away: one finding for the app that holds both routers
    ("for router in API_ROUTERS:", "request.state.token = token", ["flows.py"]),
    # a loop over something the walk cannot list includes nothing it knows of: each module is its own app
    ("for router in load_routers():", DENY_BAD_TOKEN, ["flows.py", "runs.py"]),
])
def test_routers_included_in_a_loop_take_the_guards_of_their_app(
        tmp_path: Path, loop: str, check: str, reported: list[str]) -> None:
    """`for router in API_ROUTERS: api_app.include_router(router)` (Prefect's server) includes each router the
    module-level tuple names, so an HTTP middleware of that app that answers 401 guards their routes."""
    _write_project(tmp_path, {
        "app/__init__.py": "",
        "app/api/__init__.py": "",
        "app/api/flows.py": ROUTER_MODULE.format(name="flows"),
        "app/api/runs.py": ROUTER_MODULE.format(name="runs"),
        "app/server.py": f"""
            import hmac

            from fastapi import FastAPI, Request
            from fastapi.responses import JSONResponse

            import app.api as api

            API_ROUTERS = (api.flows.router, api.runs.router)

            def create_app(auth_string):
                api_app = FastAPI()
                {loop}
                    api_app.include_router(router)

                @api_app.middleware("http")
                async def token_validation(request: Request, call_next):
                    token = request.headers.get("Authorization") or ""
                    {check}
                    return await call_next(request)

                return api_app
        """,
    })
    assert [Path(f.location.path).name for f in project_findings(tmp_path, [RouteWithoutAuth])] == reported


DJANGO_MIDDLEWARE = """
    from django.contrib.auth.views import redirect_to_login

    class PermissionMiddleware:
        def __init__(self, get_response=None):
            self.get_response = get_response

        def _login_redirect(self, request):
            return redirect_to_login(request.get_full_path(), "/control/login")

        def __call__(self, request):
            if not request.path.startswith("/control"):
                return self.get_response(request)
            if not request.user.is_authenticated:
                return self._login_redirect(request)
            return self.get_response(request)

    class UserLoadingMiddleware:
        def __init__(self, get_response=None):
            self.get_response = get_response

        def __call__(self, request):
            if request.user.is_authenticated:
                request.profile = request.user.profile
            return self.get_response(request)
"""


@pytest.mark.parametrize(("middleware", "reported"), [
    # pretix's own middleware turns away callers who are not signed in, as `LoginRequiredMiddleware` does
    ("shop.control.middleware.PermissionMiddleware", []),
    # one that only loads the signed-in user's profile turns nobody away
    ("shop.control.middleware.UserLoadingMiddleware", ["UserSettings.post"]),
    ("django.middleware.common.CommonMiddleware", ["UserSettings.post"]),
])
def test_a_project_middleware_in_the_settings_that_requires_a_login_guards_the_views(
        tmp_path: Path, middleware: str, reported: list[str]) -> None:
    _write_project(tmp_path, {
        "shop/__init__.py": "",
        "shop/control/__init__.py": "",
        "shop/control/middleware.py": DJANGO_MIDDLEWARE,
        "shop/settings.py": f"""
            INSTALLED_APPS = ["django.contrib.auth", "shop"]
            MIDDLEWARE = [
                "django.contrib.auth.middleware.AuthenticationMiddleware",
                "{middleware}",
            ]
        """,
        "shop/control/views.py": """
            from django.http import HttpResponse
            from django.views import View

            class UserSettings(View):
                def post(self, request):
                    request.user.email = request.POST["email"]
                    request.user.save()
                    return HttpResponse("ok")
        """,
        "shop/urls.py": """
            from django.urls import path

            from shop.control import views

            urlpatterns = [path("control/settings/", views.UserSettings.as_view())]
        """,
    })
    assert [f.message.split("`")[1] for f in project_findings(tmp_path, [RouteWithoutAuth])] == reported


def _held_findings(root: Path) -> list[tuple[str, int, str]]:
    """VC214 and VC218 on a whole app, as a user runs them (with VC201, which releases what they hold)."""
    settings = Settings(root=str(root), select=("VC201", "VC214", "VC218"), no_bandit=True, cache=False)
    report = check_paths([str(root)], settings)
    return [(Path(f.location.path).name, f.location.start.line, f.code) for f in report.findings]


FASTAPI_ROUTERS = {
    "app/__init__.py": "",
    "app/auth.py": """
        from fastapi import Depends, HTTPException

        def get_current_user(token: str = Depends(oauth2)):
            user = decode(token)
            if user is None:
                raise HTTPException(status_code=401)
            return user

        def require_admin(user=Depends(get_current_user)):
            if not user.is_admin:
                raise HTTPException(status_code=403)

        def require_cron(x_scheduler: str = Header("")):
            if x_scheduler != "github-actions":
                raise HTTPException(status_code=403)

        def get_optional_user(token: str | None = Depends(oauth2_optional)) -> User | None:
            if token is None:
                return None
            try:
                return decode(token)
            except InvalidTokenError:
                return None

        def get_current_active_user(user=Depends(get_current_user)) -> User | None:
            return user if user.is_active else None
    """,
    "app/items.py": """
        from fastapi import APIRouter

        router = APIRouter(prefix="/items")

        @router.delete("/{item_id}")
        def delete_item(item_id: int):
            db.delete(db.get(Item, item_id))

        @router.post("/{item_id}/approve")
        def approve_item(item_id: int):
            service.approve(item_id)
    """,
    "app/admin.py": """
        from fastapi import APIRouter

        router = APIRouter(prefix="/admin")

        @router.delete("/users/{user_id}")
        def delete_user(user_id: int):
            db.delete(db.get(User, user_id))
    """,
    "app/jobs.py": """
        from fastapi import APIRouter, Depends

        from .auth import require_cron

        router = APIRouter(prefix="/jobs")

        @router.delete("/projects/{project_id}", dependencies=[Depends(require_cron)])
        def purge_project(project_id: int):
            db.delete(db.get(Project, project_id))
    """,
    "app/catalog.py": """
        from fastapi import APIRouter

        router = APIRouter(prefix="/products")

        @router.get("/{product_id}")
        def get_product(product_id: int):
            return db.get(Product, product_id)
    """,
}


@pytest.mark.parametrize(("main", "reported"), [
    # the guard added where the router is included: any signed-in user reaches any item
    ("app.include_router(items.router, dependencies=[Depends(get_current_user)])",
     [("items.py", 8, "VC214"), ("items.py", 10, "VC218")]),
    # the same through a parent router that is guarded where it is made
    ("api = APIRouter(dependencies=[Depends(get_current_user)])\napi.include_router(items.router)\n"
     "app.include_router(api)", [("items.py", 8, "VC214"), ("items.py", 10, "VC218")]),
    # nothing guards the router: VC201 reports the routes, the lookup is no question of ownership
    ("app.include_router(items.router)", [("items.py", 6, "VC201"), ("items.py", 10, "VC201")]),
    # a dependency that returns None for a missing or bad token guards nothing, where it is included or made
    ("app.include_router(items.router, dependencies=[Depends(get_optional_user)])",
     [("items.py", 6, "VC201"), ("items.py", 10, "VC201")]),
    ("api = APIRouter(dependencies=[Depends(get_optional_user)])\napi.include_router(items.router)\n"
     "app.include_router(api)", [("items.py", 6, "VC201"), ("items.py", 10, "VC201")]),
    # one that may return None too, but only after a dependency that denies: callers are signed in
    ("app.include_router(items.router, dependencies=[Depends(get_current_active_user)])",
     [("items.py", 8, "VC214"), ("items.py", 10, "VC218")]),
    # another router class named as FastAPI's (cadwyn's versioned router) guards what it includes the same way
    ("from cadwyn import VersionedAPIRouter\napi = VersionedAPIRouter(dependencies=[Depends(get_current_user)])\n"
     "api.include_router(items.router)\napp.include_router(api)", [("items.py", 8, "VC214"), ("items.py", 10, "VC218")]),
    ("from cadwyn import VersionedAPIRouter\napi = VersionedAPIRouter(dependencies=[Depends(get_optional_user)])\n"
     "api.include_router(items.router)\napp.include_router(api)", [("items.py", 6, "VC201"), ("items.py", 10, "VC201")]),
])
def test_a_handler_guarded_where_its_router_is_included_is_judged_as_signed_in(
        tmp_path: Path, main: str, reported: list[tuple[str, int, str]]) -> None:
    header = "from fastapi import APIRouter, Depends, FastAPI\n" \
             "from .auth import get_current_active_user, get_current_user, get_optional_user, require_admin\n" \
             "from . import admin, catalog, items, jobs\n\napp = FastAPI()\n"
    others = "app.include_router(admin.router, dependencies=[Depends(require_admin)])\n" \
             "app.include_router(catalog.router)\napp.include_router(jobs.router)\n"
    _write_project(tmp_path, {**FASTAPI_ROUTERS, "app/main.py": header + others + main + "\n"})
    # the admin router is restricted to a role, the catalogue is public, and the purge job is for the scheduler, whose
    # header its route checks (a machine, not a user who may own projects): none is reported
    assert sorted(_held_findings(tmp_path)) == reported


def test_a_django_view_wrapped_in_login_required_by_its_urlconf_is_judged_as_signed_in(tmp_path: Path) -> None:
    _write_project(tmp_path, {
        "shop/__init__.py": "",
        "shop/views.py": """
            from django.shortcuts import get_object_or_404, redirect

            def delete_invoice(request, pk):
                get_object_or_404(Invoice, pk=pk).delete()
                return redirect("invoices")

            def moderate_invoice(request, pk):
                get_object_or_404(Invoice, pk=pk).delete()
                return redirect("invoices")
        """,
        "shop/urls.py": """
            from django.contrib.admin.views.decorators import staff_member_required
            from django.contrib.auth.decorators import login_required
            from django.urls import path

            from . import views

            urlpatterns = [
                path("invoices/<int:pk>/delete/", login_required(views.delete_invoice)),
                path("invoices/<int:pk>/moderate/", staff_member_required(views.moderate_invoice)),
            ]
        """,
    })
    assert _held_findings(tmp_path) == [("views.py", 5, "VC214")]


def test_a_blueprint_guarded_by_its_before_request_hook_is_judged_as_signed_in(tmp_path: Path) -> None:
    _write_project(tmp_path, {
        "notes/__init__.py": "",
        "notes/views.py": """
            from flask import Blueprint, abort, g, session

            bp = Blueprint("notes", __name__)

            @bp.before_request
            def require_login():
                if "user_id" not in session:
                    abort(401)

            @bp.post("/notes/<int:note_id>/delete")
            def delete_note(note_id):
                note = Note.query.get_or_404(note_id)
                db.session.delete(note)

            @bp.post("/mine/<int:note_id>/delete")
            def delete_my_note(note_id):
                note = Note.query.filter_by(id=note_id, owner_id=session["user_id"]).first_or_404()
                db.session.delete(note)
        """,
    })
    assert _held_findings(tmp_path) == [("views.py", 13, "VC214")]


BARE_GENERIC_VIEWS = """
    from django.views import generic

    class BandCreateView(generic.CreateView):
        pass

    class BandDeleteView(generic.DeleteView):
        '''Configured where it is routed.'''

    class BandUpdateView(generic.UpdateView):
        model = Band
        fields = ["name"]
"""


@pytest.mark.parametrize(("create", "delete", "reported"), [
    ("BandCreateView.as_view()", "BandDeleteView.as_view()", ["The view `BandUpdateView` changes state"]),
    ("BandCreateView.as_view(model=Band, fields=['name'])", "BandDeleteView.as_view()",
     ["2 state-changing or administrative routes, and no authentication anywhere in the app; the first is the view "
      "`BandCreateView`."]),
])
def test_a_bare_generic_view_changes_state_only_where_a_urlconf_configures_it(
        tmp_path: Path, create: str, delete: str, reported: list[str]) -> None:
    """`class V(CreateView): pass` has no model or form: Django refuses to serve it until `as_view(model=...)` sets one."""
    _write_project(tmp_path, {"bands/views.py": BARE_GENERIC_VIEWS, "bands/urls.py": f"""
        from django.urls import path
        from .views import BandCreateView, BandDeleteView, BandUpdateView

        urlpatterns = [
            path("band/create/", {create}),
            path("band/<int:pk>/delete/", {delete}),
            path("band/<int:pk>/update/", BandUpdateView.as_view()),
        ]
    """})
    findings = project_findings(tmp_path, [RouteWithoutAuth])
    assert [f.message.split(" but ")[0] for f in findings] == reported


OPTIONAL_CALLERS = {
    "app/__init__.py": "",
    "app/deps.py": """
        from fastapi import Depends, HTTPException
        from fastapi.security import OAuth2PasswordBearer

        oauth2 = OAuth2PasswordBearer(tokenUrl="token", auto_error=False)

        def get_current_user(token: str = Depends(oauth2)):
            if token is None:
                raise HTTPException(status_code=401)
            return decode(token)

        def current_user_or_none(token: str | None = Depends(oauth2)):
            return decode(token) if token else None
    """,
    "app/routes.py": """
        from typing import Optional

        from fastapi import APIRouter, Depends, HTTPException
        from users_kit import current_user, optional_current_user

        from .deps import current_user_or_none, get_current_user

        router = APIRouter()

        @router.delete("/notes/{note_id}")
        def delete_note(note_id: int, user=Depends(current_user_or_none)):
            db.delete(db.get(Note, note_id))

        @router.delete("/tags/{tag_id}")
        def delete_tag(tag_id: int, user: Optional[User] = Depends(optional_current_user)):
            db.delete(db.get(Tag, tag_id))

        @router.delete("/files/{file_id}")
        def delete_file(file_id: int, user: Optional[User] = Depends(get_current_user)):
            db.delete(db.get(File, file_id))

        @router.delete("/pins/{pin_id}")
        def delete_pin(pin_id: int, user=Depends(current_user_or_none)):
            if user is None:
                raise HTTPException(status_code=401)
            db.delete(db.get(Pin, pin_id))

        @router.delete("/badges/{badge_id}")
        def delete_badge(badge_id: int, user: Optional[User] = Depends(current_user)):
            db.delete(db.get(Badge, badge_id))
    """,
    "web/__init__.py": "",
    "web/auth.py": """
        from functools import wraps

        from flask import abort, g, session

        def auth_context(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                g.user = load_user(session.get("uid"))
                return view(*args, **kwargs)
            return wrapper

        def auth_required(view):
            @wraps(view)
            def wrapper(*args, **kwargs):
                g.user = load_user(session.get("uid"))
                if g.user is None:
                    abort(401)
                return view(*args, **kwargs)
            return wrapper
    """,
    "web/views.py": """
        from flask import Blueprint

        from .auth import auth_context, auth_required

        bp = Blueprint("boards", __name__)

        @bp.post("/boards/<int:board_id>/delete")
        @auth_context
        def delete_board(board_id):
            db.delete(db.get(Board, board_id))

        @bp.post("/cards/<int:card_id>/delete")
        @auth_required
        def delete_card(card_id):
            db.delete(db.get(Card, card_id))
    """,
}


def test_a_dependency_or_decorator_that_never_denies_guards_nothing(tmp_path: Path) -> None:
    _write_project(tmp_path, OPTIONAL_CALLERS)
    reported = [(Path(f.location.path).name, f.message.split("`")[1]) for f in project_findings(tmp_path, [RouteWithoutAuth])]
    # a dependency that returns None, a library's dependency named optional, a decorator that only attaches the caller;
    # not a parameter typed `X | None` whose dependency denies (here, or a library's named as a guard: it may be), nor a
    # handler that refuses anonymous callers itself, nor a decorator that aborts
    assert sorted(reported) == [("routes.py", "DELETE /notes/{note_id}"), ("routes.py", "DELETE /tags/{tag_id}"),
                                ("views.py", "POST /boards/<int:board_id>/delete")]


def test_a_django_view_behind_a_project_decorator_that_only_attaches_the_user_is_open(tmp_path: Path) -> None:
    _write_project(tmp_path, {
        "shop/__init__.py": "",
        "shop/auth.py": """
            from functools import wraps

            from django.shortcuts import redirect

            def attach_auth_user(view):
                @wraps(view)
                def wrapper(request, *args, **kwargs):
                    request.account = find_account(request.session.get("uid"))
                    return view(request, *args, **kwargs)
                return wrapper

            def auth_required(view):
                @wraps(view)
                def wrapper(request, *args, **kwargs):
                    if request.session.get("uid") is None:
                        return redirect("/login/")
                    return view(request, *args, **kwargs)
                return wrapper
        """,
        "shop/views.py": """
            from django.views.decorators.http import require_POST

            from .auth import attach_auth_user, auth_required

            @require_POST
            @attach_auth_user
            def delete_invoice(request, pk):
                Invoice.objects.filter(pk=pk).delete()

            @require_POST
            @auth_required
            def delete_receipt(request, pk):
                Receipt.objects.filter(pk=pk).delete()
        """,
    })
    reported = [f.message.split("`")[1] for f in project_findings(tmp_path, [RouteWithoutAuth])]
    assert reported == ["delete_invoice"]


WRAPPED_URLCONF = {
    "cms/__init__.py": "",
    "cms/auth.py": """
        from django.core.exceptions import PermissionDenied

        def require_admin_access(view):
            def wrapped(request, *args, **kwargs):
                if not request.user.has_perm("cms.access_admin"):
                    raise PermissionDenied
                return view(request, *args, **kwargs)
            return wrapped
    """,
    "cms/decorate.py": """
        def decorate_urlpatterns(urlpatterns, decorator):
            for pattern in urlpatterns:
                pattern.callback = decorator(pattern.callback)
            return urlpatterns
    """,
    "cms/views.py": """
        from django.shortcuts import redirect

        def publish(request, pk):
            if request.method == "POST":
                Page.objects.get(pk=pk).publish()
            return redirect("pages")

        def unpublish(request, pk):
            if request.method == "POST":
                Page.objects.get(pk=pk).unpublish()
            return redirect("pages")

        def preview(request, pk):
            if request.method == "POST":
                Page.objects.get(pk=pk).save_preview(request.POST)
            return redirect("pages")

        def approve(request, pk):
            if request.method == "POST":
                Task.objects.get(pk=pk).approve()
            return redirect("tasks")

        def escalate(request, pk):
            if request.method == "POST":
                Task.objects.get(pk=pk).escalate()
            return redirect("tasks")

        def import_redirects(request):
            if request.method == "POST":
                Redirect.objects.bulk_create(parse(request.FILES["file"]))
            return redirect("redirects")

        def vote(request, pk):
            if request.method == "POST":
                Poll.objects.get(pk=pk).vote(request.POST["choice"])
            return redirect("polls")

        def rate(request, pk):
            if request.method == "POST":
                Poll.objects.get(pk=pk).rate(request.POST["stars"])
            return redirect("polls")
    """,
    "cms/urls.py": """
        from django.urls import include, path
        from django.views.decorators.cache import never_cache

        from cms import hooks, views
        from cms.auth import require_admin_access
        from cms.decorate import decorate_urlpatterns
        from cms.workflows import urls as workflow_urls

        urlpatterns = [
            path("pages/<int:pk>/publish/", views.publish),
            path("workflows/", include(workflow_urls)),
        ]

        for fn in hooks.get_hooks("register_admin_urls"):
            urlpatterns += fn()

        urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)

        urlpatterns += [
            path("pages/<int:pk>/preview/", views.preview),
        ]

        public = [path("pages/<int:pk>/unpublish/", views.unpublish)]
        public = decorate_urlpatterns(public, never_cache)
    """,
    "cms/workflows/__init__.py": "",
    "cms/workflows/urls.py": """
        from django.urls import include, path

        from cms import views

        urlpatterns = [
            path("<int:pk>/approve/", views.approve),
            path("escalations/", include("cms.workflows.escalation_urls")),
        ]
    """,
    "cms/workflows/escalation_urls.py": """
        from django.urls import path

        from cms import views

        urlpatterns = [path("<int:pk>/", views.escalate)]
    """,
    "redirects/__init__.py": "",
    "redirects/cms_hooks.py": """
        from django.urls import path

        from cms import hooks, views

        @hooks.register("register_admin_urls")
        def register_admin_urls():
            return [path("redirects/import/", views.import_redirects)]

        @hooks.register("register_site_urls")
        def register_site_urls():
            return [path("polls/<int:pk>/vote/", views.vote)]
    """,
    "polls/__init__.py": "",
    "polls/urls.py": """
        from django.urls import path

        from cms import views

        urlpatterns = [path("polls/<int:pk>/rate/", views.rate)]
        urlpatterns = [*urlpatterns]
    """,
}


def test_a_urlconf_list_wrapped_whole_in_a_guard_guards_what_it_holds_includes_and_collects(tmp_path: Path) -> None:
    """`decorate_urlpatterns(urlpatterns, require_admin_access)` (Wagtail's admin) guards the entries the list holds
    then, the URLconfs they include (and those include), and what the hooks the list collected return; not entries
    appended after it, a list wrapped in a decorator that guards nothing, a hook no guarded list collects, or a list
    nothing wraps."""
    _write_project(tmp_path, WRAPPED_URLCONF)
    reported = sorted(f.message.split("`")[1] for f in project_findings(tmp_path, [RouteWithoutAuth]))
    assert reported == ["preview", "rate", "unpublish", "vote"]


def test_falcon_responders_inherited_from_a_base_resource_of_another_module(tmp_path: Path) -> None:
    """`add_route` of a subclass routes the responders its base class in another module defines; a class decorator
    on the way from the registered class to the base (`@falcon.before(require_admin)`) guards them, one on a mixin
    beside the base does not, and a base only guarded subclasses register is guarded."""
    _write_project(tmp_path, {
        "shop/__init__.py": "",
        "shop/auth.py": """
            import falcon

            def require_admin(req, resp, resource, params):
                if not req.context.user.is_admin:
                    raise falcon.HTTPForbidden()

            def audit(req, resp, resource, params):
                log_request(req)
        """,
        "shop/base.py": """
            import falcon

            class BaseItems:
                def on_post(self, req, resp):
                    resp.status = falcon.HTTP_201

                def on_delete_item(self, req, resp, item_id):
                    remove_item(item_id)

            class BaseNotes:
                def on_post(self, req, resp):
                    save_note(req.media)

            class BaseTags:
                def on_put(self, req, resp):
                    replace_tags(req.media)
        """,
        "shop/resources.py": """
            import falcon

            from .auth import audit, require_admin
            from .base import BaseItems, BaseNotes, BaseTags

            class Items(BaseItems):
                pass

            @falcon.before(require_admin)
            class AdminNotes(BaseNotes):
                pass

            @falcon.before(require_admin)
            class GuardedNotes(BaseNotes):
                pass

            class LeafNotes(GuardedNotes):
                pass

            @falcon.before(require_admin)
            class AdminMixin:
                pass

            @falcon.before(audit)
            class Tags(BaseTags, AdminMixin):
                pass
        """,
        "shop/app.py": """
            import falcon

            from .resources import AdminNotes, Items, LeafNotes, Tags

            app = falcon.App()
            app.add_route("/items", Items())
            app.add_route("/items/{item_id}", Items(), suffix="item")
            app.add_route("/admin/notes", AdminNotes())
            app.add_route("/notes", LeafNotes())
            app.add_route("/tags", Tags())
        """,
    })
    reported = sorted(f.message.split("`")[1] for f in project_findings(tmp_path, [RouteWithoutAuth]))
    assert reported == ["BaseItems.on_delete_item", "BaseItems.on_post", "BaseTags.on_put"]


def test_a_route_at_its_routers_prefix_is_named_by_the_prefix(tmp_path: Path) -> None:
    """`@router.delete("")` under `APIRouter(prefix="/tokens")` is `DELETE /tokens`, named as every other route."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app/__init__.py").write_text("")
    (tmp_path / "app/tokens.py").write_text(textwrap.dedent("""
        from fastapi import APIRouter, FastAPI

        router = APIRouter(prefix="/tokens")

        @router.delete("")
        def drop_all():
            db.delete_all()

        @router.delete("/{token_id}")
        def drop_one(token_id: int):
            db.delete(token_id)

        app = FastAPI()
        app.include_router(router)
    """))
    [finding] = project_findings(tmp_path, [RouteWithoutAuth])
    assert finding.message.endswith("the first is the route `DELETE /tokens` (`drop_all`).")


def test_a_class_view_is_named_by_its_class_for_sensitive_reads() -> None:
    """VC219 reads the words of a class-based view's class (`ExportUsersView.get`), not only of its method."""
    views = textwrap.dedent("""\
        from django.contrib.auth.mixins import LoginRequiredMixin
        from django.http import HttpResponse
        from django.views import View


        class ExportUsersView(View):
            def get(self, request):
                return HttpResponse(dump_users())


        class ExportPublicPlansView(View):
            def get(self, request):
                return HttpResponse(plans())


        class ExportMyProjectsView(LoginRequiredMixin, View):
            def get(self, request):
                return HttpResponse(projects_of(request.user))
    """)
    urls = textwrap.dedent("""\
        from django.urls import path

        from . import views

        urlpatterns = [
            path("users/export.csv", views.ExportUsersView.as_view()),
            path("plans/export.csv", views.ExportPublicPlansView.as_view()),
            path("projects/export.csv", views.ExportMyProjectsView.as_view()),
        ]
    """)
    findings = sources_findings({"app/views.py": views, "app/urls.py": urls, "app/__init__.py": ""},
                                [SensitiveReadWithoutAuth])
    assert [(f.location.path.rpartition("/")[2], f.location.start.line) for f in findings] == [("views.py", 7)]


LOGIN_MIDDLEWARE_SETTINGS = """
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
]
"""
LOGIN_MIDDLEWARE_VIEWS = """
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views import View

from .models import Order, Token


class RefundView(View):
    def post(self, request, pk):
        Order.objects.get(pk=pk).refund()
        return redirect("/")


@method_decorator(login_not_required, name="dispatch")
class RevokeView(View):
    def post(self, request):
        Token.objects.filter(value=request.POST["token"]).delete()
        return redirect("/")


@login_not_required
def revoke_token(request):
    Token.objects.filter(value=request.POST["token"]).delete()
    return redirect("/")
"""
LOGIN_MIDDLEWARE_URLS = """
from django.urls import path

from .views import RefundView, RevokeView, revoke_token

urlpatterns = [
    path("orders/<int:pk>/refund/", RefundView.as_view()),
    path("oauth/revoke/", RevokeView.as_view()),
    path("tokens/revoke/", revoke_token),
]
"""


def test_a_view_marked_login_not_required_is_no_privileged_action_for_signed_in_users(tmp_path: Path) -> None:
    """Django 5.1's `LoginRequiredMiddleware` signs in every view but those marked `login_not_required` (an OAuth
    revocation endpoint): VC218 reports the refund the middleware alone guards, not the views open on purpose."""
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "settings.py").write_text(LOGIN_MIDDLEWARE_SETTINGS)
    (tmp_path / "shop" / "views.py").write_text(LOGIN_MIDDLEWARE_VIEWS)
    (tmp_path / "shop" / "urls.py").write_text(LOGIN_MIDDLEWARE_URLS)
    run = subprocess.run([sys.executable, "-m", "vibecheck", "--format", "json", "--select", "VC201,VC218",
                          "--no-cache", "--no-bandit", "."], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    reported = [(f["path"], f["start"]["line"], f["code"]) for f in json.loads(run.stdout)["findings"]]
    assert reported == [("shop/views.py", 11, "VC218")], run.stderr


def test_agent_tools_corpus_is_reported_exactly() -> None:
    """A pydantic-ai tool whose run context carries the user (`Deps.user_id`) reads rows by the ids the model chose for
    that user: unscoped lookups are reported; a scoped one, a context without a user and plain functions are not."""
    [corpus] = RULES_DIR.glob("VC214-*/cases_agent_tools.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC214")
    assert len(expected) >= 2 and len(ok) >= 4
    result = check_corpus(ObjectLookupNotScopedToUser, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_credential_handed_to_service_corpus_is_reported_exactly() -> None:
    """A service handed the caller's session cookie or Authorization header with the client's id finds out who asks:
    not reported; one handed a preference cookie, or the id alone after the handler read the credential, is."""
    [corpus] = RULES_DIR.glob("VC214-*/cases_credential_to_service.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC214")
    assert len(expected) >= 2 and len(ok) >= 2
    result = check_corpus(ObjectLookupNotScopedToUser, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (ObjectLookupNotScopedToUser, "cases_owner_from_client.py"),
    (ObjectLookupNotScopedToUser, "cases_peewee.py"),
    (ObjectLookupNotScopedToUser, "cases_falcon_starlette.py"),
    (ObjectLookupNotScopedToUser, "cases_falcon_api_keys.py"),
    (ObjectLookupNotScopedToUser, "cases_emmett.py"),
    (ObjectLookupNotScopedToUser, "cases_role_decorators.py"),
    (ObjectLookupNotScopedToUser, "cases_ariadne.py"),
    (PrivilegedActionForAnyUser, "cases_bot_aiogram_routers.py"),
    (MassAssignment, "cases_emmett.py"),
    (PrivilegeFromClient, "cases_emmett.py"),
    (PrivilegeFromClient, "cases_column_keys.py"),
    (SensitiveReadWithoutAuth, "cases_status_only.py"),
    (SensitiveReadWithoutAuth, "cases_status_only_outbound.py"),
])
def test_spec_backend_corpus_is_reported_exactly(rule: type[BaseRule], corpus_name: str) -> None:
    """Owner columns bound to the client's own ids and peewee's writes by primary key, Falcon's and Starlette's
    callers and captures, also read inline, Emmett's `@requires(condition, url(...))`, guard decorators judged by
    their bodies, Ariadne resolvers that hand `info` to a guard (VC214), aiogram's router-wide filters on the sender
    (VC218), `await request.body_params` (VC215, VC217), Starlette's `await request.form()` and updates keyed by a
    model's columns (VC217); apps that sign nobody in, whose only 403 refuses a duplicate or a domain fetched through a
    client session (VC219)."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) + len(ok) >= 1
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_fastlite_corpus_is_reported_exactly(tmp_path: Path) -> None:
    """fastlite tables indexed by the client's id in FastHTML handlers that the app's Beforeware signs in: held by VC214
    until the app model shows the route guarded, so checked as a user runs it (with VC201)."""
    [corpus] = RULES_DIR.glob("VC214-*/cases_fastlite.py")
    text = corpus.read_text(encoding="utf-8")
    expected, ok = parse_annotations(text, "VC214")
    assert len(expected) >= 2 and len(ok) >= 3
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "__init__.py").write_text("")
    (tmp_path / "journal" / "app.py").write_text(text)
    assert sorted(line for _, line, code in _held_findings(tmp_path) if code == "VC214") == sorted(expected)


def test_tenant_children_corpus_is_reported_exactly() -> None:
    """A route naming a tenant and a child of it whose handler checks the caller's access to the tenant, then loads
    the child by its id alone: reported; a load within the tenant (a filter, its related manager, a queryset narrowed
    to it), the loaded object's org compared, the tenant itself, a person's page and a global role are not."""
    [corpus] = RULES_DIR.glob("VC214-*/cases_tenant_children.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC214")
    assert len(expected) >= 6 and len(ok) >= 9
    result = check_corpus(ObjectLookupNotScopedToUser, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_serverless_corpus_is_reported_exactly() -> None:
    """Lambda handlers of a module whose handlers read the API authorizer's caller, and Azure Functions that read App
    Service's principal: unscoped item reads by the path's id are reported; keys and partitions of the caller, an owner
    compared, a queue's message and a route that signs no one in are not."""
    [corpus] = RULES_DIR.glob("VC214-*/cases_serverless.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC214")
    assert len(expected) >= 3 and len(ok) >= 4
    result = check_corpus(ObjectLookupNotScopedToUser, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize("rule", [ObjectLookupNotScopedToUser, PrivilegedActionForAnyUser])
def test_flask_allows_requirements_corpus_is_reported_exactly(rule: type[BaseRule]) -> None:
    """Flask-Allows' `requires(...)` on a `MethodView`'s `decorators` or on the handler: a requirement named for more
    than a login restricts the view (VC214 and VC218 stay quiet), one that asks for a login only does not."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/cases_flask_allows.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 3 and len(ok) >= 2
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


OPEN_LAMBDA = """
import boto3

table = boto3.resource("dynamodb").Table("links")


def resolve_link(event, context):
    code = event["pathParameters"]["code"]
    link_id = event["pathParameters"]["linkId"]
    return table.get_item(Key={"id": link_id}).get("Item")
"""


def test_a_lambda_module_that_never_reads_an_authorizer_signs_no_one_in() -> None:
    """No handler of the module reads the caller an authorizer signed in: nothing says its callers are signed in, so
    an item read by the path's id is no one's to scope (VC201's question, if any)."""
    assert findings_for(ObjectLookupNotScopedToUser, OPEN_LAMBDA) == []
    authorizer = '    caller = event["requestContext"]["authorizer"]["claims"]\n'
    signed = OPEN_LAMBDA.replace("    code = event", f"{authorizer}    code = event")
    assert [f.location.start.line for f in findings_for(ObjectLookupNotScopedToUser, signed)] == [11]


def test_held_findings_do_not_depend_on_which_other_rules_are_selected(tmp_path: Path) -> None:
    """VC214 and VC218 hold their findings on a handler guarded in another module until VC201's app model releases
    them: the rules name VC201 in `released_by`, so it runs for them (its own findings dropped) when it is not
    selected, and ignoring VC201 leaves VC214 running. Each selection reports what the full run does; the cache is
    on, so the runs after the first also show its key changing with the rules that run."""
    header = "from fastapi import APIRouter, Depends, FastAPI\nfrom .auth import get_current_user, require_admin\n" \
             "from . import admin, items\n\napp = FastAPI()\n"
    main = "app.include_router(items.router, dependencies=[Depends(get_current_user)])\n"
    _write_project(tmp_path, {**FASTAPI_ROUTERS, "app/main.py": header + main})

    def run(*options: str) -> list[tuple[str, int, str]]:
        done = subprocess.run([sys.executable, "-m", "vibecheck", "--format", "json", "--no-bandit", *options, "."],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stderr
        return [(f["path"], f["start"]["line"], f["code"]) for f in json.loads(done.stdout)["findings"]]

    full = run()
    held = [("app/items.py", 8, "VC214"), ("app/items.py", 10, "VC218")]
    assert full == [("app/admin.py", 6, "VC201"), *held]  # the admin router is open: VC201's, not VC218's
    assert run("--select", "VC218") == held[1:]
    assert run("--select", "VC214") == held[:1]
    assert run("--ignore", "VC201") == held


def test_an_unscoped_lookup_in_a_dependency_says_so_and_where_to_check(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """VC214's message named a FastAPI dependency "a handler": the fix belongs in the dependency, where every route
    that asks for it is scoped at once, and the message and hint say so; a route's finding names its handler."""
    (tmp_path / "deps.py").write_text(textwrap.dedent("""\
        from fastapi import Depends, FastAPI, Header, HTTPException

        app = FastAPI()


        def current_tenant(x_tenant_id: int = Header(...), user: User = Depends(get_current_user), db=Depends(get_db)):
            tenant = db.get(Tenant, x_tenant_id)
            if tenant is None:
                raise HTTPException(status_code=404)
            return tenant


        @app.delete("/items/{item_id}")
        def delete_item(item_id: int, user=Depends(get_current_user)):
            db.delete(db.get(Item, item_id))
        """))
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--format", "json", "--no-bandit", "--no-cache", "--select", "VC214", "."],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    dependency, handler = json.loads(result.stdout)["findings"]
    assert dependency["start"]["line"] == 7
    assert "in the dependency `current_tenant`, which knows the signed-in user but never checks that the object " \
           "belongs to them: every route that depends on it serves any caller's object." in dependency["message"]
    assert dependency["hint"].startswith("Check in the dependency that the object belongs to the caller")
    assert "raise `HTTPException(status_code=404)`" in dependency["hint"]
    assert handler["start"]["line"] == 15
    assert "in the handler `delete_item`, which knows the signed-in user, but never checks" in handler["message"]
    assert handler["hint"].startswith("Scope the lookup to the caller")


BOT_APP = {
    "bot/__init__.py": "",
    "bot/commands.py": """
        import subprocess

        from telegram import Update
        from telegram.ext import Application, CommandHandler, ContextTypes

        application = Application.builder().token(TOKEN).build()


        async def subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            db.subscriptions.add(update.effective_user.id)


        async def admin_shell(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await update.message.reply_text(subprocess.getoutput(" ".join(context.args)))


        application.add_handler(CommandHandler("subscribe", subscribe))
        application.add_handler(CommandHandler("sh", admin_shell))
    """,
    "bot/web.py": """
        import hmac

        from fastapi import FastAPI, Header, HTTPException, Request
        from telegram import Update

        from .commands import application

        app = FastAPI()


        @app.post("/telegram/open")
        async def open_updates(request: Request):
            await application.process_update(Update.de_json(await request.json(), application.bot))


        @app.post("/telegram/checked")
        async def checked_updates(request: Request, x_telegram_bot_api_secret_token: str = Header("")):
            if not hmac.compare_digest(x_telegram_bot_api_secret_token, SECRET):
                raise HTTPException(status_code=403)
            await application.process_update(Update.de_json(await request.json(), application.bot))
    """,
}


def test_a_bot_s_commands_are_no_routes_and_the_route_that_feeds_it_must_check_the_platform(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Telegram tells the bot who sent each command: the open `/subscribe` lacks no login (VC201 is silent on commands),
    and the admin-named command that runs a shell for anyone is VC218's. The web route that feeds the bot the updates
    posted to it is reported unless it checks Telegram's secret token, with a hint that says how."""
    _write_project(tmp_path, BOT_APP)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--format", "json", "--no-bandit", "--no-cache", "--select", "VC201,VC218", "."],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["start"]["line"], f["code"]) for f in findings] == [
        ("bot/commands.py", 14, "VC218"), ("bot/web.py", 12, "VC201")]
    webhook = findings[1]
    assert "hands a chat bot the updates posted to it but never checks that the platform sent them" in webhook["message"]
    assert "`X-Telegram-Bot-Api-Secret-Token`" in webhook["hint"]


SPLIT_BOT = {
    "bot/__init__.py": "",
    "bot/handlers.py": """
        import subprocess

        from telegram import Update
        from telegram.ext import ContextTypes


        async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await update.message.reply_text("hi")


        async def shell(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await update.message.reply_text(subprocess.getoutput(" ".join(context.args)))


        async def ban(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            db.ban(int(context.args[0]))


        async def admin_wipe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            db.wipe()


        async def admin_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            await update.message.reply_text(db.stats())


        async def purge_cache(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            cache.purge()


        async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if update.effective_user.id not in ADMIN_IDS:
                return
            await update.message.reply_document(db.export())
    """,
    "bot/main.py": """
        from telegram.ext import Application, CommandHandler, filters

        from . import handlers
        from .handlers import admin_wipe

        application = Application.builder().token(TOKEN).build()
        application.add_handler(CommandHandler("start", handlers.start))
        application.add_handler(CommandHandler("sh", handlers.shell))
        application.add_handler(CommandHandler("ban", handlers.ban, filters=filters.User(user_id=ADMIN_IDS)))
        application.add_handler(CommandHandler("wipe", admin_wipe))
        application.add_handler(CommandHandler("stats", handlers.admin_stats))
        application.add_handler(CommandHandler("export", handlers.export))
    """,
    "open_bot/__init__.py": "",
    "open_bot/commands.py": """
        import os

        from telegram import Update


        async def restart(update: Update, context) -> None:
            os.system("systemctl restart worker")
    """,
    "open_bot/main.py": """
        from telegram.ext import Application, CommandHandler

        from .commands import restart

        application = Application.builder().token(TOKEN).build()
        application.add_handler(CommandHandler("restart", restart))
    """,
}


def test_bot_callbacks_registered_by_another_module_are_judged_with_their_registration(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bot defines its callbacks in one module and registers them in another: VC218 judges them across the two,
    as it judges a module that does both. Reported where they are defined: `/sh` runs a shell and `/stats` is named for
    administrators, registered without a filter by the module that registers `/ban` behind one; `admin_wipe` is named
    for administrators and acts as one, wherever it is registered. Not reported: `/ban` (its filter), `/export` (its
    own check), `/start` (public), `purge_cache` (nobody registers it), and `/restart` of a bot that checks nobody."""
    _write_project(tmp_path, SPLIT_BOT)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--format", "json", "--no-bandit", "--no-cache", "--select", "VC218", "."],
                                catch_exceptions=False)
    assert result.exit_code == 1, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["path"], f["start"]["line"]) for f in findings] == [
        ("bot/handlers.py", 12), ("bot/handlers.py", 20), ("bot/handlers.py", 24)]
    shell, wipe, stats = (f["message"] for f in findings)
    assert shell.startswith("Bot handler `shell`, registered by another module of the bot without a filter, ")
    assert "while the module that registers it checks the sender of its other handlers" in shell
    assert "though its name says it is for administrators" in wipe and "`admin_stats`" in stats


def test_a_call_on_what_a_subscript_gives_does_not_crash_the_lookup_reader() -> None:
    """`LazyType["Monitor"](klass).get_class()` in a small module-level reader: its receiver is no name (it crashed
    VC214 on a real project); a reader of the same module that fetches by its parameter still reads as a reader."""
    source = """
        def load_monitor(monitor_class):
            return LazyType["Monitor"](monitor_class).get_class()
        """
    assert findings_for(ObjectLookupNotScopedToUser, source) == []


ADMIN_MOUNTED = {
    "shop/__init__.py": """
        from flask import Flask
        from . import hooks
        from .admin import bp as admin_bp
        from .audit import audit
        from .pages import pages

        def create_app():
            app = Flask(__name__)
            app.register_blueprint(admin_bp, url_prefix="/admin")
            app.register_blueprint(pages, url_prefix="/pages")
            audit.before_request(hooks.require_admin)
            app.register_blueprint(audit, url_prefix="/admin/audit")
            return app
    """,
    "shop/hooks.py": """
        from flask import abort
        from flask_login import current_user

        def require_admin():
            if not current_user.is_admin:
                abort(403)
    """,
    "shop/admin.py": """
        from flask import Blueprint
        from flask_login import current_user, login_required

        bp = Blueprint("tools", __name__)

        @bp.post("/announcements")
        @login_required
        def post_announcement():
            return save_announcement()

        @bp.route("/coupons/<int:coupon_id>", methods=["DELETE"])
        @login_required
        def drop_coupon(coupon_id):
            return remove_coupon(coupon_id)

        @bp.post("/settings")
        @login_required
        def save_settings():
            if not current_user.is_admin:
                return "forbidden", 403
            return store_settings()

        @bp.get("/stats")
        @login_required
        def stats():
            return count_users()
    """,
    "shop/audit.py": """
        from flask import Blueprint
        from flask_login import login_required

        audit = Blueprint("audit", __name__)

        @audit.post("/purge")
        @login_required
        def purge_log():
            return clear_log()
    """,
    "shop/pages.py": """
        from flask import Blueprint
        from flask_login import login_required

        pages = Blueprint("pages", __name__)

        @pages.post("/<int:page_id>/edit")
        @login_required
        def edit_page(page_id):
            return save_page(page_id)
    """,
    "api/__init__.py": "",
    "api/deps.py": """
        from fastapi import Depends, HTTPException

        def get_current_user(token: str = ""):
            if not token:
                raise HTTPException(401)
            return {"id": 1}

        def require_admin(user=Depends(get_current_user)):
            if not user.get("admin"):
                raise HTTPException(403)
            return user
    """,
    "api/main.py": """
        from fastapi import Depends, FastAPI
        from api.deps import get_current_user, require_admin
        from api.routers import items, ops, staff

        app = FastAPI()
        app.include_router(items.router, prefix="/items")
        app.include_router(ops.router, prefix="/internal", dependencies=[Depends(get_current_user)])
        app.include_router(staff.router, prefix="/admin", dependencies=[Depends(require_admin)])
    """,
    "api/routers/__init__.py": "",
    "api/routers/base.py": """
        from fastapi import APIRouter

        admin_router = APIRouter(prefix="/admin", tags=["admin"])
    """,
    "api/routers/flags.py": """
        from fastapi import Depends
        from api.deps import get_current_user
        from api.routers.base import admin_router

        @admin_router.post("/flags/{name}")
        def set_flag(name: str, user=Depends(get_current_user)):
            return {"name": name}
    """,
    "api/routers/ops.py": """
        from fastapi import APIRouter

        router = APIRouter()

        @router.post("/cache/clear")
        def clear_cache():
            return {"ok": True}
    """,
    "api/routers/staff.py": """
        from fastapi import APIRouter, Depends
        from api.deps import get_current_user

        router = APIRouter()

        @router.post("/reindex")
        def reindex(user=Depends(get_current_user)):
            return {"ok": True}
    """,
    "api/routers/items.py": """
        from fastapi import APIRouter, Depends
        from api.deps import get_current_user

        router = APIRouter()

        @router.post("/{item_id}")
        def update_item(item_id: int, user=Depends(get_current_user)):
            return {"ok": True}
    """,
}


def test_routes_mounted_under_an_administrators_prefix_by_another_module_need_a_role(tmp_path: Path) -> None:
    """VC218 on a blueprint or router whose administrators' prefix another module gives it (`register_blueprint(bp,
    url_prefix="/admin")`, `include_router(router, prefix="/internal", dependencies=[login])`, an imported
    `APIRouter(prefix="/admin")`): its writes behind a login only are reported; a role check in the body, a role the
    include or an imported `before_request` hook requires, a read, and a prefix that names no administrator are not."""
    _write_project(tmp_path, ADMIN_MOUNTED)
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC218",), cache=False,
                                                   no_bandit=True))
    reported = sorted((Path(f.location.path).name, f.message.split("`")[1]) for f in report.findings)
    assert reported == [("admin.py", "drop_coupon"), ("admin.py", "post_announcement"), ("flags.py", "set_flag"),
                        ("ops.py", "clear_cache")]


def test_a_django_view_that_writes_a_record_with_no_method_check_is_state_changing_where_a_urlconf_routes_it() -> None:
    """A Django view answers every method unless told otherwise: one that deletes or saves a record changes state on a
    GET too (a link, an `<img>`). Routed by the URLconf it is reported; a counter bump on a public page, a session's
    cart, a view the URLconf does not route, and a guarded view are not."""
    views = textwrap.dedent("""\
        from django.contrib.auth.decorators import login_required
        from django.shortcuts import get_object_or_404, redirect, render

        from .models import Cart, Item


        def delete_item(request, pk):
            item = get_object_or_404(Item, pk=pk)
            item.delete()
            return redirect("item-list")


        def item_page(request, pk):
            item = get_object_or_404(Item, pk=pk)
            item.views += 1
            item.save()
            return render(request, "item.html", {"item": item})


        def cart(request):
            basket, _ = Cart.objects.get_or_create(session_key=request.session.session_key)
            return render(request, "cart.html", {"basket": basket})


        def purge_items(request):
            Item.objects.all().delete()
            return redirect("item-list")


        @login_required
        def archive_item(request, pk):
            Item.objects.filter(pk=pk, owner=request.user).update(archived=True)
            return redirect("item-list")
    """)
    urls = textwrap.dedent("""\
        from django.urls import path

        from . import views

        urlpatterns = [
            path("items/<int:pk>/delete/", views.delete_item, name="item-delete"),
            path("items/<int:pk>/", views.item_page),
            path("cart/", views.cart),
            path("items/<int:pk>/archive/", views.archive_item),
        ]
    """)
    findings = sources_findings({"shop/views.py": views, "shop/urls.py": urls, "shop/__init__.py": ""},
                                [RouteWithoutAuth])
    assert [(f.location.path.rpartition("/")[2], f.message.split("`")[1]) for f in findings] == [("views.py", "delete_item")]


def test_a_blueprints_own_prefix_is_replaced_by_the_prefix_it_is_registered_with(tmp_path: Path) -> None:
    """Flask's and Quart's `register_blueprint(bp, url_prefix="/api")` serves `Blueprint(..., url_prefix="/admin")`'s
    routes under `/api`, not `/api/admin` (an empty `url_prefix=""` drops it); FastAPI's `include_router(router,
    prefix="/api")` comes before the router's own `/admin`."""
    _write_project(tmp_path, {
        "flask_app.py": """
            from flask import Blueprint, Flask

            app = Flask(__name__)
            bp = Blueprint("admin", __name__, url_prefix="/admin")

            @bp.route("/users/<int:user_id>", methods=["DELETE"])
            def delete_user(user_id):
                db.delete(user_id)

            app.register_blueprint(bp, url_prefix="/api")
        """,
        "flask_root.py": """
            import flask

            app = flask.Flask(__name__)
            root = flask.Blueprint("root", __name__, url_prefix="/reports")

            @root.post("/purge")
            def purge_reports():
                db.purge()

            app.register_blueprint(root, url_prefix="")
        """,
        "quart_app.py": """
            from quart import Blueprint, Quart

            app = Quart(__name__)
            staff = Blueprint("staff", __name__, url_prefix="/staff")

            @staff.post("/notes")
            async def add_note():
                db.add_note()

            app.register_blueprint(staff, url_prefix="/v2")
        """,
        "fastapi_app.py": """
            from fastapi import APIRouter, FastAPI

            app = FastAPI()
            router = APIRouter(prefix="/admin")

            @router.delete("/items/{item_id}")
            def delete_item(item_id: int):
                db.delete(item_id)

            app.include_router(router, prefix="/api")
        """,
    })
    reported = sorted(f.message.split("`")[1] for f in project_findings(tmp_path, [RouteWithoutAuth]))
    assert reported == ["DELETE /api/admin/items/{item_id}", "DELETE /api/users/<int:user_id>", "POST /purge",
                        "POST /v2/notes"]


def test_an_imported_blueprints_administrators_prefix_is_replaced_where_it_is_registered_with_another(
        tmp_path: Path) -> None:
    """VC218 across modules: an imported `Blueprint(..., url_prefix="/admin")` registered with `url_prefix="/api"`
    serves `/api/...` (Flask replaces the blueprint's own prefix), so its login-only writes are not administrative;
    the same blueprint registered with no `url_prefix` keeps `/admin` and its writes are reported."""
    _write_project(tmp_path, {
        "shop/__init__.py": """
            from flask import Flask
            from .base import reports, staff
            from . import views

            def create_app():
                app = Flask(__name__)
                app.register_blueprint(staff, url_prefix="/api")
                app.register_blueprint(reports)
                return app
        """,
        "shop/base.py": """
            from flask import Blueprint

            staff = Blueprint("staff", __name__, url_prefix="/admin")
            reports = Blueprint("reports", __name__, url_prefix="/admin")
        """,
        "shop/views.py": """
            from flask_login import login_required
            from .base import reports, staff

            @staff.post("/coupons")
            @login_required
            def add_coupon():
                return save_coupon()

            @reports.post("/purge")
            @login_required
            def purge_reports():
                return clear_reports()
        """,
    })
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, select=("VC218",), cache=False,
                                                   no_bandit=True))
    assert sorted(f.message.split("`")[1] for f in report.findings) == ["purge_reports"]


def _vc218_handlers(root: Path) -> list[str]:
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC218",), cache=False, no_bandit=True))
    return sorted(f.message.split("`")[1] for f in report.findings)


def test_a_starlette_route_list_mounted_by_another_module_under_an_administrators_prefix(tmp_path: Path) -> None:
    """VC218 across modules: `routes = [Route("/orgs/{org_id}/quota/reset", ...)]` is served under `/admin` where
    `main.py` mounts it (`Mount("/admin", routes=admin_views.routes)`, also through `app=Router(routes=...)`); the list
    mounted under `/api` is for every user."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/auth.py": """
            async def ensure_logged_in(request):
                if not request.user.is_authenticated:
                    raise PermissionError
        """,
        "svc/admin_views.py": """
            from starlette.responses import JSONResponse
            from starlette.routing import Route
            from .auth import ensure_logged_in

            async def reset_quota(request):
                await ensure_logged_in(request)
                db.reset_quota(request.path_params["org_id"])
                return JSONResponse({"reset": True})

            async def rotate_region(request):
                await ensure_logged_in(request)
                db.rotate(request.path_params["region"])
                return JSONResponse({"rotated": True})

            routes = [Route("/orgs/{org_id}/quota/reset", reset_quota, methods=["POST"])]
            ops_routes = [Route("/regions/{region}/rotate", rotate_region, methods=["POST"])]
        """,
        "svc/public_views.py": """
            from starlette.responses import JSONResponse
            from starlette.routing import Route
            from .auth import ensure_logged_in

            async def follow_org(request):
                await ensure_logged_in(request)
                db.follow(request.path_params["org_id"])
                return JSONResponse({"following": True})

            routes = [Route("/orgs/{org_id}/follow", follow_org, methods=["POST"])]
        """,
        "svc/main.py": """
            from starlette.applications import Starlette
            from starlette.routing import Mount, Router
            from . import admin_views, public_views

            app = Starlette(routes=[
                Mount("/admin", routes=admin_views.routes),
                Mount("/internal", app=Router(admin_views.ops_routes)),
                Mount("/api", routes=public_views.routes),
            ])
        """,
    })
    assert _vc218_handlers(tmp_path) == ["reset_quota", "rotate_region"]


def test_sanic_blueprints_take_the_prefix_of_app_blueprint_and_of_their_group(tmp_path: Path) -> None:
    """Sanic's `app.blueprint(bp, url_prefix="/admin")` includes the blueprint under `/admin` (replacing its own prefix),
    `Blueprint.group(bp, url_prefix=ADMIN_PREFIX)` puts its own prefix before the blueprint's (a module constant here);
    the blueprints included under `/api` are for every user."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/auth.py": """
            def login_required(f):
                return f
        """,
        "svc/views.py": """
            from sanic import Blueprint
            from sanic.response import json
            from .auth import login_required

            ops = Blueprint("ops", url_prefix="/ops")
            social = Blueprint("social")
            tenants = Blueprint("tenants", url_prefix="/tenants")
            profile = Blueprint("profile", url_prefix="/profile")

            @ops.post("/tenants/<tenant_id>/plan")
            @login_required
            async def change_tenant_plan(request, tenant_id):
                db.set_plan(tenant_id)
                return json({"ok": True})

            @social.post("/tenants/<tenant_id>/follow")
            @login_required
            async def follow_tenant(request, tenant_id):
                db.follow(tenant_id)
                return json({"ok": True})

            @tenants.post("/<tenant_id>/seats")
            @login_required
            async def set_seat_count(request, tenant_id):
                db.set_seats(tenant_id, request.json["seats"])
                return json({"ok": True})

            @profile.post("/<tenant_id>/avatar")
            @login_required
            async def update_avatar(request, tenant_id):
                db.set_avatar(tenant_id)
                return json({"ok": True})
        """,
        "svc/main.py": """
            from sanic import Blueprint, Sanic
            from .views import ops, profile, social, tenants

            ADMIN_PREFIX = "/admin"
            app = Sanic("svc")
            app.blueprint(ops, url_prefix="/admin")
            app.blueprint(social, url_prefix="/api")
            backoffice = Blueprint.group(tenants, url_prefix=ADMIN_PREFIX)
            api = Blueprint.group(profile, url_prefix="/api")
            app.blueprint(backoffice)
            app.blueprint(api)
        """,
    })
    assert _vc218_handlers(tmp_path) == ["change_tenant_plan", "set_seat_count"]


def test_a_blueprint_prefix_from_a_constant_counts_and_one_from_the_settings_says_nothing(tmp_path: Path) -> None:
    """`Blueprint(..., url_prefix=ADMIN_PREFIX)` with the module's `ADMIN_PREFIX = "/admin"` is an administrators'
    blueprint; `url_prefix=settings.REPORTS_PREFIX` is not known, and a blueprint made with `/admin` but registered with
    `url_prefix=settings.NOTES_PREFIX` no longer serves `/admin` (the registration replaces its prefix): neither is
    reported."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/auth.py": """
            def login_required(f):
                return f
        """,
        "svc/views.py": """
            from flask import Blueprint, request
            from .auth import login_required
            from . import settings

            ADMIN_PREFIX = "/admin"
            flags = Blueprint("flags", __name__, url_prefix=ADMIN_PREFIX)
            reports = Blueprint("reports", __name__, url_prefix=settings.REPORTS_PREFIX)
            backoffice = Blueprint("backoffice", __name__, url_prefix="/admin")

            @flags.post("/features/<name>/toggle")
            @login_required
            def toggle_feature(name):
                db.toggle(name)
                return {"ok": True}

            @reports.post("/exports/<report_id>/rerun")
            @login_required
            def rerun_export(report_id):
                db.rerun(report_id)
                return {"ok": True}

            @backoffice.post("/notes/<note_id>/pin")
            @login_required
            def pin_note(note_id):
                db.pin(note_id, request.json)
                return {"ok": True}
        """,
        "svc/main.py": """
            from flask import Flask
            from . import settings
            from .views import backoffice, flags, reports

            app = Flask(__name__)
            app.register_blueprint(flags)
            app.register_blueprint(reports)
            app.register_blueprint(backoffice, url_prefix=settings.NOTES_PREFIX)
        """,
    })
    assert _vc218_handlers(tmp_path) == ["toggle_feature"]


def test_an_f_string_prefix_counts_by_its_known_parts(tmp_path: Path) -> None:
    """`include_router(admin.router, prefix=f"{settings.API_V1_STR}/admin")`: the settings' part is not known, the
    `/admin` after it is, so the router's login-only writes are an administrators'; `/items` is not."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/api/__init__.py": "",
        "svc/deps.py": """
            def get_current_user():
                raise NotImplementedError
        """,
        "svc/api/admin.py": """
            from fastapi import APIRouter, Depends
            from ..deps import get_current_user

            router = APIRouter()

            @router.post("/users/{user_id}/quota")
            def set_user_quota(user_id: int, quota: int, user=Depends(get_current_user)):
                crud.set_quota(user_id, quota)
        """,
        "svc/api/items.py": """
            from fastapi import APIRouter, Depends
            from ..deps import get_current_user

            router = APIRouter()

            @router.post("/{item_id}/quota")
            def set_item_quota(item_id: int, quota: int, user=Depends(get_current_user)):
                crud.set_item_quota(item_id, quota, owner=user.id)
        """,
        "svc/main.py": """
            from fastapi import FastAPI
            from .api import admin, items
            from .config import settings

            app = FastAPI()
            app.include_router(admin.router, prefix=f"{settings.API_V1_STR}/admin")
            app.include_router(items.router, prefix=f"{settings.API_V1_STR}/items")
        """,
    })
    assert _vc218_handlers(tmp_path) == ["set_user_quota"]


def test_a_starlette_endpoint_routed_by_another_modules_list_on_an_administrators_path(tmp_path: Path) -> None:
    """VC218 across modules: `views.purge_notes` signs its caller in and acts; `routes.py` routes it with
    `Mount("/admin", routes=[Route(..., views.purge_notes, methods=["POST"])])`. The endpoint routed on `/orgs/...`,
    and the one routed under `/admin` for GET only, are not reported; nor is one whose module checks no sign-in."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/auth.py": """
            async def ensure_logged_in(request):
                if not request.user.is_authenticated:
                    raise PermissionError
        """,
        "svc/views.py": """
            from starlette.responses import JSONResponse
            from .auth import ensure_logged_in

            async def purge_notes(request):
                await ensure_logged_in(request)
                await db.purge_notes(request.path_params["org_id"])
                return JSONResponse({"purged": True})

            async def pin_note(request):
                await ensure_logged_in(request)
                await db.pin(request.path_params["org_id"])
                return JSONResponse({"pinned": True})

            async def note_stats(request):
                await ensure_logged_in(request)
                await db.count_view(request.path_params["org_id"])
                return JSONResponse(await db.stats(request.path_params["org_id"]))

            async def archive_notes(request):
                await db.archive(request.path_params["org_id"])
                return JSONResponse({"archived": True})
        """,
        "svc/routes.py": """
            from starlette.routing import Mount, Route
            from . import views

            routes = [
                Mount("/admin", routes=[
                    Route("/orgs/{org_id}/notes/purge", views.purge_notes, methods=["POST"]),
                    Route("/orgs/{org_id}/notes/stats", views.note_stats),
                    Route("/orgs/{org_id}/notes/archive", views.archive_notes, methods=["POST"]),
                ]),
                Route("/orgs/{org_id}/notes/pin", views.pin_note, methods=["POST"]),
            ]
        """,
    })
    assert _vc218_handlers(tmp_path) == ["purge_notes"]


def test_an_app_whose_only_guards_check_webhook_signatures_signs_nobody_in(tmp_path: Path) -> None:
    """VC219 needs other routes of the app that require a login: a webhook that checks its sender's signature (Sanic
    blueprints joined by `app.blueprint(...)`) signs no user in, so an open download is no forgotten guard there; the
    same download beside a route behind a login is reported."""
    _write_project(tmp_path, {
        "svc/__init__.py": "",
        "svc/hooks.py": """
            import hashlib
            import hmac
            from sanic import Blueprint
            from sanic.exceptions import Unauthorized
            from sanic.response import json

            bp = Blueprint("hooks", url_prefix="/hooks")

            @bp.post("/github")
            async def github_hook(request):
                expected = hmac.new(b"k", request.body, hashlib.sha256).hexdigest()
                if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
                    raise Unauthorized("bad signature")
                return json({"ok": True})
        """,
        "svc/files.py": """
            from sanic import Blueprint
            from sanic.response import file

            bp = Blueprint("files", url_prefix="/files")

            @bp.get("/<name>/download")
            async def download(request, name: str):
                return await file(f"/srv/files/{name}")
        """,
        "svc/server.py": """
            from sanic import Sanic
            from . import files, hooks

            app = Sanic("media")
            app.blueprint(files.bp)
            app.blueprint(hooks.bp)
        """,
    })
    assert project_findings(tmp_path, [SensitiveReadWithoutAuth]) == []
    (tmp_path / "svc/account.py").write_text(textwrap.dedent("""
        from sanic import Blueprint
        from sanic.response import json
        from sanic_jwt import protected

        bp = Blueprint("account", url_prefix="/account")

        @bp.post("/password")
        @protected()
        async def change_password(request):
            return json({"ok": True})
    """), encoding="utf-8")
    (tmp_path / "svc/server.py").write_text(textwrap.dedent("""
        from sanic import Sanic
        from . import account, files, hooks

        app = Sanic("media")
        app.blueprint(files.bp)
        app.blueprint(hooks.bp)
        app.blueprint(account.bp)
    """), encoding="utf-8")
    assert [f.message.split("`")[1] for f in project_findings(tmp_path, [SensitiveReadWithoutAuth])] == \
        ["GET /files/<name>/download"]


def test_a_dependency_that_requires_the_authorization_header_guards_whatever_its_name(tmp_path: Path) -> None:
    """`member(authorization: str = Header(...))` hands the header to another module's decoder: FastAPI answers 422
    without it, so the download behind it is guarded; a dependency that lets a request without the header in
    (`Header(None)`) or reads the header and drops it guards nothing."""
    _write_project(tmp_path, {
        "rooms/__init__.py": "",
        "rooms/auth.py": """
            import jwt

            def decode_token(token: str) -> dict:
                return jwt.decode(token, "k", algorithms=["HS256"])
        """,
        "rooms/files.py": """
            from fastapi import APIRouter, Depends, Header
            from fastapi.responses import FileResponse

            from .auth import decode_token

            router = APIRouter(prefix="/files")

            def member(authorization: str = Header(...)) -> dict:
                return decode_token(authorization.removeprefix("Bearer "))

            def maybe_member(authorization: str | None = Header(None)) -> dict | None:
                return decode_token(authorization) if authorization else None

            def traced(authorization: str = Header(...)) -> str:
                return "seen"

            @router.post("/{room_id}")
            async def upload(room_id: str, user: dict = Depends(member)):
                return {"room": room_id}

            @router.get("/{room_id}/{name}/download")
            def download(room_id: str, name: str, user: dict = Depends(member)):
                return FileResponse(f"/srv/{room_id}/{name}")

            @router.get("/{room_id}/history")
            def history(room_id: str, user: dict | None = Depends(maybe_member)):
                return {"room": room_id}

            @router.get("/{room_id}/export")
            def export(room_id: str, trace: str = Depends(traced)):
                return {"room": room_id}
        """,
        "rooms/app.py": """
            from fastapi import FastAPI
            from .files import router

            app = FastAPI()
            app.include_router(router)
        """,
    })
    assert sorted(f.line_text.strip() for f in project_findings(tmp_path, [SensitiveReadWithoutAuth])) == [
        '@router.get("/{room_id}/export")', '@router.get("/{room_id}/history")']
