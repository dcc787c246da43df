"""The project half of the app model: every file's routes joined with the guards declared anywhere.

Names in the facts are spelled three ways: `@name` (defined in the same file), `.mod.name` (a relative
import) and `pkg.mod.name` (an absolute import). `AppModel.build` turns them all into dotted names under
the file's module, and two names *match* when one is a dotted suffix of the other, so an app checked from
its parent folder (`docs_src.app.routers.items`) still matches its own imports (`app.routers.items`).
Matching names share their last part, so the joins look names up in `_ByLastPart` indexes instead of
comparing every route with every guard, URLconf entry and alias (quadratic on Django: 6.5 M comparisons).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.app_model.names import (
    ADMIN_MOUNT_HOLD,
    APP_MODEL,
    INERT_FUNCTIONS,
    OPTIONAL_MARK,
    admin_path,
    open_by_name,
    relabelled,
    restricts,
)
from vibecheck.analysis.app_model.namespace_index import NamespaceIndex
from vibecheck.analysis.app_model.skip_paths import skipped
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.analysis.modules import SourceLayout, in_benchmark_folder, resolve_relative
from vibecheck.facts import HELD_FINDINGS
from vibecheck.model import Finding

MAX_INCLUDE_DEPTH = 8
OWN_FILE_GUARD = "a guard in its own file"
T = TypeVar("T")


@dataclass
class ModelRoute:
    """One route of the app, with the file it lives in and the verdict of the whole-app join."""

    path: str
    module: str
    fact: dict[str, Any]
    receiver: str | None
    handler: str
    refs: tuple[str, ...]
    helper_refs: tuple[str, ...] = ()  # the project functions an unguarded handler calls, which may check for it
    route_list: str | None = None  # the module-level list of route objects it is in, when its own file mounts none
    guard_dependencies: tuple[str, ...] = ()  # when dependencies alone guard it in its file: which
    guarded_by: str | None = None  # what guards it ("decorator", "router include", "URLconf", ...), None if nothing
    writes_by_method: bool = False  # it calls a method of a model of another module that writes (`note.mark_read()`)
    answer_refs: tuple[str, ...] = ()  # it only answers, calling these project functions, which may act
    inert: InertFunctions | None = None  # the project's functions that change nothing, read when first asked

    @property
    def acts_by_helper(self) -> bool:
        """One of its `answer_refs` is not a function of the project known to be inert."""
        return bool(self.answer_refs) and (self.inert is None or not self.inert.all_inert(self.answer_refs))

    @property
    def changes_state(self) -> bool:
        return bool(self.fact["state_changing"]) or self.writes_by_method or self.acts_by_helper

    @property
    def needs_guard(self) -> bool:
        return self.changes_state or bool(self.fact["sensitive"])

    @property
    def view(self) -> str:
        """The dotted name a URLconf routes: the function, or the class of a class-based view's method."""
        handler = self.fact["handler"]
        return self.handler.rpartition(".")[0] if "." in handler else self.handler


@dataclass(frozen=True)
class UrlEntry:
    """A URLconf or router entry: the view's dotted name, its pattern (a router's prefix) and its name (basename)."""

    view: str
    path: str | None
    name: str | None
    router: bool


@dataclass
class AppModel:
    """Routes, guard functions, router wiring, URLconf entries and settings of every checked file."""

    routes: list[ModelRoute] = field(default_factory=list)
    guard_functions: set[str] = field(default_factory=set)
    signature_functions: set[str] = field(default_factory=set)  # functions that check a request's signature
    guarding_helpers: set[str] = field(default_factory=set)  # functions and methods that check the caller and refuse
    guarded_receivers: set[str] = field(default_factory=set)
    restricted_receivers: set[str] = field(default_factory=set)  # guarded by a role (`Depends(require_admin)`)
    cherrypy_app_guard: bool = False  # a CherryPy config turns a guard tool on at an app's root
    includes: list[tuple[str | None, str, bool]] = field(default_factory=list)
    url_views: list[tuple[str, bool, tuple[str, ...]]] = field(default_factory=list)  # (view, guarded, wrappers)
    configured_views: set[str] = field(default_factory=set)  # views a URLconf configures (`V.as_view(model=Band)`)
    aliases: list[tuple[str, bool, tuple[str, ...]]] = field(default_factory=list)  # `edit = guard(V.as_view())`
    alias_names: dict[str, str] = field(default_factory=dict)  # alias -> view
    dependency_aliases: dict[str, str] = field(default_factory=dict)  # `Account = Annotated[..., Depends(f)]` -> f
    url_entries: list[UrlEntry] = field(default_factory=list)
    mounts: dict[str, str] = field(default_factory=dict)  # router or blueprint -> the prefix it is included under
    router_prefixes: dict[str, str] = field(default_factory=dict)  # module-level router -> the prefix it is made with
    replacing_mounts: set[str] = field(default_factory=set)  # blueprints whose mount prefix replaces their own
    settings: dict[str, Any] = field(default_factory=dict)
    authenticating_files: set[str] = field(default_factory=set)
    login_middleware_classes: set[str] = field(default_factory=set)  # project middleware that requires a login
    # project middleware that requires a login for the views of some URL namespaces (`url_namespaces.py`) -> those
    namespace_middleware: dict[str, frozenset[str]] = field(default_factory=dict)
    url_app_names: dict[str, str] = field(default_factory=dict)  # URLconf module -> its `app_name`
    include_namespaces: list[tuple[str, str, str | None]] = field(default_factory=list)  # (module, included, namespace)
    drf_default_is_open: bool = False  # what to assume when no DRF settings were checked
    handler_guards: dict[str, list[str]] = field(default_factory=dict)  # decorated function -> [] (guarded) or refs
    method_dispatch: dict[str, list[str]] = field(default_factory=dict)  # handler -> what its writing methods call
    project_modules: set[str] = field(default_factory=set)  # every checked module, when a route's handler is imported
    # Falcon's `app.add_route(path, Resource(), suffix=...)`: (resource class, app, path, suffix, guarded by a class
    # decorator: of the subclass registered, for the responders of a base class in another module it inherits)
    resources: list[tuple[str, str, str | None, str, bool]] = field(default_factory=list)
    class_guards: dict[str, list[str]] = field(default_factory=dict)  # Falcon class -> [] (guarded) or decorator refs
    optional_dependencies: set[str] = field(default_factory=set)  # functions that never deny (`get_optional_user`)
    # URLconf lists guarded whole (`urlconf_lists.py`): each `url_views` entry's module and hook, the `include(...)`s
    # (module of the entry, included module, hook, guarded, wrappers) and the hooks a guarded list collects
    url_view_places: list[tuple[str, str | None]] = field(default_factory=list)
    url_includes: list[tuple[str, str, str | None, bool, tuple[str, ...]]] = field(default_factory=list)
    guarded_hooks: list[tuple[str, bool, tuple[str, ...]]] = field(default_factory=list)
    # FastHTML app -> the skip lists of the Beforeware that guard it: a path all of them skip is let by
    receiver_skips: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def build(cls, project: Any, *, drf_default_is_open: bool = False,
              sensitive_paths: str = fw.SENSITIVE_PATHS) -> AppModel:
        model = cls(drf_default_is_open=drf_default_is_open)
        layout = SourceLayout.detect(Path(project.root))
        refusing: set[str] = set()
        hooks: list[tuple[str, str]] = []
        beforewares: dict[str, tuple[str, tuple[str, ...]]] = {}  # FastHTML Beforeware object -> (hook, skip)
        optional: dict[str, list[str]] = {}  # functions that never deny -> the dependencies they run
        runners: dict[str, list[str]] = {}  # dependencies that are no guard themselves -> the dependencies they run
        dependency_receivers: list[tuple[str, list[str]]] = []
        writers: set[str] = set()  # methods of the project's classes that write records (`orm_writes.writing_methods`)
        include_dependencies: list[list[str]] = []
        named_prefixes: list[tuple[str, str]] = []  # (router, the constant of another module its include names as prefix)
        path_constants: list[tuple[str, str]] = []  # the strings of every module that may prefix a route
        for path, facts in project.facts(APP_MODEL):
            if path in project.test_files or in_benchmark_folder(project.relative_path(path)):
                continue  # apps built by tests and benchmarks are fixtures and workloads, not the deployed app
            module, is_package = module_of(layout, project.relative_path(path))

            def full(name: str, module: str = module, is_package: bool = is_package) -> str:
                if name.startswith("@"):
                    return f"{module}.{name[1:]}" if module else name[1:]
                return resolve_relative(name, module, is_package=is_package)

            if facts["authenticates"]:
                model.authenticating_files.add(path)
            model.guard_functions.update(full("@" + name) for name in facts["guard_functions"])
            writers.update(facts.get("writing_methods", ()))
            model.signature_functions.update(full("@" + name) for name in facts.get("signature_functions", ()))
            model.guarding_helpers.update(full("@" + name) for name in facts.get("guarding_helpers", ()))
            refusing.update(full("@" + name) for name in facts.get("refusing_hooks", ()))
            model.login_middleware_classes.update(full("@" + name) for name in facts.get("login_middleware", ()))
            model.namespace_middleware.update({full("@" + name): frozenset(namespaces)
                                               for name, namespaces in facts.get("namespace_middleware", {}).items()})
            if facts.get("url_namespace"):
                model.url_app_names[module] = facts["url_namespace"]
            optional.update({full("@" + name): [full(r) for r in refs]
                             for name, refs in facts.get("optional_dependencies", {}).items()})
            runners.update({full("@" + name): [full(r) for r in refs]
                            for name, refs in facts.get("dependency_runners", {}).items()})
            dependency_receivers.extend((full(receiver), [_full_ref(full, r) for r in refs])
                                        for receiver, refs in facts.get("dependency_receivers", {}).items())
            hooks.extend((full(receiver), full(hook)) for receiver, hook in facts.get("hook_refs", ()))
            beforewares.update({full("@" + name): (full(hook), tuple(skip))
                                for name, (hook, skip) in facts.get("beforewares", {}).items()})
            for receiver, lists in facts.get("receiver_skips", {}).items():
                model.receiver_skips.setdefault(full(receiver), []).extend(map(tuple, lists))
            model.handler_guards.update({full("@" + name): [full(r) for r in refs]
                                         for name, refs in facts.get("handler_guards", {}).items()})
            model.method_dispatch.update({full("@" + name): [full(r) for r in refs]
                                          for name, refs in facts.get("method_dispatch", {}).items()})
            model.guarded_receivers.update(full(name) for name in facts["guarded_receivers"])
            model.cherrypy_app_guard |= facts.get("cherrypy_app_guard", False)
            model.restricted_receivers.update(full(name) for name in facts.get("restricted_receivers", ()))
            for include in facts["includes"]:
                parent = full(include["parent"]) if include["parent"] else None
                model.includes.append((parent, full(include["child"]), include["guarded"]))
                include_dependencies.append([_full_ref(full, r) for r in include.get("dependencies", ())])
                if include.get("prefix"):
                    model.mounts[full(include["child"])] = include["prefix"].rstrip("/")
                elif include.get("prefix_ref"):
                    named_prefixes.append((full(include["child"]), full(include["prefix_ref"])))
                if include.get("replaces"):  # also by a prefix not known here (`url_prefix=settings.API_PREFIX`)
                    model.replacing_mounts.add(full(include["child"]))
                if facts["app_guard"] and parent is not None:
                    model.guarded_receivers.add(parent)
            for target, views in ((model.url_views, facts["url_views"]), (model.aliases, facts["view_aliases"].values())):
                target.extend((full(v["view"]), v["guarded"], tuple(full(w) for w in v["wrappers"])) for v in views)
            model.url_view_places.extend((module, v.get("hook")) for v in facts["url_views"])
            model.url_includes.extend((module, full(i["module"]), i["hook"], i["guarded"], tuple(map(full, i["wrappers"])))
                                      for i in facts.get("url_includes", ()))
            model.include_namespaces.extend((module, full(i["module"]), i.get("namespace"))
                                            for i in facts.get("url_includes", ()))
            model.guarded_hooks.extend((h["hook"], h["guarded"], tuple(map(full, h["wrappers"])))
                                       for h in facts.get("guarded_hooks", ()))
            model.alias_names.update({full("@" + alias): full(v["view"]) for alias, v in facts["view_aliases"].items()})
            model.dependency_aliases.update({full("@" + alias): full(target)
                                             for alias, target in facts["dependency_aliases"].items()})
            model.configured_views.update(full(v["view"]) for v in facts["url_views"] if v.get("configured"))
            model.url_entries.extend(UrlEntry(full(v["view"]), v.get("path"), v.get("name"), v.get("router", False))
                                     for v in facts["url_views"])
            for name, value in facts["settings"].items():
                if name == fw.INSTALLED_APPS:
                    model.settings.setdefault(name, []).extend(value)
                else:
                    model.settings.setdefault(name, value)
            model.resources.extend((full(r["resource"]), full(r["receiver"]), r["path"], r["suffix"], False)
                                   for r in facts.get("resources", ()))
            model.router_prefixes.update({full("@" + name): prefix.rstrip("/")
                                          for name, prefix in facts.get("router_prefixes", {}).items()})
            path_constants.extend((full("@" + name), value) for name, value in facts.get("path_constants", {}).items())
            model.class_guards.update({full("@" + name): [full(r) for r in refs]
                                       for name, refs in facts.get("guarded_classes", {}).items()})
            for fact in facts["routes"]:
                model.routes.append(ModelRoute(
                    path=path, module=module, fact=fact, receiver=full(fact["receiver"]) if fact["receiver"] else None,
                    handler=f"{module}.{fact['handler']}" if module else fact["handler"],
                    refs=tuple(full(r) for r in fact["refs"]),
                    guard_dependencies=tuple(_full_ref(full, r) for r in fact.get("guard_dependencies", ())),
                    helper_refs=tuple(full(r) for r in fact.get("helper_refs", ())),
                    answer_refs=tuple(full(r) for r in fact.get("answer_refs", ())),
                    route_list=full(fact["route_list"]) if fact.get("route_list") else None,
                ))
        if named_prefixes:
            model._mount_named_prefixes(named_prefixes, path_constants)
        model._guard_dependents(runners)
        model._drop_optional_guards(optional, dependency_receivers, include_dependencies)
        if model.guarded_hooks or any(guarded or wrappers for *_, guarded, wrappers in model.url_includes):
            model._guard_wrapped_urlconfs()
        skips: dict[tuple[str, str], tuple[str, ...]] = {}  # (app, hook) -> the paths its Beforeware skips
        for index, (receiver, hook) in enumerate(hooks):
            if hook in beforewares:  # a Beforeware object another module builds: its function, and the paths it skips
                hooks[index] = (receiver, beforewares[hook][0])
                skips[hooks[index]] = beforewares[hook][1]
        if hooks:  # a hook imported from another module guards its app or blueprint only if it can refuse a request
            refusers = _ByLastPart((name, name) for name in refusing | model.guard_functions)
            checked = {module_of(layout, project.relative_path(p))[0] for p in project.files} \
                if any(h.rpartition(".")[2][:1].isupper() for _, h in hooks) else set()
            guarding = [(receiver, hook) for receiver, hook in hooks if any(True for _ in refusers.matching(hook))
                        or _library_guard_class(hook, checked)]
            model.guarded_receivers.update(receiver for receiver, _ in guarding)
            for receiver, hook in guarding:
                if (receiver, hook) in skips:
                    model.receiver_skips.setdefault(receiver, []).append(skips[(receiver, hook)])
            model.restricted_receivers.update(receiver for receiver, hook in hooks if restricts([hook.rpartition(".")[2]]))
        if any(route.fact.get("imported_handler") for route in model.routes):
            model.project_modules = {module_of(layout, project.relative_path(path))[0] for path in project.files}
        if model.resources and any(route.fact.get("resource_suffix") is not None for route in model.routes):
            model._inherit_resources(project)
        sensitive = re.compile(sensitive_paths, re.IGNORECASE)
        inert = InertFunctions(project, layout)
        for route in model.routes:
            route.writes_by_method = not writers.isdisjoint(route.fact.get("record_methods", ()))
            route.inert = inert
            if route.route_list is not None:
                model._mount(route, sensitive)
            if route.fact.get("resource_suffix") is not None:
                model._register_resource(route, sensitive)
            if route.receiver is not None and not route.fact["sensitive"]:
                model._judge_mounted(route, sensitive)
            route.guarded_by = model._guard_of(route)
        return model

    def _guard_dependents(self, runners: dict[str, list[str]]) -> None:
        """A dependency that runs a guard (`def get_membership(org_id: int, user: CurrentUser)`, with `CurrentUser =
        Annotated[User, Depends(get_current_user)]` in another module) guards every route that depends on it, through
        any number of such steps: FastAPI runs the guard first."""
        aliases = _ByLastPart(self.dependency_aliases.items())
        pending = {name: [*refs, *(t for r in refs for t in aliases.matching(r))] for name, refs in runners.items()}
        while pending:
            guards = _ByLastPart((g, g) for g in self.guard_functions)
            found = {name for name, refs in pending.items() if any(True for r in refs for _ in guards.matching(r))}
            if not found:
                return
            self.guard_functions |= found
            pending = {name: refs for name, refs in pending.items() if name not in found}

    def _drop_optional_guards(self, optional: dict[str, list[str]], dependency_receivers: list[tuple[str, list[str]]],
                              include_dependencies: list[list[str]]) -> None:
        """Routers and includes guarded only by dependencies that never deny (`get_optional_user`) are not guarded. A
        function that never denies itself but runs one that does (`Depends(get_current_user)`) denies."""
        denying = _ByLastPart((g, g) for g in self.guard_functions if g not in optional)
        self.optional_dependencies = {name for name, refs in optional.items()
                                      if not any(True for r in refs for _ in denying.matching(r))}
        self.guard_functions -= self.optional_dependencies
        for receiver, refs in dependency_receivers:
            if self.lets_anyone_in(refs):
                self.guarded_receivers.discard(receiver)
        self.includes = [(parent, child, guarded and not (refs and self.lets_anyone_in(refs)))
                         for (parent, child, guarded), refs in zip(self.includes, include_dependencies, strict=True)]

    def _guard_wrapped_urlconfs(self) -> None:
        """The views of a URLconf list wrapped whole in a guard (`decorate_urlpatterns(urlpatterns, guard)`) reached
        from another file: those a hook the list collects returns, and those of the URLconfs it includes, also
        through URLconfs those include. Each such `url_views` entry takes the guard among its wrappers."""
        hooks: dict[str, tuple[str, ...]] = {}
        for name, guarded, wrappers in self.guarded_hooks:
            if guarded or self._any_guard(wrappers):
                hooks[name] = hooks.get(name, ()) + wrappers
        modules: dict[str, tuple[str, ...]] = {}  # included URLconf module -> the guard wrapped around it

        def guard_reaching(module: str, hook: str | None) -> tuple[str, ...] | None:
            if hook is not None and hook in hooks:
                return hooks[hook]
            return next((wrappers for m, wrappers in modules.items() if _matches(m, module)), None)

        changed = True
        while changed:  # each round adds a module, so it ends after as many rounds as there are includes at most
            changed = False
            for module, included, hook, guarded, wrappers in self.url_includes:
                reached = wrappers if guarded or self._any_guard(wrappers) else guard_reaching(module, hook)
                if reached is not None and included not in modules:
                    modules[included] = reached
                    changed = True
        for index, (module, hook) in enumerate(self.url_view_places):
            reached = guard_reaching(module, hook)
            if reached is not None:
                view, _, wrappers = self.url_views[index]
                self.url_views[index] = (view, True, wrappers + reached)

    def lets_anyone_in(self, refs: Iterable[str]) -> bool:
        """Every dependency is a project function that never denies, or, defined in no checked file as a guard that
        denies, is open by its name (`names.open_by_name`)."""
        refs = list(refs)
        return bool(refs) and all(self._never_denies(r) for r in refs)

    def _never_denies(self, ref: str) -> bool:
        name = ref.removeprefix(OPTIONAL_MARK)
        targets = [name, *self._dependency_aliases.matching(name)]
        if any(True for t in targets for _ in self._optional.matching(t)):
            return True
        mark = OPTIONAL_MARK if ref.startswith(OPTIONAL_MARK) else ""
        return not any(True for t in targets for _ in self._guards.matching(t)) \
            and any(open_by_name(mark + t) for t in targets)

    def _mount(self, route: ModelRoute, sensitive: re.Pattern[str]) -> None:
        """A route object in a list that another module mounts (`Mount("/admin", routes=admin.routes)`): its path
        gets the prefix, and an administrative prefix makes it need a guard."""
        prefix = next(self._mounts.matching(route.route_list or ""), None)
        fact = route.fact
        if prefix is None or fact["path"] is None:
            return
        path = prefix + fact["path"]
        route.fact = {**fact, "path": path, "label": relabelled(fact["label"], fact["path"], path),
                      "sensitive": fact["sensitive"] or bool(sensitive.search(path))}

    def _judge_mounted(self, route: ModelRoute, sensitive: re.Pattern[str]) -> None:
        """A route of a router or blueprint that another module mounts (`app.include_router(router, prefix="/admin")`,
        `register_blueprint(bp, url_prefix="/admin")`) is judged by its full path: an administrative prefix makes its
        `/users` need a guard, and its label names the path a client calls."""
        fact = route.fact
        if fact["path"] is None:
            return
        path = self.mounted_path(route)
        if path != fact["path"] and sensitive.search(path):
            route.fact = {**fact, "label": relabelled(fact["label"], fact["path"], path), "sensitive": True}

    def _register_resource(self, route: ModelRoute, sensitive: re.Pattern[str]) -> None:
        """A Falcon responder takes the app and path of the first `add_route` that registers its class with its suffix;
        an administrative path makes it need a guard."""
        registration = next(self._registrations(route), None)
        if registration is None:
            return
        receiver, path, _ = registration
        route.receiver = receiver
        fact = route.fact
        label = fact["label"] if path is None else f"{fact['label']} (`{'/'.join(fact['methods'])} {path}`)"
        route.fact = {**fact, "path": path, "label": label,
                      "sensitive": fact["sensitive"] or (path is not None and bool(sensitive.search(path)))}

    def _registrations(self, route: ModelRoute) -> Iterator[tuple[str, str | None, bool]]:
        """The apps and paths that route a Falcon responder, and whether a class decorator guards it there: `add_route`
        calls of its class (or of a subclass in another module) with its suffix."""
        suffix = route.fact["resource_suffix"]
        return ((receiver, path, guarded) for receiver, path, wanted, guarded in self._resources.matching(route.view)
                if wanted == suffix)

    def _inherit_resources(self, project: Any) -> None:
        """A Falcon resource registered with `add_route` routes the responders its base classes of other modules define
        (`class ItemResource(BaseResource)`, `on_delete` in `base.py`), as registrations of those bases. A class
        decorator of a class on the way from the registered class to the base (`@falcon.before(require_admin)`)
        guards them: it wraps the responders a class inherits too."""
        index = ClassIndex(project)
        ancestries: dict[str, tuple[str, ...]] = {}

        def ancestors(name: str) -> tuple[str, ...]:
            if name not in ancestries:
                found = index.ancestry(name, "")
                ancestries[name] = found.classes if found is not None else ()
            return ancestries[name]

        inherited = []
        for resource, receiver, path, suffix, _ in self.resources:
            module = resource.rpartition(".")[0]
            for base in ancestors(resource)[1:]:
                if _matches(base.rpartition(".")[0], module):
                    continue  # a base of the same module: the collector gave the class its responders already
                between = [c for c in ancestors(resource) if c != base and base in ancestors(c)]
                inherited.append((base, receiver, path, suffix, any(self._class_guarded(c) for c in between)))
        self.resources.extend(inherited)

    def _class_guarded(self, name: str) -> bool:
        return any(not refs or self._any_guard(tuple(refs)) for refs in self._class_guards.matching(name))

    # indexes of the names the joins look up, built on first use (after `build` has gathered the names) -------

    @functools.cached_property
    def _resources(self) -> _ByLastPart[tuple[str, str | None, str, bool]]:
        return _ByLastPart((resource, (receiver, path, suffix, guarded))
                           for resource, receiver, path, suffix, guarded in self.resources)

    @functools.cached_property
    def _class_guards(self) -> _ByLastPart[list[str]]:
        return _ByLastPart(self.class_guards.items())

    @functools.cached_property
    def _optional(self) -> _ByLastPart[str]:
        return _ByLastPart((f, f) for f in self.optional_dependencies)

    @functools.cached_property
    def _signature_functions(self) -> _ByLastPart[str]:
        return _ByLastPart((f, f) for f in self.signature_functions)

    @functools.cached_property
    def _guarding_helpers(self) -> _ByLastPart[str]:
        return _ByLastPart((f, f) for f in self.guarding_helpers)

    @functools.cached_property
    def _mounts(self) -> _ByLastPart[str]:
        return _ByLastPart(self.mounts.items())

    @functools.cached_property
    def _replacing_mounts(self) -> _ByLastPart[bool]:
        return _ByLastPart((name, True) for name in self.replacing_mounts)

    @functools.cached_property
    def _router_prefixes(self) -> _ByLastPart[str]:
        return _ByLastPart(self.router_prefixes.items())

    @functools.cached_property
    def _handler_guards(self) -> _ByLastPart[list[str]]:
        return _ByLastPart(self.handler_guards.items())

    @functools.cached_property
    def _method_dispatch(self) -> _ByLastPart[list[str]]:
        return _ByLastPart(self.method_dispatch.items())

    @functools.cached_property
    def _modules(self) -> _ByLastPart[str]:
        return _ByLastPart((m, m) for m in self.project_modules)

    @functools.cached_property
    def _guards(self) -> _ByLastPart[str]:
        return _ByLastPart((g, g) for g in self.guard_functions)

    @functools.cached_property
    def _receivers(self) -> _ByLastPart[str]:
        return _ByLastPart((r, r) for r in self.guarded_receivers)

    @functools.cached_property
    def _routes_by_handler(self) -> dict[tuple[str, str], list[ModelRoute]]:
        found: dict[tuple[str, str], list[ModelRoute]] = {}
        for route in self.routes:
            found.setdefault((route.path, route.fact["handler"]), []).append(route)
        return found

    @functools.cached_property
    def _imported_routes(self) -> dict[str, list[ModelRoute]]:
        """Routes whose handler another module defines (`Route("/x", views.purge_notes)`), by the handler's name."""
        found: dict[str, list[ModelRoute]] = {}
        for route in self.routes:
            if route.fact.get("imported_handler") and route.refs:
                found.setdefault(route.refs[0], []).append(route)
        return found

    @functools.cached_property
    def _restricted(self) -> _ByLastPart[str]:
        return _ByLastPart((r, r) for r in self.restricted_receivers)

    @functools.cached_property
    def _includes(self) -> _ByLastPart[tuple[str | None, str, bool]]:
        return _ByLastPart((include[1], include) for include in self.includes)

    @functools.cached_property
    def _dependency_aliases(self) -> _ByLastPart[str]:
        return _ByLastPart(self.dependency_aliases.items())

    @functools.cached_property
    def _alias_targets(self) -> _ByLastPart[str]:
        return _ByLastPart((target, alias) for alias, target in self.alias_names.items())

    @functools.cached_property
    def _configured_views(self) -> _ByLastPart[str]:
        return _ByLastPart((v, v) for v in self.configured_views)

    @functools.cached_property
    def _url_views(self) -> _ByLastPart[tuple[bool, tuple[str, ...]]]:
        return _ByLastPart((name, (guarded, wrappers)) for name, guarded, wrappers in self.url_views)

    @functools.cached_property
    def _url_views_and_aliases(self) -> _ByLastPart[tuple[bool, tuple[str, ...]]]:
        return _ByLastPart((name, (guarded, wrappers)) for name, guarded, wrappers in [*self.url_views, *self.aliases])

    # guards -----------------------------------------------------------------------------------------

    def _guard_of(self, route: ModelRoute) -> str | None:
        fact = route.fact
        if fact["guarded"] and not self.lets_anyone_in(route.guard_dependencies):
            return OWN_FILE_GUARD
        if self._any_guard(route.refs):
            return "a guard defined in the project"
        if any(True for name in route.helper_refs for _ in self._signature_functions.matching(name)):
            return "a signature check in a function of the project"
        if not fact["webhook"] and any(True for name in route.helper_refs for _ in self._guarding_helpers.matching(name)):
            return "a check of the caller in a function of the project it calls"
        if fact.get("imported_handler") and any(not refs or self._any_guard(tuple(refs))
                                                for refs in self._handler_guards.matching(route.refs[0])):
            return "a guard on its handler, in the handler's module"
        if fact.get("imported_handler") and any(refs and all(self._guarded_function(r) for r in refs)
                                                for refs in self._method_dispatch.matching(route.refs[0])):
            return "a guard on each function its handler hands a writing method to"
        if fact["framework"] == "cherrypy" and self.cherrypy_app_guard:
            return "a guard tool its CherryPy app's config turns on"
        if fact.get("opens_receiver"):
            return None
        if fact.get("resource_suffix") is not None:
            registrations = [(receiver, guarded) for receiver, _, guarded in self._registrations(route)]
            if not registrations or not all(guarded or self.receiver_guarded(r) for r, guarded in registrations):
                return None
            return "a class decorator of the subclass registered" if any(g for _, g in registrations) \
                else "the middleware of its app"
        if route.receiver is not None and not fact.get("own_auth") and self.receiver_guarded(route.receiver) \
                and not self._skipped(route.receiver, fact["path"]):
            return "its router, blueprint or app"  # (unless its own `auth=` replaces its router's: django-ninja)
        if route.route_list is not None and self.receiver_guarded(route.route_list):
            return "the `Mount` of its route list"
        if fact["framework"] in ("django", "drf"):
            if any(guarded or self._any_guard(wrappers)
                   for guarded, wrappers in self._entries_routing_to(self._url_views_and_aliases, route.view)):
                return "its URLconf entry"
            if self.login_middleware:
                return "Django's `LoginRequiredMiddleware`"
            if self._namespace_guarded(route.view):
                return "a middleware that requires a login in its URL namespace"
        if fact["drf_default"]:
            decision = self.drf_default_guards
            if decision or (decision is None and not self.drf_default_is_open):
                return "DRF's `DEFAULT_PERMISSION_CLASSES`"
        return None

    def _skipped(self, receiver: str, path: str | None) -> bool:
        """A path every refusing FastHTML Beforeware of the app skips."""
        skips = self.receiver_skips.get(receiver)
        return bool(skips) and all(skipped(path, skip) for skip in skips or ())

    def _guarded_function(self, ref: str) -> bool:
        """A decorated function of the project under a guard (`@requires_auth("item")`), named as defined or as its
        package re-exports it (`eve.methods.patch` for `eve.methods.patch.patch`)."""
        module, _, name = ref.rpartition(".")
        return any((_matches(ref, defined) or module and defined.startswith(module + ".")) and (
            not refs or self._any_guard(tuple(refs))) for defined, refs in self.handler_guards.items()
            if defined.rpartition(".")[2] == name)

    def _any_guard(self, names: tuple[str, ...]) -> bool:
        """Any of the names is a project guard function, directly or through an `Annotated` dependency alias."""
        targets = [*names, *(t for n in names for t in self._dependency_aliases.matching(n))]
        return any(True for name in targets for _ in self._guards.matching(name))

    def receiver_guarded(self, receiver: str, depth: int = 0) -> bool:
        """A router, blueprint or app guarded where it is made, where it is included, or by what includes it."""
        if depth > MAX_INCLUDE_DEPTH:
            return False
        if any(True for _ in self._receivers.matching(receiver)):
            return True
        for parent, _, guarded in self._includes.matching(receiver):
            if guarded or (parent is not None and parent != receiver and self.receiver_guarded(parent, depth + 1)):
                return True
        return False

    def receiver_restricted(self, receiver: str, depth: int = 0) -> bool:
        """A router, blueprint or app restricted to a role where it is made, where it is included, or by what
        includes it (`include_router(admin.router, dependencies=[Depends(require_admin)])`)."""
        if depth > MAX_INCLUDE_DEPTH:
            return False
        if any(True for _ in self._restricted.matching(receiver)):
            return True
        return any(parent is not None and parent != receiver and self.receiver_restricted(parent, depth + 1)
                   for parent, _, _ in self._includes.matching(receiver))

    def signed_in_elsewhere(self, path: str, handler: str, line: int | None = None) -> bool:
        """Whether the route of `handler` (`read_note`, `NoteView.get`) in the file at `path` is reached by signed-in
        callers only, and not restricted to a role: what a rule that judges the handler from inside
        (`Rule.report(..., held_for=...)`) cannot see in its file. Where the file defines several handlers of that name
        (FastHTML's `def get` under each `@rt(...)`), the one whose definition holds the `line` of the finding."""
        routes = [r for r in self._routes_by_handler.get((path, handler), ()) if self.is_routed(r)]
        if line is not None and len({r.fact["line"] for r in routes}) > 1:
            before = [r.fact["line"] for r in routes if r.fact["line"] <= line]
            routes = [r for r in routes if before and r.fact["line"] == max(before)]
        return bool(routes) and all(self._signs_in(r) and not self._restricted_route(r) for r in routes)

    def _signs_in(self, route: ModelRoute) -> bool:
        """Guarded by what signs a user in: not by a check of its own that the per-file rule saw and did not take for
        one (a shared secret in a header, a webhook's signature, a cron token), which lets a machine in."""
        if route.guarded_by is None or route.guarded_by.startswith("a signature check"):
            return False
        return route.guarded_by != OWN_FILE_GUARD or bool(route.fact.get("receiver_guard"))

    def released(self, project: Any) -> Iterator[Finding]:
        """The findings the per-file rules held for a handler (`Rule.report(..., held_for=...)`) whose route the
        whole app shows reached by signed-in callers only (and, held with `ADMIN_MOUNT_HOLD`, mounted where its path is
        an administrators')."""
        for path, held in project.facts(HELD_FINDINGS):
            if path not in project.test_files:
                yield from (finding for handler, finding in held if self._mounted_for_admins(path, handler, project)
                            or not handler.startswith(ADMIN_MOUNT_HOLD)
                            and self.signed_in_elsewhere(path, handler, finding.location.start.line))

    def _mounted_for_admins(self, path: str, held: str, project: Any) -> bool:
        """A handler held with `ADMIN_MOUNT_HOLD`: every route of it changes state and has an administrators' path once
        the prefixes of other modules are added (`register_blueprint(bp, url_prefix="/admin")`, an imported
        `APIRouter(prefix="/admin")`), it is reached by signed-in callers only (its own file said so, or the app does)
        and no role is required on the way. A handler its own file routes nowhere is judged by the routes other
        modules give it (`Route("/admin/orgs/{id}/purge", views.purge_notes, methods=["POST"])`)."""
        if not held.startswith(ADMIN_MOUNT_HOLD):
            return False
        signed, _, handler = held.removeprefix(ADMIN_MOUNT_HOLD).partition(":")
        routes = [r for r in self._routes_by_handler.get((path, handler), ()) if self.is_routed(r)]
        if not routes and "." not in handler:
            module = module_of(SourceLayout.detect(Path(project.root)), project.relative_path(path))[0]
            routes = [r for r in self._imported_routes.get(f"{module}.{handler}", ()) if self.is_routed(r)]
            if not signed:
                return False  # signed in, if at all, by a guard of the module that routes it: not judged here
        if not routes or not all(admin_path(self.mounted_path(r)) and fw.STATE_CHANGING_METHODS & set(r.fact["methods"])
                                 for r in routes):
            return False
        return not any(self._restricted_route(r) for r in routes) if signed else self.signed_in_elsewhere(path, handler)

    def _mount_named_prefixes(self, named: list[tuple[str, str]], constants: list[tuple[str, str]]) -> None:
        """`app.include_router(router, prefix=ADMIN_PREFIX)` with the constant imported from another module
        (`from .config import ADMIN_PREFIX`, `settings.ADMIN_PREFIX` of a `settings = Settings()` there): the router is
        mounted under its value, when the modules that match the name agree on it."""
        index = _ByLastPart(constants)
        for child, ref in named:
            values = set(index.matching(ref))
            if len(values) == 1:
                self.mounts.setdefault(child, values.pop().rstrip("/"))

    def mounted_path(self, route: ModelRoute) -> str:
        """The route's path with the prefixes other modules give it: of a router it imports (`from .base import
        admin_router`), and of every include on the way to the app (`app.include_router(router, prefix="/admin")`).
        A blueprint registered with `url_prefix=` loses its own prefix (Flask, Quart and Sanic replace it), also to a
        prefix not known here (`url_prefix=settings.API_PREFIX`): its own `/admin` then says nothing."""
        path = route.fact["path"] or ""
        receiver = route.receiver
        if receiver is not None:
            own = next(self._router_prefixes.matching(receiver), "")
            if next(self._replacing_mounts.matching(receiver), False):
                same_module = receiver.rpartition(".")[0] == route.module
                path = path[len(own):] if same_module and own and (path + "/").startswith(own + "/") else path
            elif receiver.rpartition(".")[0] != route.module:
                path = own + path
        for _ in range(MAX_INCLUDE_DEPTH):
            if receiver is None:
                break
            path = next(self._mounts.matching(receiver), "") + path
            receiver = next((p for p, _, _ in self._includes.matching(receiver) if p is not None and p != receiver), None)
        return path

    def _restricted_route(self, route: ModelRoute) -> bool:
        """Its router, blueprint or app, or its URLconf entry (`staff_member_required(views.x)`), restricts it to a
        role."""
        if route.receiver is not None and self.receiver_restricted(route.receiver):
            return True
        return any(restricts(w.rpartition(".")[2] for w in wrappers)
                   for _, wrappers in self._entries_routing_to(self._url_views_and_aliases, route.view))

    @property
    def login_middleware(self) -> bool:
        """Django's `LoginRequiredMiddleware`, or a middleware class of the project that requires a login, in
        `MIDDLEWARE`."""
        return any(m.rpartition(".")[2] in fw.LOGIN_MIDDLEWARE or any(_matches(m, c) for c in self.login_middleware_classes)
                   for m in self.settings.get("MIDDLEWARE") or [])

    @property
    def drf_default_guards(self) -> bool | None:
        """True: `DEFAULT_PERMISSION_CLASSES` requires something; False: the settings leave views open; None: unknown."""
        rest = self.settings.get("REST_FRAMEWORK")
        if not isinstance(rest, dict):
            # settings that install DRF and never configure it leave DRF's own default, `AllowAny`
            return False if "rest_framework" in self.settings.get(fw.INSTALLED_APPS, ()) else None
        if "DEFAULT_PERMISSION_CLASSES" not in rest:
            return False  # DRF's own default is `AllowAny`
        classes = rest["DEFAULT_PERMISSION_CLASSES"]
        if classes is None:
            return None  # not a literal list: cannot tell
        return any(c.rpartition(".")[2] not in fw.OPEN_PERMISSIONS for c in classes)

    def is_routed(self, route: ModelRoute) -> bool:
        """A Django view not registered in its own file counts only when a URLconf names it (if any was checked)."""
        if route.fact.get("imported_handler"):  # a handler from a module the run did not check is not judged
            return any(True for _ in self._modules.matching(route.refs[0].rpartition(".")[0]))
        if route.fact.get("resource_suffix") is not None:  # a Falcon resource's responder: routed by `add_route`
            return any(True for _ in self._registrations(route))
        if route.fact.get("unconfigured"):  # a bare generic view changes state only where a URLconf configures it
            return any(True for _ in self._entries_routing_to(self._configured_views, route.view))
        if not route.fact["needs_urlconf"]:
            return True
        if route.view.rpartition(".")[2].startswith("_"):
            return False
        return not self.url_views or any(True for _ in self._entries_routing_to(self._url_views, route.view))

    def routes_view(self, view: str) -> bool:
        """Whether a URLconf the run checked names the dotted `view`, directly or through an alias."""
        return any(True for _ in self._entries_routing_to(self._url_views_and_aliases, view))

    @functools.cached_property
    def _guarded_namespaces(self) -> frozenset[str]:
        """The namespaces whose views a middleware class listed in `MIDDLEWARE` turns anonymous callers away from."""
        listed = self.settings.get("MIDDLEWARE") or []
        return frozenset().union(*(namespaces for name, namespaces in self.namespace_middleware.items()
                                   if any(_listed_as(m, name) for m in listed)))

    @functools.cached_property
    def _url_view_modules(self) -> _ByLastPart[str]:
        return _ByLastPart((view, module) for (view, _, _), (module, _) in zip(self.url_views, self.url_view_places,
                                                                                 strict=True))

    @functools.cached_property
    def _namespaces(self) -> NamespaceIndex:
        return NamespaceIndex(self.url_app_names, self.include_namespaces, _matches)

    def _namespace_guarded(self, view: str) -> bool:
        """Every URLconf entry routing the view is in a module whose views are under a namespace such a middleware
        guards (a view routed in another namespace too is reachable without the login)."""
        if not self._guarded_namespaces:
            return False
        modules = list(self._entries_routing_to(self._url_view_modules, view))
        return bool(modules) and all(self._namespaces.under(m) & self._guarded_namespaces for m in modules)

    def _entries_routing_to(self, entries: _ByLastPart[T], view: str) -> Iterator[T]:
        """The entries whose name stands for `view`, directly or through a module-level alias (`edit = ...`)."""
        for name in [view, *self._alias_targets.matching(view)]:
            yield from entries.matching(name)

    def unguarded(self) -> Iterator[ModelRoute]:
        """Routes that change state or look administrative and that nothing in the app guards."""
        for route in self.routes:
            if route.needs_guard and route.guarded_by is None and self.is_routed(route):
                yield route

    def app_of(self, route: ModelRoute) -> str:
        """The app a route belongs to: the app its router is (transitively) included in, else its top package."""
        if route.receiver is None:
            return route.module.partition(".")[0]
        current = route.receiver
        for _ in range(MAX_INCLUDE_DEPTH):
            parent = next((p for p, _, _ in self._includes.matching(current) if p is not None and p != current), None)
            if parent is None:
                break
            current = parent
        return current

    def apps(self) -> dict[str, list[ModelRoute]]:
        """Routes grouped by app, in path order."""
        grouped: dict[str, list[ModelRoute]] = {}
        for route in sorted(self.routes, key=lambda r: (r.path, r.fact["line"])):
            grouped.setdefault(self.app_of(route), []).append(route)
        return grouped

    def authenticates(self, routes: list[ModelRoute]) -> bool:
        """Whether an app's routes show authentication anywhere: a guarded route, a guard in their files, settings."""
        files = {r.path for r in routes}
        return bool(any(r.guarded_by for r in routes) or files & self.authenticating_files
                    or (any(r.fact["framework"] in ("django", "drf") for r in routes)
                        and (self.drf_default_guards or self.login_middleware)))


class InertFunctions:
    """The project's module-level functions that change nothing (`INERT_FUNCTIONS`, `answer_only.inert_refs`), read
    from the files' facts only when a route that only answers asks: the rules that never ask whether a route changes
    state (the untested-code rules' reach) neither read nor declare the fact."""

    def __init__(self, project: Any, layout: SourceLayout) -> None:
        self.project = project
        self.layout = layout

    @functools.cached_property
    def _by_last_part(self) -> _ByLastPart[str]:
        names: list[tuple[str, str]] = []
        for path, inert in self.project.facts(INERT_FUNCTIONS):
            relative = self.project.relative_path(path)
            if path in self.project.test_files or in_benchmark_folder(relative):
                continue
            module = module_of(self.layout, relative)[0]
            names.extend((full, full) for name in inert for full in (f"{module}.{name}" if module else name,))
        return _ByLastPart(names)

    def all_inert(self, refs: Iterable[str]) -> bool:
        return all(any(True for _ in self._by_last_part.matching(ref)) for ref in refs)


class _ByLastPart(Generic[T]):
    """Values under dotted names, found by any name that `_matches` theirs (such names end in the same part)."""

    def __init__(self, items: Iterable[tuple[str, T]]) -> None:
        self._by_last: dict[str, list[tuple[str, T]]] = {}
        for name, value in items:
            self._by_last.setdefault(name.rpartition(".")[2], []).append((name, value))

    def matching(self, name: str) -> Iterator[T]:
        """The values, in insertion order, whose name names the same thing as `name`."""
        for candidate, value in self._by_last.get(name.rpartition(".")[2], ()):
            if _matches(name, candidate):
                yield value


def _listed_as(listed: str, defined: str) -> bool:
    """A class named in a setting as defined, or as its package re-exports it (`pretalx.common.middleware.
    EventPermissionMiddleware` for `pretalx.common.middleware.event.EventPermissionMiddleware`)."""
    package, _, name = listed.rpartition(".")
    return _matches(listed, defined) or defined.rpartition(".")[2] == name and defined.startswith(package + ".")


def _matches(a: str, b: str) -> bool:
    """Dotted names that name the same thing: equal, or one a dotted suffix of the other."""
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _library_guard_class(hook: str, checked: set[str]) -> bool:
    """A middleware class from a library (`falcon_auth.FalconAuthMiddleware`), named as an auth guard: whether it can
    deny is not known here, and its name says it authenticates."""
    module, _, name = hook.rpartition(".")
    return name[:1].isupper() and bool(module) and module not in checked and fw.reads_as_guard(name) \
        and name not in fw.IDENTIFYING_MIDDLEWARE


def _full_ref(full: Any, ref: str) -> str:
    """A dependency's ref as a dotted name, keeping the mark of a parameter typed `X | None`."""
    mark = OPTIONAL_MARK if ref.startswith(OPTIONAL_MARK) else ""
    return mark + full(ref.removeprefix(OPTIONAL_MARK))


def module_of(layout: SourceLayout, path: str) -> tuple[str, bool]:
    """The module name of a file (its dotted path when it lies outside the import roots) and whether it is a package."""
    is_package = Path(path).name == "__init__.py"
    name = layout.module_name(path)
    if name is None:
        parts = list(Path(path).with_suffix("").parts)
        if is_package:
            parts.pop()
        name = ".".join(p for p in parts if p.isidentifier())
    return name, is_package
