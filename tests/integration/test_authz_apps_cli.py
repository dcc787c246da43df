"""Authorization across files, through the command line: multi-file apps with guarded and unguarded routes.

Each app is written to `tmp_path` as real files; the test asserts exactly which routes VC201 reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

FASTAPI_APP = {
    "app/__init__.py": """\
""",
    "app/deps.py": """\
from fastapi import Header, HTTPException


def require_user(authorization: str = Header(default="")):
    user = lookup_session(authorization)
    if user is None:
        raise HTTPException(status_code=401, detail="not signed in")
    return user


def lookup_session(token):
    return SESSIONS.get(token)


SESSIONS: dict = {}
""",
    "app/main.py": """\
from fastapi import Depends, FastAPI

from .deps import require_user
from .routers import admin, items, public, users

app = FastAPI()
app.include_router(items.router, prefix="/items", dependencies=[Depends(require_user)])
app.include_router(users.router)
app.include_router(public.router, prefix="/public")
app.include_router(admin.router, prefix="/admin")
""",
    "app/routers/__init__.py": """\
""",
    "app/routers/admin.py": """\
from fastapi import APIRouter, Depends

from app.deps import require_user

router = APIRouter(dependencies=[Depends(require_user)])


@router.post("/reindex")
def reindex():
    return start_reindex()
""",
    "app/routers/items.py": """\
from fastapi import APIRouter

router = APIRouter()


@router.post("/")
def create_item(item: dict):
    return save(item)


@router.delete("/{item_id}")
def delete_item(item_id: int):
    return remove(item_id)
""",
    "app/routers/public.py": """\
from fastapi import APIRouter

router = APIRouter()


@router.get("/items")
def list_items():
    return everything()


@router.post("/feedback")
def send_feedback(body: dict):
    return store_feedback(body)
""",
    "app/routers/users.py": """\
from fastapi import APIRouter, Depends

from ..deps import require_user

router = APIRouter(prefix="/users")


@router.put("/me")
def update_me(body: dict, user=Depends(require_user)):
    return save_user(user, body)


@router.post("/{user_id}/ban")
def ban_user(user_id: int):
    return ban(user_id)
""",
}


def reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], codes: str) -> list[str]:
    """`path:line CODE` of every finding, running `vibecheck --select CODES .` in a folder holding `files`."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, files)
    result = CliRunner().invoke(cli, ["--format", "concise", "--no-bandit", "--select", codes, "."],
                                catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    found = []
    for line in result.stdout.splitlines():
        if line.strip():
            where, code = line.split()[:2]
            found.append(f"{where.rsplit(':', 2)[0]} {code}")
    return sorted(found)


def test_fastapi_guards_added_at_include_time_and_on_routers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # items: guarded by include_router(dependencies=...); admin: APIRouter(dependencies=...); update_me: Depends on
    # a project-defined dependency that raises 401. Reported: the open feedback form and the unguarded ban.
    assert reported(tmp_path, monkeypatch, FASTAPI_APP, "VC201") == [
        "app/routers/public.py:11 VC201",
        "app/routers/users.py:13 VC201",
    ]


DJANGO_PROJECT = {
    "config/__init__.py": "",
    "config/settings.py": """\
        INSTALLED_APPS = ["django.contrib.auth", "rest_framework", "shop"]
        REST_FRAMEWORK = {
            "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
        }
        """,
    "config/urls.py": """\
        from django.urls import include, path

        urlpatterns = [path("shop/", include("shop.urls"))]
        """,
    "shop/__init__.py": "",
    "shop/views.py": """\
        from django.http import HttpResponse
        from django.shortcuts import redirect
        from django.views.decorators.http import require_POST
        from django.views.generic import CreateView, UpdateView

        from .models import Order


        def edit_order(request, pk):
            if request.method == "POST":
                Order.objects.filter(pk=pk).update(note=request.POST["note"])
            return redirect("shop:list")


        @require_POST
        def delete_order(request, pk):
            Order.objects.filter(pk=pk).delete()
            return HttpResponse(status=204)


        def describe_request(request):
            return {"path": request.path, "posted": request.method == "POST", "data": dict(request.POST)}


        class OrderUpdate(UpdateView):
            model = Order
            fields = ["note"]


        class OrderCreate(CreateView):
            model = Order
            fields = ["note"]


        class BaseOrderForm(CreateView):
            model = Order
        """,
    "shop/api.py": """\
        from rest_framework import viewsets
        from rest_framework.permissions import AllowAny

        from .models import Order


        class OrderViewSet(viewsets.ModelViewSet):
            queryset = Order.objects.all()


        class OpenOrderViewSet(viewsets.ModelViewSet):
            queryset = Order.objects.all()
            permission_classes = [AllowAny]
        """,
    "shop/urls.py": """\
        from django.contrib.auth.decorators import login_required
        from django.urls import path
        from rest_framework.routers import DefaultRouter

        from . import api, views

        router = DefaultRouter()
        router.register("orders", api.OrderViewSet)
        router.register("open-orders", api.OpenOrderViewSet)

        urlpatterns = [
            path("<int:pk>/edit/", login_required(views.edit_order)),
            path("<int:pk>/delete/", views.delete_order),
            path("<int:pk>/update/", login_required(views.OrderUpdate.as_view())),
            path("new/", views.OrderCreate.as_view()),
            *router.urls,
        ]
        """,
}


def test_django_urlconf_wrappers_and_drf_settings_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # edit_order and OrderUpdate are wrapped in login_required in urls.py; OrderViewSet relies on the
    # settings' IsAuthenticated; describe_request and BaseOrderForm are not routed by any URLconf.
    assert reported(tmp_path, monkeypatch, DJANGO_PROJECT, "VC201") == [
        "shop/api.py:11 VC201",
        "shop/views.py:15 VC201",
        "shop/views.py:30 VC201",
    ]


def test_drf_views_are_open_when_the_settings_keep_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = {**DJANGO_PROJECT, "config/settings.py": 'REST_FRAMEWORK = {"PAGE_SIZE": 20}\n'}
    assert "shop/api.py:7 VC201" in reported(tmp_path, monkeypatch, project, "VC201")


FLASK_APP = {
    "blog/__init__.py": """\
        from flask import Flask

        from . import admin, api, auth, posts


        def create_app():
            app = Flask(__name__)
            admin.bp.before_request(auth.require_admin)
            app.register_blueprint(auth.bp)
            app.register_blueprint(posts.bp)
            app.register_blueprint(admin.bp, url_prefix="/admin")
            app.register_blueprint(api.bp, url_prefix="/api")
            return app
        """,
    "blog/auth.py": """\
        import functools

        from flask import Blueprint, abort, g, redirect, request, session, url_for

        bp = Blueprint("auth", __name__, url_prefix="/auth")


        def members_only(view):
            @functools.wraps(view)
            def wrapped_view(**kwargs):
                if g.user is None:
                    return redirect(url_for("auth.login"))
                return view(**kwargs)

            return wrapped_view


        def require_admin():
            if g.user is None or not g.user.is_admin:
                abort(403)


        @bp.before_app_request
        def load_logged_in_user():
            g.user = session.get("user_id")


        @bp.route("/login", methods=("GET", "POST"))
        def login():
            session["user_id"] = check_password(request.form)
            return redirect("/")
        """,
    "blog/posts.py": """\
        from flask import Blueprint, request

        from .auth import members_only

        bp = Blueprint("posts", __name__)


        @bp.route("/create", methods=("GET", "POST"))
        @members_only
        def create():
            return save_post(request.form)


        @bp.route("/<int:id>/delete", methods=("POST",))
        def delete(id):
            return delete_post(id)
        """,
    "blog/admin.py": """\
        from flask import Blueprint

        bp = Blueprint("admin", __name__)


        @bp.post("/purge")
        def purge():
            return purge_everything()
        """,
    "blog/api.py": """\
        from flask import Blueprint, request

        bp = Blueprint("api", __name__)


        @bp.post("/upload")
        def upload():
            return store(request.files["file"])
        """,
}


def test_flask_blueprint_hooks_and_project_decorators(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # create: the project's own members_only decorator; purge: the admin blueprint's before_request hook,
    # registered in the app factory; login: public by design. Reported: delete and upload.
    assert reported(tmp_path, monkeypatch, FLASK_APP, "VC201") == [
        "blog/api.py:6 VC201",
        "blog/posts.py:14 VC201",
    ]
