"""Rule packs: discovered through the `vibecheck.rules` entry-point group, indexed by code and name.

Rules load one by one: a rule module that fails to import (a misspelt docstring section makes its class
definition raise) or a pack that fails to load is recorded in `Registry.errors` by name, and every other
rule still loads and runs. The run then exits 2, because a check did not run.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from types import ModuleType

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
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and issubclass(obj, BaseRule) and "code" in obj.__dict__:
                rules.append(obj)
    return RulePack(name, tuple(sorted(rules, key=lambda r: r.code)), version, tuple(errors))


@dataclass
class Registry:
    """All known rules, indexed by code and by name; built once per process."""

    packs: list[RulePack] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    by_code: dict[str, type[BaseRule]] = field(default_factory=dict)
    by_name: dict[str, type[BaseRule]] = field(default_factory=dict)

    def add(self, pack: RulePack) -> None:
        for rule in pack.rules:
            for index, key in ((self.by_code, rule.code), (self.by_name, rule.name)):
                other = index.get(key)
                if other is not None and other is not rule:
                    raise RegistryError(
                        f"rule pack `{pack.name}` defines `{key}`, which `{other.__module__}` already defines")
            self.by_code[rule.code] = rule
            self.by_name[rule.name] = rule
        self.packs.append(pack)
        self.errors.extend(pack.errors)

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


_REGISTRY: Registry | None = None


def engine_pack() -> RulePack:
    """The findings the pipeline emits itself (VC001, VC901, VC902): always registered, never from a plugin."""
    return RulePack("engine", ENGINE_CHECKS, __version__)


def load_registry() -> Registry:
    """Load every installed pack once per process; a pack that fails to load is an error, not a crash."""
    global _REGISTRY
    if _REGISTRY is not None:
        return _REGISTRY
    registry = Registry()
    registry.add(engine_pack())
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name != "vc", e.name)):
        try:
            loaded = entry_point.load()
            pack = loaded() if callable(loaded) and not isinstance(loaded, RulePack) else loaded
            if not isinstance(pack, RulePack):
                raise RegistryError(f"entry point `{entry_point.value}` did not give a RulePack")
            registry.add(pack)
        except Exception as exc:  # a broken plugin must not take the built-in rules down with it
            registry.errors.append(f"rule pack `{entry_point.name}` ({entry_point.value}) failed to load: "
                                   f"{type(exc).__name__}: {exc}")
    _REGISTRY = registry
    return registry
