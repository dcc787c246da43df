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
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from vibecheck import listings
from vibecheck.errors import UsageError
from vibecheck.safe_files import NOT_REGULAR, is_inside, read_regular_text, special_file_reason, system_view_reason

if TYPE_CHECKING:
    import pathspec

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
# Django's test runner collects `test*.py`, and `manage.py startapp` writes an app's tests to `tests.py` beside its
# `apps.py` and `models.py`. Elsewhere a `tests.py` may be library code (jinja2's holds its template tests), so only
# a `tests.py` in a folder holding one of these is a test file beside the `test-paths` patterns.
DJANGO_APP_TESTS = "tests.py"
DJANGO_APP_FILES = ("apps.py", "models.py")


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


def is_test_file(relative: str, test_paths: Sequence[str], root: str | Path) -> bool:
    """Decided by gitignore-style `test-paths` patterns (`tests/`, `test_*.py`, ...), and a Django app's `tests.py`
    (`DJANGO_APP_FILES`) under the project `root` that `relative` is relative to."""
    if matches(relative, test_paths):
        return True
    folder, _, name = relative.rpartition("/")
    return name == DJANGO_APP_TESTS and _holds_django_app(os.path.join(root, folder))


def _holds_django_app(folder: str) -> bool:
    return any(os.path.isfile(os.path.join(folder, name)) for name in DJANGO_APP_FILES)


def matches(relative: str, patterns: Sequence[str]) -> bool:
    """Whether gitignore-style patterns cover a root-relative path (the compiled patterns are kept)."""
    return _spec(tuple(patterns)).match_file(relative)


def is_excluded(relative: str, exclude: Sequence[str], extend_exclude: Sequence[str] = ()) -> bool:
    """Whether the exclude patterns (or a skipped tool folder) cover a root-relative path."""
    return _spec(tuple(exclude) + tuple(extend_exclude)).match_file(relative) or _in_skipped_dir(relative)


def invalid_pattern(patterns: Sequence[str]) -> str | None:
    """The first pattern that is not valid gitignore syntax (`!` alone, ...), or None."""
    for pattern in patterns:
        try:
            gitignore_spec([pattern])
        except ValueError:
            return pattern
    return None


@lru_cache(maxsize=64)
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    return gitignore_spec(patterns)


def gitignore_spec(lines: Iterable[str]) -> pathspec.PathSpec:
    """`pathspec.GitIgnoreSpec.from_lines(lines)` (raises ValueError on a pattern that is not gitignore syntax).
    `pathspec` is imported here, at the first pattern: its import (9 ms) would be on a hook's critical path in the
    worker, which is told which checked files are tests (`vibecheck.pipeline.Pipeline.known_tests`) and matches no
    other pattern unless the settings have per-file ignores."""
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


class _GitIgnores:
    """The .gitignore files met on the way down, each applying to paths below its own folder (paths as strings)."""

    def __init__(self) -> None:
        self._cache: dict[str, pathspec.PathSpec | None] = {}

    def spec_for(self, folder: str) -> pathspec.PathSpec | None:
        if folder not in self._cache:
            ignore_file = os.path.join(folder, ".gitignore")
            spec = None
            if os.path.isfile(ignore_file):
                try:
                    lines = read_regular_text(ignore_file, GITIGNORE_LIMIT).splitlines()
                    spec = gitignore_spec(lines)
                except (OSError, ValueError):
                    spec = None
            self._cache[folder] = spec
        return self._cache[folder]

    def chain_below(self, chain: tuple[str, ...], folder: str) -> tuple[str, ...]:
        """`chain` (the folders above with a .gitignore) plus `folder` when it holds one."""
        return (*chain, folder) if self.spec_for(folder) is not None else chain

    def ignored(self, path: str, is_dir: bool, chain: Sequence[str]) -> bool:
        for folder in chain:
            spec = self.spec_for(folder)
            if spec is not None and spec.match_file(_relative_to(path, folder) + ("/" if is_dir else "")):
                return True
        return False


def discover(paths: Sequence[str], root: Path, *, exclude: Sequence[str] = (), extend_exclude: Sequence[str] = (),
             force_exclude: bool = False, cwd: Path | None = None, skipped: list[str] | None = None,
             skip_folders: Collection[str] = ()) -> Iterator[SourceFile]:
    """Yield every file to check under `paths`, each once, in a stable order.

    Files left out for safety (symlinks leaving the tree, special files) are appended to `skipped` as
    `path: reason` lines, for the user to see on stderr. Folders whose real path is in `skip_folders` are not
    walked into (a second walk leaves out what the first walked already).
    """
    base = cwd or Path.cwd()
    excludes = _spec(tuple(exclude) + tuple(extend_exclude))
    gitignores = _GitIgnores()
    seen: set[str] = set()
    notes: list[str] = skipped if skipped is not None else []
    root_text = str(root)
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
        walk = _Walk(str(path), root_text, _spec(()) if top_excluded else excludes, gitignores, notes, skip_folders)
        shown = _display_base(raw, path, base)
        for found in walk.files(tuple(str(folder) for folder in _parent_chain(path))):
            if found not in seen:
                seen.add(found)
                yield SourceFile(found, _display_child(shown, str(path), found, raw, str(base)),
                                 _relative_to(found, root_text))


def _stat_problem(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.ELOOP:
        return "a symlink loop; name a real file or folder"
    return f"cannot access the path: {error.strerror}"


def _unsafe_file(path: Path, allowed: Sequence[str | os.PathLike[str]]) -> str | None:
    """Why a file must not be read: a symlink leaving every `allowed` folder, or not a regular file."""
    if path.is_symlink() and not any(is_inside(path, folder) for folder in allowed):
        return f"a symlink to `{os.path.realpath(path)}`, outside the checked tree"
    return special_file_reason(path)


def _in_skipped_dir(relative: str) -> bool:
    return any(part in SKIPPED_DIRS or part.endswith(SKIPPED_SUFFIXES) for part in relative.split("/")[:-1])


def _is_regular(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _is_virtualenv(folder: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(os.path.join(folder, VIRTUALENV_MARKER)).st_mode)
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


def _below(path: str, folder: str) -> str | None:
    """`path` relative to `folder` with `/` separators, or None when it is not below it; the common case
    without building `Path`s."""
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    if path.startswith(prefix):
        relative = path[len(prefix):]
        return relative if os.sep == "/" else relative.replace(os.sep, "/")
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return None


def _relative_to(path: str, folder: str) -> str:
    """`relative_posix` on strings."""
    below = _below(path, folder)
    return below if below is not None else Path(path).as_posix()


class _Walk:
    """One walk of a folder named to be checked. Paths stay strings and each folder's real path is derived from
    its parent's (a link alone is resolved), because a tree of 900 files cost 10,000 `realpath` calls otherwise."""

    def __init__(self, top: str, root: str, excludes: pathspec.PathSpec, gitignores: _GitIgnores, notes: list[str],
                 skip_folders: Collection[str]) -> None:
        self.top, self.root, self.gitignores, self.notes = top, root, gitignores, notes
        self.excludes = excludes if len(excludes) else None  # no pattern: no `match_file` per entry (1 us each)
        self.skip_folders = skip_folders

    def files(self, chain: tuple[str, ...]) -> Iterator[str]:
        """Depth-first, entries sorted by name; iterative, so deep trees cannot overflow the stack.

        A subfolder's own listing says whether it is a virtual environment and holds a .gitignore (the stack
        carries the chain of the folder above it): two `stat` calls per folder fewer than asking the disk.
        """
        top_chain = self.gitignores.chain_below(tuple(f for f in chain if self.gitignores.spec_for(f)), self.top)
        stack: list[tuple[str, str, tuple[str, ...], bool]] = [(self.top, os.path.realpath(self.top), top_chain, True)]
        visited: set[str] = set()  # real paths, so a symlink loop is walked once
        while stack:
            folder, real, folder_chain, is_top = stack.pop()
            if real in visited or real in self.skip_folders:
                continue
            visited.add(real)
            names = listings.entries(folder)
            items = list(names.values())
            if not is_top:
                marker = names.get(VIRTUALENV_MARKER)
                if marker is not None and _is_regular(marker):
                    continue
                if ".gitignore" in names:
                    folder_chain = self.gitignores.chain_below(folder_chain, folder)
            subfolders: list[tuple[str, str, tuple[str, ...], bool]] = []
            for entry in items:
                try:
                    is_dir = entry.is_dir()
                    is_link = entry.is_symlink()
                except OSError:
                    continue
                if is_dir:
                    sub = self._subfolder(entry, real, is_link, folder_chain)
                    if sub is not None:
                        subfolders.append(sub)
                elif entry.name.endswith(PYTHON_SUFFIXES) and self._is_checked_file(entry, real, is_link, folder_chain):
                    yield entry.path
            stack.extend(reversed(subfolders))

    def _subfolder(self, entry: os.DirEntry[str], real: str, is_link: bool,
                   chain: tuple[str, ...]) -> tuple[str, str, tuple[str, ...], bool] | None:
        """The subfolder to walk, with the .gitignore chain of the folder above it (see `files`)."""
        path = entry.path
        if entry.name in SKIPPED_DIRS or entry.name.endswith(SKIPPED_SUFFIXES) or (is_link and _is_virtualenv(path)):
            return None
        if self._excluded(path, "/") or self.gitignores.ignored(path, True, chain):
            return None
        if is_link and not is_inside(path, self.top):
            self.notes.append(f"{_relative_to(path, self.root)}: not walked: a symlink to `{os.path.realpath(path)}`, "
                              "outside the checked tree")
            return None
        sub_real = os.path.realpath(path) if is_link else os.path.join(real, entry.name)
        return path, sub_real, chain, False

    def _excluded(self, path: str, suffix: str = "") -> bool:
        """Whether an exclude pattern covers `path` (`suffix` "/" for a folder)."""
        return self.excludes is not None and self.excludes.match_file(_relative_to(path, self.root) + suffix)

    def _is_checked_file(self, entry: os.DirEntry[str], real: str, is_link: bool, chain: tuple[str, ...]) -> bool:
        path = entry.path
        if self._excluded(path) or self.gitignores.ignored(path, False, chain):
            return False
        if is_link:
            reason = _unsafe_file(Path(path), (self.top,))
        else:  # not a link: its real path is its folder's, and its type is the entry's own
            reason = system_view_reason(os.path.join(real, entry.name)) or (
                None if entry.is_file(follow_symlinks=False) else NOT_REGULAR)
        if reason is not None:
            self.notes.append(f"{_relative_to(path, self.root)}: not checked: {reason}")
            return False
        return True


def _display(raw: str, path: Path, base: Path) -> str:
    """Show paths relative to the cwd when they are below it, as the user typed them otherwise."""
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return raw


def _display_base(raw: str, top: Path, base: Path) -> str | None:
    """How the walked folder `top` is shown: relative to the cwd when below it, else None."""
    try:
        return top.relative_to(base).as_posix()
    except ValueError:
        return None


def _display_child(shown: str | None, top: str, found: str, raw: str, base: str) -> str:
    """`_display` for a file found under `top` (shown as `shown`), without building `Path`s in the common case."""
    inner = _relative_to(found, top)
    if shown is not None:
        return inner if shown == "." else f"{shown}/{inner}"
    below = _below(found, base)
    return below if below is not None else (Path(raw) / inner).as_posix()
