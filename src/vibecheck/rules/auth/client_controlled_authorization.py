"""VC207: an authorisation decision is taken from a role, admin flag or user id that the client sends."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import libcst as cst

from vibecheck.analysis.admin_routes import (
    admin_hooked_receivers,
    admin_permission_class,
    drf_permission_classes,
    is_django_admin_class,
    restricted_to_admins,
)
from vibecheck.analysis.flow import (
    CALL,
    COMPOUND_STATEMENTS,
    ORIGIN,
    PROPAGATING_CALLS,
    SUMMARY_FACT,
    VALIDATING_OPERATORS,
    FlowRule,
    FlowState,
    Taint,
    dotted_name,
    injected_parameters,
    is_route_handler,
    iter_expressions,
    keyed_read,
    module_functions,
    request_source,
    resolver_parameters,
    short_code,
    walked_names,
    walked_statements,
)
from vibecheck.analysis.secrets_names import name_words
from vibecheck.analysis.tokens import decodes_unverified
from vibecheck.cst_fields import own_returns, walk_own
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext, SourceHints
from vibecheck.rules.auth.tenant_header import TENANT_HEADER_TEXT, tenant_scopes, tested_against_the_caller

PRIVILEGE_WORDS = frozenset({"admin", "administrator", "role", "roles", "staff", "superuser", "su", "sudo", "root",
                             "permission", "permissions", "perm", "perms", "privilege", "privileges", "privileged",
                             "authorized", "authorised", "authenticated", "owner", "moderator"})
# Words after `root` that make it the root of a tree (`root_id`, `root_comment`, `root_dir`), not the superuser.
TREE_ROOT_WORDS = frozenset({"id", "ids", "pk", "node", "nodes", "dir", "directory", "path", "url", "uri", "folder",
                             "comment", "post", "thread", "message", "element", "item", "page", "tree", "category",
                             "task", "doc", "document", "object", "obj", "cause", "span", "key"})
# Words after `admin` or `staff` that make it a part of the site (`is_admin_request`, `admin_url`, `staff_area`): which
# pages a request asks for, which the URL it was routed by says, not what its sender may do.
SITE_PART_WORDS = frozenset({"request", "requests", "url", "urls", "path", "paths", "page", "pages", "site", "area",
                             "section", "prefix", "endpoint", "route", "routes"})
SITE_OWNERS = frozenset({"admin", "administrator", "staff"})
IDENTITY_WORDS = frozenset({"uid", "userid"})
# The words before a last word `id` that make a name a user's identity (`user_id`, `accountId`).
IDENTITY_ID_OWNERS = frozenset({"user", "account", "owner", "customer"})
# Words of the text a value is compared with that name a role: a client who must send it claims that role.
ROLE_NAMES = frozenset({"admin", "administrator", "superuser", "staff", "moderator", "root", "sudo", "owner", "manager"})
ROLE_QUALIFIERS = frozenset({"super", "site", "global", "org", "team", "account", "system", "sys"})
# A credential sent by the client and checked (a shared token) is authentication, another rule's concern.
CREDENTIAL_WORDS = frozenset({"token", "key", "secret", "password", "signature", "sig", "authorization", "apikey", "hmac"})
# What a client presents to prove who it is: a credential, or a one-time code from a link or a message.
PRESENTED_WORDS = CREDENTIAL_WORDS | {"code", "otp", "pin"}
# The expressions whose value a condition may trust as a client's claim.
CLAIM_TYPES = frozenset({cst.Name, cst.Attribute, cst.Subscript, cst.Call})
# How the message names a value read from a token nobody verified.
UNVERIFIED_SUFFIX = ", the claims of a token whose signature nobody checked"
UNVERIFIED_ORIGIN = "`{}`" + UNVERIFIED_SUFFIX
# The methods a framework asks whether to let the caller in, whose answer is what they return: DRF's permission
# classes, Django's `UserPassesTestMixin`.
PERMISSION_ANSWERS = frozenset({"has_permission", "has_object_permission", "test_func"})
# A predicate named for a privilege (`is_admin(request)`, `is_staff`, `has_admin_role`): its callers let in whom it
# answers yes for, so what it returns decides as a permission check's answer does.
PREDICATE_VERBS = frozenset({"is", "has", "can"})


def _answers_for_a_privilege(name: str) -> bool:
    """A framework's permission check, or a predicate whose name asks about a privilege (`is_admin`)."""
    words = name_words(name)
    return name in PERMISSION_ANSWERS or (len(words) > 1 and words[0] in PREDICATE_VERBS
                                         and bool(_privilege_words(words[1:])))
# Server-side identity: comparing the client's claim against it is a check, not trust.
SERVER_IDENTITY = ("current_user", "request.user", "g.user", "session", "self.request.user", "get_current_user", "identity",
                   "get_jwt_identity", "claims", "auth.user")


# A decorator named for the owners of the resource a view manages (`list_owner_required`, `require_owner`): the server
# decided who manages it, so a role the URL names picks what the owner edits, as an administrator's form does.
OWNER_WORDS = frozenset({"owner", "owners"})
OWNER_GUARD_WORDS = frozenset({"require", "required", "requires", "only", "must"})


def _restricted_to_owners(function: cst.FunctionDef) -> bool:
    names = (dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or ""
             for d in function.decorators)
    return any(OWNER_WORDS & words and OWNER_GUARD_WORDS & words
               for words in (set(name_words(name.rpartition(".")[2])) for name in names))


def _is_privilege_name(name: str | None) -> tuple[bool, bool]:
    """(names a privilege or identity claim, names a user identity) for a key or variable name."""
    words = name_words(name or "")
    if not words or CREDENTIAL_WORDS & set(words):
        return False, False
    identity = bool(IDENTITY_WORDS & set(words)) or (len(words) > 1 and words[-1] == "id" and words[-2] in IDENTITY_ID_OWNERS)
    return bool(_privilege_words(words)) or identity, identity


def _privilege_words(words: list[str]) -> frozenset[str]:
    """The words of a name that name a privilege: `root` only where no tree's part follows it (`is_root`, `root_user`;
    not `root_id`, the first comment of a thread), `admin` and `staff` only where no part of the site follows them
    (`is_admin`, `admin_user`; not `is_admin_request`, a request for the admin site's pages)."""
    found = PRIVILEGE_WORDS & set(words)
    if "root" in found and words[-1] != "root" and all(
            following in TREE_ROOT_WORDS for before, following in zip(words, words[1:], strict=False) if before == "root"):
        found -= {"root"}
    for owner in found & SITE_OWNERS:
        if words[-1] != owner and all(following in SITE_PART_WORDS
                                      for before, following in zip(words, words[1:], strict=False) if before == owner):
            found -= {owner}
    return found


# Literals a flag is compared with to read it as a yes (`== "1"`, `== "true"`): the comparison only reads the flag.
FLAG_LITERALS = frozenset({"1", "true", "True", "yes", "on"})


def _client_flag(value: cst.BaseExpression) -> cst.BaseExpression | None:
    """The value a permission check returns as its answer, unwrapped: `bool(x)`, `x == "true"`, `x is True`, `x`."""
    if type(value) is cst.Call and dotted_name(value.func) == "bool" and len(value.args) == 1:
        value = value.args[0].value
    if type(value) is cst.Comparison and len(value.comparisons) == 1:
        right = value.comparisons[0].comparator
        literal = string_value(right) if type(right) is cst.SimpleString else dotted_name(right)
        if literal not in FLAG_LITERALS or type(value.comparisons[0].operator) not in (cst.Equal, cst.Is):
            return None
        value = value.left
    return value if type(value) in CLAIM_TYPES else None


def _may_name_a_claim(function: cst.FunctionDef, statements: tuple[cst.CSTNode, ...]) -> bool:
    """Whether a test of the function may find a claim (`_check_condition`): a privilege or identity name among its
    names and strings (`_is_privilege_name`: every key a taint carries is one of them, a literal, an attribute or a
    parameter), a block refusing the request (`_denies_access`: its names and codes are among them too), or one handing
    out a fixed identity (`_returns_fixed_identity`: any `return` of the function's own, not only in a block after a
    test). A superset: a credential word does not rule a name out here."""
    names = walked_names(function) or ()
    words = set(name_words("\n".join(names)))
    if words & (PRIVILEGE_WORDS | IDENTITY_WORDS) or ("id" in words and words & IDENTITY_ID_OWNERS):
        return True
    if any(name in DENYING_NAMES or name in DENYING_CODES for name in names):
        return True
    return any(type(s) is cst.Return and _fixed_identity(s) for s in statements)  # (every `return` of the function)


HINT = ("Take roles and identity from the server-side session or a verified token (`current_user`, `request.user`), "
        "never from request parameters, headers, cookies or the body.")
BACKDOOR_HINT = ("Remove the bypass, or switch it on only from server-side configuration in tests, never from a "
                 "request header or cookie.")
# Keys of a returned dict that make it an identity, and words of a class that makes one.
IDENTITY_KEYS = frozenset({"id", "user", "user_id", "userid", "username", "sub", "uid", "email", "login"})
IDENTITY_CLASS_WORDS = frozenset({"user", "principal", "identity", "account"})
# Text every module with an unverified decode holds: the library's name (every decoder is `jwt.*` or `jose.jwt.*`)
# and `verif` (`verify_signature`, `verify=False`, `get_unverified_claims`).
UNVERIFIED_HINTS = ("jwt", "verif")

class ClientControlledAuthorization(FlowRule):
    """An `if` decides about privileges from a role, admin flag or user id the client sent.

    ## What it does
    Reports a condition (`if`, `elif`, `while`, a conditional expression) that tests client-controlled
    data read under a privilege-like name: `request.args.get("admin")`, a `role`/`is_admin`/`is_staff`/
    `permissions` value from headers, cookies, the query string or the body (also after being stored in a
    variable; `root` names the superuser only where no part of a tree follows it: `is_root`, `root_user`, not a
    thread's `root_id`; `admin` and `staff` only where no part of the site follows them: not django-axes'
    `is_admin_request`, whether the path is the admin site's), a FastAPI route parameter such as `x_role`, or a
    `user_id` claim that is not compared with the server-side identity (`current_user`, `request.user`, `session`).
    What a framework's permission check returns is its decision: DRF's `has_permission`/`has_object_permission` or
    Django's `test_func` returning the client's flag as it came (`return bool(request.data.get("is_triager"))`, `==
    "true"`), whatever its name (not a credential the client presents, `X-Api-Token`), is reported too, and so is a
    predicate named for a privilege (`is_admin(request)`, `has_staff_role`) answering with a role the client names
    (`return request.headers.get("X-Role") == "admin"`). The claims of
    a JWT decoded without checking its signature (`jwt.decode(t, options={"verify_signature": False})`,
    `get_unverified_claims(t)`) are the client's too, also when a function of the same module returns them (`if
    current_claims().get("is_admin"):`, a method called as `self.claims()`, or through a variable); when such a
    function lives in another module of the project, the walk notes the condition and the helper, and VC417 (which
    joins flows across modules) reports it, as it does for a helper of this or another module that returns request
    data (`def get_role(): return request.headers["X-Role"]`, then `if get_role() == "admin":`, or a method called as
    `self.role()`; the claim named by the helper, the header it is given, the key read or the variable). Whatever the
    value is called, a test of a header or cookie against fixed text before a refusal (`if x_internal_caller not in
    {"scheduler", "billing"}: raise HTTPException(403)`, also in a FastAPI dependency's `Header()` parameter) is
    reported too: the client need only send that text. So is a tenant id the client sends in a header (`X-Tenant-ID`,
    `X-Org-Id`, a team picker's `X-Team-Id`, `X-Workspace`, `X-Account-Id`, FastAPI's `x_tenant_id: int = Header()`)
    that scopes a query: a keyword named for a tenant (`filter_by(tenant_id=tenant_id)`, `team_id=`; not one
    describing it, `account_type=`), the key of a tenant model's lookup (`request.tenant =
    Organization.objects.get(pk=org_id)` in a middleware, also by its `slug` or `uuid`; a class whose `__call__` hands
    its request to `self.get_response(request)` is a Django middleware, whatever its module imports) or a comparison
    with a tenant column (`Project.tenant_id ==
    x_tenant_id`), unless the lookup also names the caller (`request.user.organizations.get(pk=org_id)`,
    `filter_by(org_id=org_id, user_id=current_user.id)`) or an `if` tested the id together with the signed-in user
    first: the header decides whose data the request reaches (CWE-639), an authorisation decision as much as a role's
    test is; VC217 is about privileges the client grants itself. So is a test of any request value against the name of
    a role before a refusal (`if request.args.get("as") != "moderator": abort(403)`). A GraphQL resolver's request is
    the one its resolve info carries (`info.context.request.headers`, and Graphene's `info.context`). Values that
    describe the request rather than its sender (`Origin`, `Referer`, `Content-Type`, `X-Requested-With`) are not. So
    is such a test before a block that hands out an identity made of literals (`if request.headers.get("mock-mode") ==
    "true": return {"id": "mock-user"}`, `return User(id=1, name="admin")`), whatever the header is called, a
    token-named one included: a bypass left in an authentication function lets in anyone who sends that text.
    Credentials that are verified (tokens, keys, passwords) are not reported here, nor are tests of a value's type
    (`isinstance(perms, dict)`) or of its presence or its equality to a privilege before a refusal (`if
    perms.get("full_access"): raise HTTPException(403)`, `if role is not None and not caller.is_admin: raise
    HTTPException(403)`, `if data.role == "admin" and not premium: raise HTTPException(400)`): asking for a privilege
    then only gets the request refused (`role != "admin"` before the refusal, or `role == "guest"`, still lets in
    whoever claims the privilege); nor is `if role is None:` before a block that refuses nothing (it fills in a
    default), nor a test of an input's presence (`if root:`, `if permissions is not None:`) before a block that
    refuses nothing and hands that input to a call (`dag.partial_subset(task_ids=root)`: the root task of a graph, the
    permissions a caller asks about, data the handler works with), nor `if not user_id: return 400` (a field the form
    must carry), nor an id compared with a number before an error that refuses no one (`if user_id == 0: raise
    HTTPException(404)`: an id no record has), nor a test whose block compares what it lets through with the server's
    idea of the caller (`if target_user_id: return request.user.user_id == target_user_id`, an ownership check), nor a
    path tested for where it leads (`if not root.is_relative_to(BASE):`, `os.path.isdir(root)`: a directory). Nor are
    conditions in a route handler that only administrators reach (`admin: User = Depends(get_admin_user)`,
    `@admin_required`, `Depends(require_role("admin"))`, a route of a blueprint whose `before_request` hook in the
    file refuses non-admins, a DRF view whose permission classes name administrators: `permission_classes =
    [IsOrgAdmin]`, `@permission_classes([IsAdminUser])`, unless an action lists its own), nor in the methods of a
    Django admin class (`save_model(self, request, ...)` of a `ModelAdmin`, `SingletonModelAdmin` or inline in a
    module that uses `django.contrib.admin`: the admin site lets only signed-in staff in): the role or user a form
    names is then an administrator's choice. Likewise a view behind a decorator named for the owners of what it
    manages (`@list_owner_required`, `@require_owner`): the role its URL names picks the roster an owner edits (a view
    behind `@login_required` alone, and the owner decorator's own test of a header, still fire).

    ## Why is this bad?
    Everything in a request is chosen by the client: anyone can add `?admin=true`, a `X-Role: admin` header
    or `"is_admin": true` to a JSON body. A privilege decided that way is no privilege at all (CWE-807,
    CWE-639). Roles and identity must come from the server-side session or a verified token.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/users/<int:user_id>/delete")
    def delete_user(user_id):
        if request.headers.get("X-Role") == "admin":
            remove_user(user_id)
            return "deleted"
        return "forbidden", 403
    ```

    ## Use instead
    ```python
    from flask import Flask
    from flask_login import current_user, login_required

    app = Flask(__name__)

    @app.post("/users/<int:user_id>/delete")
    @login_required
    def delete_user(user_id):
        if current_user.role == "admin":
            remove_user(user_id)
            return "deleted"
        return "forbidden", 403
    ```

    ## References
    - [CWE-807: Reliance on Untrusted Inputs in a Security Decision](https://cwe.mitre.org/data/definitions/807.html)
    - [CWE-639: Authorization Bypass Through User-Controlled Key](https://cwe.mitre.org/data/definitions/639.html)
    - [OWASP Authorization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
    """

    file_hints = ("admin", "role", "staff", "superuser", "sudo", "root", "perm", "privilege", "authori", "authenti",
                  "owner", "moderator", "uid", "userid", "user_id", "accountid", "account_id", "customer_id",
                  "401", "403", "forbidden", "permissiondenied", "unauthorized", "notauthorized")
    scalar_inputs_matter = True

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A module that names a privilege or a refusal, or one that reads a tenant's header (`X-Tenant-ID`), whose
        queries it may scope by it."""
        lowered = source.lowered  # (the substrings first: a search of the whole source finds no literal to skip to)
        return super().hinted_in(source) or (("x-" in lowered or "x_" in lowered)
                                             and TENANT_HEADER_TEXT.search(lowered) is not None)

    _in_route = False
    _reads_message = False
    _injected: frozenset[str] = frozenset()
    code = "VC207"
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    name = "client-controlled-authorization"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (807, 639)

    records_summaries = True
    _unverified_helpers: dict[str, str] = {}
    _function: str | None = None  # the function being walked, as the project phase names it (`f`, `Class.f`)
    _statement: cst.CSTNode | None = None
    _admin_only = False  # the function is a route handler only administrators reach
    _admin_classes: list[bool]  # for each class around the walk, whether it is a Django admin class
    _admin_receivers: frozenset[str] = frozenset()  # blueprints whose `before_request` hook admits only admins
    _answers_permission = False  # the function is a framework's permission check: what it returns lets the caller in

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self.__dict__.setdefault("_admin_classes", []).append(
            is_django_admin_class(node, self.context.imports) or admin_permission_class(drf_permission_classes(node)))

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        super().leave_ClassDef(original_node)
        self._admin_classes.pop()

    _tenant_headers = False  # the module reads a tenant's header (`X-Tenant-ID`): its queries' scopes are checked
    _tenant_checked: set[str]  # names of the function an `if` tested together with the signed-in user

    def visit_Module(self, node: cst.Module) -> None:
        self._admin_receivers = admin_hooked_receivers(node) if "before_request" in self.context.source \
            else frozenset()
        self._tenant_headers = TENANT_HEADER_TEXT.search(self.context.source) is not None
        self._tenant_checked = set()  # the module's own statements are walked too, outside any function
        # most modules decode no token, and need no search of every function for helpers
        if all(hint in self.context.source for hint in UNVERIFIED_HINTS):
            self._unverified_helpers = _unverified_helpers(node, self.qualified_name)
            self._summarise_helpers(node)
        super().visit_Module(node)

    def _summarise_helpers(self, module: cst.Module) -> None:
        """Tell the project phase which module functions return unverified claims: a condition in another module that
        trusts their result is joined to them there (VC417 reports it, as it reports every flow across modules)."""
        functions = {s.name.value: s for s in module.body if isinstance(s, cst.FunctionDef)}
        for name, origin in self._unverified_helpers.items():
            function = functions.get(name)
            if function is not None:
                parameters = [p.name.value for p in (*function.params.posonly_params, *function.params.params)]
                self._summary(name, parameters)["returns"].append(["request", origin])

    def _summary(self, function: str, parameters: list[str]) -> dict[str, Any]:
        functions = self.context.facts.setdefault(SUMMARY_FACT, {}).setdefault(self.code, {})
        return functions.setdefault(function, {"parameters": parameters, "sinks": [], "returns": [], "calls": []})

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, self._source, checks_clear=False)

    def _source(self, node: cst.BaseExpression, state: FlowState) -> Taint | None:
        """Request data, and the claims of a token nobody verified (decoded here or by a helper of this module)."""
        found = request_source(node, state)
        if found is not None or type(node) is not cst.Call:
            return found
        if decodes_unverified(node, state.qualified_name):
            return Taint("request", UNVERIFIED_ORIGIN.format(short_code(node)))
        helper = dotted_name(node.func) if self._unverified_helpers else None
        if helper in self._unverified_helpers:
            return Taint("request", UNVERIFIED_ORIGIN.format(f"{helper}()"), key=helper.rpartition(".")[2])
        callee = self._imported_callee(node) or self._local_callee(node)
        return Taint(CALL, callee) if callee is not None else None

    def _local_callee(self, call: cst.Call) -> str | None:
        """`local:get_role` for a call to a function of this module, `local:Api.role` for `self.role()` in a method of
        `Api`: the project phase knows whether it returns the client's data (`return request.headers["X-Role"]`)."""
        func = call.func
        if type(func) is cst.Name:
            return f"local:{func.value}" if func.value in module_functions(self.context.module) else None
        classes = self.__dict__.get("_classes")
        if type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self" and classes:
            return f"local:{classes[-1]}.{func.attr.value}"
        return None

    def _imported_callee(self, call: cst.Call) -> str | None:
        """`import:app.auth.current_claims` for a call to a function imported from outside the standard library
        (`current_claims()`, `tokens.current_claims()`): the project phase knows whether it returns the client's data."""
        func = call.func
        if type(func) is cst.Name:
            head, rest = func.value, ""
        elif type(func) is cst.Attribute and type(func.value) is cst.Name:
            head, rest = func.value.value, "." + func.attr.value
        else:
            return None
        module = self.context.imports.aliases.get(head)
        if module is None or not (rest or "." in module) or module.lstrip(".").split(".", 1)[0] in sys.stdlib_module_names:
            return None
        callee = module + rest
        return None if callee in PROPAGATING_CALLS else f"import:{callee}"  # `yaml.safe_load(body)` carries its argument's

    def skips(self, function: cst.FunctionDef) -> bool:
        """A function without a condition (`check` reads only the tests of `if`, `while` and conditional expressions
        of simple statements, and what a framework's permission check returns) decides nothing; nor does one that can
        name no claim (`_may_name_a_claim`)."""
        statements = walked_statements(function)
        answers = _answers_for_a_privilege(function.name.value)  # what it returns decides
        if self._tenant_headers:
            return False
        return statements is not None and (not any(
            type(s) is cst.If or type(s) is cst.While or answers and type(s) is cst.Return
            or (type(s) not in COMPOUND_STATEMENTS and cst.IfExp in map(type, iter_expressions(s)))  # (a scan in C)
            for s in statements) or not (answers or _may_name_a_claim(function, statements)))

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        self._tenant_checked = set()
        self._in_route = is_route_handler(function)
        self._answers_permission = _answers_for_a_privilege(function.name.value)
        # a GraphQL resolver's or gRPC servicer's arguments are the client's message, whose fields it reads
        self._reads_message = not self._in_route and bool(resolver_parameters(function, self.context.imports))
        own = drf_permission_classes(function)  # an action's own `permission_classes=` replace its class's
        self._admin_only = (self._in_route and restricted_to_admins(function, self._admin_receivers)) \
            or _restricted_to_owners(function) \
            or (not own and any(self.__dict__.get("_admin_classes", ())))
        self._injected = injected_parameters(function, self.context.imports, self.context.module) \
            if self._in_route else frozenset()
        classes = self.__dict__.get("_classes") or [None]
        self._function = f"{classes[-1]}.{function.name.value}" if classes[-1] else function.name.value
        if self._in_route and self._injected:
            self._bind_dependency_results(function, state)

    def _bind_dependency_results(self, function: cst.FunctionDef, state: FlowState) -> None:
        """`role: str = Depends(current_role)`: the parameter holds what the project's `current_role()` returns, which
        the project phase knows (the `X-Role` header, or claims decoded without the key), as if the route called it."""
        for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
            if param.name.value not in self._injected:
                continue
            markers = [param.default] if param.default is not None else []
            if param.annotation is not None:
                markers += [e for e in iter_expressions(param.annotation.annotation) if type(e) is cst.Call]
            for marker in markers:
                if type(marker) is cst.Call and (dotted_name(marker.func) or "").rpartition(".")[2] == "Depends" \
                        and marker.args and marker.args[0].keyword is None:
                    call = cst.Call(func=marker.args[0].value)
                    callee = self._imported_callee(call) or self._local_callee(call)
                    if callee is not None:
                        state.names[param.name.value] = Taint(CALL, callee, key=param.name.value)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        self._statement = node
        if self._tenant_headers and not self._admin_only:
            self._check_tenant_scopes(node, state)
        if type(node) is cst.If or type(node) is cst.While:  # not `isinstance`: ABCMeta is dear here
            self._check_condition(node.test, state, branch=node.body if type(node) is cst.If else None, used_in=node.body)
            return
        if type(node) in COMPOUND_STATEMENTS:
            return
        if self._answers_permission and type(node) is cst.Return and node.value is not None:
            self._check_condition(node.value, state, answer=_client_flag(node.value))
        for inner in iter_expressions(node):
            if type(inner) is cst.IfExp:
                self._check_condition(inner.test, state, used_in=inner.body)

    def _check_tenant_scopes(self, node: cst.CSTNode, state: FlowState) -> None:
        """A tenant id from a header that scopes a query (`filter_by(tenant_id=request.headers["X-Tenant-ID"])`), unless
        an `if` tested it together with the signed-in user first."""
        if type(node) is cst.If:
            self._tenant_checked |= tested_against_the_caller(node.test)
            return
        if type(node) in COMPOUND_STATEMENTS:
            return
        for value, taint in tenant_scopes(node, state):
            if not (self._tenant_checked & {inner.value for inner in iter_expressions(value) if type(inner) is cst.Name}):
                self.report(value, f"The tenant `{short_code(value)}` comes from the client's header (`{taint.origin}`) "
                            "and scopes this query with nothing checking that the caller belongs to it, so any user "
                            "reads or changes another tenant's data by sending its id.",
                            hint="Take the tenant from the signed-in user (`request.user.organization`, a membership "
                            "lookup) or check the header's tenant against the caller's memberships before using it.",
                            cwe=(639,))
                return

    def _check_condition(self, test: cst.BaseExpression, state: FlowState, *, branch: cst.BaseSuite | None = None,
                         used_in: cst.CSTNode | None = None, answer: cst.BaseExpression | None = None) -> None:
        """`branch`: the block an `if` test opens; when it refuses the request (401/403), the test decides who gets in,
        whatever the tested value is called: a header compared with fixed names (`x_internal_caller not in
        {"scheduler"}`). Read only for a test on request data that names no claim (it walks the whole block).
        `used_in`: what runs when the test passes (the block of an `if` or `while`, the value of a conditional
        expression). `answer`: the flag a permission check returns as it came (`return bool(request.data.get(
        "is_triager"))`): the client's flag is the decision, whatever it is called."""
        if self._admin_only:
            return  # an administrator chooses the role or user a form names: that is the handler's job
        recorded = False
        denies: bool | None = None  # not read yet
        keyed = _keyed_bases(test)
        for inner in iter_expressions(test):
            if type(inner) not in CLAIM_TYPES or id(inner) in keyed and not _names_a_claim(inner):
                continue
            taint = state.taint_of(inner)
            if taint is None or taint.kind not in ("request", CALL) or self._server_object(inner, taint):
                continue
            claim = self._claim(inner, taint)
            if claim is None and inner is answer and taint.kind == "request" and taint.key \
                    and not CREDENTIAL_WORDS & set(name_words(taint.key)):
                claim = taint.key
            if claim is None and branch is not None and taint.kind == "request":
                if denies is None:
                    denies = _denies_access(branch)
                if denies:
                    claim = _gatekeeping_claim(test, inner, taint)
                elif _returns_fixed_identity(branch):
                    backdoor = _gatekeeping_claim(test, inner, taint, credentials=True)
                    if backdoor is not None:
                        self.report(inner, f"The condition lets in whoever sends `{backdoor}` with the text it is "
                                    f"compared with (`{short_code(test)}`): the block hands out a fixed identity "
                                    "without any credential the server checks.", hint=BACKDOOR_HINT)
                        return
            if claim is None:
                continue
            privileged, identity = _is_privilege_name(claim)
            if identity and (_mentions_server_identity(test, self._injected)
                             or _compared_with_server_identity(used_in, inner, self._injected)
                             or _checked_with_credential(test, inner)):
                continue
            if _validated_against_collection(test, inner) or _handed_to_an_action(test, inner) \
                    or _tested_as_path(test, inner):
                continue
            if _only_refuses_a_request_for_it(test, inner, branch):
                continue
            if privileged and not identity and _optional_input(test, inner, used_in):
                continue
            if identity and not _privileged_words(claim) and _optional_filter(test, inner, taint):
                continue
            code = short_code(inner)
            if taint.kind == CALL and taint.origin.removeprefix("local:") in _authenticating_helpers(self.context):
                continue
            if taint.kind == CALL:
                # noted once for the project phase; client data read in the condition itself is still reported here
                # (`if is_admin_role(request.headers["X-Role"]):`)
                if not recorded:
                    self._record(inner, code, claim, taint.origin)
                    recorded = True
                continue
            source = "" if taint.origin in (code, claim) else f", read from {_quoted(taint.origin)}"
            self.report(inner, f"The condition trusts `{code}` (`{claim}`{source}), a value the client chooses, to decide "
                        "about privileges.", hint=HINT)
            return

    def _record(self, node: cst.CSTNode, code: str, claim: str, callee: str) -> None:
        """A privilege decided by what an imported function returns: the project phase reports it if that function
        returns the client's data (`current_claims()` decoding the bearer token without its key)."""
        if self._function is None or self._statement is None:
            return
        statement = self._statement
        if isinstance(statement, cst.BaseCompoundStatement):
            statement = statement.with_changes(leading_lines=())
        first = cst.Module([]).code_for_node(statement).strip().splitlines()
        message = (f"The condition trusts `{code}` (`{claim}`, read from `{ORIGIN}`), a value the client chooses, to "
                   "decide about privileges.")
        sink = [CALL, callee, message, HINT, list(self.cwe), code, self.severity.value, first[0].strip() if first else ""]
        self._summary(self._function, [])["sinks"].append(sink)

    def _server_object(self, node: cst.CSTNode, taint: Taint) -> bool:
        """`user.is_authenticated`, `address.user_id`: an attribute of a Django view's parameter.

        A Django URL capture is a string or a number; a parameter whose attributes are read holds an object
        the server loaded (a user, a model instance), so the function is a helper, not a view reading its URL.
        """
        if self._in_route or self._reads_message or not isinstance(node, cst.Attribute):
            return False
        root = node.value
        while isinstance(root, cst.Attribute):
            root = root.value
        return isinstance(root, cst.Name) and root.value == taint.origin

    def _claim(self, node: cst.CSTNode, taint: Taint) -> str | None:
        """The privilege-like name under which the tested value was read, or None."""
        candidates = [taint.key]
        if isinstance(node, cst.Name):
            candidates.append(node.value)
        elif isinstance(node, cst.Attribute):
            candidates.append(node.attr.value)
        elif isinstance(node, cst.Call) and taint.kind == CALL:
            # `if get_role() == "admin":`, `if header("X-Role") == "admin":` name the claim a helper of another
            # module returns (the project phase reports it only if that helper returns the client's data)
            candidates.append((dotted_name(node.func) or "").rpartition(".")[2])
            if node.args:
                candidates.append(string_value(node.args[0].value))
        for candidate in candidates:
            if candidate and _is_privilege_name(candidate)[0]:
                return candidate
        return None


def _names_a_claim(node: cst.CSTNode) -> bool:
    """`permissions`, `self.roles`: a mapping named for a privilege, whatever field of it is read."""
    name = node.value if type(node) is cst.Name else node.attr.value if type(node) is cst.Attribute else None
    return name is not None and _is_privilege_name(name)[0]


def _keyed_bases(test: cst.BaseExpression) -> set[int]:
    """The mappings of which a test reads one field (`context["query"]`, `context.get("query")`): that field is what it
    tests, not the client's role stored beside it (`context["role"] = role`); the field read is judged itself, and so
    is a mapping named for a privilege (`_names_a_claim`)."""
    bases: set[int] = set()
    for node in iter_expressions(test):
        if keyed_read(node) is None:
            continue
        if type(node) is cst.Subscript:
            bases.add(id(node.value))
        elif type(node) is cst.Call and type(node.func) is cst.Attribute:
            bases.update((id(node.func), id(node.func.value)))
    return bases


# Calls that compare a presented secret with the server's in constant time.
CONSTANT_TIME_COMPARISONS = frozenset({"compare_digest", "constant_time_compare", "safe_str_cmp"})


def _authenticating_helpers(context: RuleContext) -> frozenset[str]:
    """The module's functions whose every `return` compares what the client presents with a credential of the
    server's (`return request.headers.get("X-API-Key", "") == API_KEY`, `hmac.compare_digest(key, API_KEY)`): their
    answer says whether a secret matched, not which privilege the client claims. Once per file: every condition
    that reads a call's result asks."""
    known: frozenset[str] | None = context.shared.get(_authenticating_helpers)
    if known is None:
        found = set()
        for statement in context.module.body:
            if type(statement) is not cst.FunctionDef:
                continue
            values = [node.value for node in own_returns(statement.body)]
            if values and all(value is not None and _compares_a_credential(value) for value in values):
                found.add(statement.name.value)
        known = context.shared[_authenticating_helpers] = frozenset(found)
    return known


def _compares_a_credential(value: cst.BaseExpression) -> bool:
    """A comparison with a value named for a credential (`API_KEY`, `settings.webhook_secret`), or a constant-time
    comparison, anywhere in a returned expression."""
    for inner in iter_expressions(value):
        if type(inner) is cst.Call and (dotted_name(inner.func) or "").rpartition(".")[2] in CONSTANT_TIME_COMPARISONS:
            return True
        if type(inner) is cst.Comparison and any(
                type(operand) in (cst.Name, cst.Attribute)
                and CREDENTIAL_WORDS & set(name_words((dotted_name(operand) or "").rpartition(".")[2]))
                for operand in (inner.left, *(target.comparator for target in inner.comparisons))):
            return True
    return False


# The first words of calls that store or change what they are given (`clip.assign_role(name, role)`,
# `settings.update_role(role)`): a test of such a call asks whether the change was made, not whether the value may do
# something. (Granting a privilege the client chose is VC217's.)
ACTION_VERBS = frozenset({"assign", "set", "add", "update", "save", "store", "put", "insert", "write", "apply", "rename",
                          "remove", "delete", "append", "attach", "detach", "create", "change", "edit", "move", "copy"})
# Calls and names that refuse a request: `abort(403)`, `raise HTTPException(status_code=403)`, `PermissionDenied()`.
DENYING_NAMES = frozenset({"PermissionDenied", "HTTPForbidden", "HTTPUnauthorized", "Forbidden", "Unauthorized",
                           "NotAuthorizedException", "PermissionDeniedException", "AuthenticationFailed", "NotAuthenticated",
                           "HTTP_401_UNAUTHORIZED", "HTTP_403_FORBIDDEN", "HttpResponseForbidden"})
DENYING_CODES = frozenset({"401", "403"})
# Tests of a value's mere presence: `perms.get("full_access")`, `is_admin`, `data["sudo"]`.
TRUTHINESS_TESTS = frozenset({cst.Call, cst.Name, cst.Attribute, cst.Subscript})
# Values a browser sets or that describe the request, not who sends it: checking them is CSRF defence or content
# negotiation (`if request.headers.get("Origin") not in ALLOWED_ORIGINS: abort(403)`), not trust in a claim.
# The client's address (`X-Real-IP`, `X-Forwarded-For`, `REMOTE_ADDR`) is VC419's to judge.
REQUEST_DESCRIPTION_WORDS = frozenset({"origin", "referer", "referrer", "host", "content", "type", "accept", "agent",
                                       "method", "fetch", "mode", "site", "dest", "encoding", "length", "format",
                                       "ip", "forwarded", "addr", "remote"})
# The client's address among them, VC419's to judge also where a fixed identity is handed out for it.
CLIENT_ADDRESS_WORDS = frozenset({"ip", "forwarded", "addr", "remote"})
# Headers that say how the request was sent (`X-Requested-With: XMLHttpRequest`, htmx's `HX-Request`): a view picks the
# form of its answer by them (a 403 for scripts, a redirect for browsers), not who may have it.
REQUEST_DESCRIPTION_HEADERS = frozenset({"x-requested-with", "hx-request", "hx-boosted"})


def _denies_access(body: cst.BaseSuite) -> bool:
    """The block refuses the request: raises or returns a 401/403 (`abort(403)`, `HTTPException(status_code=403)`)."""
    for node in walk_own(body):
        if type(node) is cst.Integer and node.value in DENYING_CODES:
            return True
        if type(node) is cst.Name and node.value in DENYING_NAMES:
            return True
        if type(node) is cst.Attribute and node.attr.value in DENYING_NAMES:
            return True
    return False


def _checked_with_credential(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`check_validation_key(activation_key, user_id, registry)`, `verify_reset(user_id, token)`: the id goes to a check
    with a credential the client presents, which proves the id as a password proves a user name."""
    for inner in iter_expressions(test):
        if type(inner) is cst.Call and any(arg.value is value for arg in inner.args) and any(
                PRESENTED_WORDS & set(name_words((dotted_name(arg.value) or "").rpartition(".")[2]))
                for arg in inner.args if arg.value is not value):
            return True
    return False


def _gatekeeping_claim(test: cst.BaseExpression, value: cst.CSTNode, taint: Taint, *,
                       credentials: bool = False) -> str | None:
    """The name of a header or cookie that a test before a refusal compares with fixed text (`x_caller != "cron"`,
    `request.headers.get("X-Client") not in {"ops", "billing"}`): the client need only send that text. A credential,
    compared with a secret, is authentication; a value describing the request (`Origin`) is no claim of identity.
    With `credentials` (the test hands out an identity), a credential-named header is a claim too: compared with text
    written in the code (`test_token == "test_token"`), it is a password everyone can read; and so is a value that
    describes the request (`X-Mock-Mode`, `Origin`), which any client can send, though not the client's address."""
    name = taint.key or (value.value if isinstance(value, cst.Name) else value.attr.value
                         if isinstance(value, cst.Attribute) else None)
    origin = (taint.origin or "").lower()
    if not ("header" in origin or "cookie" in origin or (name or "").lower().startswith(("x_", "x-"))):
        # a path or query value compared before a 403 (`item_id != "plumbus"`) picks an object, unless the text it must
        # match is a role's name (`request.args.get("as") != "moderator"`): the client claims the role
        return None if credentials else _compared_role(test, value)
    words = set(name_words(name or ""))
    described = words & (CLIENT_ADDRESS_WORDS if credentials else REQUEST_DESCRIPTION_WORDS) \
        or (not credentials and (name or "").lower().replace("_", "-") in REQUEST_DESCRIPTION_HEADERS)
    if not words or (words & CREDENTIAL_WORDS and not credentials) or described:
        return None
    for inner in iter_expressions(test):
        if isinstance(inner, cst.Comparison) and inner.left is value and len(inner.comparisons) == 1:
            target = inner.comparisons[0]
            if isinstance(target.operator, VALIDATING_OPERATORS) and _fixed_text(target.comparator):
                return name
    return None


def _compared_role(test: cst.BaseExpression, value: cst.CSTNode) -> str | None:
    """`request.args.get("as") != "moderator"` (or `not in ("admin", "staff")`): the text a client value must match
    names a role (and nothing else: `"admin-guide"` names a page), so sending that text is claiming the role. Returned as
    the claim (`moderator`)."""
    for inner in iter_expressions(test):
        if not (isinstance(inner, cst.Comparison) and inner.left is value and len(inner.comparisons) == 1):
            continue
        target = inner.comparisons[0]
        if not isinstance(target.operator, (cst.NotEqual, cst.NotIn)):
            continue
        comparator = target.comparator
        texts = [string_value(e.value) for e in comparator.elements] \
            if isinstance(comparator, (cst.Set, cst.List, cst.Tuple)) else [string_value(comparator)]
        words = [name_words(t or "") for t in texts]
        if texts and all(w and set(w) <= ROLE_NAMES | ROLE_QUALIFIERS for w in words) \
                and all(set(w) & ROLE_NAMES for w in words):
            return texts[0]
    return None


def _returns_fixed_identity(block: cst.BaseSuite) -> bool:
    """The block returns a user made of literals (`return {"id": "test-user", "username": "test-user"}`,
    `return User(id=0, name="dev")`): an identity the client gets by passing the test, not one a credential proved."""
    for node in walk_own(block):
        if type(node) is cst.Return:
            answer = _fixed_identity(node)
            if answer is not None:
                return answer
    return False


def _fixed_identity(statement: cst.Return) -> bool | None:
    """For `_returns_fixed_identity`: whether a `return` of a user (a dict with an identity key, a call to a user-like
    class with arguments) makes it of literals; None for a return of something else."""
    value = statement.value
    if type(value) is cst.Dict and any(
            type(e) is cst.DictElement and (string_value(e.key) or "").lower() in IDENTITY_KEYS for e in value.elements):
        return _all_literals(value)
    if type(value) is cst.Call and set(name_words((dotted_name(value.func) or "").rpartition(".")[2])) \
            & IDENTITY_CLASS_WORDS and value.args:
        return _all_literals(value)
    return None


def _all_literals(node: cst.BaseExpression) -> bool:
    """Every value in the dict or the call's arguments is written in the code (`{"id": 0}`, `User(id=1, name="dev")`)."""
    if type(node) is cst.Dict:
        return all(type(e) is cst.DictElement and _all_literals(e.value) for e in node.elements)
    if type(node) is cst.Call:
        return all(_all_literals(a.value) for a in node.args)
    if isinstance(node, (cst.List, cst.Tuple)):
        return all(_all_literals(e.value) for e in node.elements)
    if type(node) is cst.Name:
        return node.value in ("True", "False", "None")
    if type(node) is cst.UnaryOperation:
        return _all_literals(node.expression)
    return type(node) in (cst.Integer, cst.Float) or string_value(node) is not None


def _fixed_text(node: cst.BaseExpression) -> bool:
    """A string literal, or a display of string literals (`{"scheduler", "reconciler"}`)."""
    if isinstance(node, (cst.Set, cst.List, cst.Tuple)):
        return bool(node.elements) and all(string_value(e.value) is not None for e in node.elements)
    return string_value(node) is not None


def _quoted(origin: str) -> str:
    return origin if origin.endswith(UNVERIFIED_SUFFIX) else f"`{origin}`"


def _unverified_helpers(module: cst.Module, qualified_name: Callable[[cst.CSTNode], str | None]) -> dict[str, str]:
    """Functions of the module (`name`) and methods of its classes (`self.name`) that return the claims of a token
    nobody verified, directly, through a variable or through another such helper (`def current_claims(): return
    jwt.decode(t, options={"verify_signature": False})`), each with the unverified decode it returns."""
    functions = [(s.name.value, s) for s in module.body if isinstance(s, cst.FunctionDef)]
    for statement in module.body:
        if isinstance(statement, cst.ClassDef) and isinstance(statement.body, cst.IndentedBlock):
            functions += [(f"self.{s.name.value}", s) for s in statement.body.body if isinstance(s, cst.FunctionDef)]
    helpers: dict[str, str] = {}
    for _ in range(2):  # a helper that returns another helper's claims
        for name, function in functions:
            nodes = list(walk_own(function.body))
            assigns = [n for n in nodes if isinstance(n, cst.Assign)]
            claims: dict[str, str] = {}
            for _ in range(2):  # `payload = decode(...)` then `claims = payload["data"]`, in any order of the walk
                for assign in assigns:
                    origin = _carried_claims(assign.value, claims, helpers, qualified_name)
                    if origin is not None:
                        claims.update((t.target.value, origin) for t in assign.targets if isinstance(t.target, cst.Name))
            returned = (_carried_claims(n.value, claims, helpers, qualified_name) for n in nodes
                        if isinstance(n, cst.Return) and n.value is not None)
            origin = next((o for o in returned if o is not None), None)
            if origin is not None:
                helpers[name] = origin
    return helpers


def _carried_claims(value: cst.BaseExpression, claims: dict[str, str], helpers: dict[str, str],
                    qualified_name: Callable[[cst.CSTNode], str | None]) -> str | None:
    """The unverified decode (its code) whose claims `value` carries, if any."""
    for node in walk_own(value):
        if isinstance(node, cst.Name) and node.value in claims:
            return claims[node.value]
        if isinstance(node, cst.Call):
            if decodes_unverified(node, qualified_name):
                return short_code(node)
            helper = helpers.get(dotted_name(node.func) or "")
            if helper is not None:
                return helper
    return None


def _privileged_words(name: str) -> bool:
    return bool(_privilege_words(name_words(name)))


def _optional_filter(test: cst.BaseExpression, value: cst.CSTNode, taint: Taint) -> bool:
    """`if user_id is None:` on a query parameter picks a filter, and `if not user_id: return 400` asks for a field the
    form must carry: neither authenticates (a header or cookie would), whatever the value is."""
    origin = (taint.origin or "").lower()
    if "header" in origin or "cookie" in origin or (isinstance(value, cst.Name) and value.value.startswith("x_")):
        return False
    if any(type(part) is cst.UnaryOperation and type(part.operator) is cst.Not and part.expression is value
           for part in _joined(test, cst.Or)):
        return True  # also `if not uid or not token: return 400` (not `if uid: session["user"] = load_user(uid)`)
    for inner in iter_expressions(test):
        if isinstance(inner, cst.Comparison) and inner.left is value and len(inner.comparisons) == 1:
            target = inner.comparisons[0]
            if isinstance(target.operator, (cst.Is, cst.IsNot)) and isinstance(target.comparator, cst.Name) \
                    and target.comparator.value == "None":
                return True
    return False


def _only_refuses_a_request_for_it(test: cst.BaseExpression, value: cst.CSTNode, branch: cst.BaseSuite | None) -> bool:
    """`if isinstance(perms, dict) and perms.get("full_access"): raise HTTPException(403)`: the value is tested only for
    its type, or for being present before a refusal, or an id is compared with a number before an error that denies
    nothing (`if user_id == 0: raise HTTPException(404)`). Asking for a privilege then only gets the request refused; what
    the client leaves out grants nothing (unlike `if not request.json.get("is_admin"): abort(403)`)."""
    for part in _conjuncts(test):
        if not any(node is value for node in walk_own(part)):
            continue
        if _is_type_check(part):
            return True
        if branch is None:
            return False
        if _is_number_test(part, value) and _raises(branch) and not _denies_access(branch):
            return True  # `if user_id == 0: raise HTTPException(404)`: an id no record has, not a caller let in
        if _is_none_test(part, value, negated=False):
            return not _denies_access(branch)  # `if role is None: role = DEFAULT_ROLE` fills in a default
        refuses = _denies_access(branch)
        return (refuses and (type(part) in TRUTHINESS_TESTS or _is_none_test(part, value, negated=True))) \
            or ((refuses or _raises(branch)) and _asks_for_a_privilege(part, value))
    return False


def _optional_input(test: cst.BaseExpression, value: cst.CSTNode, used_in: cst.CSTNode | None) -> bool:
    """`if root: dag = dag.partial_subset(task_ids=root)`, `if permissions_json: json.loads(permissions_json)`: a test of
    an optional input's presence before what runs then hands that input to a call, and refuses nobody. A flag the
    client sets (`if is_admin: grant()`) is only tested; a value passed on is data the handler works with (the root
    task of a graph, the permissions a caller asks about)."""
    if used_in is None or type(value) is not cst.Name or (isinstance(used_in, cst.BaseSuite) and _denies_access(used_in)):
        return False
    if not any(part is value or _is_none_test(part, value, negated=True) for part in _conjuncts(test)):
        return False
    return any(type(node) is cst.Arg and type(node.value) is cst.Name and node.value.value == value.value
               for node in walk_own(used_in))


def _is_number_test(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`value == 0`, `value < 1`: the value compared with a number, a range or sentinel check of an id."""
    return type(test) is cst.Comparison and test.left is value and len(test.comparisons) == 1 \
        and type(test.comparisons[0].comparator) is cst.Integer


def _is_none_test(test: cst.BaseExpression, value: cst.CSTNode, *, negated: bool) -> bool:
    """`value is None` (or, `negated`, `value is not None`: a test of its presence)."""
    if type(test) is not cst.Comparison or test.left is not value or len(test.comparisons) != 1:
        return False
    target = test.comparisons[0]
    return type(target.operator) is (cst.IsNot if negated else cst.Is) and type(target.comparator) is cst.Name \
        and target.comparator.value == "None"


def _raises(block: cst.BaseSuite) -> bool:
    return any(type(node) is cst.Raise for node in walk_own(block))


def _asks_for_a_privilege(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`data.role == "admin"`, `data.user_role in [Roles.PROXY_ADMIN, ...]`: the value equals a privilege. Before a
    refusal, asking for that privilege only gets the request refused (unlike `role != "admin"`, which lets in whoever
    claims it)."""
    if type(test) is not cst.Comparison or test.left is not value or len(test.comparisons) != 1:
        return False
    target = test.comparisons[0]
    if type(target.operator) not in (cst.Equal, cst.In, cst.Is):
        return False
    compared = target.comparator
    options = [e.value for e in compared.elements] if isinstance(compared, (cst.List, cst.Tuple, cst.Set)) else [compared]
    return bool(options) and all(_privileged_words(string_value(o) or (dotted_name(o) or "").rpartition(".")[2])
                                 for o in options)


def _conjuncts(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The parts of a test joined by `and` (the test itself when it is no `and`)."""
    return _joined(test, cst.And)


def _joined(test: cst.BaseExpression, operator: type[cst.BaseBooleanOp]) -> list[cst.BaseExpression]:
    """The parts of a test joined by `operator` (`and` or `or`; the test itself when it joins nothing that way)."""
    if type(test) is cst.BooleanOperation and type(test.operator) is operator:
        return [*_joined(test.left, operator), *_joined(test.right, operator)]
    return [test]


def _is_type_check(test: cst.BaseExpression) -> bool:
    """`isinstance(x, dict)`, `not isinstance(x, dict)`: a check of the value's shape, not of what it grants."""
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        test = test.expression
    return type(test) is cst.Call and type(test.func) is cst.Name and test.func.value == "isinstance"


def _validated_against_collection(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`role not in ALLOWED_ROLES`: input validation against a named collection, not a privilege decision."""
    for inner in iter_expressions(test):
        if isinstance(inner, cst.Comparison) and inner.left is value and len(inner.comparisons) == 1:
            target = inner.comparisons[0]
            if isinstance(target.operator, (cst.In, cst.NotIn)) and isinstance(target.comparator, (cst.Name, cst.Attribute)):
                return True
    return False


def _handed_to_an_action(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`if not timeline.assign_role(clip, role):`: the value is an argument of a call that stores or changes it, and the
    test reads whether that worked (a role of a video clip, a label), not what the value entitles its sender to."""
    return any(type(inner) is cst.Call and any(arg.value is value for arg in inner.args)
               and _first_word((dotted_name(inner.func) or "").rpartition(".")[2]) in ACTION_VERBS
               for inner in iter_expressions(test))


# Tests of a file system path: a `root` or `owner_dir` they are asked about is a directory, not a privilege.
PATH_METHODS = frozenset({"is_relative_to", "relative_to", "exists", "is_dir", "is_file", "is_symlink", "samefile",
                          "is_absolute"})
PATH_FUNCTIONS = frozenset({"os.path.exists", "os.path.isdir", "os.path.isfile", "os.path.islink", "os.path.isabs",
                            "os.path.commonpath", "os.path.samefile"})


def _tested_as_path(test: cst.BaseExpression, value: cst.CSTNode) -> bool:
    """`if not root.is_relative_to(BASE):`, `if not os.path.isdir(root):`: the test asks where a path leads (a
    containment check against traversal), not what its sender may do."""
    for inner in iter_expressions(test):
        if type(inner) is not cst.Call:
            continue
        func = inner.func
        if type(func) is cst.Attribute and func.value is value and func.attr.value in PATH_METHODS:
            return True
        if dotted_name(func) in PATH_FUNCTIONS and any(arg.value is value for arg in inner.args):
            return True
    return False


def _first_word(name: str) -> str:
    words = name_words(name)
    return words[0] if words else ""


def _compared_with_server_identity(block: cst.CSTNode | None, claim: cst.CSTNode, injected: frozenset[str]) -> bool:
    """`if target_user_id: return request.user.user_id == target_user_id`: what the test lets through is compared with
    the server's idea of the caller, an ownership check (a DRF permission's `has_permission`)."""
    if block is None:
        return False
    named = dotted_name(claim)
    return named is not None and any(
        type(inner) is cst.Comparison and _mentions_server_identity(inner, injected)
        and any(dotted_name(part) == named for part in iter_expressions(inner))
        for inner in walk_own(block))


def _mentions_server_identity(test: cst.BaseExpression, injected: frozenset[str]) -> bool:
    """The test compares with the server's idea of the caller: `current_user.id`, or a FastAPI dependency's
    (`user_id != me.id` with `me: User = Depends(current_user)`)."""
    for inner in iter_expressions(test):
        dotted = dotted_name(inner)
        if dotted is not None and (dotted.startswith(SERVER_IDENTITY) or dotted.split(".", 1)[0] in injected):
            return True
    return False
