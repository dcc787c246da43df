"""Flask's and Quart's app-wide cap on a request body (`MAX_CONTENT_LENGTH`) as another module of the project sets it.

An app factory often loads its settings from a module of their own: `app.config.from_object("config.Config")`,
`from_object(Config)`, `from_pyfile("config.py")`, with the cap a class attribute or a module constant there, or sets
it where it builds the app (`app.config.from_mapping(MAX_CONTENT_LENGTH=...)`, `app.config["MAX_CONTENT_LENGTH"] =`).
Each module records, as a fact, which of these it holds: a cap set on a config (`SET`), a cap declared as a name
(`DECLARED`), a config loaded from an object or a file (`LOADS`). A whole read of an upload in a Flask module is then
bounded when a module of the project sets the cap, or one declares it and one loads a config: the text of the other
modules is read through these facts, never imported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import libcst as cst

from vibecheck.analysis.nodes import descendants
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern, word_start_matches

BODY_LIMITS_FACT = "flask_body_limits"
# The kind of an upload finding another module's cap clears (`Rule.report(..., unless=(BODY_LIMITED, ...))`).
BODY_LIMITED = "flask-body-limit"
SET, DECLARED, LOADS = "set", "declared", "loads"
LIMIT_KEY = "MAX_CONTENT_LENGTH"
# Flask's `Config` methods that load settings from an object, a Python file, an environment variable naming one, or a
# data file.
CONFIG_LOADERS = frozenset({"from_object", "from_pyfile", "from_envvar", "from_file"})
CONFIG_NAME = "config"  # what the loader's receiver is called (`app.config`, `app_config`)
# The frameworks whose config takes the cap: the upload findings of their modules wait for the project's facts.
CAPPED_FRAMEWORKS = ("flask", "quart", "werkzeug")
# Text without which a module holds none of these facts: most modules cost one substring search each.
FACT_WORDS = (LIMIT_KEY, *CONFIG_LOADERS)
# The same words whole, as the facts read them (a name, a keyword, a method, a string's whole text), searched at word
# starts: 11 of Django's modules hold a loader's name only inside another (`value_from_object`, `_get_lines_from_file`),
# and the walk of their every node cost 0.9 s CPU, 16 % of the flow rules' instructions on every 24th Django file.
FACT_WORD = lazy_pattern(rf"(?:{'|'.join(FACT_WORDS)})\b")


def body_limit_facts(module: cst.Module, source: str) -> list[str]:
    """Which of `SET`, `DECLARED`, `LOADS` the module holds, sorted (empty for most modules)."""
    if not any(word in source for word in FACT_WORDS) or next(word_start_matches(FACT_WORD, source), None) is None:
        return []
    return sorted(set(_facts(descendants(module))))


def is_bounded(facts: Iterable[Iterable[str]]) -> bool:
    """Whether the project's modules, by their facts, cap every request body: a module sets the cap, or one declares
    it and one loads a config (not necessarily the same)."""
    found = {fact for module in facts for fact in module}
    return SET in found or {DECLARED, LOADS} <= found


def _facts(nodes: Iterator[cst.CSTNode]) -> Iterator[str]:
    for node in nodes:
        kind = type(node)
        if kind is cst.Assign:
            for target in node.targets:  # type: ignore[attr-defined]
                yield from _assigned(target.target, node.value)  # type: ignore[attr-defined]
        elif kind is cst.AnnAssign and node.value is not None:  # type: ignore[attr-defined]
            yield from _assigned(node.target, node.value)  # type: ignore[attr-defined]
        elif kind is cst.Arg:  # `config.from_mapping(MAX_CONTENT_LENGTH=...)`, `config.update(...)`, `dict(...)`
            keyword = node.keyword  # type: ignore[attr-defined]
            if keyword is not None and keyword.value == LIMIT_KEY and not _is_none(node.value):  # type: ignore
                yield SET
        elif kind is cst.DictElement:  # `config.update({"MAX_CONTENT_LENGTH": ...})`
            if string_value(node.key) == LIMIT_KEY and not _is_none(node.value):  # type: ignore[attr-defined]
                yield SET
        elif kind is cst.Call:
            func = node.func  # type: ignore[attr-defined]
            if type(func) is cst.Attribute and func.attr.value in CONFIG_LOADERS and _is_config(func.value):
                yield LOADS


def _assigned(target: cst.BaseExpression, value: cst.BaseExpression) -> Iterator[str]:
    """`MAX_CONTENT_LENGTH = 16 * 1024 * 1024` declares the cap; `app.config["MAX_CONTENT_LENGTH"] = ...` sets it."""
    if _is_none(value):
        return
    if type(target) is cst.Name and target.value == LIMIT_KEY:
        yield DECLARED
    elif type(target) is cst.Subscript and len(target.slice) == 1 and type(target.slice[0].slice) is cst.Index \
            and string_value(target.slice[0].slice.value) == LIMIT_KEY:
        yield SET


def _is_config(node: cst.BaseExpression) -> bool:
    """`app.config`, `self.config`, `config`: a Flask config (not `Image.from_file`)."""
    name = node.attr.value if type(node) is cst.Attribute else node.value if type(node) is cst.Name else ""
    return name.lower().endswith(CONFIG_NAME)


def _is_none(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Name and node.value == "None"
