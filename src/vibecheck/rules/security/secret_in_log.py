"""VC407: a password, token or key is written to a log or printed."""

from __future__ import annotations

from typing import Any

import libcst as cst

from vibecheck.analysis.flow import (
    CLEAN,
    LOG_LEVELS,
    FlowRule,
    FlowState,
    Taint,
    dotted_name,
    is_log_call,
    iter_calls,
    iter_expressions,
    module_strings,
    string_value,
    walked_calls,
    walked_statements,
)
from vibecheck.analysis.secrets_names import is_secret_name, name_words
from vibecheck.cst_fields import own_returns, walk_own
from vibecheck.imports import ImportTable
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.redaction import DSN_KEYWORD, DSN_PASSWORD, URL_PASSWORD
from vibecheck.rule import RuleContext, SourceHints

SECRET_VALUE_ATTRIBUTES = frozenset({"value", "raw", "plaintext", "secret_value", "data", "key", "token", "password"})
KEY_GETTERS = frozenset({"get", "getenv", "pop", "environ.get", "os.getenv", "os.environ.get"})
# In a tokenizer or lexer, `token` is a piece of source text (`tokenize`, `pygments.token`), not a credential.
LEXER_MODULES = frozenset({"token", "tokenize", "lexer", "lexers"})
LEXICAL_NAMES = frozenset({"token", "tokens", "tok"})
SPLITS = frozenset({"split", "rsplit", "splitlines"})
# The last word of a field that a secret's record holds beside the secret: `secret["username"]`, `.get("SecretArn")`,
# `creds["host"]` name who and where, not the credential.
RECORD_FIELD_WORDS = frozenset({"user", "username", "login", "email", "host", "hostname", "port", "arn", "id", "name",
                                "region", "url", "endpoint", "engine", "database", "dbname", "db", "type", "scope",
                                "scopes", "expiry", "expires", "expiration", "created", "updated", "version", "kind",
                                # where a warehouse session runs: Snowflake's `account`, `warehouse`, `schema`, `role`
                                "account", "warehouse", "schema", "role", "project"})
# Names of a connection string, which carries the password it connects with (`DATABASE_URL`, `REDSHIFT_DSN`,
# `conn_str`): by their last words.
# How a connection string's password is left to fill in: `${PGPASSWORD}`, `{password}`, `<password>`, `%s`.
FILL_IN_MARKS = ("$", "{", "<", "%", "*")
CONNECTION_STRING_ENDINGS = (("dsn",), ("database", "url"), ("database", "uri"), ("db", "url"), ("db", "uri"),
                             ("connection", "string"), ("conn", "str"), ("connection", "url"), ("connection", "uri"))
# Methods that list what a secret mapping holds, not its values: `secret.keys()`.
KEY_LISTINGS = frozenset({"keys"})
# Calls that reduce a secret to something harmless to log.
SANITIZERS = frozenset({"len", "bool", "hash", "mask", "redact", "mask_secret", "redact_secret", "type", "id",
                        "hashlib.sha256", "hashlib.md5", "hashlib.sha1", "hmac.new", "isinstance"})

# Attributes that hold an HTTP client's credentials, by the last word of their owner's name: requests' and httpx's
# `session.auth` (a `(user, password)` pair or an auth object holding the token), `client.auth`.
CREDENTIAL_ATTRIBUTES = {"auth": frozenset({"session", "client"})}
# Headers that carry a credential: a dict holding one (`{"Authorization": f"Bearer {key}"}`) is itself a secret.
CREDENTIAL_HEADERS = frozenset({"authorization", "proxy-authorization", "x-api-key", "api-key", "x-auth-token",
                                "x-access-token", "cookie"})


def credential_header(node: cst.BaseExpression) -> str | None:
    """The credential key of a dict display whose value for it is computed, not a literal placeholder."""
    if type(node) is not cst.Dict:
        return None
    for element in node.elements:
        if not isinstance(element, cst.DictElement):
            continue
        key = string_value(element.key)
        if key is not None and (key.lower() in CREDENTIAL_HEADERS or is_secret_name(key)) \
                and string_value(element.value) is None:
            return key
    return None


def credential_builders(module: cst.Module) -> dict[str, str]:
    """Module-level functions that return a dict holding a credential (`def _headers(cfg): return {"Authorization":
    ...}`): name -> the credential's key, so that `headers = _headers(cfg)` holds the secret too."""
    found: dict[str, str] = {}
    for statement in module.body:
        if type(statement) is not cst.FunctionDef:
            continue
        for node in own_returns(statement.body):
            key = credential_header(node.value) if node.value is not None else None
            if key is not None:
                found[statement.name.value] = key
                break
    return found


# A payment card's number and security code (`credit_card`, `card_number`, `cvv`), by the last words of a name: whoever
# reads them in a log can pay with the card (PCI DSS forbids storing the code at all, and logs are storage).
CARD_DATA_ENDINGS = frozenset({("credit", "card"), ("card", "number"), ("card", "numbers"), ("card", "no"),
                               ("cc", "number"), ("card", "pan")})
CARD_CODE_WORDS = frozenset({"cvv", "cvc", "cvv2", "cvc2", "csc"})


def names_logged_secret(name: str) -> bool:
    """A credential's name (`api_key`, `password`) or a payment card's (`credit_card`, `card_number`, `cvv`)."""
    if is_secret_name(name):
        return True
    words = tuple(name_words(name))
    return words[-2:] in CARD_DATA_ENDINGS or (bool(words) and words[-1] in CARD_CODE_WORDS)


def secret_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """A value named like a secret: a variable, an attribute, `config["api_key"]`, `os.getenv("DB_PASSWORD")`."""
    if type(node) is cst.Name:
        return Taint("secret", node.value) if names_logged_secret(node.value) or _names_a_connection_string(node.value) \
            else None
    if type(node) is cst.Attribute:
        if _names_a_connection_string(node.attr.value):
            return Taint("secret", dotted_name(node) or node.attr.value)
        if names_logged_secret(node.attr.value):
            return None if _part_of_a_named_value(node) else Taint("secret", dotted_name(node) or node.attr.value)
        if node.attr.value in CREDENTIAL_ATTRIBUTES and name_words(_owner_name(node))[-1:] \
                and name_words(_owner_name(node))[-1] in CREDENTIAL_ATTRIBUTES[node.attr.value]:
            return Taint("secret", dotted_name(node) or node.attr.value)
        # `secret.name`, `token.expires_at`: metadata of a secret object, not the secret itself.
        return None if node.attr.value in SECRET_VALUE_ATTRIBUTES else CLEAN
    if type(node) is cst.Subscript and type(node.slice[0].slice) is cst.Index:
        owner = dotted_name(node.value)
        return _keyed(string_value(node.slice[0].slice.value), f"{owner}[{{}}]" if owner else "{}")
    header = credential_header(node)
    if header is not None:
        return Taint("secret", f"{header!r} header")
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in KEY_LISTINGS \
            and not node.args:
        return CLEAN
    if type(node) is cst.Call and node.args:
        name = state.qualified_name(node) or ""
        method = node.func.attr.value if type(node.func) is cst.Attribute else None
        if name in KEY_GETTERS or method in ("get", "getenv"):
            return _keyed(string_value(node.args[0].value), "{}")
    return None


# A module-level text of this many words or more is a message (`REASON_BAD_TOKEN = "CSRF token missing or
# incorrect."`), named after the secret it speaks of, not the secret: a key or token is one word.
MESSAGE_WORDS = 3


def _names_a_message(name: str, module: cst.Module) -> bool:
    """A module-level name bound to a sentence (`REASON_BAD_TOKEN = "CSRF token missing or incorrect."`)."""
    text = module_strings(module).get(name)
    return text is not None and len(text.split()) >= MESSAGE_WORDS


def _literal_credentials(module: cst.Module) -> frozenset[str]:
    """Module-level names bound to a literal URL or keyword connection string with a password in it."""
    found = set()
    for line in module.body:
        if type(line) is not cst.SimpleStatementLine:
            continue
        for statement in line.body:
            if type(statement) is cst.Assign and len(statement.targets) == 1 \
                    and type(statement.targets[0].target) is cst.Name:
                text = string_value(statement.value)
                if text is not None and _holds_password(text):
                    found.add(statement.targets[0].target.value)
    return frozenset(found)


def _holds_password(text: str) -> bool:
    """A URL with a password in its user info, or a keyword connection string with one; not a variable to fill in."""
    match = URL_PASSWORD.search(text)
    if match is None and DSN_KEYWORD.search(text) is not None:
        match = DSN_PASSWORD.search(text)
    return match is not None and len(match.group(2)) >= 4 and not match.group(2).startswith(FILL_IN_MARKS)


def _names_a_connection_string(name: str) -> bool:
    """`DATABASE_URL`, `settings.REDSHIFT_DSN`, `conn_str`: a connection string, with the password it connects with."""
    words = tuple(name_words(name))
    return any(words[-len(ending):] == ending for ending in CONNECTION_STRING_ENDINGS)


def _owner_name(node: cst.Attribute) -> str:
    """`self.session.auth` -> `session`: the last name of what the attribute is read from."""
    owner = node.value
    return owner.value if type(owner) is cst.Name else owner.attr.value if type(owner) is cst.Attribute else ""


def _part_of_a_named_value(node: cst.Attribute) -> bool:
    """`page_token.token`, `next_token.value`'s kin: the attribute holds what its owner is, and the owner's name says
    it is no secret (a pagination cursor), though both end in the same word."""
    owner_name = _owner_name(node)
    words = name_words(owner_name)
    return bool(words) and words[-1:] == name_words(node.attr.value)[-1:] and not is_secret_name(owner_name)


def _keyed(key: str | None, spelling: str) -> Taint | None:
    """A lookup by a literal key: a secret when the key names one; clean when it names a record's other field
    (`secret.get("username")`); otherwise what the looked-up value holds."""
    if key is None:
        return None
    if names_logged_secret(key):
        return Taint("secret", spelling.format(repr(key)))
    words = name_words(key)
    return CLEAN if words and words[-1] in RECORD_FIELD_WORDS else None


def _splits_plain_text(node: cst.BaseExpression, lists: set[str]) -> bool:
    """`raw.split(",")` of a value not named as a secret, or a name bound to the pieces of one (also filtered or
    stripped in a comprehension: `[t.strip() for t in raw.split(",")]`)."""
    for inner in iter_expressions(node):
        if type(inner) is cst.Name and inner.value in lists:
            return True
        if type(inner) is cst.Call and type(inner.func) is cst.Attribute and inner.func.attr.value in SPLITS:
            owner = dotted_name(inner.func.value)
            if owner is not None and not is_secret_name(owner.rpartition(".")[2]):
                return True
    return False


# What a model's streamed answer is called: a loop over one takes the tokens of generated text (griptape's
# `for token in response: logger.debug(token)`, `for token in client.text_generation(..., stream=True)`).
STREAMED_TEXT_WORDS = frozenset({"response", "stream", "streamer", "completion", "generation", "generator"})


def _streams_text(node: cst.BaseExpression) -> bool:
    """`response`, `self.stream`, `llm.stream(prompt)`, `client.text_generation(...)`: a model's answer, piece by piece."""
    named = dotted_name(node.func if type(node) is cst.Call else node)
    parts = name_words(named.rpartition(".")[2]) if named is not None else []
    return bool(parts) and parts[-1] in STREAMED_TEXT_WORDS


def _split_words(function: cst.FunctionDef) -> frozenset[str]:
    """The loop variables of a function that take the pieces of a split text (`for token in raw.split(","):`,
    `for token in tokens:` after `tokens = [t.strip() for t in value.split(",")]`) or of a model's streamed answer
    (`for token in response:`): words, not credentials."""
    nodes = list(walk_own(function.body))
    assignments = [node for node in nodes if type(node) is cst.Assign]
    lists: set[str] = set()
    for _ in range(3):  # the walk's order is not the source's: a list made from another one settles in a few rounds
        before = len(lists)
        for node in assignments:
            if _splits_plain_text(node.value, lists):
                lists.update(t.target.value for t in node.targets if type(t.target) is cst.Name)
        if len(lists) == before:
            break
    return frozenset(node.target.value for node in nodes if type(node) is cst.For and type(node.target) is cst.Name
                     and (_splits_plain_text(node.iter, lists) or _streams_text(node.iter)))


# Command-line libraries' own `print`: `click.echo(f"key={api_key}")` writes to the terminal and its captured output.
ECHO_FUNCTIONS = frozenset({"click.echo", "click.secho", "typer.echo", "typer.secho", "rich.print"})


# Calls that make a new secret. A command that prints one it made (`token = secrets.token_urlsafe(32)`, then
# `typer.echo(token)`) hands it once to whoever asked for it, as `gh auth token` does; a log line of it is still a leak.
SECRET_MAKERS = frozenset({"secrets.token_urlsafe", "secrets.token_hex", "secrets.token_bytes", "os.urandom",
                           "uuid.uuid4", "cryptography.fernet.Fernet.generate_key", "pyotp.random_base32"})
COMMAND_DECORATOR = "command"


def _made_and_shown(function: cst.FunctionDef, name: str, call: cst.Call, imports: ImportTable) -> bool:
    """`name` is bound in `function` only to what a secret maker returns, and `call` shows it on the terminal: a
    command-line library's echo, or `print` in a command (`@app.command()`, `@click.command()`)."""
    if type(call.func) is cst.Name and call.func.value == "print" and not any(
            (dotted_name(d.decorator.func if type(d.decorator) is cst.Call else d.decorator) or "")
            .rpartition(".")[2] == COMMAND_DECORATOR for d in function.decorators):
        return False
    values = [node.value for node in walk_own(function.body) if type(node) is cst.Assign
              and any(type(t.target) is cst.Name and t.target.value == name for t in node.targets)]
    return bool(values) and all(any(type(inner) is cst.Call and imports.qualified_name(inner.func) in SECRET_MAKERS
                                    for inner in walk_own(value)) for value in values)


# The methods `check` takes for a log call or an echo: `is_log_call` needs a log level, an echo is one of these.
WRITING_METHODS = LOG_LEVELS | frozenset(name.rpartition(".")[2] for name in ECHO_FUNCTIONS)


# What the text of a module that may log or print a value holds (`_may_write_out`): a writing method's name
# (`info`, `print`), or the name of a module an echo function is imported from under another name (`from click import
# echo as say`). Substrings: a search for each costs less than one regex's search of the words.
WRITING_TEXT = (*sorted(WRITING_METHODS), *sorted({name.partition(".")[0] for name in ECHO_FUNCTIONS}))


# What a module that may log, print or echo a value spells as whole names (`_writes_out`): `print`, the module an echo
# function is imported from (`from click import echo as say`), or a log level's method (`is_log_call`) with a logger
# read as `logging.<level>` or as a receiver named like one (`LOGGER_NAME`: `log`, `self._logger`, `audit_log`).
ECHO_MODULES = frozenset(name.partition(".")[0] for name in ECHO_FUNCTIONS)
# `LOGGER_NAME` as a word of `SourceHints.joined` (its words separated by spaces); `logging` is one.
LOGGER_WORD = lazy_pattern(r"(?:^| )_*(?:log|logger|logging)(?= |$)|_(?:log|logger)(?= |$)")


def _writes_out(source: SourceHints) -> bool:
    """Whether the module's names allow a call `check` takes for a sink: a log call, a `print` or an echo."""
    words = source.words
    return "print" in words or not ECHO_MODULES.isdisjoint(words) or (
        not LOG_LEVELS.isdisjoint(words) and "log" in source.joined and LOGGER_WORD.search(source.joined) is not None)


def _may_write_out(call: cst.Call, imports: ImportTable) -> bool:
    """Whether `check` may take the call for a log call, a `print` or an echo (a superset of its test)."""
    func = call.func
    if type(func) is cst.Attribute:
        return func.attr.value in WRITING_METHODS
    return type(func) is cst.Name and (func.value == "print" or imports.qualified_name(func) in ECHO_FUNCTIONS)


class SecretInLog(FlowRule):
    """A password, token or API key is passed to a log call or `print`.

    ## What it does
    Reports a `logging`/`logger.*` call or a `print()` (also `click.echo`, `typer.echo`, `rich.print`) whose arguments
    carry a value named like a secret:
    a variable or attribute such as `password`, `api_key`, `access_token`, `SECRET_KEY`, `client_secret`, or a payment
    card's number or code (`credit_card`, `card_number`, `cvv`),
    a lookup such as `config["api_key"]` or `os.getenv("DB_PASSWORD")`, an HTTP client's credentials
    (`session.auth`, `self.client.auth`), a connection string, which holds the password it connects with (a name ending
    in `dsn`, `database_url`, `db_uri`, `connection_string`, `conn_str`: `settings.REDSHIFT_DSN`; or a module-level name
    bound to a literal URL or keyword connection string with a password: `TRACKING_URI = "https://u:pw@host"`), directly,
    inside an f-string,
    `%`/`.format()` formatting, or after being assigned to another variable in the same function; also a
    dict that holds a credential header (`{"Authorization": f"Bearer {key}"}`, `X-API-Key`, `Cookie`), built
    in the function or returned by a function of the same module (`headers = _auth_headers(cfg)`). Names are
    matched on their last word, so `token_count`, `max_tokens`, `tokenizer`, `password_hash` and
    `next_page_token` are not secrets; `len(token)`, `token[:4]`, hashes of a secret, the names of its fields
    (`secret.keys()`), a record's other fields (`secret.get("username")`, `["SecretArn"]`, `["host"]`, a warehouse
    session's `["account"]`, `["warehouse"]`, `["role"]`), a cursor's
    value (`page_token.token`) and a module-level sentence named after a secret (`REASON_BAD_TOKEN = "CSRF token missing
    or incorrect."`: a message, not the token) are not reported, nor is a bare `token` in a file that imports a token
    or lexer module (`tokenize`, `pygments.token`), nor one a loop takes from a split text not named as a secret (`for
    token in raw.split(","):`) or from a model's streamed answer (`for token in response:`, `in llm.stream(prompt)`):
    there it is a piece of text. Nor is a secret the function itself just made and shows on the terminal (`token =
    secrets.token_urlsafe(32)`, then `typer.echo(token)`, or `print(token)` in an `@app.command()`): the command hands
    the new key once to whoever ran it; a log line of it is still reported. A key that the code's own format check just rejected
    (`if not VALID_KEY.match(apikey): logger.warning(f"Invalid API key ({apikey}) specified.")`) is still reported: a
    value that fails a length or character check is most often the real key pasted with a space, a quote or a
    character too many, or the right key of another service, and the log line keeps all of it. Name the field, not
    its value (`"The API key specified is invalid."`), or show its length.

    ## Why is this bad?
    Logs are copied to log aggregators, CI output, crash reporters and support tickets, and are read by
    far more people than the secret store. Agents print keys and tokens while debugging and leave the line
    in; one such line leaks the credential to everyone who can read the logs.

    ## Example
    ```python
    import logging
    import os

    logger = logging.getLogger(__name__)

    def connect():
        api_key = os.environ["PAYMENTS_API_KEY"]
        logger.info(f"connecting with key {api_key}")
    ```

    ## Use instead
    ```python
    import logging
    import os

    logger = logging.getLogger(__name__)

    def connect():
        api_key = os.environ["PAYMENTS_API_KEY"]
        logger.info("connecting with key ending in %s", api_key[-4:])
    ```

    ## References
    - [CWE-532: Insertion of Sensitive Information into Log File](https://cwe.mitre.org/data/definitions/532.html)
    - [OWASP Logging Cheat Sheet: data to exclude](https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude)
    """

    file_hints = ("password", "passwd", "pwd", "passphrase", "secret", "token", "key", "cred", "uthorization", "ookie",
                  "dsn", "database_ur", "db_ur", "conn_str", "connection_str", "connection_ur", "://")

    @classmethod
    def hinted_in(cls, source: SourceHints) -> bool:
        """A secret's word (`file_hints`, substrings: `api_key`, `access_token`) and the names of a log call, a `print`
        or an echo (`_writes_out`): only a secret passed to one of them is reported."""
        return _writes_out(source) and super().hinted_in(source)

    def __init__(self, context: RuleContext, options: Any = None) -> None:
        super().__init__(context, options)
        self._builders: dict[str, str] | None = None  # this module's functions that return a credential, when asked
        self._literal_credentials: frozenset[str] | None = None  # module names bound to a URL or DSN with a password
        self._writes: bool | None = None  # whether the module's text may call a writing function (`WRITING_TEXT`)
    code = "VC407"
    name = "secret-in-log"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (532, 312)

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, self._source, sanitizer_names=SANITIZERS, checks_clear=False,
                         slices_clear=True, comparisons_propagate=False)

    def _source(self, node: cst.BaseExpression, state: FlowState) -> Taint | None:
        """A secret by name, what a function of this module returns with a credential in it (`_headers(cfg)`), or a
        module-level name bound to a connection string with a password in it (`TRACKING_URI = "https://u:pw@host"`);
        not a module-level name bound to a sentence, whatever its name says (`REASON_BAD_TOKEN`)."""
        if type(node) is cst.Name and node.value not in state.names:
            if _names_a_message(node.value, self.context.module):
                return CLEAN
            if self._literal_credentials is None:
                self._literal_credentials = _literal_credentials(self.context.module)
            if node.value in self._literal_credentials:
                return Taint("secret", node.value)
        if type(node) is cst.Call and type(node.func) is cst.Name:
            if self._builders is None:
                self._builders = credential_builders(self.context.module)
            built = self._builders.get(node.func.value)
            if built is not None:
                return Taint("secret", f"{built!r} header of `{node.func.value}()`")
        return secret_source(node, state)

    def skips(self, function: cst.FunctionDef) -> bool:
        """A function without a call that may log or print (`check`'s test, loosened to the method's name) has no sink;
        nor has any function of a module whose text names no writing function (`WRITING_TEXT`, read once)."""
        if self._writes is None:
            self._writes = any(word in self.context.source for word in WRITING_TEXT)
        return walked_statements(function) is not None and not (
            self._writes and any(_may_write_out(call, self.context.imports) for call in walked_calls(function)))

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        """Secrets are recognised by name, so parameters need no seeding; the function is kept for `_split_words`."""
        self._function = function
        self._words: frozenset[str] | None = None

    def _lexical_token(self, origin: str, state: FlowState) -> bool:
        """`print(f"{tok_name[type]}\t{token!r}")` in a tokenizer: a module that imports a token or lexer module
        (`from blib2to3.pgen2.token import NAME`, `import tokenize`, `pygments.token`) means a piece of source; so does
        a `token` that a loop takes from a split text that holds no secret (`for token in raw.split(","):`)."""
        if origin not in LEXICAL_NAMES:
            return False
        if any(target in LEXER_MODULES or not LEXER_MODULES.isdisjoint(target.split(".")[:-1])
               for target in state.imports.aliases.values()):
            return True
        function = self.__dict__.get("_function")
        if function is None:
            return False
        if self._words is None:
            self._words = _split_words(function)
        return origin in self._words

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        for call in iter_calls(node):
            is_print = (type(call.func) is cst.Name and call.func.value == "print") \
                or state.qualified_name(call) in ECHO_FUNCTIONS
            if not is_print and not is_log_call(call, state.imports):
                continue
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value not in ("msg", "extra"):
                    continue
                taint = state.taint_of(arg.value)
                if taint is not None and taint.kind == "secret" and not self._lexical_token(taint.origin, state) \
                        and not (is_print and (function := self.__dict__.get("_function")) is not None
                                 and _made_and_shown(function, taint.origin, call, state.imports)):
                    where = "printed" if is_print else "logged"
                    self.report(arg.value, f"The secret `{taint.origin}` is {where}, so anyone who can read the output "
                                "can use it.", hint="Remove the secret from the message; log a fixed marker or its last "
                                "four characters instead.")
                    break
