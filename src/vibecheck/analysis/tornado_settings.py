"""The settings a file gives Tornado's `Application`: its keywords, and the entries of a dict it unpacks into it.

Tornado apps are configured by keyword (`Application(handlers, debug=True)`), very often through a dict built first
(`settings = dict(cookie_secret=..., xsrf_cookies=False)` or `{"debug": True}`, then `Application(handlers,
**settings)`), which is often defined in a settings module and unpacked in another (`from .config import settings`):
a module-level dict that holds a key only Tornado reads (`cookie_secret`, `xsrf_cookies`) counts as such settings too.
Rules about one setting (debug mode, CSRF) ask this once per file for the value node of each entry.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import dotted_name
from vibecheck.analysis.unpacked_options import dict_entries
from vibecheck.cst_fields import child_nodes
from vibecheck.imports import ImportTable

APPLICATION_CLASSES = frozenset({"tornado.web.Application"})
# Keys of a settings dict that only Tornado's `Application` reads: a module-level dict with one is its settings, also
# when another module unpacks it.
TORNADO_ONLY_KEYS = ("cookie_secret", "xsrf_cookies", "serve_traceback", "compiled_template_cache", "static_hash_cache")
# The texts a file that configures a Tornado app must hold one of: files with none are not walked.
FILE_HINTS = ("Application(", *TORNADO_ONLY_KEYS)


def application_settings(module: cst.Module, imports: ImportTable, source: str) -> list[tuple[str, cst.BaseExpression]]:
    """(setting name, value node) of every keyword given to a Tornado `Application(...)` in `module`, of every
    entry of a dict (`dict(...)` or a literal) bound to a name that such a call unpacks (`**settings`), and of every
    entry of a module-level dict that holds a Tornado-only key (which another module may unpack)."""
    if not any(hint in source for hint in FILE_HINTS):
        return []
    found: list[tuple[str, cst.BaseExpression]] = []
    unpacked: set[str] = set()
    dicts: list[tuple[str, cst.BaseExpression]] = []
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        pending.extend(child_nodes(node))
        if type(node) is cst.Call and imports.qualified_name(node.func) in APPLICATION_CLASSES:
            for arg in node.args:
                if arg.keyword is not None:
                    found.append((arg.keyword.value, arg.value))
                elif arg.star == "**" and (name := dotted_name(arg.value)) is not None:
                    unpacked.add(name)
        elif type(node) is cst.Assign and len(node.targets) == 1:
            name = dotted_name(node.targets[0].target)
            if name is not None:
                dicts.append((name, node.value))
    for name, value in dicts:
        if name in unpacked:
            found.extend(dict_entries(value))
    for name, value in _module_dicts(module):
        entries = dict_entries(value)
        if name not in unpacked and any(key in TORNADO_ONLY_KEYS for key, _ in entries):
            found.extend(entries)
    return found


def _module_dicts(module: cst.Module) -> list[tuple[str, cst.BaseExpression]]:
    """`SETTINGS = {...}`, `settings = dict(...)` at module level: the values another module can import."""
    return [(name, small.value) for statement in module.body if type(statement) is cst.SimpleStatementLine
            for small in statement.body if type(small) is cst.Assign and len(small.targets) == 1
            and (name := dotted_name(small.targets[0].target)) is not None]

