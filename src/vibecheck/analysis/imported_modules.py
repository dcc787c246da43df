"""The modules of a file's own package that it imports, found in its text: `from .utils import escape_sqlite`,
`from . import llm`, `from shop.stock import OutOfStock` in a file of `shop/`.

A per-file rule that needs to know what a helper of the project does (raises only its own wording, quotes an SQL
identifier) reads the module it is imported from, with `ast`, once per run; an `ImportedModulesInputs` puts only those
modules into the checked file's cache key, so an edit of `utils.py` re-checks the files that import it. Only the
file's first bytes, above its first top-level definition, count for that key, and the answer is kept with the cache's
record of the file (`key_answers`): a warm run reads no file it has checked before.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

from vibecheck import key_answers, listings
from vibecheck.patterns import lazy_pattern

# Where a module's first top-level definition starts: its imports are read above it, where they are written, in its
# first bytes (a warm run reads no file it has checked before: only these bytes of each, for the cache key).
HEADER_LIMIT = 8192
BODY_STARTS = (b"\ndef ", b"\nclass ", b"\nasync def ", b"\n@")
# `from . import llm, redaction`, `from .llm import AssistantError`, `from .. import (a, b)`, `from shop.stock import
# OutOfStock`: the module imported from and the names imported, on a line of their own.
IMPORT_FROM = lazy_pattern(r"^[ \t]*from[ \t]+(\.{0,2}[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)", re.MULTILINE)


@functools.lru_cache(maxsize=4096)
def imported_modules(path: str) -> frozenset[tuple[str, str]]:
    """(package folder, module) of each module of the file's own package that the file at `path` imports above its first
    top-level definition (in its first `HEADER_LIMIT` bytes), by its text:
    `(folder, "llm")` for `from . import llm` and `from .llm import AssistantError`, `(parent, "services")` for
    `from .. import services`, and for `from shop.stock import OutOfStock` or `from shop import stock` when `shop` is
    the folder of the file or the one above it."""
    path = os.path.abspath(path)
    folders = (os.path.dirname(path), os.path.dirname(os.path.dirname(path)))
    try:
        found = key_answers.ask(path, "imports", lambda data: _header_imports(data, folders))
    except OSError:
        return frozenset()
    return frozenset((folders[up], module) for up, module in found)


def _header_imports(data: bytes, folders: tuple[str, str]) -> list[list[Any]]:
    """`imported_modules` of a file of `folders[0]` with these bytes, each as [0 (the file's folder) or 1 (the one
    above it), the module], sorted: plain JSON for `key_answers`."""
    folder, parent = folders
    bases = {"": folder, ".": folder, "..": parent}
    for base in folders:
        bases.setdefault(os.path.basename(base), base)
    markers = [b"from " + name.encode("utf-8", "replace") for name in bases if name]
    text = data[:HEADER_LIMIT]
    header = text[:_body_start(text)]
    if not any(marker in header for marker in markers):
        return []
    found: set[tuple[str, str]] = set()
    for source, names in IMPORT_FROM.findall(header.decode("utf-8", "replace")):
        dots = source[:len(source) - len(source.lstrip("."))]
        parts = source[len(dots):].split(".") if source[len(dots):] else []
        package = bases.get(dots if dots else parts[0] if parts else "")
        if package is None or not (dots or parts):
            continue
        inside = parts if dots else parts[1:]
        if len(inside) == 1:
            found.add((package, inside[0]))
        elif not inside:
            found.update((package, name.split()[0]) for name in names.strip("()").split(",")
                         if name.split() and name.split()[0].isidentifier())
    return sorted([int(package != folder), module] for package, module in found)


def _body_start(text: bytes) -> int:
    """Where the first of `BODY_STARTS` occurs in `text` (its length when none does): each later search stops where
    the earliest found so far starts, so the text is scanned about once, not once per start."""
    end = len(text)
    for start in BODY_STARTS:
        at = text.find(start, 0, end + len(start) - 1)
        if at >= 0:
            end = at
    return end


@functools.lru_cache(maxsize=4096)
def imports_digest(path: str) -> str:
    """Name, size and time of each module of `imported_modules(path)` (`path` absolute): the part of a file's cache key
    that three readers share (`ImportedModulesInputs` twice, `OwnErrorsInputs`), computed once per file and run."""
    return "".join(listings.modules_digest(base, (module,)) for base, module in sorted(imported_modules(path)))


def imported_module_file(path: str, module: str) -> str | None:
    """The file of the module `module` names as the file at `path` imports it (`.utils`, `..services`, `shop.utils` of
    a file in `shop/` or in a package of it) when it is one of `imported_modules(path)`; None for any other module."""
    folder = os.path.dirname(os.path.abspath(path))
    dots = len(module) - len(module.lstrip("."))
    parts = module[dots:].split(".") if module[dots:] else []
    if dots > 2 or not parts:
        return None
    if dots:
        package = folder if dots == 1 else os.path.dirname(folder)
    else:
        package = next((base for base in (folder, os.path.dirname(folder)) if os.path.basename(base) == parts[0]), "")
        parts = parts[1:]
    if not package or len(parts) != 1 or (package, parts[0]) not in imported_modules(os.path.abspath(path)):
        return None
    candidates = (os.path.join(package, f"{parts[0]}.py"), os.path.join(package, parts[0], "__init__.py"))
    return next((c for c in candidates if os.path.isfile(c)), None)


class ImportedModulesInputs:
    """A digest of the modules of its own package that the file at `path` imports: a `Rule.cache_inputs` function.
    The cache calls `cache_clear` when a run starts; it also clears `readers`, the caches of what a rule read from
    those modules in an earlier run (`module_quoters`, `module_enums`). It is named where its readers are defined
    (`enum_modules_inputs = ImportedModulesInputs(module_enums)`), so the registry finds it in their module."""

    def __init__(self, *readers: Any) -> None:
        self.readers = readers
        if readers:
            self.__module__ = readers[0].__module__

    def __call__(self, path: str) -> str:
        return imports_digest(os.path.abspath(path))

    def cache_clear(self) -> None:
        imported_modules.cache_clear()
        imports_digest.cache_clear()
        for reader in self.readers:
            reader.cache_clear()

