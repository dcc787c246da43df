"""VC201 route-without-auth: one strict corpus per framework, options, and precision on real apps."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, RULES_DIR
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.testing import check_corpus, findings_for, parse_annotations, project_findings

CORPORA = RULES_DIR / "VC201-route-without-auth"
DJANGO_APP = REPO_ROOT / "tests" / "data" / "django_app"


@pytest.mark.parametrize("name", ["cases.py", "cases_fastapi.py", "cases_django.py", "cases_starlette.py"])
def test_framework_corpus_is_reported_exactly(name: str) -> None:
    corpus = CORPORA / name
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC201")
    assert len(expected) >= 8 and len(ok) >= 8
    result = check_corpus(RouteWithoutAuth, corpus)
    assert not result.missed and not result.unexpected, result.describe()


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


def _findings_in(root: Path) -> list[tuple[str, str]]:
    return [(Path(f.location.path).name, f.message.split("`")[1]) for f in project_findings(root, [RouteWithoutAuth])]


def test_django_app_findings_are_the_known_ones() -> None:
    # report_note is deliberately anonymous; moderate is wrapped in `staff_member_required` in urls.py.
    assert _findings_in(DJANGO_APP) == [("views.py", "report_note")]


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
