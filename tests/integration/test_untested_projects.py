"""VC301/VC302 on multi-file projects, run as a user runs vibecheck: exactly which functions and modules are reported.

Static mode follows the framework (a test client's path reaches its handler, the handler its dependencies
and request model, the app its startup hooks); coverage mode reads a data file that the test builds by
running the fixture project's own tests under coverage.py in a subprocess (vibecheck never runs them).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.integration.conftest import write
from vibecheck.cli import cli

FASTAPI_TODO = {
    "pyproject.toml": "[project]\nname = 'todo'\n",
    "todo/__init__.py": "",
    "todo/main.py": """
        from fastapi import Depends, FastAPI, HTTPException

        from . import crud
        from .deps import get_current_user, get_db, require_admin
        from .schemas import TodoCreate, TodoOut

        app = FastAPI()


        @app.on_event("startup")
        def create_tables():
            crud.init_db()


        @app.get("/todos/{todo_id}", response_model=TodoOut)
        def read_todo(todo_id: int, user=Depends(get_current_user), db=Depends(get_db)):
            todo = crud.get_todo(db, todo_id)
            if todo is None:
                raise HTTPException(status_code=404)
            return todo


        @app.post("/todos", response_model=TodoOut)
        def create_todo(body: TodoCreate, user=Depends(get_current_user), db=Depends(get_db)):
            return crud.create_todo(db, body, owner=user)


        @app.delete("/admin/todos/{todo_id}")
        def purge_todo(todo_id: int, admin=Depends(require_admin), db=Depends(get_db)):
            crud.purge(db, todo_id)
    """,
    "todo/deps.py": """
        from fastapi import Depends, Header, HTTPException


        def get_db():
            return {}


        def get_current_user(authorization: str = Header(...)):
            if not authorization:
                raise HTTPException(status_code=401)
            return authorization


        def require_admin(user=Depends(get_current_user)):
            if user != "admin":
                raise HTTPException(status_code=403)
            return user
    """,
    "todo/schemas.py": """
        from pydantic import BaseModel


        class TodoCreate(BaseModel):
            title: str


        class TodoOut(BaseModel):
            id: int
            title: str

            class Config:
                orm_mode = True
    """,
    "todo/crud.py": """
        def init_db():
            return None


        def get_todo(db, todo_id):
            return db.get(todo_id)


        def create_todo(db, body, owner):
            db[len(db)] = body
            return body


        def purge(db, todo_id):
            db.pop(todo_id, None)


        def export_csv(db):
            return ",".join(map(str, db))
    """,
    "todo/reports.py": """
        def weekly_summary(db):
            return len(db)
    """,
    "tests/test_api.py": """
        from fastapi.testclient import TestClient

        from todo.main import app

        client = TestClient(app)


        def test_read_todo():
            response = client.get("/todos/1", headers={"Authorization": "alice"})
            assert response.status_code == 404


        def test_create_todo():
            response = client.post("/todos", json={"title": "milk"}, headers={"Authorization": "alice"})
            assert response.json()["title"] == "milk"
    """,
}

DRF_SHOP = {
    "setup.py": "from setuptools import setup\nsetup(name='shop')\n",
    "manage.py": "import sys\n",
    "shop/__init__.py": "",
    "shop/settings.py": """
        INSTALLED_APPS = ["rest_framework", "shop"]
        ROOT_URLCONF = "shop.urls"
    """,
    "shop/apps.py": """
        from django.apps import AppConfig


        class ShopConfig(AppConfig):
            name = "shop"

            def ready(self):
                from . import signals  # noqa: F401
    """,
    "shop/admin.py": """
        from django.contrib import admin

        from .models import Order


        @admin.register(Order)
        class OrderAdmin(admin.ModelAdmin):
            list_display = ["id", "status"]

            def mark_paid(self, request, queryset):
                queryset.update(status="paid")
    """,
    "shop/migrations/__init__.py": "",
    "shop/migrations/0001_initial.py": """
        from django.db import migrations


        def forwards(apps, schema_editor):
            return None


        class Migration(migrations.Migration):
            operations = [migrations.RunPython(forwards)]
    """,
    "shop/models.py": """
        from django.db import models


        class Order(models.Model):
            status = models.CharField(max_length=20)

            class Meta:
                ordering = ["id"]

            def __str__(self):
                return f"Order {self.pk}"

            def refund(self):
                self.status = "refunded"
                self.save()

            def cancel(self):
                self.status = "cancelled"
                self.save()
    """,
    "shop/serializers.py": """
        from rest_framework import serializers

        from .models import Order


        class OrderSerializer(serializers.ModelSerializer):
            class Meta:
                model = Order
                fields = ["id", "status"]

            def validate_status(self, value):
                return value.lower()
    """,
    "shop/permissions.py": """
        from rest_framework import permissions


        class IsOwner(permissions.BasePermission):
            def has_object_permission(self, request, view, obj):
                return obj.owner == request.user


        class IsStaff(permissions.BasePermission):
            def has_permission(self, request, view):
                return request.user.is_staff
    """,
    "shop/views.py": """
        from django.http import JsonResponse
        from rest_framework import permissions, viewsets
        from rest_framework.decorators import action

        from .models import Order
        from .permissions import IsOwner, IsStaff
        from .serializers import OrderSerializer


        class OrderViewSet(viewsets.ModelViewSet):
            serializer_class = OrderSerializer
            permission_classes = [permissions.IsAuthenticated, IsOwner]

            def get_queryset(self):
                return Order.objects.filter(owner=self.request.user)

            def destroy(self, request, pk=None):
                return JsonResponse({}, status=405)

            @action(detail=True, methods=["post"])
            def refund(self, request, pk=None):
                self.get_object().refund()
                return JsonResponse({"ok": True})

            @action(detail=True, methods=["post"], permission_classes=[IsStaff])
            def cancel(self, request, pk=None):
                self.get_object().cancel()
                return JsonResponse({"ok": True})


        def health(request):
            return JsonResponse({"ok": True})


        def export_orders(request):
            return JsonResponse({"orders": []})
    """,
    "shop/signals.py": """
        from django.db.models.signals import post_save
        from django.dispatch import receiver

        from .models import Order


        @receiver(post_save, sender=Order)
        def order_saved(sender, instance, **kwargs):
            return instance
    """,
    "shop/urls.py": """
        from django.urls import include, path
        from rest_framework.routers import DefaultRouter

        from . import views

        router = DefaultRouter()
        router.register("orders", views.OrderViewSet, basename="order")

        urlpatterns = [
            path("api/", include(router.urls)),
            path("health/", views.health, name="health"),
            path("export/", views.export_orders, name="export-orders"),
        ]
    """,
    "shop/tests/__init__.py": "",
    "shop/tests/test_api.py": """
        from django.test import TestCase
        from django.urls import reverse
        from rest_framework.test import APIClient


        class OrderApiTests(TestCase):
            def setUp(self):
                self.api = APIClient()

            def test_refund(self):
                response = self.api.post(reverse("order-refund", args=[1]))
                self.assertEqual(response.status_code, 200)

            def test_list(self):
                self.assertEqual(self.api.get("/api/orders/").status_code, 200)

            def test_health(self):
                self.assertEqual(self.client.get("/health/").json(), {"ok": True})
    """,
}

FLASK_BLOG = {
    "pyproject.toml": "[project]\nname = 'blog'\n",
    "blog/__init__.py": """
        from flask import Flask


        def create_app():
            app = Flask(__name__)
            from . import auth, posts

            app.register_blueprint(auth.bp)
            app.register_blueprint(posts.bp, url_prefix="/posts")
            return app
    """,
    "blog/auth.py": """
        from flask import Blueprint, g, session

        bp = Blueprint("auth", __name__, url_prefix="/auth")


        @bp.before_app_request
        def load_user():
            g.user = session.get("user_id")


        @bp.route("/login", methods=("GET", "POST"))
        def login():
            return "login"


        @bp.route("/logout")
        def logout():
            session.clear()
            return "bye"
    """,
    "blog/posts.py": """
        from flask import Blueprint

        from .store import all_posts, delete_post

        bp = Blueprint("posts", __name__)


        @bp.get("/")
        def index():
            return {"posts": all_posts()}


        @bp.post("/<int:post_id>/delete")
        def delete(post_id):
            delete_post(post_id)
            return "", 204
    """,
    "blog/store.py": """
        POSTS = {}


        def all_posts():
            return list(POSTS.values())


        def delete_post(post_id):
            POSTS.pop(post_id, None)
    """,
    "tests/conftest.py": """
        import pytest

        from blog import create_app


        @pytest.fixture
        def client():
            return create_app().test_client()
    """,
    "tests/test_blog.py": """
        from flask import url_for


        def test_index(client):
            assert client.get("/posts/").json == {"posts": []}


        def test_login_page(client):
            assert client.get("/auth/login").status_code == 200


        def test_delete_is_post_only(client):
            assert client.get("/posts/1/delete").status_code == 405


        def test_logout_url(app):
            with app.test_request_context():
                assert url_for("auth.logout") == "/auth/logout"
    """,
}

LIBRARY = {
    "setup.cfg": "[metadata]\nname = units\n",
    "src/units/__init__.py": "from .convert import to_metres\n",
    "src/units/convert.py": """
        FACTORS = {"ft": 0.3048, "in": 0.0254}


        def to_metres(value, unit):
            return value * factor(unit)


        def factor(unit):
            try:
                return FACTORS[unit]
            except KeyError:
                raise ValueError(f"unknown unit {unit}") from None


        def to_feet(metres):
            return metres / FACTORS["ft"]


        class Length:
            def __init__(self, metres):
                self.metres = metres

            def __repr__(self):
                return f"Length({self.metres})"

            def scaled(self, by):
                return Length(self.metres * by)
    """,
    "src/units/formats.py": """
        def pretty(value):
            return f"{value:.2f} m"
    """,
    "tests/test_convert.py": """
        from units import to_metres


        def test_feet():
            assert to_metres(1, "ft") == 0.3048
    """,
}


def findings(cwd: Path, *paths: str) -> list[tuple[str, str, int]]:
    """`(code, absolute path, line)` of every VC301/VC302 finding of a run started in `cwd`."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["--select", "VC301,VC302", "--no-bandit", "--format", "json", *paths],
                                    catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    return sorted((f["code"], str((cwd / f["path"]).resolve()), f["start"]["line"])
                  for f in data["findings"])


def relative(found: list[tuple[str, str, int]], root: Path) -> list[str]:
    return [f"{code} {Path(path).relative_to(root.resolve()).as_posix()}:{line}" for code, path, line in found]


def test_fastapi_static_reach_follows_dependencies_models_and_hooks(tmp_path: Path) -> None:
    root = write(tmp_path / "todo", FASTAPI_TODO)
    assert relative(findings(root), root) == [
        "VC301 todo/crud.py:15",   # purge: only the unrequested admin route calls it
        "VC301 todo/crud.py:19",   # export_csv: called by nothing
        "VC301 todo/deps.py:15",   # require_admin: a dependency of the unrequested route only
        "VC301 todo/main.py:30",   # purge_todo: "/admin/todos/{todo_id}" is never requested
        "VC302 todo/reports.py:1",
    ]
    # get_db/get_current_user (dependencies of requested routes), the startup hook and crud.init_db it calls,
    # and the pydantic models (declarative) are not reported


def test_drf_static_reach_through_router_urlconf_and_reverse(tmp_path: Path) -> None:
    root = write(tmp_path / "shop", DRF_SHOP)
    assert relative(findings(root), root) == [
        "VC301 shop/models.py:18",   # Order.cancel: only the untested `cancel` action calls it
        "VC301 shop/views.py:18",    # destroy: no test sends DELETE to /api/orders/<pk>/
        "VC301 shop/views.py:27",    # cancel: no test posts to /api/orders/<pk>/cancel/ or reverses order-cancel
        "VC301 shop/views.py:36",    # export_orders: "export/" is never requested
    ]
    # reached: OrderViewSet (GET /api/orders/), its get_queryset (DRF calls it), the refund action (by name),
    # Order.refund, the serializer and its validate_status, IsOwner.has_object_permission, the health view
    # (by path), the signal receiver (loaded by AppConfig.ready); admin.py, apps.py, settings and migrations
    # are declarative. IsStaff counts as reached: the `cancel` decorator that names it runs at import.


def test_flask_static_reach_through_blueprints(tmp_path: Path) -> None:
    root = write(tmp_path / "blog", FLASK_BLOG)
    assert relative(findings(root), root) == [
        "VC301 blog/posts.py:15",    # delete: tested with GET only, a method it does not accept
        "VC301 blog/store.py:9",     # delete_post: only the untested handler calls it
    ]
    # logout is reached through url_for("auth.logout"), load_user is a hook of a loaded module


def test_library_static_mode(tmp_path: Path) -> None:
    root = write(tmp_path / "units", LIBRARY)
    assert relative(findings(root), root) == [
        "VC301 src/units/convert.py:16",   # to_feet
        "VC301 src/units/convert.py:20",   # Length: no test names it or its methods
        "VC302 src/units/formats.py:1",
    ]


def test_parent_folder_and_monorepo_root_give_the_same_result_as_each_project(tmp_path: Path) -> None:
    todo = write(tmp_path / "apps" / "todo", FASTAPI_TODO)
    units = write(tmp_path / "libs" / "units", LIBRARY)
    inside = sorted(findings(todo) + findings(units))
    assert len(inside) == 8
    assert findings(tmp_path) == inside  # a parent folder with no project file of its own
    write(tmp_path, {"pyproject.toml": "[tool.vibecheck]\nextend-select = ['VC301', 'VC302']\n"})
    assert findings(tmp_path) == inside  # a monorepo root with a config table
    assert findings(todo / "todo") == [f for f in inside if "/apps/todo/" in f[1]]  # a folder inside one project
    assert findings(tmp_path, "apps/todo/todo/crud.py") == [f for f in inside if f[1].endswith("crud.py")]


COVERAGE_CONFIG = "[tool.coverage.run]\nsource = ['src']\n"


def run_tests_under_coverage(root: Path) -> None:
    """The fixture project's own tests under coverage.py, in a subprocess (its code never runs in this process)."""
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    command = [sys.executable, "-m", "coverage", "run", "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
    subprocess.run(command, cwd=root, env=env, check=True, capture_output=True, timeout=300)


@pytest.fixture()
def covered_library(tmp_path: Path) -> Path:
    root = write(tmp_path / "units", {**LIBRARY, "pyproject.toml": COVERAGE_CONFIG})
    run_tests_under_coverage(root)
    return root


def messages(cwd: Path) -> list[str]:
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["--select", "VC301,VC302", "--no-bandit", "--format", "json"],
                                    catch_exceptions=False)
    finally:
        os.chdir(previous)
    return [f["message"] for f in json.loads(result.stdout)["findings"]]


def test_library_coverage_mode(covered_library: Path) -> None:
    assert relative(findings(covered_library), covered_library) == [
        "VC301 src/units/convert.py:16",   # to_feet
        "VC301 src/units/convert.py:20",   # Length: none of its methods ran
        "VC302 src/units/formats.py:1",    # imported by nothing, so nothing in it ran
    ]
    assert all(m.endswith("(coverage mode, from `.coverage`).") for m in messages(covered_library))


def test_coverage_older_than_a_source_falls_back_to_static_mode(covered_library: Path) -> None:
    data = (covered_library / ".coverage").stat().st_mtime
    edited = covered_library / "src" / "units" / "convert.py"
    os.utime(edited, (data + 10, data + 10))
    assert relative(findings(covered_library), covered_library) == [
        "VC301 src/units/convert.py:16",
        "VC301 src/units/convert.py:20",
        "VC302 src/units/formats.py:1",
    ]
    assert all("static mode: `.coverage` is older than `src/units/convert.py`" in m for m in messages(covered_library))


ACCOUNTS = {
    "pyproject.toml": COVERAGE_CONFIG,
    "src/accounts/__init__.py": "",
    "src/accounts/service.py": """
        class NotFound(Exception):
            pass


        class Forbidden(Exception):
            pass


        USERS = {1: {"name": "ann", "admin": False}}


        def get_user(user_id, viewer):
            user = USERS.get(user_id)
            if user is None:
                raise NotFound(user_id)
            if viewer != user_id and not USERS.get(viewer, {}).get("admin"):
                raise Forbidden(user_id)
            return user


        def parse_age(text):
            try:
                return int(text)
            except ValueError:
                return None


        def status_for(user):
            if not user: return 404
            if user.get("banned"):  # pragma: no cover
                raise Forbidden("banned")
            if user.get("locked"):
                return {"error": "locked"}, 423
            return 200


        def never_called(x):
            try:
                return 1 / x
            except ZeroDivisionError:
                return 0
    """,
    "tests/test_service.py": """
        import pytest

        from accounts.service import NotFound, get_user, parse_age, status_for


        def test_own_profile():
            assert get_user(1, 1)["name"] == "ann"


        def test_missing_user():
            with pytest.raises(NotFound):
                get_user(99, 1)


        def test_age():
            assert parse_age("3") == 3


        def test_status():
            assert status_for({"name": "ann"}) == 200
    """,
}


def error_paths(cwd: Path, *paths: str) -> list[str]:
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, ["--select", "VC309", "--no-bandit", "--format", "json", *paths],
                                    catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code in (0, 1), result.output
    return [f"{f['path']}:{f['start']['line']} {f['message']}" for f in json.loads(result.stdout)["findings"]]


def test_error_paths_never_taken_by_the_suite(tmp_path: Path) -> None:
    root = write(tmp_path / "accounts", ACCOUNTS)
    assert error_paths(root) == []  # static mode cannot tell which branch ran
    run_tests_under_coverage(root)
    found = error_paths(root)
    assert [f.split(" ", 1)[0] for f in found] == [
        "src/accounts/service.py:17",   # the Forbidden guard: no test views someone else's profile
        "src/accounts/service.py:25",   # except ValueError: no test passes a bad age
        "src/accounts/service.py:33",   # the 423 answer for a locked user
    ]
    # the NotFound guard ran; `if not user: return 404` is one line; the pragma'd guard is excluded;
    # never_called's except is VC301's business (the function never ran)
    assert "The guard `if viewer != user_id and not USERS.get(viewer, {}).get(\"admin\")` of " \
           "`accounts.service.get_user` never ran while the rest of the function did (coverage mode, from " \
           "`.coverage`)." in found[0]
    assert "`except ValueError` branch of `accounts.service.parse_age`" in found[1]
    # pre-commit passes only the changed source file: the tests are not checked, and the verdict is the same
    assert error_paths(root, "src/accounts/service.py") == found
