"""Which files to check: walk the given paths, skip tool, cache and virtualenv folders, honour .gitignore and excludes.

Files and folders named explicitly are checked even when an exclude matches them, unless
`--force-exclude` is given (pre-commit passes file names and expects the excludes to hold); .gitignore
always holds inside walked folders. The order is deterministic.

The tree may be hostile: a symlink is followed only when its target stays inside the folder being walked
(for a file named explicitly: inside the project root or the current folder), and only regular files are
read, never FIFOs, devices or `/proc`. Whatever is skipped for these reasons is reported through `skipped`.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pathspec

from vibecheck.errors import UsageError
from vibecheck.safe_files import is_inside, read_regular_text, special_file_reason

# ruff's default `exclude` folders, plus `env`, `__pycache__` and `.cache`: the XDG cache folder, where
# pre-commit keeps its hooks' repositories and virtualenv and pip keep unpacked packages when HOME is the
# checkout (CI containers, an unpacked sdist built with tox). A folder holding `pyvenv.cfg` is a virtual
# environment whatever its name (pytest skips those too).
SKIPPED_DIRS = frozenset({
    ".bzr", ".direnv", ".eggs", ".git", ".git-rewrite", ".hg", ".ipynb_checkpoints", ".mypy_cache", ".nox", ".pants.d",
    ".pyenv", ".pytest_cache", ".pytype", ".ruff_cache", ".svn", ".tox", ".venv", ".vscode", "__pypackages__", "_build",
    "buck-out", "build", "dist", "node_modules", "site-packages", "venv",
    "env", "__pycache__", ".cache",
})
SKIPPED_SUFFIXES = (".egg-info",)
VIRTUALENV_MARKER = "pyvenv.cfg"
PYTHON_SUFFIXES = (".py", ".pyi")
GITIGNORE_LIMIT = 1_000_000  # bytes; a larger .gitignore (or a special file) is not read


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


def is_excluded(relative: str, exclude: Sequence[str], extend_exclude: Sequence[str] = ()) -> bool:
    """Whether the exclude patterns (or a skipped tool folder) cover a root-relative path."""
    return _spec(tuple(exclude) + tuple(extend_exclude)).match_file(relative) or _in_skipped_dir(relative)


def invalid_pattern(patterns: Sequence[str]) -> str | None:
    """The first pattern that is not valid gitignore syntax (`!` alone, ...), or None."""
    for pattern in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except ValueError:
            return pattern
    return None


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
                    lines = read_regular_text(ignore_file, GITIGNORE_LIMIT).splitlines()
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
             force_exclude: bool = False, cwd: Path | None = None,
             skipped: list[str] | None = None) -> Iterator[SourceFile]:
    """Yield every file to check under `paths`, each once, in a stable order.

    Files left out for safety (symlinks leaving the tree, special files) are appended to `skipped` as
    `path: reason` lines, for the user to see on stderr.
    """
    base = cwd or Path.cwd()
    excludes = _spec(tuple(exclude) + tuple(extend_exclude))
    gitignores = _GitIgnores()
    seen: set[str] = set()
    notes: list[str] = skipped if skipped is not None else []
    for raw in paths:
        path = Path(os.path.abspath(base / raw))
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as exc:
            raise UsageError(f"{raw}: {_stat_problem(exc)}") from exc
        if not is_dir:
            relative = relative_posix(path, root)
            if force_exclude and is_excluded(relative, exclude, extend_exclude):
                continue
            reason = _unsafe_file(path, (root, base))
            if reason is not None:
                notes.append(f"{raw}: not checked: {reason}")
                continue
            if str(path) not in seen:
                seen.add(str(path))
                yield SourceFile(str(path), _display(raw, path, base), relative)
            continue
        try:
            os.scandir(path).close()
        except OSError as exc:
            raise UsageError(f"{raw}: cannot list the folder: {exc.strerror}") from exc
        top = relative_posix(path, root)
        top_excluded = top != "." and excludes.match_file(top + "/")
        if top_excluded and force_exclude:
            continue
        # A folder named explicitly is checked even when an exclude covers it (like a file named explicitly).
        walk_excludes = _spec(()) if top_excluded else excludes
        for found in _walk(path, root, walk_excludes, gitignores, _parent_chain(path), notes):
            if str(found) not in seen:
                seen.add(str(found))
                yield SourceFile(str(found), _display_child(raw, path, found, base), relative_posix(found, root))


def _stat_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.ELOOP:
        return "a symlink loop; name a real file or folder"
    return f"cannot access the path: {error.strerror}"


def _unsafe_file(path: Path, allowed: Sequence[Path]) -> str | None:
    """Why a file must not be read: a symlink leaving every `allowed` folder, or not a regular file."""
    if path.is_symlink() and not any(is_inside(path, folder) for folder in allowed):
        return f"a symlink to `{os.path.realpath(path)}`, outside the checked tree"
    return special_file_reason(path)


def _in_skipped_dir(relative: str) -> bool:
    return any(part in SKIPPED_DIRS or part.endswith(SKIPPED_SUFFIXES) for part in relative.split("/")[:-1])


def _is_virtualenv(folder: Path) -> bool:
    try:
        return stat.S_ISREG((folder / VIRTUALENV_MARKER).lstat().st_mode)
    except OSError:
        return False


def _parent_chain(path: Path) -> list[Path]:
    """The folders above `path` up to the repository root whose .gitignore applies inside `path`."""
    chain: list[Path] = []
    for folder in path.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            return list(reversed(chain))
    return []


def _walk(top: Path, root: Path, excludes: pathspec.PathSpec, gitignores: _GitIgnores, chain: list[Path],
          notes: list[str]) -> Iterator[Path]:
    """Depth-first, entries sorted by name; iterative, so deep trees cannot overflow the stack."""
    stack: list[tuple[Path, list[Path]]] = [(top, [*chain, top])]
    visited: set[str] = set()  # real paths, so a symlink loop is walked once
    while stack:
        folder, folder_chain = stack.pop()
        real = os.path.realpath(folder)
        if real in visited:
            continue
        visited.add(real)
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
                is_link = entry.is_symlink()
            except OSError:
                continue
            if is_dir:
                if entry.name in SKIPPED_DIRS or entry.name.endswith(SKIPPED_SUFFIXES) or _is_virtualenv(path):
                    continue
                if excludes.match_file(relative_posix(path, root) + "/") or gitignores.ignored(path, True, folder_chain):
                    continue
                if is_link and not is_inside(path, top):
                    notes.append(f"{relative_posix(path, root)}: not walked: a symlink to `{os.path.realpath(path)}`, "
                                 "outside the checked tree")
                    continue
                subfolders.append(path)
            elif entry.name.endswith(PYTHON_SUFFIXES):
                if excludes.match_file(relative_posix(path, root)) or gitignores.ignored(path, False, folder_chain):
                    continue
                reason = _unsafe_file(path, (top,))
                if reason is not None:
                    notes.append(f"{relative_posix(path, root)}: not checked: {reason}")
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
