"""Which files to check: walk the given paths, skip tool and virtualenv folders, honour .gitignore and excludes.

Files named explicitly are checked even when an exclude matches them, unless `--force-exclude` is given
(pre-commit passes file names and expects the excludes to hold). The order is deterministic.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pathspec

from vibecheck.errors import UsageError

SKIPPED_DIRS = frozenset({
    ".git", ".hg", ".svn", ".venv", "venv", "env", ".tox", ".nox", ".mypy_cache", ".ruff_cache", ".pytest_cache",
    "__pycache__", "build", "dist", "node_modules", "site-packages", ".eggs",
})
SKIPPED_SUFFIXES = (".egg-info",)
PYTHON_SUFFIXES = (".py", ".pyi")


@dataclass(frozen=True)
class SourceFile:
    """A file to check: where it is, how it is shown, and its path relative to the project root."""

    path: str
    display: str
    relative: str


def relative_posix(path: Path, root: Path) -> str:
    """`path` relative to `root` with `/` separators, or the absolute path when it is outside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def is_test_file(relative: str, test_paths: Sequence[str]) -> bool:
    """Decided by gitignore-style `test-paths` patterns (`tests/`, `test_*.py`, ...)."""
    return _spec(tuple(test_paths)).match_file(relative)


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return pathspec.GitIgnoreSpec.from_lines(patterns)


class _GitIgnores:
    """The .gitignore files met on the way down, each applying to paths below its own folder."""

    def __init__(self) -> None:
        self._cache: dict[Path, pathspec.PathSpec | None] = {}

    def spec_for(self, folder: Path) -> pathspec.PathSpec | None:
        if folder not in self._cache:
            ignore_file = folder / ".gitignore"
            spec = None
            if ignore_file.is_file():
                try:
                    lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
                except (OSError, ValueError):
                    spec = None
            self._cache[folder] = spec
        return self._cache[folder]

    def ignored(self, path: Path, is_dir: bool, chain: Sequence[Path]) -> bool:
        for folder in chain:
            spec = self.spec_for(folder)
            if spec is None:
                continue
            relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            if spec.match_file(relative):
                return True
        return False


def discover(paths: Sequence[str], root: Path, *, exclude: Sequence[str] = (), extend_exclude: Sequence[str] = (),
             force_exclude: bool = False, cwd: Path | None = None) -> Iterator[SourceFile]:
    """Yield every file to check under `paths`, each once, in a stable order."""
    base = cwd or Path.cwd()
    excludes = _spec(tuple(exclude) + tuple(extend_exclude))
    gitignores = _GitIgnores()
    seen: set[str] = set()
    for raw in paths:
        path = Path(os.path.abspath(base / raw))
        if not path.exists():
            raise UsageError(f"{raw}: no such file or directory")
        if path.is_file():
            relative = relative_posix(path, root)
            if force_exclude and (excludes.match_file(relative) or _in_skipped_dir(relative)):
                continue
            if str(path) not in seen:
                seen.add(str(path))
                yield SourceFile(str(path), _display(raw, path, base), relative)
            continue
        chain = _parent_chain(path)
        for found in _walk(path, root, excludes, gitignores, chain):
            if str(found) not in seen:
                seen.add(str(found))
                yield SourceFile(str(found), _display_child(raw, path, found, base), relative_posix(found, root))


def _in_skipped_dir(relative: str) -> bool:
    return any(part in SKIPPED_DIRS or part.endswith(SKIPPED_SUFFIXES) for part in relative.split("/")[:-1])


def _parent_chain(path: Path) -> list[Path]:
    """The folders above `path` up to the repository root whose .gitignore applies inside `path`."""
    chain: list[Path] = []
    for folder in path.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            return list(reversed(chain))
    return []


def _walk(top: Path, root: Path, excludes: pathspec.PathSpec, gitignores: _GitIgnores, chain: list[Path]) -> Iterator[Path]:
    """Depth-first, entries sorted by name; iterative, so deep trees cannot overflow the stack."""
    stack: list[tuple[Path, list[Path]]] = [(top, [*chain, top])]
    while stack:
        folder, folder_chain = stack.pop()
        try:
            with os.scandir(folder) as entries:
                items = sorted(entries, key=lambda e: e.name)
        except OSError:
            continue
        subfolders: list[Path] = []
        for entry in items:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir:
                if entry.name in SKIPPED_DIRS or entry.name.endswith(SKIPPED_SUFFIXES):
                    continue
                if excludes.match_file(relative_posix(path, root) + "/") or gitignores.ignored(path, True, folder_chain):
                    continue
                subfolders.append(path)
            elif entry.name.endswith(PYTHON_SUFFIXES) and entry.is_file():
                if excludes.match_file(relative_posix(path, root)) or gitignores.ignored(path, False, folder_chain):
                    continue
                yield path
        for sub in reversed(subfolders):
            stack.append((sub, [*folder_chain, sub]))


def _display(raw: str, path: Path, base: Path) -> str:
    """Show paths relative to the cwd when they are below it, as the user typed them otherwise."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return raw


def _display_child(raw: str, top: Path, found: Path, base: Path) -> str:
    try:
        return found.relative_to(base).as_posix()
    except ValueError:
        return (Path(raw) / found.relative_to(top)).as_posix()
