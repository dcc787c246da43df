"""VC201 judges a route by its full path: a router or blueprint another module mounts under `/admin` makes its `/stats`
an administrative route, which needs a guard whatever its method."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from vibecheck.api import check_paths
from vibecheck.config import Settings

FASTAPI_MAIN = """
    from fastapi import FastAPI

    from .routers import admin, reports

    app = FastAPI()
    app.include_router(admin.router, prefix="{admin_prefix}")
    app.include_router(reports.router, prefix="/reports")
"""
FASTAPI_ROUTER = """
    from fastapi import APIRouter

    router = APIRouter()


    @router.get("/stats")
    def stats():
        return load_stats()
"""
FLASK_APP = """
    from flask import Flask

    from .views import panel

    app = Flask(__name__)
    app.register_blueprint(panel, url_prefix="{admin_prefix}")
"""
FLASK_VIEWS = """
    from flask import Blueprint

    panel = Blueprint("panel", __name__)


    @panel.route("/settings")
    def settings_page():
        return render_settings()
"""


def _findings(root: Path, files: dict[str, str]) -> list[tuple[str, str]]:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=("VC201",), cache=False, no_bandit=True))
    return sorted((Path(f.location.path).name, f.message) for f in report.findings)


@pytest.mark.parametrize(("admin_prefix", "reported"), [("/admin", True), ("/api/admin/", True), ("/insights", False)])
def test_a_router_included_under_an_admin_prefix_is_judged_by_its_full_path(tmp_path: Path, admin_prefix: str,
                                                                             reported: bool) -> None:
    files = {"api/__init__.py": "", "api/main.py": FASTAPI_MAIN.replace("{admin_prefix}", admin_prefix),
             "api/routers/__init__.py": "", "api/routers/admin.py": FASTAPI_ROUTER,
             "api/routers/reports.py": FASTAPI_ROUTER}
    findings = _findings(tmp_path, files)
    assert [name for name, _ in findings] == (["admin.py"] if reported else [])
    if reported:
        full = admin_prefix.rstrip("/") + "/stats"
        assert f"`GET {full}`" in findings[0][1] and "looks administrative" in findings[0][1]


def test_a_guarded_router_under_an_admin_prefix_is_not_reported(tmp_path: Path) -> None:
    router = FASTAPI_ROUTER.replace("from fastapi import APIRouter", "from fastapi import APIRouter, Depends\n\n"
                                    "from ..auth import require_admin").replace(
        "router = APIRouter()", "router = APIRouter(dependencies=[Depends(require_admin)])")
    auth = "def require_admin(token: str):\n    if token != 'x':\n        raise PermissionError\n"
    files = {"api/__init__.py": "", "api/main.py": FASTAPI_MAIN.replace("{admin_prefix}", "/admin"),
             "api/auth.py": auth, "api/routers/__init__.py": "", "api/routers/admin.py": router,
             "api/routers/reports.py": FASTAPI_ROUTER}
    assert _findings(tmp_path, files) == []


@pytest.mark.parametrize(("admin_prefix", "reported"), [("/admin", True), ("/help", False)])
def test_a_blueprint_registered_under_an_admin_prefix_is_judged_by_its_full_path(tmp_path: Path, admin_prefix: str,
                                                                                 reported: bool) -> None:
    files = {"site/__init__.py": "", "site/app.py": FLASK_APP.replace("{admin_prefix}", admin_prefix),
             "site/views.py": FLASK_VIEWS}
    findings = _findings(tmp_path, files)
    assert [name for name, _ in findings] == (["views.py"] if reported else [])
