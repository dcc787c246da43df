"""File paths to module names, in one place: src layout, flat layout, or the `src-paths` config."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from vibecheck.project import real_folder

# Top-level files of a flat layout that are tooling, not the project's code.
TOOLING_FILES = frozenset({"setup.py", "conftest.py", "noxfile.py", "fabfile.py", "tasks.py", "manage.py", "dodo.py",
                           "__main__.py"})
# Folders whose modules are not the project's importable code, wherever they sit. (Not `migrations`: a package of
# that name may be a migration framework that the rest imports, `django/db/migrations/`; the untested-code rules
# report nothing in one, and an app's migration files, `0001_initial.py`, are named as no module can be.)
NON_SOURCE_DIRS = frozenset({"docs", "doc", "examples", "example", "scripts", "benchmarks", "bench", "tools",
                             "build", "dist", "site-packages", "node_modules"})
# Folders of copies of other projects' code kept in the package (`octoprint/vendor/sockjs`, `pip/_vendor`): their
# own projects test them. They stay the project's modules (the tests reach its callbacks through them).
VENDOR_DIRS = frozenset({"vendor", "_vendor", "vendored", "third_party", "thirdparty"})


def is_vendored(relative: str) -> bool:
    """Whether a root-relative path lies in a folder of vendored code (`octoprint/vendor/sockjs/session.py`)."""
    return any(folder in VENDOR_DIRS for folder in relative.replace("\\", "/").split("/")[:-1])


# Folders of code that times the project (asv, pyperf, pytest-codspeed): an app or router built there is a workload
# that the harness drives in-process, never served to a client.
BENCHMARK_DIRS = frozenset({"benchmarks", "benchmark", "bench", "benches"})


def in_benchmark_folder(relative: str) -> bool:
    """Whether a root-relative path lies in a benchmark folder (`benchmarks/routing.py`, `pkg/bench/app.py`)."""
    return any(folder in BENCHMARK_DIRS for folder in relative.split("/")[:-1])


@dataclass(frozen=True)
class SourceLayout:
    """Where the project's importable code lives: the import roots, most specific first.

    `src-paths` in the config names them; otherwise `src/` when it exists (src layout), else the
    project root (flat layout), where only packages (folders with `__init__.py`) and top-level modules
    count as source.
    """

    root: Path
    import_roots: tuple[Path, ...]
    flat: bool
    _resolved: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # memo of `_real_path`
    _real_folders: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # memo of `real_folder`
    _module_names: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # of `module_name`
    _packages: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)  # folders with `__init__.py`
    _below: dict[str, tuple[Path, list[str]] | None] = field(default_factory=dict, compare=False, repr=False)  # of `_below_root`

    @classmethod
    def detect(cls, root: Path, src_paths: tuple[str, ...] | list[str] = ()) -> SourceLayout:
        root = root.resolve()
        if src_paths:
            roots = [(root / p).resolve() for p in src_paths]
        elif (root / "src").is_dir():
            roots = [root / "src"]
        else:
            roots = [root]
        ordered = tuple(sorted(roots, key=lambda p: len(p.parts), reverse=True))
        return cls(root, ordered, flat=ordered == (root,))

    def absolute(self, path: str) -> Path:
        return Path(self._real_path(path))

    def _real_path(self, path: str) -> str:
        """The file's real path, as text: a `Path` per file of a large project cost more than the rest of indexing it."""
        found = self._resolved.get(path)
        if found is None:
            joined = os.path.join(self.root, path)  # an absolute `path` stays itself
            if os.path.islink(joined):  # a linked file is resolved whole
                found = os.path.realpath(joined)
            else:  # its folder from the memo of folders: one `lstat` per folder, not one per component of each file
                folder, name = os.path.split(joined)
                found = os.path.join(real_folder(folder, self._real_folders), name)
            self._resolved[path] = found
        return found

    def relative(self, path: str) -> str:
        """The path relative to the project root, with `/` separators (the key coverage data is matched on)."""
        real = self._real_path(path)
        below = _parts_below(real, str(self.root))
        return Path(real).as_posix() if below is None else "/".join(below) or "."

    def module_name(self, path: str) -> str | None:
        """`src/pkg/mod.py` -> `pkg.mod`, `src/pkg/__init__.py` -> `pkg`; None outside the import roots."""
        try:
            return self._module_names[path]
        except KeyError:
            found = self._module_names[path] = self._module_name(path)
            return found

    def _below_root(self, path: str) -> tuple[Path, list[str]] | None:
        """The first import root that holds the file, and the parts of the file's path below it; None outside them.
        Compared as text: `Path.relative_to`, asked of every file of a large project, was most of indexing it."""
        if path not in self._below:
            text = self._real_path(path)
            self._below[path] = next(((root, parts) for root in self.import_roots
                                      if (parts := _parts_below(text, str(root))) is not None), None)
        return self._below[path]

    def _module_name(self, path: str) -> str | None:
        below = self._below_root(path)
        if below is None:
            return None
        parts = list(below[1])
        if not parts or not parts[-1].endswith(".py"):
            return None
        parts[-1] = parts[-1][:-3]
        if parts[-1] == "__init__":
            parts.pop()
        if not parts or not all(p.isidentifier() for p in parts):
            return None
        return ".".join(parts)

    def is_source(self, path: str) -> bool:
        """Whether the file is the project's importable code (checked by the untested-code rules)."""
        name = self.module_name(path)
        below = self._below_root(path)
        if name is None or below is None or below[1][-1] == "__main__.py":
            return False
        import_root, parts = below
        folders = parts[:-1]
        if any(f in NON_SOURCE_DIRS or f.startswith(".") for f in folders):
            return False
        if not self.flat:
            return True
        if not folders:
            return parts[-1] not in TOOLING_FILES
        folder = str(import_root)
        for part in folders:
            folder = os.path.join(folder, part)
            if not self._is_package(folder):
                return False
        return True

    def _is_package(self, folder: str) -> bool:
        """Whether the folder holds an `__init__.py` (asked once per folder, not once per file in it)."""
        found = self._packages.get(folder)
        if found is None:
            found = self._packages[folder] = os.path.exists(os.path.join(folder, "__init__.py"))
        return found


def _parts_below(path: str, folder: str) -> list[str] | None:
    """The parts of `path` below `folder` (both absolute and normalised, as `Path` prints them); None when `path` is
    not inside it, [] when it is the folder itself, as `Path.relative_to` answers (case-insensitively on Windows)."""
    path_key, folder_key = os.path.normcase(path), os.path.normcase(folder)
    if path_key == folder_key:
        return []
    prefix = folder_key if folder_key.endswith(os.sep) else folder_key + os.sep
    if not path_key.startswith(prefix):
        return None
    return path[len(prefix):].split(os.sep)


def resolve_relative(name: str, module: str, *, is_package: bool) -> str:
    """`.api.get` imported in module `pkg` (a package) -> `pkg.api.get`; absolute names are returned as they are."""
    if not name.startswith("."):
        return name
    dots = len(name) - len(name.lstrip("."))
    base = module.split(".") if is_package else module.split(".")[:-1]
    if dots > 1:
        base = base[: len(base) - (dots - 1)]
    rest = name[dots:]
    return ".".join([*base, rest]) if rest else ".".join(base)
