"""Which project each file belongs to: the nearest folder with a project file, seen through links."""

from __future__ import annotations

import os
from pathlib import Path

from vibecheck.model import FileResult
from vibecheck.project import Project, place_files, real_folder, split_projects


def test_real_folder_matches_realpath_through_links_and_dots(tmp_path: Path) -> None:
    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "elsewhere" / "d").mkdir(parents=True)
    (tmp_path / "a" / "link").symlink_to(tmp_path / "elsewhere")
    real: dict[str, str] = {}
    folders = [tmp_path / "a" / "b" / "c", tmp_path / "a" / "link" / "d", tmp_path / "a" / "link",
               tmp_path / "a" / "b" / ".." / "link" / "d", tmp_path / "a" / "missing" / "e", tmp_path]
    for folder in folders:
        assert real_folder(str(folder), real) == os.path.realpath(folder), folder
    assert real_folder(str(tmp_path / "a" / "link" / "d"), real) == str((tmp_path / "elsewhere" / "d").resolve())


def test_files_under_a_linked_folder_join_the_project_the_link_points_into(tmp_path: Path) -> None:
    (tmp_path / "service" / "pkg").mkdir(parents=True)
    (tmp_path / "service" / "pyproject.toml").write_text("[project]\nname = 'service'\n")
    (tmp_path / "tool" / "lib").mkdir(parents=True)
    (tmp_path / "tool" / "pyproject.toml").write_text("[project]\nname = 'tool'\n")
    (tmp_path / "service" / "vendored").symlink_to(tmp_path / "tool" / "lib")
    project = Project(root=tmp_path, config={})
    for path in ("service/pkg/app.py", "service/vendored/helpers.py", "tool/lib/core.py"):
        project.files[path] = FileResult(path)
    parts = {part.root.name: sorted(part.relative.values()) for part in split_projects(project)}
    assert parts == {"service": ["pkg/app.py"], "tool": ["lib/core.py", "lib/helpers.py"]}


def test_a_setup_module_inside_a_package_is_no_project_file(tmp_path: Path) -> None:
    """`sanic/logging/setup.py` sets logging up: its folder stays part of the project above, with its tests; a
    `setup.py` in a folder that is no package is a build script and makes a project of its own."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'web'\n")
    (tmp_path / "web" / "logging").mkdir(parents=True)
    for name in ("web/__init__.py", "web/logging/__init__.py", "web/logging/setup.py"):
        (tmp_path / name).write_text("")
    (tmp_path / "tools" / "cli").mkdir(parents=True)
    (tmp_path / "tools" / "cli" / "setup.py").write_text("from setuptools import setup\nsetup(name='cli')\n")
    project = Project(root=tmp_path, config={})
    for path in ("web/logging/setup.py", "web/logging/color.py", "tests/test_web.py", "tools/cli/main.py"):
        project.files[path] = FileResult(path)
    parts = {part.root.name: sorted(part.relative.values()) for part in split_projects(project)}
    assert parts == {tmp_path.name: ["tests/test_web.py", "web/logging/color.py", "web/logging/setup.py"],
                     "cli": ["main.py"]}


def test_a_setup_module_that_names_no_build_tool_is_no_project_file(tmp_path: Path) -> None:
    """`routers/setup.py`, a FastAPI router in a folder without `__init__.py` (a namespace package): a module like its
    neighbours, which stay in the project above; a `setup.py` that calls `setup()` there still starts a project."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'api'\n")
    (tmp_path / "src" / "api" / "routers").mkdir(parents=True)
    (tmp_path / "src" / "api" / "routers" / "setup.py").write_text(
        "from fastapi import APIRouter\n\nrouter = APIRouter(prefix='/setup')\n")
    (tmp_path / "plugins" / "extra").mkdir(parents=True)
    (tmp_path / "plugins" / "extra" / "setup.py").write_text("from setuptools import setup\nsetup(name='extra')\n")
    project = Project(root=tmp_path, config={})
    for path in ("src/api/routers/setup.py", "src/api/routers/health.py", "plugins/extra/extra.py"):
        project.files[path] = FileResult(path)
    parts = {part.root.name: sorted(part.relative.values()) for part in split_projects(project)}
    assert parts == {tmp_path.name: ["src/api/routers/health.py", "src/api/routers/setup.py"], "extra": ["extra.py"]}


def test_a_placement_made_before_splits_a_project_as_placing_it_then(tmp_path: Path) -> None:
    """A run places its files while the worker checks (`vibecheck.prepared_phase`), in another order than the one the
    results come back in: the parts are those placing the project itself gives, with the files in its order."""
    for name in ("service", "tool"):
        (tmp_path / name / "pkg").mkdir(parents=True)
        (tmp_path / name / "pyproject.toml").write_text(f"[project]\nname = '{name}'\n")
    paths = ["tool/pkg/b.py", "service/pkg/a.py", "tool/pkg/a.py", "loose.py"]
    early = Project(root=tmp_path, config={})
    early.files.update((path, FileResult(path)) for path in paths)
    placement = place_files(early)
    project = Project(root=tmp_path, config={}, test_files={"tool/pkg/a.py"}, fingerprints={"tool/pkg/a.py": "k"})
    project.files.update((path, FileResult(path)) for path in reversed(paths))

    def described(parts: list[Project]) -> list[tuple[object, ...]]:
        return [(part.root, list(part.files), part.relative, part.test_files, part.fingerprints) for part in parts]

    split = described(split_projects(project, placement))
    assert split == described(split_projects(project))
    assert [files for _, files, *_ in split] == [["loose.py"], ["service/pkg/a.py"], ["tool/pkg/a.py", "tool/pkg/b.py"]]
