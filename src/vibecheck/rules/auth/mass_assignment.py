"""VC215: client data copied wholesale onto a model: `Model(**request.data)`, `fields = "__all__"`, setattr loops."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.admin_modules import admin_module_inputs, named_in_admin_module
from vibecheck.analysis.app_model.frameworks import name_words
from vibecheck.analysis.app_model.handlers import dependency_target, parameters
from vibecheck.analysis.app_model.names import restricts
from vibecheck.analysis.flow import (
    CHALICE_REQUEST,
    is_rest_payload,
    is_route_handler,
    resolver_parameters,
    short_code,
    string_value,
)
from vibecheck.analysis.helper_modules import copied_parameter, copying_functions, helper_modules_inputs
from vibecheck.analysis.model_fields import (
    TEXT_FIELD_TYPES,
    is_sibling_schema,
    loadable_fields,
    schema_fields,
    sibling_models_inputs,
    text_fields,
)
from vibecheck.analysis.serializer_uses import only_read, serializer_uses_inputs
from vibecheck.cst_fields import calls_in, child_nodes, own_nodes_of
from vibecheck.imports import full_name
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

# Fields a client must never set on its own: privileges, ownership, money, workflow state.
SENSITIVE_FIELDS = frozenset({
    "is_admin", "is_staff", "is_superuser", "role", "roles", "permissions", "user_permissions", "groups", "owner",
    "owner_id", "user", "user_id", "author", "author_id", "paid", "is_paid", "balance", "credits", "verified",
    "is_verified", "email_verified", "approved", "is_approved", "tenant", "tenant_id", "organization_id",
})
# A stored amount of money or credit under a longer name (`credit_cents`, `account_balance`, `credit_limit`,
# `store_credits`): the first word names the credit, the last its unit or limit; not `credit_card_number`, which a
# client sends to pay.
CREDIT_WORDS = frozenset({"credit", "credits", "balance"})
AMOUNT_WORDS = frozenset({"cents", "amount", "balance", "limit", "micros", "credits"})
MODEL_FORM_BASES = frozenset({"ModelSerializer", "HyperlinkedModelSerializer", "ModelForm"})
# A model that defines access (a group, a role, a view restriction, a policy): its `permissions` or `groups` are what
# the object is, and a form editing it sets them by purpose (wagtail's `GroupForm`), unlike a user's own.
ACCESS_MODEL_WORDS = frozenset({"group", "role", "permission", "restriction", "policy", "grant"})
ACCESS_FIELDS = frozenset({"permissions", "groups", "roles", "role", "user_permissions"})
FORM_BASES = frozenset({"ModelForm"})
# Django admin classes, used by staff only, and their attributes that name the form they edit with: a form listed
# there sets any field by design (`add_form = TokenCreateForm` with `user` in its fields).
ADMIN_BASES = frozenset({"ModelAdmin", "UserAdmin", "GroupAdmin", "InlineModelAdmin", "TabularInline", "StackedInline"})
ADMIN_FORM_ATTRIBUTES = ("form", "add_form", "change_form")
# A form named for the admin (`InvitationAdminChangeForm`, `AdminUserForm`) that the app's `admin.py` names is the form an
# admin class there (or a setting it reads) edits with: only staff reach it.
ADMIN_WORD = "admin"
# Django's generic editing views build a `ModelForm` from their own `fields` attribute.
EDITING_VIEW_BASES = frozenset({"CreateView", "UpdateView", "BaseCreateView", "BaseUpdateView"})
SCHEMA_BASES = frozenset({"BaseModel", "Schema", "SQLModel"})
REQUEST_NAMES = frozenset({"request", "req", "self.request", "flask.request"})
CLIENT_ATTRIBUTES = frozenset({"data", "json", "form", "POST", "values", "query_params", "GET", "args",
                               "media",  # Falcon: `req.media`
                               "json_body",  # Pyramid's `request.json_body`, Chalice's `app.current_request.json_body`
                               "body_params"})  # Emmett: `params = await request.body_params`
# Calls that store a whole mapping as a record: (the module that makes them one, if any, the mapping's position and
# keyword): DynamoDB's `table.put_item(Item=...)`, Cosmos DB's `container.upsert_item(body)` and `replace_item(item, body)`.
ITEM_WRITES: dict[str, tuple[str | None, int | None, str]] = {
    "put_item": (None, None, "Item"),
    "upsert_item": ("azure.cosmos", 0, "body"),
    "create_item": ("azure.cosmos", 0, "body"),
    "replace_item": ("azure.cosmos", 1, "body"),
}
CLIENT_METHODS = frozenset({"get_json", "json", "form", "dict"})
# The body as the client sent it, decoded by hand: `json.loads(request.body)` (Django), `json.loads(request.get_data())`
# (Flask, Werkzeug, Nameko), `json.loads(await request.body())` (Starlette).
JSON_DECODERS = frozenset({"json.loads", "orjson.loads", "ujson.loads"})
RAW_BODY_ATTRIBUTES = frozenset({"body", "data"})
RAW_BODY_METHODS = frozenset({"body", "get_data"})
DUMP_METHODS = frozenset({"dict", "model_dump", "to_dict"})
WRITE_METHODS = frozenset({"create", "update", "get_or_create", "update_or_create", "insert", "create_user", "save"})
NOT_MODELS = frozenset({"Response", "JsonResponse", "JSONResponse", "HTTPException", "HttpResponse", "Exception",
                        "ValueError", "TypeError", "Template", "Context", "Counter", "OrderedDict", "Namespace",
                        "SimpleNamespace", "Path"})
DICT_TYPES = frozenset({"dict", "Dict", "Any", "Mapping", "MutableMapping", "JSON"})
# Graphene declares a resolver's argument types in the class's `Arguments` (`changes = GenericScalar()`): these hold
# any mapping the client sends.
GRAPHENE_ARGUMENTS = "Arguments"
GRAPHENE_MAPPING_TYPES = frozenset({"GenericScalar", "JSONString", "JSON"})
# flask-smorest's `@blp.arguments(Schema)`: the view is handed the dict the marshmallow schema loads from the request.
SCHEMA_ARGUMENTS_MODULE = "flask_smorest"
SCHEMA_ARGUMENTS = "arguments"
# Classes whose annotated fields a client sends, made by a decorator instead of a base: Strawberry's inputs.
INPUT_DECORATORS = frozenset({"strawberry.input"})
# Calls that turn an input object into a mapping of every field it holds: `vars(data)`, `dataclasses.asdict(data)`,
# `strawberry.asdict(data)`.
MAPPING_CALLS = frozenset({"vars", "dataclasses.asdict", "strawberry.asdict"})
# Methods that copy every key of the mapping they are given onto the object: SQLModel's `obj.sqlmodel_update(data)`,
# Tortoise ORM's `obj.update_from_dict(data)`.
COPYING_METHODS = frozenset({"sqlmodel_update", "update_from_dict"})
# Such methods of the document classes of an ODM the file imports: Beanie's `await doc.set(changes)` (a `$set` of every
# key), and its `update(...)`'s mapping argument is the operators themselves.
ODM_COPYING_METHODS: dict[str, tuple[str, ...]] = {"set": ("beanie",)}
# Ownership fields that, stored as plain text, name someone instead of pointing at an account: a book's `author`, a
# pet's `owner` typed by hand. A form may let its user write such text; only a relation would hand over the object.
NAME_AS_TEXT_FIELDS = frozenset({"owner", "user", "author", "tenant"})
# Serializer fields a client can never write, whatever `Meta.fields` lists: they only show a value
# (`author = serializers.ReadOnlyField(source="author.username")`) or take it from the server (`HiddenField`).
READ_ONLY_FIELD_TYPES = frozenset({
    "ReadOnlyField", "SerializerMethodField", "HiddenField", "StringRelatedField", "HyperlinkedIdentityField",
})
# Keyword arguments that make any declared field ignore what the client sends: DRF's `read_only=True`, a Django form
# field's `disabled=True`.
READ_ONLY_KEYWORDS = ("read_only", "disabled")
MODEL_BASES = frozenset({"Model"})
# A dependency that hands a route its signed-in caller (`vendor: Vendor = Depends(current_vendor)`): a body field that
# names the caller's row (`vendor_id`) moves what it is copied onto to another caller's account.
CALLER_DEPENDENCY_WORDS = frozenset({"current", "authenticated", "signed", "logged"})


class MassAssignment(Rule):
    """Client data copied onto a model wholesale, so the client can set fields it must not touch.

    ## What it does
    Reports the ways a handler lets the request body choose which fields of a stored object it writes: a DRF
    `ModelSerializer` or Django `ModelForm` whose `Meta.fields` (or a Django `CreateView`/`UpdateView` whose `fields`,
    unless a permission mixin or `permission_required` restricts it to staff; not a form that an admin class of the
    same file edits with, `add_form = TokenCreateForm`, nor one named for the admin that the app's `admin.py` names,
    `InvitationAdminChangeForm`: used by staff only, nor a serializer of a `serializers` module that its project's
    views and calls only read through: `serializer_class` of a `ReadOnlyModelViewSet` or `ListAPIView`,
    `InvoiceSerializer(invoices, many=True)`, never `data=`) is `"__all__"` or lists a writable
    privilege, ownership, money or state field (`is_staff`, `role`, `owner`, `author`, `paid`, `approved`, a stored
    credit under a longer name, `credit_cents`, `account_balance`, not `credit_card_number`, ... not in
    `read_only_fields` nor declared on the class so that the client cannot write it, `author =
    serializers.ReadOnlyField(...)`, a `HiddenField`, `read_only=True` or a form field's `disabled=True`, nor a choice
    field whose rows a method of the form narrows, `self.fields["user"].queryset = self.get_subordinates()`, which
    Django holds the value to; not `User.objects.all()`; an `owner`,
    `user`, `author` or `tenant` that the form or serializer declares as text, gives a text widget in `Meta.widgets`,
    or whose model in the same file stores it in a `CharField` (in the same file, or in the module of its own package
    it imports the model from, `from .models import Book`), is a name typed by hand, not an account), or whose
    `Meta.exclude` hides some fields and lets the client write all the others, also those added later (the
    `permissions` or `groups` of a model that defines access, a `Group`, `Role` or `ViewRestriction`, are what the
    form edits, not a privilege it grants its client); `Model(**request.data)`,
    `Model.objects.create(**request.json)` (not a Pydantic schema's `StreamLogParameters(**body)`, of the file or of
    any module beside it: it validates the dict field by field), `.update(**payload)`, SQLModel's
    `obj.sqlmodel_update(payload)` or
    Tortoise's `obj.update_from_dict(payload)` with a raw client dict (also through a variable, `request.get_json()`,
    `request.json or {}`,
    `await request.json()`, the body decoded by hand (`json.loads(request.body)`, `json.loads(request.get_data())`,
    `json.loads(await request.body())`), Falcon's `req.media`, Pyramid's `request.json_body`, Emmett's
    `await request.body_params`, Chalice's
    `app.current_request.json_body`, Flask-RESTX's `ns.payload`, the dict flask-smorest's `@blp.arguments(Schema)`
    hands a view when the marshmallow schema loads such a field, a `dict`-typed FastAPI body or a GraphQL resolver's
    `JSON` argument, or an untyped one unpacked into the write, `await article.update(**input)` in an Ariadne
    resolver: GraphQL hands an input object as a dict); DynamoDB's `table.put_item(Item=body)` and Cosmos DB's
    `container.upsert_item(body)`
    (`create_item`, `replace_item`) of such a dict; the same with a Pydantic body whose class declares such a field
    (in the same file, or in a `schemas`, `models`, `dto` ... module of its own package it imports the class from,
    `from .schemas import NoteUpdate`, or of the package above, `from ..schemas import NoteUpdate` in a router),
    or declares the id of the signed-in caller's row in a route that a dependency named for the caller hands it
    (`vendor_id` beside `vendor: Vendor = Depends(current_vendor)`), and
    that `body.model_dump()` or `body.dict()` does not drop
    (`exclude={"owner_id"}`, an `include=` allow-list); and `for key, value in data.items(): setattr(obj, key, value)`
    (or `record[key] = value` into a record the function did not make itself with `{}` or `dict()`) over client
    data, also over `vars(data)` or `data.__dict__` of an input that declares such a field (a Pydantic
    body, a Strawberry `@strawberry.input`); and the client's dict handed to a function of a helper module of the
    package (`crud`, `services`, ... beside the handler or one package up, imported relatively, `from .. import
    services`, or by the package's name, `from app import services`), or to a function of the same module
    (`apply_changes(user, request.json)`), that copies every key of it that way. A
    Graphene argument that its class's `Arguments` declares as a mapping (`changes = GenericScalar()`,
    `JSONString()`) is client data, and Beanie's `await doc.set(changes)` copies every key of what it is given.

    ## Why is this bad?
    The client decides which columns it writes. A sign-up form that sends `"is_staff": true`, an order
    update that sends `"paid": true`, a profile edit that sends `"owner": 1`: each is accepted because the
    code copies every key it receives (CWE-915, the GitHub/Rails mass-assignment bug). Agents write it
    because it is the shortest code that makes the demo pass.

    ## Example
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/users")
    def create_user():
        user = User(**request.get_json())
        db.session.add(user)
        return {"id": user.id}, 201
    ```

    ## Use instead
    ```python
    from flask import Flask, request

    app = Flask(__name__)

    @app.post("/users")
    def create_user():
        data = request.get_json()
        user = User(name=data["name"], email=data["email"])
        db.session.add(user)
        return {"id": user.id}, 201
    ```

    ## References
    - [CWE-915: Improperly Controlled Modification of Dynamically-Determined Object Attributes](https://cwe.mitre.org/data/definitions/915.html)
    - [OWASP: Mass Assignment Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Mass_Assignment_Cheat_Sheet.html)
    - [OWASP API Security Top 10 API3: Broken Object Property Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa3-broken-object-property-level-authorization/)
    - [Django REST framework: specifying which fields to include](https://www.django-rest-framework.org/api-guide/serializers/#specifying-which-fields-to-include)
    """

    code = "VC215"
    # the model module beside a form, for its text fields; the helper modules a handler hands the client's dict to
    # the serializer module's project, whose views may only read through a serializer
    cache_inputs = (sibling_models_inputs, helper_modules_inputs, admin_module_inputs, serializer_uses_inputs)
    name = "mass-assignment"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (915,)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.classes: list[cst.ClassDef] = []
        self.schemas: dict[str, list[str]] = {}  # Pydantic classes of this file -> their sensitive fields
        self.schema_fields: dict[str, list[str]] = {}  # ... -> all their annotated fields
        self.caller_fields: list[set[str]] = []  # per enclosing function: the fields that name its caller's row
        self.functions: list[tuple[set[str], dict[str, str]]] = []  # (client dict names, schema-typed params)
        self.fresh_dicts: list[set[str]] = []  # per function, the names it binds to a new dict (`out = {}`)
        # per enclosing function: a GraphQL resolver's untyped arguments (Ariadne's `input`), a mapping when unpacked
        self.untyped_arguments: list[set[str]] = []
        self.forms: list[tuple[cst.ClassDef, cst.ClassDef]] = []  # (Meta, form) of this file's model forms, checked last
        self.text_fields: dict[str, set[str]] = {}  # models of this file -> their fields that hold plain text
        self.admin_forms: set[str] = set()  # forms this file's admin classes edit with
        self.in_tests = context.is_test_file or context.is_test_support  # its forms and handlers are fixtures
        self._copiers: dict[str, tuple[int, str]] | None = None  # this module's functions that copy a parameter

    # serializers, forms and schemas ----------------------------------------------------------------------

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = {(self.qualified_name(b.value) or "").rpartition(".")[2] for b in node.bases}
        decorators = {self.qualified_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator)
                      for d in node.decorators}
        if bases & SCHEMA_BASES or bases & set(self.schemas) or decorators & INPUT_DECORATORS:
            inherited = [f for b in bases & set(self.schemas) for f in self.schemas[b]]
            self.schemas[node.name.value] = inherited + [f for f in _annotated_fields(node) if _sensitive(f)]
            self.schema_fields[node.name.value] = [f for b in bases & set(self.schema_fields)
                                                   for f in self.schema_fields[b]] + _annotated_fields(node)
        outer = self.classes[-1] if self.classes else None
        self.classes.append(node)
        if node.name.value == "Meta" and outer is not None and not self.functions and not self.in_tests:
            outer_bases = {(self.qualified_name(b.value) or "").rpartition(".")[2] for b in outer.bases}
            if outer_bases & MODEL_FORM_BASES:
                self.forms.append((node, outer))
        elif bases & EDITING_VIEW_BASES and not self.functions and not self.in_tests \
                and not restricts(bases) and "permission_required" not in _class_assignments(node):
            self._check_meta(node, node.name.value, view=True)  # a view for staff may edit any field by design

        if bases & MODEL_BASES:
            self.text_fields[node.name.value] = _text_fields(node)
        if bases & ADMIN_BASES:
            assignments = _class_assignments(node)
            self.admin_forms.update((full_name(assignments[a][1]) or "").rpartition(".")[2]
                                    for a in ADMIN_FORM_ATTRIBUTES if a in assignments)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()

    def leave_Module(self, node: cst.Module) -> None:
        for meta, form in self.forms:
            if form.name.value not in self.admin_forms and not self._admin_module_form(form.name.value):
                self._check_meta(meta, form.name.value, text=self._text_fields_of(meta, form),
                                 declared=_declared_read_only(form) | _narrowed_choices(form))

    def _admin_module_form(self, form: str) -> bool:
        """A form named for the admin that the app's `admin.py` names (`vibecheck.analysis.admin_modules`)."""
        return ADMIN_WORD in name_words(form) and named_in_admin_module(self.context.path, form)

    def _text_fields_of(self, meta: cst.ClassDef, form: cst.ClassDef) -> set[str]:
        """The fields a form or serializer holds as plain text: declared so on it (`author = forms.CharField()`), given
        a text widget in `Meta.widgets`, or so declared by its model when that model is in this file."""
        model = _class_assignments(meta).get("model")
        reference = (self.qualified_name(model[1]) or full_name(model[1]) or "") if model is not None else ""
        model_name = reference.rpartition(".")[2]
        widgets = _class_assignments(meta).get("widgets")
        widgets_value = widgets[1] if widgets is not None else None
        widget_text = {key for element in (widgets_value.elements if isinstance(widgets_value, cst.Dict) else ())
                       if isinstance(element, cst.DictElement) and (key := string_value(element.key)) is not None
                       and _calls_text_type(element.value)}
        return _text_fields(form) | widget_text | self.text_fields.get(model_name, set()) \
            | text_fields(self.context.path, reference)

    def _check_meta(self, meta: cst.ClassDef, owner: str, *, view: bool = False,
                    text: set[str] | frozenset[str] = frozenset(), declared: set[str] | frozenset[str] = frozenset(),
                    ) -> None:
        """The `fields` of a serializer's or form's `Meta` (or its `exclude`), or of a generic editing view (`view`),
        which has no `read_only_fields`: what it lists, the client may write; what `exclude` leaves out is all it
        keeps from them, now and for every field the model gets later."""
        assignments = _class_assignments(meta)
        read_only_entry = assignments.get("read_only_fields")
        read_only_value = read_only_entry[1] if read_only_entry is not None else None
        if string_value(read_only_value) == "__all__":
            return
        fields = assignments.get("fields")
        excluded = assignments.get("exclude")
        if fields is None and excluded is not None and not view and self._written(owner):
            self.report(excluded[0], f"`{owner}` exposes every model field but those in `exclude`, so clients can "
                        "write fields such as owner, role or status that it does not name, and any field added later.",
                        hint="Replace `exclude` with `fields` listing only the fields clients may send, and put the rest "
                        "in `read_only_fields`.", severity=Severity.MEDIUM)
            return
        if fields is None:
            return
        read_only = set(_strings(read_only_value)) | _extra_read_only(assignments.get("extra_kwargs")) | declared
        node, value = fields
        if string_value(value) == "__all__":
            if view or self._written(owner):
                self.report(node, f"`{owner}` exposes every model field with `fields = \"__all__\"`, so clients can write "
                            "fields such as owner, role or status that they must not set.",
                            hint="List only the fields clients may send in `fields`, and set the others in `form_valid()`."
                            if view else "List the fields clients may send in `Meta.fields` and put the rest in "
                            "`read_only_fields`.",
                            severity=Severity.MEDIUM)
            return
        model = assignments.get("model")
        defines_access = model is not None and bool(
            ACCESS_MODEL_WORDS.intersection(name_words((full_name(model[1]) or "").rpartition(".")[2])))
        writable = [f for f in _strings(value) if _sensitive(f) and f not in read_only
                    and not (f in NAME_AS_TEXT_FIELDS and f in text) and not (defines_access and f in ACCESS_FIELDS)]
        if writable and (view or self._written(owner)):
            self.report(node, f"`{owner}` lets clients write `{writable[0]}`, a field only the server should set.",
                        hint=f"Drop `{writable[0]}` from `fields` and set it in `form_valid()` (`form.instance.{writable[0]} = "
                        "...`)." if view else f"Add `{writable[0]}` to `read_only_fields` (or drop it from `fields`) and set "
                        "it in the view.")

    def _written(self, serializer: str) -> bool:
        """Whether a client's data may reach the serializer: not when its project's views and calls only read through
        it (`vibecheck.analysis.serializer_uses`), asked only about a finding, since it reads the whole project."""
        return not only_read(self.context.path, serializer)

    # handlers ------------------------------------------------------------------------------------------------

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        client: set[str] = set()
        typed: dict[str, str] = {}
        untyped: set[str] = set()
        route = is_route_handler(node)
        resolved = resolver_parameters(node, self.context.imports) if not route else set()
        callers = self._caller_fields(node) if route else set()
        for param in parameters(node):
            annotation = param.annotation.annotation if param.annotation is not None else None
            type_name = (full_name(annotation.value if isinstance(annotation, cst.Subscript) else annotation)
                         if annotation is not None else None) or ""
            if (route or param.name.value in resolved) and (type_name.rpartition(".")[2] in DICT_TYPES
                                                            or param.name.value in self._mapping_arguments()):
                client.add(param.name.value)
                continue
            if param.name.value in resolved and annotation is None:
                untyped.add(param.name.value)
            if type_name and type_name not in self.schemas and annotation is not None:
                imported = schema_fields(self.context.path, self.qualified_name(annotation) or "")
                if imported:  # `from .schemas import NoteUpdate`: a schema of a module beside this one
                    self.schemas[type_name] = [f for f in imported if _sensitive(f)]
            if self.schemas.get(type_name) or callers & set(self.schema_fields.get(type_name, ())):
                typed[param.name.value] = type_name
        client |= self._loaded_arguments(node)
        self.functions.append((client, typed))
        self.fresh_dicts.append(set())
        self.caller_fields.append(callers)
        self.untyped_arguments.append(untyped)

    def _loaded_arguments(self, node: cst.FunctionDef) -> set[str]:
        """The parameters flask-smorest's `@blp.arguments(ItemUpdateSchema)` fills, in the order of those decorators,
        with the dict the schema loads from the body, when the schema lets the client send a field only the server
        should set (`owner_id = fields.Int()`); a schema of harmless fields limits what the dict may hold."""
        if not self.context.imports.imports_any((SCHEMA_ARGUMENTS_MODULE,)):
            return set()
        names = [p.name.value for p in parameters(node) if p.name.value not in ("self", "cls")]
        loaded: set[str] = set()
        for index, schema in enumerate(self._argument_schemas(node)):
            reference = self.qualified_name(schema) or full_name(schema) or ""
            if index < len(names) and any(_sensitive(f) for f in loadable_fields(self.context.path, reference)):
                loaded.add(names[index])
        return loaded

    @staticmethod
    def _argument_schemas(node: cst.FunctionDef) -> list[cst.BaseExpression]:
        """The schema each `@blp.arguments(Schema)` (or `(Schema(), location="json")`) names, top first; one that
        hands the fields as keyword arguments (`as_kwargs=True`) fills no positional parameter."""
        schemas = []
        for decorator in node.decorators:
            call = decorator.decorator
            if type(call) is not cst.Call or type(call.func) is not cst.Attribute \
                    or call.func.attr.value != SCHEMA_ARGUMENTS or not call.args or call.args[0].keyword is not None \
                    or any(a.keyword is not None and a.keyword.value == "as_kwargs" for a in call.args):
                continue
            schema = call.args[0].value
            schemas.append(schema.func if type(schema) is cst.Call else schema)
        return schemas

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.pop()
        self.fresh_dicts.pop()
        self.untyped_arguments.pop()
        self.caller_fields.pop()

    def _caller_fields(self, node: cst.FunctionDef) -> set[str]:
        """`vendor_id` of a route given `vendor: Vendor = Depends(current_vendor)`: the id field of the row a dependency
        named for the signed-in caller hands it, by the parameter's name and by its model's."""
        fields: set[str] = set()
        for param in parameters(node):
            target = dependency_target(param, self.context.imports)
            if target is None or not CALLER_DEPENDENCY_WORDS & set(name_words(target.rpartition(".")[2])):
                continue
            fields.add(f"{param.name.value}_id")
            annotation = param.annotation.annotation if param.annotation is not None else None
            model = full_name(annotation) if annotation is not None else None
            if model:
                fields.add("_".join(name_words(model.rpartition(".")[2])) + "_id")
        return fields

    def _server_fields(self, schema: str) -> list[str]:
        """The fields of an input class only the server should set: the sensitive ones, and those naming the caller."""
        callers = self.caller_fields[-1] if self.caller_fields else set()
        return self.schemas.get(schema, []) + [f for f in self.schema_fields.get(schema, ()) if f in callers]

    def _mapping_arguments(self) -> set[str]:
        """The arguments the enclosing class's `Arguments` declares as mappings (Graphene's `GenericScalar()`)."""
        owner = self.classes[-1] if self.classes else None
        body = owner.body.body if owner is not None and isinstance(owner.body, cst.IndentedBlock) else ()
        arguments = next((s for s in body if type(s) is cst.ClassDef and s.name.value == GRAPHENE_ARGUMENTS), None)
        if arguments is None:
            return set()
        return {name for name, (_, value) in _class_assignments(arguments).items() if type(value) is cst.Call
                and (full_name(value.func) or "").rpartition(".")[2] in GRAPHENE_MAPPING_TYPES}

    def visit_Assign(self, node: cst.Assign) -> None:
        if self.functions and len(node.targets) == 1 and type(node.targets[0].target) is cst.Name \
                and self._client_dict(node.value) is not None:
            self.functions[-1][0].add(node.targets[0].target.value)
        if self.fresh_dicts and _makes_a_dict(node.value):
            self.fresh_dicts[-1].update(t.target.value for t in node.targets if type(t.target) is cst.Name)

    def visit_Call(self, node: cst.Call) -> None:
        if not self.functions or self.in_tests:
            return
        name = self.qualified_name(node.func) or full_name(node.func) or ""
        last = name.rpartition(".")[2]
        if name.endswith("__dict__.update") and node.args:
            why = self._client_dict(node.args[0].value)
            if why is not None:
                self.report(node, f"`{short_code(node)}` copies {why} into the object's attributes, so the client "
                            "chooses which fields it writes.",
                            hint="Assign the allowed fields one by one instead of updating `__dict__`.")
            return
        odm = ODM_COPYING_METHODS.get(last)
        copies = last in COPYING_METHODS or (odm is not None and len(node.args) == 1
                                             and self.context.imports.imports_any(odm))
        if copies and isinstance(node.func, cst.Attribute) and node.args:
            why = self._client_dict(node.args[0].value)
            if why is not None:
                self.report(node, f"`{short_code(node)}` copies every key of {why} onto the object, so the client "
                            "chooses which fields it writes (`org_id`, `owner`, `role`...).",
                            hint="Validate the body with a schema that lists only the fields clients may set, and "
                            "pass its `model_dump(exclude_unset=True)`.")
            return
        if last == "setattr":
            return
        if self._hands_to_a_copier(node, name):
            return
        item = self._stored_item(node, last)
        why = self._client_dict(item) if item is not None else None
        if why is not None:
            self.report(node, f"`{short_code(node)}` stores {why} as the record, so the client chooses every "
                        "attribute it holds (`owner`, `role`, `paid`...).",
                        hint="Build the item from the fields clients may set, and set the owner from the caller.")
            return
        stars = [a for a in node.args if a.star == "**"]
        if not stars or not (last in WRITE_METHODS or (last[:1].isupper() and last not in NOT_MODELS
                                                        and last not in self.schemas)) \
                or (last[:1].isupper() and is_sibling_schema(self.context.path, self.qualified_name(node) or "")):
            return  # (a schema validates what it is given: `StreamLogParameters(**body)` of `.validation`)
        for arg in stars:
            why = self._client_dict(arg.value) or self._unpacked_argument(arg.value)
            if why is not None:
                self.report(node, f"`{short_code(node)}` copies {why} onto the object, so the client chooses "
                            "which fields it writes (`is_admin`, `owner`, `paid`...).",
                            hint="Pass the allowed fields one by one, or validate the body with a schema that "
                            "lists only the fields clients may set.")
                return

    def visit_For(self, node: cst.For) -> None:
        """`for item in request.json:` makes `item` client data; `for key, value in data.items(): setattr(...)`."""
        if self.functions and isinstance(node.target, cst.Name) and self._client_dict(node.iter) is not None:
            self.functions[-1][0].add(node.target.value)
        iterable = node.iter
        if not self.functions or not isinstance(iterable, cst.Call) or not isinstance(iterable.func, cst.Attribute) \
                or iterable.func.attr.value != "items" or not isinstance(node.target, cst.Tuple):
            return
        why = self._client_dict(iterable.func.value)
        if why is None:
            return
        key = node.target.elements[0].value
        if isinstance(key, cst.Name) and _key_checked(node.body, key.value):
            return
        for statement in calls_in(node.body):
            if full_name(statement.func) == "setattr" and len(statement.args) >= 2 \
                    and isinstance(key, cst.Name) and isinstance(statement.args[1].value, cst.Name) \
                    and statement.args[1].value.value == key.value:
                self.report(statement, f"`setattr` copies every key of {why} onto the object, so the client chooses "
                            "which attributes it writes.",
                            hint="Loop over an explicit allow-list of field names instead of the client's keys.")
                return
        copy = _key_copy(node, self.fresh_dicts[-1])
        if copy is not None:
            self.report(copy, f"`{short_code(copy)}` copies every key of {why} into a record the function did not make, "
                        "so the client chooses which fields it writes (an owner, a role, a price).",
                        hint="Loop over an explicit allow-list of field names instead of the client's keys.")

    def _hands_to_a_copier(self, node: cst.Call, name: str) -> bool:
        """`services.update_project(session, project, changes)` with the client's dict, where that function of a helper
        module of the package (`helper_modules.py`) copies every key of that parameter onto the object; or
        `apply_changes(user, request.json)`, where a function of this module does."""
        if name.startswith("."):
            copied = copied_parameter(self.context.path, name)
        elif type(node.func) is cst.Name:
            copied = self._own_copiers().get(node.func.value)
        else:
            return False
        if copied is None:
            return False
        position, parameter = copied
        given = next((a for a in node.args if a.keyword is not None and a.keyword.value == parameter), None)
        positional = [a for a in node.args if a.keyword is None and not a.star]
        if given is None and len(positional) > position:
            given = positional[position]
        why = self._client_dict(given.value) if given is not None else None
        if why is None:
            return False
        function = name.rpartition(".")[2]
        self.report(node, f"`{short_code(node)}` hands {why} to `{function}`, which copies every key of it onto the "
                    "object with `setattr`, so the client chooses which fields it writes.",
                    hint=f"Pass only the fields clients may set (a schema's `model_dump(exclude_unset=True)`), or make "
                    f"`{function}` loop over an allow-list of field names.")
        return True

    def _own_copiers(self) -> dict[str, tuple[int, str]]:
        """The functions of this module that copy every key of a parameter onto an object (made once, when asked)."""
        if self._copiers is None:
            tree = self.context.python_ast()
            self._copiers = copying_functions(tree) if tree is not None and "setattr" in self.context.source else {}
        return self._copiers

    def _stored_item(self, node: cst.Call, method: str) -> cst.BaseExpression | None:
        """The mapping a record store's write is given (`ITEM_WRITES`), by keyword or position."""
        spec = ITEM_WRITES.get(method) if isinstance(node.func, cst.Attribute) else None
        if spec is None:
            return None
        module, position, keyword = spec
        if module is not None and not self.context.imports.imports_any((module,)):
            return None
        found = next((a.value for a in node.args if a.keyword is not None and a.keyword.value == keyword), None)
        positional = [a.value for a in node.args if a.keyword is None and not a.star]
        return found if found is not None or position is None or len(positional) <= position else positional[position]

    def _client_dict(self, node: cst.BaseExpression) -> str | None:
        """A short description when the expression is a client-supplied mapping, else None."""
        if type(node) is cst.Await:
            node = node.expression
        if type(node) is cst.BooleanOperation and type(node.operator) is cst.Or:
            return self._client_dict(node.left)  # `request.json or {}`: the body, or nothing when none was sent
        if type(node) is cst.Call and (self.qualified_name(node.func) or full_name(node.func)) in MAPPING_CALLS \
                and len(node.args) == 1:
            return self._sent_fields(node.args[0].value, node)
        if type(node) is cst.Call and node.args and self.qualified_name(node.func) in JSON_DECODERS \
                and self._raw_body(node.args[0].value):
            return f"the request body (`{short_code(node)}`)"
        if type(node) is cst.Attribute and node.attr.value == "__dict__":
            return self._sent_fields(node.value, node)
        if type(node) is cst.Call and type(node.func) is cst.Attribute:
            receiver = node.func.value
            method = node.func.attr.value
            receiver_name = full_name(receiver) or ""
            if method in CLIENT_METHODS and (receiver_name in REQUEST_NAMES or self._client_dict(receiver) is not None):
                return f"the request body (`{short_code(node)}`)"
            if method in DUMP_METHODS and isinstance(receiver, cst.Name) and self.functions:
                schema = self.functions[-1][1].get(receiver.value)
                sent = _dumped(node, self._server_fields(schema)) if schema is not None else []
                if sent:
                    return f"the `{schema}` body, which lets the client send `{sent[0]}`,"
            return None
        if type(node) is cst.Attribute and ((node.attr.value in CLIENT_ATTRIBUTES
                                             and self._is_request(full_name(node.value) or ""))
                                            or is_rest_payload(node, self.context.imports)):
            return f"the request body (`{short_code(node)}`)"
        if type(node) is cst.Name and self.functions and node.value in self.functions[-1][0]:
            return f"the client's `{node.value}`"
        return None


    def _unpacked_argument(self, node: cst.BaseExpression) -> str | None:
        """`**input` of a resolver's untyped argument: GraphQL hands an input object as a dict of the client's fields
        (Ariadne's resolvers take their arguments untyped), and unpacking it proves it is one."""
        if type(node) is cst.Name and self.untyped_arguments and node.value in self.untyped_arguments[-1]:
            return f"the resolver's `{node.value}` argument"
        return None

    def _sent_fields(self, value: cst.BaseExpression, mapping: cst.BaseExpression) -> str | None:
        """`vars(data)`, `data.__dict__` of a parameter typed with an input class that declares a sensitive field."""
        schema = self.functions[-1][1].get(value.value) if type(value) is cst.Name and self.functions else None
        if schema is None:
            return None
        return f"`{short_code(mapping)}`, the `{schema}` input, which lets the client send `{self._server_fields(schema)[0]}`,"

    def _raw_body(self, node: cst.BaseExpression) -> bool:
        """`request.body`, `request.get_data(as_text=True)`, `await request.body()`: the body's bytes."""
        if type(node) is cst.Await:
            node = node.expression
        if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in RAW_BODY_METHODS:
            return self._is_request(full_name(node.func.value) or "")
        return type(node) is cst.Attribute and node.attr.value in RAW_BODY_ATTRIBUTES \
            and self._is_request(full_name(node.value) or "")

    def _is_request(self, name: str) -> bool:
        """`request`, `req`, `self.request`, and Chalice's `app.current_request`."""
        return name in REQUEST_NAMES or (name.rpartition(".")[2] == CHALICE_REQUEST
                                         and self.context.imports.imports_any(("chalice",)))


def _dumped(call: cst.Call, fields: list[str]) -> list[str]:
    """The fields of `fields` that `body.model_dump(...)` keeps: none with an `include=` allow-list, not those its
    `exclude=` names (`model_dump(exclude={"owner_id"})`)."""
    keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    if "include" in keywords:
        return []
    excluded = keywords.get("exclude")
    names = _strings(excluded) if not isinstance(excluded, cst.Dict) else \
        [k for e in excluded.elements if isinstance(e, cst.DictElement) and (k := string_value(e.key)) is not None]
    return [f for f in fields if f not in names]


def _annotated_fields(node: cst.ClassDef) -> list[str]:
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    names: list[str] = []
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            names.extend(s.target.value for s in statement.body
                         if isinstance(s, cst.AnnAssign) and isinstance(s.target, cst.Name))
    return names


def _calls_text_type(value: cst.BaseExpression) -> bool:
    """`models.CharField(max_length=80)`, `forms.TextInput(attrs=...)`: a constructor of a plain-text field or widget."""
    return isinstance(value, cst.Call) and (full_name(value.func) or "").rpartition(".")[2] in TEXT_FIELD_TYPES


def _text_fields(node: cst.ClassDef) -> set[str]:
    """The fields a model, form or serializer class declares as plain text."""
    return {name for name, (_, value) in _class_assignments(node).items() if _calls_text_type(value)}


def _declared_read_only(form: cst.ClassDef) -> set[str]:
    """The fields a serializer or form declares so that the client cannot write them: a read-only field type
    (`serializers.ReadOnlyField(...)`, `HiddenField(default=CurrentUserDefault())`) or `read_only=True`/`disabled=True`."""
    return {name for name, (_, value) in _class_assignments(form).items() if isinstance(value, cst.Call) and (
        (full_name(value.func) or "").rpartition(".")[2] in READ_ONLY_FIELD_TYPES
        or any(a.keyword is not None and a.keyword.value in READ_ONLY_KEYWORDS and full_name(a.value) == "True"
               for a in value.args))}


def _narrowed_choices(form: cst.ClassDef) -> set[str]:
    """The choice fields whose `queryset` a method of the form narrows (`self.fields["user"].queryset =
    self.get_subordinates()` in `__init__`): Django refuses any value outside it, so the client picks among the rows the
    form allows. Not when the queryset is set to every row (`User.objects.all()`)."""
    body = form.body.body if isinstance(form.body, cst.IndentedBlock) else ()
    methods = [statement for statement in body if isinstance(statement, cst.FunctionDef)]
    return {name for method in methods for assign in own_nodes_of(method, cst.Assign)
            if (name := _narrowed_field(assign)) is not None}


def _narrowed_field(assign: cst.Assign) -> str | None:
    """`x` of `self.fields["x"].queryset = <rows>`, unless the rows are all of them."""
    target = assign.targets[0].target
    if not (isinstance(target, cst.Attribute) and target.attr.value == "queryset"
            and isinstance(target.value, cst.Subscript) and full_name(target.value.value) == "self.fields"):
        return None
    value = assign.value
    if isinstance(value, cst.Call) and (full_name(value.func) or "").endswith("objects.all"):
        return None
    key = target.value.slice[0].slice
    return string_value(key.value) if isinstance(key, cst.Index) else None


def _class_assignments(node: cst.ClassDef) -> dict[str, tuple[cst.CSTNode, cst.BaseExpression]]:
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    found: dict[str, tuple[cst.CSTNode, cst.BaseExpression]] = {}
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Assign) and isinstance(small.targets[0].target, cst.Name):
                    found[small.targets[0].target.value] = (statement, small.value)
    return found


def _strings(node: cst.BaseExpression | None) -> list[str]:
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return [v for v in (string_value(e.value) for e in node.elements) if v is not None]
    return []


def _extra_read_only(entry: tuple[cst.CSTNode, cst.BaseExpression] | None) -> set[str]:
    """Fields marked `{"read_only": True}` in `extra_kwargs`."""
    if entry is None or not isinstance(entry[1], cst.Dict):
        return set()
    names = set()
    for element in entry[1].elements:
        if isinstance(element, cst.DictElement) and isinstance(element.value, cst.Dict) \
                and "read_only" in cst.Module([]).code_for_node(element.value):
            key = string_value(element.key)
            if key:
                names.add(key)
    return names


def _makes_a_dict(value: cst.BaseExpression) -> bool:
    """`{}`, `{...}`, a dict comprehension or `dict(...)`: a new dict, which the function fills for itself."""
    return type(value) in (cst.Dict, cst.DictComp) or (type(value) is cst.Call and full_name(value.func) == "dict")


def _key_copy(loop: cst.For, fresh: set[str]) -> cst.Assign | None:
    """`record[key] = value` in `for key, value in data.items():`, where `record` is no dict the function made
    (`out = {}` collects the client's keys for itself): a row or document it loaded and will save."""
    elements = loop.target.elements  # type: ignore[attr-defined]
    if len(elements) != 2:
        return None
    key, value = elements[0].value, elements[1].value
    if type(key) is not cst.Name or type(value) is not cst.Name:
        return None
    for statement in own_nodes_of(loop.body, cst.Assign):
        if len(statement.targets) != 1 or type(statement.value) is not cst.Name or statement.value.value != value.value:
            continue
        target = statement.targets[0].target
        if type(target) is cst.Subscript and type(target.value) is cst.Name and target.value.value not in fresh \
                and len(target.slice) == 1 and type(target.slice[0].slice) is cst.Index \
                and type(index := target.slice[0].slice.value) is cst.Name and index.value == key.value:
            return statement
    return None


def _key_checked(body: cst.BaseSuite, key: str) -> bool:
    """`if key in ALLOWED:` / `if key not in EDITABLE: continue`: the loop filters the client's keys."""
    pending: list[cst.CSTNode] = [body]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.Comparison) and isinstance(node.left, cst.Name) and node.left.value == key \
                and any(isinstance(c.operator, (cst.In, cst.NotIn)) for c in node.comparisons):
            return True
        pending.extend(child_nodes(node))
    return False


def _sensitive(field: str) -> bool:
    """A field only the server should set: a privilege, an owner, a state, money (`SENSITIVE_FIELDS`), or a stored
    credit under a longer name (`credit_cents`, `account_balance`)."""
    if field in SENSITIVE_FIELDS:
        return True
    words = name_words(field)
    return len(words) > 1 and (words[0] in CREDIT_WORDS or words[-1] in CREDIT_WORDS - {"credit"}) \
        and words[-1] in AMOUNT_WORDS | CREDIT_WORDS - {"credit"}
