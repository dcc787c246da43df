"""VC429: a view answers with a whole record of a model whose columns hold secrets (a password hash, an API key)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator

import libcst as cst

from vibecheck.analysis.flow import dotted_name, is_route_handler, module_uses_django, short_code
from vibecheck.analysis.model_fields import ModelShape, model_shape, shapes_of, sibling_models_inputs
from vibecheck.analysis.nodes import callee_tail
from vibecheck.analysis.secrets_names import PASSWORD_WORDS, is_secret_name, name_words
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.security._mailed_secrets import answered_secrets, body_values, mailed_secrets
from vibecheck.rules.security._sql_rows import UNLISTED_ACCOUNT_COLUMN, created_tables, selected_columns
from vibecheck.rules.security._support import BindingRule, argument, class_assignments

# A whole record sent (its secrets exposed); a secret mailed to its owner also answered to the caller (a recovery
# that proves nothing).
DUMP_CWE, MAILED_CWE = (200, 359), (640, 200)
# Calls that turn a whole object into a dict or JSON, every attribute included.
WHOLE_DUMP_CALLS = frozenset({"vars", "dict", "django.forms.models.model_to_dict", "dataclasses.asdict",
                              "fastapi.encoders.jsonable_encoder", "model_to_dict", "asdict", "jsonable_encoder"})
# Methods of Pydantic and SQLModel objects that dump every field unless told which (`include=`, `exclude=`; Django's
# `model_to_dict(user, fields=[...])`).
WHOLE_DUMP_METHODS = frozenset({"model_dump", "dict", "model_dump_json", "json"})
FIELD_CHOICE_KEYWORDS = frozenset({"include", "exclude", "fields"})
# Calls that send their first argument to the client as JSON.
JSON_RESPONSES = {"flask.jsonify": (0, "data"), "quart.jsonify": (0, "data"), "django.http.JsonResponse": (0, "data"),
                  "django.http.response.JsonResponse": (0, "data"), "starlette.responses.JSONResponse": (0, "content"),
                  "fastapi.responses.JSONResponse": (0, "content"), "rest_framework.response.Response": (0, "data")}
# Methods that answer one row, or the rows, of the query they end: `User.query.get(id)`, `db.get(User, id)`.
ROW_METHODS = frozenset({"get", "first", "one", "one_or_none", "scalar_one", "scalar_one_or_none", "get_or_404",
                         "first_or_404", "one_or_404", "all", "get_object_or_404", "get_or_none", "latest", "earliest",
                         "scalar", "fetch_one", "find_one"})
# The signed-in user of a Django view: an instance of the user model, whose base has the `password` column.
SIGNED_IN_USERS = frozenset({"request.user", "self.request.user"})
DJANGO_USER_SHAPE = ModelShape(("password",), {})
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete"})
DJANGO_USERS = frozenset({"django.contrib.auth.models.User", "django.contrib.auth.get_user_model"})
MODEL_SERIALIZERS = frozenset({"ModelSerializer", "HyperlinkedModelSerializer"})
ALL_FIELDS = "__all__"
FASTAPI_MODULES = ("fastapi",)
# Starlette, whose endpoints take the request alone; the objects a request arrives in, and the request's own state
# (`request.state.user`), which the server's middleware sets.
REQUEST_ONLY_FRAMEWORKS = ("starlette",)
CLIENT_ROOTS = frozenset({"request", "req"})
SERVER_STATE = "request.state"
RESPONSE_MODEL_KEYWORDS = frozenset({"response_model"})
# DB-API calls that run SQL text, and those that fetch what it selected.
EXECUTE_METHODS = frozenset({"execute"})
FETCH_METHODS = frozenset({"fetchone", "fetchall", "fetchmany"})
HASH_WORDS = frozenset({"hash", "hashed", "digest", "salt"})
# Short names of a password or PIN, a secret only beside a hash word (`pw_hash`, `hashed_pw`, `pin_hash`; not `pin` or
# `pass_count`), and the glued spellings of a password hash (`pwhash`, `passhash`).
SHORT_PASSWORD_WORDS = frozenset({"pw", "pass", "pin"})
GLUED_PASSWORD_HASHES = frozenset({"pwhash", "pwdhash", "passhash", "passwordhash", "hashedpw", "hashedpwd",
                                   "hashedpassword"})


def is_account_secret(column: str) -> bool:
    """`password_hash`, `hashed_password`, `pw_hash`, `api_key`, `totp_secret`, `reset_token` (not
    `password_changed_at`)."""
    return is_password_column(column) or is_secret_name(column)


def is_password_column(column: str) -> bool:
    """`password`, `password_hash`, `hashed_password`, `pw_hash`, `pwhash` (not `password_changed_at`)."""
    words = name_words(column)
    if not words:
        return False
    if words[-1] in PASSWORD_WORDS or (PASSWORD_WORDS.intersection(words) and words[-1] in HASH_WORDS):
        return True
    return bool(GLUED_PASSWORD_HASHES.intersection(words) or (
        SHORT_PASSWORD_WORDS.intersection(words) and HASH_WORDS.intersection(words)))


class AccountSecretsInResponse(BindingRule):
    """A view answers with a whole record of a model whose columns hold secrets (a password hash, an API key).

    ## What it does
    Reports a route handler (Flask, Quart, FastAPI, Django REST framework, Bottle, Litestar; a Starlette endpoint, which
    takes the request alone, `async def profile(request)`) that returns, or passes to
    `jsonify`/`JsonResponse`/`JSONResponse`/DRF's `Response`, a dump of a whole model object: `user.__dict__`,
    `vars(user)`, `model_to_dict(user)`, `asdict(user)`, `user.model_dump()`/`.dict()` without `include=`/`exclude=`,
    or one of the model's own methods that writes every column (`{c.name: getattr(self, c.name) for c in
    self.__table__.columns}`) or a secret one by name; also a FastAPI route that returns the object itself with no
    `response_model` or return annotation (or with the model itself as either); and a DRF `ModelSerializer` with
    `fields = "__all__"`. It reports only when the columns of a stored model (an ORM or ODM model, a SQLModel table;
    not a Pydantic schema, which is what a view means to send), read from its class (in the file, or in a module
    beside it: `from .models import User`; Django's `User` and `get_user_model()` have their `password`), or the keys
    of a module-level table of account dicts (`USERS = {1: {..., "password_hash": ...}}`), hold a secret: a password or its
    hash (also `pw_hash`, `hashed_pw`, a PIN's `pin_hash`), an API key, a token or a TOTP secret. The object is known
    by where the handler got it: a parameter
    annotated with the model, or a name bound to a query of it (`User.query.get(id)`, `db.get(User, id)`,
    `User.objects.get(...)`, `select(User)` ... `.first()`), also item by item in a list comprehension. A row fetched
    with SQL text (`dict(conn.execute("SELECT * FROM users WHERE id = ?", ...).fetchone())`, or `cursor.fetchone()`
    after `cursor.execute(...)`) holds the columns its `SELECT` lists, or for `SELECT *` those the module's `CREATE
    TABLE` gives the table; without one (the schema lives in a migration), a table named for accounts (`users`,
    `app_users`, `accounts`; not `user_roles`) is taken to hold a password hash. A dict the handler answers that picks
    such a record's password column by name (`{"email": user.email, "password": user.password}`, Django's
    `request.user.password` too) is reported as well, and so is a password hash picked by its key from any record but
    what the client sent (`{"password_hash": staff["password_hash"]}` of the row a middleware stored in
    `request.state`); a token or an API key picked by name is not (a new key is shown once, on purpose).

    It also reports a handler that sends a secret to an account's owner by mail or text (`send_mail`,
    `mail.send(Message(...))`, `send_sms`, a task such as `tasks.add_task(send_invitation_email, ...)`) and puts the
    same secret in its response body: a reset or verification token, a one-time code, a temporary password, as is or in
    the link made of it (`return {"status": "sent", "token": token}`, `jsonify(reset_link=link)`). A token the
    handler only answers (the caller's own session after a login) is not reported.

    ## Why is this bad?
    The whole row goes to the client: the password hash (which an attacker cracks offline), API keys, reset tokens
    and TOTP secrets (which are the account). A reset token mailed to the owner of an address proves that the caller
    reads that mailbox only while the caller never sees it; answered as well, it lets anyone reset any account whose
    address they know (CWE-640). Agents return the ORM object or its `__dict__` because it is the
    shortest way to answer a "get my profile" prompt, and the fields nobody asked for go with it (CWE-200).

    ## Example
    ```python
    from flask import Flask, jsonify
    from flask_sqlalchemy import SQLAlchemy

    app = Flask(__name__)
    db = SQLAlchemy(app)

    class User(db.Model):
        id = db.Column(db.Integer, primary_key=True)
        email = db.Column(db.String(255))
        password_hash = db.Column(db.String(255))

        def to_dict(self):
            return {column.name: getattr(self, column.name) for column in self.__table__.columns}

    @app.get("/users/<int:user_id>")
    def show_user(user_id):
        return jsonify(db.get_or_404(User, user_id).to_dict())
    ```

    ## Use instead
    ```python
    from flask import Flask, jsonify
    from flask_sqlalchemy import SQLAlchemy

    app = Flask(__name__)
    db = SQLAlchemy(app)

    class User(db.Model):
        id = db.Column(db.Integer, primary_key=True)
        email = db.Column(db.String(255))
        password_hash = db.Column(db.String(255))

    @app.get("/users/<int:user_id>")
    def show_user(user_id):
        user = db.get_or_404(User, user_id)
        return jsonify({"id": user.id, "email": user.email})
    ```

    ## References
    - [CWE-200: Exposure of Sensitive Information to an Unauthorized Actor](https://cwe.mitre.org/data/definitions/200.html)
    - [CWE-359: Exposure of Private Personal Information](https://cwe.mitre.org/data/definitions/359.html)
    - [CWE-640: Weak Password Recovery Mechanism for Forgotten Password](https://cwe.mitre.org/data/definitions/640.html)
    - [OWASP API3:2023 Broken Object Property Level Authorization](https://owasp.org/API-Security/editions/2023/en/0xa3-broken-object-property-level-authorization/)
    """

    code = "VC429"
    name = "account-secrets-in-response"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (200, 359, 640)
    applies_to_tests = False  # a view in a test file is a fixture that no client reaches
    cache_inputs = (sibling_models_inputs,)  # the model modules beside the file (the columns)
    file_hints = ("__dict__", "vars", "model_to_dict", "asdict", "jsonable_encoder", "model_dump", "to_dict", "as_dict",
                  "to_json", "serialize", "fastapi", "modelserializer", "hyperlinkedmodelserializer", "dict", "json",
                  # a secret mailed and answered
                  "send_mail", "mail", "send_email", "sendmail", "smtplib", "email_user", "fastmail", "send_sms",
                  "jsonify",
                  # a password column answered by name
                  "password", "password_hash", "hashed_password", "passwd", "pwhash", "pw_hash")
    file_hints_are_names = True

    def __init__(self, context: object, options: object = None) -> None:
        super().__init__(context, options)
        self._handlers: list[cst.FunctionDef | None] = []
        self._local_shapes: dict[str, ModelShape] | None = None
        self._tables_created: dict[str, tuple[str, ...]] | None = None
        self._executed: dict[str, str] = {}  # cursor -> the SQL text the function last executed on it
        self._mailed: dict[int, dict[str, str]] = {}  # handler -> names carrying the secrets it mails

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().visit_FunctionDef(node)
        self._handlers.append(node if is_route_handler(node) or self._is_django_view(node)
                              or self._is_starlette_endpoint(node) else None)
        self._executed = {}

    def _is_django_view(self, node: cst.FunctionDef) -> bool:
        """`def profile(request, ...)`, or an `APIView`'s `def get(self, request, ...)`, in a module that uses Django."""
        names = [param.name.value for param in node.params.params[:2]]
        return (names[:1] == ["request"] or (names == ["self", "request"] and node.name.value in HTTP_METHODS)) \
            and module_uses_django(self.context.imports)

    def _is_starlette_endpoint(self, node: cst.FunctionDef) -> bool:
        """`async def profile_json(request)` in a module that uses Starlette: the endpoints its `Route` tables list
        (in this module or the app's) take the request alone."""
        params = node.params.params
        return len(params) == 1 and params[0].name.value == "request" \
            and self.context.imports.imports_any(REQUEST_ONLY_FRAMEWORKS)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(node)
        self._handlers.pop()

    # sinks
    def visit_Return(self, node: cst.Return) -> None:
        handler = self._handlers[-1] if self._handlers else None
        if handler is None or node.value is None:
            return
        body = node.value
        if type(body) is cst.Tuple and body.elements:
            body = body.elements[0].value
        if self._report_dumps(body, handler) or self._report_mailed(body, handler):
            return
        if self.context.imports.imports_any(FASTAPI_MODULES) and is_route_handler(handler):
            self._check_returned_object(body, handler)

    def visit_Call(self, node: cst.Call) -> None:
        handler = self._handlers[-1] if self._handlers else None
        func = node.func
        if handler is not None and type(func) is cst.Attribute and func.attr.value in EXECUTE_METHODS and node.args:
            sql = self._text_of(node.args[0].value)
            receiver = dotted_name(func.value)
            if receiver is not None:
                self._executed[receiver] = sql or ""
        spec = JSON_RESPONSES.get(self.qualified_name(node) or "")
        if handler is not None and spec is not None:
            payload = argument(node, *spec)
            if payload is not None and not self._report_dumps(payload, handler):
                self._report_mailed(payload, handler)
            elif payload is None:  # `jsonify(message="sent", token=token)`
                self._report_answered((arg.value for arg in node.args if arg.keyword is not None), None, handler)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        if not any(callee_tail(base.value) in MODEL_SERIALIZERS for base in node.bases):
            return
        meta = next((s for s in node.body.body if type(s) is cst.ClassDef and s.name.value == "Meta"), None)
        settings = class_assignments(meta) if meta is not None else {}
        fields, model = settings.get("fields"), settings.get("model")
        if fields is None or model is None or string_value(fields) != ALL_FIELDS:
            return
        secrets = self._secret_columns(model)
        if secrets:
            self.report(fields, f"`{node.name.value}` serialises every field of `{short_code(model)}`, so its "
                        f"`{secrets[0]}` goes to every client that reads it.", hint="List the fields the client needs "
                        "in `Meta.fields` instead of `\"__all__\"`.", cwe=DUMP_CWE)

    # what a payload dumps
    def _report_dumps(self, payload: cst.BaseExpression, handler: cst.FunctionDef) -> bool:
        if type(payload) is cst.Dict and self._report_password_field(payload, handler):
            return True
        for node, model, secrets in self._dumps(payload, {}):
            secret = secrets[0] if secrets[0] == UNLISTED_ACCOUNT_COLUMN else f"`{secrets[0]}`"
            self.report(node, f"`{handler.name.value}` answers with the whole `{model}` record, its {secret} "
                        "included, so every client that calls it receives the secret.", hint="Answer with the fields "
                        "the client needs (a dict of them, or a response schema without the secret columns).", cwe=DUMP_CWE)
            return True
        return False

    def _report_password_field(self, payload: cst.Dict, handler: cst.FunctionDef) -> bool:
        """`{"email": user.email, "password": user.password}`: a dict the handler answers picks a stored record's
        password column by name. A token or key may be answered on purpose (a new API key, once); a password hash never
        is."""
        for element in payload.elements:
            value = element.value
            hash_key = _hash_key(value)
            if hash_key is not None and not self._client_data(value):
                self.report(value, f"`{handler.name.value}` answers with `{short_code(value)}`, a stored password "
                            "hash, so every client that calls it receives it.",
                            hint="Leave the password column out of the response.", cwe=DUMP_CWE)
                return True
            if type(value) is not cst.Attribute or not is_password_column(value.attr.value):
                continue
            owner = value.value
            bound = self.value_of(owner) if type(owner) is cst.Name else None  # `user = request.user`
            signed_in = bound is not None and dotted_name(bound) in SIGNED_IN_USERS
            model, shape = self._model_of(bound if signed_in and bound is not None else owner, {})
            if model is not None and value.attr.value in _secrets(shape, None):
                self.report(value, f"`{handler.name.value}` answers with `{short_code(value)}`, the stored password "
                            f"(or its hash) of a `{model}` record, so every client that calls it receives it.",
                            hint="Leave the password column out of the response.", cwe=DUMP_CWE)
                return True
        return False

    def _client_data(self, value: cst.BaseExpression) -> bool:
        """`form["password_hash"]` of `form = await request.form()`, `request.json()[...]`: what the client sent, answered
        back; `request.state.staff[...]` is what the server's own middleware stored."""
        root = _root(value)
        if root is not None and root.value not in CLIENT_ROOTS:
            bound = self.value_of(root)
            root_value = bound if bound is not None and bound is not root else None
            root = _root(root_value) if root_value is not None else None
            value = root_value if root_value is not None else value
        return root is not None and root.value in CLIENT_ROOTS and not (dotted_name(_receiver(value)) or "") \
            .startswith(SERVER_STATE)

    def _report_mailed(self, payload: cst.BaseExpression, handler: cst.FunctionDef) -> bool:
        """A value of the response body (or of the dict a name there is bound to) that carries a secret the handler also
        sends to the account's owner: a reset token, a code."""
        body = self.resolve(payload) if self._mailed_by(handler) else payload
        return self._report_answered(body_values(body), None if body is payload else payload, handler)

    def _report_answered(self, values: Iterable[cst.BaseExpression], at: cst.BaseExpression | None,
                         handler: cst.FunctionDef) -> bool:
        """Reports the first value that carries a mailed secret, at itself or at `at` (the name of the body)."""
        mailed = self._mailed_by(handler)
        for value, secret in answered_secrets(values, mailed) if mailed else ():
            self.report(value if at is None else at, f"`{handler.name.value}` sends `{secret}` to "
                        "the account's owner by mail or text and also answers it to the caller, so whoever asks with "
                        "someone else's address gets it without their mailbox.", hint="Answer only that the message "
                        "was sent; let the secret reach its owner alone.", cwe=MAILED_CWE)
            return True
        return False

    def _mailed_by(self, handler: cst.FunctionDef) -> dict[str, str]:
        """The handler's names that carry a secret it sends to the account's owner, found once per handler."""
        mailed = self._mailed.get(id(handler))
        if mailed is None:
            mailed = self._mailed[id(handler)] = mailed_secrets(handler, self.qualified_name)
        return mailed

    def _dumps(self, node: cst.BaseExpression, items: dict[str, cst.BaseExpression]
               ) -> Iterator[tuple[cst.BaseExpression, str, tuple[str, ...]]]:
        """(node, model, secret columns) for each whole-record dump in a payload."""
        if type(node) in (cst.List, cst.Tuple, cst.Set):
            for element in node.elements:  # type: ignore[attr-defined]
                yield from self._dumps(element.value, items)
        elif type(node) is cst.Dict:
            for element in node.elements:  # type: ignore[attr-defined]
                if type(element) is cst.StarredDictElement:
                    yield from self._dumps(element.value, items)
        elif type(node) in (cst.ListComp, cst.GeneratorExp):
            found = dict(items)
            for_in: cst.CompFor | None = node.for_in  # type: ignore[attr-defined]
            while for_in is not None:
                if type(for_in.target) is cst.Name:
                    found[for_in.target.value] = for_in.iter
                for_in = for_in.inner_for_in
            yield from self._dumps(node.elt, found)  # type: ignore[attr-defined]
        elif (table := self._record_table(node))[0] is not None:
            secrets = _secrets(table[1], None)
            if secrets:
                yield node, table[0], secrets  # type: ignore[misc]
        elif type(node) is cst.Call:
            target, dumped = self._dumped_object(node)
            if target is not None:
                model, shape = self._model_of(target, items)
                secrets = _secrets(shape, dumped)
                if model is not None and secrets:
                    yield node, model, secrets
        elif type(node) is cst.Attribute and node.attr.value == "__dict__":
            model, shape = self._model_of(node.value, items)
            secrets = _secrets(shape, None)
            if model is not None and secrets:
                yield node, model, secrets

    def _dumped_object(self, call: cst.Call) -> tuple[cst.BaseExpression | None, str | None]:
        """(the object a call dumps, the method that dumps it or None for every column)."""
        func = call.func
        name = self.qualified_name(call) or dotted_name(func) or ""
        chosen = any(arg.keyword is not None and arg.keyword.value in FIELD_CHOICE_KEYWORDS for arg in call.args)
        if name in WHOLE_DUMP_CALLS and call.args and not chosen:
            return call.args[0].value, None
        if type(func) is cst.Attribute:
            method = func.attr.value
            if method in WHOLE_DUMP_METHODS:
                return (None, None) if chosen else (func.value, None)
            return func.value, method
        return None, None

    def _check_returned_object(self, body: cst.BaseExpression, handler: cst.FunctionDef) -> None:
        """`return user` from a FastAPI route whose response model (or return annotation) does not filter it."""
        declared = _response_model(handler)
        model, shape = self._model_of(body, {})
        if model is None or shape is None:
            return
        if declared is not None and dotted_name(declared) != model:
            return
        secrets = _secrets(shape, None)
        if secrets:
            self.report(body, f"`{handler.name.value}` returns the whole `{model}` record with no response model to "
                        f"filter it, so FastAPI sends every field, `{secrets[0]}` included.", hint="Declare a "
                        "`response_model` (or return annotation) that lists only the fields the client may see.", cwe=DUMP_CWE)

    # which model an object is
    def _model_of(self, node: cst.BaseExpression, items: dict[str, cst.BaseExpression]
                  ) -> tuple[str | None, ModelShape | None]:
        """The model class of an object (a name bound to a query of it, an item of one, a parameter annotated with it,
        Django's `request.user`) and its shape."""
        if dotted_name(node) in SIGNED_IN_USERS and module_uses_django(self.context.imports):
            return "User", DJANGO_USER_SHAPE
        for _ in range(4):
            if type(node) is not cst.Name:
                break
            if node.value in items:
                node = items.pop(node.value)
                continue
            value = self.value_of(node)
            if value is None:
                return self._annotated_model(node.value)
            node = value
        table = self._record_table(node)
        if table[0] is not None:
            return table
        rows = self._sql_rows(node)
        if rows is not None:
            return rows[0], ModelShape(rows[1], {})
        for inner in _row_models(node):
            shape = self._shape(inner)
            if shape is not None:
                return inner, shape
        return None, None

    def _sql_rows(self, node: cst.BaseExpression) -> tuple[str, tuple[str, ...]] | None:
        """(table, columns) of a row fetched with SQL text: `conn.execute("SELECT * FROM users ...").fetchone()`, or
        `cursor.fetchone()` after the function's last `cursor.execute(...)`."""
        if type(node) is not cst.Call or type(node.func) is not cst.Attribute or \
                node.func.attr.value not in FETCH_METHODS:
            return None
        receiver = node.func.value
        if type(receiver) is cst.Call and type(receiver.func) is cst.Attribute \
                and receiver.func.attr.value in EXECUTE_METHODS and receiver.args:
            sql = self._text_of(receiver.args[0].value)
        else:
            sql = self._executed.get(dotted_name(receiver) or "")
        return selected_columns(sql, self._created_tables()) if sql else None

    def _text_of(self, node: cst.BaseExpression) -> str | None:
        if type(node) is cst.Name:
            node = self.resolve(node)
        return string_value(node)

    def _created_tables(self) -> dict[str, tuple[str, ...]]:
        """The tables the module's SQL creates (`CREATE TABLE users (id ..., password_hash TEXT)`), read once."""
        if self._tables_created is None:
            source = self.context.source
            texts = [source] if "create table" in source.lower() else []
            self._tables_created = created_tables(texts)
        return self._tables_created

    def _annotated_model(self, name: str) -> tuple[str | None, ModelShape | None]:
        """The model a parameter is annotated with, or the table of records its FastAPI dependency reads from."""
        handler = self._handlers[-1] if self._handlers else None
        if handler is None:
            return None, None
        for param in (*handler.params.params, *handler.params.kwonly_params):
            if param.name.value != name:
                continue
            for inner in _names_in(param.annotation.annotation) if param.annotation is not None else ():
                shape = self._shape(inner)
                if shape is not None:
                    return inner, shape
            dependency = _dependency(param)
            if dependency is not None:
                return self._returned_record(dependency)
        return None, None

    def _returned_record(self, function_name: str) -> tuple[str | None, ModelShape | None]:
        """What a module function returns, when it is a record of a table of accounts: `return USERS[claims["sub"]]`."""
        function = next((s for s in self.context.module.body if type(s) is cst.FunctionDef
                         and s.name.value == function_name), None)
        for statement in function.body.body if function is not None else ():
            if type(statement) is cst.SimpleStatementLine:
                for small in statement.body:
                    if type(small) is cst.Return and small.value is not None:
                        table = self._record_table(small.value)
                        if table[0] is not None:
                            return table
        return None, None

    def _record_table(self, node: cst.BaseExpression) -> tuple[str | None, ModelShape | None]:
        """`USERS[key]`, `USERS.get(key)`, `USERS.values()` (also in `list()`) of a module-level dict whose values are
        dicts of an account (`{"email": ..., "password_hash": ...}`): the table's name and the keys its records hold."""
        if type(node) is cst.Call and dotted_name(node.func) == "list" and node.args:
            node = node.args[0].value
        if type(node) is cst.Subscript:
            table = node.value
        elif type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in ("get", "values"):
            table = node.func.value
        else:
            return None, None
        name = dotted_name(table)
        keys = self._record_tables().get(name or "")
        return (name, ModelShape(keys, {})) if keys else (None, None)

    def _record_tables(self) -> dict[str, tuple[str, ...]]:
        """The module's dicts of dict records (`USERS = {1: {"id": 1, "password_hash": "..."}}`) -> their keys."""
        found: dict[str, tuple[str, ...]] | None = self.__dict__.get("_tables")
        if found is None:
            found = self.__dict__["_tables"] = {}
            for statement in self.context.module.body:
                small = statement.body[0] if type(statement) is cst.SimpleStatementLine else None
                if type(small) in (cst.Assign, cst.AnnAssign) and type(small.value) is cst.Dict:  # type: ignore
                    target = small.targets[0].target if type(small) is cst.Assign else small.target  # type: ignore
                    keys = tuple(dict.fromkeys(
                        key for element in small.value.elements if isinstance(element, cst.DictElement)  # type: ignore
                        and type(element.value) is cst.Dict for inner in element.value.elements
                        if isinstance(inner, cst.DictElement) and (key := string_value(inner.key)) is not None))
                    if keys and (name := dotted_name(target)) is not None:
                        found[name] = keys
        return found

    def _shape(self, class_name: str) -> ModelShape | None:
        """The shape of a class of this file or of a module beside it; Django's user model has its password."""
        if not class_name[:1].isupper() and class_name != "get_user_model":
            return None
        local = self._module_shapes().get(class_name)
        if local is not None:
            return local
        bound = self._scopes[0].get(class_name)  # `User = get_user_model()` at module level
        if type(bound) is cst.Call and callee_tail(bound.func) == "get_user_model":
            return DJANGO_USER_SHAPE
        resolved = self.context.imports.aliases.get(class_name)
        if resolved in DJANGO_USERS:
            return DJANGO_USER_SHAPE
        return model_shape(self.context.path, resolved) if resolved is not None and "." in resolved else None

    def _module_shapes(self) -> dict[str, ModelShape]:
        if self._local_shapes is None:
            try:
                tree = ast.parse(self.context.source)
            except (SyntaxError, ValueError):
                tree = ast.Module(body=[], type_ignores=[])
            self._local_shapes = shapes_of(tree)
        return self._local_shapes

    def _secret_columns(self, model: cst.BaseExpression) -> tuple[str, ...]:
        name = dotted_name(model.func) if type(model) is cst.Call else dotted_name(model)
        shape = self._shape(name.rsplit(".", 1)[-1]) if name else None
        return _secrets(shape, None)


def _secrets(shape: ModelShape | None, method: str | None) -> tuple[str, ...]:
    """The secret columns a dump of a stored record writes: every secret column, or those a method of the model writes
    by name. A schema (`class Token(BaseModel)`) is what the view means to send: a login answers its token."""
    if shape is None or not shape.stored:
        return ()
    if method is None:
        return tuple(column for column in shape.columns if is_account_secret(column))
    if method not in shape.dumps:
        return ()
    keys = shape.dumps[method]
    return tuple(column for column in (shape.columns if keys is None else keys) if is_account_secret(column))


def _hash_key(value: cst.BaseExpression) -> str | None:
    """`row["password_hash"]`, `staff["hashed_password"]`: a record's password hash read by its key (a plain
    `["password"]` may be one the client sent or a service's credential)."""
    if type(value) is not cst.Subscript or len(value.slice) != 1 or type(value.slice[0].slice) is not cst.Index:
        return None
    key = string_value(value.slice[0].slice.value)
    if key is None or not is_password_column(key) or not (HASH_WORDS.intersection(name_words(key))
                                                          or GLUED_PASSWORD_HASHES.intersection(name_words(key))):
        return None
    return key


def _root(node: cst.BaseExpression) -> cst.Name | None:
    """The name a chain of reads starts from: `request` in `(await request.form())["x"]`."""
    while True:
        if type(node) is cst.Await:
            node = node.expression
        elif type(node) is cst.Call:
            node = node.func
        elif type(node) in (cst.Subscript, cst.Attribute):
            node = node.value  # type: ignore[attr-defined]
        else:
            return node if type(node) is cst.Name else None


def _receiver(node: cst.BaseExpression) -> cst.BaseExpression:
    """What a read is made of, without its calls and keys: `request.state.staff` of `request.state.staff["id"]`."""
    while type(node) in (cst.Await, cst.Call, cst.Subscript):
        node = node.expression if type(node) is cst.Await else node.func if type(node) is cst.Call \
            else node.value  # type: ignore[attr-defined]
    return node


def _dependency(param: cst.Param) -> str | None:
    """The function a FastAPI parameter depends on: `Depends(get_user)`, also inside `Annotated[..., Depends(...)]`."""
    for part in (param.default, param.annotation.annotation if param.annotation is not None else None):
        pending: list[cst.CSTNode] = [part] if part is not None else []
        while pending:
            current = pending.pop()
            if type(current) is cst.Call and callee_tail(current.func) == "Depends" and current.args:
                return dotted_name(current.args[0].value)
            pending.extend(current.children)
    return None


def _row_models(node: cst.BaseExpression) -> Iterator[str]:
    """The classes a query's row or rows may be of (`User` in `User.query.get(id)`, `db.get(User, id)`,
    `get_object_or_404(User, ...)`), or the class of an object made on the spot (`User(...)`)."""
    if type(node) is cst.Await:
        node = node.expression
    if type(node) is not cst.Call:
        return
    tail = callee_tail(node.func) or ""
    if tail in ROW_METHODS:
        yield from _names_in(node)
    elif tail[:1].isupper():
        yield tail


def _names_in(node: cst.CSTNode) -> Iterator[str]:
    """The capitalised names an expression mentions, in source order (`User` in `db.get(User, 1)`)."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            if current.value[:1].isupper() or current.value == "get_user_model":
                yield current.value
            continue
        pending.extend(reversed(list(current.children)))


def _response_model(handler: cst.FunctionDef) -> cst.BaseExpression | None:
    """The `response_model=` of a route's decorator, else its return annotation."""
    for decorator in handler.decorators:
        if type(decorator.decorator) is cst.Call:
            for arg in decorator.decorator.args:
                if arg.keyword is not None and arg.keyword.value in RESPONSE_MODEL_KEYWORDS:
                    return arg.value
    return handler.returns.annotation if handler.returns is not None else None

