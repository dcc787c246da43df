"""Which codes run where: select, extend-select, ignore and per-file-ignores, with ruff's semantics.

A selector is `ALL`, a code prefix (`VC1`, `VC101`, `B`, `B6`) or a rule name (`swallowed-exception`).
For each code the most specific matching selector decides (a full code or a rule name beats `VC1`,
which beats `VC`, which beats `ALL`); when a `select` and an `ignore` selector are equally specific, the
ignore wins. Without `select`, the default is every rule whose `default_enabled` is set plus bandit's
checks; the default is the least specific selector, so any `ignore` beats it. Rules that are not enabled
by default (previews) are enabled by naming them or a prefix of their code, never by `ALL`.

Codes of other tools (bandit's `B602`) come from the analyzers (`vibecheck.analyzers`) as *external
codes*, so that they can be selected, validated and suppressed like vibecheck's own.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from vibecheck.analyzers import ExternalCode, analyzers
from vibecheck.discovery import gitignore_spec
from vibecheck.errors import closest
from vibecheck.registry import Registry

if TYPE_CHECKING:
    import pathspec

ALL = "ALL"
_SELECTOR = re.compile(r"^[A-Z]{1,4}[0-9]{0,3}$")


class SelectionError(ValueError):
    """A selector that names no known rule, code or prefix."""


_EXTERNAL: dict[str, ExternalCode] = {}
# Prefixes that belong to an external tool (`B` for bandit), so `--select B` is valid as a prefix.
_EXTERNAL_PREFIXES: dict[str, str] = {}
_providers_loaded = False


def register_external_codes(tool: str, prefix: str, codes: Iterable[ExternalCode]) -> None:
    """Make another tool's codes (all starting with `prefix`) selectable, suppressible and validated."""
    _EXTERNAL_PREFIXES[prefix] = tool
    for item in codes:
        _EXTERNAL[item.code] = item


def external_codes() -> dict[str, ExternalCode]:
    """Every external code: the analyzers' (loaded once, unless `use_external_codes` gave them) and any registered
    directly."""
    global _providers_loaded
    if not _providers_loaded:
        _providers_loaded = True
        for analyzer in analyzers():
            register_external_codes(analyzer.name, analyzer.prefix, analyzer.codes())
    return dict(_EXTERNAL)


def analyzer_codes() -> dict[str, tuple[str, list[ExternalCode]]]:
    """{tool: (prefix, its codes)} of every analyzer, as `use_external_codes` takes them back."""
    return {analyzer.name: (analyzer.prefix, list(analyzer.codes())) for analyzer in analyzers()}


def use_external_codes(tables: Mapping[str, tuple[str, Sequence[ExternalCode]]]) -> None:
    """Register the analyzers' codes from a saved table (`vibecheck.manifest`) instead of asking the analyzers,
    which would import their tools."""
    global _providers_loaded
    _providers_loaded = True
    for tool, (prefix, codes) in tables.items():
        register_external_codes(tool, prefix, codes)


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    default_enabled: bool


def known_codes(registry: Registry) -> dict[str, CodeInfo]:
    """Every code vibecheck can report: registered rules and external codes."""
    codes = {c: CodeInfo(c, e.name, e.default_enabled) for c, e in external_codes().items()}
    for rule in registry.infos:
        codes[rule.code] = CodeInfo(rule.code, rule.name, rule.default_enabled)
    return codes


def _specificity(selector: str, code: str, info: CodeInfo) -> int | None:
    """How specifically `selector` names `code` (higher wins), or None when it does not match."""
    if selector == ALL:
        return 0
    if selector == info.name or selector == code:
        return 100
    if code.startswith(selector):
        return len(selector)
    return None


def normalize_selector(selector: str) -> str:
    """Codes and prefixes are case-insensitive (`vc1` is `VC1`); rule names stay as written."""
    selector = selector.strip()
    return selector.upper() if _SELECTOR.match(selector.upper()) or selector.upper() == ALL else selector


def validate_selectors(selectors: Iterable[str], registry: Registry, where: str) -> None:
    """Raise SelectionError for a selector matching no known code, with a did-you-mean hint."""
    codes = known_codes(registry)  # loads the analyzers' prefixes too
    names = {info.name for info in codes.values()}
    for raw in selectors:
        selector = normalize_selector(raw)
        if selector == ALL or selector in names or selector in _EXTERNAL_PREFIXES:
            continue
        if any(code.startswith(selector) for code in codes) and _SELECTOR.match(selector):
            continue
        candidates = sorted(codes) + sorted(names) + sorted(_EXTERNAL_PREFIXES)
        close = closest(raw, candidates)
        hint = registry.unloaded_hint() or (f"; did you mean `{close}`?" if close else
                                            "; run `vibecheck rules` to list the codes")
        raise SelectionError(f"{where}: unknown rule code, prefix or name `{raw}`{hint}")


def split_selectors(value: str | Sequence[str] | None) -> tuple[str, ...]:
    """`"VC1, B602"` or `["VC1", "B602"]` -> `("VC1", "B602")`."""
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else [part for item in value for part in str(item).split(",")]
    return tuple(normalize_selector(item) for item in items if item.strip())


@dataclass(frozen=True)
class Selection:
    """The codes enabled for the whole run, and the codes each per-file-ignores pattern removes."""

    enabled: frozenset[str]
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    def enabled_for(self, relative_path: str) -> frozenset[str]:
        """The codes enabled for one file (path relative to the project root, `/`-separated)."""
        if not self.per_file_ignores:
            return self.enabled
        removed: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if _path_spec(pattern).match_file(relative_path):
                removed |= codes
        return self.enabled - removed if removed else self.enabled


@lru_cache(maxsize=256)
def _path_spec(pattern: str) -> pathspec.PathSpec:
    return gitignore_spec([pattern])


def resolve_selection(
    registry: Registry,
    *,
    select: Sequence[str] | None = None,
    extend_select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    per_file_ignores: Mapping[str, Sequence[str]] | None = None,
    disabled_tools: Collection[str] = (),
) -> Selection:
    """Decide each known code once; `select=None` means the default set; `disabled_tools` switches analyzers off."""
    codes = known_codes(registry)
    chosen = list(select) if select is not None else []
    chosen += list(extend_select)
    enabled = set()
    for code, info in codes.items():
        if _is_enabled(code, info, chosen, ignore, use_default=select is None):
            enabled.add(code)
    explicit = {s for s in chosen if s in codes}
    enabled -= _replaced_by_ignored(registry, codes, ignore, enabled) - explicit
    if disabled_tools:
        enabled = {c for c in enabled if _EXTERNAL.get(c) is None or _EXTERNAL[c].tool not in disabled_tools}
    pfi = []
    for pattern, selectors in sorted((per_file_ignores or {}).items()):
        removed = {c for c, info in codes.items() if _best(selectors, c, info) is not None}
        pfi.append((pattern, frozenset(removed | _replaced_by_ignored(registry, codes, selectors, set()))))
    return Selection(frozenset(enabled), tuple(pfi))


def _replaced_by_ignored(registry: Registry, codes: dict[str, CodeInfo], ignore: Sequence[str], enabled: set[str]) -> set[str]:
    """The other tools' codes superseded by rules that an ignore selector switches off: ignoring VC101 ignores B110 too.

    A rule that is merely not selected (`--select B`) does not take the codes it supersedes with it, and a vibecheck
    rule never takes another vibecheck rule with it: VC201 supersedes VC214 on an open view's line, yet ignoring VC201
    must leave VC214's ownership checks running everywhere else.
    """
    replaced: set[str] = set()
    for rule in registry.infos:
        if rule.supersedes and rule.code not in enabled and _best(ignore, rule.code, codes[rule.code]) is not None:
            replaced.update(code for code in rule.supersedes if code in _EXTERNAL)
    return replaced


def _best(selectors: Iterable[str], code: str, info: CodeInfo) -> int | None:
    scores = [s for s in (_specificity(sel, code, info) for sel in selectors) if s is not None]
    return max(scores) if scores else None


def _is_enabled(code: str, info: CodeInfo, select: Sequence[str], ignore: Sequence[str], *, use_default: bool) -> bool:
    selected = _best((s for s in select if s != ALL or info.default_enabled), code, info)
    if use_default and info.default_enabled:
        selected = max(selected if selected is not None else -1, -1)
    if selected is None:
        return False
    ignored = _best(ignore, code, info)
    return ignored is None or ignored < selected
