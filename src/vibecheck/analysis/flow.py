"""A cheap, intra-function data-flow helper shared by the rules that follow values from a source to a sink.

Each function body (and the module's top level) is walked once per rule, statement by statement in source
order, with a small recursive walker of our own: the engine visits children in dataclass-field order, which
is not source order. A `FlowState` remembers which local names hold a *tainted* value, as assignments,
augmented assignments, tuple unpacking, `with ... as`, `for ... in` and walrus bindings happen, and answers
"is this expression tainted, and from where" by propagating through f-strings, `%`, `+`, `.format`, `str()`,
`json.loads`, subscripts and attributes, and method calls on tainted values. What counts as a source, a
sanitizer, and a sink is data supplied by each rule. Nested functions get their own pass; nothing is
re-walked per node. A call's name (`FlowState.qualified_name`) is resolved through the file's imports and through
the scope's aliases of known callables (`callable_aliases`: `run = subprocess.run; run(cmd, shell=True)`).

Which lanes a function's walk starts (`walk_functions_together`). A rule that only reports answers `skips` from
the function's own words, read once per function for every rule (`walked_statements`, `walked_calls`,
`walked_names`): without its sinks it cannot report, so its lane is not started. A summarising rule's lane is
always started, and no word screen can skip it soundly: its summary records how each parameter and project call's
result reaches the function's project calls and returns, which the project phase (VC417) joins to connect a route
to a sink several functions away, through functions that hold neither; what reaches a call depends on the rule's
own propagation (sanitisers, `checks_clear`, its state class), so one rule's summary cannot stand for another's.
A function's shape says a summarising lane records nothing only when it has no parameter, no call with arguments,
and returns, yields and keeps nothing: 77 of ~11,300 summarising lanes on every 6th Django file, no measurable
CPU (`benchmarks/flow_screen_ceiling.py`). Where the flow rules' time goes instead is each rule's `check`, its
sink search on every statement, though 96-100 % of its lanes meet no sink call at all: switched off in the
summarising rules, the flow rules' CPU falls by 22-26 %. So a summarising rule may declare `sink_words`, the
call words of its sinks (`last_parts` of its tables), and `note`, the part of its `check` that later taints depend
on (`note_argument_list`, its own binding notes): where the function's `call_words` (collected once per function
for every rule) meet none of them, the lane runs `note` instead of `check` (`searches`; a rule also searches where
a sink is no call so named, VC411's returned page, VC409's regex lookups). Converted: VC409, VC411, VC412, VC413,
VC421, VC422, which then search 5-15 % of their Django lanes; their CPU together fell by 3-4 % only (0.84-0.89 ->
0.81-0.86 s on every 6th Django file): their `check` was cheap table look-ups. Then VC401, VC402, VC232, VC231,
VC416, VC419 and VC428. VC401's functions are named whole as resolved (`call_words` hold `requests.get`, so not every
`.get` is searched), its HTTP verbs with a client's name (`client.get`), and it searches wherever a sink has no call
word (what `getattr`/`globals()` looked up is called, a view returns HTML, the module writes system prompts): 11 % of
its Django lanes. VC402 searches 88 of its 1,100 lanes there (also where a DynamoDB expression keyword or a MongoDB
code operator makes any method call a sink); its `note` keeps the dict items it follows and bandit's B608 vetted on
strings assigned or returned, proved constant only where B608 can start (`_may_read_as_sql`). VC231 also searches
where an order class is called or an order's money field set; VC428 where a statement holds a bounded slice, a
repeated literal or a `timeout=`; VC419 has no call words and searches where the function's words name a forwarding
header, it holds a lambda, an address-list test or a rate limiter's key. **None of these pays measurably**: walked with
the other flow rules, which collect each function's calls and words anyway, VC401's whole search was 0.9 % of their
instructions (callgrind, every 24th Django file) and its screen saves 0.2-0.4 %; VC402 -0.4 % (alone +1.4 %: what the
skipped search saved, the note, `call_words` and its DynamoDB/MongoDB `walked_names` screen cost again); VC231, VC416,
VC419, VC428 within noise. The per-rule ceilings measured alone (-22 %, -13 %, -16 %) were mostly the cost of the words
a rule alone must collect. Not converted: VC405 (a verb on any name bound to a client, on a `self.x` of a class with
imported bases, a `filter=` of any call).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import sys
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

import libcst as cst

from vibecheck.analysis.callable_aliases import (
    TABLE,
    Aliases,
    Expansions,
    aliased_callee,
    aliased_resolver,
    function_aliases,
    function_expansions,
    module_aliases,
    module_expansions,
    written_call,
)
from vibecheck.analysis.cherrypy_tree import client_parameters as cherrypy_parameters
from vibecheck.analysis.nodes import callee_tail, concrete_subclasses, suite_statements
from vibecheck.analysis.summary_keys import (
    CALL,
    CLIENT_ATTRIBUTE,
    HANDED_ON,
    INSTANCES,
    MAX_ALSO,
    ORIGIN,
    PARAMETER,
    REQUEST_KINDS,
    RETURNED,
    SKIPPED_BY_HINTS,
    SUMMARISED_KINDS,
    SUMMARY_FACT,
    TEXT,
    TOP_LEVEL,
    VERDICT_TAKERS,
)
from vibecheck.cst_fields import child_nodes, own_nodes
from vibecheck.file_memos import file_memo, remembered
from vibecheck.imports import ImportTable, full_name
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern, word_start_matches
from vibecheck.rule import RULE_FAILURES, JointFailures, Rule, RuleContext, visited_together

# Calls that hand their (first tainted) argument's content on: the result is as tainted as the input.
# Of PROPAGATING_CALLS, those that give the text of any value: of a comparison's truth value, only "True" or "False".
TEXT_OF_CALLS = frozenset({"str", "repr", "format"})
PROPAGATING_CALLS = frozenset({
    "str", "repr", "bytes", "bytearray", "format", "json.loads", "json.dumps", "ast.literal_eval",
    "os.path.join", "os.path.abspath", "os.path.normpath", "os.path.expanduser", "os.fspath", "posixpath.join",
    "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "Path", "urllib.parse.unquote", "urllib.parse.unquote_plus",
    "urllib.parse.urljoin", "base64.b64decode", "base64.urlsafe_b64decode", "textwrap.dedent", "shlex.join", "shlex.split",
    "base64.b64encode", "base64.urlsafe_b64encode", "base64.b32decode", "base64.b32encode", "base64.b16decode",
    "base64.b85decode", "base64.decodebytes", "base64.encodebytes", "binascii.unhexlify", "binascii.a2b_base64",
    "bytes.fromhex", "codecs.decode", "codecs.encode", "urllib.parse.parse_qs", "urllib.parse.parse_qsl",
    "urllib.parse.urlencode", "urllib.parse.quote_from_bytes", "html.unescape", "json.load", "str.join",
    "str.format", "str.strip", "str.lower", "str.upper", "str.replace", "dict", "list", "tuple", "set", "sorted",
    "reversed", "zip", "enumerate", "collections.OrderedDict", "collections.ChainMap", "collections.deque", "copy.copy",
    "copy.deepcopy", "next", "iter", "min", "max", "getattr", "operator.itemgetter", "string.Template", "tomllib.loads",
    "tomli.loads", "xmltodict.parse", "yaml.safe_load", "markdown.markdown", "compile", "builtins.compile",
    "io.BytesIO", "io.StringIO", "tornado.escape.json_decode", "tornado.escape.url_unescape", "tornado.escape.to_unicode",
    # an archive opened on client data: its member names and contents are the client's too
    "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "zipfile.ZipFile",
    # a coroutine run to its end from sync code answers what the coroutine returns (`asyncio.run(ask(kernel, q))`)
    "asyncio.run",
    # a URL object built from a text (`URL_CONSTRUCTORS`: only the text's argument)
    "starlette.datastructures.URL", "fastapi.datastructures.URL", "httpx.URL", "yarl.URL",
})
# URL objects built from a text, each with its text's keyword: they hold that text (Starlette's `URL(url)`, which
# FastAPI re-exports, httpx's, yarl's), so a redirect to one goes where the text said; Starlette's `URL(scope=...)`
# is the request's own URL, and what is not the text (httpx's `params=`) is percent-encoded into the query.
URL_CONSTRUCTORS: dict[str, str] = {"starlette.datastructures.URL": "url", "fastapi.datastructures.URL": "url",
                                    "httpx.URL": "url", "yarl.URL": "val"}
# Of PROPAGATING_CALLS, the positions of arguments that only name what is read: `getattr(obj, key)` hands out the
# object's attribute (a stored file field, a model's value), not the name the client chose.
NAME_ARGUMENTS: dict[str, tuple[int, ...]] = {"getattr": (1,)}
# `re` functions whose result carries (part of) the text they search: the text's position and keyword. Pulling a
# code block out of a model's reply (`re.search(r"```(.*?)```", reply, re.S).group(1)`) keeps the reply's taint.
REGEX_TEXT_ARGUMENTS: dict[str, tuple[int, str]] = {
    "re.sub": (2, "string"), "re.subn": (2, "string"), "re.search": (1, "string"), "re.match": (1, "string"),
    "re.fullmatch": (1, "string"), "re.findall": (1, "string"), "re.finditer": (1, "string"), "re.split": (1, "string"),
}
# The same functions as methods of a compiled pattern (`CODE_RE.search(reply)`): their text has no pattern before it.
COMPILED_REGEX_METHODS: dict[str, tuple[int, str]] = {
    name.rpartition(".")[2]: (position - 1, keyword) for name, (position, keyword) in REGEX_TEXT_ARGUMENTS.items()}
# What lets a pattern match text of any shape: `.`, `\S`, `\W`, `\D` or a negated class `[^...]`.
REGEX_WILDCARD = lazy_pattern(r"(?<!\\)\.|\\[SWD]|\[\^")
# Methods of a constant receiver that spread their tainted arguments: `"".join(x)`, `"{}".format(x)`.
ARGUMENT_PROPAGATING_METHODS = frozenset({"join", "format", "format_map", "replace", "substitute", "safe_substitute"})
# Methods that store their (tainted) argument in the receiver: afterwards the container holds client data.
# A call made as a statement whose name says it checks its argument (`validate_session_id(sid)`, `ensure_safe(path)`,
# `self._verify_token(token)`): its result is dropped, so it can only refuse by raising, and what follows runs only
# for a value it let through (not `subprocess.check_call`/`check_output`, which run their argument).
RAISING_VALIDATOR = lazy_pattern(r"^_*(?:validate|verify|ensure|assert|check(?!_call$|_output$))(?:_|$)", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def names_raising_validator(tail: str) -> bool:
    """Whether a callee's last name (`callee_tail`) says it raises on what it refuses (`RAISING_VALIDATOR`): once per
    name instead of once per lane and call statement (every flow rule's walk asks it of every call statement)."""
    return RAISING_VALIDATOR.match(tail) is not None

STORING_METHODS = frozenset({"append", "appendleft", "extend", "insert", "update", "setdefault", "add", "put",
                             "put_nowait", "read_string", "read_dict", "read_file", "__setitem__", "set"})
# Methods whose result says something about a tainted value without carrying it on.
NON_PROPAGATING_METHODS = frozenset({
    "startswith", "endswith", "isdigit", "isalnum", "isalpha", "isnumeric", "isdecimal", "isidentifier", "isascii",
    "isspace", "islower", "isupper", "istitle", "isprintable",
    "count", "index", "find", "rfind", "__len__", "save", "close", "is_relative_to",
})
# Calls that read, convert or test the presence of a value without judging its content: `if not getattr(file,
# "filename", ""):` checks that an upload has a name, not what the name says.
NON_CHECK_CALLS = frozenset({"len", "isinstance", "bool", "str", "type", "print", "repr", "Path", "PurePath",
                             "getattr", "hasattr", "callable"})
# Methods that change a string's case or trim it, and methods that cut it into pieces (`_is_leading_piece`).
CASE_AND_SPACE_METHODS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip", "title"})
SPLITTING_METHODS = frozenset({"split", "rsplit", "partition", "rpartition", "splitlines"})
# Methods that read or test a value without validating its content: `os.path.exists(path)` is no check.
NON_CHECK_METHODS = frozenset({"get", "getlist", "exists", "isfile", "isdir", "is_file", "is_dir", "lower", "upper",
                               "endswith", "splitext", "rsplit", "partition", "rpartition", "casefold",
                               "strip", "lstrip", "rstrip", "split", "debug", "info", "warning", "error", "exception"})

ROUTE_DECORATOR_METHODS = frozenset({"route", "get", "post", "put", "patch", "delete", "head", "options", "api_route",
                                     "websocket", "api_view"})
# Bare decorators that register a route when given a path: the verbs Litestar, Bottle and django-ninja-extra import
# (`@http_get("/{project_id}")` on a controller's method), and the `rt` FastHTML's `app, rt = fast_app()` hands out
# (`@rt("/entries/{eid}")` over `def get(eid: int, auth)`).
METHOD_FIRST_DECORATOR = "http"
BARE_ROUTE_DECORATORS = ROUTE_DECORATOR_METHODS | {"rt", "http_get", "http_post", "http_put", "http_patch", "http_delete"}
# Modal's web endpoints (`@modal.fastapi_endpoint(method="POST")`, formerly `web_endpoint`): FastAPI routes at a URL made
# from the function's name, given no path.
PATHLESS_ROUTE_DECORATORS = frozenset({"fastapi_endpoint", "web_endpoint"})
# Parameters FastHTML fills by their name, not from the request's fields: the session, the request, the `auth` a
# Beforeware put in the request's scope (the signed-in user), the htmx headers and the app.
FASTHTML_MODULES = ("fasthtml",)
FASTHTML_SERVER_PARAMETERS = frozenset({"auth", "sess", "session", "req", "request", "scope", "htmx", "app"})
# Decorator objects whose verb-named methods register no web route: kopf's `@kopf.on.delete(group, version, plural)`.
NON_ROUTE_RECEIVERS = frozenset({"kopf.on"})
REQUEST_TYPES = frozenset({"Request", "HttpRequest", "WebSocket", "starlette.requests.Request", "fastapi.Request",
                           "django.http.HttpRequest", "rest_framework.request.Request", "flask.Request"})
# Route parameters named for a resource a dependency hands over (`db: DB`, `session: DbSession`, an alias of
# `Annotated[Session, Depends(get_db)]` imported from another module): no client sends a database session.
RESOURCE_PARAMETERS = frozenset({"db", "session", "database", "conn", "connection", "cursor", "redis", "cache", "engine",
                                 "uow"})
# Annotations under which such a name would still be the client's value (`session: str` is a query parameter).
CLIENT_VALUE_TYPES = frozenset({"str", "bytes", "dict", "list", "Any", "Dict", "List"})
NON_INPUT_PARAMETER_TYPES = frozenset({"Session", "AsyncSession", "BackgroundTasks", "Response", "HTTPConnection"})
# How FastAPI code names its `Annotated[..., Depends(...)]` aliases (`SessionDep`, `TokenDep`, `CurrentUser`): a
# parameter typed with one imported from another module is injected, not sent by the client.
DEPENDENCY_ALIAS = lazy_pattern(r"[a-z](?:Dep|Deps|Dependency)$|^Current[A-Z]")
# What an upload keeps its content in (Starlette's and FastAPI's `UploadFile.file`, Django's `UploadedFile.file`): a file
# the server opened, whose `.name` is the server's temporary path; the client's file name is `upload.filename`.
UPLOAD_FILE = "file"
# Bottle's `FileUpload.filename` is the client's file name already cut down to safe characters (its `raw_filename`
# keeps the name as sent); Flask's, Starlette's and Django's `filename`/`name` are the client's as sent.
BOTTLE_SAFE_UPLOAD_NAME = "filename"
OTHER_UPLOAD_FRAMEWORKS = ("flask", "werkzeug", "quart", "starlette", "fastapi", "django", "litestar", "sanic")
# The fields of a file a Chainlit message carries (`message.elements`) that the server filled: where it stored the
# upload (`element.path`) and its ids. The visitor chose the file's `name`, `mime` and content.
CHAINLIT_ELEMENTS = "elements"
CHAINLIT_SERVER_FIELDS = frozenset({"path", "id", "chainlit_key", "thread_id", "for_id", "size"})
# Attributes of a request object that hold client-controlled data (Flask, Starlette/FastAPI, Django, DRF).
REQUEST_DATA_ATTRIBUTES = frozenset({
    "args", "form", "values", "json", "data", "files", "headers", "cookies", "view_args", "query_string",
    "query_params", "path_params", "GET", "POST", "body", "COOKIES", "META", "FILES", "stream", "url", "full_path",
    "path", "host", "referrer", "remote_user",
    "query", "match_info", "rel_url",  # aiohttp
    "params", "media",  # Falcon, Pyramid (WebOb)
    "forms", "fullpath",  # Bottle's form fields (`request.forms.get("name")`, `request.forms.name`) and full path
    "matchdict", "json_body",  # Pyramid's URL captures and parsed body; Chalice's body is `json_body` too
    "uri_params", "raw_body",  # Chalice's `app.current_request`
    "route_params",  # Azure Functions' `func.HttpRequest`
    "arguments", "query_arguments", "body_arguments", "uri",  # Tornado's `self.request`
    "body_params",  # Emmett's global `request`: `params = await request.body_params`
})
# Request attributes that are one text value (not a mapping of the client's fields): a check of the name checks it all.
WHOLE_VALUE_REQUEST_ATTRIBUTES = frozenset({"path", "full_path", "url", "uri", "host", "referrer", "query_string"})
REQUEST_DATA_METHODS = frozenset({"get_json", "get_data", "json", "form", "body", "stream", "read",
                                  "post", "text",  # aiohttp: `await request.post()`, `await request.text()`
                                  "multipart",  # aiohttp: `reader = await request.multipart()`, its parts
                                  "get_param", "get_media",  # Falcon
                                  "get_header",  # Bottle: `request.get_header("X-Admin")`
                                  # a WebSocket's messages (Starlette/FastAPI `receive_json()`, Sanic/websockets `recv()`)
                                  "receive", "receive_json", "receive_text", "receive_bytes", "iter_json", "iter_text",
                                  "iter_bytes", "recv"})
# Request methods whose first argument names the value they read, as a key does: `request.get_header("X-Admin")`.
KEYED_REQUEST_METHODS = frozenset({"get_header", "get_param"})
# Streamlit widgets that return the text (or the file) a visitor of the app typed or uploaded.
STREAMLIT_INPUTS = frozenset({"text_input", "text_area", "chat_input", "file_uploader", "experimental_get_query_params"})
# Panel widgets whose value a visitor of the app types or uploads, read where the module binds one
# (`where = pn.widgets.TextInput(...)`, then `where.value` in a callback), and the URL's query arguments, headers and
# cookies of the visitor's session (`pn.state.session_args`).
PANEL_TEXT_WIDGETS = frozenset({"TextInput", "TextAreaInput", "PasswordInput", "AutocompleteInput", "FileInput",
                                "FileDropper", "ChatAreaInput", "CodeEditor", "TextEditor"})
PANEL_WIDGET_VALUES = frozenset({"value", "value_input", "filename"})
PANEL_SESSION_DATA = frozenset({"panel.state.session_args", "panel.state.headers", "panel.state.cookies"})
# A Tornado handler's own methods that read the client's arguments and cookies: `self.get_argument("host")`.
HANDLER_INPUT_METHODS = frozenset({"get_argument", "get_arguments", "get_query_argument", "get_query_arguments",
                                   "get_body_argument", "get_body_arguments", "get_cookie"})
# A standard-library `http.server` handler's own fields that the client wrote (the request line's path, the headers),
# and the stream its body is read from: `self.rfile.read(length)`.
HTTP_SERVER_MODULES = ("http.server",)
HTTP_SERVER_INPUTS = frozenset({"path", "headers", "requestline", "raw_requestline"})
HTTP_SERVER_BODY = "self.rfile"
HTTP_SERVER_READS = frozenset({"read", "readline", "read1", "readlines"})
# Chat bots: what a user typed to a Telegram or Discord bot, in a module that imports the bot library: a message's text
# (`update.message.text`, `update.effective_message.caption`, discord.py's `message.content` and `clean_content`,
# hikari's `event.content` of a message event), a button's callback data, an inline query, and python-telegram-bot's
# `context.args` and aiogram's `command.args` (the words after a command). The ids the platform assigns
# (`update.effective_user.id`, `message.chat.id`) are not read as input.
# Airflow: what whoever may trigger a DAG sets, read in a task: the run's `conf` (`dag_run.conf`,
# `context["dag_run"].conf`, `get_current_context()["dag_run"].conf`) and its `params` (`context["params"]`), which the
# trigger's conf overrides.
AIRFLOW_CONTEXTS = frozenset({"context", "ctx", "kwargs", "kw", "get_current_context"})
BOT_MODULES = ("telegram", "telebot", "aiogram", "discord", "nextcord", "disnake", "hikari", "pyrogram")
BOT_MESSAGES = frozenset({"message", "effective_message", "edited_message", "channel_post", "msg"})
BOT_TEXT_FIELDS: dict[str, frozenset[str]] = {
    **dict.fromkeys(BOT_MESSAGES, frozenset({"text", "caption", "content", "clean_content"})),
    "event": frozenset({"content"}),
    "callback_query": frozenset({"data"}), "inline_query": frozenset({"query"}),
    "command": frozenset({"args"}),  # aiogram 3's `CommandObject`: the words after `/track`
}
BOT_CONTEXT_ARGUMENTS = ("context", "args")
# Flask-RESTX/RESTPlus/RESTful: the JSON body a namespace or API object hands its resources (`ns.payload`,
# `api.payload`, `self.api.payload`) and the arguments a request parser reads (`parser.parse_args()`).
REST_RESOURCE_MODULES = ("flask_restx", "flask_restplus", "flask_restful")
REST_PAYLOAD_RECEIVER = lazy_pattern(r"(?:^|[._])(?:ns|api|namespace)$")
CHALICE_REQUEST = "current_request"
REQUEST_OBJECT_NAMES = frozenset({"flask.request", "request", "req", "quart.request", "sanic.request", "bottle.request",
                                  "emmett.request"})
# The framework globals that may also be spelled as an attribute: `import flask; flask.request.args`.
QUALIFIED_REQUEST_OBJECTS = frozenset({"flask.request", "quart.request", "sanic.request", "bottle.request",
                                       "emmett.request"})
# Event-handler frameworks as data: (module the file imports, decorator methods, parameters holding the payload).
PAYLOAD_HANDLERS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("slack_bolt", frozenset({"event", "command", "action", "message", "view", "shortcut", "options", "function"}),
     frozenset({"body", "event", "command", "payload", "message", "action", "view", "shortcut", "options"})),
    ("slack_sdk", frozenset({"event", "command", "action", "message", "view", "shortcut"}),
     frozenset({"body", "event", "command", "payload", "message", "action", "view", "shortcut"})),
    # A Kubernetes operator's kopf handlers: the custom resource is written by whoever may create it in the cluster,
    # and the operator acts on it with its own, wider rights. Its `name`/`namespace`/`uid` are validated by the API
    # server (DNS labels), so they carry no text of the author's choosing.
    ("kopf", frozenset({"create", "update", "resume", "delete", "field", "event", "timer", "daemon", "validate",
                        "mutate", "index"}),
     frozenset({"spec", "body", "meta", "status", "old", "new", "diff", "labels", "annotations", "event"})),
)
PAYLOAD_MODULES = tuple(module for module, _, _ in PAYLOAD_HANDLERS)
# Handlers of what a browser or a chat client sends, every parameter of which holds it but those the server passes:
# Socket.IO events (Flask-SocketIO's `@socketio.on("join")`, python-socketio's `@sio.event` with its `sid`), Dash
# callbacks (`@callback(Output(...), Input("region", "value"))`: the components' values the browser posts),
# Chainlit's chat handlers, BentoML's APIs and the commands of discord.py and its forks (`@bot.command()`, `@commands.command()`,
# `@app_commands.command()`, `@commands.hybrid_command()`: the words after `!eval`, typed by any member of the guild).
# (modules the file imports, decorator names, parameters the server fills).
BROWSER_EVENT_HANDLERS: tuple[tuple[tuple[str, ...], frozenset[str], frozenset[str]], ...] = (
    (("flask_socketio", "socketio"), frozenset({"on", "event", "on_event"}),
     frozenset({"self", "sid", "environ", "namespace", "reason"})),
    (("dash",), frozenset({"callback"}), frozenset({"self"})),
    # Chainlit: the chat message a visitor sent (`@cl.on_message`, its text and uploaded files), the action button
    # they pressed (`@cl.action_callback("delete")`, its `value`/`payload`), the chat settings and audio they posted.
    (("chainlit",), frozenset({"on_message", "action_callback", "on_settings_update", "on_audio_chunk"}),
     frozenset({"self"})),
    (("discord", "nextcord", "disnake"), frozenset({"command", "hybrid_command", "slash_command"}),
     frozenset({"self", "cls", "ctx", "context", "interaction", "inter", "bot"})),
    # BentoML: a service's `@bentoml.api` (and `@bentoml.task`) methods answer HTTP calls, their arguments the JSON body.
    (("bentoml",), frozenset({"api", "task"}), frozenset({"self", "ctx", "context"})),
)
# Django Channels consumers: the methods that receive a WebSocket frame (`receive_json(self, content)`, `receive(self,
# text_data=None, bytes_data=None)`, the raw `websocket_receive(self, message)`) take what the browser sent.
CONSUMER_MODULE = "channels"
CONSUMER_RECEIVERS = frozenset({"receive", "receive_json", "websocket_receive"})
# Every module whose handlers `_payload_parameters` knows, but Lambda's: a module that imports none has none.
EVENT_HANDLER_MODULES = (*PAYLOAD_MODULES, *(module for modules, _, _ in BROWSER_EVENT_HANDLERS for module in modules),
                         CONSUMER_MODULE)
# Reflex: the methods of an `rx.State` subclass are event handlers the browser calls with arguments of its choosing
# (`on_click=OrdersState.refund(row["id"])` sends the id as the page holds it, and a client may send any).
REFLEX_STATES = frozenset({"reflex.State", "reflex.state.State", "reflex.ComponentState"})
# The fields of such a payload that the platform fills, not its user: ids and timestamps of a fixed shape
# (`event["user"]` is `U024BE7LH`, `command["channel_id"]`), which carry no text of the sender's choosing.
PLATFORM_ASSIGNED_KEYS = frozenset({
    "user", "user_id", "team", "team_id", "channel", "channel_id", "enterprise_id", "api_app_id", "app_id", "bot_id",
    "ts", "thread_ts", "event_ts", "event_id", "event_time", "trigger_id", "type", "subtype", "channel_type",
})
# Tool servers whose every parameter is the caller's (an MCP client, so a model that may have read a hostile page):
# (module the file imports, decorator methods that register a handler). `@mcp.tool()`, `@server.call_tool()`.
TOOL_HANDLERS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("mcp", "fastmcp"), frozenset({"tool", "resource", "prompt", "call_tool", "read_resource", "get_prompt"})),
)
TOOL_SERVER_MODULES = tuple(module for modules, _ in TOOL_HANDLERS for module in modules)
# Parameters a tool server fills itself, not from the call's arguments: FastMCP's `ctx: Context`.
TOOL_CONTEXT_NAMES = frozenset({"ctx", "context"})
# The first parameter of a method, which a tool server or a UI framework never fills from its caller's arguments.
METHOD_RECEIVERS = frozenset({"self", "cls"})
# Gradio binds a function to the browser's inputs by passing it to an event or an interface: `btn.click(fn, ...)`,
# `gr.Interface(fn=...)`, `gr.ChatInterface(respond)`; every parameter then holds what the user typed.
GRADIO_HANDLER = lazy_pattern(
    r"(?:\.(?:click|submit|change|input|upload|select|blur|release|stream|then|success|load)|\b(?:Chat|Tabbed)?Interface)"
    r"\(\s*(?:fn\s*=\s*)?([A-Za-z_]\w*)\s*[,)]")
# A tool server also registers a function by passing it: `mcp.add_tool(read_file)`, `mcp.tool()(read_file)`,
# `Tool.from_function(read_file)`; every parameter then holds the caller's arguments, as under `@mcp.tool()`.
TOOL_REGISTRATION = lazy_pattern(
    r"(?:\.add_tool|\bTool\.from_function|\.tool\([^()\n]*\))\(\s*(?:fn\s*=\s*)?([A-Za-z_]\w*)\s*[,)]")
# GraphQL resolvers and RPC methods, whose arguments the caller sends: Strawberry's `@strawberry.field`/`mutation`
# resolvers and NiceGUI's `@ui.page("/logs/{name}")` pages (every parameter but those the server passes), Ariadne's
# `@query.field("order")` and Graphene's `resolve_order(root, info, id)`/`mutate(root, info, ...)` (those after
# `info`), and a gRPC servicer's `def GetAccount(self, request, context)` (the request message).
RESOLVER_DECORATORS = frozenset({"strawberry.field", "strawberry.mutation", "strawberry.subscription",
                                 "nicegui.ui.page"})
RESOLVER_MODULES = ("strawberry", "nicegui", "ariadne", "graphene")
GRAPHQL_MODULES = ("strawberry", "graphene")
# Parameters the GraphQL server or page framework fills: the parent object, the resolve info, the client connection.
RESOLVER_SERVER_PARAMETERS = frozenset({"self", "cls", "root", "parent", "obj", "source", "info"})
RESOLVER_SERVER_TYPES = frozenset({"Info", "GraphQLResolveInfo", "Client", "Request", "PageArguments"})
GRAPHENE_RESOLVER = lazy_pattern(r"^(?:resolve_\w+|mutate)$")
# NiceGUI hands an event handler what the user sent: an upload's file name and content, a field's new value.
UI_EVENT_TYPES = frozenset({"UploadEventArguments", "MultiUploadEventArguments", "ValueChangeEventArguments",
                            "GenericEventArguments"})
GRPC_METHOD_PARAMETERS = frozenset({("self", "request", "context"), ("self", "request_iterator", "context")})
# AWS Lambda handlers, `def handler(event, context)`: the event is the caller's request.
LAMBDA_EVENT_NAMES = frozenset({"event", "evt"})
LAMBDA_CONTEXT_NAMES = frozenset({"context", "ctx", "_context", "lambda_context"})
# What a command-line program reads from its user: sources for rules where the user crossing a boundary matters.
CLI_SOURCES = frozenset({"sys.argv", "input", "builtins.input", "raw_input", "sys.stdin", "fileinput.input"})
WEB_FRAMEWORKS = ("flask", "django", "rest_framework", "starlette", "fastapi", "quart", "sanic", "aiohttp.web",
                  "werkzeug", "falcon", "bottle", "litestar", "tornado.web", "pyramid", "robyn", "blacksheep", "microdot",
                  # serverless HTTP functions: Google's (a Flask request), Azure's `func.HttpRequest`, Chalice
                  "functions_framework", "azure.functions", "chalice")
# The keyword by which a getter converts the text it reads (werkzeug's `MultiDict.get(key, type=int)`, behind Flask's
# `request.args`): given a sanitizer (`int`), the value that comes out is that sanitizer's.
CONVERTER_KEYWORD = "type"
SCALAR_TYPES = frozenset({"int", "float", "bool", "UUID", "uuid.UUID", "datetime", "date", "Decimal", "PositiveInt",
                          "conint", "StrictInt", "StrictBool"})
# What a Django URL capture can be annotated as (path converters give `str`, `int` or `UUID`): a view parameter typed
# as any other class (`sociallogin: SocialLogin`) is an object the caller passed, so the function is a helper.
CAPTURE_TYPES = frozenset({"str", "int", "UUID", "uuid.UUID", "Any", "typing.Any", "t.Any"})
SCALAR_CONVERTER = lazy_pattern(r"<(?:int|float|uuid)(?:\([^)]*\))?:(\w+)>")
# Bottle names the filter after the wildcard: `<build_id:int>`, `<ratio:float>`.
SCALAR_FILTER = lazy_pattern(r"<(\w+):(?:int|float)>")
HTTP_METHOD_NAMES = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
# A Falcon resource's responder (`on_get`, `on_delete_item` for a route added with `suffix="item"`): its parameters
# after `req` and `resp` are the fields its URL template captured (`/raw/{name}`).
FALCON_RESPONDER = lazy_pattern(r"^on_(?:get|head|options|post|put|patch|delete)(?:_\w+)?$")
FALCON_FIXED_PARAMETERS = 3  # self, req, resp
REQUEST_TYPE_NAMES = frozenset(t.rsplit(".", 1)[-1] for t in REQUEST_TYPES)




@dataclass(frozen=True)
class Taint:
    """Where a tainted value came from: its kind, a short description of the source, and the last key read."""

    kind: str
    origin: str
    key: str | None = None
    # The other parameters and call results a summarised value holds (`os.path.join(root, answer["path"])`: the
    # parameter `root`, and `answer`'s call), which the summary records beside the first.
    also: tuple[Taint, ...] = ()

    def keyed(self, key: str | None) -> Taint:
        """The same taint read at `key`: `replace(self, key=key)` without `dataclasses.replace`'s walk of the fields
        (asked for every attribute and item of a tainted value, in every lane)."""
        return Taint(self.kind, self.origin, key, self.also)


# The most getter calls a `HandlerRead` follows; a value read through more is taken as read another way.
MAX_READS = 8


@dataclass(frozen=True)
class HandlerRead(Taint):
    """Client data all read through a handler's own getters (`self.get_argument("q")`), whose calls it keeps: a
    project base class may override a getter to escape what it returns (VC411 follows the override). A value that
    holds such a read and client data read another way is a plain `Taint` (`_met`). A subclass, so that every other
    taint is made without the field."""

    calls: tuple[cst.Call, ...] = ()

    def keyed(self, key: str | None) -> Taint:
        return HandlerRead(self.kind, self.origin, key, self.also, self.calls)


# `Taint(PARAMETER, "self.x")` per attribute a method reads (`attribute_parameter`), made once per name.
_ATTRIBUTE_PARAMETERS: dict[str, Taint] = file_memo({})


def parameters_in(node: cst.CSTNode, state: FlowState, taint: Taint) -> list[str]:
    """Every parameter whose value an expression holds (`os.path.join(folder, name)`: both), not only the first."""
    names, found = state.names, []
    for inner in iter_expressions(node):
        kind = type(inner)  # (only a name or an attribute can hold a parameter: no call for the other nodes)
        held = names.get(inner.value) if kind is cst.Name else (  # type: ignore[attr-defined]
            state.attribute_parameter(inner) if kind is cst.Attribute else None)
        if held is not None and held.kind == PARAMETER:
            found.append(held.origin)
    return list(dict.fromkeys(found)) or [taint.origin]


def _outranks(taint: Taint, held: Taint | None) -> bool:
    """Whether `taint` replaces `held` where two values meet (a container's items, two branches): anything replaces
    nothing, and a value's own taint (client input, a built string) replaces a summary's record of the parameter
    it came from, as `taint_of` prefers the first."""
    return held is None or (held.kind in SUMMARISED_KINDS and taint.kind not in SUMMARISED_KINDS)


def _met(first: HandlerRead, other: Taint) -> Taint:
    """Where client data read through a handler's getters meets `other` in one value: the first, read through the
    getters of both, or a plain taint when `other` came another way (or there are too many getter calls to follow)."""
    if other is first:
        return first
    if type(other) is HandlerRead:
        calls = (*first.calls, *(call for call in other.calls if call not in first.calls))
        if len(calls) <= MAX_READS:
            return replace(first, calls=calls)
    return Taint(first.kind, first.origin, first.key, first.also)


def _joined(first: Taint, other: Taint) -> Taint:
    """A summarised taint that also holds `other`, a parameter or call result met later in the same value; the
    first stays the one messages name."""
    if (other.kind == first.kind and other.origin == first.origin) or len(first.also) >= MAX_ALSO:
        return first
    return replace(first, also=(*first.also, other, *other.also[:MAX_ALSO]))


def summarised_in(node: cst.CSTNode, state: FlowState, taint: Taint) -> list[tuple[str, str]]:
    """Every parameter and project call's result a value reaching a sink holds, as (kind, origin): one reached by
    `os.path.join(root, entry["path"])` is reached by the parameter `root` and by the helper's answer in `entry`,
    not only by the first of them that `taint` names."""
    found = [(PARAMETER, parameter) for parameter in parameters_in(node, state, taint)] if taint.kind == PARAMETER \
        else [(taint.kind, taint.origin)]
    found.extend((each.kind, each.origin) for each in taint.also)
    return list(dict.fromkeys(found))


def _maybe_project(module: str) -> bool:
    """Not the standard library: an import that may name one of the project's own modules."""
    return module.split(".", 1)[0] not in sys.stdlib_module_names


@dataclass
class FunctionSummary:
    """What one function tells the project phase, as plain lists (cached with the file's facts).

    `sinks`: [taint kind, parameter name or callee, message with ORIGIN, hint, CWE ids, the sink's code, severity,
    the sink statement's first line, and OBJECT when only an object can abuse it]; `returns`: [kind, origin] of
    each returned value; `calls`: [callee, position or keyword, kind, origin] for each argument that carries
    client data, a parameter, or another call's result. A return or call may end with a note (OBJECT, TEXT).
    A method's sinks and calls name an attribute it reads but does not bind as the parameter `self.name`;
    `stores`: [attribute, parameter] for each parameter a method keeps in `self.attribute` (a constructor's);
    `kept`: [attribute, kind, origin] for client data a method keeps there (`self.sort = request.GET["sort"]`),
    which the class's other methods read as `self.sort`. `makes`: the class (`local:Service`, `import:pkg.mod.Service`)
    of the object a factory returns (`return Service(...)`, `-> Service`), whose methods its callers call.
    `rest`: the `*parts` parameter, which takes every positional argument beyond `parameters`.
    """

    parameters: list[str]
    sinks: list[list[Any]] = field(default_factory=list)
    returns: list[list[str]] = field(default_factory=list)
    calls: list[list[Any]] = field(default_factory=list)
    stores: list[list[str]] = field(default_factory=list)
    kept: list[list[str]] = field(default_factory=list)
    makes: str = ""
    rest: str = ""

    def as_fact(self) -> dict[str, Any]:
        fact: dict[str, Any] = {"parameters": self.parameters, "sinks": self.sinks, "returns": self.returns,
                                "calls": self.calls}
        if self.stores:
            fact["stores"] = self.stores
        if self.kept:
            fact["kept"] = self.kept
        if self.makes:
            fact["makes"] = self.makes
        if self.rest:
            fact["rest"] = self.rest
        return fact


# A source finder returns CLEAN to say "this expression is clean, do not look at its parts".
CLEAN = Taint("clean", "")
# What a comprehension's items are taken to hold while asking whether its element sanitises them.
ITEM = Taint("request", "\u27e8item\u27e9")

SourceFinder = Callable[[cst.BaseExpression, "FlowState"], "Taint | None"]
SanitizerTest = Callable[[cst.Call, "FlowState"], bool]
# What a state held at some point: its tainted names and its constants (`FlowState.snapshot`).
Snapshot = tuple[dict[str, Taint], dict[str, str]]
ConstantText = Callable[[cst.CSTNode, "FlowState"], "str | None"]


# Exact-type sets for the hot paths: `isinstance` against libcst's node classes goes through ABCMeta (libcst's
# concrete node classes have no subclasses, so comparing `type(node)` is the same test).
EXPRESSION_TYPES = concrete_subclasses(cst.BaseExpression)
_NAME_TYPES = frozenset({cst.Name, cst.Attribute})
_OPERAND_TYPES = frozenset({cst.BinaryOperation, cst.BooleanOperation, cst.ConcatenatedString, cst.Comparison,
                            cst.UnaryOperation, cst.Await, cst.NamedExpr, cst.IfExp, cst.FormattedString, cst.List,
                            cst.Tuple, cst.Set, cst.Dict, cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp})
_BINARY_TYPES = frozenset({cst.BinaryOperation, cst.BooleanOperation, cst.ConcatenatedString})
_DISPLAY_TYPES = frozenset({cst.List, cst.Tuple, cst.Set})
_SEQUENCE_TYPES = frozenset({cst.List, cst.Tuple})
_COMPREHENSION_TYPES = frozenset({cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp})
_HEADER_TYPES = frozenset({cst.If, cst.While, cst.For, cst.With, cst.Match})
_COMPOUND_TYPES = frozenset({cst.If, cst.While, cst.For, cst.With, cst.Try, cst.TryStar, cst.Match})
_EXITING_STATEMENTS = frozenset({cst.Return, cst.Raise, cst.Continue, cst.Break})
COMPOUND_STATEMENTS = concrete_subclasses(cst.BaseCompoundStatement)


def dotted_name(node: cst.CSTNode) -> str | None:
    """`a.b.c` for a Name/Attribute chain, else None; an attribute's once per node of the file, since every lane
    asks it of the same ones (`bind`, `_own_taint`, the source finders)."""
    if type(node) is cst.Name:  # the commonest: its own text, not a copy built by `full_name`
        return node.value
    if type(node) is cst.Attribute:
        entry = _DOTTED_NAMES.get(id(node))  # (`remembered`, inlined)
        if entry is None or entry[0] is not node:
            entry = _DOTTED_NAMES[id(node)] = (node, full_name(node))
        return entry[1]
    return None


# Per file: attribute -> its dotted name (`dotted_name`).
_DOTTED_NAMES: dict[int, tuple[cst.CSTNode, str | None]] = file_memo({})



def short_code(node: cst.CSTNode, limit: int = 60) -> str:
    """One line of a node's code, shortened for messages (once per node of the file: every lane that finds the same
    source names it)."""
    code = remembered(_SHORT_CODES, node, _one_line)
    return code if len(code) <= limit else code[: limit - 3] + "..."


def _one_line(node: cst.CSTNode) -> str:
    return " ".join(cst.Module([]).code_for_node(node).split())


def call_argument(call: cst.Call, position: int | None, keyword: str | None = None) -> cst.BaseExpression | None:
    """The argument given at `position` (counting positional ones only) or as `keyword=`."""
    index = 0
    for arg in call.args:
        if arg.keyword is not None:
            if keyword is not None and arg.keyword.value == keyword:
                return arg.value
            continue
        if arg.star:
            return None
        if position is not None and index == position:
            return arg.value
        index += 1
    return None


def positional_count(call: cst.Call) -> int:
    return sum(1 for a in call.args if a.keyword is None and not a.star)


def has_keyword(call: cst.Call, *names: str) -> bool:
    return any(a.keyword is not None and a.keyword.value in names for a in call.args)


def _literal_text(node: cst.CSTNode, state: FlowState) -> str | None:
    """A state's constant text by default: a string literal's."""
    return string_value(node)


class FlowState:
    """The tainted names of one function while its statements are walked in source order.

    What a walk may replace but never changes in place is a class attribute: each lane builds a state per function,
    and the flow rules build tens of thousands per large project, so `__init__` sets only what is per state.
    """

    has_walrus = True
    local_classes: frozenset[str] = frozenset()
    # The module being walked, for tables computed once per file (its compiled patterns).
    module: cst.Module | None = None
    # The summary of the function being walked, for rules that take part in inter-procedural flow.
    summary: FunctionSummary | None = None
    project_functions: frozenset[str] = frozenset()
    class_name: str | None = None
    # Whether the function is a method of a `...Handler` class: its `self.get_argument()` reads the client's
    # arguments also in a module that imports only the project's own Tornado base handler.
    handler_class = False
    # Parameters taken as client input only because the function looks like a Django view (`def f(request,
    # url)`); summarised as parameters, since a function the project calls is a helper, not a view.
    guessed_inputs: frozenset[str] = frozenset()
    # Parameters holding a chat platform's event payload: their PLATFORM_ASSIGNED_KEYS are the platform's ids.
    payloads: frozenset[str] = frozenset()
    # What an `except ... as name` binds, for rules that follow caught exceptions (None: nothing).
    caught: Callable[[cst.ExceptHandler | cst.ExceptStarHandler, FlowState], Taint | None] | None = None
    loop_depth = 0
    # Answers remembered for the length of one outermost `taint_of` query, during which no binding changes:
    # a source finder asked about every operand of a 2,500-long `a + b + ...` chain must not rescan it each time.
    query_memo: dict[tuple[str, int], Any] | None = None
    # The scope's names that stand for another call (`callable_aliases`: `run_sql = cursor.execute`, a `partial`'s
    # fixed keywords): what `seen_call` writes out.
    expansions: Expansions = {}
    # The scope's names bound to a dotted name of an imported module or a builtin (`callable_aliases`: `arg =
    # request.args.get`, `run = subprocess.run`), which `qualified_name` already resolves through.
    aliases: Aliases = {}
    # The words of the callables the rule looks for (its `sink_words`): which entry of a table of callables a call of
    # an item with no literal key stands for (`callable_aliases.aliased_callee`).
    preferred: frozenset[str] = frozenset()

    def seen_call(self, call: cst.Call) -> cst.Call:
        """The call a sink table reads: through a name of the scope's `expansions` or `aliases`, a table of callables
        or a `getattr` of a literal name, the call it stands for (`cursor.execute(sql)` for `run_sql(sql)`,
        `requests.get(url)` for `fetch(url)` after `fetch = requests.get`), else `call` itself."""
        if not (self.aliases or self.expansions):
            return call
        return written_call(call, self.aliases, self.expansions, self.imports.qualified_name, self.preferred)

    def __init__(self, imports: ImportTable, source: SourceFinder, *, sanitizer: SanitizerTest | None = None,
                 sanitizer_names: frozenset[str] = frozenset(), checks_clear: bool = True,
                 constant_text: ConstantText | None = None, slices_clear: bool = False,
                 comparisons_propagate: bool = True, prefix_checks_clear: bool = True) -> None:
        self.imports = imports
        # the table's own method, not a wrapper: flow rules resolve names millions of times on a large project
        self.qualified_name: Callable[[cst.CSTNode], str | None] = imports.qualified_name
        self.source = source
        self.sanitizer = sanitizer
        self.sanitizer_names = sanitizer_names
        self.checks_clear = checks_clear
        # Whether `value.startswith("...")` counts as a check: a pinned URL prefix fixes the host, but text that
        # starts with `SELECT` or `ls` is still any query or command (`SELECT ...; DROP ...`, `ls; rm -rf /`).
        self.prefix_checks_clear = prefix_checks_clear
        self.constant_text = constant_text or _literal_text
        self.checked: set[str] = set()
        self.slices_clear = slices_clear
        self.comparisons_propagate = comparisons_propagate
        self.names: dict[str, Taint] = {}
        self.constants: dict[str, str] = {}
        # Names bound to a validator's verdict (`ok = url_has_allowed_host_and_scheme(url, ...)`) -> the names it checks.
        self.verdicts: dict[str, tuple[str, ...]] = {}
        # Names bound to a keyed signature of a message (`expected = hmac.new(key, body, sha256).hexdigest()`,
        # `digest = compute_signature(secret, raw)`) -> the names it signs: a check of the signature checks them.
        self.signed: dict[str, tuple[str, ...]] = {}
        # The host of a parsed URL, through a name (`parts = urlparse(url)` gives `parts.hostname`, `parts.netloc`;
        # `host = urlparse(url).hostname` gives `host`) -> the names of the URL: a check of the host checks the URL.
        self.url_hosts: dict[str, tuple[str, ...]] = {}
        self.request_objects: set[str] = set()
        self.shadowed: set[str] = set()
        # Module-level names bound to an instance of a class (`previewer = LinkPreviewer()`): name -> class name.
        self.module_instances: dict[str, str] = {}
        # Names this function bound to an instance of a capitalised class (`repo = UserRepository(session)`), in a
        # summarising walk: `repo.find(name)` is a call to `UserRepository.find`.
        self.instances: dict[str, str] = {}
        # Names this function bound to one of the project's functions, or to one of several (`call = _claude if
        # claude else _openai`), in a summarising walk: `call(model, prompt)` is a call to them.
        self.function_aliases: dict[str, str] = {}
        # `self.x` bound in the method being walked: no longer the value another method stored there.
        self.bound_attributes: set[str] = set()
        # Names bound to a dict whose keys passed an allowlist (`{k: v for k, v in data.items() if k in COLUMNS}`):
        # what iterates its keys (`", ".join(cols)`, `f"{k} = ?" for k in cols`) holds no client text.
        self.allowlisted_keys: set[str] = set()

    def is_sanitizer_call(self, call: cst.Call) -> bool:
        if self.sanitizer_names and (self._is_sanitizer_name(self.qualified_name(call))
                                     or self._converted_by_sanitizer(call)):
            return True
        return self.sanitizer is not None and self.sanitizer(call, self)

    def _is_sanitizer_name(self, name: str | None) -> bool:
        return name is not None and (name in self.sanitizer_names or name.rsplit(".", 1)[-1] in self.sanitizer_names)

    def _converted_by_sanitizer(self, call: cst.Call) -> bool:
        """`request.args.get("page", type=int)`, a handler's `self.get_argument("n", type=int)`: the getter hands back
        what a sanitizer of the rule makes of the text it reads."""
        return any(arg.keyword is not None and arg.keyword.value == CONVERTER_KEYWORD
                   and self._is_sanitizer_name(self.qualified_name(arg.value)) for arg in call.args)

    def taint_of(self, node: cst.CSTNode | None) -> Taint | None:
        """The taint an expression carries, or None when it is clean.

        The first taint found in source order wins, client data before a parameter's or a call's. Operators,
        displays and other expressions that only pass on their operands' taint are expanded on an explicit
        stack, not by recursion: generated code chains thousands of `+` operands or implicitly concatenated
        strings.
        """
        if type(node) is cst.Name:  # a third of all questions: the source finder, else one lookup (`_own_taint`)
            found = self.source(node, self)
            if found is None:
                return self.names.get(node.value)
            return None if found is CLEAN else found
        if self.query_memo is not None:
            return self._taint_of(node)
        self.query_memo = {}
        try:
            return self._taint_of(node)
        finally:
            self.query_memo = None

    def _taint_of(self, node: cst.CSTNode | None) -> Taint | None:
        pending: list[cst.CSTNode | None] = [node]
        summarised: Taint | None = None
        read: HandlerRead | None = None  # client data read through a handler's getters, while the rest is searched
        names = self.names
        source = self.source
        checked = self.checked if self.checks_clear else None  # (no binding, and no check, changes during a query)
        while pending:
            current = pending.pop()
            kind = type(current)
            if kind not in EXPRESSION_TYPES:
                continue
            expression: cst.BaseExpression = current  # type: ignore[assignment]  # (not `cast`: a call per node)
            if checked and (kind is cst.Subscript or kind is cst.Call) and keyed_read(expression) in checked:
                continue  # `msg["type"]` after `if msg["type"] in KINDS:`: the field an earlier test checked
            found = source(expression, self)
            if found is CLEAN or (found is not None and checked and self._checked_source(expression)):
                continue
            if found is not None and kind is cst.Call and self.sanitizer_names \
                    and self._converted_by_sanitizer(expression):  # type: ignore[arg-type]
                continue
            if found is None:
                if kind is cst.Name:  # (`_own_taint`'s first case, inlined: most operands are names)
                    found = names.get(expression.value)  # type: ignore[attr-defined]
                elif kind in _OPERAND_TYPES:
                    pending.extend(reversed(self._operands(expression)))  # type: ignore[arg-type]  # (a list for these)
                    continue
                else:
                    found = self._own_taint(expression)
            if found is not None:
                if found.kind not in SUMMARISED_KINDS:
                    if read is not None:
                        found = _met(read, found)
                    if type(found) is not HandlerRead:
                        return found
                    read = found  # (a getter's read: is all the rest one?)
                    continue
                summarised = found if summarised is None else _joined(summarised, found)
        return read or summarised

    def _checked_source(self, node: cst.BaseExpression) -> bool:
        """A request's whole-value attribute that an earlier `if`/`assert` checked as a name is checked
        (`if _is_protocol_relative(self.request.path): raise ...`, then `self.redirect(self.request.path + "/")`).
        Containers (`request.args`) are left out: a test of one of their items names the container too."""
        return self.checks_clear and type(node) is cst.Attribute and node.attr.value in WHOLE_VALUE_REQUEST_ATTRIBUTES \
            and dotted_name(node) in self.checked

    def _operands(self, node: cst.BaseExpression) -> list[cst.CSTNode | None] | None:
        """The sub-expressions whose taint `node` carries unchanged, in source order; None if it is not such a node."""
        if type(node) not in _OPERAND_TYPES:  # most expressions; saves the ABC checks below
            return None
        kind = type(node)
        if kind in _BINARY_TYPES:
            return [node.left, node.right]  # type: ignore[attr-defined]
        if type(node) is cst.Comparison:
            return [node.left, *(c.comparator for c in node.comparisons)] if self.comparisons_propagate else []
        if kind is cst.UnaryOperation or kind is cst.Await:
            return [node.expression]  # type: ignore[attr-defined]
        if type(node) is cst.NamedExpr:
            return [node.value]
        if type(node) is cst.IfExp:
            allowed = allowed_branch(node, self.verdict_of(node.test)) if self.checks_clear else None
            return [branch for branch in (node.body, node.orelse) if branch is not allowed]
        if type(node) is cst.FormattedString:
            return [p.expression for p in node.parts if type(p) is cst.FormattedStringExpression]
        if kind in _DISPLAY_TYPES:
            return [e.value for e in node.elements]  # type: ignore[attr-defined]
        if type(node) is cst.Dict:
            return [e.value for e in node.elements if type(e) is cst.DictElement or type(e) is cst.StarredDictElement]
        if kind in _COMPREHENSION_TYPES:
            first = node.value if type(node) is cst.DictComp else node.elt  # type: ignore[attr-defined]
            iterables: list[cst.CSTNode | None] = []
            targets: set[str] = set()
            for_in: cst.CompFor | None = node.for_in  # type: ignore[attr-defined]
            while for_in is not None:
                iterables.append(for_in.iter)
                targets.update(_names_inside(for_in.target))
                for_in = for_in.inner_for_in
            outer: cst.CompFor = node.for_in  # type: ignore[attr-defined]
            if type(outer.target) is cst.Name and outer.inner_for_in is None and self._only_keys(outer.iter):
                iterables = []  # `f"{k} = ?" for k in cols`: the allowlisted keys
            elements = (node.key, first) if type(node) is cst.DictComp else (first,)  # type: ignore[attr-defined]
            if targets.isdisjoint(name for element in elements for name in _names_inside(element)):
                # `"?" for _ in values`: the element never holds an item, only the count of items comes through
                return [first]
            if type(first) is cst.Call and all(type(e) is cst.Call and self.is_sanitizer_call(e) for e in elements):
                # `re.escape(w) for w in words`: whatever each item holds, the element is made safe
                return [first]
            if self._items_made_safe(elements, targets, iterables):
                return [first]
            return [first, *iterables]
        return None

    def _items_made_safe(self, elements: tuple[cst.BaseExpression, ...], targets: set[str],
                         iterables: list[cst.CSTNode | None]) -> bool:
        """Whether a comprehension's elements stay clean however tainted its items are: each use of an item passes
        through a sanitiser (`f"<li>{escape(x)}</li>"`, `"%s" % html.escape(t)`), or the items are clean. Asked only
        of an element that calls something; the items are bound to a stand-in taint for the question, the earlier
        bindings then put back. An element that carries other client data still carries it; one whose answer is a
        project call's result may hide the item behind it (`render(x)`), so it keeps the iterable's taint."""
        if not any(type(inner) is cst.Call for element in elements for inner in iter_expressions(element)):
            return False
        if all(self._taint_of(iterable) is None for iterable in iterables):
            return True  # most comprehensions: nothing to sanitise, and the iterables need no second look
        saved = {target: self.names.get(target) for target in targets}
        memo, self.query_memo = self.query_memo, {}
        self.names.update((target, ITEM) for target in targets)
        try:
            return all((taint := self._taint_of(element)) is None
                       or (taint.origin != ITEM.origin and taint.kind not in SUMMARISED_KINDS) for element in elements)
        finally:
            self.query_memo = memo
            for target, taint in saved.items():
                if taint is None:
                    self.names.pop(target, None)
                else:
                    self.names[target] = taint

    def _own_taint(self, node: cst.BaseExpression) -> Taint | None:
        """The taint of a name, an attribute or item of a tainted value, or a call's result."""
        if type(node) is cst.Name:
            return self.names.get(node.value)
        if type(node) is cst.Attribute:
            dotted = dotted_name(node)
            if dotted is not None and dotted in self.names:
                return self.names[dotted]
            if node.attr.value in URL_DATA_FIELDS and type(node.value) is cst.Call \
                    and (url := _parsed_url(node.value)) is not None:
                return self.taint_of(url)  # `urlparse(self.path).query`: the client's fields
            if node.attr.value == "name" and type(node.value) is cst.Attribute and node.value.attr.value == UPLOAD_FILE:
                return None  # `upload.file.name`: the temporary file the server wrote the upload to
            stored = self.attribute_parameter(node)
            if stored is not None:
                return stored
            base = self.taint_of(node.value)
            if base is not None and node.attr.value == BOTTLE_SAFE_UPLOAD_NAME and self._is_bottle_upload(base):
                return None
            if base is not None and base.key == CHAINLIT_ELEMENTS and node.attr.value in CHAINLIT_SERVER_FIELDS \
                    and self.imports.imports_any(("chainlit",)):
                return None  # `element.path`: where Chainlit stored the upload
            return base.keyed(node.attr.value) if base is not None else None
        if type(node) is cst.Subscript:
            base = self.taint_of(node.value)
            if base is None or (self.slices_clear and isinstance(node.slice[0].slice, cst.Slice)):
                return None
            key = string_value(node.slice[0].slice.value) if type(node.slice[0].slice) is cst.Index else None
            if key in PLATFORM_ASSIGNED_KEYS and type(node.value) is cst.Name and node.value.value in self.payloads:
                return None  # `event["user"]`: an id the platform assigned
            return base.keyed(key) if key is not None else base
        if type(node) is cst.Call:
            return self._call_taint(node)
        return None

    def _is_bottle_upload(self, taint: Taint) -> bool:
        """An upload read from `request.files` in a Bottle module, whose `.filename` Bottle has sanitised."""
        return taint.origin.endswith(".files") and self.imports.imports_any(("bottle",)) \
            and not self.imports.imports_any(OTHER_UPLOAD_FRAMEWORKS)

    def _only_keys(self, node: cst.CSTNode | None) -> bool:
        """A dict whose keys passed an allowlist, iterated for its keys (`cols`, `cols.keys()`)."""
        if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "keys" \
                and not node.args:
            node = node.func.value
        return node is not None and bool(self.allowlisted_keys) and (dotted_name(node) or "") in self.allowlisted_keys

    def _first(self, nodes: Any) -> Taint | None:
        summarised: Taint | None = None
        read: HandlerRead | None = None
        for node in nodes:
            found = self.taint_of(node)
            if found is not None:
                if found.kind not in SUMMARISED_KINDS:
                    if read is not None:
                        found = _met(read, found)
                    if type(found) is not HandlerRead:
                        return found
                    read = found
                    continue
                summarised = found if summarised is None else _joined(summarised, found)
        return read or summarised

    def _call_taint(self, call: cst.Call) -> Taint | None:
        if self.is_sanitizer_call(call):
            return None
        func = call.func
        if type(func) is cst.Name and (self.aliases or self.expansions):
            found = self._bound_method_taint(call, func.value)
            if found is not None:
                return found
        if type(func) is cst.Attribute:
            method = func.attr.value
            receiver = self.taint_of(func.value)
            if receiver is not None and method not in NON_PROPAGATING_METHODS:
                if method in ("get", "getlist", "pop") and call.args:
                    key = string_value(call.args[0].value)
                    return receiver.keyed(key) if key is not None else receiver
                if type(receiver) is HandlerRead and method in ARGUMENT_PROPAGATING_METHODS:  # `.replace("x", body)`
                    other = self._first(a.value for a in call.args)
                    return receiver if other is None or other.kind in SUMMARISED_KINDS else _met(receiver, other)
                return receiver
            if method in ARGUMENT_PROPAGATING_METHODS:
                return self._first(a.value for a in call.args if not (method == "join" and self._only_keys(a.value)))
            if method in COMPILED_REGEX_METHODS:
                compiled = self._compiled_pattern(func.value)
                if compiled is not None:
                    return self._regex_text_taint(call, f"re.{method}", compiled)
        name = self.qualified_name(call)
        if name in PROPAGATING_CALLS or (name is not None and name.rsplit(".", 1)[-1] in ("Path", "PurePath")):
            if name in TEXT_OF_CALLS and call.args and _is_truth_value(call.args[0].value):
                return None  # `str(a == b)` is "True" or "False", whatever `a` held
            if name in URL_CONSTRUCTORS:
                text = call_argument(call, 0, URL_CONSTRUCTORS[name])
                return None if text is None else self.taint_of(text)
            return self._first(a.value for i, a in enumerate(call.args) if i not in NAME_ARGUMENTS.get(name, ()))
        if name in REGEX_TEXT_ARGUMENTS:
            return self._regex_text_taint(call, name, None)
        if type(func) is cst.Name and func.value in self.local_classes:
            # a helper object of this module built from client data carries it in its attributes
            return self._first(a.value for a in call.args)
        if self.summary is not None:
            callee = self.project_callee(call)
            if callee is not None:
                return Taint(CALL, callee)
        return None

    def _bound_method_taint(self, call: cst.Call, name: str) -> Taint | None:
        """The taint of a call through a name bound to a method (`arg = request.args.get; arg("cmd")`, `q =
        request.GET.get`, `body = request.get_json`): the method's call written out, read where the call is, so the
        getter of the request's data is a source exactly where it would be one called as written. A project call's
        answer is left to the call as written (its summary is looked up by the name called)."""
        expansion = self.expansions.get(name)
        callee = expansion[0] if expansion is not None else self.aliases.get(name)
        if type(callee) is not cst.Attribute:  # (most: `_ = gettext`, a name no scope binds to a callable)
            return None
        found = self._taint_of(written_call(call, self.aliases, self.expansions))
        return found if found is not None and found.kind not in SUMMARISED_KINDS else None

    def _regex_text_taint(self, call: cst.Call, name: str, compiled: cst.Call | None) -> Taint | None:
        """The taint of what `re.<name>(pattern, text)` (or `compiled.<name>(text)`, the pattern given to
        `re.compile`) returns: the text's (and a substitution's), unless the pattern lets only known characters by."""
        pattern = call_argument(compiled if compiled is not None else call, 0, "pattern")
        if _regex_keeps_only_known_text(string_value(pattern), name):
            return None
        shift = compiled is not None
        position, keyword = REGEX_TEXT_ARGUMENTS[name]
        repl = call_argument(call, 1 - shift, "repl") if name in ("re.sub", "re.subn") else None
        return self._first(argument for argument in (repl, call_argument(call, position - shift, keyword))
                           if argument is not None)

    def _compiled_pattern(self, receiver: cst.BaseExpression) -> cst.Call | None:
        """The `re.compile(...)` call a receiver is: made on the spot, or bound to a name at module or class level
        (`CODE_RE`, `self.CODE_RE`)."""
        if type(receiver) is cst.Call:
            return receiver if self.qualified_name(receiver) in REGEX_COMPILERS else None
        if self.module is None or dotted_name(receiver) in self.names:
            return None
        if type(receiver) is cst.Name:
            return _module_patterns(self.module, self.qualified_name).get(receiver.value)
        if type(receiver) is cst.Attribute and type(receiver.value) is cst.Name:
            return _module_patterns(self.module, self.qualified_name).get(receiver.attr.value)
        return None

    def project_callee(self, call: cst.Call) -> str | None:
        """`local:name`, `local:Class.method` (for `self.method()`) or `import:pkg.mod.name`: a call that may be
        to one of the project's own functions, whose summary the project phase looks up; None for others."""
        func = call.func
        if type(func) is cst.Name:
            if func.value in self.function_aliases:
                return self.function_aliases[func.value]
            if func.value not in self.project_functions and (func.value in self.local_classes or func.value[:1].isupper()):
                return self._class_callee(func.value, "__init__")  # `Converter(job)` runs `Converter.__init__`
            return self._function_callee(func.value)
        if type(func) is cst.Attribute and type(func.value) is cst.Name:
            head = func.value.value
            if head in ("self", "cls") and self.class_name is not None:
                method = func.attr.value
                return _method_callee(self.module, self.imports, self.class_name, method)
            made = self.instances.get(head) or (head if head in self.local_classes else None)
            if made is not None and made.startswith(RETURNED):  # `svc = get_service(); svc.run(cmd)`
                return f"{made}#{func.attr.value}"
            if made is not None:  # `repo.find(name)` on `repo = UserRepository(...)`; `UserRepository.find(name)`
                return self._class_callee(made, func.attr.value)
            module = self.imports.aliases.get(head)
            if module is not None and head not in self.names and _maybe_project(module):
                return f"import:{module}.{func.attr.value}"
            made = self.module_instances.get(head)
            if made is not None and head not in self.names:
                return self._class_callee(made, func.attr.value)
        if type(func) is cst.Attribute and type(func.value) is cst.Call:
            inner = func.value.func
            if type(inner) is cst.Name and inner.value[:1].isupper():
                # `LinkPreviewer().preview(url)`: a method of an instance made on the spot
                return self._class_callee(inner.value, func.attr.value)
            factory = self.factory_callee(func.value)
            # `get_service().run(cmd)`: a method of what one of the project's functions returns
            return f"{factory}#{func.attr.value}" if factory is not None else None
        return None

    def _function_callee(self, name: str) -> str | None:
        """`local:name` for one of the module's functions, `import:pkg.mod.name` for one the module may import from the
        project; None for others."""
        if name in self.project_functions:
            return f"local:{name}"
        resolved = self.imports.aliases.get(name)
        return f"import:{resolved}" if resolved is not None and "." in resolved and _maybe_project(resolved) else None

    def factory_callee(self, call: cst.Call) -> str | None:
        """`returned:<callee>` for a call to one of the project's functions (not a class) whose result may be an
        object: the join looks up the class its summary says it makes (`def get_service(): return Service()`)."""
        func = call.func
        if type(func) is cst.Name and func.value[:1].isupper():
            return None
        callee = self.project_callee(call)
        if callee is None or callee.endswith(".__init__") or callee.startswith(RETURNED) or "|" in callee:
            return None
        return RETURNED + callee

    def _class_callee(self, class_name: str, method: str) -> str | None:
        """`Class.method` of one of the module's classes, or of a class imported from the project."""
        reference = self.class_reference(class_name)
        return f"{reference}.{method}" if reference is not None else None

    def class_reference(self, class_name: str) -> str | None:
        """`local:Class` for one of the module's classes, `import:pkg.mod.Class` for a class imported from the project."""
        if class_name in self.local_classes:
            return f"local:{class_name}"
        resolved = self.imports.aliases.get(class_name)
        if resolved is not None and "." in resolved and _maybe_project(resolved) and resolved.rpartition(".")[2][:1].isupper():
            return f"import:{resolved}"
        return None

    def store(self, container: cst.CSTNode, taint: Taint | None) -> None:
        """A tainted value stored into a container (`d[k] = v`, `items.append(v)`) taints the container."""
        key = dotted_name(container)
        if taint is None or key is None:
            return
        held = self.names.get(key)
        if _outranks(taint, held):
            self.names[key] = taint
        elif type(held) is HandlerRead and taint.kind not in SUMMARISED_KINDS:
            self.names[key] = _met(held, taint)  # `parts.append(request.body)` after a getter's read

    def snapshot(self) -> Snapshot:
        return dict(self.names), dict(self.constants)

    def merge(self, other: Snapshot) -> None:
        """After two branches: a name is tainted if either branch left it tainted, with the taint that outranks
        (`query = "... %s" % workspace_id` then `if name: query += " AND name = '" + name + "'"`: the built
        string, not the parameter it was formatted with); a constant if both left one (with both texts when they
        differ: `value = "TO_CHAR(%s)" % value` in one branch only)."""
        names, constants = other
        mine = self.names
        for key, taint in names.items():
            held = mine.get(key)  # (`_outranks`, inlined; most names hold in both branches what they held before)
            if held is not taint and (held is None or (held.kind in SUMMARISED_KINDS
                                                       and taint.kind not in SUMMARISED_KINDS)):
                mine[key] = taint
            elif type(held) is HandlerRead and held is not taint and taint.kind not in SUMMARISED_KINDS:
                mine[key] = _met(held, taint)  # a getter's read in one branch, other client data in the other
        if self.constants and self.constants != constants:  # (equal or empty, the rebuilt table would be the same)
            self.constants = {k: v if constants[k] in v else f"{v}\n{constants[k]}"
                              for k, v in self.constants.items() if k in constants}

    def bind(self, target: cst.CSTNode, taint: Taint | None, value: cst.CSTNode | None = None) -> None:
        """Record that `target` now holds a value with `taint` (None: clean), unpacking tuples and lists."""
        if type(target) is cst.Tuple or type(target) is cst.List:
            same_shape = type(value) in _SEQUENCE_TYPES and len(value.elements) == len(target.elements)  # type: ignore[union-attr]
            values = value.elements if same_shape and isinstance(value, (cst.Tuple, cst.List)) else None
            for index, element in enumerate(target.elements):
                if values is not None:
                    self.bind(element.value, self.taint_of(values[index].value), values[index].value)
                else:
                    self.bind(element.value, taint)
            if values is None and value is not None and self.constant_text(value, self) is not None:
                # `for table, columns in OWNERS.items():`: each item of a constant is constant
                self.constants.update((name, "") for element in target.elements
                                      if (name := dotted_name(element.value)) is not None)
            elif type(value) is cst.Call and dotted_name(value.func) == "enumerate" and target.elements \
                    and (counter := dotted_name(target.elements[0].value)) is not None:
                self.names.pop(counter, None)  # `for i, row in enumerate(rows):`: `i` counts, whatever the rows hold
                self.constants[counter] = ""
            first = dotted_name(target.elements[0].value) if target.elements else None
            if first is not None and type(value) is cst.Call and _is_verdict_call(value):
                # `allowed, reason = is_allowed_file(path, ...)`: a validator's verdict with its reason
                self.verdicts[first] = checked_names(value)
            return
        if type(target) is cst.StarredElement:
            self.bind(target.value, taint)
            return
        key = dotted_name(target)
        if key is None:
            return
        if type(value) is cst.DictComp and _keys_allowlisted(value, self):
            self.allowlisted_keys.add(key)
        elif self.allowlisted_keys:
            self.allowlisted_keys.discard(key)
        if type(target) is cst.Attribute and key.startswith("self."):
            self.bound_attributes.add(key)
        if key in REQUEST_OBJECT_NAMES and key not in self.request_objects:
            self.shadowed.add(key)
        if taint is None:
            self.names.pop(key, None)
        else:
            self.names[key] = taint
        if self.summary is not None and (self.function_aliases or type(value) in (cst.Name, cst.IfExp)):
            self._note_alias(key, value)
        kind = type(value)
        named = kind is cst.Call or kind is cst.Attribute
        url, verdict, hosts = _value_facts(value) if named else _NO_FACTS  # type: ignore[arg-type]  # (not None)
        if kind is cst.Call:
            self._note_url_data(key, url)
            if self.summary is not None:
                self._note_instance(key, value)  # type: ignore[arg-type]
            if verdict is not None:
                self.verdicts[key] = verdict
            elif self.verdicts:
                self.verdicts.pop(key, None)
        else:
            if self.instances:
                self.instances.pop(key, None)
            if self.verdicts:
                self.verdicts.pop(key, None)
        signed = remembered(_SIGNED, value, _signed_names) if value is not None and type(value) in _SIGNATURE_TYPES \
            else ()
        if signed:
            self.signed[key] = signed
        elif self.signed:
            self.signed.pop(key, None)
        if self.url_hosts:
            for field in (None, *URL_HOST_FIELDS):
                self.url_hosts.pop(key if field is None else f"{key}.{field}", None)
        if hosts:
            self._note_url_host(key, kind is cst.Attribute, hosts)
        text = self.constant_text(value, self) if value is not None else None
        if text is not None:
            self.constants[key] = text
        else:
            self.constants.pop(key, None)

    def _note_url_data(self, key: str, url: cst.BaseExpression | None) -> None:
        """`parts = urlparse(url)`: `parts.query` (and its fragment and parameters) hold what `url` held."""
        taint = self.taint_of(url) if url is not None else None
        if taint is not None:
            self.names.update((f"{key}.{field_name}", taint) for field_name in URL_DATA_FIELDS)
        elif f"{key}.{URL_DATA_FIELDS[0]}" in self.names:
            for field_name in URL_DATA_FIELDS:
                self.names.pop(f"{key}.{field_name}", None)

    def _note_url_host(self, key: str, is_host: bool, names: tuple[str, ...]) -> None:
        """`parts = urlparse(url)`: `parts.hostname` is the URL's host; `host = urlparse(url).netloc` (`is_host`):
        `host` is. `names`: the URL's (`_value_facts`)."""
        if is_host:
            self.url_hosts[key] = names
        else:
            self.url_hosts.update((f"{key}.{field}", names) for field in URL_HOST_FIELDS)

    def _note_alias(self, key: str, value: cst.CSTNode | None) -> None:
        """Remember (or forget) that a name holds one of the project's functions, or one of several chosen by a
        condition: `call = _anthropic_complete if model.startswith("claude") else _openai_complete`."""
        options = (value.body, value.orelse) if type(value) is cst.IfExp else (value,)
        callees = [callee for option in options if type(option) is cst.Name and not option.value[:1].isupper()
                   and option.value not in self.names and (callee := self._function_callee(option.value))]
        if callees and len(callees) == len(options):
            self.function_aliases[key] = "|".join(callees)
        else:
            self.function_aliases.pop(key, None)

    def _note_instance(self, key: str, value: cst.Call) -> None:
        """Remember (or forget) that a name holds an instance made here: `Name(...)` with a capitalised callee,
        the result of one of the module's functions whose return annotation names a class (`-> SearchService`), or
        the result of another of the project's functions (`RETURNED`), whose summary may say what it makes."""
        made = None
        if type(value.func) is cst.Name:
            callee = value.func.value
            made = callee if callee[:1].isupper() else _returned_classes(self.module).get(callee) \
                if self.module is not None and callee in self.project_functions else None
        if made is None:  # `svc = get_service()`, `svc = deps.get_service()`: what the join finds it makes
            made = self.factory_callee(value)
        if made is not None:
            self.instances[key] = made
        elif self.instances:
            self.instances.pop(key, None)

    def clear_checked(self, test: cst.CSTNode) -> bool:
        """Forget the taint of names that an `if`/`assert` visibly checks (`in`, `==`, a validating call); True when
        one was forgotten."""
        names = checked_names(test) if self.prefix_checks_clear else checked_names_beyond_prefix(test)
        if self.signed:  # `if not hmac.compare_digest(expected, header):` checks what `expected` signs
            messages = [message for name in names for message in self.signed.get(name, ())]
            if messages and self._compares_with_a_sent_value(test):
                names = (*names, *messages)
        forgot = False
        if self.url_hosts:  # `if parts.hostname in ALLOWED:` checks where `url` points
            names = (*names, *(url for name in names for url in self.url_hosts.get(name, ())))
        for name in (*names, *self.verdict_of(test)):
            self.checked.add(name)
            if self.checks_clear and self.names.pop(name, None) is not None:
                forgot = True
        return forgot

    def _compares_with_a_sent_value(self, test: cst.CSTNode) -> bool:
        """Whether a test that names a signature also reads a value the client sent (the signature header it must
        match), as a check of a signature does; a signature looked up in a cache (`if digest in seen:`) checks nothing
        the client sent."""
        return any(type(inner) in _SENT_VALUE_TYPES and dotted_name(inner) not in self.signed
                   and self.taint_of(inner) is not None for inner in iter_expressions(test))

    def verdict_of(self, test: cst.CSTNode) -> tuple[str, ...]:
        """The names a test checks through a validator's verdict bound earlier: `if ok:`, `if not ok:`."""
        if not self.verdicts:
            return ()
        if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
            test = test.expression
        return self.verdicts.get(test.value, ()) if type(test) is cst.Name else ()

    def attribute_parameter(self, node: cst.CSTNode) -> Taint | None:
        """In a summarised method, `self.x` that it does not bind: what the class stored there (a constructor's
        parameter, joined in the project phase), as the parameter `self.x`."""
        if self.summary is None or self.class_name is None or type(node) is not cst.Attribute \
                or type(node.value) is not cst.Name or node.value.value != "self":
            return None
        key = f"self.{node.attr.value}"
        if key in self.bound_attributes or key in self.names:
            return None
        taint = _ATTRIBUTE_PARAMETERS.get(key)
        if taint is None:
            taint = _ATTRIBUTE_PARAMETERS[key] = Taint(PARAMETER, key)
        return taint

    def is_request_object(self, node: cst.CSTNode) -> bool:
        """`request` (Flask's global, a Django/Starlette view's parameter), `self.request`, a `Request` parameter."""
        dotted = dotted_name(node)
        if dotted is None:
            return False
        if dotted in self.request_objects or dotted == "self.request":
            return True
        if dotted in self.shadowed:
            return False
        if type(node) is cst.Attribute:
            # Chalice's `app.current_request` (of the app or a blueprint)
            return self.qualified_name(node) in QUALIFIED_REQUEST_OBJECTS or (
                node.attr.value == CHALICE_REQUEST and self.imports.imports_any(("chalice",)))
        return type(node) is cst.Name and self.qualified_name(node) in REQUEST_OBJECT_NAMES


VALIDATING_OPERATORS = (cst.In, cst.NotIn, cst.Equal, cst.NotEqual)
VALIDATING_OPERATOR_TYPES = frozenset(VALIDATING_OPERATORS)  # exact types: `isinstance` on libcst nodes goes through ABCMeta
# The comparisons that hold for a checked value (`x in ALLOWED`) and those that hold for a refused one.
POSITIVE_CHECKS = frozenset({cst.In, cst.Equal})
NEGATIVE_CHECKS = frozenset({cst.NotIn, cst.NotEqual})
# Where a test's check holds (`_polarity`): a plain value in an `and`/`or` (`user and cmd in ALLOWED`) is NEUTRAL.
HOLDS_IN_BODY, HOLDS_IN_ELSE, NEUTRAL, UNKNOWN = "body", "else", "neutral", "unknown"


# A path's fields that name the folders it lies in: `BASE in target.parents` and `target.parent == BASE` are
# containment checks of `target`.
PATH_ANCESTRY_FIELDS = frozenset({"parents", "parent"})
# Prefixes that say nothing about where a URL points or what a path names: `url.startswith("https://")`.
# A regular expression that pins a scheme and nothing after it: `^https?://`, `^(http|https)://.*$`.
SCHEME_ONLY_PATTERN = lazy_pattern(r"\^?\(?(?:https\?|https|http|ftp)(?:\|(?:https\?|https|http|ftp))*\)?:(?:\\?/){0,2}"
                                   r"(?:\.[*+]|\\S[*+])?\$?", re.IGNORECASE)
SCHEME_REGEX_TESTS = frozenset({"match", "search", "fullmatch"})
UNPINNED_PREFIXES = frozenset({"", "http", "https", "http://", "https://", "ftp://", "file://", "//", "www.", "."})


def _is_truth_value(node: cst.BaseExpression) -> bool:
    """A comparison or a `not`: its value is True or False (an ORM's comparison object prints as SQL with a
    placeholder, never the value it compares)."""
    return type(node) is cst.Comparison or (type(node) is cst.UnaryOperation and type(node.operator) is cst.Not)


def _is_substring_test(node: cst.Comparison) -> bool:
    """`"http://" in url`, `";" not in cmd`: a text fragment searched in the value, a denylist, not a validation."""
    return string_value(node.left) is not None and all(isinstance(c.operator, (cst.In, cst.NotIn))
                                                       for c in node.comparisons)


def _is_extension_of(node: cst.CSTNode) -> bool:
    """An expression that reads only a file name's extension: `os.path.splitext(f)[1]`, `f.rsplit(".", 1)[-1]`,
    `Path(f).suffix`. Checking it leaves the rest of the name (`../../app.py`) unchecked."""
    for inner in iter_expressions(node):
        if type(inner) is cst.Attribute and inner.attr.value in ("suffix", "suffixes", "extension", "ext"):
            return True
        if type(inner) is cst.Call:
            func = inner.func
            name = func.attr.value if type(func) is cst.Attribute else dotted_name(func)
            if name in ("splitext", "os.path.splitext", "endswith"):
                return True
            if name in ("rsplit", "split", "rpartition", "partition") and inner.args \
                    and string_value(inner.args[0].value) == ".":
                return True
    return False


def _is_unpinned_prefix_test(call: cst.Call) -> bool:
    """`url.startswith("https://")`, `re.match(r"^https?://", url)`: only a scheme, so any host passes; a chat
    command's word (`text.startswith("/fetch ")`), so any text after it passes."""
    func = call.func
    if type(func) is cst.Attribute and func.attr.value in SCHEME_REGEX_TESTS and type(func.value) is cst.Name \
            and func.value.value == "re" and call.args:
        pattern = string_value(call.args[0].value)
        return pattern is not None and SCHEME_ONLY_PATTERN.fullmatch(pattern) is not None
    if not (type(func) is cst.Attribute and func.attr.value == "startswith" and call.args):
        return False
    first = call.args[0].value
    prefixes = [string_value(e.value) for e in first.elements] if type(first) is cst.Tuple else [string_value(first)]
    # a prefix that ends in a space is a command word (`text.startswith("/fetch ")`): what follows it is anything
    return all(p is not None and (p.lower() in UNPINNED_PREFIXES or p[-1:].isspace()) for p in prefixes)


def checked_names(test: cst.CSTNode) -> tuple[str, ...]:
    """Dotted names that a condition checks against something: `x in ALLOWED`, `x == y`, `is_safe(x)`, `x.startswith()`.

    Tests that do not protect are not checks: a substring search (`"http://" in url`, a denylist of shell
    characters), a file extension alone, `endswith` (`evil-example.com` ends with `example.com`), and a
    scheme-only `startswith`. The answer depends on the condition alone, so it is remembered for the file.
    """
    return remembered(_CHECKED_NAMES, test, _checked_names)[0]


def checked_names_beyond_prefix(test: cst.CSTNode) -> tuple[str, ...]:
    """`checked_names`, less the names that a condition checks only by their start (`sql.startswith("select")`)."""
    return remembered(_CHECKED_NAMES, test, _checked_names)[1]


def _checked_names(test: cst.CSTNode) -> tuple[tuple[str, ...], tuple[str, ...]]:
    pairs = tuple(_each_checked_name(test))
    return tuple(name for name, _ in pairs), tuple(name for name, by_prefix in pairs if not by_prefix)


def _each_checked_name(test: cst.CSTNode) -> Iterator[tuple[str, bool]]:
    """(name, whether a `startswith` test is what checks it)."""
    for node in iter_expressions(test):
        if type(node) is cst.Comparison:
            if not any(type(c.operator) in VALIDATING_OPERATOR_TYPES for c in node.comparisons) or _is_substring_test(node):
                continue
            for operand in (node.left, *(c.comparator for c in node.comparisons)):
                if type(operand) is cst.Call and type(operand.func) is cst.Name and operand.func.value in NON_CHECK_CALLS:
                    continue
                if _is_extension_of(operand):
                    continue
                parsed = _parsed_host(operand)
                if parsed is not None:
                    # `urlparse(url).hostname in ALLOWED`: the URL's destination is checked
                    yield from ((name, False) for name in _names_inside(parsed))
                    continue
                keyed = keyed_read(operand)
                if keyed is not None:
                    # `msg.get("type") == "export"` checks one field of `msg`, not the file name it also carries
                    yield keyed, False
                    continue
                field = dotted_name(operand) if type(operand) is cst.Attribute else None
                if field is not None:
                    # `block.type == "tool_use"` checks one field of `block`, not the rest of it; but
                    # `BASE in path.parents` checks where the whole path points
                    owner, _, attribute = field.rpartition(".")
                    yield (owner if attribute in PATH_ANCESTRY_FIELDS else field), False
                    continue
                # `text.split()[0].lower() != "select"` pins how the text starts, as `startswith` does
                yield from ((name, _is_leading_piece(operand)) for name in _names_inside(operand))
        elif type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Name and func.value in NON_CHECK_CALLS or _is_unpinned_prefix_test(node) \
                    or callee_tail(func) in URL_PARSER_NAMES:
                continue
            by_prefix = False
            if type(func) is cst.Attribute:
                if func.attr.value in NON_CHECK_METHODS:
                    continue
                by_prefix = func.attr.value == "startswith"
                yield from ((name, by_prefix) for name in _names_inside(func.value))
            for arg in node.args:
                yield from ((name, by_prefix) for name in _names_inside(arg.value))


def keyed_read(node: cst.CSTNode) -> str | None:
    """`msg["type"]` or `msg.get("type")`: one field of a value, named `msg["type"]`; None for anything else."""
    if type(node) is cst.Subscript:
        element = node.slice[0].slice if len(node.slice) == 1 else None
        key = string_value(element.value) if type(element) is cst.Index else None
        base = node.value
    elif type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" and node.args \
            and node.args[0].keyword is None:
        key, base = string_value(node.args[0].value), node.func.value
    else:
        return None
    name = dotted_name(base)
    return f'{name}["{key}"]' if key is not None and name is not None else None


def _is_leading_piece(operand: cst.CSTNode) -> bool:
    """`text.split()[0]`, `text.partition(" ")[0]`, `text[:6]`, also through `.strip()`/`.lower()`: a piece of the
    value, so comparing it checks how the value starts, not the whole of it."""
    node = operand
    while type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in CASE_AND_SPACE_METHODS:
        node = node.func.value
    if type(node) is not cst.Subscript:
        return False
    if any(type(element.slice) is cst.Slice for element in node.slice):
        return True
    value = node.value
    return type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value in SPLITTING_METHODS


# Calls that sign a message with a key: `hmac.new(key, body, ...)`, `hmac.digest(...)`, and helpers named for it
# (`_signature(secret, body)`, `compute_signature`, `sign_payload`, `hmac_sha256`). A bare hash is no signature: the
# client can compute `sha256(body)` itself.
SIGNING_MODULE_CALLS = frozenset({"hmac.new", "hmac.digest", "hmac.HMAC"})
SIGNING_CALL = lazy_pattern(r"(^|_)(signature|signed|hmac)($|_)|^_*sign($|_(payload|body|message|request|data|webhook))",
                            re.IGNORECASE)
# The values that may hold a signing call: the call itself, `"sha256=" + sign(...)`, an f-string around one.
_SIGNATURE_TYPES = frozenset({cst.Call, cst.BinaryOperation, cst.FormattedString})
# What reads a value in a test: a name, an attribute, a subscript or a call (`request.headers.get(...)`).
_SENT_VALUE_TYPES = frozenset({cst.Name, cst.Attribute, cst.Subscript, cst.Call})


def _signed_names(value: cst.CSTNode) -> tuple[str, ...]:
    """The names a value's keyed signature covers (its signing call's arguments), or () when it signs nothing."""
    for inner in iter_expressions(value):
        if type(inner) is cst.Call and (dotted_name(inner.func) in SIGNING_MODULE_CALLS
                                        or SIGNING_CALL.search(callee_tail(inner.func) or "") is not None):
            return tuple(dict.fromkeys(name for arg in inner.args for name in _names_inside(arg.value)))
    return ()


# Calls whose result, bound to a name, is a verdict on their arguments (`ok = is_safe_url(url)`; `if ok:`).
VERDICT_CALL = lazy_pattern(r"^(is|has|check|validate|verify|allow)_|allowed|_valid|trusted", re.IGNORECASE)


# Per file: a bound call or attribute -> what `bind` reads of it whatever a lane's state (`_value_facts`).
ValueFacts = tuple[cst.BaseExpression | None, tuple[str, ...] | None, tuple[str, ...]]
_VALUE_FACTS: dict[int, tuple[cst.CSTNode, ValueFacts]] = file_memo({})
_NO_FACTS: ValueFacts = (None, None, ())


def _value_facts(value: cst.CSTNode) -> ValueFacts:
    """What `bind` reads of a call or attribute it binds, the same in every lane, so once per node of the file: the
    URL `urlparse(url)` parses (else None), the names a validator's verdict checks (`ok = is_safe(url)`, else None),
    the names of the URL whose host the value is or holds (`urlparse(url)`, `urlparse(url).netloc`)."""
    entry = _VALUE_FACTS.get(id(value))  # (`remembered`, inlined: asked by every lane of every bound call)
    if entry is None or entry[0] is not value:
        if type(value) is cst.Call:
            url = _parsed_url(value)  # type: ignore[arg-type]
            verdict = checked_names(value) if _is_verdict_call(value) else None  # type: ignore[arg-type]
            hosted = url
        else:
            url = verdict = None
            hosted = _parsed_host(value)
        entry = _VALUE_FACTS[id(value)] = (value, (url, verdict, tuple(_names_inside(hosted)) if hosted is not None
                                                   else ()))
    return entry[1]


def _is_verdict_call(call: cst.Call) -> bool:
    """A call named like a check (`url_has_allowed_host_and_scheme(...)`)."""
    return _is_verdict_name(callee_tail(call.func) or "")


@functools.lru_cache(maxsize=4096)
def _is_verdict_name(name: str) -> bool:
    return VERDICT_CALL.search(name) is not None


# Parsing a URL is no check of it: `if not urlparse(url).netloc` only tests that it has a host.
URL_PARSER_NAMES = frozenset({"urlparse", "urlsplit"})
URL_HOST_FIELDS = frozenset({"hostname", "netloc", "host"})
# The fields of a parsed URL that carry its data, not where it points: the client's text when the URL is the client's.
URL_DATA_FIELDS = ("query", "fragment", "params")


def _parsed_host(operand: cst.CSTNode) -> cst.BaseExpression | None:
    """The URL argument of `urlparse(url).hostname` (or `.netloc`), compared in a condition; None otherwise."""
    if type(operand) is cst.Attribute and operand.attr.value in URL_HOST_FIELDS and type(operand.value) is cst.Call:
        return _parsed_url(operand.value)
    return None


def _parsed_url(call: cst.Call) -> cst.BaseExpression | None:
    """The URL argument of `urlparse(url)` (or `urlsplit`); None for any other call."""
    return call.args[0].value if call.args and callee_tail(call.func) in URL_PARSER_NAMES else None


def _regex_keeps_only_known_text(pattern: str | None, name: str) -> bool:
    """A constant pattern that lets only allowed characters through: `re.sub(r"[^a-z0-9]", "", name)` deletes
    everything else, `re.match(r"^([a-z]+)$", name)` matches nothing else."""
    if pattern is None:
        return False
    if name in ("re.sub", "re.subn"):
        return pattern.startswith("[^")
    return REGEX_WILDCARD.search(pattern) is None


def allowed_branch(node: cst.IfExp, verdict: tuple[str, ...] = ()) -> cst.BaseExpression | None:
    """The branch of `x if x in ALLOWED else default` (or `default if x not in ALLOWED else x`, or `x if ok else
    default` where `ok` holds a validator's `verdict` on `x`) that only a checked value reaches, when that branch is
    the checked name itself; None otherwise."""
    test = node.test
    negated = type(test) is cst.UnaryOperation and type(test.operator) is cst.Not
    if negated:
        test = test.expression  # type: ignore[attr-defined]
    if type(test) is cst.Comparison and all(type(c.operator) in (cst.NotIn, cst.NotEqual) for c in test.comparisons):
        negated = not negated
    branch = node.orelse if negated else node.body
    name = dotted_name(branch)
    return branch if name is not None and (name in verdict or name in checked_names(test)) else None


def _keys_allowlisted(comprehension: cst.DictComp, state: FlowState) -> bool:
    """`{k: v for k, v in data.items() if k in COLUMNS}`: every key is a name tested against a collection that holds
    no client data (a named or a literal one) by the comprehension's own `if`, or is written as text."""
    key = comprehension.key
    if type(key) is cst.SimpleString:
        return True
    if type(key) is not cst.Name:
        return False
    for_in: cst.CompFor | None = comprehension.for_in
    while for_in is not None:
        for test in for_in.ifs:
            comparison = test.test
            if type(comparison) is cst.Comparison and type(comparison.left) is cst.Name \
                    and comparison.left.value == key.value and len(comparison.comparisons) == 1 \
                    and type(comparison.comparisons[0].operator) is cst.In \
                    and type(comparison.comparisons[0].comparator) in _ALLOWLIST_TYPES \
                    and state.taint_of(comparison.comparisons[0].comparator) is None:
                return True
        for_in = for_in.inner_for_in
    return False


_ALLOWLIST_TYPES = frozenset({cst.Name, cst.Attribute, cst.Set, cst.Tuple, cst.List})


def _literal_key(subscript: cst.Subscript) -> bool:
    """`cols["name"] = ...`: a key written as text."""
    index = subscript.slice[0].slice if len(subscript.slice) == 1 else None
    return type(index) is cst.Index and type(index.value) is cst.SimpleString


# Statements and clauses that bind a name in the function they are in.
_BINDING_TYPES = frozenset({cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.AsName, cst.NamedExpr,
                            cst.CompFor})


def _bound_locally(function: cst.FunctionDef) -> frozenset[str]:
    """The names a function binds itself (parameters, assignments, loop and `with` targets, imports): the enclosing
    function's values of them never reach it."""
    params = function.params
    bound = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            bound.add(star.name.value)
    # once per nested function (the lanes read the answer from `_BOUND_LOCALLY`), from the file's index of the body,
    # which other rules read too
    for node in own_nodes(function.body):
        kind = type(node)
        if kind in _BINDING_TYPES:
            target = node.target if kind is not cst.AsName else node.name  # type: ignore[attr-defined]
            bound.update(name.partition(".")[0] for name in _names_inside(target) if "." not in name)
        elif kind is cst.ImportAlias:
            alias = node.asname.name if node.asname is not None else node.name  # type: ignore[attr-defined]
            bound.add((dotted_name(alias) or "").partition(".")[0])
    return frozenset(bound)


def _names_inside(node: cst.CSTNode) -> Iterator[str]:
    for inner in iter_expressions(node):
        dotted = dotted_name(inner)
        if dotted is not None:
            yield dotted


_OPAQUE_TYPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.IndentedBlock, cst.SimpleStatementSuite})
# Fields that hold only punctuation or whitespace: never an expression worth looking at.
_SKIPPED_FIELDS = frozenset({"lpar", "rpar", "comma", "semicolon", "dot", "equal", "colon", "operator", "newline",
                             "leading_lines", "lines_after_decorators", "header", "footer", "star_tok", "asynchronous",
                             "walrus", "arrow", "lbracket", "rbracket", "lbrace", "rbrace", "decorators", "whitespace"})
_EXPRESSION_FIELDS: dict[type, tuple[str, ...]] = {}


def _expression_fields(node_type: type) -> tuple[str, ...]:
    """The fields of a node type that may hold a node `iter_expressions` enters: not punctuation or whitespace, and
    not a field whose declared type holds no node at all (a name's or a string's text, a flag), which every leaf
    would otherwise read for nothing."""
    names = _EXPRESSION_FIELDS.get(node_type)
    if names is None:
        names = _EXPRESSION_FIELDS[node_type] = tuple(
            f.name for f in dataclasses.fields(node_type)
            if f.name not in _SKIPPED_FIELDS and not f.name.startswith("whitespace") and _may_hold_node(f.type))
    return names


def _may_hold_node(declared: Any) -> bool:
    """Whether a dataclass field of this declared type can hold a libcst node (True when it cannot be told)."""
    if isinstance(declared, type):
        return issubclass(declared, cst.CSTNode)
    origin = typing.get_origin(declared)
    if origin is typing.Literal:
        return False
    if origin is typing.Union:
        return any(_may_hold_node(option) for option in typing.get_args(declared))
    return True


_NODE_TYPES: dict[type, bool] = {}
# The memos below hold the current file's answers only (`file_memos.file_memo`: emptied as the engine's walk starts
# a file), each entry keeping its node (`file_memos.remembered`).
# Per file: function -> its request parameters by whether scalar inputs count, shared by the flow rules.
_PARAMETERS: dict[int, tuple[cst.FunctionDef, dict[bool, tuple[set[str], dict[str, Taint], set[str]]]]] = file_memo({})
# Per file: statement or expression -> everything below it. Several flow rules walk the same statements.
_EXPRESSIONS: dict[int, tuple[cst.CSTNode, tuple[cst.CSTNode, ...]]] = file_memo({})
# Per file, what every flow rule asks about the same nodes and what no rule's state changes: a statement's calls
# and walrus bindings (in the expressions it evaluates itself), and the names a condition checks.
_CALLS: dict[int, tuple[cst.CSTNode, tuple[cst.Call, ...]]] = file_memo({})
_WALRUSES: dict[int, tuple[cst.CSTNode, tuple[cst.NamedExpr, ...]]] = file_memo({})
_CHECKED_NAMES: dict[int, tuple[cst.CSTNode, tuple[str, ...]]] = file_memo({})
# Per file, what the flow rules ask of the same nodes in each lane: the names a value's signature covers, whether a
# function is a route handler, a statement's calls handed on to another call.
_SIGNED: dict[int, tuple[cst.CSTNode, tuple[str, ...]]] = file_memo({})
_ROUTES: dict[int, tuple[cst.CSTNode, bool]] = file_memo({})
_HANDED_ON: dict[int, tuple[cst.CSTNode, set[int]]] = file_memo({})
# Per file: (class, method, version of the import table) -> the callee a `self.method()` call names.
_METHOD_CALLEES: dict[tuple[str, str, int], str] = file_memo({})
# Per file: statement -> what every summarising lane reads of it besides taints (`_SummaryPlan`; None: nothing).
_SUMMARY_PLANS: dict[int, tuple[cst.CSTNode, Any]] = file_memo({})
# Per file: (function, whether scalar inputs count) -> the parameters certainly input (`begin_function`'s payload).
_PAYLOADS: dict[tuple[int, bool], tuple[cst.FunctionDef, frozenset[str]]] = file_memo({})
# Per file: function -> what the summarising lanes read of its signature (`_Signature`).
_SIGNATURES: dict[int, tuple[cst.CSTNode, Any]] = file_memo({})
# Per file, the code a summary quotes: a sink's statement's first line, a reported node's lines.
_FIRST_LINES: dict[int, tuple[cst.CSTNode, str]] = file_memo({})
_CODE_LINES: dict[int, tuple[cst.CSTNode, list[str]]] = file_memo({})
# Per file: node -> its code on one line (`short_code`).
_SHORT_CODES: dict[int, tuple[cst.CSTNode, str]] = file_memo({})
# Per file: function -> the statements its lanes can meet (`walked_statements`).
_WALKED_STATEMENTS: dict[int, tuple[cst.CSTNode, tuple[cst.CSTNode, ...] | None]] = file_memo({})
# Per file: function -> the names and strings its lanes can read (`walked_names`).
_WALKED_NAMES: dict[int, tuple[cst.CSTNode, tuple[str, ...] | None]] = file_memo({})
_CALL_WORDS: dict[int, tuple[cst.CSTNode, frozenset[str] | None]] = file_memo({})
# Per file: function id -> (function, `expansion_words`).
_EXPANSION_WORDS: dict[int, tuple[cst.CSTNode, frozenset[str]]] = file_memo({})
# Per file: nested function -> the names it binds itself, asked by every lane that enters it with client data.
_BOUND_LOCALLY: dict[int, tuple[cst.CSTNode, frozenset[str]]] = file_memo({})


def _is_walked_node(value: object) -> bool:
    kind = type(value)
    walked = _NODE_TYPES.get(kind)
    if walked is None:
        walked = _NODE_TYPES[kind] = issubclass(kind, cst.CSTNode) and kind not in _OPAQUE_TYPES
    return walked


def iter_expressions(node: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
    """The node and everything below it, without entering nested functions, classes, lambdas or blocks.

    Reads the nodes' dataclass fields directly (libcst's `children` property rebuilds nodes and is slow)
    and remembers the answer for the file, since every flow rule asks about the same statements.
    """
    cached = _EXPRESSIONS.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1]
    found = []
    stack = [node]
    walked = _NODE_TYPES  # (`_is_walked_node`, inlined: this runs for every node of every statement of a file)
    while stack:
        current = stack.pop()
        found.append(current)
        fields = _EXPRESSION_FIELDS.get(type(current))
        if fields is None:
            fields = _expression_fields(type(current))
        for name in fields:
            value = getattr(current, name)
            value_type = type(value)
            if value_type is list or value_type is tuple:
                for item in value:
                    if walked.get(type(item)) or (type(item) not in walked and _is_walked_node(item)):
                        stack.append(item)
            elif walked.get(value_type) or (value_type not in walked and _is_walked_node(value)):
                stack.append(value)
    result = tuple(found)
    _EXPRESSIONS[id(node)] = (node, result)
    return result


def iter_calls(node: cst.CSTNode) -> tuple[cst.Call, ...]:
    """Calls inside a statement or expression (for compound statements: their header only), in source order."""
    entry = _CALLS.get(id(node))  # `remembered`, inlined: every flow lane asks it of every statement, some twice
    if entry is None or entry[0] is not node:
        entry = _CALLS[id(node)] = (node, _calls_in(node))
    return entry[1]


def walked_statements(function: cst.FunctionDef) -> tuple[cst.CSTNode, ...] | None:
    """Every statement a lane's walk of the function can meet (the blocks of compound statements included, nested
    functions and classes not), once per function; None when the function imports something itself, which may
    give a call a name the module's imports do not. For a rule's `skips`."""
    return remembered(_WALKED_STATEMENTS, function, _walked_statements)


def walked_calls(function: cst.FunctionDef) -> Iterator[cst.Call]:
    """The calls of `walked_statements` (`iter_calls` of each: a compound statement's header)."""
    for statement in walked_statements(function) or ():
        yield from iter_calls(statement)


def call_words(function: cst.FunctionDef, imports: ImportTable, aliases: Aliases) -> frozenset[str] | None:
    """The words the calls of `walked_calls` are known by: a method's name, a called name as written and as the
    file's imports resolve it (`from subprocess import run as r`: `r` and `run`) or as the callable it is an alias of
    (`aliases`, the function's `function_aliases`: `r = subprocess.run`, `run`), the last part of a dotted callee;
    a dotted callee also whole as the imports resolve it (`subprocess.run`, `requests.get`), and a method with the last
    name of its receiver as written (`client.get` for `self.client.get(url)`); once per function for every flow rule
    (their lanes start together, with the same imports); None when the function imports something itself. A rule
    whose every sink is a call it names by these words (`FlowRule.sink_words`: a method by its name or with its
    receiver's, a function by its resolved name) has nothing to search for in a function whose words meet none."""
    entry = _CALL_WORDS.get(id(function))
    if entry is None or entry[0] is not function:
        entry = _CALL_WORDS[id(function)] = (function, _call_words(function, imports, aliases))
    return entry[1]


def _call_words(function: cst.FunctionDef, imports: ImportTable, aliases: Aliases) -> frozenset[str] | None:
    if walked_statements(function) is None:
        return None
    words: set[str] = set()
    for call in walked_calls(function):
        func = call.func
        if type(func) is cst.Attribute:
            words.update(_method_words(func, imports))
        elif type(func) is cst.Name:
            words.add(func.value)
            target = aliases.get(func.value)
            resolved = imports.qualified_name(func if target is None else target) or ""
            words.add(resolved)
            words.add(resolved.rpartition(".")[2])
        elif aliases and (type(func) is cst.Subscript or type(func) is cst.Call):
            words.update(_aliased_words(func, imports, aliases))
    return frozenset(words)


def _aliased_words(func: cst.BaseExpression, imports: ImportTable, aliases: Aliases) -> Iterator[str]:
    """The words of the callables a table's item or a `getattr` of a literal name stands for (`aliased_callee`): every
    entry of a table whose key is no literal (`RUNNERS[kind]`: `os.system`, `system`, `eval`)."""
    if type(func) is cst.Subscript and type(func.value) is cst.Name:
        table = aliases.get(f"{func.value.value}{TABLE}")
        callees = [e.value for e in table.elements if type(e) is cst.DictElement] if type(table) is cst.Dict else []
    else:
        callee = aliased_callee(func, aliases, imports.qualified_name)
        callees = [callee] if callee is not None else []
    for callee in callees:
        resolved = imports.qualified_name(callee) or ""
        yield resolved
        yield resolved.rpartition(".")[2]


def _method_words(func: cst.Attribute, imports: ImportTable) -> Iterator[str]:
    """A method call's words: the method, the callee as the imports resolve it, the method with its receiver's last
    name as written."""
    method = func.attr.value
    yield method
    yield imports.qualified_name(func) or ""
    tail = callee_tail(func.value)
    if tail is not None:
        yield f"{tail}.{method}"


def expansion_words(function: cst.FunctionDef, context: RuleContext, called: frozenset[str]) -> frozenset[str]:
    """The call words (`call_words`) of the calls the function's expansions stand for (`callable_aliases`:
    `execute` and `cursor.execute` for `run_sql = cursor.execute`), of those it calls (`called`, its call words: a
    name, `self._exec`), once per function; mostly none."""
    expansions = function_expansions(function, context)
    if not expansions:
        return frozenset()
    return remembered(_EXPANSION_WORDS, function, lambda _: frozenset(
        word for name, (callee, _fixed) in expansions.items() if name in called for word in (
            _method_words(callee, context.imports) if type(callee) is cst.Attribute
            else (context.imports.qualified_name(callee) or "",))))


def last_parts(*tables: Iterable[str]) -> frozenset[str]:
    """The last part of each dotted name in the tables: the call words (`call_words`) their calls are known by."""
    return frozenset(name.rpartition(".")[2] for table in tables for name in table)


def walked_names(function: cst.FunctionDef) -> tuple[str, ...] | None:
    """Every name, attribute, keyword, string and integer in what a lane's walk of the function reads
    (`iter_expressions` of `walked_statements`), and its parameters' names, as written, once per function; None when
    the function imports something itself. For a rule's `skips`: a rule whose every report needs one of some words in
    the function's own code skips a function that holds none. A string is read as written and as its value, and the
    literal pieces of a `+` chain also joined (`"&pass" + "word=" + p` builds the key `password`)."""
    return remembered(_WALKED_NAMES, function, _walked_names)


def walked_text(function: cst.FunctionDef) -> str | None:
    """`walked_names`, joined by line breaks, in lower case: what a substring of it can be searched in."""
    names = walked_names(function)
    return None if names is None else "\n".join(names).lower()


def _walked_names(function: cst.FunctionDef) -> tuple[str, ...] | None:
    statements = walked_statements(function)
    if statements is None:
        return None
    params = function.params
    names = [param.name.value for param in (*params.posonly_params, *params.params, *params.kwonly_params,
                                            params.star_arg, params.star_kwarg) if type(param) is cst.Param]
    joined: set[int] = set()  # the inner links of a `+` chain already read with its outermost one
    for statement in statements:
        for node in iter_expressions(statement):
            kind = type(node)
            if kind is cst.Name or kind is cst.FormattedStringText or kind is cst.Integer:
                names.append(node.value)  # type: ignore[attr-defined]
            elif kind is cst.SimpleString:  # as written, and its value where an escape may hide a letter
                names.append(node.value)  # type: ignore[attr-defined]
                if "\\" in node.value:  # type: ignore[attr-defined]
                    names.append(string_value(node) or "")
            elif kind is cst.ConcatenatedString:  # its pieces are read too; joined, they may make a word
                names.append(string_value(node) or "")
            elif kind is cst.BinaryOperation and type(node.operator) is cst.Add and id(node) not in joined:  # type: ignore[attr-defined]
                names.extend(_literal_runs(node, joined))  # type: ignore[arg-type]
    return tuple(names)


def _literal_runs(chain: cst.BinaryOperation, joined: set[int]) -> list[str]:
    """The texts of consecutive string literals in a `+` chain, each run joined, left to right; marks the chain's links."""
    runs, current = [], ""
    pending: list[cst.BaseExpression] = [chain]
    while pending:
        node = pending.pop()
        if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
            joined.add(id(node))
            pending.extend((node.right, node.left))
            continue
        text = string_value(node)
        if text is not None:
            current += text
        elif current:
            runs.append(current)
            current = ""
    return [*runs, current] if current else runs


def _walked_statements(function: cst.FunctionDef) -> tuple[cst.CSTNode, ...] | None:
    found: list[cst.CSTNode] = []
    pending = suite_statements(function.body)
    while pending:
        statement = pending.pop()
        kind = type(statement)
        if kind is cst.Import or kind is cst.ImportFrom:
            return None
        if kind is cst.FunctionDef or kind is cst.ClassDef:
            continue
        found.append(statement)
        if kind in _COMPOUND_TYPES:
            pending.extend(_blocks_of(statement))
    return tuple(found)


def _blocks_of(statement: cst.CSTNode) -> list[cst.CSTNode]:
    """The statements of every block of a compound statement (its `else` and `elif` branches too)."""
    inner: list[cst.CSTNode] = []
    for name in ("body", "orelse", "finalbody"):
        block = getattr(statement, name, None)
        if type(block) is cst.If:
            inner.append(block)
        elif block is not None:
            inner.extend(suite_statements(block.body if type(block) in _ELSE_TYPES else block))
    for handler in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
        inner.extend(suite_statements(handler.body))
    return inner


_ELSE_TYPES = frozenset({cst.Else, cst.Finally})


def _calls_in(statement: cst.CSTNode) -> tuple[cst.Call, ...]:
    return tuple(inner for root in scan_roots(statement) for inner in iter_expressions(root) if type(inner) is cst.Call)


def _walruses_in(statement: cst.CSTNode) -> tuple[cst.NamedExpr, ...]:
    return tuple(inner for root in scan_roots(statement) for inner in iter_expressions(root)
                 if type(inner) is cst.NamedExpr)


def scan_roots(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The expressions a statement evaluates itself: a compound statement's header, a small statement whole."""
    if type(node) not in _HEADER_TYPES:
        return [node]
    if type(node) is cst.If or type(node) is cst.While:
        return [node.test]  # type: ignore[attr-defined]
    if type(node) is cst.For:
        return [node.iter]
    if type(node) is cst.With:
        return [item.item for item in node.items]
    if type(node) is cst.Match:
        return [node.subject]
    return [node]


_BINARY_FOR_AUGMENTED: dict[type, type] = {cst.AddAssign: cst.Add, cst.ModuloAssign: cst.Modulo,
                                            cst.MultiplyAssign: cst.Multiply, cst.BitOrAssign: cst.BitOr}

Visitor = Callable[[cst.CSTNode, FlowState], None]


class Lane:
    """One rule's walk through a block: its state, what it does at each statement, and the error that stopped it.

    Several rules walk a function together, lane by lane at each statement (`walk_lanes`): the statements are
    split, and the branches and loops found, once for all of them. A lane whose rule fails stops there; the others
    go on, as the engine lets the other rules go on when one crashes.
    """

    __slots__ = ("rule", "state", "visit", "failure")

    def __init__(self, state: FlowState, visit: Visitor, rule: Any = None) -> None:
        self.rule = rule
        self.state = state
        self.visit = visit
        self.failure: BaseException | None = None


def walk_block(statements: list[cst.CSTNode], state: FlowState, on_statement: Visitor) -> None:
    """Walk statements in source order: call `on_statement` on each, then apply its bindings."""
    lane = Lane(state, on_statement)
    walk_lanes(statements, [lane])
    if lane.failure is not None:
        raise lane.failure


def walk_lanes(statements: list[cst.CSTNode], lanes: list[Lane]) -> None:
    """`walk_block` for several states at once: each lane sees each statement, then applies its bindings."""
    for statement in statements:
        _walk_statement(statement, lanes)


def _each(lanes: list[Lane], step: Callable[[FlowState], Any]) -> list[Any]:
    """`step(state)` for each live lane, in order (None for a stopped lane); a step that fails stops its lane."""
    results: list[Any] = []
    for lane in lanes:
        result = None
        if lane.failure is None:
            try:
                result = step(lane.state)
            except MemoryError:
                raise
            except RULE_FAILURES as exc:
                lane.failure = exc
        results.append(result)
    return results


def _walruses_of(node: cst.CSTNode, lanes: list[Lane]) -> tuple[cst.NamedExpr, ...]:
    """The walrus bindings a statement makes itself, once for all lanes (none in a file without `:=`: the lanes walk
    the same file, so the first one's state tells)."""
    if not lanes or not lanes[0].state.has_walrus:
        return ()
    entry = _WALRUSES.get(id(node))  # `remembered`, inlined: asked for every statement of every flow rule
    if entry is None or entry[0] is not node:
        entry = _WALRUSES[id(node)] = (node, _walruses_in(node))
    return entry[1]


def _walk_statement(statement: cst.CSTNode, lanes: list[Lane]) -> None:
    kind = type(statement)
    if kind is cst.FunctionDef or kind is cst.ClassDef:
        return
    if type(statement) is cst.Import or type(statement) is cst.ImportFrom:
        for lane in lanes:  # a function-level import, met before the engine's walk reaches it
            lane.state.imports.add(statement)
        return
    compound = kind in _COMPOUND_TYPES
    walruses = _walruses_of(statement, lanes)
    for lane in lanes:
        if lane.failure is not None:
            continue
        state = lane.state
        try:
            for walrus in walruses:
                state.bind(walrus.target, state.taint_of(walrus.value), walrus.value)
            lane.visit(statement, state)
            if not compound:
                _bind_small_statement(statement, state)
        except MemoryError:
            raise
        except RULE_FAILURES as exc:
            lane.failure = exc
    if compound:
        _walk_compound(statement, lanes)


def _bind_small_statement(statement: cst.CSTNode, state: FlowState) -> None:
    """Apply what a simple statement binds (or, for `assert`, checks)."""
    if type(statement) is cst.Assign:
        taint = state.taint_of(statement.value)
        for target in statement.targets:
            if type(target.target) is cst.Subscript:
                state.store(target.target.value, taint)
                if state.allowlisted_keys and not _literal_key(target.target):
                    state.allowlisted_keys.discard(dotted_name(target.target.value) or "")
            else:
                state.bind(target.target, taint, statement.value)
    elif type(statement) is cst.Expr and type(statement.value) is cst.Call:
        func = statement.value.func
        if type(func) is cst.Attribute and func.attr.value in STORING_METHODS:
            state.store(func.value, state._first(a.value for a in statement.value.args))
        elif names_raising_validator(callee_tail(func) or ""):
            state.clear_checked(statement.value)
    elif type(statement) is cst.AnnAssign:
        if statement.value is not None:
            state.bind(statement.target, state.taint_of(statement.value), statement.value)
    elif type(statement) is cst.AugAssign:
        combined = cst.BinaryOperation(left=statement.target, operator=_BINARY_FOR_AUGMENTED.get(
            type(statement.operator), cst.Add)(), right=statement.value)
        state.bind(statement.target, state.taint_of(combined), combined)
    elif type(statement) is cst.Assert:
        state.clear_checked(statement.test)


def _walk_compound(statement: cst.CSTNode, lanes: list[Lane]) -> None:
    """Walk a compound statement's blocks, with each lane's bindings of its header."""
    if type(statement) is cst.If:
        _walk_if(statement, lanes)
    elif type(statement) is cst.While:
        _each(lanes, lambda state: state.clear_checked(statement.test))
        _walk_loop_body(suite_statements(statement.body), lanes)
    elif type(statement) is cst.For:
        _each(lanes, lambda state: state.bind(statement.target, state.taint_of(statement.iter), statement.iter))
        _walk_loop_body(suite_statements(statement.body), lanes)
    elif type(statement) is cst.With:
        _each(lanes, lambda state: _bind_with_items(statement, state))
        walk_lanes(suite_statements(statement.body), lanes)
    elif type(statement) is cst.Try or type(statement) is cst.TryStar:
        _walk_try(statement, lanes)
    elif type(statement) is cst.Match:
        for case in statement.cases:
            walk_lanes(suite_statements(case.body), lanes)


def _walk_try(statement: cst.Try | cst.TryStar, lanes: list[Lane]) -> None:
    """The body, then its `else` (which runs only when the body raised nothing); each handler starts from what the body
    left, and after the statement a name is tainted if the body or a handler that falls through left it tainted:
    `try: data = json.loads(reply)` then `except ValueError: data = {}` may hold either. A block that returns or
    raises leaves nothing behind."""
    body = suite_statements(statement.body)
    walk_lanes(body, lanes)
    if statement.orelse is not None:
        orelse = suite_statements(statement.orelse.body)
        walk_lanes(orelse, lanes)
        body = [*body, *orelse]
    after_body = _each(lanes, FlowState.snapshot)
    handled: list[list[Snapshot | None]] = []
    for handler in statement.handlers:
        _restore(lanes, _copies(after_body))
        if handler.name is not None:
            _each(lanes, functools.partial(_bind_caught, handler))
        handler_body = suite_statements(handler.body)
        walk_lanes(handler_body, lanes)
        if not _leaves_block(handler_body):
            handled.append(_each(lanes, FlowState.snapshot))
    if _leaves_block(body) and handled:
        _restore(lanes, handled.pop(0))
    else:
        _restore(lanes, after_body)
    for saved in handled:
        for lane, snapshot in zip(lanes, saved, strict=True):
            if lane.failure is None and snapshot is not None:
                lane.state.merge(snapshot)
    if statement.finalbody is not None:
        walk_lanes(suite_statements(statement.finalbody.body), lanes)


def _copies(saved: list[Snapshot | None]) -> list[Snapshot | None]:
    """Fresh copies of the lanes' snapshots, for a snapshot put in place more than once (`_restore` hands its dicts
    to the state, which goes on changing them)."""
    return [(dict(snapshot[0]), dict(snapshot[1])) if snapshot is not None else None for snapshot in saved]


def _bind_caught(handler: cst.ExceptHandler | cst.ExceptStarHandler, state: FlowState) -> None:
    """`except ... as name` binds what the rule's `caught` says the exception holds (for the rules that follow one)."""
    if state.caught is not None and handler.name is not None:
        state.bind(handler.name.name, state.caught(handler, state))


def _bind_with_items(statement: cst.With, state: FlowState) -> None:
    for item in statement.items:
        if item.asname is not None:
            state.bind(item.asname.name, state.taint_of(item.item))


def check_polarity(test: cst.BaseExpression) -> bool | None:
    """Which branch of an `if` a check holds in: True for the body (`x in ALLOWED`, `is_safe(x)`, joined by `and`),
    False for the `else` and what follows a body that leaves (`x not in ALLOWED`, `not is_safe(x)`, joined by `or`);
    None when it cannot be told (`a in A or b in B`, `len(x) < 10`): then both branches count as checked."""
    found = _polarity(test)
    return True if found == HOLDS_IN_BODY else False if found == HOLDS_IN_ELSE else None


def _polarity(test: cst.BaseExpression) -> str:
    kind = type(test)
    if kind is cst.UnaryOperation and type(test.operator) is cst.Not:  # type: ignore[attr-defined]
        inner = _polarity(test.expression)  # type: ignore[attr-defined]
        return {HOLDS_IN_BODY: HOLDS_IN_ELSE, HOLDS_IN_ELSE: HOLDS_IN_BODY}.get(inner, inner)
    if kind is cst.Comparison:
        operators = {type(c.operator) for c in test.comparisons}  # type: ignore[attr-defined]
        return HOLDS_IN_BODY if operators <= POSITIVE_CHECKS else HOLDS_IN_ELSE if operators <= NEGATIVE_CHECKS \
            else UNKNOWN
    if kind is cst.Call:
        return HOLDS_IN_BODY
    if kind is cst.BooleanOperation:
        parts = {_polarity(test.left), _polarity(test.right)} - {NEUTRAL}  # type: ignore[attr-defined]
        wanted = HOLDS_IN_BODY if type(test.operator) is cst.And else HOLDS_IN_ELSE  # type: ignore[attr-defined]
        return wanted if parts == {wanted} else UNKNOWN
    return NEUTRAL if kind in (cst.Name, cst.Attribute, cst.Subscript) else UNKNOWN


def _walk_if(statement: cst.If, lanes: list[Lane]) -> None:
    """Each branch starts from what held before the `if`, less what the test checks in the branch where the check
    holds (`check_polarity`); after it, a name is tainted if a branch that falls through left it tainted (a branch
    that returns or raises leaves nothing behind)."""
    polarity = check_polarity(statement.test)

    def checked_then_saved(state: FlowState) -> tuple[Snapshot, Snapshot]:
        unchecked = state.snapshot()
        if not state.clear_checked(statement.test):
            return unchecked, unchecked  # nothing forgotten (most tests): one copy stands for both branches
        return state.snapshot(), unchecked

    pairs = _each(lanes, checked_then_saved)
    checked = [pair[0] if pair is not None else None for pair in pairs]
    unchecked = [pair[1] if pair is not None else None for pair in pairs]
    if polarity is False:  # `if x not in ALLOWED:`: the body runs for what the check refused (a shared copy is
        # never put in place: the state already holds what it holds, and the copy must stay as it is for the `else`)
        _restore(lanes, [pair[1] if pair is not None and pair[0] is not pair[1] else None for pair in pairs])
    body = suite_statements(statement.body)
    walk_lanes(body, lanes)
    after_body = None if _leaves_block(body) else _each(lanes, FlowState.snapshot)
    _restore(lanes, unchecked if polarity is True else checked)
    if type(statement.orelse) is cst.If:
        _walk_statement(statement.orelse, lanes)
    elif statement.orelse is not None:
        orelse = suite_statements(statement.orelse.body)
        walk_lanes(orelse, lanes)
        if after_body is not None and _leaves_block(orelse):
            _restore(lanes, after_body)
            return
    if after_body is not None:
        for lane, saved in zip(lanes, after_body, strict=True):
            if lane.failure is None and saved is not None:
                lane.state.merge(saved)


def _restore(lanes: list[Lane], saved: list[Snapshot | None]) -> None:
    for lane, snapshot in zip(lanes, saved, strict=True):
        if lane.failure is None and snapshot is not None:
            lane.state.names, lane.state.constants = snapshot


# Calls after which a block does not fall through to the next statement.
EXITING_CALLS = frozenset({"abort", "sys.exit", "exit", "flask.abort", "os._exit"})


def _leaves_block(statements: list[cst.CSTNode]) -> bool:
    """The block ends in `return`, `raise`, `continue`, `break` or `abort()`: its bindings never reach what follows."""
    if not statements:
        return False
    last = statements[-1]
    if type(last) in _EXITING_STATEMENTS:
        return True
    if type(last) is cst.Expr and type(last.value) is cst.Call:
        name = dotted_name(last.value.func)
        return name in EXITING_CALLS
    return False


def _ignore_statement(node: cst.CSTNode, state: FlowState) -> None:
    """The visitor of a loop's first pass, which only applies bindings."""


# Statements whose walk binds nothing (unless a walrus sits in them or the call stores into a container).
_NON_BINDING_STATEMENTS = frozenset({cst.Expr, cst.Return, cst.Raise, cst.Pass, cst.Continue, cst.Break, cst.Del,
                                     cst.Global, cst.Nonlocal})


def _binds_nothing(statements: list[cst.CSTNode], has_walrus: bool) -> bool:
    """A loop body whose first pass would leave the state as it found it (`for x in xs: self.emit(x)`)."""
    for statement in statements:
        if type(statement) not in _NON_BINDING_STATEMENTS:
            return False
        if type(statement) is cst.Expr and type(statement.value) is cst.Call and type(statement.value.func) is cst.Attribute \
                and statement.value.func.attr.value in STORING_METHODS:
            return False
        if has_walrus and remembered(_WALRUSES, statement, _walruses_in):
            return False
    return True


def _walk_loop_body(statements: list[cst.CSTNode], lanes: list[Lane]) -> None:
    """Walk a loop body twice: the first pass (silent, at most two loops deep) carries taint from a later
    iteration's assignment to an earlier use; the loop may also not run, so what held before still holds.
    A body that binds nothing skips the first pass, which would change nothing. (The lanes walk the same
    statements, so their loop depths agree.)"""
    live = [lane for lane in lanes if lane.failure is None]
    if not live:
        return
    before = _each(lanes, FlowState.snapshot)
    first = live[0].state
    if first.loop_depth < 2 and not _binds_nothing(statements, first.has_walrus):
        quiet = [Lane(lane.state, _ignore_statement) for lane in live]
        for lane in live:
            lane.state.loop_depth += 1
        walk_lanes(statements, quiet)
        for lane, silent in zip(live, quiet, strict=True):
            lane.failure = silent.failure
        _merge(lanes, before)
        for lane in live:
            lane.state.loop_depth -= 1
    walk_lanes(statements, lanes)
    _merge(lanes, before)


def _merge(lanes: list[Lane], saved: list[Snapshot | None]) -> None:
    for lane, snapshot in zip(lanes, saved, strict=True):
        if lane.failure is None and snapshot is not None:
            lane.state.merge(snapshot)


def is_route_handler(function: cst.FunctionDef) -> bool:
    """Decorated like a web route: `@app.route`, `@router.get(...)`, `@bp.post(...)`, `@api_view`, and the bare
    verbs Litestar and Bottle import (`@get("/notes/{note_id:int}")`, `@post(path="/notes")`) or FastHTML's `@rt("/x")`
    given a path."""
    for decorator in function.decorators:
        expression = decorator.decorator
        call = expression if type(expression) is cst.Call else None
        if call is not None:
            expression = call.func
        if type(expression) is cst.Attribute and expression.attr.value in ROUTE_DECORATOR_METHODS \
                and dotted_name(expression.value) not in NON_ROUTE_RECEIVERS:
            return True
        if type(expression) is cst.Name and expression.value in ("api_view", "route"):
            return True
        if call is not None and ((type(expression) is cst.Attribute and expression.attr.value in PATHLESS_ROUTE_DECORATORS)
                                 or (type(expression) is cst.Name and expression.value in PATHLESS_ROUTE_DECORATORS)):
            return True
        if type(expression) is cst.Name and expression.value in BARE_ROUTE_DECORATORS and call is not None \
                and _names_a_path(call):
            return True
        if type(expression) is cst.Name and expression.value == METHOD_FIRST_DECORATOR and call is not None \
                and len(call.args) >= 2 and _names_a_path(cst.Call(func=expression, args=call.args[1:])):
            return True  # Nameko's `@http("POST", "/payouts")`, its methods before its path
    return False


def _names_a_path(call: cst.Call) -> bool:
    """`get("/notes")`, `post(path="/notes")`: the first argument or `path=` is a literal URL path."""
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value == "path":
            text = string_value(arg.value)
            return text is not None and text.startswith("/")
    return False


def _may_be_capture(parameter: cst.Param) -> bool:
    """Whether a Django view's parameter can hold a URL capture: unannotated, or typed as a converter's value."""
    annotations = _annotation_names(parameter)
    return not annotations or bool(annotations & CAPTURE_TYPES)


def _annotation_names(parameter: cst.Param) -> set[str]:
    if parameter.annotation is None:
        return set()
    return {n for n in (dotted_name(e) for e in iter_expressions(parameter.annotation.annotation)) if n}


# Modules that hold FastAPI's dependencies by convention (`app/api/deps.py`): a name imported from one
# (`admin: AdminUser`, `db: DB`) is an `Annotated[..., Depends(...)]` alias or a dependency, not a body model.
DEPENDENCY_MODULES = frozenset({"deps", "dependencies", "dependency"})
# Modules that hold the caller's dependencies as often (`app/auth.py`: `CurrentUser = Annotated[User,
# Depends(...)]`, `Admin`, `Me`), beside the request bodies of signing in, which their names say (`LoginRequest`,
# `TokenIn`, `SignupForm`, `PasswordResetPayload`).
AUTH_MODULES = frozenset({"auth", "security", "authentication"})
BODY_MODEL_WORDS = frozenset({"request", "in", "create", "update", "form", "body", "payload", "schema", "data", "input",
                              "credentials", "login", "signup", "register", "registration", "params", "query", "reset"})
_CAP_WORD = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def _is_injected(parameter: cst.Param, imports: ImportTable) -> bool:
    default = parameter.default
    if type(default) is cst.Call and (dotted_name(default.func) or "").rsplit(".", 1)[-1] in ("Depends", "Security"):
        return True
    names = _annotation_names(parameter)
    return any(name.rsplit(".", 1)[-1] in ("Depends", "Security") or _from_dependency_module(name, imports)
               for name in names)


def _from_dependency_module(name: str, imports: ImportTable) -> bool:
    """`AdminUser` imported from `..deps`, `deps.CurrentUser` with `from . import deps`; `Admin` or `Me` from `.auth`,
    not `LoginRequest` from it."""
    module, _, imported = _resolve(name, imports).rpartition(".")
    last = module.rpartition(".")[2]
    if last in DEPENDENCY_MODULES:
        return True
    return last in AUTH_MODULES and not module.startswith(("fastapi", "starlette")) and not BODY_MODEL_WORDS.intersection(
        word.lower() for word in _CAP_WORD.findall(imported))


def injected_parameters(function: cst.FunctionDef, imports: ImportTable, module: cst.Module) -> frozenset[str]:
    """The parameters FastAPI injects (`me: User = Depends(current_user)`, `user: CurrentUser`): the server's
    objects, such as the signed-in caller, not the client's input."""
    aliases = dependency_aliases(module)
    found = set()
    for param in (*function.params.posonly_params, *function.params.params, *function.params.kwonly_params):
        names = {n.rsplit(".", 1)[-1] for n in _annotation_names(param)}
        if _is_injected(param, imports) or names & aliases or any(DEPENDENCY_ALIAS.search(n) for n in names):
            found.add(param.name.value)
    return frozenset(found)


def _resolve(dotted: str, imports: ImportTable) -> str:
    head, _, rest = dotted.partition(".")
    resolved = imports.aliases.get(head, head)
    return f"{resolved}.{rest}" if rest else resolved


def _scalar_route_captures(function: cst.FunctionDef) -> set[str]:
    """Names captured by typed Flask/Werkzeug converters in the route path: `<int:user_id>`, `<uuid:token>`, and by
    Bottle's filters: `<user_id:int>`."""
    names: set[str] = set()
    for decorator in function.decorators:
        expression = decorator.decorator
        if type(expression) is cst.Call and expression.args:
            path = string_value(expression.args[0].value)
            if path:
                names.update(SCALAR_CONVERTER.findall(path), SCALAR_FILTER.findall(path))
    return names


def request_parameters(function: cst.FunctionDef, imports: ImportTable, *, scalars: bool = False,
                       called_here: bool = False, handler_method: bool = False,
                       aliases: frozenset[str] = frozenset(), handlers: frozenset[str] = frozenset()
                       ) -> tuple[set[str], set[str], set[str]]:
    """(request-object parameters, parameters holding client input, parameters that are not web requests): the
    `parameter_roles` of the function with or without numbers as input (`scalars`)."""
    return parameter_roles(function, imports, called_here=called_here, handler_method=handler_method, aliases=aliases,
                           handlers=handlers)[scalars]


def parameter_roles(function: cst.FunctionDef, imports: ImportTable, *, called_here: bool = False,
                    handler_method: bool = False, aliases: frozenset[str] = frozenset(),
                    handlers: frozenset[str] = frozenset()) -> dict[bool, tuple[set[str], set[str], set[str]]]:
    """(request-object parameters, parameters holding client input, parameters that are not web requests), by
    whether numbers count as input, in one reading of the signature (the flow rules ask both).

    Route handlers (`@app.route`, FastAPI/Starlette `@router.get`) take client input in every parameter
    except injected dependencies and framework objects; a Django view's parameters after `request` are URL
    captures, unless its own module calls it (`called_here`): URLconfs name views, code that calls
    `render_page(request, page)` passes its own objects to a helper. A parameter named `request` is a web
    request only in a module that uses a web framework, in a route, or where the function reads fields only a
    server's request has (`request.GET`, `request.args`); HTTP client libraries call their outgoing requests
    `request` too. Numbers, booleans and UUIDs (`user_id: int`, `<int:user_id>`) cannot
    carry a path or a URL: they count only with `scalars`. A method of a Tornado handler class (`handler_method`)
    named for an HTTP verb takes the groups its URL pattern captured (`def get(self, slug)`), and so does a Falcon
    resource's responder after `req` and `resp` (`def on_get(self, req, resp, name)`). A parameter typed
    with a dependency alias (`session: SessionDep`, `user: CurrentUser`: one of the module's `aliases`, bound to
    `Annotated[..., Depends(...)]`, or one named as such aliases are, imported from another module) is injected.
    A parameter FastAPI fills from the request (`x_role: str = Header()`, `Annotated[str, Query()]`) is input in any
    function, a dependency too. An MCP tool's parameters, and those of the functions named in `handlers` (a Gradio
    app's event handlers), are input too; a tool decorator of an object named in `handlers` (not a tool server) is
    not an MCP tool's.
    """
    typed_in_path = _scalar_route_captures(function)
    params = [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]
    request_objects: set[str] = set()
    inputs: set[str] = set()  # with numbers
    plain: set[str] = set()  # without them
    shadowed: set[str] = set()
    route = is_route_handler(function)
    web = route or module_uses_web_framework(imports)
    for index, param in enumerate(params):
        name = param.name.value
        annotations = _annotation_names(param)
        # `from starlette.requests import Request as StarletteRequest`: the imported name counts, not the alias
        spelled = {a: _resolve(a, imports) for a in annotations}
        last_names = {n.rsplit(".", 1)[-1] for pair in spelled.items() for n in pair}
        if last_names & REQUEST_TYPE_NAMES:
            resolved = {r for a, r in spelled.items()
                        if a.rsplit(".", 1)[-1] in REQUEST_TYPE_NAMES or r.rsplit(".", 1)[-1] in REQUEST_TYPE_NAMES}
            if any(r.startswith(WEB_FRAMEWORKS) for r in resolved) or (web and resolved & REQUEST_TYPE_NAMES):
                request_objects.add(name)
            else:
                shadowed.add(name)
            continue
        if name == "self" and index == 0:
            continue
        if route and not annotations and name in FASTHTML_SERVER_PARAMETERS and imports.imports_any(FASTHTML_MODULES):
            if name in ("request", "req"):
                request_objects.add(name)
            continue
        if name in ("request", "req"):
            if not annotations and (web or _reads_server_request_fields(function, name)):
                request_objects.add(name)
                continue
            shadowed.add(name)
            if not annotations:
                continue
            # `req: PreviewRequest` in a route is the client's payload under a request-like name
        scalar = bool(last_names & SCALAR_TYPES) or name in typed_in_path
        injected = _is_injected(param, imports) or bool(last_names & aliases) \
            or any(DEPENDENCY_ALIAS.search(n) for n in last_names) \
            or (name in RESOURCE_PARAMETERS and bool(last_names) and not last_names & (CLIENT_VALUE_TYPES | SCALAR_TYPES))
        if (route and not injected and not last_names & NON_INPUT_PARAMETER_TYPES) or (
                not route and reads_the_request(param, imports)):  # a FastAPI dependency's `x_role: str = Header()`
            inputs.add(name)
            if not scalar:
                plain.add(name)
    names = [p.name.value for p in params]
    both = (inputs, plain)
    _add_to(both, _payload_parameters(function, names, imports))
    shadowed_plain = shadowed
    if not route:
        tools = _tool_parameters(function, params, imports, True, handlers)
        _add_to(both, tools, _tool_parameters(function, params, imports, False, handlers) if tools else tools)
        resolved = resolver_parameters(function, imports, scalars=True)
        resolved_plain = resolver_parameters(function, imports) if resolved else resolved
        _add_to(both, resolved, resolved_plain)
        shadowed, shadowed_plain = shadowed - resolved, shadowed - resolved_plain
        request_objects.update(_resolver_requests(function, names, imports))
    django_view = not route and "request" in request_objects and module_uses_django(imports)
    if django_view and not called_here and not _is_view_helper(function, names) and (
            names[0] == "request" or (function.name.value in HTTP_METHOD_NAMES and names[0] == "self")):
        _add_to(both, {param.name.value for param in params[names.index("request") + 1:] if _may_be_capture(param)})
    if handler_method and names[:1] == ["self"] and function.name.value in HTTP_METHOD_NAMES:
        _add_to(both, set(names[1:]))
    if names[:1] == ["self"] and FALCON_RESPONDER.match(function.name.value) and imports.imports_any(("falcon",)):
        _add_to(both, set(names[FALCON_FIXED_PARAMETERS:]))
    _add_to(both, cherrypy_parameters(function, imports))  # an exposed method of CherryPy's object tree
    return {True: (request_objects, inputs, shadowed), False: (set(request_objects), plain, shadowed_plain)}


def _add_to(both: tuple[set[str], set[str]], found: set[str], found_plain: set[str] | None = None) -> None:
    """Add parameters found as input to both answers of `parameter_roles` (`found_plain`: those without numbers)."""
    both[0].update(found)
    both[1].update(found if found_plain is None else found_plain)


# Fields only a web framework's incoming request has (Django's `GET`/`POST`/`FILES`, Flask's `args`/`form`/`get_json`,
# Starlette's `query_params`), never an HTTP client's outgoing request (`url`, `headers`, `body`, `data`).
# What a Django middleware hands the request on to (`return self.get_response(request)`).
MIDDLEWARE_NEXT = "get_response"
SERVER_REQUEST_FIELDS = frozenset({"GET", "POST", "FILES", "COOKIES", "META", "args", "form", "files", "values",
                                   "view_args", "get_json", "query_params", "path_params"})


def _reads_server_request_fields(function: cst.FunctionDef, name: str) -> bool:
    """Whether `function` reads `name.GET`, `name.args`...: a view whose module imports no framework (a
    `def handle(request)` pasted alone, or a helper of a Django project) still takes the client's request; or hands it
    on to `self.get_response(name)`, as a Django middleware's `__call__` does, whatever its module imports.
    (A plain walk: `libcst.matchers` costs a quarter of a second to import, in every worker and hook run.)"""
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        node = pending.pop()
        if type(node) is cst.Attribute and type(node.value) is cst.Name and node.value.value == name \
                and node.attr.value in SERVER_REQUEST_FIELDS:
            return True
        if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == MIDDLEWARE_NEXT \
                and dotted_name(node.func.value) == "self" and len(node.args) == 1 \
                and type(node.args[0].value) is cst.Name and node.args[0].value.value == name:
            return True
        pending.extend(child_nodes(node))
    return False


# FastAPI's markers of a parameter it fills from the request, in any function it calls (a dependency too).
REQUEST_PARAMETER_MARKERS = frozenset(f"fastapi.{name}" for name in ("Header", "Cookie", "Query", "Path", "Body",
                                                                     "Form", "File"))


def reads_the_request(parameter: cst.Param, imports: ImportTable) -> bool:
    """`x_role: str = Header()`, `tab: Annotated[str, Query()]`: FastAPI takes the value from the client's request."""
    markers = [parameter.default] if parameter.default is not None else []
    if parameter.annotation is not None:
        markers += [e for e in iter_expressions(parameter.annotation.annotation) if type(e) is cst.Call]
    return any(type(m) is cst.Call and _resolve(dotted_name(m.func) or "", imports) in REQUEST_PARAMETER_MARKERS
               for m in markers)


# Calls that run a function they are given, later or elsewhere, with the arguments that follow it: FastAPI's
# `tasks.add_task(f, *args)`, `executor.submit(f, *args)`, `asyncio.to_thread(f, *args)`, and where the function sits
# after another argument, `loop.run_in_executor(None, f, *args)`; RQ's `queue.enqueue(f, *args)` and its scheduled
# `enqueue_in(delay, f, *args)`, `enqueue_at(when, f, *args)`.
DISPATCHING_METHODS: dict[str, int] = {"add_task": 0, "submit": 0, "to_thread": 0, "run_in_executor": 1, "enqueue": 0,
                                       "enqueue_in": 1, "enqueue_at": 1}
# A Celery task's own methods queue a call of it: `send_webhook.delay(url)`.
QUEUEING_METHODS = frozenset({"delay"})
# LangChain runs a tool with its arguments in one dict: `run_diagnostic.invoke({"command": cmd})` calls
# `run_diagnostic(command=cmd)`.
TOOL_RUN_METHODS = frozenset({"invoke", "ainvoke", "run", "arun"})


def _dispatched_call(call: cst.Call) -> cst.Call | None:
    """The call a dispatcher makes (`tasks.add_task(send_webhook, url)` -> `send_webhook(url)`), built from the same
    argument nodes so that their taint carries over; `threading.Thread(target=f, args=(url,))` too. None otherwise."""
    func = call.func
    method = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
    if method in QUEUEING_METHODS and type(func) is cst.Attribute:
        return cst.Call(func=func.value, args=call.args)
    if method in TOOL_RUN_METHODS:
        return _tool_invocation(call)
    if method == "Thread":
        target = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "target"), None)
        listed = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == "args"), None)
        if target is None:
            return None
        elements = listed.elements if type(listed) is cst.Tuple or type(listed) is cst.List else ()
        return cst.Call(func=target, args=[cst.Arg(value=e.value) for e in elements])
    index = DISPATCHING_METHODS.get(method)
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if index is None or len(positional) <= index:
        return None
    rest = [a for a in call.args[call.args.index(positional[index]) + 1:]]
    made = cst.Call(func=positional[index].value, args=rest)
    # `asyncio.to_thread(run_diagnostic.invoke, {"command": cmd})`: the tool, with the arguments of its dict
    return _tool_invocation(made) or made if callee_tail(made.func) in TOOL_RUN_METHODS else made


def _tool_invocation(call: cst.Call) -> cst.Call | None:
    """`run_diagnostic.invoke({"command": cmd})` -> `run_diagnostic(command=cmd)`: a LangChain tool run with its
    arguments in one dict literal of names; None for anything else."""
    func = call.func
    if type(func) is not cst.Attribute or len(call.args) != 1 or call.args[0].keyword is not None \
            or type(call.args[0].value) is not cst.Dict:
        return None
    args = []
    for element in call.args[0].value.elements:
        key = string_value(element.key) if type(element) is cst.DictElement else None
        if key is None or not key.isidentifier():
            return None
        args.append(cst.Arg(value=element.value, keyword=cst.Name(key)))
    return cst.Call(func=func.value, args=args)


def _payload_parameters(function: cst.FunctionDef, names: list[str], imports: ImportTable) -> set[str]:
    """The parameters of an AWS Lambda handler (`event`) or a Slack/bolt listener (`body`, `event`, ...)."""
    if len(names) >= 2 and names[0] in LAMBDA_EVENT_NAMES and names[1] in LAMBDA_CONTEXT_NAMES:
        return {names[0]}
    if not imports.imports_any(EVENT_HANDLER_MODULES):  # (one remembered answer for most modules)
        return set()
    return _handler_payloads(function, imports) | _browser_event_parameters(function, names, imports) \
        | _consumer_message_parameters(function, names, imports)


def _consumer_message_parameters(function: cst.FunctionDef, names: list[str], imports: ImportTable) -> set[str]:
    """The frame a Django Channels consumer's `receive_json(self, content)` is handed (and `**kwargs` aside)."""
    if names[:1] != ["self"] or function.name.value not in CONSUMER_RECEIVERS \
            or not imports.imports_any((CONSUMER_MODULE,)):
        return set()
    return set(names[1:])


def _browser_event_parameters(function: cst.FunctionDef, names: list[str], imports: ImportTable) -> set[str]:
    """The parameters of a Socket.IO event handler or a Dash callback (`BROWSER_EVENT_HANDLERS`) but the server's."""
    for modules, decorators, server in BROWSER_EVENT_HANDLERS:
        if imports.imports_any(modules) and any(_decorator_name(d.decorator) in decorators for d in function.decorators):
            return set(names) - server
    return set()


def _decorator_name(expression: cst.BaseExpression) -> str | None:
    """`on` for `@socketio.on("join")`, `callback` for `@callback(...)` and `@app.callback(...)`."""
    if type(expression) is cst.Call:
        expression = expression.func
    if type(expression) is cst.Attribute:
        return expression.attr.value
    return expression.value if type(expression) is cst.Name else None


def _handler_payloads(function: cst.FunctionDef, imports: ImportTable) -> set[str]:
    """The parameters of a Slack/bolt listener that hold the event's payload (`body`, `event`, `command`, ...)."""
    for module, methods, parameters in PAYLOAD_HANDLERS:
        if imports.imports_any((module,)) and _decorated_with(function, methods):
            return {p.name.value for p in (*function.params.posonly_params, *function.params.params,
                                            *function.params.kwonly_params)} & parameters
    return set()


def _tool_parameters(function: cst.FunctionDef, params: list[cst.Param], imports: ImportTable, scalars: bool,
                     handlers: frozenset[str]) -> set[str]:
    """Every parameter of an MCP tool (`@mcp.tool()`) or a Gradio event handler, but the server's own context and,
    unless `scalars`, numbers and booleans; nothing for other functions (most: the import test answers first).
    A function registered by passing its name (in `handlers`) is not a method: a bare name cannot reach one, so
    `add_tool(self, tool)` calling `Tool.from_function(tool)` registers its argument, not the class's `def tool`."""
    by_name = function.name.value in handlers and not (
        function.params.params and function.params.params[0].name.value in METHOD_RECEIVERS)
    if not by_name and not any(
            imports.imports_any(modules) and _registered_on_server(function, methods, handlers)
            for modules, methods in TOOL_HANDLERS):
        return set()
    inputs = set()
    for param in params:
        types = {n.rsplit(".", 1)[-1] for n in _annotation_names(param)}
        if param.name.value not in TOOL_CONTEXT_NAMES and "Context" not in types and (scalars or not types & SCALAR_TYPES):
            inputs.add(param.name.value)
    return inputs - METHOD_RECEIVERS


def _resolver_requests(function: cst.FunctionDef, names: list[str], imports: ImportTable) -> set[str]:
    """The HTTP request a GraphQL resolver reaches through its resolve info: `info.context.request` (Strawberry's
    Ariadne's contexts carry it), and `info.context` itself in Graphene, whose Django view hands the request as context."""
    if "info" not in names or not imports.imports_any(GRAPHQL_MODULES):
        return set()
    if any(imports.qualified_name(d.decorator) in RESOLVER_DECORATORS for d in function.decorators):
        return {"info.context.request"}
    if imports.imports_any(("graphene",)) and GRAPHENE_RESOLVER.match(function.name.value):
        return {"info.context.request", "info.context"}
    return set()


def resolver_parameters(function: cst.FunctionDef, imports: ImportTable, *, scalars: bool = False) -> set[str]:
    """The arguments a GraphQL resolver, a NiceGUI page or event handler (`e: events.UploadEventArguments`) or a gRPC
    servicer method is called with (but numbers and booleans, unless `scalars`); nothing for other functions (most: the
    import tests answer first)."""
    params = [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]
    names = tuple(p.name.value for p in params)
    if names in GRPC_METHOD_PARAMETERS and imports.imports_any(("grpc",)):
        return {names[1]}
    if not imports.imports_any(RESOLVER_MODULES):
        return set()
    if any(imports.qualified_name(d.decorator) in RESOLVER_DECORATORS for d in function.decorators):
        chosen = [p for p in params if p.name.value not in RESOLVER_SERVER_PARAMETERS]
    elif any({n.rsplit(".", 1)[-1] for n in _annotation_names(p)} & UI_EVENT_TYPES for p in params):
        chosen = [p for p in params if {n.rsplit(".", 1)[-1] for n in _annotation_names(p)} & UI_EVENT_TYPES]
    elif "info" in names and ((imports.imports_any(("graphene",)) and GRAPHENE_RESOLVER.match(function.name.value))
                              or (imports.imports_any(("ariadne",)) and _decorated_with(function, frozenset({"field"})))):
        keywords = function.params.star_kwarg
        chosen = [*params[names.index("info") + 1:], *([keywords] if type(keywords) is cst.Param else [])]
    else:
        return set()
    inputs = set()
    for param in chosen:
        types = {n.rsplit(".", 1)[-1] for n in _annotation_names(param)}
        if not types & RESOLVER_SERVER_TYPES and (scalars or not types & SCALAR_TYPES):
            inputs.add(param.name.value)
    return inputs


def _registered_on_server(function: cst.FunctionDef, methods: frozenset[str], others: frozenset[str]) -> bool:
    """Decorated by a tool server's method (`@mcp.tool()`), not by the same method of another of the module's
    objects (`@agent.tool` of a pydantic-ai agent: the model calls that one)."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if type(expression) is cst.Call:
            expression = expression.func
        if type(expression) is cst.Attribute and expression.attr.value in methods and not (
                type(expression.value) is cst.Name and expression.value.value in others):
            return True
    return False


def ui_handlers(context: RuleContext) -> frozenset[str]:
    """The names of the functions a Gradio module binds to the browser's inputs, and in a module that imports a
    tool server, the functions it registers as tools by passing them (`mcp.add_tool(read_file)`) and its module-level
    objects that are not one (`agent = Agent(...)`); read once per file (kept in the context's `shared` answers)."""
    found: frozenset[str] | None = context.shared.get(ui_handlers)
    if found is None:
        imports = context.imports
        gradio = frozenset(GRADIO_HANDLER.findall(context.source)) if imports.imports_any(("gradio",)) else frozenset()
        others: frozenset[str] = frozenset()
        if any(imports.imports_any(modules) for modules, _ in TOOL_HANDLERS):
            others = frozenset(TOOL_REGISTRATION.findall(context.source)) | frozenset(
                name for name, made in _module_instances(context.module).items()
                if not _resolve(made, imports).startswith(TOOL_SERVER_MODULES))
        found = context.shared[ui_handlers] = gradio | others
    return found


def _decorated_with(function: cst.FunctionDef, methods: frozenset[str]) -> bool:
    for decorator in function.decorators:
        expression = decorator.decorator
        if type(expression) is cst.Call:
            expression = expression.func
        if type(expression) is cst.Attribute and expression.attr.value in methods:
            return True
    return False


# A function taking one of these is a middleware or decorator helper, not a view: its other parameters are ours.
NOT_VIEW_PARAMETERS = frozenset({"response", "exc", "exception", "get_response", "view_func", "callback"})


# A name called directly (`name(...)`, not `obj.name(...)`; a `def name(` counts too) and a function's definition.
# A name is called directly where it is followed by `(` (after spaces) and preceded by neither a name's character nor a
# dot; `def name(` is its definition (at a word start: `word_start_matches`).
CALL_AFTER_NAME = r"\s*\("
NAME_OR_DOT = lazy_pattern(r"[\w.]")
DEFINITION_OF = r"def\s+"


def _called_in_module(name: str, context: RuleContext) -> bool:
    """Whether the module calls a function of this name directly (`name(...)`, not `obj.name(...)`): more times than
    it defines one of that name (`def name(` also reads as a call). Once per name and file (kept in the context's
    `shared` answers)."""
    source = context.source
    if f"{name}(" not in source and f"{name} (" not in source:
        return False
    answers: dict[str, bool] = context.shared.setdefault(_called_in_module, {})
    found = answers.get(name)
    if found is None:
        # the name's own text searched (a literal start the regex engine skips to), not every word of the module:
        # a scan of all direct calls cost more than the flow rules' walk of some modules
        escaped = re.escape(name)
        calls = sum(1 for match in re.finditer(escaped + CALL_AFTER_NAME, source)
                    if match.start() == 0 or NAME_OR_DOT.match(source, match.start() - 1) is None)
        found = answers[name] = calls > sum(1 for _ in word_start_matches(re.compile(DEFINITION_OF + escaped
                                                                                     + CALL_AFTER_NAME), source))
    return found


def _is_view_helper(function: cst.FunctionDef, names: list[str]) -> bool:
    """A private function (`_post_process_request`) or one that takes a response or an exception."""
    return function.name.value.startswith("_") or not NOT_VIEW_PARAMETERS.isdisjoint(names)


def request_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client-controlled data: `request.args`, `request.get_json()`, `await request.json()`, `request.GET`, ...,
    Flask-RESTX's `ns.payload` and `parser.parse_args()`, what a Streamlit app's visitor types
    (`st.text_input(...)`, `st.query_params`), what a chat bot's user sends (`update.message.text`,
    `context.args`), what the trigger of an Airflow DAG run chose (`dag_run.conf`, `context["params"]`), and what a
    standard-library `http.server` handler reads of its request (`self.path`, `self.headers`, `self.rfile.read()`)."""
    if type(node) is cst.Name:  # (most questions, asked of every lane: never a source here)
        return None
    if type(node) is cst.Attribute:
        if node.attr.value in REQUEST_DATA_ATTRIBUTES and (
                state.is_request_object(node.value)
                or (node.attr.value == "query_params" and state.qualified_name(node) == "streamlit.query_params")):
            return Taint("request", short_code(node))
        if is_rest_payload(node, state.imports) or is_bot_input(node, state.imports) \
                or is_airflow_run_input(node, state.imports) or _is_http_server_input(node, state) \
                or _is_panel_input(node, state):
            return Taint("request", short_code(node))
        return None
    if type(node) is cst.Subscript:
        return Taint("request", short_code(node)) if is_airflow_run_input(node, state.imports) else None
    if type(node) is not cst.Call:
        return None
    if type(node.func) is cst.Attribute:
        method, receiver = node.func.attr.value, node.func.value
        if method in REQUEST_DATA_METHODS and state.is_request_object(receiver):
            named = method in KEYED_REQUEST_METHODS and bool(node.args)
            return Taint("request", short_code(node), string_value(node.args[0].value) if named else None)
        if method in STREAMLIT_INPUTS and (state.qualified_name(node) or "").startswith("streamlit."):
            return Taint("request", short_code(node.func) + "(...)")
        if method in HANDLER_INPUT_METHODS and type(receiver) is cst.Name and receiver.value == "self" \
                and (state.handler_class or state.imports.imports_any(("tornado",))):
            return HandlerRead("request", short_code(node), calls=(node,))
        if method in HTTP_SERVER_READS and state.handler_class and dotted_name(receiver) == HTTP_SERVER_BODY \
                and state.imports.imports_any(HTTP_SERVER_MODULES):
            return Taint("request", short_code(node))
        if method == "parse_args" and not any(arg.keyword is None for arg in node.args) \
                and state.imports.imports_any(REST_RESOURCE_MODULES) and not state.imports.imports_any(("argparse",)):
            return Taint("request", short_code(node))
    elif type(node.func) is cst.Name and node.func.value in STREAMLIT_INPUTS \
            and node.func.value not in state.names and (state.qualified_name(node) or "").startswith("streamlit."):
        return Taint("request", node.func.value + "(...)")
    return None


def _is_panel_input(node: cst.Attribute, state: FlowState) -> bool:
    """`where.value` of a Panel text or file widget the module bound (`where = pn.widgets.TextInput(...)`), and
    `pn.state.session_args`: what the visitor of a Panel app typed, uploaded or put in the URL."""
    attribute = node.attr.value
    if attribute not in PANEL_WIDGET_VALUES and attribute not in ("session_args", "headers", "cookies"):
        return False
    if not state.imports.imports_any(("panel",)):
        return False
    if attribute not in PANEL_WIDGET_VALUES:
        return state.qualified_name(node) in PANEL_SESSION_DATA
    made = instance_class(node.value, state) or ""
    return made.startswith("panel.") and made.rpartition(".")[2] in PANEL_TEXT_WIDGETS


def _is_http_server_input(node: cst.Attribute, state: FlowState) -> bool:
    """`self.path`, `self.headers` in a method of an `http.server` handler (`class H(BaseHTTPRequestHandler)`): the
    request line and headers the client sent."""
    return state.handler_class and node.attr.value in HTTP_SERVER_INPUTS and type(node.value) is cst.Name \
        and node.value.value == "self" and state.imports.imports_any(HTTP_SERVER_MODULES)


def is_airflow_run_input(node: cst.BaseExpression, imports: ImportTable) -> bool:
    """`dag_run.conf`, `context["dag_run"].conf`, `context["params"]`: what the trigger of an Airflow DAG run chose, in
    a module that imports Airflow."""
    if type(node) is cst.Attribute and node.attr.value == "conf":
        owner = node.value
        found = (type(owner) is cst.Name and owner.value == "dag_run") \
            or (type(owner) is cst.Subscript and _airflow_context_item(owner) == "dag_run")
    else:
        found = type(node) is cst.Subscript and _airflow_context_item(node) == "params"
    return found and imports.imports_any(("airflow",))


def _airflow_context_item(node: cst.Subscript) -> str | None:
    """`"dag_run"` for `context["dag_run"]` (or `kwargs[...]`, `get_current_context()[...]`): the key of a task
    context's item."""
    owner = node.value.func if type(node.value) is cst.Call else node.value
    if type(owner) is not cst.Name or owner.value not in AIRFLOW_CONTEXTS or len(node.slice) != 1:
        return None
    element = node.slice[0].slice
    return string_value(element.value) if type(element) is cst.Index else None


def is_bot_input(node: cst.Attribute, imports: ImportTable) -> bool:
    """`update.message.text`, `message.content`, `query.callback_query.data`, `context.args`: what a chat bot's user
    typed (`BOT_TEXT_FIELDS`), in a module that imports a bot library."""
    owner = node.value
    owner_name = owner.attr.value if type(owner) is cst.Attribute else owner.value if type(owner) is cst.Name else ""
    if node.attr.value not in BOT_TEXT_FIELDS.get(owner_name, ()) and (owner_name, node.attr.value) != BOT_CONTEXT_ARGUMENTS:
        return False
    return imports.imports_any(BOT_MODULES)


def is_rest_namespace(node: cst.BaseExpression, imports: ImportTable) -> bool:
    """`ns`, `api`, `self.api`, `orders_ns` in a module that uses Flask-RESTX (or RESTPlus, RESTful)."""
    return REST_PAYLOAD_RECEIVER.search(dotted_name(node) or "") is not None and imports.imports_any(REST_RESOURCE_MODULES)


def is_rest_payload(node: cst.BaseExpression, imports: ImportTable) -> bool:
    """`ns.payload`, `api.payload`, `self.api.payload`: the JSON body of a Flask-RESTX (or RESTPlus) request."""
    return type(node) is cst.Attribute and node.attr.value == "payload" and is_rest_namespace(node.value, imports)


def client_or_cli_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """Client input, and what a command-line program reads from its user: `sys.argv[1]`, `input()`, `sys.stdin`."""
    found = request_source(node, state)
    if found is not None:
        return found
    target = node.func if type(node) is cst.Call else node
    local = type(target) is cst.Name and target.value in state.names
    if type(target) in _NAME_TYPES and not local and state.qualified_name(target) in CLI_SOURCES:
        return Taint("request", short_code(node))
    return None


LOG_LEVELS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"})
LOGGER_NAME = lazy_pattern(r"^_*(log|logger|logging)$|_(log|logger)$", re.IGNORECASE)


def is_log_call(call: cst.Call, imports: ImportTable) -> bool:
    """`logging.info(...)`, `logger.warning(...)`, `app.logger.error(...)`, `self.log.debug(...)`."""
    func = call.func
    if type(func) is not cst.Attribute or func.attr.value not in LOG_LEVELS:
        return False
    name = imports.qualified_name(func) or ""
    if name.startswith("logging.") and name.count(".") == 1:
        return True
    receiver = dotted_name(func.value)
    return receiver is not None and bool(LOGGER_NAME.search(receiver.rsplit(".", 1)[-1]))


def module_uses_django(imports: ImportTable) -> bool:
    return imports.imports_any(("django", "rest_framework"))


def module_uses_web_framework(imports: ImportTable) -> bool:
    return imports.imports_any(WEB_FRAMEWORKS)


_WALRUS_SEEN: dict[int, tuple[str, bool]] = {}


def _source_has_walrus(source: str) -> bool:
    """Whether the file uses `:=` at all, computed once per file rather than once per function."""
    cached = _WALRUS_SEEN.get(id(source))
    if cached is None or cached[0] is not source:
        _WALRUS_SEEN.clear()
        cached = _WALRUS_SEEN[id(source)] = (source, ":=" in source)
    return cached[1]


def walk_functions_together(rules: list[FlowRule], function: cst.FunctionDef) -> None:
    """Walk a function once for all the file's flow rules, each in its lane (`walk_lanes`): the rules' states
    differ, the statements, branches and loops they step through do not. Raises `JointFailures` for the rules that
    failed, after the others have finished."""
    lanes: list[Lane] = []
    failures: list[tuple[Any, BaseException]] = []
    for rule in rules:
        try:
            if not rule.summarises and rule.skips(function):
                rule.__dict__.setdefault("_scope_instances", []).append({})  # (`leave_FunctionDef` pops one)
                rule.__dict__.setdefault("_scope_states", []).append(None)
                continue
            lanes.append(rule.begin_function(function))
        except MemoryError:
            raise
        except RULE_FAILURES as exc:
            failures.append((rule, exc))
    walk_lanes(suite_statements(function.body), lanes)
    for lane in lanes:
        if lane.failure is None:
            try:
                lane.rule.end_function(function, lane.state)
            except MemoryError:
                raise
            except RULE_FAILURES as exc:
                lane.failure = exc
        if lane.failure is not None:
            failures.append((lane.rule, lane.failure))
    if failures:
        raise JointFailures(failures)


class FlowRule(Rule):
    """A rule that walks each function (and the module's top level) once, in source order, with a `FlowState`.

    Subclasses implement `new_state()` and `check(node, state)`; `check` sees every small statement and
    compound-statement header before its bindings are applied. A file without any of its `file_hints` is not
    walked (the engine does not build the rule there).
    """

    # Whether the rule records per-function summaries for the inter-procedural join (VC417), and the taint
    # kinds that count as untrusted data for it.
    summarises: ClassVar[bool] = False
    # Whether the rule writes summaries for the join itself, outside the summarising walk (VC207: the helpers that
    # return unverified claims, and the conditions that trust what an imported function returns).
    records_summaries: ClassVar[bool] = False
    untrusted_kinds: ClassVar[frozenset[str]] = REQUEST_KINDS
    # Kinds of module-level objects whose calls answer untrusted data, and the kind of that answer (VC401: a model
    # client, `classify = dspy.Predict(Classify)`, answers model output): each such name is summarised as a function
    # returning it, for the modules that import and call it (`pred = classify(ticket=text)`).
    answering_kinds: ClassVar[dict[str, str]] = {}
    # The taint kinds a summary records: the untrusted kinds, parameters and call results (set per subclass).
    tracked_kinds: ClassVar[frozenset[str]] = REQUEST_KINDS | SUMMARISED_KINDS
    _classes: list[str]
    _recording: tuple[Taint, FlowState, str, list[str] | None] | None = None
    _statement: cst.CSTNode | None = None
    # The nodes the rule reported in the statement being summarised (most statements: none).
    _reported_here: tuple[cst.CSTNode, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.tracked_kinds = cls.untrusted_kinds | SUMMARISED_KINDS

    def new_state(self) -> FlowState:
        raise NotImplementedError

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        raise NotImplementedError

    # The call words (`call_words`) of every call where a summarising rule's `check` can report or record a sink, or
    # None. Where a function calls none of them, its lane runs `note` instead of `check` at each statement: 96-100 %
    # of the summarising lanes on Django meet no sink call, and their summaries must still be recorded. A rule with
    # a sink that is no call so named (a slice, an assignment, a returned page) keeps None, or names it otherwise.
    # A word may be a last part (`last_parts`), a function's whole resolved name or `receiver.method` (VC401).
    sink_words: ClassVar[frozenset[str] | None] = None

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """What `check` does that later statements' taints depend on, without its sink search (default: nothing):
        what a lane runs in a function that calls none of `sink_words`."""

    scalar_inputs_matter = False

    def skips(self, function: cst.FunctionDef) -> bool:
        """Whether the walk of this function cannot report or record anything for the rule (it holds none of the
        rule's sinks, say): its lane is then not walked. Not asked of a summarising rule, whose summaries record
        every function's parameters, calls and returns for the project phase."""
        return False

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        """Seed the state from the function's parameters (default: request objects and route inputs)."""
        cached = _PARAMETERS.get(id(function))
        if cached is None or cached[0] is not function:
            # (asked only of a Django view's signature: `parameter_roles` reads it for a `request` parameter)
            parameters = function.params
            called_here = any(p.name.value == "request" for p in (
                *parameters.posonly_params, *parameters.params, *parameters.kwonly_params)) and _called_in_module(
                function.name.value, self.context)
            roles = parameter_roles(
                function, self.context.imports, called_here=called_here,
                handler_method=self.in_handler_class() and self.context.imports.imports_any(("tornado",)),
                aliases=dependency_aliases(self.context.module), handlers=ui_handlers(self.context))
            # the inputs' taints are made once for every lane (a `Taint` is immutable)
            cached = _PARAMETERS[id(function)] = (function, {scalars: (
                objects, {name: Taint("request", name, key=name) for name in inputs}, shadowed)
                for scalars, (objects, inputs, shadowed) in roles.items()})
        objects, seeded, shadowed = cached[1][self.scalar_inputs_matter]
        reflex = self._in_reflex_state(function) - seeded.keys()
        if reflex:
            seeded = {**seeded, **{name: Taint("request", name, key=name) for name in reflex}}
        if seeded and self.context.imports.imports_any(PAYLOAD_MODULES):
            state.payloads = frozenset(_handler_payloads(function, self.context.imports))
        state.handler_class = self.in_handler_class()
        state.request_objects.update(objects)
        state.shadowed.update(shadowed)
        state.names.update(seeded)

    def _fresh_state(self, aliases: Aliases | None = None, expansions: Expansions | None = None) -> FlowState:
        """A new state of the file, whose calls through `aliases` (of the scope walked) resolve as the callables', and
        whose `seen_call` writes out the calls through `expansions`."""
        state = self.new_state()
        state.has_walrus, state.local_classes, state.module = self._file_tables()[:3]
        if aliases:
            state.preferred = self.sink_words or frozenset()
            state.qualified_name = aliased_resolver(state.qualified_name, aliases, state.preferred)
            state.aliases = aliases
        if expansions:
            state.expansions = expansions
        return state

    def _file_tables(self) -> tuple[bool, frozenset[str], cst.Module, frozenset[str], dict[str, str]]:
        """What every state of this file starts from: whether it uses `:=`, its classes, the module, its functions and
        module-level instances. Looked up once per rule and file, not once per lane (a lane per rule and function)."""
        tables = self.__dict__.get("_tables")
        if tables is None:
            module = self.context.module
            tables = self.__dict__["_tables"] = (_source_has_walrus(self.context.source), _module_classes(module),
                                                 module, module_functions(module), _module_instances(module))
        return tables

    @classmethod
    def skipped_by_hints(cls, context: RuleContext) -> None:
        if cls.summarises and cls.untrusted_kinds == REQUEST_KINDS:
            context.facts.setdefault(SUMMARY_FACT, {}).setdefault(SKIPPED_BY_HINTS, []).append(cls.code)

    def visit_Module(self, node: cst.Module) -> None:
        state = self._fresh_state(module_aliases(self.context), module_expansions(self.context))
        if not self.summarises:
            walk_block(_block_statements_of_module(node), state, self.check)
            return
        state.project_functions = module_functions(node)
        state.module_instances = _module_instances(node)
        summary = state.summary = FunctionSummary([])
        walk_block(_block_statements_of_module(node), state, self._check_and_summarise)
        summary.calls.extend(self.module_calls(state))
        if summary.sinks or summary.calls:
            self._add_summary(TOP_LEVEL, summary.as_fact())
        self._summarise_instances(node, state)
        self._summarise_answering_objects(state)

    def module_calls(self, state: FlowState) -> list[list[Any]]:
        """Calls the module's top level records beyond those its statements make: none, unless a rule knows a
        framework that calls a project function with its rule's untrusted data (VC401: a tool the model calls)."""
        return []

    def summarise_client_attributes(self, attributes: Iterable[tuple[str, str]]) -> None:
        """Record `Class.attribute~client` for each (class, attribute) bound to a client, for subclasses elsewhere."""
        for class_name, attribute in attributes:
            self._add_summary(f"{class_name}.{attribute}{CLIENT_ATTRIBUTE}",
                              {"parameters": [], "sinks": [], "returns": [], "calls": []})

    def inherited_attribute(self, receiver: cst.BaseExpression, state: FlowState) -> str | None:
        """For `self.api` in a method of a class whose bases are imported from the project, the callee naming the
        attribute as a base binds it (`import:app.base.Base.api~client|...`); None when the module may bind it."""
        if state.summary is None or state.class_name is None or type(receiver) is not cst.Attribute \
                or type(receiver.value) is not cst.Name or receiver.value.value != "self":
            return None
        attribute = receiver.attr.value
        if attribute in _bound_attributes(self.context.module):
            return None
        callee = _method_callee(self.context.module, self.context.imports, state.class_name,
                                attribute + CLIENT_ATTRIBUTE)
        return callee if callee.startswith("import:") else None

    def _summarise_instances(self, module: cst.Module, state: FlowState) -> None:
        """The module's top-level `service = Service()` bindings, as the summary `INSTANCES`: a module that imports
        `service` calls that class's methods (`from .deps import service; service.run(cmd)`)."""
        made = {name: reference for name, class_name in _module_instances(module).items()
                if (reference := state.class_reference(class_name)) is not None}
        if made:
            self._add_summary(INSTANCES, {"parameters": [], "sinks": [], "returns": [], "calls": [], "instances": made})

    def _summarise_answering_objects(self, state: FlowState) -> None:
        """The module's top-level objects whose calls answer untrusted data (`answering_kinds`), each as a function
        of no parameters returning it: `from .programs import classify; classify(ticket=t).sql` carries model output."""
        if not self.answering_kinds:
            return
        for name, taint in state.names.items():
            answers = self.answering_kinds.get(taint.kind)
            if answers is not None:
                self._add_summary(name, {"parameters": [], "sinks": [], "returns": [[answers, f"{name}(...)"]],
                                         "calls": []})

    @visited_together(walk_functions_together)
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        walk_functions_together([self], node)

    def begin_function(self, node: cst.FunctionDef) -> Lane:
        """The rule's lane through a function: its state seeded from the parameters, and its visitor."""
        state = self._fresh_state(function_aliases(node, self.context), function_expansions(node, self.context))
        # An app factory's or server builder's own objects (`wt = Tools(config)`) are the instances its nested handlers
        # call (`@mcp.tool() def read(path): return wt.read(path)`): the enclosing functions' bindings come first.
        scopes: list[dict[str, str]] = self.__dict__.setdefault("_scope_instances", [])
        for outer in scopes:
            state.instances.update(outer)
        scopes.append(state.instances)
        # A nested function (a generator streaming a file, a callback) reads the enclosing functions' client data
        # through the names it does not bind itself: `def generate(): with open(path, "rb") as fh: ...`. Only client
        # data: what else the enclosing function built (a query text) is judged where it was built.
        enclosing: list[FlowState | None] = self.__dict__.setdefault("_scope_states", [])
        if any(outer is not None and outer.names for outer in enclosing):
            local = remembered(_BOUND_LOCALLY, node, _bound_locally)
            state.names.update((name, taint) for outer in enclosing if outer is not None
                               for name, taint in outer.names.items()
                               if taint.kind == "request" and name.partition(".")[0] not in local)
        enclosing.append(state)  # (its `names` as the walk leaves them: a branch's merge may replace the dict)
        self.start_function(node, state)
        if not self.summarises:
            return Lane(state, self.check, self)
        classes = self.__dict__.setdefault("_classes", [])
        state.class_name = classes[-1] if classes else None
        state.project_functions, state.module_instances = self._file_tables()[3:]
        signature: _Signature = remembered(_SIGNATURES, node, _Signature)
        parameters = list(signature.positional)
        state.summary = FunctionSummary(parameters, rest=signature.rest)
        if not signature.route:
            # (the certain inputs are asked only of a function with a parameter seeded as input: most have none)
            guessed = [name for name in parameters if (held := state.names.get(name)) is not None
                       and held.kind == "request" and held.origin == name]
            if guessed:
                payload = self._certain_inputs(node, parameters)
                state.guessed_inputs = frozenset(name for name in guessed if name not in payload)
        names = state.names
        for name, taint in signature.seeded:
            if name not in names and name not in state.request_objects:
                names[name] = taint
        instances = state.instances
        for name, annotated, param in signature.declared:
            instances.pop(name, None)  # a parameter hides an enclosing function's object
            made = annotated or (_injected_factory(param, state) if type(param.default) is cst.Call else None)
            if made is not None:  # `repo: UserRepository = Depends(get_repo)`: its calls are that class's methods
                instances[name] = made
        if signature.returned is not None:
            state.summary.makes = state.class_reference(signature.returned) or ""
        return Lane(state, self._check_and_summarise if self.searches(node) else self._note_and_summarise, self)

    def searches(self, function: cst.FunctionDef) -> bool:
        """Whether a summarising lane through the function runs `check` (else `note`): unless the function's calls
        meet none of `sink_words`. Asked after `start_function`, so a rule may also look at what that set up."""
        words = self.sink_words
        if words is None:
            return True
        called = call_words(function, self.context.imports, function_aliases(function, self.context))
        return called is None or not words.isdisjoint(called) or not words.isdisjoint(
            expansion_words(function, self.context, called))

    def _certain_inputs(self, node: cst.FunctionDef, parameters: list[str]) -> frozenset[str]:
        """The parameters certainly input: a Lambda event, an MCP tool's arguments, a Gradio handler's inputs and what
        FastAPI fills from the request (`x_role: str = Header()`); once per function for all the summarising rules."""
        key = (id(node), self.scalar_inputs_matter)
        cached = _PAYLOADS.get(key)
        if cached is None or cached[0] is not node:
            imports = self.context.imports
            declared = [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]
            cached = _PAYLOADS[key] = (node, frozenset(_payload_parameters(node, parameters, imports) | {
                p.name.value for p in node.params.params if reads_the_request(p, imports)} | _tool_parameters(
                node, declared, imports, self.scalar_inputs_matter, ui_handlers(self.context))))
        return cached[1]

    def end_function(self, node: cst.FunctionDef, state: FlowState) -> None:
        """After the walk: record the function's summary, if it has anything to say."""
        summary = state.summary
        if summary is not None and (summary.sinks or summary.returns or summary.calls or summary.stores or summary.kept
                                    or summary.makes):
            key = f"{state.class_name}.{node.name.value}" if state.class_name else node.name.value
            self._add_summary(key, summary.as_fact())

    def _add_summary(self, key: str, fact: dict[str, Any]) -> None:
        """Record a function's summary; one equal to another flow rule's of the same function is that same object,
        so it crosses to the parent process once (pickle keeps shared objects shared): the flow rules mostly agree,
        and their summaries were most of the facts the parent held."""
        summaries = self.context.facts.setdefault(SUMMARY_FACT, {})
        for functions in summaries.values():
            other = functions.get(key) if type(functions) is dict else None
            if other == fact:
                fact = other
                break
        summaries.setdefault(self.code, {})[key] = fact

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        scopes: list[dict[str, str]] | None = self.__dict__.get("_scope_instances")
        if scopes:
            scopes.pop()
        enclosing: list[FlowState | None] | None = self.__dict__.get("_scope_states")
        if enclosing:
            enclosing.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.__dict__.setdefault("_classes", []).append(node.name.value)
        self.__dict__.setdefault("_handlers", []).append(_is_handler_class(node))
        states: set[str] = self.__dict__.setdefault("_reflex_state_names", set())
        reflex = any(self.context.imports.qualified_name(b.value) in REFLEX_STATES or dotted_name(b.value) in states
                     for b in node.bases)
        if reflex:
            states.add(node.name.value)
        self.__dict__.setdefault("_reflex_states", []).append(reflex)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.__dict__.setdefault("_classes", [None]).pop()
        self.__dict__.setdefault("_handlers", [False]).pop()
        self.__dict__.setdefault("_reflex_states", [False]).pop()

    def _in_reflex_state(self, function: cst.FunctionDef) -> set[str]:
        """The arguments of an event handler of a Reflex state class (its methods but private ones): the browser's."""
        states: list[bool] | None = self.__dict__.get("_reflex_states")
        if not states or not states[-1] or function.name.value.startswith("_"):
            return set()
        params = [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]
        return {p.name.value for p in params[1:]}

    @property
    def enclosing_classes(self) -> tuple[str, ...]:
        """The names of the classes around the code being walked, outermost first (none at a module's top level)."""
        return tuple(self.__dict__.get("_classes") or ())

    def in_handler_class(self) -> bool:
        """Whether the function being walked is a method of a class whose base is a `...Handler` (Tornado's
        `RequestHandler`, a project's `BaseHandler`): its `self.redirect()` and verb parameters are the framework's."""
        handlers: list[bool] | None = self.__dict__.get("_handlers")
        return bool(handlers and handlers[-1])

    def _check_and_summarise(self, node: cst.CSTNode, state: FlowState) -> None:
        """`check`, then what the project phase needs: returned taint and the arguments of project calls."""
        self._statement = node
        self._reported_here = ()
        self.check(node, state)
        self._summarise(node, state)

    def _note_and_summarise(self, node: cst.CSTNode, state: FlowState) -> None:
        """`_check_and_summarise` where the function calls none of the rule's sinks: `note` instead of `check`."""
        self._statement = node
        self._reported_here = ()
        self.note(node, state)
        self._summarise(node, state)

    def _summarise(self, node: cst.CSTNode, state: FlowState) -> None:
        """What the project phase needs of a statement: returned taint and the arguments of project calls."""
        summary = state.summary
        if summary is None:
            return
        entry = _SUMMARY_PLANS.get(id(node))  # `remembered`, inlined: every summarising lane asks of every statement
        if entry is None or entry[0] is not node:
            entry = _SUMMARY_PLANS[id(node)] = (node, _summary_plan(node))
        plan: _SummaryPlan | None = entry[1]
        if plan is None:
            return
        tracked = self.tracked_kinds
        if plan.yielded is not None and not summary.makes:  # a FastAPI dependency: `svc = Service(); yield svc`
            summary.makes = _made_object(plan.yielded, state)
        returned = plan.returned
        if returned is not None:
            if not summary.makes:
                summary.makes = _made_object(returned, state)
            taint = state.taint_of(returned)
            if taint is not None and taint.kind in tracked and not (taint.kind == PARAMETER and taint.origin.startswith("self.")):
                note = self.value_note(returned, taint, state)
                summary.returns.append([PARAMETER if taint.origin in state.guessed_inputs else taint.kind, taint.origin,
                                        *([note] if note else [])])
        if plan.attributes and state.class_name is not None:
            # `self.x = <parameter>`: the targets first, since most assignments of a method bind no attribute
            attributes = plan.attributes
            value = node.value  # type: ignore[attr-defined]  # (an `Assign`: only assignments have attributes)
            taint = state.taint_of(value)
            if taint is not None and taint.kind == PARAMETER and not taint.origin.startswith("self."):
                for attribute in attributes:
                    summary.stores.extend([attribute, parameter] for parameter in parameters_in(value, state, taint)
                                          if not parameter.startswith("self."))
            elif taint is not None and taint.kind in self.untrusted_kinds and taint.origin not in state.guessed_inputs:
                summary.kept.extend([attribute, taint.kind, taint.origin] for attribute in attributes)
        handed_on: set[int] | None = None
        for found, found_args, dispatched, dispatched_args in plan.passing:
            # `tasks.add_task(send_webhook, url)` runs `send_webhook(url)`
            callee = state.project_callee(dispatched) if dispatched is not None else None
            arguments = dispatched_args if callee is not None else found_args
            callee = callee or state.project_callee(found)
            if callee is None:
                continue
            for where, value in arguments:
                taint = state.taint_of(value)
                if taint is None or taint.kind not in tracked:
                    continue
                note = self.value_note(value, taint, state)
                if handed_on is None:
                    handed_on = remembered(_HANDED_ON, node, _call_arguments)
                extra = [note, HANDED_ON] if id(found) in handed_on else [note] if note else []
                if taint.kind == PARAMETER or taint.origin in state.guessed_inputs:
                    for parameter in parameters_in(value, state, taint):
                        summary.calls.append([callee, where, PARAMETER, parameter, *extra])
                elif not self._reported_in(value):
                    summary.calls.append([callee, where, taint.kind, taint.origin, *extra])

    def _reported_in(self, node: cst.BaseExpression) -> bool:
        """Whether the rule reported this argument (or a part of it) where it is passed (`self.execute("..." % x)`,
        VC402): the value is not followed into the callee too, where the same flow would be reported a second time.
        A rule walked only for VC417 (`--select VC417`) reports nothing itself: then the value is followed."""
        if not self._reported_here or self.code in self.context.silent:
            return False
        reported = {id(done) for done in self._reported_here}
        return any(id(inner) in reported for inner in iter_expressions(node))

    def value_note(self, node: cst.BaseExpression, taint: Taint, state: FlowState) -> str:
        """What the join must know about a value passed to a project function or returned, beyond its taint: TEXT
        for a string built here (a view returning a helper's `"<div>" + title + "</div>"` sends a page), OBJECT
        for a value that may be the client's parsed JSON (for a rule whose sinks only an object can abuse)."""
        return TEXT if is_built_text(node) else ""

    @contextmanager
    def recording(self, taint: Taint, state: FlowState, needs: str = "", origins: list[str] | None = None
                  ) -> Iterator[Taint]:
        """While a sink is reached by a parameter or a call result: what the rule reports is recorded in the
        function's summary instead, with ORIGIN for the client's source. Yields the taint to describe it with.
        `needs` OBJECT: the sink counts only for a value the caller may pass as the client's object; `origins`:
        the parameters that reach it (default: every parameter in the reported expression)."""
        if state.summary is None:
            raise ValueError("recording a sink needs a summarising walk")
        self._recording = (taint, state, needs, origins)
        try:
            yield Taint(next(iter(self.untrusted_kinds)), ORIGIN, taint.key)
        finally:
            self._recording = None

    def report(self, node: cst.CSTNode, message: str, *, hint: str | None = None, fix: Any = None,
               severity: Any = None, snippet: str | None = None, cwe: tuple[int, ...] | None = None,
               held_for: str | None = None, unless: tuple[str, str] | None = None) -> None:
        if self._recording is None:
            super().report(node, message, hint=hint, fix=fix, severity=severity, snippet=snippet, cwe=cwe,
                           held_for=held_for, unless=unless)
            self._reported_here = (*self._reported_here, node)
            return
        taint, state, needs, given = self._recording
        if state.summary is None:
            return
        code = _code_lines(node)
        # the first line of the statement, to find the sink among other uses of the same name (`url`)
        statement = _first_line(self._statement) if self._statement is not None else ""
        origins = [(taint.kind, origin) for origin in given] if given else summarised_in(node, state, taint)
        for kind, origin in origins:
            state.summary.sinks.append([kind, origin, message, hint, list(cwe or self.cwe), code[0] if code else "",
                                        (severity or self.severity).value, statement, *([needs] if needs else [])])


class _Signature:
    """What every summarising lane reads of a function's signature, read once per function (`begin_function`): the
    positional parameters and `*rest` a summary names, the parameters seeded as PARAMETER taint, each declared
    parameter with the class its annotation names, the class its return annotation names, whether it is a route."""

    __slots__ = ("positional", "rest", "seeded", "declared", "returned", "route")

    def __init__(self, function: cst.FunctionDef) -> None:
        params = function.params
        self.positional = tuple(p.name.value for p in (*params.posonly_params, *params.params))
        self.rest = params.star_arg.name.value if type(params.star_arg) is cst.Param else ""
        seeded = (*self.positional, *([self.rest] if self.rest else []), *(p.name.value for p in params.kwonly_params))
        self.seeded = tuple((name, Taint(PARAMETER, name)) for name in seeded if name not in ("self", "cls"))
        self.declared = tuple((p.name.value, _annotated_class(p.annotation), p)
                              for p in (*params.posonly_params, *params.params, *params.kwonly_params))
        self.returned = _annotated_class(function.returns)
        self.route = remembered(_ROUTES, function, is_route_handler)


class _SummaryPlan:
    """What every summarising lane reads of a statement besides taints, read once per statement: the name a
    generator yields (`yield svc`), the value it returns, the attributes of `self` an assignment binds, and the
    calls that pass values (`_calls_passing_values`), each with its arguments as (position or keyword, value)."""

    __slots__ = ("yielded", "returned", "attributes", "passing")

    def __init__(self, yielded: cst.Name | None, returned: cst.BaseExpression | None, attributes: list[str],
                 passing: tuple[tuple[cst.Call, Arguments, cst.Call | None, Arguments], ...]) -> None:
        self.yielded = yielded
        self.returned = returned
        self.attributes = attributes
        self.passing = passing


Arguments = tuple[tuple[int | str, cst.BaseExpression], ...]


def _summary_plan(statement: cst.CSTNode) -> _SummaryPlan | None:
    """The statement's `_SummaryPlan`; None when a summary reads nothing of it (most statements)."""
    yielded: cst.Name | None = None
    returned: cst.BaseExpression | None = None
    attributes: list[str] = []
    if type(statement) is cst.Expr and type(statement.value) is cst.Yield and type(statement.value.value) is cst.Name:
        yielded = statement.value.value
    elif type(statement) is cst.Return:
        returned = statement.value
    elif type(statement) is cst.Assign:
        attributes = _self_attributes(statement)
    passing = tuple((found, _arguments(found), dispatched, _arguments(dispatched) if dispatched is not None else ())
                    for found, dispatched in _calls_passing_values(statement))
    if yielded is None and returned is None and not attributes and not passing:
        return None
    return _SummaryPlan(yielded, returned, attributes, passing)


def _arguments(call: cst.Call) -> Arguments:
    """A call's arguments before the first `*args`/`**kwargs`, each with its position or keyword."""
    found: list[tuple[int | str, cst.BaseExpression]] = []
    position = 0
    for arg in call.args:
        if arg.star:
            break
        found.append((arg.keyword.value if arg.keyword is not None else position, arg.value))
        position += arg.keyword is None
    return tuple(found)


def _calls_passing_values(statement: cst.CSTNode) -> tuple[tuple[cst.Call, cst.Call | None], ...]:
    """The calls of a statement that pass a value, each with the call it dispatches (`_dispatched_call`): a call
    without arguments (`self.save()`, `send_webhook.delay()`) passes nothing a summary records."""
    found = []
    for call in iter_calls(statement):
        dispatched = _dispatched_call(call)
        if call.args or (dispatched is not None and dispatched.args):
            found.append((call, dispatched))
        found.extend((deferred, None) for deferred in _deferred_calls(call))
    return tuple(found)


def _deferred_calls(call: cst.Call) -> Iterator[cst.Call]:
    """The calls in a lambda without parameters that a call is handed (`Thread(target=lambda: save(crawl(url)))`,
    `executor.submit(lambda: fetch(url))`): they run later, with the values the function holds here."""
    for arg in call.args:
        made = arg.value
        if type(made) is cst.Lambda and not (made.params.params or made.params.posonly_params
                                             or made.params.kwonly_params or type(made.params.star_arg) is cst.Param
                                             or made.params.star_kwarg is not None):
            yield from (inner for inner in iter_expressions(made.body) if type(inner) is cst.Call and inner.args)


def _self_attributes(statement: cst.Assign) -> list[str]:
    """The attributes of `self` an assignment binds (`self.x = ...`, not `self.x.y = ...`)."""
    return [a for t in statement.targets if (a := dotted_name(t.target)) is not None and a.startswith("self.")
            and a.count(".") == 1]


def _call_arguments(statement: cst.CSTNode) -> set[int]:
    """The calls of a statement whose answer is itself an argument of another call: handed on, not acted on (unless
    that call takes verdicts: `VERDICT_TAKERS`)."""
    return {id(arg.value) for call in iter_calls(statement) if VERDICT_TAKERS.search(callee_tail(call.func) or "") is None
            for arg in call.args if type(arg.value) is cst.Call}


def _made_object(value: cst.BaseExpression, state: FlowState) -> str:
    """The class of the object a returned value is (`Service(...)`, a name bound to one), as `class_reference` names
    it; "" when unknown (a returned call's result: the join follows the summary's `returns`)."""
    if type(value) is cst.Call and type(value.func) is cst.Name and value.func.value[:1].isupper():
        made: str | None = value.func.value
    elif type(value) is cst.Call and type(value.func) is cst.Name and value.func.value == "cls":
        made = state.class_name  # `return cls(...)` in a class method such as `from_env()`
    elif type(value) is cst.Name:
        made = state.instances.get(value.value) or state.module_instances.get(value.value)
    else:
        return ""
    return (state.class_reference(made) or "") if made is not None and not made.startswith(RETURNED) else ""


def _injected_factory(param: cst.Param, state: FlowState) -> str | None:
    """`svc=Depends(get_service)`: the parameter holds what the project's `get_service` returns (`RETURNED`)."""
    default = param.default
    if type(default) is not cst.Call or not default.args or (dotted_name(default.func) or "").rpartition(".")[2] \
            not in ("Depends", "Security"):
        return None
    factory = default.args[0].value
    return state.factory_callee(cst.Call(func=factory)) if type(factory) in _NAME_TYPES else None


def _is_handler_class(node: cst.ClassDef) -> bool:
    return any((dotted_name(base.value) or "").endswith("Handler") for base in node.bases)


def is_built_text(node: cst.BaseExpression) -> bool:
    """A string built in the expression itself: a literal, an f-string, `"<b>" + name`, `"%s" % name`,
    `"{}".format(name)`, `", ".join(names)`."""
    if type(node) in (cst.FormattedString, cst.SimpleString, cst.ConcatenatedString):
        return True
    if type(node) is cst.BinaryOperation and type(node.operator) in (cst.Add, cst.Modulo):
        return is_built_text(node.left) or (type(node.operator) is cst.Add and is_built_text(node.right))
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in ("format", "join"):
        return is_built_text(node.func.value)
    return False


def _first_line(node: cst.CSTNode) -> str:
    """The statement's first line of code, once per statement of the file (several flow rules record the same sink)."""
    return remembered(_FIRST_LINES, node, _compute_first_line)


# A one-line body put in place of a compound statement's own before its code is generated: only the header is wanted.
_HEADER_BODY = cst.IndentedBlock(body=[cst.SimpleStatementLine([cst.Pass()])])


def _compute_first_line(node: cst.CSTNode) -> str:
    if isinstance(node, cst.BaseCompoundStatement):
        # without the comments above it, and without its body, which may be hundreds of lines
        node = node.with_changes(leading_lines=(), **({"body": _HEADER_BODY} if hasattr(node, "body") else {}))
    lines = cst.Module([]).code_for_node(node).strip().splitlines()
    return lines[0].strip() if lines else ""


def _code_lines(node: cst.CSTNode) -> list[str]:
    """A reported node's code, by line, once per node of the file."""
    return remembered(_CODE_LINES, node, lambda found: cst.Module([]).code_for_node(found).strip().splitlines())


_CLASSES: dict[int, tuple[cst.Module, frozenset[str]]] = {}
_FUNCTIONS: dict[int, tuple[cst.Module, frozenset[str]]] = {}


def _of_module(cache: dict[int, tuple[cst.Module, Any]], module: cst.Module, compute: Callable[[cst.Module], Any]) -> Any:
    """`compute(module)`, once per file: `cache` holds the answer for the module being checked only (the entry keeps
    the module, so its id is not reused meanwhile)."""
    cached = cache.get(id(module))
    if cached is None or cached[0] is not module:
        cache.clear()
        cached = cache[id(module)] = (module, compute(module))
    return cached[1]


def module_functions(module: cst.Module) -> frozenset[str]:
    """The module's own top-level functions, computed once per file: calls to them are summarised."""
    return _of_module(_FUNCTIONS, module, lambda found: frozenset(
        s.name.value for s in found.body if type(s) is cst.FunctionDef))


_INSTANCES: dict[int, tuple[cst.Module, dict[str, str]]] = {}
_PATTERNS: dict[int, tuple[cst.Module, dict[str, cst.Call]]] = {}
REGEX_COMPILERS = frozenset({"re.compile", "regex.compile"})


def _module_patterns(module: cst.Module, qualified_name: Callable[[cst.CSTNode], str | None]) -> dict[str, cst.Call]:
    """Module-level `NAME = re.compile(...)` bindings (also in a class body), computed once per file."""
    def compute(module: cst.Module) -> dict[str, cst.Call]:
        found: dict[str, cst.Call] = {}
        top = _block_statements_of_module(module)
        for statement in (*top, *(s for c in top if type(c) is cst.ClassDef for s in suite_statements(c.body))):
            if type(statement) is cst.Assign and len(statement.targets) == 1 \
                    and type(statement.targets[0].target) is cst.Name and type(statement.value) is cst.Call \
                    and qualified_name(statement.value) in REGEX_COMPILERS:
                found[statement.targets[0].target.value] = statement.value
        return found
    return _of_module(_PATTERNS, module, compute)


# Clients whose method runs the SQL text it is handed, by the class of the object it is called on: BigQuery's
# `bigquery.Client().query(sql)` (`bq = bigquery.Client()` at module level, or made on the spot).
SQL_CLIENT_METHODS = frozenset({("google.cloud.bigquery.Client", "query"), ("google.cloud.bigquery.client.Client", "query")})
SQL_CLIENT_METHOD_NAMES = frozenset(method for _, method in SQL_CLIENT_METHODS)
# In a module that imports BigQuery, a client is also known by its name, as agents bind it in a function or make it in a
# helper: `bq = client()`, `client().query(sql)`, `self.bq_client.query(sql)`.
BIGQUERY_MODULES = ("google.cloud.bigquery",)
BIGQUERY_CLIENT_NAME = lazy_pattern(r"(?:^|_)(?:bq|bigquery|client)$", re.IGNORECASE)


# Airflow's database hooks (`PostgresHook`, `SnowflakeHook`, any `DbApiHook`) run the SQL text their query methods are
# handed (`hook.run(sql)`, `hook.get_records(sql)`; values go in `parameters=`). A hook is known by its class
# (`PostgresHook(...)`) or, in a module that imports Airflow, by its name (`hook`, `pg_hook` from a helper); an HTTP
# hook's `run` sends a request.
DB_HOOK_METHODS = frozenset({"run", "get_records", "get_first", "get_pandas_df", "get_df", "get_pandas_df_by_chunks",
                             "get_df_by_chunks"})
HOOK_NAME = lazy_pattern(r"(?:^|_)hook$", re.IGNORECASE)
NOT_DB_HOOK = lazy_pattern(r"http", re.IGNORECASE)


def sql_client_query(call: cst.Call, state: FlowState) -> cst.BaseExpression | None:
    """The SQL text a `SQL_CLIENT_METHODS` call (`bq.query(sql)`) or an Airflow database hook's query method runs, if
    the call is one."""
    func = call.func
    if type(func) is not cst.Attribute:
        return None
    method = func.attr.value
    if method in DB_HOOK_METHODS:
        return _db_hook_query(call, func, state)
    if method not in SQL_CLIENT_METHOD_NAMES:
        return None
    if (instance_class(func.value, state), func.attr.value) not in SQL_CLIENT_METHODS \
            and not _named_bigquery_client(func.value, state):
        return None
    return call_argument(call, 0, "query")


def _named_bigquery_client(receiver: cst.BaseExpression, state: FlowState) -> bool:
    """A receiver named like a BigQuery client (`bq`, `client()`, `self.bq_client`) in a module that imports BigQuery."""
    if type(receiver) is cst.Call:
        receiver = receiver.func
    name = dotted_name(receiver)
    return name is not None and BIGQUERY_CLIENT_NAME.search(name.rpartition(".")[2]) is not None \
        and state.imports.imports_any(BIGQUERY_MODULES)


def _db_hook_query(call: cst.Call, func: cst.Attribute, state: FlowState) -> cst.BaseExpression | None:
    made = instance_class(func.value, state) or ""
    if made.startswith("airflow.") and made.endswith("Hook"):
        hook = made.rpartition(".")[2]
    elif state.imports.imports_any(("airflow",)):
        hook = (dotted_name(func.value) or "").rpartition(".")[2]
        if not HOOK_NAME.search(hook):
            return None
    else:
        return None
    return None if NOT_DB_HOOK.search(hook) else call_argument(call, 0, "sql")


def instance_class(receiver: cst.BaseExpression, state: FlowState) -> str | None:
    """The resolved class of the object a method is called on, when the code shows it: made on the spot
    (`SandboxedEnvironment().from_string`), or a name bound to one at module level or, in a summarising walk
    (which keeps `instances`), in this function."""
    if type(receiver) is cst.Call:
        return state.qualified_name(receiver)
    if type(receiver) is not cst.Name:
        return None
    made = state.instances.get(receiver.value)  # (kept in a summarising walk) a class name or a reference to one
    if made is None and state.module is not None and receiver.value not in state.names:
        made = _module_instances(state.module).get(receiver.value)
    if made is None:
        return None
    return made.partition(":")[2] if ":" in made else _resolve(made, state.imports)


def _module_instances(module: cst.Module) -> dict[str, str]:
    """Module-level `name = ClassName(...)` bindings (a capitalised callee), computed once per file."""
    return _of_module(_INSTANCES, module, _instances_of)


_ALIASES: dict[int, tuple[cst.Module, frozenset[str]]] = {}


def dependency_aliases(module: cst.Module) -> frozenset[str]:
    """Module-level `CurrentUser = Annotated[User, Depends(get_current_user)]` bindings, once per file."""
    return _of_module(_ALIASES, module, _aliases_of)


def _aliases_of(module: cst.Module) -> frozenset[str]:
    found = set()
    for statement in _block_statements_of_module(module):
        if type(statement) is cst.Assign and type(statement.value) is cst.Subscript and len(statement.targets) == 1 \
                and type(statement.targets[0].target) is cst.Name and any(
                    (dotted_name(e) or "").rsplit(".", 1)[-1] in ("Depends", "Security")
                    for e in iter_expressions(statement.value)):
            found.add(statement.targets[0].target.value)
    return frozenset(found)


_BOUND: dict[int, tuple[cst.Module, frozenset[str]]] = {}


def _bound_attributes(module: cst.Module) -> frozenset[str]:
    """The attributes the methods of the module's classes bind (`self.api = ...`), once per file."""
    return _of_module(_BOUND, module, _bound_attributes_of)


def _bound_attributes_of(module: cst.Module) -> frozenset[str]:
    return frozenset(attribute for _, attribute, _ in self_assignments(module))


def self_assignments(module: cst.Module) -> Iterator[tuple[str, str, cst.Assign | cst.AnnAssign]]:
    """(class, attribute, statement) for each `self.attribute = ...` at the top of a method of the module's classes."""
    for statement in module.body:
        if type(statement) is not cst.ClassDef:
            continue
        for method in suite_statements(statement.body):
            if type(method) is not cst.FunctionDef:
                continue
            for small in suite_statements(method.body):
                if type(small) is cst.Assign:
                    targets = [t.target for t in small.targets]
                elif type(small) is cst.AnnAssign:
                    targets = [small.target]
                else:
                    continue
                for target in targets:
                    if type(target) is cst.Attribute and type(target.value) is cst.Name and target.value.value == "self":
                        yield statement.name.value, target.attr.value, small


_STRINGS: dict[int, tuple[cst.Module, dict[str, str]]] = {}


def module_strings(module: cst.Module) -> dict[str, str]:
    """Module-level `NAME = "text"` bindings (`API_BASE = "https://api.github.com"`), computed once per file."""
    return _of_module(_STRINGS, module, _strings_of)


def _strings_of(module: cst.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for statement in _block_statements_of_module(module):
        if type(statement) is cst.Assign and len(statement.targets) == 1 and type(statement.targets[0].target) is cst.Name:
            name, value = statement.targets[0].target.value, statement.value
        elif type(statement) is cst.AnnAssign and type(statement.target) is cst.Name and statement.value is not None:
            name, value = statement.target.value, statement.value
        else:
            continue
        text = string_value(value)
        if text is not None:
            found[name] = text
    return found


def _instances_of(module: cst.Module) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in module.body:
        if type(line) is not cst.SimpleStatementLine:
            continue
        for statement in line.body:
            if type(statement) is cst.Assign and len(statement.targets) == 1 \
                    and type(statement.targets[0].target) is cst.Name and type(statement.value) is cst.Call:
                # `Client()`, and `bigquery.Client()` through its module
                callee = dotted_name(statement.value.func)
                if callee is not None and callee.rpartition(".")[2][:1].isupper():
                    found[statement.targets[0].target.value] = callee
    return found


def _annotated_class(annotation: cst.Annotation | None) -> str | None:
    """The capitalised class name an annotation gives (`SearchService`, `Annotated[SearchService, Depends(...)]`)."""
    if annotation is None:
        return None
    node = annotation.annotation
    if type(node) is cst.Subscript and type(node.value) is cst.Name and node.value.value == "Annotated" \
            and type(node.slice[0].slice) is cst.Index:
        node = node.slice[0].slice.value
    return node.value if type(node) is cst.Name and node.value[:1].isupper() else None


_RETURNS: dict[int, tuple[cst.Module, dict[str, str]]] = {}


def _returned_classes(module: cst.Module) -> dict[str, str]:
    """The module's top-level functions whose return annotation names a class (`def get_service() -> Service`)."""
    return _of_module(_RETURNS, module, lambda found: {
        statement.name.value: made for statement in found.body if type(statement) is cst.FunctionDef
        and (made := _annotated_class(statement.returns)) is not None})


_HIERARCHY: dict[int, tuple[cst.Module, dict[str, tuple[frozenset[str], tuple[str, ...]]]]] = {}


def _method_callee(module: cst.Module | None, imports: ImportTable, class_name: str, method: str) -> str:
    """The method a `self.method()` call in `class_name` runs: the class's own (or, when nothing is known, its name),
    else the nearest base class of the same module that defines it (`local:BaseHandler.read_file`), else one of the
    bases imported from the project (`import:app.handlers.base.BaseHandler.read_file`; several, split by `|`,
    are tried in order by the join)."""
    if module is None:
        return f"local:{class_name}.{method}"
    key = (class_name, method, imports.version)  # every summarising lane asks of every `self.method(...)` call
    found = _METHOD_CALLEES.get(key)
    if found is None:
        found = _METHOD_CALLEES[key] = _find_method_callee(module, imports, class_name, method)
    return found


def _find_method_callee(module: cst.Module, imports: ImportTable, class_name: str, method: str) -> str:
    classes = _class_hierarchy(module)
    pending, seen, imported = [class_name], set(), []
    while pending:
        current = pending.pop(0)
        entry = classes.get(current)
        if entry is None or current in seen:
            continue
        seen.add(current)
        if method in entry[0]:
            return f"local:{current}.{method}"
        for base in entry[1]:
            if base in classes:
                pending.append(base)
            else:
                resolved = _resolve(base, imports)
                if "." in resolved and _maybe_project(resolved):
                    imported.append(f"import:{resolved}.{method}")
    return "|".join(imported) if imported else f"local:{class_name}.{method}"


def _class_hierarchy(module: cst.Module) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """The module's top-level classes: the methods each defines and its bases' dotted names, once per file."""
    return _of_module(_HIERARCHY, module, lambda found: {statement.name.value: (
        frozenset(s.name.value for s in suite_statements(statement.body) if type(s) is cst.FunctionDef),
        tuple(name for base in statement.bases if base.keyword is None and (name := dotted_name(base.value))))
        for statement in found.body if type(statement) is cst.ClassDef})


def _module_classes(module: cst.Module) -> frozenset[str]:
    """The names of the classes a module defines at its top level, computed once per file."""
    return _of_module(_CLASSES, module, lambda found: frozenset(
        s.name.value for s in found.body if type(s) is cst.ClassDef))


def _block_statements_of_module(module: cst.Module) -> list[cst.CSTNode]:
    statements: list[cst.CSTNode] = []
    for line in module.body:
        if type(line) is cst.SimpleStatementLine:
            statements.extend(line.body)
        else:
            statements.append(line)
    return statements


SQL_KEYWORDS = lazy_pattern(
    r"^\s*(select|insert|update|delete|replace|merge|create|drop|alter|truncate|with|pragma|grant)\b"
    r"|\b(insert\s+into|delete\s+from|where\s|order\s+by|group\s+by|values\s*\()",
    re.IGNORECASE)
# `select ... from` and `update ... set`: the first keyword, then the second anywhere after it. One regex
# (`select\s.+\sfrom`) rescans the rest of the text from every `select`, quadratic on a long text.
SQL_KEYWORD_PAIRS = tuple((lazy_pattern(first, re.IGNORECASE), lazy_pattern(second, re.IGNORECASE))
                          for first, second in ((r"\bselect\s", r"\sfrom"), (r"\bupdate\s", r"\sset")))


def looks_like_sql(text: str) -> bool:
    if SQL_KEYWORDS.search(text):
        return True
    for first, second in SQL_KEYWORD_PAIRS:
        start = first.search(text)
        if start is not None and second.search(text, start.end() + 1):
            return True
    return False
