"""VC218: a privileged operation (refund, approve, ban, promote...) open to every signed-in user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import libcst as cst

from vibecheck.analysis.admin_routes import (
    admin_hooked_receivers,
    admin_route_path,
    restricted_to_admins,
    router_prefixes,
)
from vibecheck.analysis.app_model.bots import (
    BOT_FACTS,
    BotHandler,
    BotIndex,
    SharedAction,
    bot_handlers,
    privilege,
    registrations,
    unguarded_privileged,
    unregistered_callbacks,
)
from vibecheck.analysis.app_model.frameworks import GUARDED_VIEW_DECORATORS, PUBLIC_DECORATORS, name_words
from vibecheck.analysis.app_model.handlers import (
    IDENTITY_EXPRESSIONS,
    ClassContext,
    Handler,
    ListedRoute,
    checks_role,
    class_context,
    context_callers,
    decorator_names,
    dotted_uses,
    handler_of,
    listed_route_methods,
    routed_elsewhere,
    router_dependencies,
    signs_in_with,
    socket_connections_checked,
)
from vibecheck.analysis.app_model.names import ADMIN_MOUNT_HOLD, AUTHENTICATION_ONLY, restricts
from vibecheck.analysis.app_model.openapi import Operation, openapi_inputs, operations_for
from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.drf_default_permissions import (
    PERMISSION_CHECKS_FACT,
    default_permissions_ask,
    permission_checking_classes,
)
from vibecheck.analysis.flow import dotted_name, string_value
from vibecheck.cst_fields import walk_own
from vibecheck.imports import ImportTable
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

# Operations that only staff, an owner with a special right, or the system should perform.
# Not `verify`, `publish`, `transfer` or `deactivate`: users verify their own e-mail, publish their own posts.
PRIVILEGED_VERBS = frozenset({
    "refund", "approve", "reject", "ban", "unban", "promote", "demote", "grant", "revoke", "payout", "credit",
    "impersonate", "unlock", "suspend", "unsuspend", "moderate", "escalate", "override", "elevate", "waive", "comp",
    "chargeback", "reassign", "void", "writeoff",
})
# First words of a handler that files a request for a privileged operation (`create_payout`, `request_refund`): made for
# the caller's own account, it is theirs to ask; performing it (`approve_payout`) is the privileged part.
REQUESTING_VERBS = frozenset({"create", "request", "submit", "new"})
# Words of a stored amount that performing a refund, credit or payout raises (`current_user.balance += amount`).
BALANCE_WORDS = frozenset({"balance", "credit", "credits", "wallet"})
# Parts of a dotted call that reach a model's rows (`Refund.objects.create(...)`): making the request's record.
RECORD_MANAGERS = frozenset({"objects", "query", "session", "db"})
# Privileged operations named by two words (`write_off_item`, `writeOffDebt`): neither word alone is one.
PRIVILEGED_PHRASES = {("write", "off"): "write off"}
WRITE_METHODS = frozenset({"post", "put", "patch", "delete"})
# What `revoke` and `grant` act on when users manage their own credentials (`revoke_token`, `revoke_api_key`,
# `grant_consent`): self-service, like a logout; whose token it may be is the object lookup's question (VC214). Unless
# the client names the user whose credentials they are (`/users/{user_id}/sessions/revoke`): that administers a user.
CREDENTIAL_OBJECTS = frozenset({"token", "tokens", "key", "keys", "apikey", "session", "sessions", "consent", "device",
                                "devices", "invite", "invitation", "invitations"})
USER_WORDS = frozenset({"user", "users", "username", "account", "member", "customer", "email"})
# Acts on a whole account or tenant (`deactivate_user`, `services.delete_tenant(db, tenant_id)`): privileged when the
# client names which one and the handler never looks at who the caller is (no ownership or self check: closing one's
# own account reads the caller). Said by the handler's (or its class's) name, or by a function the handler calls.
ACCOUNT_ACTION_VERBS = frozenset({"deactivate", "disable", "delete", "remove", "destroy", "purge", "activate",
                                  "reactivate", "lock", "block", "wipe", "erase"})
ACCOUNTS = frozenset({"user", "users", "tenant", "tenants", "organization", "organizations", "org", "orgs",
                      "workspace", "workspaces"})


# The keyword of a view decorator whose value is a permission the resource's access list grants (Pyramid's
# `@view_config(permission="user_delete")`), not a class that checks the request.
ACL_PERMISSION_KEYWORD = "permission"


def _permission_names(node: cst.FunctionDef, imports: ImportTable, verb: str) -> bool:
    """The view asks for a permission named for its own operation (`@view_config(permission="user_delete")` on the view
    that deletes a user): the resource's access list grants that permission alone, to whom it names, which is an
    authorisation decision made per operation, not a sign-in. A permission named otherwise (`edit`, `view`) is granted
    for many operations, often to every signed-in user, and decides nothing about this one."""
    for decorator in node.decorators:
        call = decorator.decorator
        if type(call) is not cst.Call:
            continue
        spec = GUARDED_VIEW_DECORATORS.get(imports.qualified_name(call.func) or "")
        if spec is None or spec[3] != ACL_PERMISSION_KEYWORD:
            continue
        permission = next((string_value(arg.value) for arg in call.args
                           if arg.keyword is not None and arg.keyword.value == ACL_PERMISSION_KEYWORD), None)
        if permission and set(verb.split()) <= set(name_words(permission)):
            return True
    return False


def privileged_verb(words: list[str]) -> str | None:
    """The privileged operation a name's words say (`refund`, or `write off` of `write_off_item`), if any."""
    verb = next((w for w in words if w in PRIVILEGED_VERBS), None)
    if verb is not None:
        return verb
    return next((PRIVILEGED_PHRASES[pair] for pair in zip(words, words[1:], strict=False) if pair in PRIVILEGED_PHRASES), None)


def _declared_public(node: cst.FunctionDef | cst.ClassDef, imports: ImportTable) -> bool:
    """`@login_not_required`, `@method_decorator(login_not_required, name="dispatch")`, `@public`: open on purpose."""
    return any(name in PUBLIC_DECORATORS for name in decorator_names(node, imports))


# The kinds of a callback another module registers (`Rule.report(..., unless=...)`): named for administrators and acting
# as one, it needs only an unfiltered registration; else one beside a handler with a check.
STANDS_ALONE = "bot-callback-for-administrators"
BESIDE_CHECKED = "bot-callback-beside-checked"
# A view left to DRF's defaults: cleared where `DEFAULT_PERMISSION_CLASSES` names a project class asking for a permission.
DRF_DEFAULT = "drf-default-permissions"
_BOT_INDEX: list[tuple[Any, BotIndex]] = []  # the last project's: one per project phase


def _bot_index(project: Any) -> BotIndex:
    if not _BOT_INDEX or _BOT_INDEX[0][0] is not project:
        facts = [(project.relative_path(path), fact) for path, fact in project.facts(BOT_FACTS)
                 if path not in project.test_files]
        _BOT_INDEX[:] = [(project, BotIndex.build(facts))]
    return _BOT_INDEX[0][1]


class PrivilegedActionForAnyUser(Rule):
    """A privileged operation (refund, approve, ban, promote...) that any signed-in user may call.

    ## What it does
    Finds handlers whose name (a class view's class and method: `RefundView.post`) or path is a privileged operation
    (`refund`, `approve`, `reject`, `ban`, `promote`, `grant`, `revoke`, `payout`, `impersonate`, `moderate`, `void`,
    `write off`, ...) that write (a DRF `@action`
    with `methods=["post"]`, a POST/PUT/PATCH/DELETE route, also a Connexion handler an OpenAPI document routes by
    `operationId`) and are protected by authentication only:
    `IsAuthenticated`, `@login_required`, `Depends(get_current_user)`, a Connexion operation's security scheme with
    no role among its scopes (`security: [{oauth: [admin]}]` restricts it), or no `permission_classes` on a DRF
    view, which leaves it to `DEFAULT_PERMISSION_CLASSES` (taken to require a login, as `IsAuthenticated`
    does, since the settings are another file), or a login guard another file adds (`include_router(router,
    dependencies=[Depends(get_current_user)])`, a router made with such `dependencies`, a blueprint's `before_request`
    hook, a URLconf's `login_required(...)`: such a finding waits for VC201's app model, which runs for this rule; a
    Socket.IO event handler, `@socketio.on("ban_user")`, of a module whose `connect` handler checks the client; a
    Graphene mutation, `WaiveFine.mutate`, behind graphql_jwt's `@login_required`; a Flask-AppBuilder `@expose(...,
    methods=["POST"])` method behind `@protect()`), with
    no role or permission check anywhere (no `IsAdminUser` or custom permission class, no
    `@staff_member_required`/`@permission_required`, no Flask-Allows requirement named for more than a login,
    `@allows.requires(IsAdmin)` or `decorators = [allows.requires(IsAtleastModeratorInForum())]`, no
    `Depends(require_admin)` where the router is included or among the handler's parameters
    (`session_user=Depends(get_admin_user)`, `Depends(require_role("admin"))`), no
    blueprint `before_request` hook of the file refusing non-admins, no `is_staff`, `has_perm`, `role` or
    `is_admin` in the body, no `get_permissions` override, no Pyramid permission named for the operation itself,
    `@view_config(..., permission="user_delete")`, which the resource's access list grants on its own; `edit` or
    `view`, granted for many operations, does not count). Revoking or granting one's own credentials
    (`revoke_token`, `revoke_api_key`, `grant_consent`) is self-service, like a logout, unless the client names the
    user whose credentials they are (`/users/{user_id}/sessions/revoke`). A handler that files a request for the
    operation (`create_payout`, `request_refund`) and makes its record for the caller (`Payout(merchant_id=merchant.id,
    ...)`) asks for it on their own account: approving it is the privileged part. Unless it also performs the operation
    there (`stripe.Refund.create(...)`, `order.refund()`, `current_user.balance += amount`): then nobody approves it.
    So is a handler, behind the same authentication only, that deactivates, deletes or locks a whole account or
    tenant the client names (`deactivate_user(user_id)`, a route calling `services.delete_tenant(db, tenant_id)`)
    and never reads who the caller is: closing one's own account compares it with the caller, or takes no id.
    So is any route that writes, behind authentication only, whose path says it is for administrators or the operators'
    own tools (a segment `admin`, `internal`, `backoffice`, `superuser`: `@app.post("/admin/users/<id>/delete")`,
    a blueprint or router of the module made with `url_prefix="/admin"` or `APIRouter(prefix="/internal")`, or one
    named for them, `@admin_bp.post(...)`; or one that another module makes or mounts with such a prefix,
    `app.register_blueprint(bp, url_prefix="/admin")`, `app.include_router(router, prefix="/internal")`, an imported
    `admin_router = APIRouter(prefix="/admin")`, Sanic's `app.blueprint(bp, url_prefix="/admin")` and
    `Blueprint.group(bp, url_prefix="/admin")`, a Starlette `Mount("/admin", routes=admin.routes)` of a route list,
    which VC201's app model joins in the project phase; a Starlette `Mount("/admin", routes=[...])` or `Mount("/admin",
    app=Router(routes=[...]))` of the route's own module); a prefix may be a module constant (`url_prefix=ADMIN_PREFIX`),
    and one not known (`url_prefix=settings.API_PREFIX`) says nothing, also where it replaces a blueprint's own
    `/admin`. A path parameter (`/teams/{admin_id}`) or a longer word (`/badminton`) does not count, and a route that
    only reads is left alone.

    Chat-bot handlers are entry points too, open to any chat user: python-telegram-bot's registrations
    (`app.add_handler(CommandHandler("sh", cmd_sh))`, `CallbackQueryHandler`, `MessageHandler`), pyTelegramBotAPI's and
    aiogram's decorators (`@bot.message_handler(commands=[...])`, `@router.message(Command("ban"))`,
    `@router.callback_query(...)`), discord.py's commands (`@bot.command()`, `@commands.command()`, `@tree.command()`)
    and slack_bolt's (`@app.command("/ban")`, `@app.action(...)`, `@app.event("app_mention")`, on `App` or
    `AsyncApp`), and discord.py's `@bot.event` listeners. In a bot module where some handlers check the sender (a
    decorator named for it, `@restricted`, `@admin_only`; the libraries' checks, `@commands.has_permissions(...)`,
    `@commands.is_owner()`, `@app_commands.default_permissions(...)`, a cog's `cog_check`; a filter,
    `filters.User(user_id=ADMIN_IDS)`, `IsAdmin()`, `F.from_user.id.in_(ADMINS)`, also on a whole aiogram router,
    `admin_router.message.filter(...)`; or an early
    `if update.effective_user.id not in ADMIN_IDS: return`, `if not is_oncall(client, command["user_id"]): return`;
    not a test of the rights of the member the command acts on,
    `if not member.guild_permissions.moderate_members:` in `mute(ctx, member)`, which any member passes by naming a
    moderator), a handler without such a check is reported when its name or
    command is privileged (`ban`, `promote`, `export`, `broadcast`, `sh`, a guild's `mute`, `nick`, `slowmode`, ...)
    or it runs commands on the host
    (`subprocess`, `os.system`, `eval`), or when it hands the sender's text (Slack's `command["text"]`,
    `event["text"]`, `message.content`, a command's own argument) to a function a checked sibling calls with it only
    after its check (`/ops` asks the agent for the on-call group, the `app_mention` listener asks it for anyone): the
    finding is on that call. A call in a mode the checked one never uses (`ask(text, readonly=True)` beside
    `ask(text)`) and bookkeeping (`log_command(text)`, a reply helper) are left alone. A bot whose handlers check
    nobody gives nothing to compare with: there only a
    handler named for administrators that acts as one (`admin_export_users`, `/sudo_ban`) is reported, and public
    commands (`/start`, `/help`, an echo) are left alone. A callback defined in one module and registered in another
    (`async def shell(update, context)` in `handlers.py`, `CommandHandler("sh", handlers.shell)` in `main.py`) is
    judged the same way across them: reported where it is defined when a module registers it without a filter and
    registers another handler with a check there, or, named for administrators and acting as one, when any module
    registers it without a filter; a callback no module registers is left alone.

    ## Why is this bad?
    Being signed in is not the same as being allowed: with only `IsAuthenticated`, every customer can
    refund their own order (or anyone's), approve their own request or ban another user. Agents copy the
    viewset's permission classes onto the new `@action` and the admin-only meaning is lost (CWE-285).

    ## Example
    ```python
    from rest_framework import viewsets
    from rest_framework.decorators import action
    from rest_framework.permissions import IsAuthenticated

    class OrderViewSet(viewsets.ModelViewSet):
        permission_classes = [IsAuthenticated]

        @action(detail=True, methods=["post"])
        def refund(self, request, pk=None):
            self.get_object().refund()
            return Response({"status": "refunded"})
    ```

    ## Use instead
    ```python
    from rest_framework import viewsets
    from rest_framework.decorators import action
    from rest_framework.permissions import IsAdminUser, IsAuthenticated

    class OrderViewSet(viewsets.ModelViewSet):
        permission_classes = [IsAuthenticated]

        @action(detail=True, methods=["post"], permission_classes=[IsAdminUser])
        def refund(self, request, pk=None):
            self.get_object().refund()
            return Response({"status": "refunded"})
    ```

    ## References
    - [CWE-285: Improper Authorization](https://cwe.mitre.org/data/definitions/285.html)
    - [OWASP API Security Top 10 API5: Broken Function Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa5-broken-function-level-authorization/)
    - [Django REST framework: viewset actions and permissions](https://www.django-rest-framework.org/api-guide/viewsets/#marking-extra-actions-for-routing)
    """

    code = "VC218"
    name = "privileged-action-for-any-user"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.LOW
    cwe = (285,)
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    cache_inputs = (openapi_inputs,)  # the OpenAPI documents that route its functions (Connexion)
    released_by = ("VC201",)  # its app model tells a handler guarded in another file (`held_for`)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.classes: list[tuple[ClassContext, bool, str]] = []  # (context, the class restricts to a role, its name)
        self.public_classes: list[bool] = []  # per class above: marked public (`@method_decorator(login_not_required)`)
        self.depth = 0
        self.routers: dict[str, list[str]] = {}
        self.sockets_checked = False
        self.module_callers = False  # the module puts a caller in Falcon's request context
        self.listed: dict[str, ListedRoute] = {}  # functions a Starlette route list routes -> their methods, paths
        self.operations: dict[str, Operation] = {}  # functions an OpenAPI document routes (Connexion)
        self.admin_receivers: frozenset[str] = frozenset()  # blueprints whose `before_request` admits only admins
        self.prefixes: dict[str, str] = {}  # the module's blueprints and routers made with a prefix

    def visit_Module(self, node: cst.Module) -> None:
        if "dependencies" in self.context.source:
            self.routers = router_dependencies(node, self.context.imports)
        self.sockets_checked = socket_connections_checked(node, self.context.imports)
        self.module_callers = context_callers(node, self.context.imports)
        if "Route" in self.context.source or "add_route" in self.context.source:
            self.listed = listed_route_methods(node, self.context.imports)
        self.operations = operations_for(self.context.path)  # Connexion's handlers, routed by an OpenAPI document
        if "has_perm" in self.context.source and (checking := permission_checking_classes(node)):
            self.context.facts[PERMISSION_CHECKS_FACT] = checking
        if "before_request" in self.context.source:
            self.admin_receivers = admin_hooked_receivers(node)
        if "prefix" in self.context.source:
            self.prefixes = router_prefixes(node)
        handlers = bot_handlers(node, self.context.imports)
        for handler, compared, shared in unguarded_privileged(handlers, self.context.imports, PRIVILEGED_VERBS):
            if shared is not None:
                self._report_shared_action(handler, shared)
            else:
                self._report_bot_handler(handler, handlers if compared else [])
        callbacks = unregistered_callbacks(node, self.context.imports, handlers)
        registered = registrations(node, self.context.imports)
        if registered or callbacks:
            guarded = [h.function.name.value for h in [*handlers, *callbacks] if h.guarded]
            self.context.facts[BOT_FACTS] = {"registrations": [[self._ref(c), f] for c, f in registered],
                                             "guarded": guarded}
        for callback in callbacks:
            self._report_callback(callback)

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """A callback registered by another module (`_report_callback`) is kept where a module registers it without a
        filter, and, unless it stands alone, registers another handler with a check there."""
        if kind == DRF_DEFAULT:
            return default_permissions_ask(project)
        if kind not in (STANDS_ALONE, BESIDE_CHECKED):
            return False
        index = _bot_index(project)
        registering = index.registering(f"{module_name(relative)}.{subject}")
        return not registering or kind == BESIDE_CHECKED and not registering & index.checking

    def _ref(self, callback: str) -> str:
        """A registered callback as another module can match it: as imported, else `@local`."""
        head, _, rest = callback.partition(".")
        imported = self.context.imports.aliases.get(head)
        return f"{imported}.{rest}" if imported is not None and rest else imported or "@" + callback

    def _report_callback(self, callback: BotHandler) -> None:
        """A callback shaped for a bot library that this module does not register, reported unless the project shows
        another module registers it without a filter where it is to be compared, or for anyone (`cleared`)."""
        if callback.guarded:
            return
        acts, admin_named = privilege(callback, self.context.imports, PRIVILEGED_VERBS)
        if not (acts or admin_named):
            return
        function = callback.function
        why = "though its name says it is for administrators" if acts and admin_named else \
            "while the module that registers it checks the sender of its other handlers"
        self.report(function, f"Bot handler `{function.name.value}`, registered by another module of the bot without a "
                    f"filter, administers the bot, its host or its users but never checks who sent the message, {why}: "
                    "any chat user may call it.",
                    hint="Check the sender in it (`if update.effective_user.id not in ADMIN_IDS: return`, a guard "
                    "decorator) or register it with a filter such as `filters.User(user_id=ADMIN_IDS)`, and test that a "
                    "message from another user is refused.",
                    unless=(STANDS_ALONE if acts and admin_named else BESIDE_CHECKED, function.name.value))

    def _report_bot_handler(self, handler: BotHandler, handlers: list[BotHandler]) -> None:
        """A chat command that administers the bot, its host or its users, with no check of the sender where the
        module's other handlers have one (or where its name says it is for administrators)."""
        function = handler.function
        command = f" (`/{handler.commands[0]}`)" if handler.commands else ""
        guarded = [h.function.name.value for h in handlers if h.guarded]
        siblings = ", ".join(f"`{n}`" for n in guarded[:3]) + (" ..." if len(guarded) > 3 else "")
        why = f"while {siblings} of the same bot do" if guarded else "though its name says it is for administrators"
        anchor = function.decorators[0] if function.decorators else function
        self.report(anchor, f"Bot handler `{function.name.value}`{command} administers the bot, its host or its users "
                    f"but never checks who sent the message, {why}: any chat user may call it.",
                    hint="Give it the guard its sibling handlers have (the same decorator, a filter such as "
                    "`filters.User(user_id=ADMIN_IDS)`, or `if update.effective_user.id not in ADMIN_IDS: return`), and "
                    "test that a message from another user is refused.")

    def _report_shared_action(self, handler: BotHandler, shared: SharedAction) -> None:
        """A chat handler giving the sender's text to what a sibling handler does only after checking the sender."""
        self.report(shared.call, f"Bot handler `{handler.function.name.value}` passes the sender's text to "
                    f"`{shared.callee}(...)`, which `{shared.sibling}` of the same bot calls only after checking who "
                    "sent the message, but checks nobody: any chat user may call it.",
                    hint="Give it the check its sibling has (the same allow-list or group test, or a guard decorator), "
                    "or call the restricted mode the public command is meant to have, and test that a message from "
                    "another user is refused.")

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        context = class_context(node, self.context.imports)
        self.classes.append((context, context.restricted, node.name.value))
        self.public_classes.append(_declared_public(node, self.context.imports))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()
        self.public_classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth += 1
        if self.depth > 1:
            return
        owner = self.classes[-1] if self.classes else None
        action = self._action(node)
        held = None
        qualname = node.name.value
        handler: Handler | None = None
        if action is not None:
            if owner is None or owner[1]:
                return
            name, methods, restricted = action
            authenticated = owner[0].authenticated or owner[0].drf_default
            by_default = not owner[0].authenticated
        else:
            handler = handler_of(node, self.context.imports, owner[0] if owner else None, self.routers,
                                 sockets_checked=self.sockets_checked,
                             module_callers=self.module_callers, listed=self.listed, operations=self.operations)
            if handler is not None and owner is None and handler.signed_in and not handler.writes \
                    and not handler.restricted and routed_elsewhere(node, self.context.imports, self.listed):
                # only one that signs its caller in: another module's guard is not judged (`_mounted_for_admins`)
                self._hold_for_mount(node, node.name.value, qualname, signed=True, elsewhere=True)
                return  # its methods and path are another module's: the app model judges both
            if handler is None or not handler.writes or _declared_public(node, self.context.imports) \
                    or (self.public_classes and self.public_classes[-1]):
                return  # a view its author marked public checks no sign-in at all: VC201's to judge, not VC218's
            qualname = ".".join([*(owner[2:] if owner else ()), node.name.value])
            if not handler.signed_in:  # guarded, if at all, where its router is included: the app model decides
                held = qualname
            name, methods, restricted = node.name.value, {m.lower() for m in handler.methods}, False
            if owner is not None:
                name = f"{owner[2]}.{name}"  # `DeactivateUserView.post`: the class names the operation
            authenticated = True
            by_default = not handler.authenticated and handler.drf_default
            restricted = handler.restricted or (owner is not None and owner[1]) \
                or restricts(decorator_names(node, self.context.imports)) \
                or restricts([*map(str, handler.identity_params)]) or restricted_to_admins(node, self.admin_receivers)
        words = name_words(name)
        verb = privileged_verb(words)
        if not methods & WRITE_METHODS or restricted or not authenticated:
            return
        if verb is None:
            routed = self.listed.get(node.name.value) if owner is None else None
            admin_path = admin_route_path(node, self.prefixes, routed.paths if routed is not None else ()) \
                if handler is not None else None
            if admin_path is not None and not checks_role(node.body):
                # a prefix the blueprint is made with may be replaced where it is registered: the app model decides
                mount_hold = f"{ADMIN_MOUNT_HOLD}{'signed' if held is None else ''}:{qualname}"
                self._report_admin_route(node, name, admin_path.text, mount_hold if admin_path.by_prefix else held)
            elif handler is not None and not (handler.client_ids and self._report_account_action(node, name, handler,
                                                                                               held)):
                self._hold_for_mount(node, name, qualname, signed=held is None)
            return
        if verb in ("revoke", "grant") and CREDENTIAL_OBJECTS.intersection(words[words.index(verb) + 1:]) \
                and not _names_a_user(node):
            return
        if checks_role(node.body) or _permission_names(node, self.context.imports, verb):
            return
        if handler is not None and REQUESTING_VERBS.intersection(name_words(node.name.value)[:1]) \
                and _files_for_caller(node.body, handler.identity_params) \
                and not _performs_inline(node.body, verb, self.context.imports):
            return  # the caller asks for the operation on their own account: whoever approves it performs it
        anchor = node.decorators[0] if node.decorators else node
        checks = "is left to DRF's `DEFAULT_PERMISSION_CLASSES`, which at most check" if by_default else "only checks"
        self.report(anchor, f"`{name}` performs a privileged operation (`{verb}`) but {checks} that the caller is "
                    "signed in, so every user may call it.",
                    hint="Restrict it to the users allowed to do it (`permission_classes=[IsAdminUser]`, a role check, "
                    "`@permission_required(...)`) and test that an ordinary user gets 403.", held_for=held,
                    unless=(DRF_DEFAULT, "") if by_default else None)

    def _report_admin_route(self, node: cst.FunctionDef, name: str, path: str, held: str | None) -> None:
        """A route whose path or blueprint says it is for administrators (`/admin/...`), behind a login only. A route
        a Starlette route list names has no decorator to point at: the first call it makes for its effect (`queue.
        enqueue(...)`, `await db.delete_all()`), past its sign-in, is the change."""
        anchor = node.decorators[0] if node.decorators else _first_effect(node) or node
        self.report(anchor, f"`{name}` changes state on an administrators' route ({path}) but only checks that the "
                    "caller is signed in, so every user may call it.",
                    hint="Restrict the route (or its blueprint or router) to administrators (`@admin_required`, "
                    "`Depends(get_admin_user)`, a `before_request` role check) and test that an ordinary user gets 403.",
                    held_for=held)

    def _hold_for_mount(self, node: cst.FunctionDef, name: str, qualname: str, *, signed: bool,
                        elsewhere: bool = False) -> None:
        """A route of a blueprint or router (`@bp.post("/users/<id>/delete")`), or of a Starlette route list of the
        module (`routes = [Route("/users/{id}/delete", ...)]`), that another module may mount under an administrators'
        prefix (`app.register_blueprint(bp, url_prefix="/admin")`, an imported `APIRouter(prefix="/admin")`,
        `Mount("/admin", routes=admin.routes)`): held until the app model shows it is (`ADMIN_MOUNT_HOLD`).
        `elsewhere`: a Starlette endpoint another module's route list may name (`handlers.routed_elsewhere`), held when
        it makes a call for its effect; the app model also checks that its routes write."""
        receiver = next((d.decorator.func.value for d in node.decorators if type(d.decorator) is cst.Call
                         and type(d.decorator.func) is cst.Attribute), None)
        listed = receiver is None and not node.decorators and node.name.value in self.listed
        effect = _first_effect(node) if receiver is None else None
        if receiver is None and not listed and not (elsewhere and effect is not None) or checks_role(node.body):
            return
        where = "another module routes it on an administrators' path" if receiver is None and not listed else \
            "another module mounts its route list under an administrators' prefix" if receiver is None else \
            f"another module makes or mounts `{dotted_name(receiver)}` with an administrators' prefix"
        anchor = node.decorators[0] if node.decorators else effect or node
        self.report(anchor, f"`{name}` changes state on an administrators' route ({where}) but only checks that the "
                    "caller is signed in, so every user may call it.",
                    hint="Restrict the route (or its blueprint or router) to administrators (`@admin_required`, "
                    "`Depends(get_admin_user)`, a `before_request` role check) and test that an ordinary user gets 403.",
                    held_for=f"{ADMIN_MOUNT_HOLD}{'signed' if signed else ''}:{qualname}")

    def _report_account_action(self, node: cst.FunctionDef, name: str, handler: Handler, held: str | None) -> bool:
        """`deactivate_user(user_id)`, a handler calling `services.delete_tenant(db, tenant_id)`: an account or tenant
        the client names is closed or removed by a handler that never looks at who the caller is."""
        service = next((call for call in _calls(node.body) if _account_action(name_words(_callee(call)))), None)
        action = _account_action(name_words(_callee(service))) if service is not None \
            else _account_action(name_words(name))
        if action is None or _refers_to_caller(node.body, handler.identity_params) or checks_role(node.body) \
                or _permission_names(node, self.context.imports, action[0]):
            return False
        verb, account = action
        target = sorted(handler.client_ids)[0]
        # the call that does it (`services.delete_tenant(db, tenant_id)`), else the handler named for it
        anchor: cst.CSTNode = service if service is not None else node.decorators[0] if node.decorators else node
        self.report(anchor, f"`{name}` performs a privileged operation (`{verb}` a {account} the client names by "
                    f"`{target}`) but only checks that the caller is signed in and never looks at who they are, so "
                    f"every user may do it to any {account}.",
                    hint="Restrict it to administrators (a role check, `permission_classes=[IsAdminUser]`, a "
                    f"`require_admin` dependency), or act only on the caller's own {account}; test that an ordinary "
                    "user gets 403.", held_for=held)
        return True

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth -= 1

    def _action(self, node: cst.FunctionDef) -> tuple[str, set[str], bool] | None:
        """A DRF `@action(methods=[...])`: its name, methods, and whether its own permission classes restrict."""
        for decorator in node.decorators:
            expression = decorator.decorator
            if not isinstance(expression, cst.Call):
                continue
            if (self.qualified_name(expression.func) or "").rpartition(".")[2] != "action":
                continue
            methods = {"get"}
            restricted = False
            name = node.name.value
            for arg in expression.args:
                keyword = arg.keyword.value if arg.keyword is not None else None
                if keyword == "methods" and isinstance(arg.value, (cst.List, cst.Tuple)):
                    methods = {(string_value(e.value) or "").lower() for e in arg.value.elements}
                elif keyword == "permission_classes":
                    restricted = restricts([n.rpartition(".")[2] for n in dotted_uses(arg.value)
                                             if n.rpartition(".")[2] not in AUTHENTICATION_ONLY]) \
                        or not all(n.rpartition(".")[2] in AUTHENTICATION_ONLY for n in dotted_uses(arg.value))
                elif keyword == "url_path":
                    name = f"{name}_{string_value(arg.value) or ''}"
            return name, methods, restricted
        return None


def _first_effect(function: cst.FunctionDef) -> cst.CSTNode | None:
    """The first statement of the body that is a bare call, other than one signing the caller in."""
    for line in function.body.body:
        for small in line.body if type(line) is cst.SimpleStatementLine else ():
            value = small.value.expression if type(small) is cst.Expr and type(small.value) is cst.Await \
                else small.value if type(small) is cst.Expr else None
            if type(value) is cst.Call and not signs_in_with(value, {"request"}):
                return small
    return None


def _names_a_user(function: cst.FunctionDef) -> bool:
    """A parameter the client fills in names a user (`user_id`, `username`); injected ones (`user=Depends(...)`), the
    caller, do not."""
    return any(USER_WORDS.intersection(name_words(param.name.value)) and type(param.default) is not cst.Call
               for param in (*function.params.params, *function.params.kwonly_params))


def _account_action(words: list[str]) -> tuple[str, str] | None:
    """(verb, account) when the words name an operation on a whole account or tenant (`delete_tenant`)."""
    verb = next((w for w in words if w in ACCOUNT_ACTION_VERBS), None)
    account = next((w for w in words if w in ACCOUNTS), None)
    return (verb, account.rstrip("s")) if verb is not None and account is not None else None


def _calls(body: cst.CSTNode) -> Iterator[cst.Call]:
    """The calls of a body, in source order."""
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if type(node) is cst.Call:
            yield node
        if not isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            pending.extend(reversed(node.children))


def _callee(call: cst.Call) -> str:
    """The last name of the function a call makes (`delete_tenant` of `services.delete_tenant(db, tenant_id)`)."""
    return (dotted_name(call.func) or "").rpartition(".")[2]


def _files_for_caller(body: cst.CSTNode, identity: set[str]) -> bool:
    """A record made with the caller as its owner (`Payout(merchant_id=merchant.id, ...)`, `user=request.user`)."""
    return any(type(node) is cst.Call and any(arg.keyword is not None and _is_caller(dotted_name(arg.value) or "", identity)
                                              for arg in node.args) for node in walk_own(body))


def _performs_inline(body: cst.CSTNode, verb: str, imports: ImportTable) -> bool:
    """Beside filing the request, the handler performs the operation itself: it calls a function or method named for it
    (`order.refund()`, `payments.issue_refund(...)`), a provider's API for it (`stripe.Refund.create(...)`), or raises
    a stored amount (`current_user.balance += amount`). Lowering one (a payout request holding back the funds) and
    a helper that files (`create_refund_request(...)`) do not perform it."""
    words = verb.split()
    for node in walk_own(body):
        if type(node) is cst.AugAssign and type(node.operator) is cst.AddAssign and _names_balance(node.target):
            return True
        if type(node) is not cst.Call:
            continue
        parts = (dotted_name(node.func) or "").split(".")
        callee = name_words(parts[-1])
        if callee and _says(callee, words) and callee[0] not in REQUESTING_VERBS and not parts[-1][:1].isupper():
            return True
        if len(parts) >= 3 and _provider_call(parts, words, imports):
            return True
    return False


def _says(words: list[str], verb: list[str]) -> bool:
    return all(w in words for w in verb)


def _provider_call(parts: list[str], verb: list[str], imports: ImportTable) -> bool:
    """`stripe.Refund.create(...)`: a class named for the operation, reached through an imported library module, not
    the project's own models (`models.Refund.objects.create(...)`, a relative import)."""
    module = imports.aliases.get(parts[0], "")
    return bool(module) and not module.startswith(".") and not RECORD_MANAGERS.intersection(parts[1:]) \
        and any(part[:1].isupper() and _says(name_words(part), verb) for part in parts[1:-1])


def _names_balance(target: cst.BaseExpression) -> bool:
    """`current_user.balance`, `account["credits"]`: a stored amount."""
    name = target.attr.value if type(target) is cst.Attribute else string_value(target.slice[0].slice.value) \
        if type(target) is cst.Subscript and type(target.slice[0].slice) is cst.Index else None
    return name is not None and bool(BALANCE_WORDS.intersection(name_words(name)))


def _is_caller(dotted: str, identity: set[str]) -> bool:
    """`merchant.id` of an identity parameter, `current_user.id`, `request.user`: the caller or their id."""
    return dotted.partition(".")[0] in identity or any(dotted == e or dotted.startswith(e + ".") for e in IDENTITY_EXPRESSIONS)


def _refers_to_caller(body: cst.CSTNode, identity: set[str]) -> bool:
    """The body reads the caller (`current_user`, `request.user.id`, an injected `user`): it may compare, scope or
    record whom it acts for."""
    return any(d in IDENTITY_EXPRESSIONS or d.partition(".")[0] in identity for d in dotted_uses(body))
