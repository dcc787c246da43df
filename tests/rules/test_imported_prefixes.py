"""A route prefix another module defines (`prefix=settings.ADMIN_PREFIX`): the app model mounts the router under its
value, for VC201 (an administrative route needs a guard) and VC218 (an administrators' route that only signs in)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from vibecheck.api import check_paths
from vibecheck.config import Settings

CONFIG = """
    import os

    from pydantic_settings import BaseSettings

    ADMIN_PREFIX = "/admin"
    PAGES_PREFIX: str = "/pages"
    STAFF_PREFIX = "/admin/staff"
    TOOLS_PREFIX = os.environ.get("TOOLS_PREFIX", "/admin/tools")


    class Settings(BaseSettings):
        OPS_PREFIX: str = "/admin/ops"
        SHOP_PREFIX: str = "/shop"


    settings = Settings()
"""
FLASK_APP = {
    "shop/__init__.py": """
        from flask import Flask

        from . import config
        from .blueprints import admin, ops, pages, shop, staff, tools
        from .config import ADMIN_PREFIX, PAGES_PREFIX, settings


        def create_app():
            app = Flask(__name__)
            app.register_blueprint(admin, url_prefix=ADMIN_PREFIX)
            app.register_blueprint(pages, url_prefix=PAGES_PREFIX)
            app.register_blueprint(ops, url_prefix=settings.OPS_PREFIX)
            app.register_blueprint(shop, url_prefix=settings.SHOP_PREFIX)
            app.register_blueprint(staff, url_prefix=config.STAFF_PREFIX)
            app.register_blueprint(tools, url_prefix=config.TOOLS_PREFIX)
            return app
    """,
    "shop/config.py": CONFIG,
    "shop/blueprints.py": """
        from flask import Blueprint
        from flask_login import login_required

        admin = Blueprint("admin", __name__)
        pages = Blueprint("pages", __name__)
        ops = Blueprint("ops", __name__)
        shop = Blueprint("shop", __name__)
        staff = Blueprint("staff", __name__)
        tools = Blueprint("tools", __name__)


        @admin.post("/announcements")
        @login_required
        def post_announcement():
            return save_announcement()


        @pages.post("/announcements")
        @login_required
        def post_page():
            return save_page()


        @ops.post("/cache/clear")
        @login_required
        def clear_cache():
            return drop_cache()


        @shop.post("/cart")
        @login_required
        def add_to_cart():
            return save_cart()


        @staff.post("/rota")
        @login_required
        def edit_rota():
            return save_rota()


        @tools.post("/reindex")
        @login_required
        def reindex():
            return run_reindex()
    """,
}
FASTAPI_APP = {
    "api/main.py": """
        from fastapi import FastAPI

        from .config import settings
        from .routers import reports, stats

        app = FastAPI()
        app.include_router(reports.router, prefix=settings.OPS_PREFIX)
        app.include_router(stats.router, prefix=settings.SHOP_PREFIX)
    """,
    "api/config.py": CONFIG,
    "api/routers/__init__.py": "",
    "api/auth.py": """
        from fastapi import Header, HTTPException


        def get_current_user(authorization: str = Header()):
            user = decode(authorization)
            if user is None:
                raise HTTPException(status_code=401)
            return user
    """,
    "api/routers/reports.py": """
        from fastapi import APIRouter, Depends

        from ..auth import get_current_user

        router = APIRouter()


        @router.delete("/reports/{report_id}")
        def drop_report(report_id: int, user=Depends(get_current_user)):
            return delete_report(report_id)
    """,
    "api/routers/stats.py": """
        from fastapi import APIRouter, Depends

        from ..auth import get_current_user

        router = APIRouter()


        @router.delete("/stats/{stat_id}")
        def drop_stat(stat_id: int, user=Depends(get_current_user)):
            return delete_stat(stat_id)
    """,
}


def _findings(root: Path, files: dict[str, str], select: tuple[str, ...]) -> list[tuple[str, str]]:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1, select=select, cache=False, no_bandit=True))
    return sorted((f.code, f.line_text.strip()) for f in report.findings)


def test_a_blueprint_mounted_under_another_modules_admin_prefix_is_an_administrators_route(tmp_path: Path) -> None:
    """An imported constant, an attribute of a settings object made in the other module and one of the module itself
    give the prefix; `/pages` and `/shop` name no administrator, and a prefix read from the environment is not known
    (its default says nothing of the deployed value)."""
    assert _findings(tmp_path, FLASK_APP, ("VC218",)) == [("VC218", '@admin.post("/announcements")'),
                                                          ("VC218", '@ops.post("/cache/clear")'),
                                                          ("VC218", '@staff.post("/rota")')]


def test_a_router_included_under_an_imported_admin_prefix_is_an_administrators_route(tmp_path: Path) -> None:
    assert _findings(tmp_path, FASTAPI_APP, ("VC218",)) == [("VC218", '@router.delete("/reports/{report_id}")')]
