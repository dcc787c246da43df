"""VC201: a state-changing or administrative web route with no guard anywhere in the app."""

from __future__ import annotations

from collections.abc import Iterator

from vibecheck.analysis.app_model import AppModel, GuardOptions, ModelRoute, app_model_collector
from vibecheck.analysis.app_model.names import APP_MODEL, INERT_FUNCTIONS
from vibecheck.facts import HELD_FINDINGS
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.rule import ProjectRule

# Below this many unguarded routes, an app without any authentication still gets one finding per route.
AGGREGATE_FROM = 2
BOT_WEBHOOK_HINT = ("Check that the platform sent the update before the bot sees it: Telegram's "
                    "`X-Telegram-Bot-Api-Secret-Token` header against the `secret_token` you gave `set_webhook`, with "
                    "`hmac.compare_digest`; Slack's signature with `SignatureVerifier` (or Bolt's `SlackRequestHandler`); "
                    "Discord's with `VerifyKey(public_key).verify(...)`.")


class RouteWithoutAuth(ProjectRule):
    """A route that changes state, or looks administrative, with no recognised authentication guard.

    ## What it does
    Finds web handlers that answer POST, PUT, PATCH or DELETE, or any method on an administrative-looking path
    (`/admin`, `/delete`, `/users/<id>`; the full path, with the prefix another module mounts its router or blueprint
    under: `app.include_router(router, prefix="/admin")` makes its `/stats` administrative), and reports those with no
    auth guard that vibecheck can see: Flask and FastAPI route decorators (also a WebSocket endpoint's,
    `@app.websocket("/ws/admin")`, reached by a GET, where a close with a refusing code,
    `status.WS_1008_POLICY_VIOLATION` or 4001/4003 as for 401/403, is a check), a FastMCP server's
    `@mcp.custom_route(...)` (which the server's MCP auth does not cover), `add_url_rule`, Flask `MethodView`s, Django
    function views (`@require_POST`,
    `@require_http_methods`, `if request.method == "POST"`, or none of these and a record written with the ORM:
    `item.delete()`, `Item.objects.filter(pk=pk).update(...)`, a related manager's `article.comments.create(...)` or
    `request.user.groups.add(group)`, a method of a model of the project that saves its record,
    `notification.mark_as_read()`, which a GET does too, from a link or an `<img>` elsewhere; not a counter a public
    page bumps, `post.views += 1`, nor an anonymous visitor's cart found by the session), Django class-based views
    (also a `get` that writes so), a Flask, Quart or FastAPI route that answers GET (Flask's default) and writes with
    SQLAlchemy (`db.session.delete(note)`, `Note.query.filter_by(...).delete()`, `session.execute(update(...))`, a
    `commit()` after `note.done = True`), Django REST framework views, Starlette and
    FastAPI route lists (`Route("/x", f, methods=["DELETE"])`, `WebSocketRoute`, also
    inside `Mount("/prefix", routes=[...])` or a list it names, `Mount(ADMIN_PREFIX, routes=admin.routes)`, class
    `HTTPEndpoint`s; an endpoint imported from another module keeps the guards of its own) and registration calls
    (`app.add_route(...)`, `router.add_api_route(...)`, aiohttp's `router.add_route("POST", ...)`,
    `router.add_post(...)` and `app.add_routes([web.post(...), web.view(...)])`, Sanic's
    `app.add_route(handler, ...)`), the verb methods of Tornado `RequestHandler`s (also through a project's
    `...Handler` base, defined in another module too; guarded by `@tornado.web.authenticated`) and Sanic
    `HTTPMethodView`s, Falcon resources' responders (`on_post`, `on_delete_item`) wherever `app.add_route(path,
    Resource(), suffix=...)` registers their class (guarded by `@falcon.before(auth_hook)` on the responder or class,
    or by a middleware class in `falcon.App(middleware=[...])` whose `process_request`/`process_resource` can deny and
    does not catch its own refusal), and Litestar's
    bare-verb handlers (`@post("/notes")`, also as methods of a `Controller` under its `path`; guarded by their
    own `guards=[...]`, the controller's `guards`, a
    `Router(..., guards=[...])` that lists them or their controller, or `Litestar(guards=[...])`), django-ninja-extra's
    `@http_post("/x")` methods of an `@api_controller("/prefix", ...)` class (guarded by the controller's
    `permissions=` or `auth=`, unless the route's own `permissions=` replaces them: `[AllowAny]` opens it), the
    `@http("POST", "/x")` methods of a Nameko service (its methods named before its path), Modal's web endpoints
    (`@modal.fastapi_endpoint(method="POST")`, formerly `web_endpoint`; guarded by `requires_proxy_auth=True`),
    Graphene's mutations
    (`mutate`, `mutate_and_get_payload`) and root resolvers (`Query.resolve_<field>`), guarded by their own decorators
    (graphql_jwt's `@login_required`; in a module that guards none of them, the GraphQL view is taken to be guarded
    where it is mounted, `login_required(GraphQLView.as_view())`), and the `@expose(..., methods=["POST"])` methods
    of Flask-AppBuilder's views and APIs, guarded by their own `@has_access`/`@protect()`, Connexion's handlers (the
    functions an OpenAPI document beside the code names by `operationId`, also under an `x-openapi-router-controller`;
    guarded when the operation's `security`, or the document's, requires a scheme: `security: []` opens it, and a read
    it opens so is public on purpose; a document that does not parse routes nothing); a django-ninja
    `Router(auth=...)` or `NinjaAPI(auth=...)` (not `auth=None`) authenticates every route it holds. Recognised
    guards: auth decorators placed *below* the route decorator (`@login_required`, `@jwt_required`,
    `@permission_required`, ...), a `before_request` hook (or a `url_value_preprocessor`: ihatemoney's `pull_project`
    raises a redirect to the project's sign-in form) of the app or of the route's blueprint that aborts,
    redirects, returns or calls a check that raises (one that only loads the user or logs turns nobody away), FastHTML's
    `fast_app(before=Beforeware(check, skip=[...]))` (also a Beforeware object another module builds) whose function
    refuses so, for every route of `@rt("/x")` or the app but those a `skip` pattern matches whole (for some value of
    the route's captures: `r"/invoices/[0-9]+/pay"` lets `/invoices/{iid}/pay` by), an
    `@app.middleware("http")` function that answers 401/403, an auth-named class in `app.add_middleware(...)` or
    `Starlette(middleware=[Middleware(...)])`, an auth-named aiohttp middleware in `web.Application(middlewares=[...])`
    (also a list a name holds, with what is appended to it first, as auth a setting switches on:
    `middlewares.append(BasicAuthMiddleware(...))`) or `app.middlewares.append(...)` (for the `RouteTableDef`s the app
    adds with `app.add_routes`; one defined in the
    same module only if it can deny: raise, or answer 401/403), FastAPI
    `Depends`/`Security` on an auth dependency (also in
    `Annotated[...]` aliases), `dependencies=[...]` on the route, router, app or `include_router` (unless it
    lists only dependencies that provide a resource, `Depends(get_db)` or a rate limiter), Django auth mixins
    and `method_decorator`, DRF `permission_classes` other than `AllowAny`, an auth decorator on a class
    view's `dispatch` (also a project's, from another module: `@method_decorator(get_article(can_write=True))` whose
    wrapper refuses when `article.can_write(request.user)` is false), a mixin or base view of the module whose
    `dispatch` checks the caller and refuses (`if not self._is_authorized(request): return JsonResponse(...,
    status=403)`) or whose `as_view` hands the view to a guard
    decorator (`return check_event_permissions(super().as_view(**kwargs))`), and a recognisable check in the handler
    body (`request.user.is_authenticated`, a permission query handed the caller: `doc.can_edit(request.user)`,
    `team.has_member(current_user)`, a security manager's answer about the caller: `self.appbuilder.sm.has_access(...)`,
    `abort(401)`, `verify_jwt_in_request()`, `if "user_id" not in session:`, the caller a credential names tested
    where the handler refuses, whatever the status (`user = api_service.current_user(cookie)`, then `if user is None:
    return ..., 404`; not a result only logged or used, nor `get_user(user_id)`),
    `check_access(...)`, a checker named for access or auth, `self._access_validator(self.request)`, `except NotAuthorized:`,
    a call of a function of the module or a method of the class that makes such a check and refuses, CKAN's `context =
    self._prepare(id)`, or of a function or a service object's method of another module of the project that does
    (fastadmin's `api_service.add(session_id, ...)`, whose `ApiService.add` raises 401 when the session names nobody; not
    one that only stores, or refuses with a 404); a decorator that returns `login_required(view)(*args)`; or an
    auth-named `Header()`/`Cookie()` parameter such as `x_token` compared before a `raise`, or a check of the request's signature:
    `stripe.Webhook.construct_event(...)`, `hmac.compare_digest(...)`, a project function named like `verify_github_signature`
    or one, here or in another module, that makes such a check, and the `verify` methods of svix, Standard Webhooks, PyNaCl,
    Slack and Twilio verifiers, and the Bot Framework adapter's `process_activity(activity, auth_header, ...)`), or a check
    handed a parameter that carries a one-time credential the client presents (`manager.verify(token)` with a `token` or
    `reset_code` parameter, as an e-mail verification link is redeemed), a comparison of that credential with the stored
    one (`profile.confirm_token != token`, `constant_time_compare(stored, token)`), or a lookup of the record by it
    (`get_object_or_404(Invite, token=token)`, `Reset.objects.filter(code=reset_code)`: only the link's holder reaches
    it). Login, signup, single sign-on (`/saml/acs/`, `/sso/...`) and health paths are open by design and are not
    reported, nor is an invitation link redeemed
    by the key it carries (`/accept-invite/<key>`, a view `AcceptInvite`; not `accept_invite_by_id`) (not when the
    word acts on an object:
    `/orders/<id>/status`, `/users/<id>/activate`, a handler named `delete_contact` or `update_status`), nor is a step
    of getting back into an account right after a sign-in segment (`/auth/reset`, `/password/forgot`; not
    `/settings/reset`), nor are handlers with a decorator from `public-decorators`. A DRF view that its
    permission classes open on purpose (`[AllowAny]`, `@permission_classes([AllowAny])`, an `@action(...,
    permission_classes=[AllowAny])` of a viewset, not an empty list) is public by intent when its name or path reads as a step
    of signing in (djoser's `ProviderAuthView`, `ResendActivationView`, `otp_verify`) on no object, or when it stores and
    sends nothing (no call such as `save`, `create`, `update`, `delete`, `commit`, `send_mail`, `redeem_...`: a coupon check
    that only answers); `AllowAny` on any other writing view (`ChangePasswordView`, a profile update) is reported: there the
    intent is the bug. A sign-up by collection, `POST /users` or `POST /accounts` with no path parameter and no administrative
    path, is open by design like `/register`, unless the handler sets a privilege field itself (`User(..., is_admin=True)`,
    `user.role = ...`); what a client sends into such fields is VC215's and VC217's. A webhook (a `webhook` path segment or
    handler name) is open to its sender by design too, but the sender proves who it is by signing the body: a webhook whose
    handler never checks a signature (no such call, the request not handed to another function that may check it, and a
    signature header such as `"Stripe-Signature"` read but not handed to a method or an imported function either: reading it,
    testing that it is there or logging it checks nothing) gets its own finding, even in an app without any authentication.
    So does a route that hands a chat bot the updates posted to it (`application.process_update(...)`,
    `bot.process_new_updates([...])`, `dp.feed_update(...)`) without checking Telegram's secret-token header or the
    platform's signature (a header compared with the configured secret counts, also in a method of the view's class that
    the handler calls: `if token != self.secret_token: raise HTTPError(403)`); Slack Bolt's
    `SlackRequestHandler(app).handle(request)` verifies Slack's (also one another module builds and the route imports,
    chainlit's `slack_app_handler.handle(req)`; so does svix's `Webhook(secret)` made there), and so does a Bolt app's
    own `dispatch`/`async_dispatch` (Bolt's Tornado adapter). A project check named `verify_...` for what a sender signs or shares
    (`verify_bounce_message(notification)` of an SNS message, `notice.verify_secret(secret)`) checks the sender;
    `validate_message` reads as a check of its shape and does not. A bot's commands
    (`CommandHandler("ban", ban)`, `@bot.command()`, `@router.message(Command("ban"))`) are not routes: the platform
    tells the bot who sent each one, so an open command lacks no authentication, and whether it should be open to every
    chat user is an authorization question, VC218's.

    The rule reads the whole app (the app model), so guards declared in another file count too: a
    decorator or dependency defined in the project that checks the user, a session or a token, raises
    401/403 or redirects to the login page (allauth's `reauthentication_required`); `include_router(...,
    dependencies=[...])`, `APIRouter(dependencies=...)` and `FastAPI(dependencies=...)`; a blueprint's
    `before_request` hook registered in another module; a Django URLconf wrapping the view
    (`path("x/", login_required(views.edit))`); `LoginRequiredMiddleware`, or a middleware class of the project
    in `MIDDLEWARE` whose `__call__`, `process_request` or `process_view` turns away a caller who is not signed in
    (pretix's `PermissionMiddleware`), or does so only for the views of a URL namespace (pretalx's
    `if "orga" in url.namespaces:` branch): then it guards the views every URLconf entry routing them puts under that
    namespace (the URLconf's `app_name`, or the `namespace=` of the include reaching it); routers included in a loop
    over a module-level tuple of them (`for router in API_ROUTERS: app.include_router(router)`), which then share that
    app's guards; DRF's `DEFAULT_PERMISSION_CLASSES` in the settings. A DRF view without `permission_classes` is reported
    when the checked settings leave the default open (`AllowAny`, a `REST_FRAMEWORK` without
    `DEFAULT_PERMISSION_CLASSES`, or settings that install `rest_framework` and never configure it);
    when no settings were checked, `drf-default-is-open` decides. A function that merely takes `request`
    is a Django view only if a checked URLconf routes it (or no URLconf was checked). A bare generic view
    (`class BandCreateView(CreateView): pass`: no model, queryset or form, so Django refuses to serve it) changes state
    only where a URLconf configures it (`BandCreateView.as_view(model=Band, fields=[...])`). A handler whose body is
    only a `raise` (a not-found page's `def post(self): raise HTTPError(404)`) serves and changes nothing, and so does a
    POST that only renders its answer (django-two-factor-auth's Twilio `post` returns a `TemplateResponse`; a search
    form's POST, `render_template("results.html", posts=Post.query.filter(...).all())`): each call it makes, also in the
    methods of its class it calls, renders, translates, reads the request, builds or checks a form
    (`form.validate_on_submit()`), reads records with the ORM's query API, calls a project function that does no more
    (FlaskBB's own `render_template`, which picks the theme from the cookie session) or a method of the project's form
    class that at most reads (FlaskBB's `form.get_results()`);
    a call of anything else (a library, `query.delete()`, `db.session.add(...)`, a project function that may write) or a
    store into the session changes state. An app with no
    authentication anywhere gets one finding for all its routes instead of one per route.

    A sub-app that a function builds and returns for its caller to mount (`def monitor_app(): return
    Starlette(routes=[...])`, a library's web UI) is judged by its own routes: its state-changing ones are reported
    when nothing in the sub-app guards them. A library that hands every user such an app leaves each host to remember
    the guard, and the ones that forget serve its actions to anyone; the remedy is a guard the factory takes (a
    `middleware=` or dependency parameter, credentials from settings that refuse when unset), or a suppression whose
    reason names where the host must add it.

    A guard made only of project dependencies or decorators that never deny is no guard, whatever their name: a
    `get_optional_user` that returns None when the token is missing or bad (no `raise`, `abort`, 401/403 answer or
    redirect to the login page, and no dependency of its own that denies), a parameter typed `User | None` (or
    `Optional[User]`) fed by a dependency that is no denying guard of the project, a decorator whose wrapper only
    attaches `g.user`. The usual chain `get_current_active_user -> get_current_user -> oauth2_scheme` stays a guard.

    ## Why is this bad?
    Coding agents write the happy path: the route works in the demo, so nobody notices that anyone on
    the internet can call it. A missing guard on a handler that writes, deletes or administers data is a
    broken access control (OWASP A01), the most common serious web vulnerability. A guard decorator put
    *above* `@app.route` protects nothing: the route registered the unwrapped function.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.route("/posts/<int:post_id>", methods=["DELETE"])
    def delete_post(post_id):
        db.delete_post(post_id)
        return "", 204
    ```

    ## Use instead
    ```python
    from flask import Flask
    from flask_login import current_user, login_required

    app = Flask(__name__)

    @app.route("/posts/<int:post_id>", methods=["DELETE"])
    @login_required
    def delete_post(post_id):
        db.delete_post(post_id, owner=current_user.id)
        return "", 204
    ```

    ## Options
    - `guard-decorators`, `extend-guard-decorators` (list of names): decorators that protect a handler.
    - `guard-mixins`, `extend-guard-mixins` (list of names): base classes that protect a class-based view.
    - `guard-dependencies`, `extend-guard-dependencies` (list of names): FastAPI dependencies that authenticate.
    - `in-body-checks`, `extend-in-body-checks` (list of names): calls, attributes or exceptions that show an
      auth check inside the handler body.
    - `public-decorators`, `extend-public-decorators` (list of names): decorators that mark a route as
      deliberately public.
    - `public-paths`, `extend-public-paths` (list of path segments): endpoints open by design (`login`,
      `signup`, `health`, `webhook`, ...); also matched against the handler's name.
    - `sensitive-paths` (regular expression): paths on which every method needs a guard.
    - `guess-guards-from-names` (bool, default true): also accept a decorator, mixin or dependency whose
      name reads as auth (`admin_required`, `OwnerRequiredMixin`, `Depends(verify_api_key)`).
    - `drf-default-is-open` (bool, default false): set it when `DEFAULT_PERMISSION_CLASSES` is unset or
      `AllowAny`, so DRF views without `permission_classes` are reported too.

    ## References
    - [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
    - [CWE-862: Missing Authorization](https://cwe.mitre.org/data/definitions/862.html)
    - [OWASP Top 10 A01: Broken Access Control](https://owasp.org/Top10/A01_2021-Broken_Access_Control/)
    - [Flask-Login: protecting views](https://flask-login.readthedocs.io/en/latest/#protecting-views)
    - [FastAPI: security](https://fastapi.tiangolo.com/tutorial/security/)
    - [Django: limiting access to logged-in
    users](https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users)
    """

    code = "VC201"
    reads_unchecked_test_facts = False  # the app model leaves test files out (apps built in tests are fixtures)
    name = "route-without-auth"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (306, 862)
    # An unscoped lookup in a DRF view that the settings leave open (VC214 reports it on the view's line): the view
    # is open to anyone, and this finding says so.
    supersedes = ("VC214",)
    Options = GuardOptions
    fact_collectors = (app_model_collector,)
    reads_facts = (APP_MODEL, HELD_FINDINGS, INERT_FUNCTIONS)
    named_facts = (INERT_FUNCTIONS,)  # a route that only answers looks up the helpers it calls by name

    def check_project(self, project: object) -> Iterator[Finding]:
        model = AppModel.build(project, drf_default_is_open=self.options.drf_default_is_open,
                               sensitive_paths=self.options.sensitive_paths)
        yield from model.released(project)  # VC214's and VC218's (their `released_by`) on handlers guarded elsewhere
        unguarded = set(map(id, model.unguarded()))
        for routes in model.apps().values():
            webhooks = [r for r in routes if id(r) in unguarded and r.fact.get("webhook")]
            yield from map(self._unsigned_webhook, webhooks)
            open_routes = [r for r in routes if id(r) in unguarded and not r.fact.get("webhook")]
            if len(open_routes) >= AGGREGATE_FROM and not model.authenticates(routes):
                yield self._no_auth_in_app(open_routes)
                continue
            yield from map(self._finding, open_routes)

    def _finding(self, route: ModelRoute) -> Finding:
        fact = route.fact
        if fact["guard_above"] is not None:
            message = f"{fact['label']} is registered before `@{fact['guard_above']}` wraps it, so the guard never runs."
            hint = "Move the auth decorator below the route decorator so that the registered view is the protected one."
        else:
            what = "changes state" if route.changes_state else "looks administrative"
            message = f"{fact['label']} {what} but has no recognised authentication or authorisation guard."
            hint = ("Protect the handler with an auth guard (`@login_required`, `Depends(get_current_user)`, "
                    "`permission_classes`), or mark it deliberately public with a `public-decorators` decorator.")
        return self._at(route, message, hint)

    def _unsigned_webhook(self, route: ModelRoute) -> Finding:
        if route.fact.get("bot_feed"):
            message = (f"{route.fact['label']} hands a chat bot the updates posted to it but never checks that the "
                       "platform sent them, so anyone can post an update as any chat user and the bot acts on it.")
            return self._at(route, message, BOT_WEBHOOK_HINT)
        message = (f"{route.fact['label']} receives webhooks but never checks their signature, so anyone can post "
                   "forged events to it.")
        hint = ("Verify the signature of the raw body before acting on it: `stripe.Webhook.construct_event(body, "
                "signature_header, secret)`, or `hmac.compare_digest` of its HMAC with the `X-Hub-Signature-256` header.")
        return self._at(route, message, hint)

    def _no_auth_in_app(self, routes: list[ModelRoute]) -> Finding:
        first = routes[0]
        others = len({r.path for r in routes}) - 1
        where = f" (in this file and {others} other{'s' if others != 1 else ''})" if others else ""
        message = (f"{len(routes)} state-changing or administrative routes{where}, and no authentication anywhere in "
                   f"the app; the first is {first.fact['label'][0].lower()}{first.fact['label'][1:]}.")
        hint = ("Add authentication to the app (a login or token dependency, `@login_required`, DRF "
                "`DEFAULT_PERMISSION_CLASSES`) and require it on every route that writes, or configure the routes "
                "as public in `public-paths` if the app is meant to be open.")
        return self._at(first, message, hint)

    def _at(self, route: ModelRoute, message: str, hint: str) -> Finding:
        start = Position(route.fact["line"], route.fact["column"])
        return Finding(code=self.code, name=self.name, message=message, location=Location(route.path, start, start),
                       severity=self.severity, confidence=self.confidence, category=self.category, hint=hint,
                       cwe=self.cwe, line_text=route.fact["text"])
