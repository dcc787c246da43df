"""VC410: a password from the client or a parameter is stored, or compared with a stored value, without hashing."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from vibecheck.analysis.flow import (
    COMPOUND_STATEMENTS,
    FlowRule,
    FlowState,
    Taint,
    call_argument,
    dotted_name,
    iter_calls,
    iter_expressions,
    request_source,
    short_code,
    string_value,
    walked_text,
)
from vibecheck.analysis.password_setters import (
    HASHING_SETTER,
    HASHING_SETTERS_FACT,
    cleared_by_setter,
    hashing_setter_fields,
)
from vibecheck.analysis.secrets_names import PASSWORD_WORDS, is_password_name, name_words
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._request_readers import RequestReaders

STORE_METHODS = frozenset({"create", "insert", "insert_one", "insert_many", "update", "update_one", "update_many",
                           "replace_one", "put_item", "set", "hset", "setex", "write", "writelines", "writerow", "dump",
                           "add_user", "get_or_create", "update_or_create", "put"})
POSITIONAL_STORES = frozenset({"write", "writelines", "writerow", "set", "hset", "setex", "put"})
# Constructors that take a password to *use* it (log in somewhere, or unlock key material) or to carry it to code that
# does (an input schema: `UserCreate(email=..., password=...)` handed to a user manager that hashes it), not to store it.
CLIENT_CLASS = lazy_pattern(r"(Auth|Client|Connection|Session|Config|Settings|Credentials|Form|Request|Error|Exception|Pool"
                            r"|Create|Schema|Input|Payload|DTO"
                            r"|Engine|Server|SMTP|SSH|FTP|Transport|Options|Params|Login|Http|HTTP|Api|API|Requester"
                            r"|Connector|Adapter"
                            r"|Key|KeyPair|Certificate|Cert|KeyStore|Keystore|Keyring|Signer|Cipher|Wallet|Context)$")
# Words of a field that holds where a password logs in (`ip_address`, `host`, `port`, `base_url`).
ADDRESS_WORDS = frozenset({"host", "hostname", "ip", "port", "url", "endpoint", "server", "dsn", "uri"})
OUTBOUND_HINT = ("This password logs in to another system, so it cannot be hashed: encrypt it at rest (Fernet with a "
                 "key kept outside the database, a KMS, a secrets manager) and decrypt it only to connect.")
# Libraries whose classes connect to a service with the password they are given (`redis.Redis(password=...)`,
# `pymongo.MongoClient`, `Elasticsearch`, `pika.PlainCredentials`): a connection, not a record that keeps it.
CLIENT_LIBRARIES = frozenset({
    "requests", "httpx", "smtplib", "paramiko", "ldap", "ldap3", "redis", "valkey", "aioredis", "pymongo", "motor",
    "elasticsearch", "opensearchpy", "pika", "aio_pika", "kombu", "minio", "hvac", "pymysql", "psycopg", "psycopg2",
    "asyncpg", "aiomysql", "mysql", "ftplib", "imaplib", "poplib", "pysftp", "fabric",
    # a connection pool unlocking its client certificate's key; SOAP clients' WS-Security headers (`UsernameToken`)
    "urllib3", "suds", "zeep",
    # readers of password-protected files: the password decrypts the document or archive they open (`PdfReader(data,
    # password=...)`), nothing keeps it
    "pypdf", "PyPDF2", "pikepdf", "fitz", "pymupdf", "msoffcrypto", "pyzipper", "py7zr", "rarfile"})
HASHING_CONSTRUCTORS = frozenset({"create_user", "create_superuser", "set_password"})
SQL_WRITE = lazy_pattern(r"\b(insert\s+into|update\s+\w+\s+set|replace\s+into)\b", re.IGNORECASE)
# A query that finds the user by matching a password column with a parameter (`WHERE name = %s AND password = %s`):
# the database holds the password as it was typed.
SQL_PASSWORD_MATCH = lazy_pattern(r"\bwhere\b.*?\b(?:\w+\.)?(?:password|passwd|pwd)\s*=\s*(?:%s|\?|:\w+|%\(\w+\)s|\$\d+)",
                                  re.IGNORECASE | re.DOTALL)
STORE_CWE = (256, 522)
# A password kept in a cookie: the browser stores it in clear and sends it with every request.
COOKIE_CWE = (315, 522)
COOKIE_METHODS = frozenset({"set_cookie", "set_signed_cookie"})
# A password in a URL's query string: web server and proxy logs and the browser's history keep it.
URL_CWE = (598, 522)
HTTP_CLIENT_MODULES = ("requests", "httpx", "aiohttp", "urllib.request", "urllib3", "niquests")
HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen"})
QUERY_KEY = lazy_pattern(r"[?&]([A-Za-z_\-]+)=$")
STORED_COLLECTIONS = frozenset({"users", "passwords", "credentials", "accounts", "db", "store"})
# `user[2] == password`: a row fetched from storage, indexed by position.
STORED_ROWS = STORED_COLLECTIONS | {"user", "row", "record", "account", "existing", "stored", "entry", "result"}
# Keyword arguments that only a live connection takes (a timeout, a key file, a client certificate, the session or headers
# of its requests): a constructor given one with the password connects with it (`Remote(host, password=..., timeout=10)`),
# a record keeps no timeout (`Device(ip_address=..., password=...)` still stores it).
CONNECTION_SETTINGS = frozenset({"timeout", "connect_timeout", "read_timeout", "keyfile", "key_filename", "cert",
                                 "certfile", "verify", "session", "headers", "proxies", "ssh_opts", "buffer_size"})
# Names of an object that holds the settings of the running program (`config.USE_SUDO_PASSWORD = ...`,
# `settings.SMTP_PASSWORD`): kept in memory for this run, written to no store. Only a bare name: a record's settings
# (`user.settings.smtp_password`) may be saved with it.
RUNTIME_CONFIG_WORDS = frozenset({"config", "conf", "cfg", "settings", "options", "opts"})
# A docstring line that describes a parameter as a hash (`+ password: set the encrypted password for the user`,
# `:param password: the hashed password`, `password (str): a crypt(3) hash`): its name says password, it holds none.
HASH_DESCRIPTION = lazy_pattern(r"\b(\w+)\b(?:\s*\([^)]*\))?\s*:\s*(?:set\s+)?(?:(?:the|an?)\s+)?"
                                r"(?:encrypted|hashed|crypted|salted|crypt|hash)\b", re.IGNORECASE)
# Methods that fill a dict in place: on a dict the function builds itself, they gather arguments, they store nothing.
DICT_FILLERS = frozenset({"update", "setdefault"})


def password_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input (request data whose key is a password is told apart at the sink) and WTForms `form.password.data`."""
    if type(node) is cst.Attribute and node.attr.value == "data" and type(node.value) is cst.Attribute \
            and is_password_name(node.value.attr.value):
        return Taint("password", short_code(node))
    if type(node) is cst.Dict:
        for element in node.elements:
            if type(element) is cst.DictElement and _password_field_name(string_value(element.key) or ""):
                taint = state.taint_of(element.value)
                if is_password_taint(taint):
                    return Taint("password-record", taint.origin)  # type: ignore[union-attr]
    return request_source(node, state)


def is_password_taint(taint: Taint | None) -> bool:
    return taint is not None and (taint.kind == "password" or (taint.kind == "request" and is_password_name(taint.key or "")))


def password_taint_in(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A password anywhere in a value built by f-strings, `+`/`%`, tuples, lists or dicts (not inside other calls)."""
    taint = state.taint_of(node)
    if is_password_taint(taint):
        return taint
    parts: list[cst.BaseExpression] = []
    if isinstance(node, cst.FormattedString):
        parts = [p.expression for p in node.parts if isinstance(p, cst.FormattedStringExpression)]
    elif isinstance(node, cst.BinaryOperation):
        parts = [node.left, node.right]
    elif isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        parts = [e.value for e in node.elements]
    elif isinstance(node, cst.Dict):
        parts = [e.value for e in node.elements if isinstance(e, cst.DictElement)]
    for part in parts:
        found = password_taint_in(part, state)
        if found is not None:
            return found
    return None


def _password_in_query(url: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A password pasted into a URL after a query key (`f"{base}/login?user={u}&password={p}"`, `"...&pwd=" + p`)."""
    pieces: list[cst.BaseExpression | str] = []
    if isinstance(url, cst.FormattedString):
        pieces = [p.value if isinstance(p, cst.FormattedStringText) else p.expression for p in url.parts
                  if isinstance(p, (cst.FormattedStringText, cst.FormattedStringExpression))]
    elif isinstance(url, cst.BinaryOperation) and isinstance(url.operator, cst.Add):
        stack: list[cst.BaseExpression] = [url]
        while stack:
            node = stack.pop()
            if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
                stack.extend((node.right, node.left))
            else:
                text = string_value(node)
                pieces.append(text if text is not None else node)
    text_before = ""
    for piece in pieces:
        if isinstance(piece, str):
            text_before += piece
            continue
        key = QUERY_KEY.search(text_before)
        if key is not None and is_password_name(key.group(1)):
            return password_taint_in(piece, state) or Taint("password", short_code(piece))
        text_before = ""
    return None


def _stored_password_field(node: cst.CSTNode) -> bool:
    """`user.password`, `row["password"]`, `user.password_hash`: where a password is kept."""
    if isinstance(node, cst.Attribute):
        return _password_field_name(node.attr.value) and not (dotted_name(node) or "").startswith("self.")
    if isinstance(node, cst.Subscript) and isinstance(node.slice[0].slice, cst.Index):
        key = string_value(node.slice[0].slice.value)
        return key is not None and _password_field_name(key)
    return False


def _named_field(node: cst.CSTNode) -> str | None:
    """The key of `row["email"]`, or None for a row indexed by position (`user[2]`) or by a variable."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return string_value(node.slice[0].slice.value)
    return None


def _is_local_dict(node: cst.BaseExpression, state: FlowState) -> bool:
    return isinstance(state, PasswordFlowState) and state.is_local_dict(node)


# Last words of a mapping that is a process environment (`env`, `self._env`, `os.environ`), handed to a child process.
ENVIRONMENT_WORDS = frozenset({"env", "environ", "environment"})


def _is_environment(node: cst.BaseExpression) -> bool:
    words = name_words(dotted_name(node) or "")
    return bool(words) and words[-1] in ENVIRONMENT_WORDS


# Last words of a mapping that holds the arguments of a later call (`self.connect_params`, `conn_kwargs`,
# `self._connect_options`): peewee's `self.connect_params["passphrase"] = passphrase` is handed to the driver's
# `connect()` when the database opens, and keeps nothing.
ARGUMENT_WORDS = frozenset({"params", "kwargs", "args", "options", "opts", "parameters", "arguments"})


# How the last word of a class that is an address ends (boltons' `URL`, `DatabaseUri`, furl's `furl`): its methods
# fill a URL's parts (`ret.password = password` in `URL.from_parts`, `self.set(..., password=password)` in
# `furl.__init__`), the userinfo of an address, in memory.
URL_CLASS_ENDINGS = ("url", "uri")


# Last words of a mapping named for the message of a request the object sends (ldap3's extended operations fill
# `self.request_value["newPasswd"]`, the ASN.1 value of the LDAP password-modify request): sent, not kept.
MESSAGE_WORDS = frozenset({"value", "body", "payload", "message"})


def _is_argument_mapping(node: cst.BaseExpression) -> bool:
    words = name_words(dotted_name(node) or "")
    return bool(words) and (words[-1] in ARGUMENT_WORDS or len(words) > 1 and words[-2] == "request"
                            and words[-1] in MESSAGE_WORDS)


def _described_as_hashes(function: cst.FunctionDef) -> frozenset[str]:
    """The parameters the function's docstring describes as a hash: `usermod -p` takes the encrypted password."""
    docstring = function.get_docstring(clean=False)
    if not docstring:
        return frozenset()
    return frozenset(match.group(1) for line in docstring.splitlines() if (match := HASH_DESCRIPTION.search(line)))


def _is_runtime_config(node: cst.BaseExpression) -> bool:
    words = name_words(node.value) if isinstance(node, cst.Name) else []
    return bool(words) and words[-1] in RUNTIME_CONFIG_WORDS


def _password_field_name(name: str) -> bool:
    return any(w in PASSWORD_WORDS for w in name_words(name))


class PasswordFlowState(FlowState):
    """The flow state plus the names bound to a dict the function builds (`kwargs = {...}`, `dict(...)`, `**kwargs`):
    keyword arguments in the making (`kwargs.update({"ssl_password": ssl_password})`), which keep nothing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.local_dicts: set[str] = set()
        # in a client's constructor (`ApiClient.__init__(self, user, password)`): the objects it makes hold the
        # credentials it logs in with, records of nobody's
        self.in_client_constructor = False
        # objects given an address to connect to (`device.ip_address = ...`): the password set on them next logs in there
        self.connection_objects: set[str] = set()

    def note_binding(self, node: cst.Assign | cst.AnnAssign) -> None:
        """Remember the names bound to a dict built here, annotated or not (`kw: Dict[str, Any] = {}`)."""
        builds_dict = type(node.value) is cst.Dict or type(node.value) is cst.DictComp or (
            type(node.value) is cst.Call and type(node.value.func) is cst.Name and node.value.func.value == "dict"
        ) or self._takes_from_local_dict(node.value)
        targets = [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
        for target in targets:
            if type(target) is cst.Name:
                (self.local_dicts.add if builds_dict else self.local_dicts.discard)(target.value)

    def _takes_from_local_dict(self, value: cst.BaseExpression | None) -> bool:
        """`data = kwargs.pop("data", {})`: a mapping taken out of keyword arguments in the making (the function's
        `**kwargs`), a new dict when absent: the body of the request those arguments make, which keeps nothing."""
        return type(value) is cst.Call and type(value.func) is cst.Attribute \
            and value.func.attr.value in ("pop", "get") and self.is_local_dict(value.func.value) \
            and len(value.args) == 2 and type(value.args[1].value) is cst.Dict

    def is_local_dict(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Name) and node.value in self.local_dicts


class PlaintextPasswordStorage(FlowRule):
    """A password is stored, or checked against a stored value, in plain text.

    ## What it does
    Follows, within one function, a password (request data read under a password-like key such as
    `request.form["password"]`, also of what a helper of the module returns of the request: `data = body(request)` with
    `def body(request): return json.loads(request.body)`, `payload = _json()`; a WTForms `form.password.data`, a
    parameter named `password`/`pwd`/`new_password`, not `hashed_password` or `encrypted_pwd`) to places where it is
    kept or checked unhashed:
    assigned to a model or dict field (`user.password = password`, `users[name] = password`), passed to a model
    constructor or ORM/NoSQL write (`User(password=password)`, `User.objects.create(password=...)`, `insert_one({...})`), inserted
    with SQL (`INSERT`/`UPDATE` parameters) or matched against a password column in SQL (`WHERE name = %s AND
    password = %s`), written to a file, set as a cookie's value
    (`response.set_cookie("password", password)`), sent in a URL's query string (`requests.get(f"...?
    password={password}")`, `params={"pwd": pwd}`), or compared with `==` against a stored value
    (`user.password == password`, `user[2] == password`; not a field named for something else, `user["email"] ==
    email_forgot_passwd`). Hashing it first (`generate_password_hash`, `bcrypt.hashpw`,
    `make_password`, `pwd_context.hash`, argon2, `user.set_password`, `create_user`) clears it, and so does a model
    of the project whose setter of that field hashes (`password = property(_get, _set_password)`, FlaskBB's
    `db.synonym("_password", descriptor=property(...))`, `@password.setter`, SQLAlchemy's `@validates("password")`
    returning the hash): `user.password = new_password` and `User(password=...)` then store a hash. Classes
    that use a password rather than keep it (clients, connections, sessions, and key material such as
    `PrivateKey(pem, password=...)`, a `Certificate` or an `SSLContext`, and the classes of client libraries that log in
    with it: `redis.Redis(password=...)`, pymongo, Elasticsearch, pika, a SOAP client's WS-Security
    `UsernameToken` (suds, zeep), urllib3's `PoolManager(key_password=...)`, readers of protected files that decrypt
    with it (pypdf's `PdfReader(data, password=...)`, pikepdf, pyzipper's `AESZipFile`), and input schemas that carry
    it to code that hashes it: `UserCreate`, `SignupPayload`) are no model constructors, nor is any class an API client's own
    constructor makes from the credentials it is given (`ApiRequester.__init__` building `EClinicalUser(password=...)`,
    `ZeroClient.__init__` building `AppHttp(password=...)`), and a dict the
    function builds for keyword arguments (`kwargs = {...}`, `**kwargs`, a request body taken out of them with
    `data = kwargs.pop("data", {})`, then `kwargs.update(password=...)` or `kwargs["password"] = ...`) keeps nothing,
    nor does a mapping named for the arguments of a later call
    (`self.connect_params["passphrase"] = passphrase`, `conn_kwargs[...]`, pgcli's `conn_params.update({...})`) or
    for the message of a request the object sends (ldap3's password-modify operation,
    `self.request_value["newPasswd"] = new_password`, a `request_body`) or the environment a child process gets
    (`env["PGPASSWORD"] = password`, `self._env[...]`), nor an attribute or the object's own setter in a method of a URL
    class (boltons' `URL.from_parts` filling `ret.password`, a `DatabaseUri`, furl's `self.set(password=...)`): the
    userinfo part of an address, in memory.
    A constructor also given what only a live connection takes (a
    `timeout`, `connect_timeout`, `keyfile`, `cert`, `session` or `headers`: `SshMachine(host, password=...,
    connect_timeout=10)`) connects with the password; a dict built by a comprehension is one the function builds; the
    settings object of the running program (`config.SUDO_PASSWORD = password`, a bare `config`/`settings`/`options`
    name) keeps it in memory only; and a parameter its function's docstring describes as a hash (`password: set the
    encrypted password`) holds none. Test files and `assert`
    statements are not checked: test fixtures hold throwaway passwords. A password stored beside an address
    (`Device(ip_address=..., password=...)`, or `device.host = ...` set before `device.password = ...`) logs in to
    that system and must be recoverable: its hint asks for encryption at rest, not a hash.

    ## Why is this bad?
    A database dump, a backup, a log of SQL statements or one injection bug then hands every user's
    password to the attacker, and users reuse passwords on other sites. Passwords must only be kept as
    slow, salted hashes and checked with the hash library's verify function. A cookie is kept in clear by
    the browser and sent with every request; a URL is written to web server and proxy logs and to the
    browser's history.

    ## Example
    ```python
    from flask import request

    def register(db):
        user = User(username=request.form["username"], password=request.form["password"])
        db.session.add(user)
        db.session.commit()
    ```

    ## Use instead
    ```python
    from flask import request
    from werkzeug.security import generate_password_hash

    def register(db):
        user = User(username=request.form["username"],
                    password=generate_password_hash(request.form["password"]))
        db.session.add(user)
        db.session.commit()
    ```

    ## References
    - [CWE-256: Plaintext Storage of a Password](https://cwe.mitre.org/data/definitions/256.html)
    - [CWE-522: Insufficiently Protected Credentials](https://cwe.mitre.org/data/definitions/522.html)
    - [CWE-315: Cleartext Storage of Sensitive Information in a Cookie](https://cwe.mitre.org/data/definitions/315.html)
    - [CWE-598: Use of GET Request Method With Sensitive Query Strings](https://cwe.mitre.org/data/definitions/598.html)
    - [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    """

    file_hints = ("password", "passwd", "pwd", "passphrase")
    code = "VC410"
    name = "plaintext-password-storage"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (256, 522, 315, 598)
    applies_to_tests = False  # a test's password is a fixture

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """A model of another module whose setter of the field hashes the value (`password_setters`)."""
        return kind == HASHING_SETTER and cleared_by_setter(project, subject)

    def leave_Module(self, node: cst.Module) -> None:
        fields = hashing_setter_fields(node)
        if fields:
            self.context.facts[HASHING_SETTERS_FACT] = fields

    def new_state(self) -> FlowState:
        return PasswordFlowState(self.context.imports, self._password_source, checks_clear=False,
                                 comparisons_propagate=False)

    def _password_source(self, node: cst.BaseExpression, state: FlowState) -> Taint | None:
        """`password_source`, and a call of one of the module's own helpers that returns the request's data
        (`data = body(request)`, `payload = _json()`)."""
        found = password_source(node, state)
        if found is None and type(node) is cst.Call and type(node.func) is cst.Name \
                and node.func.value not in state.names \
                and self._request_readers().returns_request_data(node.func.value, self._reader_state):
            return Taint("request", short_code(node))
        return found

    def _request_readers(self) -> RequestReaders:
        readers: RequestReaders | None = self.__dict__.get("_readers")
        if readers is None:
            readers = self.__dict__["_readers"] = RequestReaders(self.context.module)
        return readers

    def _reader_state(self) -> FlowState:
        """A state for a helper's own walk: the request is the client's wherever the helper finds it."""
        state = PasswordFlowState(self.context.imports, password_source, checks_clear=False,
                                  comparisons_propagate=False)
        state.has_walrus, state.local_classes, state.module = self._file_tables()[:3]
        return state

    def skips(self, function: cst.FunctionDef) -> bool:
        """Every report needs a password by name in the function's own code (`PASSWORD_WORDS`, the words
        `is_password_name` reads): a parameter, an attribute (`form.password.data`, `body.password`), the key of a
        request field, a dict or a query string (`"...&pwd=" + p`); a function whose text names none stores none."""
        text = walked_text(function)
        return text is not None and not any(word in text for word in PASSWORD_WORDS)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        super().start_function(function, state)
        star_kwarg = function.params.star_kwarg
        if isinstance(state, PasswordFlowState) and isinstance(star_kwarg, cst.Param):
            state.local_dicts.add(star_kwarg.name.value)
        classes = self.__dict__.get("_classes")
        if isinstance(state, PasswordFlowState) and function.name.value == "__init__" and classes:
            state.in_client_constructor = classes[-1] is not None and CLIENT_CLASS.search(classes[-1]) is not None
        params = (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params)
        hashes = _described_as_hashes(function)
        for param in params:
            if is_password_name(param.name.value) and param.name.value not in hashes:
                state.names[param.name.value] = Taint("password", param.name.value)

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        if type(node) is cst.Assert:
            return
        if type(node) is cst.Assign:
            self._check_assignment(node, state)
        if (type(node) is cst.Assign or type(node) is cst.AnnAssign) and isinstance(state, PasswordFlowState):
            state.note_binding(node)
        for inner in iter_expressions(node) if type(node) not in COMPOUND_STATEMENTS else ():
            if type(inner) is cst.Comparison:
                self._check_comparison(inner, state)
        if type(node) is cst.If or type(node) is cst.While:
            for inner in iter_expressions(node.test):
                if type(inner) is cst.Comparison:
                    self._check_comparison(inner, state)
        for call in iter_calls(node):
            self._check_call(call, state)

    def _report_store(self, node: cst.CSTNode, taint: Taint, where: str, *, outbound: bool = False,
                      field: str | None = None) -> None:
        """`outbound`: the record also holds an address (`Device(ip_address=..., password=...)`): the password logs in
        to that system, so it must be recoverable, and the fix is encryption, not a hash. `field`: the model field it
        is assigned to, which a hashing setter of another module (`password_setters`) may turn into a hash."""
        hint = OUTBOUND_HINT if outbound else ("Store only a slow salted hash: `generate_password_hash(password)`, "
                                               "`bcrypt.hashpw(...)` or Django's `make_password`/`set_password`.")
        self.report(node, f"The password from `{taint.origin}` is stored in plain text {where}.", hint=hint,
                    cwe=STORE_CWE, unless=(HASHING_SETTER, field) if field is not None and not outbound else None)

    def _check_assignment(self, node: cst.Assign, state: FlowState) -> None:
        taint = state.taint_of(node.value)
        for target in node.targets:
            destination = target.target
            if isinstance(state, PasswordFlowState) and type(destination) is cst.Attribute \
                    and type(destination.value) is cst.Name and _names_an_address(destination.attr.value):
                state.connection_objects.add(destination.value.value)
            if type(destination) is cst.Subscript and _is_local_dict(destination.value, state):
                continue  # `kwargs["password"] = password`: an argument of a later call
            if type(destination) is cst.Subscript and _is_environment(destination.value):
                continue  # `env["PGPASSWORD"] = password`: the environment of a child process, which keeps nothing
            if type(destination) is cst.Subscript and _is_argument_mapping(destination.value):
                continue  # `self.connect_params["passphrase"] = passphrase`: the arguments of a later `connect()`, or
                # `self.request_value["newPasswd"] = new_password`: the message of a request the object sends
            if type(destination) is cst.Attribute and _is_runtime_config(destination.value):
                continue  # `config.USE_SUDO_PASSWORD = password`: this run's settings, in memory
            if type(destination) is cst.Attribute and self._in_url_class():
                continue  # `ret.password = password` in `URL.from_parts`: the userinfo part of an address
            if is_password_taint(taint) and (type(destination) is cst.Attribute or type(destination) is cst.Subscript) and \
                    not (dotted_name(destination) or "").startswith("self.") and \
                    (_stored_password_field(destination) or type(destination) is cst.Subscript):
                owner = destination.value if type(destination) is cst.Attribute else None
                outbound = isinstance(state, PasswordFlowState) and type(owner) is cst.Name \
                    and owner.value in state.connection_objects
                self._report_store(node.value, taint, f"in `{short_code(destination)}`",  # type: ignore[arg-type]
                                   outbound=outbound, field=_attribute_name(destination))
                return
            if type(destination) is cst.Subscript and type(node.value) is cst.Dict:
                self._check_dict(node.value, state, f"in `{short_code(destination)}`")

    def _in_url_class(self) -> bool:
        classes = self.enclosing_classes
        words = name_words(classes[-1] or "") if classes else []
        return bool(words) and words[-1].endswith(URL_CLASS_ENDINGS)

    def _check_dict(self, value: cst.Dict, state: FlowState, where: str) -> bool:
        for element in value.elements:
            if isinstance(element, cst.DictElement):
                key = string_value(element.key)
                taint = state.taint_of(element.value)
                if key is not None and _password_field_name(key) and is_password_taint(taint):
                    self._report_store(element.value, taint, where)  # type: ignore[arg-type]
                    return True
        return False

    def _check_call(self, call: cst.Call, state: FlowState) -> None:
        func = call.func
        callee = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
        if callee in HASHING_CONSTRUCTORS or (callee in DICT_FILLERS and isinstance(func, cst.Attribute) and (
                _is_local_dict(func.value, state) or _is_argument_mapping(func.value))):
            return  # `kwargs.update(...)`, `conn_params.update(...)`: the arguments of a later call, filled in place
        if callee in COOKIE_METHODS:
            self._check_cookie(call, state)
            return
        if callee in HTTP_VERBS and (state.qualified_name(call) or "").startswith(HTTP_CLIENT_MODULES):
            self._check_url(call, callee, state)
            return
        if callee in ("execute", "executemany"):
            self._check_sql(call, state)
            return
        is_model = callee[:1].isupper() and not CLIENT_CLASS.search(callee) and \
            (state.qualified_name(call) or "").partition(".")[0] not in CLIENT_LIBRARIES
        if is_model and isinstance(state, PasswordFlowState) and state.in_client_constructor:
            is_model = False  # `EClinicalUser(username=..., password=...)` made by an API client's constructor
        if is_model and any(a.keyword is not None and a.keyword.value in CONNECTION_SETTINGS for a in call.args):
            is_model = False  # `SshMachine(host=..., password=..., connect_timeout=10)`: a connection, no record
        if not is_model and callee not in STORE_METHODS:
            return
        if not is_model and type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self" \
                and self._in_url_class():
            return  # `self.set(..., password=password)` in `furl.__init__`: the URL object setting its own parts
        where = f"by `{short_code(func)}()`"
        for arg in call.args:
            if isinstance(arg.value, cst.Dict) and self._check_dict(arg.value, state, where):
                return
            record = state.taint_of(arg.value)
            if record is not None and record.kind == "password-record" and callee in STORE_METHODS:
                self._report_store(arg.value, record, where)
                return
            taint = password_taint_in(arg.value, state)
            if taint is None:
                continue
            named_field = arg.keyword is not None and _password_field_name(arg.keyword.value)
            positional_store = callee in POSITIONAL_STORES and arg.keyword is None
            if named_field or positional_store:
                self._report_store(arg.value, taint, where, outbound=any(
                    a.keyword is not None and _names_an_address(a.keyword.value) for a in call.args),
                    field=arg.keyword.value if arg.keyword is not None else None)
                return

    def _check_cookie(self, call: cst.Call, state: FlowState) -> None:
        value = call_argument(call, 1, "value")
        taint = password_taint_in(value, state) if value is not None else None
        if taint is not None:
            self.report(value, f"The password from `{taint.origin}` is stored in a cookie, which the browser keeps in "  # type: ignore[arg-type]
                        "plain text and sends with every request.", hint="Keep only a random session or remember-me "
                        "token in the cookie (`secrets.token_urlsafe()`, stored hashed on the server), never the "
                        "password.", cwe=COOKIE_CWE)

    def _check_url(self, call: cst.Call, verb: str, state: FlowState) -> None:
        url = call_argument(call, 1 if verb == "request" else 0, "url")
        taint = _password_in_query(url, state) if url is not None else None
        params = call_argument(call, None, "params")
        if taint is None and isinstance(params, cst.Dict):
            taint = next((password_taint_in(element.value, state) or Taint("password", short_code(element.value))
                          for element in params.elements if isinstance(element, cst.DictElement)
                          and is_password_name(string_value(element.key) or "") and string_value(element.value) is None),
                         None)
        if taint is not None:
            self.report(url if url is not None else call, f"The password from `{taint.origin}` is sent in the URL's "
                        "query string, which web server and proxy logs and browser history keep in plain text.",
                        hint="Send the password in the request body (`json=` or `data=`) over HTTPS, or as "
                        "`auth=(user, password)`.", cwe=URL_CWE)

    def _check_sql(self, call: cst.Call, state: FlowState) -> None:
        if not call.args:
            return
        query = call.args[0].value
        text = string_value(query)
        dotted = dotted_name(query)
        if text is None and dotted is not None:
            text = state.constants.get(dotted)
        if text is None and isinstance(query, cst.FormattedString):
            text = "".join(p.value for p in query.parts if isinstance(p, cst.FormattedStringText))
        if text is None:
            return
        writes, matches = SQL_WRITE.search(text), SQL_PASSWORD_MATCH.search(text)
        if not (writes or matches):
            return
        for arg in call.args:
            taint = password_taint_in(arg.value, state)
            if taint is None:
                continue
            if writes:
                self._report_store(arg.value, taint, "by an SQL `INSERT`/`UPDATE`")
            else:
                self.report(arg.value, f"The password from `{taint.origin}` is matched against the password column "
                            "in SQL, so the database keeps passwords as typed.", hint="Store a salted hash, fetch it "
                            "by user name, and check it with `check_password_hash(stored, password)` (or "
                            "`bcrypt.checkpw`).", cwe=STORE_CWE)
            return

    def _check_comparison(self, node: cst.Comparison, state: FlowState) -> None:
        operands = [node.left, *(c.comparator for c in node.comparisons)]
        if not any(isinstance(c.operator, (cst.Equal, cst.NotEqual)) for c in node.comparisons) or len(operands) != 2:
            return
        for mine, other in (operands, operands[::-1]):
            taint = state.taint_of(mine)
            if is_password_taint(taint) and state.taint_of(other) is None and self._is_stored_value(other):
                self.report(node, f"The password from `{taint.origin}` is compared with the stored value "  # type: ignore[union-attr]
                            f"`{short_code(other)}`, so passwords are kept in plain text.",
                            hint="Store a salted hash and check it with `check_password_hash(stored, password)` "
                            "(or `bcrypt.checkpw`, Django's `check_password`).", cwe=STORE_CWE)
                return

    def _is_stored_value(self, node: cst.BaseExpression) -> bool:
        if _stored_password_field(node):
            return True
        if _named_field(node) is not None:
            return False  # `user["email"] == email_forgot_passwd`: a field named for something else holds no password
        if isinstance(node, (cst.Call, cst.Subscript)):
            base = node.func if isinstance(node, cst.Call) else node.value
            if isinstance(base, cst.Attribute) and isinstance(node, cst.Call):
                base = base.value
            words = name_words(dotted_name(base) or "")
            stores = STORED_ROWS if isinstance(node, cst.Subscript) else STORED_COLLECTIONS
            return bool(words) and words[-1] in stores
        return False


def _attribute_name(node: cst.BaseExpression) -> str | None:
    return node.attr.value if isinstance(node, cst.Attribute) else None


def _names_an_address(field: str) -> bool:
    """`ip_address`, `host`, `port`, `api_url`: where the record's password is used."""
    return bool(ADDRESS_WORDS & set(name_words(field)))
