"""Django URLconf lists guarded as a whole: `urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)`.

A project may wrap every view of a pattern list in one guard, through a function of its own that takes the list and
the decorator (Wagtail's admin). Such a call guards the entries the list holds at that point (not those appended
after it, such as the login page), the URLconfs those entries `include(...)`, and the entries that functions
registered as hooks return when the list collects them (`for fn in hooks.get_hooks("register_admin_urls"): urlpatterns
+= fn()`, with `@hooks.register("register_admin_urls") def register_admin_urls(): return [path(...)]`) in other
modules. The collector (`collector.AppModelCollector`) tells this class where the walk is; `resolve.AppModel` joins the
facts: the includes and hooks a guard reaches, also through included URLconfs that include others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import libcst as cst

from vibecheck.literals import text_value

# The methods a hook-collecting loop adds a hook's patterns to a list with (`+=` too).
LIST_EXTENDERS = frozenset({"extend", "append"})
# The decorator method that registers a function as a named hook (`@hooks.register("register_admin_urls")`).
HOOK_REGISTRATION = "register"


@dataclass
class _Entry:
    """A URLconf entry of a pattern list or hook: a view (its fact, shared with `url_views`) or an included URLconf."""

    view: dict[str, Any] | None = None
    include: dict[str, Any] | None = None


@dataclass
class UrlconfLists:
    """The pattern lists of one URLconf module, the hooks they collect, and the guards wrapped around them."""

    lists: dict[str, list[_Entry]] = field(default_factory=dict)  # module-level pattern list -> its entries so far
    hooks_collected: dict[str, list[str]] = field(default_factory=dict)  # list -> the hooks whose patterns it holds
    includes: list[dict[str, Any]] = field(default_factory=list)  # `url_includes` facts
    guarded_hooks: list[dict[str, Any]] = field(default_factory=list)  # `guarded_hooks` facts
    _building: list[str] = field(default_factory=list)  # the list an assignment being walked builds
    _hook: list[str] = field(default_factory=list)  # the hook a function being walked is registered as
    _collecting: list[str] = field(default_factory=list)  # the hook a module-level loop being walked collects

    # where the walk is ----------------------------------------------------------------------------------------

    def enter_list(self, name: str) -> None:
        self._building.append(name)

    def leave_list(self) -> None:
        self._building.pop()

    def enter_hook_function(self, decorators: list[cst.BaseExpression]) -> bool:
        """Entering a module-level function: whether it is registered as a named hook (then `leave_hook_function`)."""
        name = next((hook for d in decorators if (hook := _registered_hook(d)) is not None), None)
        if name is not None:
            self._hook.append(name)
        return name is not None

    def leave_hook_function(self) -> None:
        self._hook.pop()

    def enter_loop(self, iterated: cst.BaseExpression) -> bool:
        """Entering a module-level `for`: whether it iterates over a named hook's functions (then `leave_loop`)."""
        name = _named_call(iterated)
        if name is not None:
            self._collecting.append(name)
        return name is not None

    def leave_loop(self) -> None:
        self._collecting.pop()

    def extended(self, name: str) -> None:
        """`name += ...`, `name.extend(...)`: in a hook-collecting loop, the list takes the hook's patterns."""
        if self._collecting and name in self.lists:
            self.hooks_collected.setdefault(name, []).append(self._collecting[-1])

    # entries ------------------------------------------------------------------------------------------------

    def note_view(self, view: dict[str, Any]) -> None:
        """A view entry (its `url_views` fact): kept with its list, or marked with its hook for the resolver."""
        if self._hook:
            view["hook"] = self._hook[-1]
        elif self._building:
            self.lists.setdefault(self._building[-1], []).append(_Entry(view=view))

    def note_include(self, module: str, namespace: str | None = None) -> None:
        """`include(urls)`: the included URLconf module, kept with its list or hook (with the `namespace=` it gives)."""
        include: dict[str, Any] = {"module": module, "hook": self._hook[-1] if self._hook else None, "guarded": False,
                                   "wrappers": []}
        if namespace is not None:
            include["namespace"] = namespace
        if self._hook or self._building:
            self.includes.append(include)
        if self._building and not self._hook:
            self.lists.setdefault(self._building[-1], []).append(_Entry(include=include))

    def decorate(self, name: str, wrappers: list[str], guarded: bool) -> None:
        """A call that wraps every view of list `name` in `wrappers` (`guarded`: one of them is a guard by its name):
        the entries and collected hooks the list holds now."""
        for entry in self.lists.get(name, ()):
            for fact in (entry.view, entry.include):
                if fact is not None:
                    fact["wrappers"] = [*fact["wrappers"], *wrappers]
                    fact["guarded"] = fact["guarded"] or guarded
        self.guarded_hooks.extend({"hook": hook, "guarded": guarded, "wrappers": wrappers}
                                  for hook in self.hooks_collected.get(name, ()))

    def facts(self) -> dict[str, Any]:
        return {"url_includes": self.includes, "guarded_hooks": self.guarded_hooks}


def _named_call(expression: cst.BaseExpression) -> str | None:
    """`hooks.get_hooks("register_admin_urls")` -> `register_admin_urls`: a call whose first argument is a string."""
    if type(expression) is not cst.Call or not expression.args or expression.args[0].keyword is not None:
        return None
    first = expression.args[0].value
    return text_value(first) if type(first) is cst.SimpleString else None


def _registered_hook(decorator: cst.BaseExpression) -> str | None:
    """`@hooks.register("register_admin_urls")` -> `register_admin_urls`."""
    if type(decorator) is not cst.Call or type(decorator.func) is not cst.Attribute \
            or decorator.func.attr.value != HOOK_REGISTRATION:
        return None
    return _named_call(decorator)
