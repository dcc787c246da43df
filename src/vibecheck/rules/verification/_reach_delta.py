"""The untested-code rules after an edit of one module, from what they kept of the whole project's reach.

Following the tests' reach over the whole project's calls is most of a hook's project phase (half a second on
Django). An edit that only adds or removes functions nobody names (an agent's new helper, before its test) cannot
change what the tests reach, so the rules judge the edited module alone against the reach kept from the last phase
(`reach_state`, see `vibecheck.project_delta`). The edit must be *inert* (`_inert`):
- the module's facts that the index reads are as they were, but its definitions;
- the definitions differ only by their places (line numbers, text) and by added or removed top-level functions
  with no decorator, route, base, import, dispatch or listing, and no flag the reach follows (hooks, registrars,
  doctests): nothing runs such a function unless something names it;
- nothing names one: its name is in no other file's facts (the tests' references among them), in no other part of
  the module's facts, in no template, and it is no entry point; its module is none the tests' helpers or Django's
  management commands, whose functions count as reached with it;
- the names its body uses add no submodule to what the module's code may name (`_neighbours`).
Then the reached definitions and modules stay as they were, and the rules judge the module by them, with an index of
the module alone (`_RestoredIndex`) whose project-wide answers come from the state; any other answer it is asked
for raises `StateMissing`, and the whole phase runs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from vibecheck.analysis.app_model.names import APP_MODEL
from vibecheck.facts import (
    DEFINITIONS,
    LOCAL_IMPORTS,
    MODULE_DISCOVERS,
    MODULE_IMPORTS,
    MODULE_MAIN_USES,
    MODULE_STAR_IMPORTS,
    MODULE_USES,
    OWN_PACKAGE_CALLS,
    TEST_REFERENCES,
)
from vibecheck.model import FileResult, Finding
from vibecheck.project import Project
from vibecheck.rules.verification import _reach
from vibecheck.rules.verification._evidence import Evidence
from vibecheck.rules.verification._reach import ProjectIndex, TestFile

# What the project index reads of the files' facts (the `reads_facts` of the rules built on it).
REACH_FACTS = (TEST_REFERENCES, DEFINITIONS, MODULE_IMPORTS, MODULE_STAR_IMPORTS, MODULE_USES, LOCAL_IMPORTS,
               MODULE_DISCOVERS, OWN_PACKAGE_CALLS, MODULE_MAIN_USES, APP_MODEL)
# A definition's fields that say where it is, not what it names or does: an edit above it moves them.
PLACE_FIELDS = frozenset({"line", "end_line", "body_lines", "error_paths", "text"})
# Fields by which a definition is named, run or wired: an inert function has none.
WIRING_FIELDS = ("decorators", "routes", "route_methods", "route_receivers", "imports", "dispatches", "discovers",
                 "bases")
INERT_FLAGS = frozenset({"stub", "no_cover", "overload", "abstract", "type_checking"})  # flags the reach ignores
# The index's project-wide answers the rules read, kept in the state by these names.
RESTORED = ("reached_definitions", "referenced_definitions", "modules_used_by_tests")


class StateMissing(Exception):
    """The rule asked the restored index for something the state does not hold."""


def reach_state(project: Project) -> dict[str, Any] | None:
    """What the untested-code rules keep of the project's reach after a whole phase (a `ProjectRule.change_state`):
    None when none of them built the index, when it has no tests, or when coverage data judged it."""
    index = _reach.built_index(project)
    if index is None or not index.tests or any(e.executed is not None for e in index.evidence.values()):
        return None
    computed = vars(index)
    restored: dict[str, Any] = {name: _by_module(computed[name]) for name in RESTORED[:2] if name in computed}
    if "modules_used_by_tests" in computed:
        restored["modules_used_by_tests"] = sorted(computed["modules_used_by_tests"])
    return {"modules": {module.path: name for name, module in index.modules.items()},
            "support": sorted(index.support), "commands": sorted(index.commands_run),
            "entry_modules": sorted({module for module, _ in index.entry_points}),
            "templates": sorted(index.template_names),
            "evidence": [[use, coverage_file, evidence.mode] for (use, coverage_file), evidence in index.evidence.items()],
            "restored": restored}


def _by_module(pairs: set[tuple[str, str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for module, qualname in sorted(pairs):
        found.setdefault(module, []).append(qualname)
    return found


def changed_findings(rule: Any, project: Project, state: Any, change: Any) -> list[Finding] | None:
    """`rule`'s findings in the edited module (a `ProjectRule.check_change`), judged by the restored index; None
    when the edit is not inert or the rule asks what the state does not hold."""
    inert = change.memo.get("reach")
    if inert is None:
        inert = change.memo["reach"] = _inert(state, change)
    if not inert:
        return None
    module = _module(project, change)
    index = _RestoredIndex(module, state)
    if list(index.modules) != [state["modules"][change.path]]:
        return None
    _reach.remember_index(module, index)
    try:
        return list(rule.check_project(module))
    except StateMissing:
        return None


def _module(project: Project, change: Any) -> Project:
    """The project of the edited file alone (its facts, root, config and path)."""
    return Project(root=project.root, files={change.path: FileResult(change.path, facts=change.new)},
                   config=project.config, relative={change.path: project.relative_path(change.path)})


def _inert(state: Any, change: Any) -> bool:
    """Whether the edit leaves the tests' reach as it was (see the module's docstring)."""
    old, new = change.old, change.new
    if not isinstance(state, dict) or any(old.get(key) != new.get(key) for key in REACH_FACTS if key != DEFINITIONS):
        return False
    module = state["modules"].get(change.path)
    if module is None or module in state["support"] or module in state["commands"] or module in state["entry_modules"]:
        return False
    before, after = old.get(DEFINITIONS), new.get(DEFINITIONS)
    if not isinstance(before, list) or not isinstance(after, list):
        return False
    removed, added, kept = _difference(before, after)
    edited = removed + added
    if not edited:
        return True
    own_text = "".join(_text_without(facts, edited) for facts in (old, new))
    kept_uses = set(new.get(MODULE_USES, ())).union(*(definition.get("uses", ()) for definition in kept))
    modules = state["modules"].values()
    return all(_inert_function(definition, own_text, kept_uses, modules, state["templates"], change)
               for definition in edited)


def _signature(definition: dict[str, Any]) -> str:
    """A definition without its place, as comparable text."""
    return repr(sorted((key, repr(value)) for key, value in definition.items() if key not in PLACE_FIELDS))


def _difference(before: list[Any], after: list[Any]) -> tuple[list[Any], list[Any], list[Any]]:
    """The definitions only `before` has, those only `after` has, and those of `after` both have (by signature,
    counted)."""
    if not all(isinstance(d, dict) for d in (*before, *after)):
        return [{}], [], []  # not facts this version wrote: never inert
    pending: dict[str, list[Any]] = {}
    for definition in before:
        pending.setdefault(_signature(definition), []).append(definition)
    added, kept = [], []
    for definition in after:
        same = pending.get(_signature(definition))
        if same:
            same.pop()
            kept.append(definition)
        else:
            added.append(definition)
    return [d for group in pending.values() for d in group], added, kept


def _text_without(facts: dict[str, Any], edited: list[Any]) -> str:
    """What the index reads of the module's facts, but the edited definitions, as text."""
    rest = [d for d in facts.get(DEFINITIONS, ()) if all(d is not e for e in edited)]
    return repr({key: facts.get(key) for key in REACH_FACTS if key != DEFINITIONS}) + repr(rest)


def _inert_function(definition: dict[str, Any], own_text: str, kept_uses: set[str], modules: Any,
                    templates: list[str], change: Any) -> bool:
    name = definition.get("qualname")
    if definition.get("kind") != "function" or not isinstance(name, str) or not name.isidentifier() or not name.isascii() \
            or any(definition.get(field) for field in WIRING_FIELDS) \
            or not set(definition.get("flags", ())) <= INERT_FLAGS:
        return False
    if name in own_text or any(name in template for template in templates) or change.others_mention(name):
        return False
    new_uses = [use for use in definition.get("uses", ()) if use not in kept_uses]
    return not any(m == use or m.endswith("." + use) for use in new_uses for m in modules)


class _Missing:
    """An index attribute the state does not hold: asked for, it raises (a non-data descriptor, so that the value
    restored into the instance wins)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        raise StateMissing(self.name)


class _RestoredEvidence(dict[Any, Evidence]):
    """The evidence the rules judged by, per their options; other options raise."""

    def get(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            raise StateMissing(f"evidence {key!r}")
        return self[key]


# What the index of the module alone may answer by itself: what its constructor and the rules' module loops use.
_OWN = frozenset({"__init__", "_test_resolver", "_test_support", "_imported_helpers", "__dict__", "__weakref__", "__doc__",
                  "__module__"})


class _RestoredIndex(ProjectIndex):
    """The index of the edited module alone, with the project-wide answers the untested-code rules read restored
    from the state; every other project-wide answer raises `StateMissing`."""

    def __init__(self, project: Project, state: dict[str, Any]) -> None:
        super().__init__(project)
        module = state["modules"].get(next(iter(project.files)))
        self.tests = [TestFile("", (), (), frozenset(), ())]  # there are tests (else the state would be None)
        vars(self)["has_tests"] = True
        self.support = frozenset(state["support"])
        self.evidence = _RestoredEvidence({(use, coverage_file): Evidence(None, mode)
                                           for use, coverage_file, mode in state["evidence"]})
        restored = state["restored"]
        for name in RESTORED[:2]:
            if name in restored:
                vars(self)[name] = {(module, qualname) for qualname in restored[name].get(module, ())}
        if "modules_used_by_tests" in restored:
            vars(self)["modules_used_by_tests"] = set(restored["modules_used_by_tests"])


for _name, _value in vars(ProjectIndex).items():
    if _name not in _OWN and (isinstance(_value, (cached_property, property)) or callable(_value)):
        _missing = _Missing()
        _missing.__set_name__(_RestoredIndex, _name)
        setattr(_RestoredIndex, _name, _missing)
