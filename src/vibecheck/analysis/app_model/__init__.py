"""The app model: a web application's routes joined with the guards that protect them, across files.

Per-file rules cannot see a guard declared in another module: FastAPI's `include_router(...,
dependencies=[...])` in `main.py`, a Django URLconf wrapping a view in `login_required(...)`, DRF's
`DEFAULT_PERMISSION_CLASSES` in `settings.py`, a blueprint's `before_request` hook, a project-defined
decorator such as allauth's `reauthentication_required`. The model has two halves:

*Collected* (`collector.AppModelCollector`, a walker in the engine's one walk; rules list it in
`fact_collectors`): each source file writes `facts["app_model"]`, plain JSON cached with the file:

- `routes`: one entry per way a request reaches a handler: `framework` (fastapi, flask, django, drf,
  ...), `methods`, `path` (with its router's prefix) and `path_params`, `handler` (qualname, `View.post`
  for class views), `receiver` (the app, router or blueprint it is registered on), `label`,
  `state_changing` / `sensitive` (does it need a guard), `guarded` (a guard this file shows: decorator
  below the route decorator, `Depends`/`Security`, `permission_classes`, mixins, a check in the body, a
  same-file hook or middleware), `guard_above` (a guard decorator placed above the route decorator),
  `drf_default` (a DRF view that relies on the settings), `needs_urlconf` (a Django view not registered in
  its own file: it counts only if a URLconf routes it), `refs` (decorators, dependencies and bases another file may define),
  `imported_handler` (its handler is imported: judged by the guards of the handler's module), `route_list` (the
  module-level list of route objects it is in, which another module may `Mount` under a prefix), `helper_refs`
  (for a webhook or a handler nothing in its file guards: the project functions it calls, also as methods of a
  module-level service object, which may check the signature or the caller), `line`, `column`, `text`.
- `guard_functions`: module-level functions that authenticate (they, or a wrapper nested in them, look
  at the user, a session or a token and deny: raise or answer 401/403, or redirect to login).
- `handler_guards`: decorated module-level functions another module may register as handlers, with [] for a
  guard decorator or the decorators' names; `signature_functions`: functions that check a request's signature,
  and the verifying methods of module-level objects a verifier library builds (`slack_app_handler.handle`);
  `guarding_helpers`: functions and methods of module-level classes that check the caller and refuse;
  `hook_refs` ([receiver, hook] of a `before_request` hook imported from another module) and `refusing_hooks`
  (argument-less functions that can turn a request away, and Falcon middleware classes whose request hook can deny
  without catching its own refusal): such a hook guards its receiver only if it refuses. `resources`: Falcon's
  `app.add_route(path, Resource(), suffix=...)`, which route the responders (`on_post_item`) of the class's module.
- `guarded_receivers`, `restricted_receivers` (those guarded by a role: `Depends(require_admin)`), `includes`
(`parent`, `child`, `guarded`, `prefix`, `replaces`: `include_router`, `register_blueprint`, Sanic's `blueprint` and
  `Blueprint.group`; a `replaces` whose prefix is not known, `url_prefix=settings.API_PREFIX`, still drops the
  blueprint's own; `prefix_ref`: a prefix another module defines, `prefix=settings.ADMIN_PREFIX`, which the resolver
  looks up in that module's `path_constants`: its slash-led strings, constants, class attributes and attributes of the
  objects it makes of its classes, `settings = Settings()`),
  `app_guard` (an app-wide hook or middleware that denies), `url_views` (URLconf and DRF router entries:
  `view`, `wrappers`, `guarded`), `view_aliases` (`edit = login_required(EditView.as_view())`), `dependency_aliases`
  (`Account = Annotated[dict, Depends(current_account)]`), `settings`
  (`REST_FRAMEWORK`, `MIDDLEWARE`), `authenticates`. A URLconf entry also keeps its pattern and name (a
  router entry its prefix and basename): `AppModel.url_entries`, for the test-reach rules.
- URLconf lists wrapped whole in a guard (`urlconf_lists.py`: `decorate_urlpatterns(urlpatterns, require_admin_access)`):
  the entries the list holds then take the guard among their `wrappers`; `url_includes` (`module`, `hook`, `guarded`,
  `wrappers` of each `include(...)` in a pattern list or a hook function), `guarded_hooks` (the named hooks a guarded
  list collects: `for fn in hooks.get_hooks("register_admin_urls"): urlpatterns += fn()`), and a `url_views` entry's
  `hook` (returned by a function registered with `@hooks.register(name)`). The resolver guards the URLconfs a guarded
  entry includes, transitively, and what the guarded hooks return. `guarded_classes`: Falcon classes whose own class
  decorators may guard them ([] for a guard, else their refs): they guard the responders a subclass registered with
  `add_route` inherits from a base resource of another module, which the resolver routes through the class bases of
  the source facts (`vibecheck.analysis.class_bases`).
- Guards that may never deny (`optional_guards.py`): `optional_dependencies` (module-level functions that cannot turn a
  caller away, with the dependencies they run), `dependency_receivers` (routers and apps guarded only by
  `dependencies=[...]`, with them), an include's `dependencies`, a route's `guard_dependencies` (when dependencies or
  bare project decorators alone guard it in its file). The resolver drops a guard whose every dependency never denies
  (`get_optional_user`, a decorator that only attaches `g.user`).

A file's module-level functions that change nothing (`answer_only`), and the methods of its form classes that at most
read (`SearchPageForm.get_results`), are a fact of their own, `INERT_FUNCTIONS` (most files have some): a POST that
only renders its answer may call them (its route's `answer_refs`, a form's method as `SearchPageForm.get_results`) and
still change nothing. Only a route with such refs reads them (`ModelRoute.changes_state`), and a rule that asks whether a route
changes state declares the fact and lists it among its `named_facts` (`vibecheck.project_delta`): which of a file's
functions are inert matters only where another file names them.

CherryPy's handlers (`vibecheck.analysis.cherrypy_tree`) are routes too: a method marked `@cherrypy.expose`, or named
for a verb in a class exposed as a `MethodDispatcher` resource, with no path (the tree mounts it), its parameters the
client's, guarded by a tool its class or itself turns on (`_cp_config = {"tools.require_login.on": True}`,
`@cherrypy.tools.require_login()`) whose name reads as a guard or as a refusing check (`require_manager`), or by
such a tool an app's config turns on at its root (`{"/": {"tools.auth_basic.on": True}}`, `config.update({...})`): the
fact `cherrypy_app_guard`, which guards every CherryPy route of the project, whichever module holds the dict. A Nameko
service's route is named with its class (`PayoutsService.get_payout`), as the held findings of its handler are.

Connexion's handlers (`openapi.py`) are routes too: an OpenAPI document near the file names them by `operationId`; the
collector writes a route for each with the document's methods and path, guarded when the document's security (its own
or the global one) requires a scheme. The documents are the collector's `cache_inputs`, so an edit re-checks the files.

Names are `@local` (defined in the file), `.relative` or `absolute.dotted` as imported.

*Resolved* (`resolve.AppModel.build(project)`, in the project phase): names become dotted names under
their file's module; each route gets `guarded_by` (which guard protects it, if any, looking at its own
file, project guard functions, its receiver and what includes it, its URLconf entry, Django's
`LoginRequiredMiddleware`, a middleware requiring a login in the URL namespace its URLconf is under
(`url_namespaces.py`: the facts `namespace_middleware`, `url_namespace` and an include's `namespace`), DRF's default
permissions); `unguarded()` lists routes that need a guard and
have none; `authenticates_anywhere` says whether the app authenticates at all.

*Held findings*: a per-file rule that judges a handler from inside (VC214 ownership, VC218 privileged actions) needs
to know whether only signed-in callers reach it, which a guard in another file may decide. It reports such a finding
with `held_for=<handler>`; the engine keeps it in the file's facts (`HELD_FINDINGS`) instead of its findings, and
`AppModel.released` gives it back in the project phase (VC201 yields them; the rule names it in `released_by`, so VC201
runs whenever the rule does, its own findings dropped unless it is selected) when every route of that handler is guarded
by what signs a user in (not by a check of its own file that the rule did not take for a login: a header's shared
secret, a cron token, a webhook's signature; a hook or dependencies of its receiver, `receiver_guard`, do count) and
neither its router chain (`restricted_receivers`) nor its URLconf wrapper restricts it to a role.

Chat-bot handlers (python-telegram-bot, pyTelegramBotAPI, aiogram, discord.py, slack_bolt) are entry points too, open
to any chat user: `bots.py` lists a bot module's handlers with whether each checks the sender, per file, for VC218's
comparison of a handler with its guarded siblings; where one module defines the callbacks and another registers them,
VC218 writes `BOT_FACTS` and joins the two in the project phase (`bots.BotIndex`, by its `Rule.cleared`). They
are not routes of the model: the platform authenticates every sender, so VC201 (missing authentication) has nothing to
say of a command; who may send it is VC218's question. The web route a platform posts the updates to is a route, a
webhook (`bot_feed`) that must check the platform's secret token or signature.

The tables of routes, guards and settings per framework are data in `frameworks.py`; what counts as a guard
is configurable through `GuardOptions` (VC201's options).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vibecheck.analysis.app_model.names import APP_MODEL
from vibecheck.analysis.app_model.openapi import openapi_inputs
from vibecheck.analysis.app_model.options import GuardOptions
from vibecheck.analysis.app_model.resolve import AppModel, ModelRoute, UrlEntry

if TYPE_CHECKING:
    from vibecheck.rule import RuleContext


def app_model_collector(context: RuleContext, options: GuardOptions | None) -> Any:
    """The collector (`collector.AppModelCollector`), as project rules list it in `fact_collectors`: imported, with
    libcst, only where files are walked, so that the project phase (which a hook runs in its own process) does
    without."""
    from vibecheck.analysis.app_model.collector import AppModelCollector

    return AppModelCollector(context, options)


# What the collector reads beyond the file (a per-file cache input of the rules that list it): the OpenAPI documents
# that route Connexion's handlers.
app_model_collector.cache_inputs = (openapi_inputs,)  # type: ignore[attr-defined]
# Imported with the checker (`ProjectRule.fact_collectors`): a worker forked at a hook's start then saves the code of
# its dataclasses with the rest (`vibecheck.dataclass_code`) instead of compiling it again in every hook's first file.
app_model_collector.loads = ("vibecheck.analysis.app_model.collector",)  # type: ignore[attr-defined]


__all__ = ["APP_MODEL", "AppModel", "GuardOptions", "ModelRoute", "UrlEntry", "app_model_collector"]
