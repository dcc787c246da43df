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
