"""What a project's class derives from, across modules, read from the source facts every file records.

Each checked source file's facts hold its definitions with their bases as spelled (`facts.DEFINITIONS`) and its
module-level imports (`facts.MODULE_IMPORTS`), so the project phase can follow `class AppLoader(_Parser,
AppConstructor)` into the module that defines `AppConstructor`, and on, to the library classes at the top
(`yaml.constructor.SafeConstructor`). A function whose whole body returns one call (`def AppLoader(*args):
return _loader.AppLoader(*args)`, a factory) stands for what it calls. Nothing is parsed again and no libcst is
loaded: the index is built once per project, only when a question needs it.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.modules import resolve_relative
from vibecheck.facts import DEFINITIONS, MODULE_IMPORTS

# How many classes one question follows: a hierarchy deeper than this is not read to its end.
MAX_CLASSES = 64
BUILTIN_NAMES = frozenset(dir(builtins))


@dataclass
class _Module:
    imports: dict[str, str]  # local name -> dotted name (relative imports resolved)
    is_package: bool = False
    classes: dict[str, list[str]] = field(default_factory=dict)  # top-level class -> its bases as spelled
    factories: dict[str, str] = field(default_factory=dict)  # top-level function -> the callee it returns


@dataclass(frozen=True)
class Ancestry:
    """The classes outside the project that a class reaches through its bases (`builtins.object` for a builtin), the
    project's classes it reaches (itself first, as `module.Class`), and whether every base was found (a base bound by
    a star import, or by nothing the facts show, may be anything)."""

    outside: frozenset[str]
    complete: bool
    classes: tuple[str, ...] = ()


class ClassIndex:
    """The top-level classes, factories and imports of every checked source module, by module name."""

    def __init__(self, project: Any) -> None:
        self.modules: dict[str, _Module] = {}
        self._by_last: dict[str, list[str]] = {}
        imports = dict(project.facts(MODULE_IMPORTS))
        for path, definitions in project.facts(DEFINITIONS):
            relative = project.relative_path(path)
            module = module_name(relative)
            is_package = relative.endswith("__init__.py")
            entry = _Module({local: resolve_relative(dotted, module, is_package=is_package)
                             for local, dotted in imports.get(path, {}).items()}, is_package)
            for definition in definitions:
                if "." in definition["qualname"]:
                    continue
                if definition["kind"] == "class":
                    entry.classes[definition["qualname"]] = definition["bases"]
                elif definition.get("returns_call"):
                    entry.factories[definition["qualname"]] = definition["returns_call"]
            self.modules[module] = entry
            self._by_last.setdefault(module.rpartition(".")[2], []).append(module)

    def ancestry(self, name: str, module: str, *, outside_roots: Iterable[str] = ()) -> Ancestry | None:
        """Where the class (or factory) `name` leads: None when it is no class of the project. `name` is one of the
        module `module` defines (`@AppLoader`), or a dotted name as that module imports it (`pkg.loaders.AppLoader`,
        `.loaders.AppLoader`). Names under `outside_roots` (`yaml`) are taken for the library's own, never matched with
        a project module of the same name."""
        roots = frozenset(outside_roots)
        if name.startswith("@"):
            start = self._resolve(name[1:], module, roots)
        else:
            dotted = resolve_relative(name, module, is_package=self.modules.get(module, _Module({})).is_package)
            start = None if dotted.partition(".")[0] in roots else self._resolve_dotted(dotted, roots, 8)
        if start is None or isinstance(start, str):
            return None
        outside: set[str] = set()
        complete = True
        pending: list[tuple[str, str]] = [start]
        seen: set[tuple[str, str]] = set()
        order: list[tuple[str, str]] = []
        while pending and len(seen) < MAX_CLASSES:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            where, class_name = current
            for base in self.modules[where].classes.get(class_name, ()):
                found = self._resolve(base, where, roots)
                if found is None:
                    complete = False
                elif isinstance(found, str):
                    outside.add(found)
                else:
                    pending.append(found)
        return Ancestry(frozenset(outside), complete and not pending, tuple(f"{m}.{c}" for m, c in order))

    def _resolve(self, spelled: str, module: str, roots: frozenset[str], hops: int = 8) -> tuple[str, str] | str | None:
        """A name as `module` spells it -> (module, class) of the project, a dotted name outside it, or None (unknown).
        A factory resolves to what it returns; a name a module imports from another (a re-export) to that one."""
        entry = self.modules.get(module)
        if entry is None or hops == 0:
            return None
        head, _, rest = spelled.partition(".")
        if not rest and head in entry.classes:
            return module, head
        if not rest and head in entry.factories:
            return self._resolve(entry.factories[head], module, roots, hops - 1)
        if head not in entry.imports:
            return f"builtins.{head}" if not rest and head in BUILTIN_NAMES else None
        dotted = f"{entry.imports[head]}.{rest}" if rest else entry.imports[head]
        if dotted.partition(".")[0] in roots:
            return dotted
        return self._resolve_dotted(dotted, roots, hops - 1) or dotted

    def _resolve_dotted(self, dotted: str, roots: frozenset[str], hops: int) -> tuple[str, str] | str | None:
        """An absolute dotted name -> what the project module that is (or ends with) its module part binds it to."""
        wanted, _, name = dotted.rpartition(".")
        for candidate in self._by_last.get(wanted.rpartition(".")[2], ()):
            if candidate != wanted and not candidate.endswith("." + wanted):
                continue
            entry = self.modules[candidate]
            if name in entry.classes or name in entry.factories or name in entry.imports:
                return self._resolve(name, candidate, roots, hops)
        return None
