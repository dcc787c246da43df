"""The project phase: rules that need every file's facts at once (untested code, undeclared imports).

Per-file rules emit facts into `RuleContext.facts` during the one walk; the runner merges the files'
results into a `Project` and runs each enabled `ProjectRule` on it, isolating crashes as the engine does.

One run may span several projects (a parent folder, a monorepo): each file belongs to the project of the
nearest folder holding a project file (`vibecheck.toml`, `pyproject.toml`, `setup.cfg`, `setup.py`),
whether or not it has a `[tool.vibecheck]` table, so a project's tests and sources are judged together
and the result does not depend on the folder the run started from.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vibecheck import listings
from vibecheck.conditional_findings import kept_findings
from vibecheck.model import EngineError, FileResult, Finding
from vibecheck.rule import ProjectRule

PROJECT_FILES = ("vibecheck.toml", "pyproject.toml", "setup.cfg", "setup.py")
# How much of a `setup.py` is read to tell a build script from a module of that name, and what a build script says.
BUILD_SCRIPT_HEAD = 65536
BUILD_SCRIPT_WORDS = (b"setup(", b"setuptools", b"distutils")


def holds_project_file(folder: str | os.PathLike[str], names: Iterable[str] = PROJECT_FILES) -> bool:
    """Whether `folder` holds one of the project files `names`. A `setup.py` beside an `__init__.py` is a module of
    that package (sanic's `sanic/logging/setup.py` sets logging up), not the build script of a project, and so is one
    that names no build tool (a FastAPI router module `routers/setup.py` in a folder without `__init__.py`). Read from
    the folder's listing, which discovery made already for a folder it walked."""
    where = os.fspath(folder)
    return any(listings.is_file(where, name) and not (name == "setup.py" and (
        listings.is_file(where, "__init__.py") or not _is_build_script(os.path.join(where, name)))) for name in names)


@functools.lru_cache(maxsize=256)
def _is_build_script(path: str) -> bool:
    """A `setup.py` that calls `setup(...)` or names setuptools or distutils; one that cannot be read counts."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(BUILD_SCRIPT_HEAD)
    except OSError:
        return True
    return any(word in head for word in BUILD_SCRIPT_WORDS)


@dataclass
class Project:
    """Everything a project rule may look at: the root, the files' results and facts, the raw config."""

    root: Path
    files: dict[str, FileResult] = field(default_factory=dict)
    test_files: set[str] = field(default_factory=set)
    config: dict[str, Any] = field(default_factory=dict)
    relative: dict[str, str] = field(default_factory=dict)
    # What each file's facts were computed from (its cache key), for the project-phase cache (`vibecheck.cache`)
    fingerprints: dict[str, str] = field(default_factory=dict)
    # The files whose text a rule read (`read_text`): the project-phase cache watches their content, not only their facts
    texts_read: set[str] = field(default_factory=set)

    def relative_path(self, path: str) -> str:
        """A file's path relative to `root` (keys of `files` are paths as reported, maybe relative to the cwd)."""
        return self.relative.get(path, path)

    def absolute_path(self, path: str) -> Path:
        """Where a file of the project is on disk."""
        return Path(self.absolute_location(path))

    def absolute_location(self, path: str) -> str:
        """`absolute_path` as a string, not normalised: for loops over every file, where building `Path`s cost
        a tenth of a second on 900 files."""
        return path if os.path.isabs(path) else os.path.join(self.root, self.relative_path(path))

    def read_text(self, path: str) -> str:
        """A project file's text (to place a finding in it); raises `OSError`. Read this way, the cached project
        phase is used only while the file is unchanged (a new comment moves the lines its facts do not hold)."""
        self.texts_read.add(path)
        return self.absolute_path(path).read_text(encoding="utf-8", errors="replace")

    def facts(self, key: str) -> Iterator[tuple[str, Any]]:
        """Each file's value for one fact key, in path order."""
        for path in sorted(self.files):
            value = self.files[path].facts.get(key)
            if value is not None:
                yield path, value


def project_root(folder: Path) -> Path | None:
    """The nearest folder at or above `folder` that holds a project file; None past a repository's top.
    (A loop, since a crafted tree may be thousands of folders deep; each folder's own look is memoised, so the
    folders of one tree share their parents'. Strings, not `Path`s: a run looks at every folder of the project.)"""
    current = str(folder)
    while True:
        mark = _root_mark(current)
        if mark == "root":
            return Path(current)
        if mark == "top":
            return None
        current = os.path.dirname(current)


@functools.lru_cache(maxsize=4096)
def _root_mark(folder: str) -> str:
    """"root" when the folder holds a project file, "top" at a repository's top or the file system's, else ""."""
    if holds_project_file(folder):
        return "root"
    if listings.exists(folder, ".git") or os.path.dirname(folder) == folder:
        return "top"
    return ""


def project_roots(paths: Iterable[str]) -> set[Path]:
    """The project roots of some files (files outside any project have none); each folder resolved once (the
    paths are handled as strings: a `Path` per file cost more than the roots)."""
    real: dict[str, str] = {}
    folders = {os.path.dirname(os.path.realpath(p) if _is_link(p) else os.path.abspath(p)) for p in paths}
    return {root for root in (project_root(Path(real_folder(folder, real))) for folder in folders) if root is not None}


def _is_link(path: str) -> bool:
    """`os.path.islink`, told by the folder's listing (discovery made it): no `lstat` per checked file."""
    return listings.is_link(os.path.dirname(path) or os.curdir, os.path.basename(path))


def real_folder(folder: str, real: dict[str, str]) -> str:
    """`os.path.realpath` of an absolute folder, from its parent's (memoised in `real`) when the folder itself is
    not a link: one `lstat` per folder, where `realpath` took one per component of each folder's path."""
    if f"{os.sep}." in folder:  # `..` or `.` in it: only `realpath` knows what they mean past a link
        return os.path.realpath(folder)
    pending = []
    current = folder
    while current not in real:
        parent = os.path.dirname(current)
        if parent == current or os.path.islink(current):
            real[current] = os.path.realpath(current)
            break
        pending.append(current)
        current = parent
    found = real[current]
    for path in reversed(pending):
        found = real[path] = os.path.join(found, os.path.basename(path))
    return found


@dataclass(frozen=True)
class Placement:
    """Where each file of a project is (`place_files`): what `split_projects` splits it by."""

    base: Path  # the project's root, resolved
    located: dict[str, tuple[str, str]]  # path -> (its folder, its name)
    places: dict[str, tuple[str, Path]]  # a folder as met -> (its resolved path, its project root)


def place_files(project: Project) -> Placement:
    """Each file's folder (resolved for a link) and that folder's project root: from the files' paths, the project's
    root and the file system, never from their facts (so a run may place them before it has the facts)."""
    base = project.root.resolve()
    # each folder is resolved once and the files are handled as strings (resolving each of 3,000 files took seconds)
    places: dict[str, tuple[str, Path]] = {}
    real: dict[str, str] = {}
    located: dict[str, tuple[str, str]] = {}
    for path in project.files:
        absolute = project.absolute_location(path)
        folder, name = os.path.split(absolute)
        if listings.is_link(folder, name):  # a link is resolved whole
            target = Path(absolute).resolve()
            folder, name = str(target.parent), target.name
        if folder not in places:
            resolved = real_folder(folder, real)
            places[folder] = (resolved, project_root(Path(resolved)) or base)
        located[path] = (folder, name)
    return Placement(base, located, places)


def split_projects(project: Project, placement: Placement | None = None) -> list[Project]:
    """One project per project root among the files; files outside any project stay with `project.root`. With
    `placement`, the files are where it says (`place_files` of a project with the same files, paths and root)."""
    placed = placement or place_files(project)
    base, located, places = placed.base, placed.located, placed.places
    if all(root == base for _, root in places.values()):
        return [project]  # one project: the usual case, with no copy of its tables
    parts: dict[Path, Project] = {}
    relative_folders: dict[str, str] = {}
    for path in project.files:  # in the project's order, which may not be the one it was placed in
        folder, name = located[path]
        resolved, root = places[folder]
        relative_folder = relative_folders.get(folder)
        if relative_folder is None:
            relative_folder = relative_folders[folder] = Path(os.path.relpath(resolved, root)).as_posix()
        part = parts.get(root)
        if part is None:
            part = parts[root] = Project(root=root, config=_config_for(project.config, base, root))
        part.files[path] = project.files[path]
        part.relative[path] = name if relative_folder == "." else f"{relative_folder}/{name}"
        if path in project.fingerprints:
            part.fingerprints[path] = project.fingerprints[path]
        if path in project.test_files:
            part.test_files.add(path)
    return [parts[root] for root in sorted(parts)]


def _config_for(config: dict[str, Any], base: Path, root: Path) -> dict[str, Any]:
    """The run's config for a project at `root`: its `src-paths` made relative to that root (those inside it)."""
    if root == base or not config.get("src-paths"):
        return config
    inside = [(base / p).resolve() for p in config["src-paths"]]
    kept = [Path(os.path.relpath(p, root)).as_posix() for p in inside if p.is_relative_to(root)]
    adapted = {k: v for k, v in config.items() if k != "src-paths"}
    return {**adapted, "src-paths": kept} if kept else adapted


def run_project_rules(
    project: Project, rules: Sequence[tuple[type[ProjectRule], Any]], parts: Sequence[Project] | None = None
) -> tuple[list[Finding], list[EngineError]]:
    """Run every project rule on each project of the run (`parts`, when `split_projects` was called already); one
    that raises becomes an engine error and the others still run."""
    findings: list[Finding] = []
    errors: list[EngineError] = []
    for part in split_projects(project) if parts is None else parts:
        for rule_cls, options in rules:
            try:
                findings.extend(rule_cls(options).check_project(part))
            except Exception as exc:  # a project rule bug must not hide the other rules' findings
                message = f"project rule crashed: {type(exc).__name__}: {exc}"
                errors.append(EngineError(str(part.root), message, rule=rule_cls.code))
    return findings, errors


def conditional_findings(project: Project, rule_class: Callable[[str], Any], parts: Sequence[Project] | None = None
                         ) -> tuple[list[Finding], list[EngineError]]:
    """The per-file findings that waited for the project's facts (`vibecheck.conditional_findings`), unless their rule
    (`rule_class(code)`) finds those facts clear them: once per phase, beside the project rules' findings."""
    findings: list[Finding] = []
    errors: list[EngineError] = []
    for part in split_projects(project) if parts is None else parts:
        try:
            findings.extend(kept_findings(part, rule_class))
        except Exception as exc:  # the findings stay in the facts: the run must say a check did not finish
            errors.append(EngineError(str(part.root), f"conditional findings crashed: {type(exc).__name__}: {exc}"))
    return findings, errors
