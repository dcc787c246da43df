"""VC217: a role, admin flag or permission taken from the request, or given to whoever registers first."""

from __future__ import annotations

from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.admin_routes import (
    admin_hooked_receivers,
    admin_permission_class,
    admin_view_permission,
    drf_permission_classes,
    restricted_to_admins,
)
from vibecheck.analysis.app_model.handlers import connexion_handler, parameters
from vibecheck.analysis.app_model.names import restricts
from vibecheck.analysis.app_model.openapi import Operation, openapi_inputs, operations_for
from vibecheck.analysis.flow import is_rest_payload, is_route_handler, resolver_parameters, short_code
from vibecheck.analysis.project_functions import defines, functions_index
from vibecheck.analysis.secrets_names import name_words
from vibecheck.analysis.sql_columns import sql_parameter_columns
from vibecheck.cst_fields import child_nodes, own_nodes_of
from vibecheck.literals import text_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.privilege_parameters import (
    POSITION_MARK,
    PRIVILEGE_HELPER,
    PRIVILEGE_PARAMETERS_FACT,
    helper_entry,
    stored_privilege_positions,
)

PRIVILEGE_FIELDS = frozenset({"role", "roles", "is_admin", "is_staff", "is_superuser", "admin", "superuser",
                              "permissions", "user_permissions", "groups", "is_moderator", "access_level", "scopes",
                              "user_type", "account_type", "privileges",
                              # what a payment or a check grants: access to paid content, a verified address
                              "paid", "is_paid", "is_premium", "email_verified", "is_verified"})
REQUEST_NAMES = frozenset({"request", "req", "self.request", "flask.request",
                           "app.current_request"})  # Chalice's request
# The request objects named through an import, whatever alias the module gives it: CherryPy's `cherrypy.request.json`.
QUALIFIED_REQUESTS = frozenset({"cherrypy.request"})
CLIENT_ATTRIBUTES = frozenset({"data", "json", "form", "POST", "values", "args", "GET", "query_params",
                               "media",  # Falcon: `req.media`
                               "json_body", "params",  # Pyramid's (and Chalice's) parsed body, WebOb's merged fields
                               "body_params"})  # Emmett: `params = await request.body_params`
CLIENT_METHODS = frozenset({"get_json", "json",
                            "form"})  # Starlette's and FastAPI's `form = await request.form()`
# What a payment grants, set on the record of whoever pays (`account.plan`, `org.tier`): a `plan` names a trip's or a
# workout's as often, so it counts only on a record named for a payer, and not where the handler checks the signature
# of the provider that sends it (a billing webhook sets the plan the payment bought).
BILLING_FIELDS = frozenset({"plan", "tier", "billing_plan", "subscription_plan", "subscription_tier"})
PAYER_WORDS = frozenset({"account", "user", "customer", "org", "organization", "organisation", "tenant", "workspace",
                         "team", "company", "subscription", "member", "profile", "billing"})
SIGNATURE_CHECK_WORDS = frozenset({"signature", "signed", "hmac", "digest", "verify", "construct"})
# Wrappers that keep the client's data: `json.loads(request.body)`, `dict(request.form)`.
CLIENT_WRAPPERS = frozenset({"json.loads", "dict", "loads", "orjson.loads", "ujson.loads"})
# The raw body, parsed by one of the wrappers above (Django's `request.body`, Flask's `request.data`).
RAW_BODY = frozenset({"body", "data", "get_data"})
# Calls that ask whether anyone exists yet: `User.query.count() == 0`, `not User.objects.exists()`.
EXISTENCE_CALLS = frozenset({"count", "exists", "first", "scalar"})
INJECTED = frozenset({"Depends", "Security"})
# A filtered count (`user.groups.filter(name="admin").exists()`) is a membership check, not "is this the first".
# Calls that make an account or record, whose privilege keywords the new row starts with.
CREATING_CALLS = frozenset({"create", "create_user", "create_account", "insert", "insert_one", "register", "signup",
                            "sign_up", "add_user"})
FILTERS = frozenset({"filter", "filter_by", "where", "exclude", "get", "groups", "roles"})
# First words of calls that read, search or test (`imp.get_policy(..., scopes=body.scopes)`,
# `User.objects.filter(role=request.GET["role"])`): a privilege-named keyword there picks what is read, it grants nothing.
# Unless the call writes or mints too (`get_or_create(..., role=...)`, `get_token(scopes=...)`).
READING_VERBS = frozenset({"get", "list", "search", "find", "fetch", "filter", "query", "count", "load", "read", "lookup",
                           "select", "exclude", "where", "describe", "show", "has", "is", "can", "check", "match"})
WRITING_WORDS = frozenset({"create", "update", "set", "save", "insert", "add", "grant", "assign", "make", "register",
                           "upsert", "put", "write", "issue", "mint", "sign", "token", "tokens", "key", "keys", "session"})

# What a checkbox or a flag from the request is compared with (`"on"`, `1`, `True`, `ADMIN`): the comparison is the
# client's choice.
LITERALS = (cst.SimpleString, cst.Integer, cst.Name)
# Flask-AppBuilder's setting for the role each self-registered account gets: an administrator's role there makes
# every visitor who signs up an administrator.
SIGN_UP_ROLE_SETTINGS = frozenset({"AUTH_USER_REGISTRATION_ROLE"})
# A model class, whose attributes are its columns (`Staff.role`).
MODEL_CLASS = lazy_pattern(r"^[A-Z][a-z]\w*$")
ADMIN_ROLE_WORDS = frozenset({"admin", "administrator", "administrators", "superuser", "superusers", "root", "owner"})


class PrivilegeFromClient(Rule):
    """A role, admin flag or permission taken from the request, or granted to whoever signs up first.

    ## What it does
    Reports where a privilege field (`role`, `is_admin`, `is_staff`, `is_superuser`, `groups`,
    `permissions`, `scopes`, `access_level`, ...; also what a payment or a check grants: `paid`, `is_premium`,
    `email_verified`; a `plan` or `tier` set on a record named for whoever pays, `account.plan = event["plan"]`, unless
    the handler checks the signature of the provider that sends it, `_paddle_signature_ok(raw, header)`,
    `@verify_webhook_signature`) gets its value from client data: a keyword argument
    (`User(role=data["role"])`, `create_user(..., is_admin=payload.get("is_admin"))`) or an assignment
    (`user.role = request.json["role"]`) or a key of a dict passed to a call (`create_access_token(...,
    additional_claims={"role": body["role"]})`) or stored under a key (`USERS[name] = {"name": name, "role":
    body.role}`) or a parameter of SQL that writes the column (`execute("INSERT INTO users (email, role) VALUES (?, ?)",
    (email, data["role"]))`, `UPDATE users SET is_admin = %s ...`, also run by a helper of the module: `query_db(sql,
    args)`) or a parameter of a function of the project, handed by position, that the function stores (a column its SQL
    writes, a keyword of the row it makes, a field it sets: `db.create_user(body["email"], hashed, body.get("role"))`
    with `def create_user(email, password_hash, role)` in another module, when the field read is named for a
    privilege), where the value reads the request body (also through a
    variable such as `data = request.get_json() or {}` or `data = json.loads(request.body)`; Falcon's `req.media`,
    Flask-RESTX's `ns.payload`, Pyramid's `request.json_body` and `request.params`, Emmett's `await
    request.body_params`, Chalice's
    `app.current_request.json_body`, CherryPy's `cherrypy.request.json`), a field of a
    route's body parameter (`body.role`; also of a Connexion handler, a function an OpenAPI document's `operationId`
    routes, whose `user` and `token_info` name the caller), or a route's or GraphQL resolver's own argument given to the
    call that makes the account (`User(email=email, role=role)` with `role: str = "user"`) or a local bound to one field of the
    body and handed to the call or the SQL that makes the account (`role = data.get("role", "user")`, then `INSERT
    INTO users (email, role) VALUES (?, ?)` with `role`), also compared with a literal (a sign-up
    form's checkbox, `is_admin=request.form.get("is_admin") == "on"`). Also reports the first-user-is-admin pattern: a
    privilege set from whether any account exists yet (`is_admin = User.query.count() == 0`, also through a variable holding
    that test, `role="admin" if not User.objects.exists() else "user"`). A route handler that only administrators
    reach (`admin=Depends(get_admin_user)`, `@admin_required`, a role factory given only administrators' roles,
    `Depends(require_role("admin"))`, an operation whose security asks for an administrator's scope, a route of a
    blueprint whose `before_request` hook in the same file refuses whoever is no administrator, `if not
    current_user.is_admin: abort(403)`; a class-based view whose base or class decorator restricts it,
    `ProjectAdminMixin`, `PermissionRequiredMixin`; a Pyramid view whose `permission`, its own or its class's
    `@view_defaults(permission="admin")`, names administrators; a DRF view whose permission classes name administrators,
    `permission_classes = [IsOrgAdmin]`, unless an action lists its own) grants privileges by design and is not reported.
    Flask-AppBuilder's `AUTH_USER_REGISTRATION_ROLE` naming an administrator's role (`"Admin"`) is reported: every
    visitor who registers gets it.

    ## Why is this bad?
    The client picks its own privileges: a sign-up request with `"role": "admin"` creates an admin
    (CWE-269). The first-user rule makes whoever reaches a fresh deployment first its administrator,
    which on a public URL is an attacker's script, and it stays a race on every empty database.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/register")
    def register():
        data = request.get_json()
        user = User(email=data["email"], role=data.get("role", "user"))
        db.session.add(user)
        return {"id": user.id}, 201
    ```

    ## Use instead
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/register")
    def register():
        data = request.get_json()
        user = User(email=data["email"], role="user")
        db.session.add(user)
        return {"id": user.id}, 201
    ```

    ## References
    - [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
    - [OWASP API Security Top 10 API5: Broken Function Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa5-broken-function-level-authorization/)
    """

    code = "VC217"
    name = "privilege-from-client"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (269,)
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    cache_inputs = (openapi_inputs,)  # the OpenAPI documents that route its functions (Connexion)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.frames: list[set[str]] = []  # names holding client data, per function
        self.field_locals: list[set[str]] = []  # locals bound to one field of client data (`role = data.get("role")`)
        self.first_flags: list[set[str]] = []  # names holding "no account exists yet", per function
        self.admin_only: list[bool] = []  # per function: a route handler only administrators reach
        self.restricted_classes: list[bool] = []  # per class around the walk: a base or decorator restricts it
        # blueprints whose `before_request` hook admits only administrators (read only if the file has such a hook)
        self.admin_receivers = admin_hooked_receivers(context.module) if "before_request" in context.source \
            else frozenset()
        # whether the file calls an existence method at all (`.count(`): most files do not, and need no search
        self.asks_existence = any(f".{name}(" in context.source for name in EXISTENCE_CALLS)
        self.reading_arguments: set[int] = set()  # the arguments of calls that read (`READING_VERBS`)
        self.operations: dict[str, Operation] = {}  # functions an OpenAPI document routes (Connexion)
        self.functions: list[cst.FunctionDef] = []  # the functions around the walk, innermost last
        self.privilege_helpers: set[str] = set()  # this module's functions storing a privilege parameter (`name@2`)
        # a field of the request handed by position to a function of this module, judged at the module's end
        self.local_positional: list[tuple[cst.Arg, str, str]] = []

    def visit_Module(self, node: cst.Module) -> None:
        self.operations = operations_for(self.context.path)

    def leave_Module(self, node: cst.Module) -> None:
        for arg, field, entry in self.local_positional:
            if entry in self.privilege_helpers:
                self._report_positional(arg, field, entry)
        if self.privilege_helpers:
            self.context.facts[PRIVILEGE_PARAMETERS_FACT] = sorted(self.privilege_helpers)

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """The function of another module handed a privilege-named field of the request by position stores no
        privilege parameter in that position (or is no project function at all)."""
        return kind == PRIVILEGE_HELPER and not defines(functions_index(project, PRIVILEGE_PARAMETERS_FACT), relative,
                                                        subject)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        """A class-based view restricted by a base or a class decorator (`ProjectAdminMixin`, `PermissionRequiredMixin`):
        its handlers are reached by the holders of that right, who may grant roles by design."""
        names = [(get_full_name_for_node(b.value) or "").rpartition(".")[2] for b in node.bases]
        names += [(get_full_name_for_node(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or "")
                  .rpartition(".")[2] for d in node.decorators]
        self.restricted_classes.append(restricts(names) or admin_permission_class(drf_permission_classes(node))
                                       or admin_view_permission(node.decorators))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.restricted_classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if not self.functions and not self.restricted_classes:
            self.privilege_helpers.update(helper_entry(node.name.value, position)
                                          for position in stored_privilege_positions(node, PRIVILEGE_FIELDS, _reads))
        client: set[str] = set()
        operation = self.operations.get(node.name.value) if not self.frames and not self.restricted_classes else None
        routed = connexion_handler(node, operation) if operation is not None else None
        if routed is not None:  # Connexion's: `body` and the operation's parameters; `user` is whom it signed in
            client.update(routed.inputs)
        elif is_route_handler(node):
            for param in parameters(node):
                default = param.default
                injected = isinstance(default, cst.Call) and (get_full_name_for_node(default.func) or "") in INJECTED
                if param.name.value not in ("request", "self", "db", "session") and not injected:
                    client.add(param.name.value)
        else:  # a GraphQL resolver's arguments (`def sign_up(self, email: str, role: str = "user")`)
            client.update(resolver_parameters(node, self.context.imports))
        self.frames.append(client)
        self.functions.append(node)
        self.field_locals.append(set())
        self.first_flags.append(set())
        own = drf_permission_classes(node)  # an action's own `permission_classes=` replace its class's
        # (a Starlette function listed in a `Route` table is no route handler by its own code, but its decorators say
        # who reaches it: `@admin_required`)
        self.admin_only.append(((bool(client) or bool(node.decorators)) and restricted_to_admins(node, self.admin_receivers))
                               or (routed is not None and routed.restricted)  # its scopes ask for a role
                               or admin_view_permission(node.decorators)
                               or (not own and bool(self.restricted_classes and self.restricted_classes[-1])))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.frames.pop()
        self.functions.pop()
        self.field_locals.pop()
        self.first_flags.pop()
        self.admin_only.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        self._sign_up_role(node)
        if not self.frames:
            return
        for target in node.targets:
            if type(target.target) is cst.Name and self._from_client(node.value):
                self.frames[-1].add(target.target.value)
            elif type(target.target) is cst.Name and target.target.value not in PRIVILEGE_FIELDS \
                    and self.asks_existence and _asks_if_first(node.value):
                self.first_flags[-1].add(target.target.value)  # `is_first = User.query.count() == 0`, reported where used
            if type(target.target) is cst.Name:  # a filter, perhaps: judged where it makes an account
                self._hold_field(target.target.value, node.value)
            if type(target.target) is cst.Subscript and type(node.value) is cst.Dict:
                self._check_keys(node.value)  # `USERS[body.username] = {"name": ..., "role": body.role}`: a stored record
            field = _field_name(target.target)
            if field in PRIVILEGE_FIELDS:
                # a plain local (`role = request.args.get("role")`) may be a filter; only a first-user grant counts
                self._check(node, field, node.value, client=not isinstance(target.target, cst.Name))
            elif field in BILLING_FIELDS and type(target.target) is cst.Attribute and _payer(target.target.value) \
                    and self._reads_client_field(node.value) and not _checks_a_signature(self.functions[-1]):
                self._report_client(node, field, node.value)  # `account.plan = event["plan"]` in an unsigned route

    def _sign_up_role(self, node: cst.Assign) -> None:
        """`AUTH_USER_REGISTRATION_ROLE = "Admin"` (also `app.config["AUTH_USER_REGISTRATION_ROLE"] = ...`)."""
        role = text_value(node.value)
        if not isinstance(role, str) or not ADMIN_ROLE_WORDS & set(name_words(role)):
            return
        for target in node.targets:
            setting = target.target
            if type(setting) is cst.Subscript and len(setting.slice) == 1 and type(setting.slice[0].slice) is cst.Index:
                name = text_value(setting.slice[0].slice.value)
            else:
                name = get_full_name_for_node(setting)
            if (name or "").rpartition(".")[2] in SIGN_UP_ROLE_SETTINGS:
                self.report(node, f"Every account that signs itself up gets the `{role}` role, so any visitor who "
                            "registers becomes an administrator.",
                            hint="Give self-registered accounts the least privileged role and promote them by hand.")

    def visit_Call(self, node: cst.Call) -> None:
        """`User(email=email, role=role)`, `create_user(..., is_admin=is_admin)`: an account made with a privilege the
        handler's own argument carries (a promotion, `user.role = role`, sets what VC218 judges: who may call it)."""
        if not self.frames:
            return
        callee = (get_full_name_for_node(node.func) or "").rpartition(".")[2]
        if _reads(callee):
            self.reading_arguments.update(id(arg) for arg in node.args)
        if len(node.args) >= 2 and isinstance(node.args[1].value, (cst.Tuple, cst.List)) \
                and isinstance(node.args[0].value, (cst.SimpleString, cst.ConcatenatedString)):
            values = node.args[1].value.elements
            for index, column in sql_parameter_columns(text_value(node.args[0].value) or "").items():
                if column in PRIVILEGE_FIELDS and index < len(values):
                    value = values[index].value
                    if isinstance(value, cst.Name) and self._holds_client(value.value):
                        self._report_client(values[index], column, value)
                    else:
                        self._check(values[index], column, value)
        if self.admin_only[-1]:
            return
        if not _reads(callee):
            self._positional_fields(node)
        if not (self.frames[-1] or self.field_locals[-1]):
            return
        if not (callee[:1].isupper() or callee in CREATING_CALLS):
            return
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value in PRIVILEGE_FIELDS and isinstance(arg.value, cst.Name) \
                    and self._holds_client(arg.value.value):
                self._report_client(arg, arg.keyword.value, arg.value)

    def _positional_fields(self, call: cst.Call) -> None:
        """`db.create_user(body["email"], hashed, body.get("role", "viewer"))`: a privilege-named field of the request
        handed by position to a function of the project, reported where that function stores the parameter in that
        position (`helper_entry`): at the module's end for one of this module, in the project phase for an imported
        one."""
        func = call.func
        if not (type(func) is cst.Name or (type(func) is cst.Attribute and type(func.value) is cst.Name)):
            return
        handed = []
        for position, arg in enumerate(call.args):
            if arg.keyword is not None or arg.star:
                break
            field = self._client_privilege_field(arg.value)
            if field is not None:
                handed.append((position, arg, field))
        if not handed:
            return
        qualified = self.qualified_name(func)
        name = get_full_name_for_node(func)
        if qualified is None or name is None or (qualified == name and type(func) is not cst.Name):
            return  # a method of a local value
        own = qualified == name  # a function of this module (or a builtin, which stores nothing)
        for position, arg, field in handed:
            if own:
                self.local_positional.append((arg, field, helper_entry(name, position)))
            else:
                self._report_positional(arg, field, helper_entry(qualified, position), unless=True)

    def _client_privilege_field(self, value: cst.BaseExpression) -> str | None:
        """The privilege a field of the request names (`data["role"]`, `body.get("is_admin")`, `body.role`, a local
        `role` bound to one field of it), or None."""
        if type(value) is cst.Name:
            field = value.value if value.value in self.field_locals[-1] else None
        elif type(value) is cst.Subscript and len(value.slice) == 1 and type(value.slice[0].slice) is cst.Index:
            field = text_value(value.slice[0].slice.value)
        elif type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "get" \
                and value.args:
            field = text_value(value.args[0].value)
        elif type(value) is cst.Attribute:
            field = value.attr.value
        else:
            return None
        if not isinstance(field, str) or field not in PRIVILEGE_FIELDS:
            return None
        return field if type(value) is cst.Name or self._reads_client_field(value) else None

    def _report_positional(self, arg: cst.Arg, field: str, entry: str, *, unless: bool = False) -> None:
        function, _, position = entry.rpartition(POSITION_MARK)
        self.report(arg, f"`{field}` is taken from the request (`{short_code(arg.value)}`) and handed to "
                    f"`{function.rpartition('.')[2]}()`, which stores its argument {int(position) + 1} as a privilege, "
                    "so any client can grant itself that privilege.",
                    hint=f"Set `{field}` on the server (a fixed default, or an admin-only endpoint that checks the "
                    "caller's own privileges).", unless=(PRIVILEGE_HELPER, entry) if unless else None)

    def visit_Arg(self, node: cst.Arg) -> None:
        if not self.frames or id(node) in self.reading_arguments:
            return
        if node.keyword is not None and node.keyword.value in PRIVILEGE_FIELDS:
            self._check(node, node.keyword.value, node.value)
        if type(node.value) is cst.Dict:  # `create_access_token(..., additional_claims={"role": data["role"]})`
            self._check_keys(node.value)

    def _check_keys(self, record: cst.Dict) -> None:
        for element in record.elements:
            key = _key_name(element.key) if isinstance(element, cst.DictElement) else None
            if key in PRIVILEGE_FIELDS:
                self._check(element, key, element.value)

    def _hold_field(self, name: str, value: cst.BaseExpression) -> None:
        """Remember whether a local now holds one field of client data (`role = data.get("role", "user")`)."""
        if self._reads_client_field(value):
            self.field_locals[-1].add(name)
        else:
            self.field_locals[-1].discard(name)

    def _holds_client(self, name: str) -> bool:
        """A route's own argument, the request body, or a local bound to one field of it."""
        return name in self.frames[-1] or name in self.field_locals[-1]

    def _report_client(self, node: cst.CSTNode, field: str, value: cst.BaseExpression) -> None:
        if self.admin_only[-1]:
            return  # an administrator grants the privilege: what the admin-only endpoint is for
        self.report(node, f"`{field}` is taken from the request (`{short_code(value)}`), so any client can grant "
                    "itself that privilege.",
                    hint=f"Set `{field}` on the server (a fixed default, or an admin-only endpoint that checks the "
                    "caller's own privileges).")

    def _check(self, node: cst.CSTNode, field: str, value: cst.BaseExpression, *, client: bool = True) -> None:
        if client and self._reads_client_field(value):
            self._report_client(node, field, value)
        elif _asks_if_first(value) or (isinstance(value, cst.Name) and value.value in self.first_flags[-1]):
            self.report(node, f"`{field}` depends on whether any account exists yet (`{short_code(value)}`), so "
                        "whoever registers first on a fresh deployment becomes an administrator.",
                        hint="Create the first administrator out of band (a management command or a seeded "
                        "environment variable), never from a public sign-up.")

    def _from_client(self, node: cst.BaseExpression) -> bool:
        """The request body itself: `request.json`, `request.get_json()`, `await request.json()`, `request.data`,
        Falcon's `req.media`, Flask-RESTX's `ns.payload`, Pyramid's `request.json_body`, also as
        `request.get_json() or {}` or parsed: `json.loads(request.body)`."""
        if type(node) is cst.Await:
            node = node.expression
        if type(node) is cst.BooleanOperation and type(node.operator) is cst.Or:
            return self._from_client(node.left)
        if type(node) is cst.Call and node.args and not node.args[0].star \
                and (self.qualified_name(node.func) or get_full_name_for_node(node.func)) in CLIENT_WRAPPERS:
            inner = node.args[0].value
            inner = inner.func if isinstance(inner, cst.Call) and not inner.args else inner
            return self._from_client(inner) or (isinstance(inner, cst.Attribute) and inner.attr.value in RAW_BODY
                                                 and self._is_request(inner.value))
        if type(node) is cst.Call and type(node.func) is cst.Attribute:
            return node.func.attr.value in CLIENT_METHODS and self._is_request(node.func.value)
        return type(node) is cst.Attribute and (node.attr.value in CLIENT_ATTRIBUTES
                                                and self._is_request(node.value)
                                                or is_rest_payload(node, self.context.imports))

    def _is_request(self, node: cst.BaseExpression) -> bool:
        """`request`, `self.request`, `cherrypy.request` (also after `import cherrypy as cp`)."""
        return get_full_name_for_node(node) in REQUEST_NAMES or self.qualified_name(node) in QUALIFIED_REQUESTS

    def _reads_client_field(self, node: cst.BaseExpression) -> bool:
        """`data["role"]`, `data.get("role")`, `request.json["is_admin"]`, `body.role`: one field of client data."""
        if type(node) is cst.IfExp:
            return self._reads_client_field(node.body) or self._reads_client_field(node.orelse)
        if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get":
            return self._is_client(node.func.value)
        if type(node) is cst.Call and get_full_name_for_node(node.func) in ("bool", "str", "int"):
            return bool(node.args) and self._reads_client_field(node.args[0].value)
        if type(node) is cst.Comparison and all((type(c.operator) is cst.Equal or type(c.operator) is cst.NotEqual)
                                                     and isinstance(c.comparator, LITERALS) for c in node.comparisons):
            return self._reads_client_field(node.left)  # a checkbox: `request.form.get("is_admin") == "on"`
        if type(node) is cst.Subscript:
            return self._is_client(node.value)
        if type(node) is cst.Attribute:
            return isinstance(node.value, cst.Name) and node.value.value in self.frames[-1] \
                and node.attr.value in PRIVILEGE_FIELDS | BILLING_FIELDS
        return False

    def _is_client(self, node: cst.BaseExpression) -> bool:
        return self._from_client(node) or (isinstance(node, cst.Name) and node.value in self.frames[-1])


def _payer(record: cst.BaseExpression) -> bool:
    """`account`, `request.user`, `org`, `current_customer`: a record named for whoever pays."""
    return bool(PAYER_WORDS.intersection(name_words((get_full_name_for_node(record) or "").rpartition(".")[2])))


def _checks_a_signature(function: cst.FunctionDef) -> bool:
    """A call of the function named for checking a signature (`_paddle_signature_ok(raw, header)`,
    `hmac.compare_digest(...)`, `stripe.Webhook.construct_event(...)`): the body is the provider's, signed."""
    callees = [call.func for call in own_nodes_of(function.body, cst.Call)]
    callees += [d.decorator.func if type(d.decorator) is cst.Call else d.decorator for d in function.decorators]
    return any(SIGNATURE_CHECK_WORDS.intersection(name_words((get_full_name_for_node(callee) or "").rpartition(".")[2]))
               for callee in callees)


def _reads(callee: str) -> bool:
    """A call named for reading, searching or testing (`get_policy`, `filter_by`, `has_role`), and not for writing."""
    words = name_words(callee)
    return bool(words) and words[0] in READING_VERBS and WRITING_WORDS.isdisjoint(words)


def _field_name(target: cst.BaseExpression) -> str | None:
    """`user.role` -> role, `user["role"]` -> role, `is_admin` -> is_admin."""
    if type(target) is cst.Attribute:
        return target.attr.value
    if isinstance(target, cst.Name):
        return target.value
    if isinstance(target, cst.Subscript) and len(target.slice) == 1 and isinstance(target.slice[0].slice, cst.Index):
        return _key_name(target.slice[0].slice.value)
    return None


def _key_name(key: cst.BaseExpression) -> str | None:
    """The field a dict key names: a string (`"role"`), or a model's column, as Piccolo's and SQLAlchemy's updates key
    their values (`{Staff.role: ...}`, `values[User.is_admin] = ...`)."""
    if isinstance(key, cst.SimpleString):
        return text_value(key)
    if type(key) is cst.Attribute and type(key.value) is cst.Name and MODEL_CLASS.match(key.value.value):
        return key.attr.value
    return None


def _chain(node: cst.BaseExpression) -> list[str]:
    """The attribute and method names of a receiver chain: `User.query.filter_by(x=1)` -> [filter_by, query, User]."""
    names = []
    current: cst.BaseExpression | None = node
    while current is not None:
        if isinstance(current, cst.Call):
            current = current.func
        elif isinstance(current, cst.Attribute):
            names.append(current.attr.value)
            current = current.value
        else:
            names.append(current.value if isinstance(current, cst.Name) else "")
            current = None
    return names


def _asks_if_first(node: cst.BaseExpression) -> bool:
    """An expression built on `...count()`, `...exists()`, `...first()`: does any account exist yet?"""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Call and type(current.func) is cst.Attribute \
                and current.func.attr.value in EXISTENCE_CALLS and not current.args \
                and not FILTERS & set(_chain(current.func.value)):
            return True
        pending.extend(child_nodes(current))
    return False
