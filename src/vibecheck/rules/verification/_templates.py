"""Names the project's templates use: a method called only from a template (`{{ order.total() }}`) is called.

Jinja and Django templates call methods and helpers inside `{{ ... }}` and `{% ... %}`; vibecheck reads
those files as text (it never renders them) from the `templates/` (and Django's Jinja2 `jinja2/`) folders at
the project root and beside the source packages, and from `*.jinja`, `*.jinja2` and `*.j2` files there.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from vibecheck import listings
from vibecheck.patterns import lazy_pattern

TEMPLATE_FOLDERS = ("templates", "jinja2")
TEMPLATE_SUFFIXES = frozenset({".html", ".htm", ".jinja", ".jinja2", ".j2", ".txt", ".xml", ".svg", ".md", ".json",
                               ".tmpl", ".tpl"})
MAX_TEMPLATE_BYTES = 512 * 1024
MAX_TEMPLATES = 5000
_BLOCK = lazy_pattern(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_STRING = lazy_pattern(r"'[^'\n]*'|\"[^\"\n]*\"")
_NAME = lazy_pattern(r"[A-Za-z_]\w*")


def template_names(root: Path, source_folders: Iterable[Path]) -> frozenset[str]:
    """Every identifier in the expressions and tags of the templates found at `root` and beside the sources."""
    names: set[str] = set()
    for path in _template_files(root, source_folders):
        try:
            if os.stat(path).st_size > MAX_TEMPLATE_BYTES:
                continue
            with open(path, encoding="utf-8", errors="replace") as stream:
                text = stream.read()
        except OSError:
            continue
        for match in _BLOCK.finditer(text):
            names.update(_NAME.findall(_STRING.sub(" ", match.group(1) or match.group(2) or "")))
    return frozenset(names)


def template_inputs(project: Any, options: Any) -> str:
    """What `template_names` reads (a `ProjectRule.cache_inputs`): each template's path, size and time, so
    editing a template re-runs the rules that count a name used there as called."""
    folders = {os.path.dirname(project.absolute_location(path)) for path in project.files}
    stamps = []
    for path in _template_files(project.root, folders):
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamps.append((path, info.st_size, info.st_mtime_ns))
    return repr(stamps)


def _template_files(root: str | os.PathLike[str], source_folders: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The template files under the template folders at `root` and beside the sources, in path order (folders
    as strings: a project's 1,000 source folders each have two names to try, answered by the folders' listings
    that discovery made)."""
    folders = [os.fspath(folder) for folder in (root, *source_folders)]
    candidates = {os.path.join(where, name) for where in folders for name in TEMPLATE_FOLDERS
                  if listings.holds_folder(where, name)}
    found: list[str] = []
    for folder in sorted(candidates, key=lambda c: Path(c).parts):
        for directory in _folders_below(folder):
            found.extend(os.path.join(directory, entry.name) for entry in listings.entries(directory).values()
                         if not listings.is_dir(entry) and os.path.splitext(entry.name)[1] in TEMPLATE_SUFFIXES)
            if len(found) >= MAX_TEMPLATES:
                return found[:MAX_TEMPLATES]
    return found


def _folders_below(top: str) -> Iterator[str]:
    """`top` and the folders below it, top-down in name order, skipping hidden ones and not following links (as
    `os.walk` walks)."""
    stack = [top]
    while stack:
        folder = stack.pop()
        yield folder
        below = [entry.path for entry in listings.entries(folder).values()
                 if not entry.name.startswith(".") and listings.is_dir(entry) and not entry.is_symlink()]
        stack.extend(reversed(below))
