"""VC214: an authenticated handler loads, changes or deletes an object by a client-chosen id, never checking its owner."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.admin_routes import admin_permission_class, drf_permission_classes
from vibecheck.analysis.app_model.frameworks import VIEW_CAPTURES, name_words
from vibecheck.analysis.app_model.handlers import (
    ID_NAME,
    IDENTITY_EXPRESSIONS,
    OWNERSHIP_WORDS,
    ClassContext,
    Handler,
    ListedRoute,
    checks_role,
    class_context,
    context_caller,
    context_callers,
    dotted_uses,
    handler_of,
    listed_route_methods,
    parameters,
    resolver_guard,
    router_dependencies,
    signs_in_with,
    socket_connections_checked,
    tests_a_role,
)
from vibecheck.analysis.app_model.lambda_handlers import authorizer_read, lambda_handler
from vibecheck.analysis.app_model.names import restricts
from vibecheck.analysis.app_model.openapi import Operation, openapi_inputs, operations_for
from vibecheck.analysis.check_modules import check_modules_inputs
from vibecheck.analysis.flow import RESOURCE_PARAMETERS, dotted_name, short_code, string_value
from vibecheck.analysis.model_fields import owner_fields, ownerless_model, sibling_models_inputs
from vibecheck.analysis.project_functions import defines, defines_method, functions_index
from vibecheck.analysis.view_mixins import (
    CALLER_CHECKS_FACT,
    CALLER_MIXIN,
    caller_checking_classes,
    inherits_a_caller_check,
    inherits_a_project_check,
    module_classes,
)
from vibecheck.cst_fields import child_nodes, names_in, own_nodes_of, walk_own
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.answering_checks import answers_only
from vibecheck.rules.auth.lookup_path import off_path
from vibecheck.rules.auth.role_decorators import role_guard
from vibecheck.rules.auth.service_readers import annotated_class, annotation_aliases, service_readers

# ORM lookups by key: `X.objects.get(pk=pk)`, `X.query.get_or_404(id)`, `session.get(X, id)`, `.filter_by(id=id)`.
LOOKUP_METHODS = frozenset({"get", "get_or_404", "filter", "filter_by", "first_or_404", "one_or_none", "select_for_update",
                            "where", "get_by_id", "get_or_none", "find_one", "find_one_and_update",
                            "find_one_and_delete", "update_one", "delete_one", "by_id", "find_by_id", "fetch_by_id",
                            "get_by_pk", "find_by_pk",
                            # peewee's writes by primary key (`Note.delete_by_id(note_id)`, `Note.set_by_id(id, data)`)
                            "delete_by_id", "set_by_id"})
# Receivers of such lookups: an ORM's, and a project's own data-access object (`repo.by_id(id)`, `crud.item.get(db,
# id=id)` of FastAPI's project template), which reads the row it is asked for.
LOOKUP_RECEIVERS = frozenset({"objects", "query", "session", "db", "db_session", "Session", "select", "repo", "repository",
                              "crud", "dao", "dbsession",  # Pyramid's `request.dbsession`
                              # a write narrowed by `where`: peewee's and Piccolo's `Note.update(...).where(Note.id == id)`,
                              # `Note.delete().where(...)`, SQLAlchemy's `update(Note).where(Note.id == id)`
                              "update", "delete"})
# The last word of a receiver named for the entity it serves (`order_repo`, `invoice_repository`, `user_crud`,
# `organization_service`, a class made on the spot: `SubmissionRepository(session)`).
# What a test of the signed-in caller reads (`request.user.is_authenticated`): whether anyone signed in, not who.
SIGNED_IN_FLAG = ".is_authenticated"
DATA_ACCESS_SUFFIXES = frozenset({"repo", "repository", "crud", "dao", "service"})
# A service's or repository's writer named for what it changes (`service.update_organization(org, data)`).
ENTITY_CHANGER = lazy_pattern(r"^(?:update|delete|remove|destroy|archive|edit|patch)_[a-z]\w*$")
# A data-access object's reader named for what it reads (`db.get_order(conn, order_id)`, `repo.fetch_invoice(id)`,
# `repo.list_orders(id)`) or for whose rows it reads (`repo.for_student(student_id)`, `repo.by_owner(owner_id)`):
# counted only on the receivers above.
DAO_READER = lazy_pattern(r"^(?:(?:get|fetch|find|load|read|lookup|list)_|(?:for|by)_)[a-z]\w*$")
# Layers such readers also live in (`services.get_project(session, project_id)`, `store.get_task(task_id)`), whose
# plain `get` is no row read (a cache's, a key-value store's).
READER_LAYERS = frozenset({"service", "services", "store"})
# Async ORMs look up on the model class itself: Tortoise `await Note.get_or_none(id=note_id)`, Beanie `Note.get(id)`.
MODEL_CLASS = lazy_pattern(r"^[A-Z][a-z]\w*$")
LOOKUP_FUNCTIONS = frozenset({"get_object_or_404", "get_list_or_404", "get_or_404"})
# Payment providers' objects fetched or changed by their id through the account's secret key, which reaches every
# customer's (`stripe.Invoice.retrieve(invoice_id)`, `braintree.Transaction.find(id)`), and RQ's jobs fetched by id
# from the queue's Redis, whoever queued them (`Job.fetch(job_id, connection=redis)`): module -> methods.
PROVIDER_OBJECT_CALLS: dict[str, frozenset[str]] = {
    "stripe": frozenset({"retrieve", "modify", "delete", "cancel", "void_invoice", "finalize_invoice", "pay"}),
    "braintree": frozenset({"find", "refund", "void", "cancel"}),
    "rq": frozenset({"fetch", "fetch_many"}),
}
# Owners that are groups (`x_tenant_id`, `org_id`): a tenant read by the client's id is that tenant's data, not a
# member's public page, so its model (`Tenant`) and variable name no caller, even when nothing is changed.
SHARED_OWNERS = frozenset({"tenant", "org", "organization", "team", "workspace", "company"})
# Short and British spellings of a group, read as its full name (`x_org_id` names an `Organization`).
SHARED_OWNER_SPELLINGS = {"org": "organization", "organisation": "organization", "orgs": "organization"}
# Words of an owner that name a token's claim (`sub`) and, as a name bound to what the client's id fetched, are a short
# name of the row (`sub` for a subscription).
CLAIM_WORDS = frozenset({"sub"})
# Words of a field that records who last changed a row (`updated_by`, `last_modified_by`, `edited_by`).
EDITOR_STAMP_WORDS = frozenset({"updated", "modified", "edited", "changed", "updater", "editor", "modifier"})
# Calls a row reader makes besides its lookup, none of which can check an owner: the error it answers when the row is
# missing, and `await`-free conversions.
# The fact listing a file's top-level functions that read one row by a parameter and check nothing, and the kind of a
# finding that waits for it (`Rule.report(unless=...)`): its lookup is such a function of another module, which may
# check the owner itself.
READERS_FACT = "vibecheck.vc214.row_readers"
CHECKED_READER = "checked-reader"
# The kind of a finding that waits for a method of an injected service (`service.invoice(invoice_id)`, `service` typed
# `InvoiceService` of another module): the fact lists the service methods handed only an id that read a row by it.
CHECKED_SERVICE = "checked-service"
# A row reader of this module worth recording for handlers of other modules is short: one lookup, perhaps a 404.
READER_STATEMENTS = 6
HELPER_SAFE_CALLS = frozenset({"HTTPException", "Http404", "abort", "NotFound", "ValueError", "LookupError", "KeyError",
                               "int", "str", "UUID", "ObjectId",
                               # the DB-API cursor's rows of the lookup's SQL (`conn.execute(sql, (id,)).fetchone()`)
                               "fetchone", "fetchall", "fetchmany"})
# pydal's rows (web2py, Emmett, py4web) narrowed by a query on the connection: `db(db.Note.id == nid).delete()`,
# `db(query).select()`, `db(query).update(title=title)`; what is chosen is whatever the query names.
QUERY_SET_CONNECTIONS = frozenset({"db"})
QUERY_SET_METHODS = frozenset({"select", "delete", "update", "validate_and_update", "update_naive"})
# Durable-execution handles by id (Temporal's client, `client.get_workflow_handle(f"fulfil-{order_id}")`): the handle
# signals, cancels, queries or describes the run the id names, whoever started it.
RUN_HANDLE_METHODS = frozenset({"get_workflow_handle", "get_workflow_handle_for", "get_async_activity_handle"})
# DynamoDB's item reads and writes by primary key (`table.get_item(Key={"id": doc_id})`): a key with no owner attribute
# reaches any item.
KEYED_ITEM_METHODS = frozenset({"get_item", "delete_item", "update_item"})
# Azure Cosmos DB's item reads and writes by id and partition key (`orders.read_item(item=order_id,
# partition_key=order_id)`): a partition key that is not the caller's reaches any item.
PARTITIONED_ITEM_METHODS = frozenset({"read_item", "delete_item", "replace_item", "patch_item"})
SQL_EXECUTE = frozenset({"execute", "fetch", "fetchrow", "fetchval", "fetch_one", "fetch_all"})
# The statement a project's own SQL helper is handed: read, change or delete rows of a table.
SQL_STATEMENT = lazy_pattern(r"^\s*(select\s.*?\sfrom|update\s.*?\sset|delete\s+from)\s", re.IGNORECASE | re.DOTALL)
SQL_TEXT_WRAPPERS = frozenset({"text", "sql", "SQL"})
SQL_OWNER = lazy_pattern(r"\b(user|owner|author|account|tenant|org|team|member)\w*\b", re.IGNORECASE)
# A placeholder of a statement (`?`, `%s`, `:owner_id`, `%(owner_id)s`), and an owner column compared with one.
SQL_PLACEHOLDER = lazy_pattern(r"\?|%s|:\w+|%\(\w+\)s")
SQL_OWNER_PLACEHOLDER = lazy_pattern(r"\b(?:user|owner|author|account|member)\w*\s*=\s*(?P<marker>\?|%s|:\w+|%\(\w+\)s)",
                                     re.IGNORECASE)
# Containers of a view's URL captures, every key of which is a client id (Pyramid's `request.matchdict`), and the keys
# that are no id but a secret the link carries (`matchdict["token"]`, `["invite_secret"]`): a row found by one is the
# row the link was made for, whoever follows it (an invite accepted, a reset confirmed), as a `token` parameter is.
CAPTURE_CONTAINERS = frozenset().union(*VIEW_CAPTURES.values())
CAPABILITY_KEY = lazy_pattern(r"(?:^|_)(?:token|secret|nonce|signature|otp)$")
# The objects a request arrives in, as a handler's body reads them (`request.args`, `req.params`).
CLIENT_ROOTS = frozenset({"request", "req"})
# DRF viewsets that serve single objects by id (retrieve, update, destroy).
OBJECT_VIEWSETS = frozenset({"ModelViewSet", "RetrieveUpdateDestroyAPIView", "RetrieveUpdateAPIView",
                             "RetrieveDestroyAPIView", "RetrieveAPIView", "UpdateAPIView", "DestroyAPIView"})
OBJECT_PERMISSION_WORDS = frozenset({"owner", "author", "object", "creator"})
# DRF views that also list their queryset: DRF runs no object permission (`has_object_permission`) on a list.
LISTING_VIEWSETS = frozenset({"ModelViewSet", "ReadOnlyModelViewSet", "ListAPIView", "ListCreateAPIView",
                              "ListModelMixin"})
# Words of an object permission that opens reading to everyone (`IsOwnerOrReadOnly`): the rows are public.
READ_ONLY_WORDS = frozenset({"read", "only"})
# Methods that may scope a list (as may a class's `filter_backends`): the list answered by hand, a filtered queryset.
LIST_SCOPING = frozenset({"list", "get_queryset", "filter_queryset"})
# What a DRF view's client sends beside the URL: the query string and the body.
CLIENT_PARAMS = frozenset({"self.request.query_params", "self.request.GET", "self.request.data", "self.request.POST"})
# The viewsets of `OBJECT_VIEWSETS` that change or delete the object they look up.
CHANGING_VIEWSETS = frozenset({"ModelViewSet", "RetrieveUpdateDestroyAPIView", "RetrieveUpdateAPIView",
                               "RetrieveDestroyAPIView", "UpdateAPIView", "DestroyAPIView"})
# Permission classes that only ask for a login, none about the object (a custom class may compare the owner).
LOGIN_ONLY_PERMISSIONS = frozenset({"IsAuthenticated", "IsAuthenticatedOrReadOnly"})
SCOPE_VIEWSET_HINT = ("Override `get_queryset()` to return only the caller's objects (`filter(owner=self.request.user)`) "
                      "or add an object-level permission class that compares the owner.")
# A FastAPI dependency's lookup: the check belongs in the dependency, where every route that asks for it gets it.
DEPENDENCY_HINT = ("Check in the dependency that the object belongs to the caller (`tenant.id == user.tenant_id`, a "
                   "membership query, `Model.owner_id == user.id`) and raise `HTTPException(status_code=404)` when it "
                   "does not, so every route that depends on it is scoped at once.")
# Django generic views that fetch one object by the URL's `pk` or `slug` from `model` or `queryset`: what they show,
# change or delete.
OBJECT_VIEWS = {"DetailView": "shows", "BaseDetailView": "shows", "UpdateView": "changes", "BaseUpdateView": "changes",
                "DeleteView": "deletes", "BaseDeleteView": "deletes"}
# Methods of a generic view through which it can scope or check the object (`test_func` of UserPassesTestMixin).
# Models whose detail page is a member's public profile, shown to the other members by design.
PUBLIC_PAGE_WORDS = frozenset({"user", "profile", "member", "author"})
OBJECT_SCOPING_METHODS = frozenset({"get_queryset", "get_object", "test_func", "has_permission", "dispatch"})
# Handlers that hand the object check to the framework: DRF's `get_object()` runs object permissions.
# Calls that change or delete an object: `obj.save()`, `session.delete(obj)`, `user.set_password(...)`, and a
# Django related manager's `team.members.add(...)`.
CHANGING_METHODS = frozenset({"save", "delete", "update", "remove", "destroy", "set_password", "soft_delete", "deactivate",
                              "add", "clear", "set"})
# Calls that make a new row (and model constructors): the caller passed to one as its author
# (`Comment.objects.create(ticket=ticket, author=request.user)`, `serializer.save(owner=request.user)`,
# `Comment(author=g.user)`) stamps the new row, and says nothing about whether the object fetched by the client's id
# is the caller's.
CREATING_METHODS = frozenset({"create", "bulk_create", "save", "insert", "insert_one", "add"})
# Calls that send or show what they are given (`emit("joined", {"user": current_user.name})`, `jsonify(...)`): the
# caller named there is shown to the client, which checks nothing. A Socket.IO handler's `emit(...)` of the client's
# message is no helper that may hold a check either.
# A log line or an audit entry records who acted and on what (`record(org, request.user, member=obj.pk)`): it shows the
# caller and hides no check of the object it is handed.
RECORDING_CALLS = frozenset({"record", "audit", "log_action", "log_event", "log_activity", "audit_log",
                             "debug", "info", "warning", "error", "exception"})
OUTPUT_CALLS = frozenset({"emit", "send", "jsonify", "render_template", "flash", "print", *RECORDING_CALLS})
SOCKET_OUTPUT_CALLS = frozenset({"emit", "send"})
FRAMEWORK_OBJECT_CHECKS = frozenset({"get_object", "check_object_permissions", "has_object_permission", "has_perm",
                                     "get_queryset", "filter_queryset"})


DISPLAYS = frozenset({cst.List, cst.Tuple, cst.Set, cst.Dict, cst.FormattedString})


# A pydantic-ai tool (`@agent.tool`, its first parameter the run context): the model picks its arguments, steered by the
# user the agent runs for, whose identity the run context carries (`ctx.deps.user_id`) when its deps class has a field
# named for one.
AGENT_TOOL_MODULES = ("pydantic_ai",)
AGENT_TOOL_DECORATOR = "tool"
RUN_CONTEXT = "RunContext"
CALLER_FIELD_WORDS = frozenset({"user", "account", "customer", "owner", "member"})


# A view named for receiving a service's calls, and the decorators that open a Django view to callers without a
# session.
WEBHOOK_WORDS = frozenset({"webhook", "webhooks"})
# Libraries whose tables read a row by its primary key with a subscript: fastlite's `entries[eid]` (also through
# FastHTML's `fast_app(...)`, which makes them), so a module-level name indexed by the client's id is a lookup there.
INDEXED_TABLE_MODULES = ("fastlite", "fasthtml")
OPEN_TO_SERVICES = lazy_pattern(r"\b(?:csrf_exempt|login_not_required)\b")


def agent_tool_handler(function: cst.FunctionDef, module: cst.Module) -> Handler | None:
    """The handler view of a pydantic-ai tool whose run context carries the caller (`Deps.user_id`): its id-named
    parameters are the ids the model chose; None for any other function."""
    decorated = any(isinstance(d.decorator, cst.Attribute) and d.decorator.attr.value == AGENT_TOOL_DECORATOR
                    for d in function.decorators)
    params = parameters(function)
    annotation = params[0].annotation.annotation if decorated and params and params[0].annotation is not None else None
    if not (isinstance(annotation, cst.Subscript) and dotted_name(annotation.value) == RUN_CONTEXT
            and len(annotation.slice) == 1 and isinstance(annotation.slice[0].slice, cst.Index)):
        return None
    deps = dotted_name(annotation.slice[0].slice.value)
    fields = {statement.body[0].target.value for node in module.body
              if isinstance(node, cst.ClassDef) and node.name.value == deps and isinstance(node.body, cst.IndentedBlock)
              for statement in node.body.body if isinstance(statement, cst.SimpleStatementLine)
              and isinstance(statement.body[0], cst.AnnAssign) and isinstance(statement.body[0].target, cst.Name)}
    if not any(CALLER_FIELD_WORDS.intersection(name_words(field)) for field in fields):
        return None
    names = {p.name.value for p in params[1:]}
    return Handler(function, frozenset({"POST"}), True, client_ids={n for n in names if ID_NAME.match(n)}, inputs=names)


def _class_attribute(body: Sequence[cst.BaseStatement], name: str) -> cst.BaseExpression | None:
    """The value assigned to `name` in a class body (`queryset = Note.objects.all()`), if any."""
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and get_full_name_for_node(small.targets[0].target) == name:
                    return small.value
    return None


def _names_a_permission(body: Sequence[cst.BaseStatement]) -> bool:
    """A class attribute named for a permission (`permission_required = ...`, `required_permissions`): a project's
    own permission scheme, which the default permission classes may read to check the object."""
    return any(isinstance(small, cst.Assign) and "permission" in (get_full_name_for_node(small.targets[0].target) or "")
               for statement in body if isinstance(statement, cst.SimpleStatementLine) for small in statement.body)


def _serves_all(queryset: cst.BaseExpression) -> bool:
    """`Order.objects.all()` or `Order.objects`: every row, not a filtered set."""
    if isinstance(queryset, cst.Call) and isinstance(queryset.func, cst.Attribute) and not queryset.args:
        return queryset.func.attr.value == "all"
    return isinstance(queryset, cst.Attribute) and queryset.attr.value == "objects"


def _runs_owner_scoped_sql(body: cst.CSTNode, client_values: set[str], off: set[int]) -> bool:
    """A statement of the handler whose `WHERE` names an owner column (`... WHERE id = ? AND owner_id = ?`), bound to
    something other than a value the client sent, and not in a branch `off` the lookup's path (`lookup_path`)."""
    hidden = {id(inner) for outer in walk_own(body) if id(outer) in off for inner in walk_own(outer)} if off else off
    for node in walk_own(body):
        sql = _sql_argument(node) if type(node) is cst.Call and id(node) not in hidden else None
        if sql is not None and SQL_STATEMENT.match(sql) and SQL_OWNER.search(sql.partition("where")[2]) \
                and not _owner_bound_to_client(node, sql, client_values):  # type: ignore[arg-type]
            return True
    return False


def _owner_bound_to_client(call: cst.Call, sql: str, client_values: set[str]) -> bool:
    """`execute("SELECT ... WHERE owner_id = ?", (user_id,))` with the `user_id` of the URL or the query string: the
    owner column is bound to whom the client names, so the client picks whose rows it reaches."""
    owner = SQL_OWNER_PLACEHOLDER.search(sql.partition("where")[2])
    params = call.args[1].value if len(call.args) > 1 and call.args[1].keyword is None else None
    if owner is None or params is None:
        return False
    marker = owner.group("marker")
    bound: cst.BaseExpression | None = None
    if isinstance(params, (cst.Tuple, cst.List)) and marker in ("?", "%s"):
        position = len(SQL_PLACEHOLDER.findall(sql[:len(sql) - len(sql.partition("where")[2]) + owner.start("marker")]))
        bound = params.elements[position].value if position < len(params.elements) else None
    elif isinstance(params, cst.Dict):
        key = marker.strip(":%()s")
        bound = next((e.value for e in params.elements if isinstance(e, cst.DictElement) and string_value(e.key) == key),
                     None)
    return type(bound) is cst.Name and bound.value in client_values


def _request_values(body: cst.CSTNode) -> set[str]:
    """Names the handler binds to what the request carries (`owner_id = request.args.get("owner_id", type=int)`), not
    to the caller it signed in (`request.user.id`)."""
    return {target.target.value for node in walk_own(body) if type(node) is cst.Assign
            for uses in (list(dotted_uses(node.value)),)
            if any(use.partition(".")[0] in CLIENT_ROOTS for use in uses)
            and not any(use.startswith(tuple(IDENTITY_EXPRESSIONS)) for use in uses)
            for target in node.targets if type(target.target) is cst.Name}


# Flask's request globals (`g.project`, `flask.g.tenant`): what the app's own hooks set for this request (a
# `url_value_preprocessor` that loads the project the session signed in to), never what the client sent.
REQUEST_GLOBALS = ("g.", "flask.g.")


# Words of a scope a handler may be handed instead of its id: a group that owns rows (`project`, `team`, `tenant`).
SCOPE_WORDS = SHARED_OWNERS | {"project"}


def _injected_objects(handler: Handler) -> set[str]:
    """The handler's parameters that no client sent and that name a scope (`project` that Flask-RESTful's
    `method_decorators = [need_auth]` hands in place of the URL's `project_id`, once it checked the credentials); not
    its client ids, nor ids, nor a database handle (`db`)."""
    parameters = {p.name.value for p in handler.node.params.params}
    return {name for name in parameters - set(handler.client_ids)
            if set(name_words(name)) & SCOPE_WORDS and not {"id", "ids", "pk"} & set(name_words(name))}


def _request_scopes(body: cst.CSTNode) -> set[str]:
    """The scopes a helper computed from the request (`workspace = workspace_for(request)`, `org = current_org(
    self.context.request)`): the helper reads who asks, as a hook that puts the scope on `g` does."""
    scopes: set[str] = set()
    for node in walk_own(body):
        if type(node) is not cst.Assign or len(node.targets) != 1 or type(node.targets[0].target) is not cst.Name:
            continue
        value = node.value.expression if type(node.value) is cst.Await else node.value
        name = node.targets[0].target.value
        if type(value) is cst.Call and set(name_words(name)) & SCOPE_WORDS and any(
                (dotted_name(a.value) or "").rpartition(".")[2] in CLIENT_ROOTS for a in value.args):
            scopes.add(name)
    return scopes


def _hands_request_scope(body: cst.CSTNode, client_ids: set[str] | frozenset[str], injected: set[str]) -> bool:
    """`Bill.query.get(g.project, bill_id)`, `Person.query.get(member_id, project)`: the lookup that takes the client's
    id is handed, itself, the scope the app's hooks put on `g` or a decorator handed the handler (a query class whose
    `get` filters by it), or the caller's credential (`api_service.get(request.cookies.get(SESSION_ID_KEY), model, id)`:
    the service finds out who asks and may scope the row); not a comparison with it inside a filter
    (`.filter(Project.id == g.project.id)`), which joins nothing."""
    for node in walk_own(body):
        if type(node) is not cst.Call:
            continue
        arguments = [dotted_name(a.value) or "" for a in node.args]
        if client_ids & set(arguments) and any(name.startswith(REQUEST_GLOBALS) or name in injected
                                               for name in arguments):
            return True
        if client_ids & set(arguments) and any(_credential_read(a.value) for a in node.args):
            return True
    return False


# Where a request carries the caller's credential, and the words of the key that name one (`SESSION_ID_KEY`,
# `"access_token"`, `"Authorization"`); a cookie named otherwise (`"theme"`) says nothing of who asks.
CREDENTIAL_CARRIERS = frozenset({"cookies", "headers", "COOKIES"})
CREDENTIAL_KEY_WORDS = frozenset({"session", "sid", "token", "auth", "authorization", "jwt", "credential",
                                  "credentials"})


def _credential_read(value: cst.BaseExpression) -> bool:
    """`request.cookies.get(settings.ADMIN_SESSION_ID_KEY)`, `request.headers["Authorization"]`: the caller's credential
    read from the request."""
    if type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "get" and value.args:
        carrier, key = value.func.value, value.args[0].value
    elif type(value) is cst.Subscript and len(value.slice) == 1 and type(value.slice[0].slice) is cst.Index:
        carrier, key = value.value, value.slice[0].slice.value
    else:
        return False
    if type(carrier) is not cst.Attribute or carrier.attr.value not in CREDENTIAL_CARRIERS:
        return False
    spelled = string_value(key) if type(key) in (cst.SimpleString, cst.ConcatenatedString) else dotted_name(key)
    return spelled is not None and bool(CREDENTIAL_KEY_WORDS.intersection(name_words(spelled.rpartition(".")[2])))


def _sql_argument(call: cst.Call) -> str | None:
    """The SQL literal a call gets first, lowercased, also wrapped in SQLAlchemy's `text(...)`."""
    first = call.args[0].value if call.args and call.args[0].keyword is None else None
    if isinstance(first, cst.Call) and first.args \
            and (get_full_name_for_node(first.func) or "").rpartition(".")[2] in SQL_TEXT_WRAPPERS:
        first = first.args[0].value
    sql = string_value(first) if first is not None else None
    return sql.lower() if sql is not None else None


def _hands_only_the_id(call: cst.Call, client_ids: set[str] | frozenset[str]) -> bool:
    """Every argument is a client id or a database handle (`services.get_project(session, project_id)`): nothing the
    reader is given names the caller, so it cannot scope the row to them (`store.get_task_for(task_id, me()["id"])`
    may)."""
    return all(type(arg.value) is cst.Name and (arg.value.value in client_ids or arg.value.value in RESOURCE_PARAMETERS)
               for arg in call.args)


def _looked_up_model(call: cst.Call) -> cst.Name | None:
    """The model class a lookup reads: `get_object_or_404(Server, pk=pk)`, `session.get(Server, id)`,
    `Server.objects.get(pk=pk)`, `Server.query.get_or_404(id)`."""
    first = call.args[0].value if call.args and call.args[0].keyword is None else None
    if isinstance(first, cst.Name) and MODEL_CLASS.match(first.value):
        return first
    target: cst.BaseExpression = call.func
    while isinstance(target, (cst.Attribute, cst.Call)):
        target = target.value if isinstance(target, cst.Attribute) else target.func
    return target if isinstance(target, cst.Name) and MODEL_CLASS.match(target.value) else None


def _data_access_receiver(call: cst.Call) -> bool:
    """The call reads through a session, a manager or a data-access object: `db.get(...)`, `Order.objects.filter(...)`,
    also one named for its entity (`order_repo.get_order(id)`, `organization_service.get_organization(id)`)."""
    words = _receiver_words(call)
    return bool(words & LOOKUP_RECEIVERS) or any(
        DATA_ACCESS_SUFFIXES & set(parts) for word in words if len(parts := name_words(word)) > 1)


def _query_set(receiver: cst.BaseExpression) -> bool:
    """pydal's set of rows a query picks: the connection called with a comparison (`db(db.Note.id == nid)`, also
    `db((db.Note.id == nid) & (db.Note.user == uid))`)."""
    if type(receiver) is not cst.Call or len(receiver.args) != 1 or receiver.args[0].keyword is not None:
        return False
    connection = (get_full_name_for_node(receiver.func) or "").rpartition(".")[2]
    return connection in QUERY_SET_CONNECTIONS and isinstance(receiver.args[0].value, (cst.Comparison, cst.BinaryOperation))


def _receiver_words(call: cst.Call) -> set[str]:
    func = call.func
    target = func.value if isinstance(func, cst.Attribute) else None
    words: set[str] = set()
    while target is not None:
        if isinstance(target, cst.Call):
            callee = target.func
            # (a call of what a call or subscript gives, `LazyType["Monitor"](cls).get_class()`, names no receiver)
            words.add(callee.attr.value if isinstance(callee, cst.Attribute)
                      else callee.value if isinstance(callee, cst.Name) else "")
            target = callee.value if isinstance(callee, cst.Attribute) else None
        elif isinstance(target, cst.Attribute):
            words.add(target.attr.value)
            target = target.value
        elif isinstance(target, cst.Name):
            words.add(target.value)
            target = None
        else:
            target = None
    return words


def _tests_the_caller(body: cst.CSTNode) -> bool:
    """An `if` or `assert` of the body tests the signed-in user (`if shelf.user_id != current_user.id:`)."""
    return any(isinstance(node, (cst.If, cst.Assert)) and any(d in IDENTITY_EXPRESSIONS for d in dotted_uses(node.test))
               for node in walk_own(body))


def _fetched_names(body: cst.CSTNode, client_ids: set[str]) -> set[str]:
    """Names bound to a value computed from a client id (`account = User.query.get(user_id)`): the object itself."""
    names: set[str] = set()
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Assign) and client_ids & set(names_in(node.value)):
            names.update(t.target.value for t in node.targets if isinstance(t.target, cst.Name))
        pending.extend(child_nodes(node))
    return names


def _changes_any(body: cst.CSTNode, objects: set[str]) -> bool:
    """The body writes an attribute of one of `objects` (also by `setattr`), calls a changing method on it, or hands it
    to `.delete()`."""
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if isinstance(node, (cst.Assign, cst.AugAssign)):
            targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            if any(isinstance(t, cst.Attribute) and _root(t) in objects for t in targets):
                return True
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "setattr" and node.args \
                and _root(node.args[0].value) in objects:
            return True  # `setattr(user, key, value)` for each field the client sent
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and (
                node.func.attr.value in CHANGING_METHODS or ENTITY_CHANGER.match(node.func.attr.value)):
            receiver_is_object = _root(node.func.value) in objects
            if receiver_is_object or any(isinstance(a.value, cst.Name) and a.value.value in objects for a in node.args):
                return True
        pending.extend(child_nodes(node))
    return False


def _object_words(body: cst.CSTNode, fetched: set[str]) -> set[str]:
    """The words that name the object a handler changes: its variables (`workspace`) and what a service's writer is
    named for (`update_organization`)."""
    words = {word for name in fetched for word in name_words(name)}
    for node in walk_own(body):
        if type(node) is cst.Call and type(node.func) is cst.Attribute and ENTITY_CHANGER.match(node.func.attr.value):
            words.update(name_words(node.func.attr.value)[1:])
    return words


def _spelled_both_ways(words: set[str]) -> set[str]:
    """The words with each short spelling of theirs (`organization` and `org`): a variable may use either."""
    return words | {short for short, full in SHARED_OWNER_SPELLINGS.items() if full in words}


def _model_words(body: cst.CSTNode) -> set[str]:
    """The words of the model classes a body names (`Tenant` of `db.get(Tenant, x_tenant_id)`)."""
    return {SHARED_OWNER_SPELLINGS.get(word, word) for node in walk_own(body)
            if type(node) is cst.Name and MODEL_CLASS.match(node.value) for word in name_words(node.value)}


def _authorship_arguments(body: cst.CSTNode) -> set[int]:
    """The keyword arguments of creating calls (`author=request.user`, `created_by=current_user`): the fields of the
    new row, which the caller may stamp, not a test of the fetched object."""
    found: set[int] = set()
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Call):
            callee = get_full_name_for_node(node.func) or ""
            last = callee.rpartition(".")[2]
            if last in CREATING_METHODS or MODEL_CLASS.match(last):
                found.update(id(a) for a in node.args if a.keyword is not None)
        pending.extend(child_nodes(node))
    return found


def module_level_names(module: cst.Module) -> frozenset[str]:
    """The names a module imports from others or binds at its top level to what a call or an attribute gives (`from
    .db import entries`, `notes = db.t.notes`, `app, rt, todos, Todo = fast_app(...)`), not to a literal the module
    writes out (`PAGES = {"about": ...}`: a table of its own, no rows)."""
    found: set[str] = set()
    for statement in module.body:
        for small in statement.body if type(statement) is cst.SimpleStatementLine else ():
            if type(small) is cst.ImportFrom and not isinstance(small.names, cst.ImportStar):
                found.update(alias.evaluated_alias or alias.evaluated_name for alias in small.names)
            elif type(small) is cst.Assign and type(small.value) in (cst.Call, cst.Attribute):
                found.update(name for target in small.targets for name in _bound_names(target.target))
    return frozenset(found)


def _client_value(lookup: cst.Call | cst.Subscript, name: str) -> str:
    """How the lookup reads the client's value: the id itself, or a key of the message (`data["room_id"]`) or of the
    URL's captures read inline (`request.path_params["note_id"]`)."""
    for node in walk_own(lookup):
        if type(node) is cst.Subscript and (type(node.value) is cst.Name and node.value.value == name
                                            or type(node.value) is cst.Attribute and node.value.attr.value == name):
            return short_code(node)
    return name


def _reads_only_capabilities(call: cst.Call, containers: set[str]) -> bool:
    """Every capture the call reads is the link's secret (`filter_by(token=request.matchdict["token"])`)."""
    keys = [string_value(node.slice[0].slice.value) if len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index
            else None for node in walk_own(call) if type(node) is cst.Subscript
            and type(node.value) is cst.Attribute and node.value.attr.value in containers]
    return bool(keys) and all(key is not None and CAPABILITY_KEY.search(key) is not None for key in keys)


def _sign_in(body: cst.CSTNode, identity: set[str]) -> set[int]:
    """Where the body binds the caller (`user = principal(req)`) and tests that one is signed in at all (`if user is
    None: return 401`, `if not user:`, `if req.context.user is None:`, `if not request.user.is_authenticated:`):
    authentication, which relates no object to them."""
    found: set[int] = set()
    for node in walk_own(body):
        if type(node) is cst.Assign and any(type(t.target) is cst.Name and t.target.value in identity
                                            for t in node.targets):
            found.add(id(node))
        if type(node) is cst.Expr and (signs_in_with(node.value, CLIENT_ROOTS) or resolver_guard(node.value)):
            found.add(id(node))  # `await require_user(request)`, `require_member(info)`: raises when nobody is signed in
        test = node.test if type(node) is cst.If else None
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            test = test.expression
        elif type(test) is cst.Comparison and len(test.comparisons) == 1 \
                and type(test.comparisons[0].operator) in (cst.Is, cst.IsNot) \
                and type(test.comparisons[0].comparator) is cst.Name and test.comparisons[0].comparator.value == "None":
            test = test.left
        if type(node) is cst.If and test is not None and (type(test) is cst.Name and test.value in identity
                                                           or _names_the_signed_in_caller(test)):
            found.add(id(node.test))
    return found


def _names_the_signed_in_caller(test: cst.BaseExpression) -> bool:
    """`req.context.user`, `req.context["user"]`, `request.user.is_authenticated`: the caller, or whether there is one."""
    if context_caller(test):
        return True
    dotted = dotted_name(test) or ""
    return dotted in IDENTITY_EXPRESSIONS or (dotted.endswith(SIGNED_IN_FLAG)
                                               and dotted.removesuffix(SIGNED_IN_FLAG) in IDENTITY_EXPRESSIONS)


def _constant(node: cst.BaseExpression) -> bool:
    """A literal (`archived=False`, `status="open"`): a criterion that scopes to no one."""
    return literal_value(node) is not None or (type(node) is cst.Name and node.value in ("True", "False", "None"))


def _reads_client_params(node: cst.BaseExpression) -> bool:
    """The value reads what the client sent with the request (`self.request.query_params.get("project")`)."""
    return any(d in CLIENT_PARAMS for d in dotted_uses(node))


def _output_arguments(body: cst.CSTNode) -> set[int]:
    """The arguments of calls that send or show a value (`OUTPUT_CALLS`)."""
    return {id(a) for node in walk_own(body) if type(node) is cst.Call
            and (dotted_name(node.func) or "").rpartition(".")[2] in OUTPUT_CALLS for a in node.args}


def _stamps_the_editor(updater: cst.FunctionDef | None) -> bool:
    """`perform_update` records who last changed the row (`serializer.save(updated_by=self.request.user)`): the rows
    are shared and edited by many (a glossary, a wiki), the creator stamped for the record, not as the owner."""
    if updater is None:
        return False
    return any(type(node) is cst.Arg and node.keyword is not None
               and set(name_words(node.keyword.value)) & EDITOR_STAMP_WORDS
               and (dotted_name(node.value) or "") in IDENTITY_EXPRESSIONS for node in walk_own(updater.body))


def _displayed_values(body: cst.CSTNode) -> set[int]:
    """Lists, tuples, sets, dicts and f-strings: values gathered for output (`writerow([book.title, book.author])`,
    `{"author": post.author}`), where an owner-like field is shown, not tested against the caller."""
    return {id(node) for node in walk_own(body) if type(node) in DISPLAYS}


def _module_functions(module: cst.Module) -> dict[str, cst.FunctionDef]:
    """The module's top-level functions by name: the helpers a handler may hand its client id to."""
    return {statement.name.value: statement for statement in module.body if type(statement) is cst.FunctionDef}


def _parameter_names(function: cst.FunctionDef) -> set[str]:
    params = function.params
    return {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}


def _converts_only(function: cst.FunctionDef) -> bool:
    """`def oid(value): return ObjectId(value)`: a helper that only converts what it is given, so the id it returns
    is the client's and no check can hide in it."""
    statements = [s for line in getattr(function.body, "body", ()) if type(line) is cst.SimpleStatementLine
                  for s in line.body]
    if len(statements) != len(getattr(function.body, "body", ())) or not statements:
        return False
    if type(statements[0]) is cst.Expr and string_value(statements[0].value) is not None:
        statements = statements[1:]  # the docstring
    if len(statements) != 1 or type(statements[0]) is not cst.Return:
        return False
    value = statements[0].value
    params = _parameter_names(function)
    return type(value) is cst.Call and len(value.args) == 1 and type(value.args[0].value) is cst.Name \
        and value.args[0].value.value in params and type(value.func) in (cst.Name, cst.Attribute)


# Words of an id that names a person (`user_id`, `account_id`), not a row a tenant owns: a member's page in an org's
# route (`/orgs/<org_id>/members/<user_id>`) reads a person, whom an org does not own.
PERSON_ID_WORDS = frozenset({"user", "account", "owner", "author"})
# Calls that show what they are handed: the checked org set beside the loaded object in a page's context relates
# neither to the other.
SHOWING_CALLS = frozenset({"render", "render_to_response", "TemplateResponse", "JsonResponse", "Response",
                           "JSONResponse", *OUTPUT_CALLS})
TENANT_HINT = ("Load it within the checked tenant (`Project.objects.get(id=project_id, org=org)`, "
               "`org.projects.get(id=project_id)`, `.filter(Project.org_id == org_id)`) or compare the loaded object's "
               "org with it, and answer 404 when they differ.")


def _tenant_words(name: str) -> set[str]:
    """The words of a name that name a tenant (`x_org_id`: `organization`), short spellings read in full."""
    return {SHARED_OWNER_SPELLINGS.get(word, word) for word in name_words(name)} & SHARED_OWNERS


def _tenant_split(client_ids: set[str] | frozenset[str]) -> tuple[set[str], set[str]]:
    """The client's ids that name a tenant (`org_id`, `team_id`), and those that name a child of one (`project_id`):
    not a tenant's, a person's or a link's secret."""
    tenants = {name for name in client_ids if _tenant_words(name)}
    children = {name for name in client_ids - tenants
                if not PERSON_ID_WORDS & set(name_words(name)) and not CAPABILITY_KEY.search(name)}
    return tenants, children


def _tenant_scoped_names(body: cst.CSTNode, tenants: set[str]) -> set[str]:
    """The tenant ids and the names bound to what is computed from them (`org = get_org_or_404(org_id, user)`,
    `projects = Project.objects.filter(org_id=org_id)`), in as many passes as the assignments chain."""
    assigns: list[tuple[cst.BaseExpression, list[cst.BaseExpression]]] = []
    for node in walk_own(body):
        if type(node) is cst.Assign:
            assigns.append((node.value, [t.target for t in node.targets]))
        elif type(node) is cst.AnnAssign and node.value is not None:
            assigns.append((node.value, [node.target]))
    scoped = set(tenants)
    grown = True
    while grown:
        grown = False
        for value, targets in assigns:
            if scoped.isdisjoint(names_in(value)):
                continue
            bound = {n for target in targets for n in _bound_names(target)} - scoped
            if bound:
                scoped |= bound
                grown = True
    return scoped


def _bound_names(target: cst.BaseExpression) -> list[str]:
    """The names an assignment binds (`org`, `org, membership`), not an attribute it sets (`project.org = org`)."""
    if type(target) in (cst.Tuple, cst.List):
        return [n for element in target.elements for n in _bound_names(element.value)]  # type: ignore[attr-defined]
    return [target.value] if type(target) is cst.Name else []


def _names_a_tenant(node: cst.CSTNode, scoped: set[str], identity: set[str]) -> bool:
    """The node names the tenant (its id or what was computed from it), a field named for one (`org=`,
    `Project.organization_id`, `request.org`), or the caller (`org__members=request.user`)."""
    if not scoped.isdisjoint(names_in(node)):
        return True
    if any(type(n) is cst.Arg and n.keyword is not None and _tenant_words(n.keyword.value) for n in walk_own(node)):
        return True
    return any(_tenant_words(dotted.rpartition(".")[2]) or dotted in IDENTITY_EXPRESSIONS
               or dotted.partition(".")[0] in identity for dotted in dotted_uses(node))


def _root(node: cst.BaseExpression) -> str | None:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


class ObjectLookupNotScopedToUser(Rule):
    """An authenticated handler fetches an object by the id the client sent and never checks who owns it.

    ## What it does
    Looks inside route handlers that authenticate the caller (a guard decorator such as `@login_required`,
    an auth dependency such as `user = Depends(get_current_user)` (or one named for the caller, `firebase_user`,
    whatever type it is annotated with; or the caller in a role, `teacher: Teacher` with the alias imported from the
    dependencies module, `from .deps import Teacher`, or `current_seller: Seller`; or on the module's router,
    `APIRouter(dependencies=[Depends(...)])`), the
    `decorators`/`method_decorators` of a Flask view or Flask-RESTful/RESTX resource, an auth mixin or permission class on a
    class-based view (also on a viewset's extra routes, `@action(detail=True)`, unless their own `permission_classes=`
    open or restrict them), Litestar `guards` on the route or on its `Controller`, django-ninja-extra's
    `permissions=`/`auth=` on the route or on its `@api_controller` (a route's own `permissions=` replaces the
    controller's), a Nameko `@http("GET", "/x/<int:id>")` method that signs its caller in from the request (`user =
    current_user(request)`), Starlette's
    `@requires("authenticated")` (or a handler that reads `request.user`/`request.auth`, or the caller a guard put in
    the request's state, `request.state.customer`, whose sign-in test, `if not
    request.user.is_authenticated:`, relates no object), a Falcon responder (`on_delete(self, req, resp, note_id)`) that
    reads the caller its app's middleware put in the request's context (`req.context.user`, `req.context["user"]`,
    `req.context.get("user")`), a DRF function view whose `@permission_classes([IsAuthenticated])` asks for a login
    only, or a DRF view with no `permission_classes`, left to `DEFAULT_PERMISSION_CLASSES`,
    which is taken to require a login as `IsAuthenticated` does, since the settings are another file; such a view's
    finding sits on the view method, where VC201 reports the view instead when the checked settings leave DRF's
    default open; or a login guard that another file adds: `include_router(router, dependencies=[Depends(...)])`, a
    parent router made with such `dependencies`, a blueprint's `before_request` hook, a URLconf's
    `login_required(views.edit)`, which the project's app model joins (VC201's, which runs for this rule), and not
    when that guard restricts to a role, `Depends(require_admin)`, `staff_member_required(...)`; or a Socket.IO event
    handler, `@socketio.on("delete")`, of a module whose `connect` handler checks the client, its message's id fields
    being the client's: `data["id"]`, `room_id = data["room"]`; or a FastAPI dependency that takes a value of the
    request beside the caller, `def current_tenant(x_tenant_id: int = Header(), user = Depends(get_current_user))` (or
    `user: CurrentUser`; `x_org_id` names an `Organization` as `x_tenant_id` a `Tenant`);
    or a Connexion handler that an OpenAPI document near it routes by `operationId` with a security scheme (its
    `user` and `token_info` name the caller; its path parameters and id-named arguments are the client's);
    or a pydantic-ai tool, `@agent.tool` taking `ctx: RunContext[Deps]`, whose deps class has a field for the user
    the agent acts for, `user_id`, its id-named arguments being the ids the model chose; or a
    Graphene resolver or mutation behind graphql_jwt's `@login_required`, whose id arguments are the client's, or a
    Flask-AppBuilder `@expose("/<int:pk>")` method behind `@protect()`/`@has_access`; or a route that reads its
    caller in the body through a function named for one handed the request, `user = principal(req)` of an Azure
    Function, whose ids are also the captures it reads, `order_id = req.route_params["order_id"]`; or an AWS Lambda
    handler, `def get_document(event, context)`, reading `doc_id = event["pathParameters"]["docId"]`, in a module one
    of whose handlers reads the caller the API's authorizer signed in, `event["requestContext"]["authorizer"]` or
    `caller_id(event)`: an authorizer guards the whole API, configured outside the code; or an aiohttp handler that
    signs its caller in with aiohttp-security, `await check_authorized(request)` or `authorized_userid(request)`)
    and reports the first lookup keyed by an id the client chose (a path parameter, a Django URL
    capture, `pk`, a Starlette capture read as `note_id = request.path_params["note_id"]` or inline,
    `session.get(Note, int(request.path_params["note_id"]))`, aiohttp's `request.match_info["doc_id"]`):
    `Model.objects.get(pk=pk)`, `get_object_or_404(Model, pk=pk)`,
    `Model.query.get_or_404(id)`, `session.get(Model, item_id)`, `.filter_by(id=...)`, peewee's
    `Model.get_by_id(id)`, `Model.delete_by_id(id)` and `Model.set_by_id(id, data)`, a write narrowed by `where`
    (peewee's and Piccolo's `Model.update(...).where(Model.id == id)`, `Model.delete().where(...)`), a project's data-access
    object (`repo.by_id(id)`, `crud.item.get(db, id=id)`, `db.get_order(conn, order_id)`, also one named for its
    entity: `order_repo.get_order(id)`, `organization_service.get_organization(id)`, or made on the spot and reading
    by whose rows they are: `SubmissionRepository(session).for_student(student_id)`), a service or store reader
    handed nothing but a database handle and the id (`services.get_project(session, project_id)`), a payment
    provider's object fetched or changed by its id with the account's key, which reaches every customer's
    (`stripe.Invoice.retrieve(invoice_id)`, `stripe.Subscription.modify(id, ...)`, `braintree.Transaction.find(id)`),
    an RQ job fetched by its id (`Job.fetch(job_id, connection=redis)`), a DynamoDB or Cosmos DB item read or written
    by a key or partition that names no owner (`table.get_item(Key={"id": doc_id})`,
    `orders.read_item(item=order_id, partition_key=order_id)`), pydal's rows picked by a query on the connection
    (web2py's and Emmett's `db(db.Note.id == nid).delete()`, `db(query).select()`, `.update(...)`), a fastlite table
    indexed by the id in a FastHTML or fastlite module (`entries[eid]`, a table the module imports or binds), a Temporal
    workflow or activity handle named by the id (`client.get_workflow_handle(f"fulfil-{order_id}")`), or an SQL
    `execute` (also of SQLAlchemy's `text(...)`, and any project helper handed a `SELECT ... FROM`, `UPDATE ... SET`
    or `DELETE FROM` statement, `query_db("SELECT ... WHERE id = ?", (id,))`, imported or of the same module) whose
    `WHERE` names no owner column (unless an earlier statement of the handler does: `SELECT ... WHERE id = ? AND
    owner_id = ?`, then an `UPDATE` by the id) or binds it to whom the client names (`WHERE owner_id = ?` with the
    URL's `user_id` or the query string's `owner_id`), or a function of the same module that reads the row by its
    parameter
    and checks nothing (`invoice = await _load_invoice(session, invoice_id)`; one that only converts the id,
    `oid(order_id)`, hides none), or such a function of another module of the project that the handler hands the id
    and nothing else (`get_note(note_id)` imported from `repositories.py`, or `repositories.load_note(note_id)`, whose
    body is `Note.query.get(note_id)` or `db.session.get(Note, note_id)`; or a method of an injected service of
    another module handed the id alone, `await service.invoice(invoice_id)` with `service: Annotated[InvoiceService,
    Depends(invoice_service)]`, whose method reads one row by its parameters directly or through a repository its
    `__init__` types, `self.invoices.get(invoice_id)`, and whose class and method are handed nothing that names the
    caller: the project phase reads that module's readers; one that scopes the row or tests the caller, a module the
    run did not check, or two such functions handed the id leave the handler unreported, since the check may live
    there), when nothing in the handler relates the object to the caller: no `request.user`, `current_user`, identity
    parameter (its test for a signed-in caller, `if user is None: return 401`, is authentication), no scope handed to
    the lookup itself beside the id (`Bill.query.get(g.project,
    bill_id)`, what the app's hooks put on Flask's `g`, a `project` parameter a decorator hands in place of the URL's
    id, a scope a helper found from the request, `workspace = workspace_for(request)` then
    `get_object_or_404(Board, id=board_id, workspace=workspace)`, or the caller's credential,
    `api_service.get(request.cookies.get(SESSION_ID_KEY), model, id)`, whose service
    finds out who asks; not a cookie named otherwise, `"theme"`, nor one compared inside a filter on another table,
    `.filter(Project.id == g.project.id)`, which joins nothing),
    `owner`/`user`/`author` field (one only shown, in a list, dict or f-string such as `writerow([book.title,
    book.author])`, or sent back, `emit("joined", {"user":
    current_user.name})`, tests nothing), and no framework object
    check (`get_object()`, `check_object_permissions`, `has_perm`), and no function of the module it hands the
    object or its id to that tests the caller (`delete_shelf_helper(shelf)`, whose body calls
    `check_shelf_edit_permissions(shelf)` or tests `current_user` in an `if`); a check alone on its line that only
    answers (`is_tenant_admin(user)`, defined in the module or in the auth module it is imported from: VC212's
    finding) tests nothing, its answer thrown away; the caller stamped on a new row
    (`Comment.objects.create(ticket=ticket, author=request.user)`) says nothing about the fetched one, nor does a log
    line or an audit entry that names the caller (`log.info("%s", request.user)`, `record(org, request.user, ...)`,
    handed the object's id or not). The caller counts only on the lookup's path: a branch that already answered
    before it (`if entry_id is None: return db.entries_for(conn, user_id)`), a local read only there (`user_id =
    cherrypy.session["user_id"]`), and a role test that answers its holders with data and lets everyone else on to the
    lookup (`if request.user.is_staff: return all_items()`) relate nothing the lookup reads; a negated or refusing test
    before it (`if not user.is_staff: abort(403)`) still checks. When the handler
    changes or deletes what it fetched, the model's class name and the variable holding the object do not
    count as relating it to the caller (`account = User.query.get(user_id); account.email = ...`), while
    reading another member's page by id stays quiet. A webhook receiver (a view named for a webhook and opened to
    callers without a session: `@method_decorator(csrf_exempt, name="dispatch") class ProcessWebhookView(View)`, or
    `login_not_required`) is not reported: a service calls it, and the id in its URL names the endpoint the service
    was given. A route that names a tenant beside the child's id (`/orgs/<org_id>/projects/<project_id>`) and a
    handler that checks the caller's access to that tenant (`require_member(user, org_id)`, `if org_id not in
    user.org_ids: raise PermissionDenied`, `org = get_org_or_404(org_id, user)`), then loads the child by its id alone
    (`Project.objects.get(id=project_id)`, `db.get(Invoice, invoice_id)`, `session.query(Doc).filter_by(id=doc_id)`),
    is reported however much it says of the caller: the member of one tenant reaches another's objects. Not when the
    load names the tenant (`get(id=project_id, org=org)`, `org.projects.get(id=...)`, `.filter(Project.org_id ==
    org_id)`, a queryset computed from it) or the caller, when the loaded object's org or owner is compared after
    (`if invoice.org_id != org_id: raise`, `require_member(user, project.org_id)`), when the id is the tenant's own or
    a person's (`user_id`), nor when a role that no tenant holds opens the handler (`if not request.user.is_staff`).
    Handlers restricted to a role or permission
    (`@admin_required`, `@user_passes_test(lambda u: u.is_staff)`, a decorator of the app whose name says nothing but
    whose wrapper refuses without a role, `@agent_required` doing `if request.headers.get("X-Role") != "agent":
    abort(403)`, in the module or its auth module; `Depends(require_admin)`, a route dependency that
    checks access to what the path names, `dependencies=[Depends(requires_access_connection(method="DELETE"))]`,
    `IsAdminUser`, a Strawberry resolver's permission class that asks for more than a login (`CanEditDocument`, handed
    the resolver's arguments), a Flask-Allows requirement that does, handed the request (`@allows.requires(CanEditPost)`,
    also in a `MethodView`'s `decorators`: `allows.requires(IsAtleastModeratorInForum())`; not `IsAuthenticated`)
    and so does one a DRF function view lists (`@permission_classes([IsTeamMember])`), a
    staff-only mixin or a `UserPassesTestMixin.test_func` that answers with a role (`return
    self.request.user.groups.filter(name="editors").exists()`), or a role check on the caller or on the verified
    token's claims in the body, such as
    `if get_jwt()["role"] != "admin": abort(403)`) reach every object by design and are not reported (a role held within
    a tenant is no such restriction: when every role a handler's permission classes and decorators ask for is named for
    an organisation, team, workspace, company or tenant, `IsOrgAdmin`, `@team_admin_required`, its holders reach their
    own tenant's objects only, and the lookup is judged as a signed-in user's, a filter on the tenant,
    `organization=request.org`, relating it), nor is a lookup
    of a model that belongs to no one (a plain model of the `models` module beside the handler whose fields name no
    owner, link to no other row and hold no other row's id: a shared `Server` inventory, unless another model there ties
    its rows to users, a `Membership` with `user_id` and `room_id`; not a `Tenant`, `Organization`
    or `Team`, an owner itself, which a read by the client's id hands over whole). Also reports a DRF
    `ModelViewSet` (or retrieve/update/destroy view) whose `perform_create` saves `self.request.user` on
    each object but whose `queryset` serves every object, with no `get_queryset` override and no
    object-level permission class (`IsOwner...`), unless its `perform_update` stamps the editor too
    (`updated_by=self.request.user`: rows that all users edit, a glossary or a wiki); also, when it changes or
    deletes objects and asks only for a login
    (`IsAuthenticated`), such a viewset over a model whose rows belong to users (a `ForeignKey` or `OneToOneField` to
    the user model in the `models` module beside it, imported relatively or by the package's name) that names the
    caller nowhere (a `perform_destroy` comparing the owner with `self.request.user` checks it) and, left to the
    default permission classes, names no permission of the project's own (`permission_required = ...`, which those
    classes may check on the object); such a viewset, too, whose `get_queryset` returns the rows of whatever parent
    the client names in the query string or body (`Membership.objects.filter(project_id=self.request.query_params.get(
    "project"))`, beside literal criteria only) while no method of the view names the caller (a listing,
    `ReadOnlyModelViewSet`, changes nothing and stays quiet); a viewset that lists (`ModelViewSet`,
    `ReadOnlyModelViewSet`, `ListAPIView`) `X.objects.all()` while an object permission keeps each object to its owner
    (`IsOwner`, whose `has_object_permission` DRF never runs on a list; not `IsOwnerOrReadOnly`, which opens reading to
    all, nor beside `IsAdminUser`), with no `get_queryset`, `filter_queryset`, `list` or `filter_backends`; and a Django
    `DetailView`, `UpdateView` or `DeleteView` behind
    a login mixin whose `model` or `queryset = X.objects.all()` serves every object, with no `get_queryset`,
    `get_object` or `test_func` (a member's profile page, `model = User`, is meant to be seen). Such a method the
    caller decides counts also in a mixin the view (or viewset) inherits, from its own module or another of the
    project (`from .mixins import OwnedQuerysetMixin`, whose `get_queryset` filters by `self.request.user`). Lookups count
    also when an async ORM or a document store runs them on the model class or collection
    (`await Note.get_or_none(id=note_id)`, `db.notes.find_one({"_id": note_id})`), and DynamoDB reads and writes an
    item by a `Key` that holds no owner attribute (`table.get_item(Key={"id": doc_id})`).

    ## Why is this bad?
    Authentication says who the caller is; it does not say the object is theirs. Any signed-in user can
    change the number in the URL and read, edit or delete everyone else's records: an insecure direct
    object reference (IDOR), the most frequent access-control bug in web APIs. Agents write the lookup by
    id because the demo has one user.

    ## Example
    ```python
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import get_object_or_404, redirect

    from .models import Invoice

    @login_required
    def delete_invoice(request, pk):
        invoice = get_object_or_404(Invoice, pk=pk)
        invoice.delete()
        return redirect("invoices")
    ```

    ## Use instead
    ```python
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import get_object_or_404, redirect

    from .models import Invoice

    @login_required
    def delete_invoice(request, pk):
        invoice = get_object_or_404(Invoice, pk=pk, owner=request.user)
        invoice.delete()
        return redirect("invoices")
    ```

    ## References
    - [CWE-639: Authorization Bypass Through User-Controlled Key](https://cwe.mitre.org/data/definitions/639.html)
    - [OWASP API Security Top 10 API1: Broken Object Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa1-broken-object-level-authorization/)
    - [OWASP: Insecure Direct Object Reference Prevention](https://cheatsheetseries.owasp.org/cheatsheets/Insecure_Direct_Object_Reference_Prevention_Cheat_Sheet.html)
    """

    code = "VC214"
    name = "object-lookup-not-scoped-to-user"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (639,)
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    cache_inputs = (sibling_models_inputs, check_modules_inputs, openapi_inputs)  # the model module beside a viewset
    # (owner fields), the auth modules a dropped check is read from, the OpenAPI documents that route its functions
    released_by = ("VC201",)  # its app model tells a handler guarded in another file (`held_for`)

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """The function of another module a handler hands its client id to is not one of the project's row readers
        that check nothing: it may scope the row to the caller, or it is no project function at all."""
        if kind == CHECKED_SERVICE:
            return not defines_method(functions_index(project, READERS_FACT), relative, subject)
        if kind == CALLER_MIXIN:
            return inherits_a_project_check(project, relative, subject)
        return kind == CHECKED_READER and not defines(functions_index(project, READERS_FACT), relative, subject)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.classes: list[ClassContext | None] = []
        self.class_names: list[str] = []
        self.class_nodes: list[cst.ClassDef] = []
        self.receiver_classes: list[bool] = []  # per enclosing class: a webhook receiver open to its sender
        self.depth = 0
        self.routers: dict[str, list[str]] = {}
        self.sockets_checked = False
        self.module_callers = False  # the module puts a caller in Falcon's request context
        self.listed: dict[str, ListedRoute] = {}  # functions a Starlette route list routes -> their methods, paths
        self.operations: dict[str, Operation] = {}  # functions an OpenAPI document routes (Connexion)
        self.lambda_authorized = False  # a Lambda handler of the module reads its API authorizer's caller
        self.readers: dict[tuple[int, int], bool] = {}  # `_reads_by_parameter`'s answers (the module keeps the nodes)
        self.tables: frozenset[str] = frozenset()  # module-level names that may be tables read by subscript
        self.module_classes: dict[str, cst.ClassDef] = {}  # the module's classes, whose mixins may check the caller
        self.aliases: dict[str, cst.BaseExpression] | None = None  # the module's `Annotated` aliases, read on demand
        # the last handler's nodes off the path to its lookup (`_off_lookup_path`)
        self.off_path: tuple[cst.CSTNode | None, set[int]] = (None, set())

    def visit_Module(self, node: cst.Module) -> None:
        if "dependencies" in self.context.source:
            self.routers = router_dependencies(node, self.context.imports)
        self.sockets_checked = socket_connections_checked(node, self.context.imports)
        self.module_callers = context_callers(node, self.context.imports)
        if "Route" in self.context.source or "add_route" in self.context.source:
            self.listed = listed_route_methods(node, self.context.imports)
        self.operations = operations_for(self.context.path)  # Connexion's handlers, routed by an OpenAPI document
        self.lambda_authorized = authorizer_read(node)
        if self.context.imports.imports_any(INDEXED_TABLE_MODULES):
            self.tables = module_level_names(node)
        self.module_classes = module_classes(node)
        if self.module_classes:  # (also when none checks: a module without the fact was not read, `view_mixins`)
            self.context.facts[CALLER_CHECKS_FACT] = caller_checking_classes(self.module_classes)

    def leave_Module(self, node: cst.Module) -> None:
        readers = sorted(name for name, function in self._functions().items()
                         if type(function.body) is cst.IndentedBlock and len(function.body.body) <= READER_STATEMENTS
                         and self._reads_by_parameter(function))
        if "class" in self.context.source:
            readers.extend(service_readers(node, self._service_reads_row))
        if readers:
            self.context.facts[READERS_FACT] = readers

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        context = class_context(node, self.context.imports) if not self.depth else None
        self.classes.append(context)
        self.class_names.append(node.name.value)
        self.class_nodes.append(node)
        self.receiver_classes.append(self._webhook_receiver(node))
        if context is not None and context.view:
            self._check_viewset(node)
            if context.authenticated and not context.restricted:
                self._check_generic_view(node)

    def _check_viewset(self, node: cst.ClassDef) -> None:
        """A DRF viewset that serves every object (`queryset = X.objects.all()`) of a model whose rows belong to users:
        it saves the caller as owner in `perform_create`, or the model has a relation to the user model."""
        bases = {(self.qualified_name(b.value) or "").rpartition(".")[2] for b in node.bases}
        if not bases & (OBJECT_VIEWSETS | LISTING_VIEWSETS):
            return
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        methods = {s.name.value: s for s in body if isinstance(s, cst.FunctionDef)}
        permissions = _class_attribute(body, "permission_classes")
        names = [n.rpartition(".")[2] for n in dotted_uses(permissions)] if permissions is not None else []
        if any(set(name_words(n)) & OBJECT_PERMISSION_WORDS for n in names):
            self._check_listed_objects(node, bases, body, methods, names)
            return  # `IsOwner`, `IsAuthorOrReadOnly`, `DjangoObjectPermissions`: an object-level check
        if not bases & OBJECT_VIEWSETS:
            return
        if "get_queryset" in methods and bases & CHANGING_VIEWSETS and set(names) <= LOGIN_ONLY_PERMISSIONS:
            self._check_client_scoped_queryset(node.name.value, methods)
        if methods.keys() & {"get_queryset", "get_object", "filter_queryset"} \
                or inherits_a_caller_check(node, self.module_classes):
            return
        queryset = _class_attribute(body, "queryset")
        if queryset is None or not _serves_all(queryset):
            return
        anchor = node.decorators[0] if node.decorators else node
        creator = methods.get("perform_create")
        if creator is not None and any(d in IDENTITY_EXPRESSIONS for d in dotted_uses(creator.body)) \
                and not _stamps_the_editor(methods.get("perform_update")):
            self.report(anchor, f"`{node.name.value}` stores the signed-in user on each object it creates but serves "
                        f"`{short_code(queryset)}` to everyone, so any user can read, change or delete the others' "
                        "objects.", hint=SCOPE_VIEWSET_HINT, unless=(CALLER_MIXIN, node.name.value))
            return
        owners = self._owner_fields(queryset)
        if owners and bases & CHANGING_VIEWSETS and set(names) <= LOGIN_ONLY_PERMISSIONS \
                and (permissions is not None or not _names_a_permission(body)) and not any(
                d in IDENTITY_EXPRESSIONS for method in methods.values() for d in dotted_uses(method.body)):
            self.report(anchor, f"`{node.name.value}` serves `{short_code(queryset)}` to every signed-in user, though "
                        f"each row belongs to a user (`{sorted(owners)[0]}`): any user can change or delete the "
                        "others' objects by their id.", hint=SCOPE_VIEWSET_HINT, unless=(CALLER_MIXIN, node.name.value))

    def _check_listed_objects(self, node: cst.ClassDef, bases: set[str], body: Sequence[cst.BaseStatement],
                              methods: dict[str, cst.FunctionDef], permissions: list[str]) -> None:
        """A viewset that keeps each object to its owner (`IsOwner.has_object_permission`) but lists `X.objects.all()`:
        DRF never asks an object permission about a list, so every user's rows go to every signed-in user. A class
        that lets everyone read (`IsAuthorOrReadOnly`) says the rows are public, and the list is too."""
        if not bases & LISTING_VIEWSETS or methods.keys() & LIST_SCOPING or _class_attribute(body, "filter_backends") \
                or inherits_a_caller_check(node, self.module_classes):
            return
        queryset = _class_attribute(body, "queryset")
        checker = next((n for n in permissions if set(name_words(n)) & OBJECT_PERMISSION_WORDS
                        and not set(name_words(n)) >= READ_ONLY_WORDS), None)
        if checker is None or queryset is None or not _serves_all(queryset) or admin_permission_class(permissions):
            return  # (a list for administrators: `[IsAdminUser, IsOwner]`)
        self.report(node.decorators[0] if node.decorators else node,
                    f"`{node.name.value}` checks `{checker}` on each object it serves by id, but DRF runs no object "
                    f"permission on a list, and its list serves `{short_code(queryset)}`: every user's objects to "
                    "every signed-in user.", hint=SCOPE_VIEWSET_HINT, unless=(CALLER_MIXIN, node.name.value))

    def _check_client_scoped_queryset(self, view: str, methods: dict[str, cst.FunctionDef]) -> None:
        """`get_queryset` of a viewset that changes and deletes its objects returns the rows of the parent the client
        names (`Membership.objects.filter(project_id=self.request.query_params.get("project"))`), and no method of the
        view names the caller: any user reads, changes and deletes the rows of any parent."""
        if any(d in IDENTITY_EXPRESSIONS for method in methods.values() for d in dotted_uses(method.body)):
            return
        reader = methods["get_queryset"]
        chosen = {target.target.value for node in walk_own(reader.body) if type(node) is cst.Assign
                  and _reads_client_params(node.value) for target in node.targets if type(target.target) is cst.Name}
        for node in walk_own(reader.body):
            value = node.value if type(node) is cst.Return else None
            if type(value) is not cst.Call or type(value.func) is not cst.Attribute \
                    or value.func.attr.value not in ("filter", "get") or self._reads_shared_model(value):
                continue
            keyed = {a.keyword.value: a for a in value.args if a.keyword is not None and (
                (type(a.value) is cst.Name and a.value.value in chosen) or _reads_client_params(a.value))}
            if keyed and all(a.keyword is not None and keyed.get(a.keyword.value) is a or _constant(a.value)
                             for a in value.args):
                self.report(value, f"`{view}.get_queryset` returns the rows of whatever `{next(iter(keyed))}` the "
                            "client sends, and nothing in the view scopes them to the caller, so any user can read, "
                            "change or delete them.", hint=SCOPE_VIEWSET_HINT)

    def _owner_fields(self, queryset: cst.BaseExpression) -> frozenset[str]:
        """The fields relating the model of `Invoice.objects.all()` to the user model, read from the model module
        beside this file."""
        manager = queryset.func.value if isinstance(queryset, cst.Call) and isinstance(queryset.func, cst.Attribute) \
            else queryset
        model = manager.value if isinstance(manager, cst.Attribute) else None
        reference = (self.qualified_name(model) or "") if model is not None else ""
        return owner_fields(self.context.path, reference) if reference else frozenset()

    def _check_generic_view(self, node: cst.ClassDef) -> None:
        """`class OrderDetailView(LoginRequiredMixin, DetailView): model = Order`: any signed-in user gets any order."""
        kinds = [OBJECT_VIEWS[last] for b in node.bases
                 if (last := (self.qualified_name(b.value) or get_full_name_for_node(b.value) or "").rpartition(".")[2])
                 in OBJECT_VIEWS]
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        if not kinds or any(isinstance(s, cst.FunctionDef) and s.name.value in OBJECT_SCOPING_METHODS for s in body) \
                or inherits_a_caller_check(node, self.module_classes):
            return
        queryset = _class_attribute(body, "queryset")
        model = _class_attribute(body, "model")
        if queryset is not None and not _serves_all(queryset):
            return  # `queryset = Order.objects.filter(...)`: scoped on some criterion the view chose
        source = queryset if queryset is not None else model
        if source is None or (kinds[0] == "shows" and set(name_words(short_code(source))) & PUBLIC_PAGE_WORDS):
            return  # another member's profile page is meant to be seen
        anchor = node.decorators[0] if node.decorators else node
        self.report(anchor, f"`{node.name.value}` {kinds[0]} any `{short_code(source)}` object whose id is in the URL "
                    "to every signed-in user: nothing scopes its queryset to the caller.",
                    hint="Override `get_queryset()` to return only the caller's objects "
                    "(`Model.objects.filter(owner=self.request.user)`), and answer 404 for the others.",
                    unless=(CALLER_MIXIN, node.name.value))

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()
        self.class_names.pop()
        self.class_nodes.pop()
        self.receiver_classes.pop()

    def _webhook_receiver(self, node: cst.ClassDef | cst.FunctionDef) -> bool:
        """`@method_decorator(csrf_exempt, name="dispatch") class ProcessWebhookView(View)`: a view named for a webhook
        and opened to callers without a session (CSRF-exempt, or `login_not_required`) receives a service's calls; no
        user is signed in there, and the id in its URL names the endpoint the service was given."""
        if not WEBHOOK_WORDS & set(name_words(node.name.value)):
            return False
        return any(OPEN_TO_SERVICES.search(self.context.module.code_for_node(d.decorator)) for d in node.decorators)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth += 1
        if self.depth > 1:
            return
        owner = self.classes[-1] if self.classes else None
        if self.classes and owner is None:
            return
        handler = handler_of(node, self.context.imports, owner, self.routers, sockets_checked=self.sockets_checked,
                             module_callers=self.module_callers, listed=self.listed, operations=self.operations)
        tool = handler is None and owner is None and self.context.imports.imports_any(AGENT_TOOL_MODULES)
        if tool:
            handler = agent_tool_handler(node, self.context.module)
        elif handler is None and owner is None:
            handler = lambda_handler(node, self.lambda_authorized)
        if handler is None or not handler.client_ids:
            return
        if (handler.restricted or self._role_decorated(node)) and not self._tenant_role_only(node):
            return  # a role or permission guard lets its holders reach every object by design
        if any(self.receiver_classes) or self._webhook_receiver(node):
            return  # a service calls it, not a signed-in user
        # a check of the caller's access to the tenant the route names says nothing of the child loaded by its id alone
        tenant_child = self._unscoped_tenant_child(handler)
        lookup: cst.Call | cst.Subscript | None
        if tenant_child is not None:
            lookup, unless = tenant_child[0], None
        else:
            if self._relates_to_caller(handler) or checks_role(node.body, self._off_lookup_path(handler)) \
                    or self._hands_to_a_checking_helper(handler):
                return
            imported = self._imported_readers(handler)
            if len(imported) > 1:
                return  # several functions of other modules get the id: any may check it
            lookup = self._first_lookup(handler) or (imported[0][0] if imported else None)
            # a function of another module handed the id reads the row, or checks it: the project's readers decide
            unless = imported[0][1] if imported else None
        if lookup is not None and not self._reads_shared_model(lookup):
            ids = [_client_value(lookup, name) for name in sorted(handler.client_ids & set(names_in(lookup)))]
            anchor: cst.CSTNode = lookup
            held = None
            name = ".".join([*self.class_names[-1:], node.name.value])
            if tool:
                where = f"the agent tool `{name}`, whose run context knows the user it acts for (the model chose the id),"
            elif handler.restricted:
                where = f"the handler `{name}`, which a role held in one organisation or team opens,"
            elif handler.authenticated:
                where = f"the handler `{name}`, which knows the signed-in user,"
            elif not handler.signed_in:
                # guarded, if at all, where its router is included or its URLconf routes it: the app model decides
                held = name
                where = f"the handler `{name}`, which only signed-in users reach,"
                if unless is not None:
                    return  # a held finding is released whole: it cannot also wait for the readers
            else:
                # reported where VC201 reports the view when the settings leave DRF's default open (`AllowAny`): the
                # view is then open to anyone, VC201's finding, which supersedes this one on its line
                where = f"the DRF view `{name}`, left to `DEFAULT_PERMISSION_CLASSES`, which at most signs the caller in,"
                anchor = node.decorators[0] if node.decorators else node.name
            if handler.dependency:
                self.report(anchor, f"`{short_code(lookup)}` fetches an object by the client's `{ids[0]}` in the "
                            f"dependency `{node.name.value}`, which knows the signed-in user but never checks that the "
                            "object belongs to them: every route that depends on it serves any caller's object.",
                            hint=DEPENDENCY_HINT, unless=unless)
                return
            if tenant_child is not None:
                self.report(anchor, f"`{short_code(lookup)}` loads an object by the client's `{ids[0]}` alone in "
                            f"`{name}`, which checks the caller's access to the `{tenant_child[1]}` the route names but "
                            "not that the object belongs to that tenant: a member of one tenant reaches another's "
                            "objects by their id.", hint=TENANT_HINT, held_for=held)
                return
            self.report(
                anchor,
                f"`{short_code(lookup)}` fetches an object by the client's `{ids[0]}` in {where} but never checks "
                "that the object belongs to them.",
                hint="Scope the lookup to the caller (`owner=request.user`, `Model.owner_id == current_user.id`) or "
                "check the owner before using the object, and answer 404 when it is not theirs.",
                held_for=held,
                unless=unless,
            )

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.depth -= 1

    def _role_decorated(self, function: cst.FunctionDef) -> bool:
        """A decorator whose name says nothing (`@agent_required`) but whose body refuses callers without a role
        (`role_decorators`)."""
        return any(role_guard(self.context, decorator.decorator) for decorator in function.decorators)

    def _tenant_role_only(self, function: cst.FunctionDef) -> bool:
        """Every role the handler's permission classes and decorators ask for is held within a tenant (`IsOrgAdmin`,
        `team_admin_required`): its holders reach their own organisation's objects, not every one, so lookups by id
        are still judged (a lookup scoped to the tenant, `organization=request.org`, relates the object)."""
        own = drf_permission_classes(function)
        owner = self.class_nodes[-1] if self.class_nodes and self.classes and self.classes[-1] is not None else None
        names = own or (drf_permission_classes(owner) if owner is not None else [])
        names += [dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or ""
                  for d in (*function.decorators, *(owner.decorators if owner is not None else ()))]
        roles = [words for name in names if restricts([name.rpartition(".")[2]])
                 for words in (set(name_words(name.rpartition(".")[2])),)]
        return bool(roles) and all(words & SHARED_OWNERS for words in roles)

    def _reads_shared_model(self, lookup: cst.Call | cst.Subscript) -> bool:
        """The lookup reads a model of the app's own model module that belongs to no one: no field names an owner and
        none links to another row (`Server` of a monitoring tool every operator manages)."""
        if type(lookup) is not cst.Call:
            return False  # a table indexed by the id names no model class
        model = _looked_up_model(lookup)
        if model is not None and SHARED_OWNERS.intersection(name_words(model.value)):
            return False  # a `Tenant` names no owner because it is one: its members' data hangs from it
        reference = (self.qualified_name(model) or "") if model is not None else ""
        return bool(reference) and ownerless_model(self.context.path, reference)

    def _relates_to_caller(self, handler: Handler) -> bool:
        """Something in the handler ties the object to the caller: an identity, an owner-like field, a framework check.

        When the handler changes or deletes the object it fetched, a model class (`User.query.get(user_id)`),
        the variable holding the object (`account = ...`) and the names of what the client's id names
        (`organization_service.update_organization` for `organization_id`) are the object, not the caller, whatever
        their names say; reading another user's profile by name stays a normal page.
        """
        body = handler.node.body
        fetched = _fetched_names(body, handler.client_ids)
        changes = _changes_any(body, fetched)
        off = self._off_lookup_path(handler)
        stamped = _authorship_arguments(body) | _output_arguments(body) | self._dropped_answers(body) \
            | _sign_in(body, handler.identity_params) | off
        tested = set(dotted_uses(body, skip=stamped | _displayed_values(body)))
        # what the client's id names is the object (`organization_id`: `organization_service.update_organization`),
        # not another id beside it that scopes the lookup (`tenant_id` in `get_project_in_tenant(tenant_id, id)`)
        client_words = {word for name in handler.client_ids for word in name_words(name)}
        # a read of the group the client names (`db.get(Tenant, x_tenant_id)`), not a lookup scoped by it
        # (`get_project_in_tenant(tenant_id, project_id)`)
        entity = client_words & _object_words(body, fetched) if changes \
            else _spelled_both_ways({SHARED_OWNER_SPELLINGS.get(w, w) for w in client_words} & SHARED_OWNERS
                                    & _model_words(body))
        client_values = handler.client_ids | _request_values(body)  # an owner the client names relates nothing
        if _runs_owner_scoped_sql(body, client_values, off):
            return True  # `SELECT ... WHERE id = ? AND owner_id = ?` first: the row is known to be the caller's
        if _hands_request_scope(body, handler.client_ids, _injected_objects(handler) | _request_scopes(body)):
            return True
        for dotted in dotted_uses(body, skip=stamped):
            if dotted in IDENTITY_EXPRESSIONS or dotted.partition(".")[0] in handler.identity_params:
                return True
            last = dotted.rpartition(".")[2]
            if last in FRAMEWORK_OBJECT_CHECKS:
                return True
            if last in client_values or (changes and (last in fetched or last[:1].isupper())):
                continue
            if dotted in fetched and set(name_words(dotted)) & OWNERSHIP_WORDS <= CLAIM_WORDS:
                continue  # `sub = await service.cancel(subscription_id)`: the row, named short, not a token's subject
            if dotted in tested and set(name_words(last)) & OWNERSHIP_WORDS - entity:
                return True
        return self._delegates(handler)

    def _off_lookup_path(self, handler: Handler) -> set[int]:
        """The branches that answered before the first lookup by the client's id, the locals only they read, and the
        role tests that answered their holders and let everyone else on to it (`lookup_path`): the caller they use
        scopes nothing the lookup reads. Asked twice per handler: answered once."""
        if self.off_path[0] is handler.node:
            return self.off_path[1]
        lookup = self._first_lookup(handler)
        if lookup is None:
            imported = self._imported_readers(handler)
            lookup = imported[0][0] if len(imported) == 1 else None
        off = off_path(handler.node.body, lookup, tests_a_role) if lookup is not None else set()
        self.off_path = (handler.node, off)
        return off

    def _dropped_answers(self, body: cst.CSTNode) -> set[int]:
        """The calls of a check alone on its line that only answers (`is_tenant_admin(user)`, defined here or in the
        auth module it is imported from): neither its name nor the caller handed to it tests anything, since the
        answer is thrown away (VC212's finding)."""
        return {id(call) for node in walk_own(body) if type(node) is cst.Expr
                for call in (node.value.expression if type(node.value) is cst.Await else node.value,)
                if type(call) is cst.Call and answers_only(self.context, call.func)}

    def _hands_to_a_checking_helper(self, handler: Handler) -> bool:
        """The fetched object (or its id) goes to a function of this module that checks the caller's right to it
        (`delete_shelf_helper(shelf)`, whose body calls `check_shelf_edit_permissions(shelf)` or tests `current_user` in
        an `if`); a helper that only logs or shows the caller checks nothing."""
        handed = _fetched_names(handler.node.body, handler.client_ids) | handler.client_ids
        for node in walk_own(handler.node.body):
            if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name)):
                continue
            helper = self._functions().get(node.func.value)
            if helper is not None and helper is not handler.node and any(
                    isinstance(a.value, cst.Name) and a.value.value in handed for a in node.args) \
                    and (checks_role(helper.body) or _tests_the_caller(helper.body)):
                return True
        return False

    def _delegates(self, handler: Handler) -> bool:
        """The client id goes to a plain function (`post = get_post(id)`): the check may live there, unseen; not when
        the call hands it the SQL it runs (`query_db("SELECT ... WHERE id = ?", (id,))`), which shows no owner, nor when
        the function is in view in this module and only converts the id (`oid(order_id)`) or reads the row by it and
        nothing else (`_load_invoice(session, invoice_id)`)."""
        pending: list[cst.CSTNode] = [handler.node.body]
        while pending:
            node = pending.pop()
            if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) \
                    and node.func.value not in LOOKUP_FUNCTIONS and not node.func.value[:1].isupper() \
                    and node.func.value not in HELPER_SAFE_CALLS and not _query_set(node) \
                    and node.func.value not in SOCKET_OUTPUT_CALLS | RECORDING_CALLS \
                    and handler.client_ids & {n for a in node.args for n in names_in(a.value)} \
                    and not SQL_STATEMENT.match(_sql_argument(node) or "") \
                    and not self._helper_in_view(node.func.value) \
                    and self._imported_reader(node, handler) is None:
                return True
            pending.extend(child_nodes(node))
        return False

    def _imported_readers(self, handler: Handler) -> list[tuple[cst.Call, tuple[str, str]]]:
        """The calls of functions of other modules handed the client's id and nothing else (`get_note(note_id)` from
        `.repositories`, `repositories.load_note(note_id)`), also of an injected service's methods
        (`service.invoice(invoice_id)`), each with what its finding waits for: the kind and the name as imported."""
        found: list[tuple[cst.Call, tuple[str, str]]] = []
        for node in walk_own(handler.node.body):
            if type(node) is not cst.Call:
                continue
            if (name := self._imported_reader(node, handler)) is not None:
                found.append((node, (CHECKED_READER, name)))
            elif (method := self._injected_service_call(node, handler)) is not None:
                found.append((node, (CHECKED_SERVICE, method)))
        return found

    def _service_reads_row(self, call: cst.Call, method: cst.FunctionDef, ids: set[str]) -> bool:
        """A service method's own lookup by one of its parameters (`self.session.get(Invoice, invoice_id)`)."""
        return self._is_lookup(call, Handler(node=method, methods=frozenset(), authenticated=False, client_ids=ids),
                               helpers=False)

    def _injected_service_call(self, call: cst.Call, handler: Handler) -> str | None:
        """`Class.method` as imported (`.services.InvoiceService.invoice`) when `call` is a method of a handler's
        parameter typed with a class of another module (`service: Annotated[InvoiceService, Depends(...)]`) handed
        only the client's id: the method may read the row by it, unscoped, or check it."""
        func = call.func
        if type(func) is not cst.Attribute or type(func.value) is not cst.Name \
                or not handler.client_ids & set(names_in(call)) or not _hands_only_the_id(call, handler.client_ids):
            return None
        parameter = next((p for p in parameters(handler.node) if p.name.value == func.value.value), None)
        if self.aliases is None:
            self.aliases = annotation_aliases(self.context.module)
        cls = annotated_class(parameter, self.aliases) if parameter is not None else None
        if cls is None:
            return None
        qualified = self.qualified_name(cls)
        if qualified is None or qualified == get_full_name_for_node(cls) or "." not in qualified.lstrip("."):
            return None  # not imported, or from a library
        return f"{qualified}.{func.attr.value}"

    def _imported_reader(self, call: cst.Call, handler: Handler) -> str | None:
        """The imported name (`.repositories.get_note`) of a function that `call` hands only the client's id, when it is
        a plain function or one of an imported module, not a class (`Note(...)`) nor this module's own."""
        func = call.func
        receiver = func.value if type(func) is cst.Attribute else None
        if type(func) is cst.Attribute and func.attr.value == "get":
            return None  # a plain `get` of a module or an object is a mapping's read (`store.get(key)`, a cache's)
        if type(func) is cst.Name:
            if func.value in self._functions() or not func.value[:1].islower():
                return None
        elif type(receiver) is not cst.Name or not receiver.value[:1].islower():
            return None
        written = get_full_name_for_node(func)
        qualified = self.qualified_name(func)
        if qualified is None or qualified == written or "." not in qualified.lstrip("."):
            return None  # not imported, or a whole module called
        if not handler.client_ids & set(names_in(call)) or not _hands_only_the_id(call, handler.client_ids) \
                or self._is_lookup(call, handler):
            return None  # a lookup by its own name (`repo.get_note(id)`) is one wherever it is defined
        return qualified

    def _helper_in_view(self, name: str) -> bool:
        """A function of this module that hides no check: it only converts its argument, or reads a row by it."""
        function = self._functions().get(name)
        return function is not None and (_converts_only(function) or self._reads_by_parameter(function))

    def _functions(self) -> dict[str, cst.FunctionDef]:
        found: dict[str, cst.FunctionDef] | None = self.context.shared.get(_module_functions)
        if found is None:
            found = self.context.shared[_module_functions] = _module_functions(self.context.module)
        return found

    def _reads_by_parameter(self, function: cst.FunctionDef) -> bool:
        """`async def _load_invoice(session, invoice_id): invoice = await session.get(Invoice, invoice_id); if invoice
        is None: raise HTTPException(404); return invoice`: a lookup by a parameter, and nothing that names an owner or
        the caller, and no call but the lookup. Asked of every short function of the module as the walk ends, and again
        of each helper a handler calls: answered once per function and state of the import table (a function's own
        import, met later in the walk, may change what its calls resolve to)."""
        key = (id(function), self.context.imports.version)
        known = self.readers.get(key)
        if known is None:
            known = self.readers[key] = self._judged_reader(function)
        return known

    def _judged_reader(self, function: cst.FunctionDef) -> bool:
        params = _parameter_names(function)
        if any(set(name_words(param)) & OWNERSHIP_WORDS or param in ("user", "current_user", "request")
               for param in params):
            return False
        reader = Handler(node=function, methods=frozenset(), authenticated=False, client_ids=params)
        calls = own_nodes_of(function.body, cst.Call)  # (the index other rules read: `walk_own`'s calls, in its order)
        lookups = [call for call in calls if self._is_lookup(call, reader, helpers=False)]
        if len(lookups) != 1:
            return False
        inner = {id(node) for node in walk_own(lookups[0])}
        others = [call for call in calls if id(call) not in inner]
        return all((get_full_name_for_node(call.func) or "").rpartition(".")[2] in HELPER_SAFE_CALLS for call in others) \
            and not any(set(name_words(dotted.rpartition(".")[2])) & OWNERSHIP_WORDS
                        for dotted in dotted_uses(function.body, skip=set()))

    def _unscoped_tenant_child(self, handler: Handler) -> tuple[cst.Call, str] | None:
        """The route names a tenant and a child of it (`/orgs/<org_id>/projects/<project_id>`), the handler checks the
        caller's access to the tenant (`require_member(user, org_id)`, `if org_id not in user.org_ids: raise`,
        `org = get_org_or_404(org_id, user)`), then loads the child by its id alone (`Project.objects.get(id=
        project_id)`): that lookup, and the tenant's id. None when every such lookup names the tenant (`org=org`,
        `org.projects.get(...)`, `.filter(Project.org_id == org_id)`, a queryset computed from it) or the caller, when
        the loaded object's org (or owner) is compared after, or when the handler checks a role no tenant holds
        (`if not request.user.is_staff`): such callers reach every tenant by design."""
        tenants, children = _tenant_split(handler.client_ids)
        if not tenants or not children:
            return None
        body = handler.node.body
        scoped = _tenant_scoped_names(body, tenants)
        identity = set(handler.identity_params)
        lookups = self._outer_lookups(dataclasses.replace(handler, client_ids=children))
        unscoped = [lookup for lookup in lookups if not _names_a_tenant(lookup, scoped, identity)
                    and not self._reads_shared_model(lookup)]
        if not unscoped:
            return None
        inside = {id(node) for lookup in lookups for node in walk_own(lookup)}
        shown = _displayed_values(body)
        tests: list[cst.CSTNode] = []
        roles: list[cst.CSTNode] = []  # the role checks: `if not request.user.is_staff`, `require_admin(user)`
        for node in walk_own(body):
            if id(node) in inside:
                continue
            if type(node) in (cst.If, cst.Assert):
                tests.append(node.test)  # type: ignore[attr-defined]
                roles.append(cst.Assert(test=node.test))  # type: ignore[attr-defined]
            elif type(node) is cst.Comparison:
                tests.append(node)
            elif type(node) is cst.Call and (dotted_name(node.func) or "").rpartition(".")[2] not in SHOWING_CALLS:
                tests.extend(a.value for a in node.args if id(a.value) not in shown)
                roles.append(node)
        if not any(not tenants.isdisjoint(names_in(test)) for test in tests) \
                or any(checks_role(role) and tenants.isdisjoint(names_in(role)) for role in roles):
            return None  # the tenant goes unchecked, or a role that no tenant holds opens the handler
        fetched = {target.target.value for node in walk_own(body) if type(node) is cst.Assign
                   and any(id(lookup) in {id(n) for n in walk_own(node.value)} for lookup in unscoped)
                   for target in node.targets if type(target.target) is cst.Name}
        if any(not fetched.isdisjoint(names_in(test)) and _names_a_tenant(test, scoped, identity) for test in tests):
            return None  # `if invoice.org_id != org_id: raise`, `require_member(user, project.org_id)`
        return unscoped[0], sorted(tenants)[0]

    def _outer_lookups(self, handler: Handler) -> list[cst.Call]:
        """The lookups by the handler's client ids in source order, each the outermost call of its chain."""
        found: list[cst.Call] = []
        pending: list[cst.CSTNode] = [handler.node.body]
        while pending:
            node = pending.pop()
            if type(node) is cst.Call and self._is_lookup(node, handler):
                found.append(node)
                continue
            pending.extend(reversed(node.children))
        return found

    def _first_lookup(self, handler: Handler) -> cst.Call | cst.Subscript | None:
        """The first lookup in source order (the outermost call of a chain), or a table indexed by the id."""
        pending: list[cst.CSTNode] = [handler.node.body]
        while pending:
            node = pending.pop()
            if isinstance(node, cst.Call) and self._is_lookup(node, handler) \
                    or type(node) is cst.Subscript and self._indexes_table(node, handler):
                return node
            pending.extend(reversed(node.children))
        return None

    def _indexes_table(self, node: cst.Subscript, handler: Handler) -> bool:
        """`entries[eid]`: a module-level table (`INDEXED_TABLE_MODULES`) indexed by one of the client's ids alone."""
        if type(node.value) is not cst.Name or node.value.value not in self.tables or len(node.slice) != 1:
            return False
        index = node.slice[0].slice
        key = index.value if type(index) is cst.Index else None
        if type(key) is cst.Call and len(key.args) == 1 and dotted_name(key.func) in ("int", "str"):
            key = key.args[0].value  # `entries[int(eid)]`
        return type(key) is cst.Name and key.value in handler.client_ids

    def _is_lookup(self, call: cst.Call, handler: Handler, helpers: bool = True) -> bool:
        """A lookup by one of the handler's client ids; with `helpers`, also a call of a function of this module that
        reads a row by its parameter and checks nothing (`_load_invoice(session, invoice_id)`)."""
        read = handler.client_ids & set(names_in(call))
        if not read or (read <= CAPTURE_CONTAINERS and _reads_only_capabilities(call, read)):
            return False
        func = call.func
        sql = _sql_argument(call)
        if helpers and type(func) is cst.Name and (function := self._functions().get(func.value)) is not None \
                and not SQL_STATEMENT.match(sql or ""):  # a helper handed the statement runs what it is handed
            return self._reads_by_parameter(function)
        name = self.qualified_name(func) or get_full_name_for_node(func) or ""
        last = name.rpartition(".")[2]
        if last in LOOKUP_FUNCTIONS or last in PROVIDER_OBJECT_CALLS.get(name.partition(".")[0], ()):
            return True
        if sql is not None and (last in SQL_EXECUTE or SQL_STATEMENT.match(sql)):
            # `db.execute(...)`, or a project helper given the statement (`query("SELECT ... WHERE id = ?", (id,))`)
            return " where " in f" {sql} " and (not SQL_OWNER.search(sql.partition("where")[2]) or _owner_bound_to_client(
                call, sql, handler.client_ids | _request_values(handler.node.body)))
        key = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "Key"), None)
        if last in KEYED_ITEM_METHODS and isinstance(func, cst.Attribute) and key is not None:
            return isinstance(key, cst.Dict) and not any(
                SQL_OWNER.search(string_value(e.key) or "") for e in key.elements if isinstance(e, cst.DictElement))
        if last in PARTITIONED_ITEM_METHODS and isinstance(func, cst.Attribute):
            return True
        if last in RUN_HANDLE_METHODS and isinstance(func, cst.Attribute):
            return True
        if last in QUERY_SET_METHODS and isinstance(func, cst.Attribute):
            return _query_set(func.value)
        if last in LOOKUP_METHODS and isinstance(func, cst.Attribute):
            model_class = isinstance(func.value, cst.Name) and bool(MODEL_CLASS.match(func.value.value))
            return model_class or _data_access_receiver(call)
        if DAO_READER.match(last) and isinstance(func, cst.Attribute):
            return _data_access_receiver(call) or (bool(_receiver_words(call) & READER_LAYERS)
                                                   and _hands_only_the_id(call, handler.client_ids))
        return False
