"""Rule packs: discovered through the `vibecheck.rules` entry-point group, indexed by code and name.

Rules load one by one: a rule module that fails to import (a misspelt docstring section makes its class
definition raise), a pack that fails to load, or a rule that cannot be registered (not a rule class, a code or
name another rule has, facts that cannot be named) is recorded in `Registry.errors` by name, and every other
rule still loads and runs. The run then exits 2, because a check did not run.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from vibecheck import __version__
from vibecheck.engine_checks import ENGINE_CHECKS
from vibecheck.rule import BaseRule, ProjectRule, Rule

ENTRY_POINT_GROUP = "vibecheck.rules"


class RegistryError(Exception):
    """Two packs claim the same code or name, or a pack cannot be loaded."""


@dataclass(frozen=True)
class RulePack:
    """A named set of rules, as a plugin distribution provides it."""

    name: str
    rules: tuple[type[BaseRule], ...]
    version: str = ""
    errors: tuple[str, ...] = ()  # modules of the pack that failed to load, each named with its error


def pack_from_package(name: str, package: ModuleType, version: str = "") -> RulePack:
    """Collect every rule class defined in the modules under `package` (one module per rule).

    A module that fails to import is recorded in `RulePack.errors` and skipped; the others still load.
    """
    rules: list[type[BaseRule]] = []
    errors: list[str] = []
    # walk_packages imports each sub-package to look inside; one that fails is reported by the loop below
    infos = list(pkgutil.walk_packages(package.__path__, package.__name__ + ".", onerror=lambda _name: None))
    for info in sorted(infos, key=lambda i: i.name):
        try:
            module = importlib.import_module(info.name)
        except Exception as exc:  # one broken rule must not take the pack's other rules down
            errors.append(f"rule module `{info.name}` of pack `{name}` failed to load: {type(exc).__name__}: {exc}")
            continue
        for obj in list(vars(module).values()):  # not `inspect.getmembers`: a `getattr` per name, a sort (9 % of the load)
            if isinstance(obj, type) and obj.__module__ == module.__name__ and issubclass(obj, BaseRule) \
                    and "code" in obj.__dict__:
                rules.append(obj)
    return RulePack(name, tuple(sorted(rules, key=lambda r: r.code)), version, tuple(errors))


@dataclass(frozen=True)
class RuleInfo:
    """What selection, config validation, the cache key and the filter stage read about a rule, as plain data:
    a run whose every file hits the cache answers from the saved summary (`vibecheck.manifest`) without
    importing the rule modules, and libcst with them."""

    code: str
    name: str
    default_enabled: bool
    supersedes: tuple[str, ...] = ()
    project: bool = False  # a `ProjectRule`, else a per-file `Rule`
    readers: tuple[str, ...] = ()  # each of `cache_inputs` as `module:attribute`
    reads_unchecked_test_facts: bool = False
    reads_unchecked_source_facts: bool = False
    index_readers: tuple[tuple[str, str], ...] = ()  # each of `index_fact_readers` as (fact key, `module:attribute`)
    origin: str = ""  # the class as `module:attribute` ("" for a class its module does not name)
    released_by: tuple[str, ...] = ()  # the project rules that release what a per-file rule holds (`Rule.released_by`)
    conditional: bool = False  # a per-file rule with its own `Rule.cleared`: its `unless` findings need a project phase
    # what a project rule's fact collectors read beyond the file (each collector's `cache_inputs`), as `module:attribute`
    fact_readers: tuple[str, ...] = ()

    @classmethod
    def of(cls, rule: type[BaseRule]) -> RuleInfo:
        """The facts of a rule class; raises ValueError when a `cache_inputs` or `index_fact_readers` function cannot
        be named by module."""
        return cls(rule.code, rule.name, rule.default_enabled, tuple(rule.supersedes), issubclass(rule, ProjectRule),
                   tuple(reader_reference(reader) for reader in getattr(rule, "cache_inputs", ())),
                   bool(getattr(rule, "reads_unchecked_test_facts", False)),
                   bool(getattr(rule, "reads_unchecked_source_facts", False)),
                   tuple((key, reader_reference(reader)) for key, reader in getattr(rule, "index_fact_readers", {}).items()),
                   _origin(rule), tuple(getattr(rule, "released_by", ())),
                   issubclass(rule, Rule) and rule.cleared.__func__ is not Rule.cleared.__func__,  # type: ignore[attr-defined]
                   tuple(dict.fromkeys(reader_reference(reader) for collector in getattr(rule, "fact_collectors", ())
                                       for reader in getattr(collector, "cache_inputs", ()))))

    @property
    def cache_inputs(self) -> tuple[Callable[..., str], ...]:
        """The rule's `cache_inputs` functions, imported from their modules (not the rule's)."""
        return tuple(resolve_reader(reference) for reference in self.readers)

    @property
    def fact_cache_inputs(self) -> tuple[Callable[[str], str], ...]:
        """What the project rule's fact collectors read beyond the file, per file: part of each file's cache key."""
        return tuple(resolve_reader(reference) for reference in self.fact_readers)


def _origin(rule: type[BaseRule]) -> str:
    module = sys.modules.get(rule.__module__)
    return f"{rule.__module__}:{rule.__name__}" if getattr(module, rule.__name__, None) is rule else ""


def reader_reference(reader: Any) -> str:
    """`module:attribute` naming a `cache_inputs` or `index_fact_readers` function (or callable object) in the module
    that defines it."""
    module_name = getattr(reader, "__module__", None) or type(reader).__module__
    module = importlib.import_module(module_name)
    for attribute, value in vars(module).items():
        if value is reader:
            return f"{module_name}:{attribute}"
    raise ValueError(f"`{reader!r}` is not an attribute of its module `{module_name}`: define it at module level, "
                     "under a name, so that a run can find it again")


@functools.cache
def resolve_reader(reference: str) -> Callable[..., Any]:
    module_name, _, attribute = reference.partition(":")
    reader: Callable[..., Any] = getattr(importlib.import_module(module_name), attribute)
    return reader


@dataclass(frozen=True)
class RegistrySummary:
    """A registry as plain data: its rules' facts, its packs' versions, its errors and the files of its rule modules."""

    rules: tuple[RuleInfo, ...]
    packs: tuple[tuple[str, str], ...]
    errors: tuple[str, ...]
    module_files: tuple[str, ...]


class Registry:
    """All known rules, indexed by code and by name; built once per process.

    Built `from_summary`, it answers `infos`, `pack_versions`, `module_files` and `errors` from the summary and
    loads the rule packs the first time a rule class is asked for (a file to check, options to parse, docs).
    """

    def __init__(self) -> None:
        self._packs: list[RulePack] = []
        self._errors: list[str] = []
        self._by_code: dict[str, type[BaseRule]] = {}
        self._by_name: dict[str, type[BaseRule]] = {}
        self._summary: RegistrySummary | None = None

    @classmethod
    def from_summary(cls, summary: RegistrySummary) -> Registry:
        registry = cls()
        registry._summary = summary
        registry._errors = list(summary.errors)
        return registry

    @property
    def deferred(self) -> bool:
        """True while the rule packs are not loaded (the registry answers from its summary)."""
        return self._summary is not None

    def _loaded(self) -> Registry:
        if self._summary is not None:
            self._summary = None
            self._errors = []
            load_packs(self)
        return self

    @property
    def packs(self) -> list[RulePack]:
        return self._loaded()._packs

    @property
    def errors(self) -> list[str]:
        return self._errors

    @property
    def by_code(self) -> dict[str, type[BaseRule]]:
        return self._loaded()._by_code

    @property
    def by_name(self) -> dict[str, type[BaseRule]]:
        return self._loaded()._by_name

    def rule_class(self, code: str) -> type[BaseRule]:
        """The class of the rule with this code. A registry built from its summary imports only that rule's module
        (a project phase on a warm cache: the per-file rules, and libcst with many of them, stay unloaded); the packs
        load when the summary does not name the class there, or the module does not give it."""
        if self._summary is not None:
            origin = next((info.origin for info in self._summary.rules if info.code == code), "")
            if origin:
                try:
                    found = resolve_reader(origin)
                except Exception:  # a module that fails to import: the packs load, and report it
                    found = None
                if isinstance(found, type) and issubclass(found, BaseRule) and found.__dict__.get("code") == code:
                    return found
        return self.by_code[code]

    def add(self, pack: RulePack) -> None:
        by_code, by_name = self.by_code, self.by_name
        for rule in pack.rules:
            for index, key in ((by_code, rule.code), (by_name, rule.name)):
                other = index.get(key)
                if other is not None and other is not rule:
                    raise RegistryError(
                        f"rule pack `{pack.name}` defines `{key}`, which `{other.__module__}` already defines")
            by_code[rule.code] = rule
            by_name[rule.name] = rule
        self._packs.append(pack)
        self._errors.extend(pack.errors)

    def unloaded_hint(self) -> str:
        """What to add to "names no rule" when something failed to load, where the rule may be defined ("" when
        nothing did): whole, so that the message stands alone."""
        if not self.errors:
            return ""
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        return f"; it may be defined where loading failed, fix that first: {self.errors[0]}{more}"

    @property
    def rules(self) -> list[type[BaseRule]]:
        return sorted(self.by_code.values(), key=lambda r: r.code)

    @property
    def file_rules(self) -> list[type[Rule]]:
        return [r for r in self.rules if issubclass(r, Rule)]

    @property
    def project_rules(self) -> list[type[ProjectRule]]:
        return [r for r in self.rules if issubclass(r, ProjectRule)]

    @property
    def builtin_rules(self) -> list[type[BaseRule]]:
        """The rules that ship with vibecheck (the `vc` pack and the engine's own checks), not plugins'."""
        return [r for r in self.rules if r.__module__.startswith("vibecheck.")]

    def lookup(self, key: str) -> type[BaseRule] | None:
        return self.by_code.get(key.upper()) or self.by_name.get(key)

    @property
    def infos(self) -> tuple[RuleInfo, ...]:
        """Every rule's facts, by code, without loading the packs when the registry has a summary."""
        if self._summary is not None:
            return self._summary.rules
        return tuple(RuleInfo.of(rule) for rule in self.rules)

    @property
    def pack_versions(self) -> tuple[tuple[str, str], ...]:
        if self._summary is not None:
            return self._summary.packs
        return tuple((pack.name, pack.version) for pack in self._packs)

    @property
    def module_files(self) -> tuple[str, ...]:
        """The source files of the rule modules (what an edited rule changes)."""
        if self._summary is not None:
            return self._summary.module_files
        modules = (sys.modules.get(name) for name in sorted({rule.__module__ for rule in self.rules}))
        return tuple(sorted({module.__file__ for module in modules if module is not None and module.__file__}))

    def summary(self) -> RegistrySummary:
        return RegistrySummary(self.infos, self.pack_versions, tuple(self.errors), self.module_files)


_REGISTRY: Registry | None = None


def engine_pack() -> RulePack:
    """The findings the pipeline emits itself (VC001, VC901, VC902): always registered, never from a plugin."""
    return RulePack("engine", ENGINE_CHECKS, __version__)


def load_registry() -> Registry:
    """Load every installed pack once per process; a pack that fails to load is an error, not a crash."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_packs(Registry())
    return _REGISTRY


def use_registry(registry: Registry) -> Registry:
    """Make `registry` the process's (`vibecheck.manifest` builds one from a summary); returns it."""
    global _REGISTRY
    _REGISTRY = registry
    return registry


def loaded_registry() -> Registry | None:
    """The process's registry if one was built already."""
    return _REGISTRY


def load_packs(registry: Registry) -> Registry:
    """Add the engine's pack and every installed pack to `registry`."""
    registry.add(engine_pack())
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name != "vc", e.name)):
        try:
            loaded = entry_point.load()
            pack = loaded() if callable(loaded) and not isinstance(loaded, RulePack) else loaded
            if not isinstance(pack, RulePack):
                raise RegistryError(f"entry point `{entry_point.value}` did not give a RulePack")
            registry.add(registrable(pack, registry))
        except Exception as exc:  # a broken plugin must not take the built-in rules down with it
            registry.errors.append(f"rule pack `{entry_point.name}` ({entry_point.value}) failed to load: "
                                   f"{type(exc).__name__}: {exc}")
    return registry


def registrable(pack: RulePack, registry: Registry) -> RulePack:
    """The pack without the rules `registry` cannot take, each named in the pack's errors: one broken rule must not
    take its pack's others down, nor crash the run later, where its facts are computed (`RuleInfo.of`)."""
    kept: list[type[BaseRule]] = []
    errors = list(pack.errors)
    codes, names = dict(registry.by_code), dict(registry.by_name)
    for rule in pack.rules:
        try:
            if not (isinstance(rule, type) and issubclass(rule, BaseRule) and "code" in rule.__dict__):
                raise RegistryError("it is not a rule class with a `code` of its own")
            for index, key in ((codes, rule.code), (names, rule.name)):
                if key in index:
                    raise RegistryError(f"`{key}` is already defined by `{index[key].__module__}`")
            RuleInfo.of(rule)
        except Exception as exc:  # recorded, so that the run still exits 2
            errors.append(f"rule `{_label(rule)}` of pack `{pack.name}` was not loaded: {type(exc).__name__}: {exc}")
            continue
        codes[rule.code] = names[rule.name] = rule
        kept.append(rule)
    return dataclasses.replace(pack, rules=tuple(kept), errors=tuple(errors))


def _label(rule: Any) -> str:
    """`module.Class` for a class, its repr for anything else a pack lists."""
    return f"{rule.__module__}.{rule.__qualname__}" if isinstance(rule, type) else repr(rule)
