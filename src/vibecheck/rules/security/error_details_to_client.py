"""VC414: an exception's text or a traceback is sent to the client (information exposure through error messages)."""

from __future__ import annotations

import functools
from typing import Any

import libcst as cst

from vibecheck.analysis.admin_routes import restricted_to_admins
from vibecheck.analysis.app_model.frameworks import name_words
from vibecheck.analysis.app_model.openapi import openapi_inputs, operations_for
from vibecheck.analysis.flow import (
    FlowRule,
    FlowState,
    Taint,
    dotted_name,
    is_rest_namespace,
    is_route_handler,
    iter_calls,
    module_uses_web_framework,
    short_code,
    walked_calls,
    walked_statements,
)
from vibecheck.analysis.own_errors import own_errors_inputs, raised_with_fixed_messages
from vibecheck.cst_fields import own_nodes_of
from vibecheck.imports import ImportTable
from vibecheck.literals import literal_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import RuleContext

TRACEBACK_CALLS = frozenset({"traceback.format_exc", "traceback.format_exception", "traceback.format_tb",
                             "traceback.format_stack", "traceback.extract_tb", "sys.exc_info"})
TRACEBACK_FUNCTIONS = frozenset(name.rpartition(".")[2] for name in TRACEBACK_CALLS)
# Exceptions whose text is written for the client (validation, not-found, permission messages).
CLIENT_MEANT_EXCEPTIONS = frozenset({
    "ValueError", "KeyError", "ValidationError", "HTTPException", "PermissionDenied", "Http404", "NotFound",
    "BadRequest", "ObjectDoesNotExist", "DoesNotExist", "JSONDecodeError", "Unauthorized", "Forbidden",
    "AuthenticationFailed", "NotAuthenticated", "APIException", "InvalidToken", "ExpiredSignatureError",
    "InvalidTokenError", "DecodeError", "MissingRequiredClaimError", "ImmatureSignatureError",
    "RequestValidationError", "ParseError", "NotAcceptable", "Conflict",
    "UnprocessableEntity", "SuspiciousOperation", "MethodNotAllowed", "TooManyRequests", "Throttled",
    "OAuth2Error", "OAuthError", "FatalClientError", "InvalidRequestError", "InvalidGrantError",
    # OAuth 1 and 2 protocol errors: their error code and description are the response the RFCs prescribe
    "OAuth1Error", "AccessDeniedError", "UnauthorizedClientError", "UnsupportedGrantTypeError",
    "UnsupportedResponseTypeError",
    # a parser's complaint about the text it was handed (the client's payload): the line and column of its mistake
    "YAMLError", "ScannerError", "ComposerError", "ConstructorError", "TOMLDecodeError", "ExpatError", "XMLSyntaxError",
})
# A regular expression's compile error, spelled as the modules name it (a bare `error` is any module's): its text says
# where the pattern it was handed is wrong (`missing ), unterminated subpattern at position 0`), nothing of the server.
PATTERN_ERRORS = frozenset({"re.error", "re.PatternError", "PatternError", "regex.error", "sre_constants.error"})
# What an application's API error carries: the HTTP status it is answered with (`MlflowException.get_http_status_code()`,
# a custom `APIError.status_code`).
HTTP_STATUS_ATTRIBUTES = frozenset({"get_http_status_code", "http_status", "http_status_code", "status_code"})
# What the project's own error classes carry for an API client besides their message: an error code
# (`except BusinessRuleError as e: Response({"error": e.message, "error_code": e.error_code})`). Read from an
# exception the project defines, they mark it as its API error; a library's `e.code` says nothing of the kind.
OWN_ERROR_CODE_ATTRIBUTES = frozenset({"error_code", "code", "errcode", "error_key"})
# Folders that hold a project's packages rather than being one (`src/app/...`).
SOURCE_ROOTS = frozenset({"src", "lib", "app_src"})
# Words that name an exception about what the client sent (`InvalidInput`, `SourceASTParseError`, `HeaderError`): its
# text says what was wrong with the request, written to be read by whoever sent it.
CLIENT_INPUT_WORDS = frozenset({"invalid", "validation", "malformed", "parse", "parser", "header"})
# The same for the parts of a request body, spelled as one word or several (`MultiPartException`, `MultipartError`,
# `FormDataError`): a multipart or form parser's error says which limit or part of the client's upload was wrong.
CLIENT_INPUT_STEMS = ("multipart", "formdata")
# Names of the switch that turns debugging on (`settings.DEBUG`, `app.debug`, `DEBUG_MODE`).
DEBUG_FLAGS = frozenset({"debug", "debug_mode", "is_debug", "development", "dev_mode"})
# Exceptions that carry a ready response or redirect (`ImmediateHttpResponse`): raising them is control flow.
RESPONSE_CARRIER_SUFFIXES = ("Response", "Redirect")
# websockets' send of one frame to every connection it is given.
BROADCAST = "websockets.broadcast"
# Calls whose arguments end up in the response body or in a chat message the user reads.
RESPONSE_CALLS = frozenset({
    "flask.jsonify", "flask.make_response", "flask.Response", "flask.abort", "flask.flash", "werkzeug.wrappers.Response",
    "quart.jsonify", "quart.make_response", "quart.abort", "django.http.HttpResponse", "django.http.JsonResponse",
    "django.http.HttpResponseBadRequest", "django.http.HttpResponseServerError", "django.contrib.messages.error",
    "rest_framework.response.Response", "rest_framework.exceptions.APIException",
    "fastapi.HTTPException", "fastapi.exceptions.HTTPException", "starlette.exceptions.HTTPException",
    "fastapi.Response", "fastapi.responses.Response", "starlette.responses.Response",
    "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse", "fastapi.responses.HTMLResponse",
    "starlette.responses.HTMLResponse", "fastapi.responses.PlainTextResponse", "starlette.responses.PlainTextResponse",
    "werkzeug.exceptions.abort", "sanic.response.json", "sanic.response.text", "aiohttp.web.json_response",
    "aiohttp.web.Response", "flask_restx.abort", "flask_restful.abort", "flask_restplus.abort",
    "sanic.exceptions.SanicException", "sanic.exceptions.ServerError",
    "pyramid.response.Response", "chalice.Response", "chalice.app.Response", "chalice.BadRequestError",
    "chalice.ChaliceViewError", "chalice.app.BadRequestError", "chalice.app.ChaliceViewError",
    "azure.functions.HttpResponse", "bottle.HTTPResponse", "bottle.HTTPError", "bottle.abort",
    "flask_socketio.emit", "flask_socketio.send",  # a Socket.IO event's answer to the client that sent it
    "blacksheep.json", "blacksheep.text", "blacksheep.html", "blacksheep.pretty_json", "blacksheep.Response",
    "blacksheep.server.responses.json", "blacksheep.server.responses.text", "robyn.Response",
    BROADCAST,
    # what a Streamlit script shows its visitor (also in the sidebar)
    *(f"streamlit.{place}{element}" for place in ("", "sidebar.") for element in (
        "error", "warning", "info", "exception", "code", "text", "write", "markdown", "json", "caption", "toast")),
})
# Families of error responses whose arguments are the body: Falcon's `HTTPInternalServerError(description=...)`.
RESPONSE_CLASS_PREFIXES = ("falcon.HTTP", "falcon.errors.HTTP", "pyramid.httpexceptions.HTTP")
# A gRPC servicer method (`def GetAccount(self, request, context)`) ends the call with details the client reads:
# `context.abort(code, details)`, `context.set_details(details)`.
GRPC_SERVICER_PARAMETERS = (["self", "request", "context"], ["self", "request_iterator", "context"])
GRPC_DETAIL_METHODS = frozenset({"abort", "set_details", "abort_with_status"})
# An AWS Lambda handler (`def handler(event, context)`) behind API Gateway answers with what it returns, often built by
# a helper of the module (`return response(500, {"error": str(exc)})`).
LAMBDA_PARAMETERS = (["event", "context"],)
# Bases of class-based views whose verb methods answer with what they return (Flask `MethodView`, Flask-RESTX and
# Flask-RESTful `Resource`, Sanic `HTTPMethodView`): `return {"error": str(e)}, 500` is the response.
RETURNING_VIEW_BASES = frozenset({"MethodView", "Resource", "HTTPMethodView"})
VIEW_VERBS = frozenset({"get", "post", "put", "patch", "delete"})
# A Tornado handler's own methods that write the response body: `self.write({"error": str(e)})`.
HANDLER_WRITE_METHODS = frozenset({"write", "finish"})
# An `http.server` handler's response body: `self.wfile.write(...)`. A method of the handler class that writes either
# way (`def _json(self, status, payload): ... self.wfile.write(...)`) sends what it is handed.
HANDLER_BODY_STREAM = "self.wfile"
# A Django Channels consumer's own methods that send a frame to its client: `self.send_json({"error": str(e)})`.
CONSUMER_MODULE = "channels"
CONSUMER_BASE_SUFFIX = "Consumer"
CONSUMER_SEND_METHODS = frozenset({"send", "send_json"})
# Graphene's resolvers (`resolve_<field>`) and mutations (`mutate`) answer the client with what they return: a
# mutation's payload (`return FetchCover(error=str(exc))`) is the response.
GRAPHENE_ANSWERS = lazy_pattern(r"^(?:resolve_\w+|mutate|mutate_and_get_payload)$")
# A GraphQL server's error formatter, handed to the app by keyword (Ariadne's `GraphQL(schema,
# error_formatter=format_error)`, graphql-server's `GraphQLView(format_error=...)`): what it returns is the error entry
# of the response, and its first parameter the `GraphQLError`, whose `original_error` is the exception a resolver raised
# (its own message and `formatted` entry are what the server answers anyway).
ERROR_FORMATTER_KEYWORDS = frozenset({"error_formatter", "format_error"})
RAISED_BY_RESOLVER = "original_error"
# Methods that answer with what they return, by decorator name and the modules that give it that meaning: a BentoML
# service's `@bentoml.api` and `@bentoml.task` (also the older `@svc.api(input=..., output=...)`), whose return value
# is the JSON body.
RETURNING_DECORATORS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("bentoml",), frozenset({"api", "task"})),
)
# What a Falcon responder (`def on_get(self, req, resp)`) assigns to its response object to set the body.
RESPONDER_BODY_ATTRIBUTES = frozenset({"media", "text", "body", "data"})
# Chat and callback replies (Slack/bolt `say`, `respond`, the Web API's `chat_postMessage`).
EXCEPTION_HANDLER_DECORATORS = frozenset({"exception_handler", "errorhandler", "register_error_handler"})
# Registrations of a function as the handler of an exception class, at module level or in an app factory: Flask's
# `app.register_error_handler(Exc, f)`, Starlette's and FastAPI's `app.add_exception_handler(Exc, f)` (the class first,
# the function second), and BlackSheep's registry, `app.exceptions_handlers[Exc] = f`.
HANDLER_REGISTRATION_CALLS = frozenset({"register_error_handler", "add_exception_handler"})
# Exception-handler decorators named by a word other libraries use too, by the module that gives them that meaning:
# Sanic's `@app.exception(Exception)` (also a blueprint's), whose arguments are exception classes as Flask's are.
FRAMEWORK_EXCEPTION_DECORATORS: dict[str, tuple[str, ...]] = {"exception": ("sanic",)}
HANDLER_REGISTRIES = frozenset({"exceptions_handlers"})
HANDLER_REGISTRATION_HINTS = (*sorted(HANDLER_REGISTRATION_CALLS), *sorted(HANDLER_REGISTRIES))
# Error handlers whose decorator names no exception class, by the module the file imports: Bottle's `@app.error(500)`
# (an `HTTPError` whose `.exception` and `.traceback` are the server's; a 4xx one is meant for the client) and
# Flask-SocketIO's `@socketio.on_error_default`. Their last parameter holds the error; they answer the client.
# Decorator -> (module, whether the handled status decides it).
FRAMEWORK_ERROR_HANDLERS: dict[str, tuple[str, bool]] = {"error": ("bottle", True), "on_error": ("flask_socketio", False),
                                                         "on_error_default": ("flask_socketio", False)}
SERVER_ERROR_STATUS = 500
# discord.py's (and its forks') error events: their last parameter holds the exception a command raised, its text
# repeated by the `CommandInvokeError` that wraps it. Event name -> the modules that call it.
CHAT_ERROR_EVENTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("on_command_error", "cog_command_error", "on_app_command_error", "cog_app_command_error"),
                    ("discord", "nextcord", "disnake")),
    "on_application_command_error": ("nextcord", "discord"),  # nextcord's and py-cord's (imported as `discord`)
    "on_slash_command_error": ("disnake",),
}
# Methods that send a chat message or a socket frame to the people at the other end, by the libraries the module
# imports: discord.py's (and its forks') `ctx.send()`, `message.reply()`, `interaction.response.send_message()`,
# hikari's `respond()`; a WebSocket's `ws.send()` (websockets, Sanic), Starlette's and FastAPI's `send_json()`/
# `send_text()`, aiohttp's `send_str()`/`send_json()`. A function of the module that makes such a call
# (`async def broadcast(payload)`) sends what it is given too.
CLIENT_SEND_METHODS: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = (
    (("discord", "nextcord", "disnake", "hikari"), frozenset({"send", "reply", "respond", "send_message",
                                                              "edit_original_response", "edit_message"})),
    (("websockets", "sanic"), frozenset({"send"})),
    (("fastapi", "starlette"), frozenset({"send_json", "send_text", "send_bytes"})),
    (("aiohttp",), frozenset({"send_str", "send_json", "send_bytes"})),
)
MESSAGE_METHODS = frozenset({"chat_postMessage", "chat_postEphemeral", "chat_update", "send_message", "reply_text"})
MESSAGE_FUNCTIONS = frozenset({"say", "respond"})
CWE = (209,)


def caught_exception(handler: cst.ExceptHandler | cst.ExceptStarHandler, state: FlowState,
                     own_packages: frozenset[str] = frozenset(), path: str = "") -> Taint | None:
    """The name an `except X as e` binds holds internal details unless X is written for the client: by its name, by
    the HTTP status it carries, as one of the project's own errors whose error code the handler answers with, or as
    one the project raises with its own wording only."""
    if handler.name is None or not isinstance(handler.name.name, cst.Name):
        return None
    types = [e.value if isinstance(e, cst.Element) else e for e in (
        handler.type.elements if isinstance(handler.type, cst.Tuple) else [handler.type] if handler.type else [])]
    caught = [name for name in map(dotted_name, types) if name]
    if caught and all(name in PATTERN_ERRORS or _meant_for_client(name.rpartition(".")[2]) for name in caught):
        return None
    bound = handler.name.name.value
    if _reads_attribute(handler, bound, HTTP_STATUS_ATTRIBUTES):
        return None
    if types and all(_is_own(state.qualified_name(e) or "", own_packages) for e in types) \
            and _reads_attribute(handler, bound, OWN_ERROR_CODE_ATTRIBUTES):
        return None
    if path and types and all(raised_with_fixed_messages(path, state.qualified_name(e) or "") for e in types):
        return None
    return Taint("error", bound)


def own_packages_of(project_path: str) -> frozenset[str]:
    """The top-level package a file belongs to, by its path from the project root (`api/views/docs.py` -> `api`)."""
    folders = [part for part in project_path.split("/")[:-1] if part]
    while folders and folders[0] in SOURCE_ROOTS:
        folders.pop(0)
    return frozenset(folders[:1])


def _is_own(qualified: str, own_packages: frozenset[str]) -> bool:
    """A class imported from the project's own package (`api.services.BusinessRuleError`) or relatively (`.errors`)."""
    return qualified.startswith(".") or qualified.partition(".")[0] in own_packages and "." in qualified


def _reads_attribute(handler: cst.ExceptHandler | cst.ExceptStarHandler, name: str, attributes: frozenset[str]) -> bool:
    """`except MlflowException as e: ... status_code=e.get_http_status_code()`: the handler answers with the status
    (or the error code) the exception carries, so the exception is the application's API error, whose message is
    written for the client."""
    return any(node.attr.value in attributes and type(node.value) is cst.Name and node.value.value == name
               for node in own_nodes_of(handler.body, cst.Attribute))


def _meant_for_client(exception: str) -> bool:
    return exception in CLIENT_MEANT_EXCEPTIONS or exception.endswith(RESPONSE_CARRIER_SUFFIXES) \
        or bool(CLIENT_INPUT_WORDS.intersection(name_words(exception))) \
        or any(stem in exception.lower() for stem in CLIENT_INPUT_STEMS)


def handled_exception(function: cst.FunctionDef, registered: dict[str, cst.BaseExpression] | None = None,
                      imports: ImportTable | None = None) -> str | None:
    """The parameter that holds the exception in `@app.exception_handler(Exception)` (FastAPI, Starlette),
    `@app.errorhandler(SQLAlchemyError)` (Flask) or, in a module that imports the framework, Sanic's
    `@app.exception(Exception)`, or in a function `registered` for an exception class elsewhere in the module
    (`app.exceptions_handlers[Exception] = on_error`): an internal error, unless its class is written for the client.
    A status code (`@app.errorhandler(404)`) names an HTTP error, whose text is meant for the client."""
    params = function.params.params
    if not params:
        return None
    classes = [call.args[0].value for call in (d.decorator for d in function.decorators)
               if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.args
               and (call.func.attr.value in EXCEPTION_HANDLER_DECORATORS or (
                   imports is not None and call.func.attr.value in FRAMEWORK_EXCEPTION_DECORATORS
                   and imports.imports_any(FRAMEWORK_EXCEPTION_DECORATORS[call.func.attr.value])))]
    if registered and function.name.value in registered:
        classes.append(registered[function.name.value])
    for value in classes:
        handled = dotted_name(value)
        if handled is not None and not _meant_for_client(handled.rpartition(".")[2]):
            return params[-1].name.value
    return None


def registered_handlers(module: cst.Module, source: str) -> dict[str, cst.BaseExpression]:
    """The functions the module registers as exception handlers without a decorator, at its top level or in a
    function of it (an app factory): function name -> the exception class it handles."""
    if not any(hint in source for hint in HANDLER_REGISTRATION_HINTS):
        return {}
    scopes: list[cst.CSTNode] = [module, *(s for s in module.body if type(s) is cst.FunctionDef)]
    found: dict[str, cst.BaseExpression] = {}
    for scope in scopes:
        for call in own_nodes_of(scope, cst.Call):
            func = call.func
            if type(func) is cst.Attribute and func.attr.value in HANDLER_REGISTRATION_CALLS and len(call.args) >= 2 \
                    and type(call.args[1].value) is cst.Name:
                found[call.args[1].value.value] = call.args[0].value  # type: ignore[attr-defined]
        for assign in own_nodes_of(scope, cst.Assign):
            for target in assign.targets:
                registry = target.target
                if type(registry) is cst.Subscript and type(registry.value) is cst.Attribute \
                        and registry.value.attr.value in HANDLER_REGISTRIES and type(assign.value) is cst.Name \
                        and len(registry.slice) == 1 and type(registry.slice[0].slice) is cst.Index:
                    found[assign.value.value] = registry.slice[0].slice.value
    return found


def framework_error_handler(function: cst.FunctionDef, imports: ImportTable) -> str | None:
    """The parameter that holds the error in a `FRAMEWORK_ERROR_HANDLERS` handler (`@app.error(500)`,
    `@socketio.on_error_default`) or a chat bot's error event (`CHAT_ERROR_EVENTS`), if the function is one."""
    params = function.params.params
    if params and imports.imports_any(CHAT_ERROR_EVENTS.get(function.name.value, ())):
        return params[-1].name.value
    for decorator in function.decorators if params else ():
        call = decorator.decorator if isinstance(decorator.decorator, cst.Call) else None
        target = call.func if call is not None else decorator.decorator
        name = target.attr.value if isinstance(target, cst.Attribute) else None
        module, by_status = FRAMEWORK_ERROR_HANDLERS.get(name or "", ("", False))
        if not module or not imports.imports_any((module,)):
            continue
        status = literal_value(call.args[0].value) if call is not None and call.args else None
        if not by_status or (type(status) is int and status >= SERVER_ERROR_STATUS):
            return params[-1].name.value
    return None


TRY_TYPES = frozenset({cst.Try, cst.TryStar})


def _may_read_traceback(call: cst.Call, imports: ImportTable) -> bool:
    """Whether `error_source` may take the call for a `TRACEBACK_CALLS` call (a superset of its test)."""
    func = call.func
    if type(func) is cst.Attribute:
        return func.attr.value in TRACEBACK_FUNCTIONS
    return type(func) is cst.Name and imports.qualified_name(func) in TRACEBACK_CALLS


def client_send_methods(imports: ImportTable) -> frozenset[str]:
    """The `CLIENT_SEND_METHODS` of the libraries a module imports."""
    return frozenset().union(*(methods for modules, methods in CLIENT_SEND_METHODS if imports.imports_any(modules)))


def sending_helpers(module: cst.Module, methods: frozenset[str], imports: ImportTable) -> frozenset[str]:
    """The module's functions that send to the client (`async def broadcast(payload): websockets.broadcast(...)`,
    `for peer in room: await peer.send_json(payload)`): what they are handed reaches the client."""
    found = set()
    for statement in module.body:
        if type(statement) is cst.FunctionDef and any(
                type(call.func) is cst.Attribute and call.func.attr.value in methods
                or imports.qualified_name(call.func) == BROADCAST for call in walked_calls(statement)):
            found.add(statement.name.value)
    return frozenset(found)


def error_source(node: cst.BaseExpression, state: FlowState, formatted: str | None = None) -> Taint | None:
    """A traceback call; in an error formatter, the exception behind the GraphQL error it `formatted`."""
    if type(node) is cst.Call and state.qualified_name(node) in TRACEBACK_CALLS:
        return Taint("error", f"{short_code(node.func)}()")
    if formatted is not None and type(node) is cst.Attribute and node.attr.value == RAISED_BY_RESOLVER \
            and type(node.value) is cst.Name and node.value.value == formatted:
        return Taint("error", f"{formatted}.{RAISED_BY_RESOLVER}")
    return None


def error_formatters(module: cst.Module, source: str) -> frozenset[str]:
    """The functions the module hands to a GraphQL app as its error formatter (`error_formatter=format_error`), at
    its top level or in an app factory."""
    if not any(keyword in source for keyword in ERROR_FORMATTER_KEYWORDS):
        return frozenset()
    scopes: list[cst.CSTNode] = [module, *(s for s in module.body if type(s) is cst.FunctionDef)]
    return frozenset(arg.value.value for scope in scopes for call in own_nodes_of(scope, cst.Call)  # type: ignore[attr-defined]
                     for arg in call.args if arg.keyword is not None and arg.keyword.value in ERROR_FORMATTER_KEYWORDS
                     and type(arg.value) is cst.Name)


def returns_answer(function: cst.FunctionDef, imports: ImportTable) -> bool:
    """A method whose decorator makes its return value the response (`RETURNING_DECORATORS`: `@bentoml.api`)."""
    for decorator in function.decorators:
        expression = decorator.decorator
        target = expression.func if type(expression) is cst.Call else expression
        name = target.attr.value if type(target) is cst.Attribute else target.value if type(target) is cst.Name else ""
        if any(name in names and imports.imports_any(modules) for modules, names in RETURNING_DECORATORS):
            return True
    return False


class ErrorDetailsToClient(FlowRule):
    """An exception's text or a traceback is sent to the client.

    ## What it does
    Follows the exception bound by `except ... as e` (its `str()`, `repr()`, f-string, `.args`, an
    upstream error body such as `e.response.text`) and `traceback.format_exc()` into what the client
    receives: the value a web view returns (also a Connexion handler an OpenAPI document routes by `operationId`, and a
    Nameko `@http("POST", "/x")` entrypoint's `return 502, json.dumps(...)`),
    `jsonify()`, `make_response()`, Django `HttpResponse`/
    `JsonResponse`, DRF `Response`, FastAPI `HTTPException(detail=...)`, `Response`, `JSONResponse`, `abort()`,
    `flash()`, a Tornado handler's `self.write()`/`self.finish()`, an `http.server` handler's `self.wfile.write()` (and a
    method of a handler class that writes either way: `self._send_json(500, {"error": str(exc)})`), the body a Falcon
    responder sets (`resp.media = ...`,
    `resp.text`) and Falcon's `HTTP...Error(description=...)`, what the verbs of a Flask `MethodView`, a Flask-RESTX
    `Resource` or a Sanic `HTTPMethodView` return, Flask-RESTX's `abort()`/`ns.abort()`, Sanic's `SanicException`, Pyramid's
    `Response` and `HTTP...` exceptions, Chalice's `Response` and `BadRequestError`, Azure Functions' `HttpResponse`,
    Bottle's `HTTPResponse`/`abort()`, BlackSheep's `json()`/`text()` and Robyn's `Response`, a Socket.IO event's
    `emit()`/`send()`, what an exception handler returns also when it is registered by a call
    (`app.register_error_handler(Exc, f)`, `app.add_exception_handler(Exc, f)`) or in BlackSheep's
    `app.exceptions_handlers[Exc] = f`, the details a gRPC servicer method ends its call with
    (`context.abort(code, str(e))`, `context.set_details(...)`), what an AWS Lambda handler
    (`def handler(event, context)`) returns, also through a helper that builds the proxy response (`return
    response(500, {"error": str(e)})`), chat replies (`say()`, `respond()`, `chat_postMessage()`; discord.py's
    `ctx.send()`, `message.reply()`, `interaction.response.send_message()`, hikari's `respond()`), WebSocket frames
    (`ws.send()`, `websockets.broadcast()`, Starlette's `websocket.send_json()`, aiohttp's `send_str()`, and a
    function of the module that sends what it is handed, `await broadcast({"error": str(e)})`), and what a
    Streamlit script shows its visitor (`st.error(...)`, `st.exception(e)`, `st.code(traceback.format_exc())`,
    `st.write(...)`). Exceptions written for the
    client (`ValueError`, `ValidationError`, `PermissionDenied`, `Http404`, `HTTPException`, a parser's
    `JSONDecodeError`/`YAMLError`/`TOMLDecodeError` about the payload it was handed, `re.error` about the pattern
    it was handed, ..., and those
    named for bad input: `InvalidInput`, `SourceParseError`, `HeaderError`, a request body's `MultiPartException`)
    are not reported, nor is an application's API error answered with the HTTP status it carries
    (`except MlflowException as e: HTTPException(e.get_http_status_code(), e.message)`) or an error class of
    the file's own package answered with the error code it carries (`from api.services import RuleError`,
    then `{"error": e.message, "error_code": e.error_code}`), nor one of the project's own error classes that the
    file or the module defining it (an error module, `errors.py`, `exceptions.py`, beside the file or one
    package up, or a module of its own package the file imports: `from . import llm`, then `except
    llm.AssistantError`; `from inventory.stock import OutOfStock`; a class of another module is not followed)
    raises, it and its subclasses, there and in the file only with its own wording (`raise AssistantError("the
    assistant is unavailable")`, an f-string of plain names such as `f"no order {order_id}"`, not of a caught
    exception or a `response.text`), nor are
    details chosen only when debugging is on (`traceback.format_exc() if settings.DEBUG else "Internal
    Server Error"`, or sent by a function that first leaves unless it is: `if not settings.DEBUG: raise exc`), nor
    the response an exception carries, handed back whole (`except _RollBackRevisionView as ex: return ex.response`:
    built by the code before it raised; its body, `e.response.text`, still counts), nor details in a handler only
    administrators reach (`@admin_required`, `Depends(get_admin_user)`): the operator who changed a setting is told
    why it failed. The exception an error handler receives (`@app.exception_handler(Exception)`,
    `@app.errorhandler(SQLAlchemyError)`, Sanic's `@app.exception(Exception)`, Bottle's `@app.error(500)`,
    Flask-SocketIO's `@socketio.on_error_default`, discord.py's `on_command_error(ctx, error)` and
    `on_app_command_error`) counts as caught, unless its class or status is written for the client. A Graphene
    resolver or mutation answers with what it returns (`return FetchCover(error=str(exc))`), so does a BentoML
    service's `@bentoml.api` or `@bentoml.task` method, and a GraphQL error formatter handed to the app
    (`GraphQL(schema, error_formatter=format_error)`) with the entry it returns, reported when it carries the
    resolver's exception (`error.original_error`; the error's own message is what the server answers anyway), and a
    Django Channels consumer with the frames it sends (`self.send_json(...)`, `self.send(text_data=...)`).

    ## Why is this bad?
    Exception text carries what an attacker needs next: SQL fragments and table names from the database
    driver, file paths, internal host names and ports, library versions, and in a traceback the source
    lines themselves. It also confirms which payloads reached which code.

    ## Example
    ```python
    from flask import Flask, jsonify

    app = Flask(__name__)

    @app.post("/orders")
    def create_order():
        try:
            return jsonify(place_order())
        except Exception as exc:
            return jsonify(error=str(exc)), 500
    ```

    ## Use instead
    ```python
    import logging

    from flask import Flask, jsonify

    app = Flask(__name__)
    logger = logging.getLogger(__name__)

    @app.post("/orders")
    def create_order():
        try:
            return jsonify(place_order())
        except Exception:
            logger.exception("placing an order failed")
            return jsonify(error="internal error"), 500
    ```

    ## References
    - [CWE-209: Generation of Error Message Containing Sensitive Information](https://cwe.mitre.org/data/definitions/209.html)
    - [OWASP: Improper Error Handling](https://owasp.org/www-community/Improper_Error_Handling)
    """

    code = "VC414"
    # the error modules beside the file and the modules of its package it imports; the OpenAPI documents that route its
    # functions (Connexion)
    cache_inputs = (own_errors_inputs, openapi_inputs)
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    name = "error-details-to-client"
    category = Category.SECURITY
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = CWE
    # Names: every finding's value comes from an `except ... as` handler (the keyword `except`), a GraphQL error's
    # `original_error`, an error handler's
    # parameter (`exception_handler`, `errorhandler`, a function registered by `add_exception_handler` or in
    # `exceptions_handlers`) or a `TRACEBACK_CALLS` call, whose resolved name has `traceback` or `exc_info` as a part
    # (a name in the file).
    file_hints = ("except", "traceback", "exc_info", RAISED_BY_RESOLVER, *sorted(EXCEPTION_HANDLER_DECORATORS),
                  *sorted(FRAMEWORK_ERROR_HANDLERS), *HANDLER_REGISTRATION_HINTS)
    file_hints_are_names = True

    def __init__(self, context: RuleContext, options: Any = None) -> None:
        super().__init__(context, options)
        self._returns_to_client = False
        self._response_parameter: str | None = None
        self._view_classes: list[bool] = []  # per enclosing class: a class-based view whose verbs answer by returning
        self._consumer_classes: list[bool] = []  # per enclosing class: a Channels consumer, which answers by sending
        self._writing_methods: list[frozenset[str]] = []  # per enclosing class: its methods that write the response
        # The function walked (None: the module's top level), asked whether only administrators reach it, or only
        # with debugging on, when an error would be reported there (most functions send none: the question is asked
        # of few).
        self._function: cst.FunctionDef | None = None
        self._grpc_context: str | None = None  # a gRPC servicer method's `context` parameter
        self._lambda_handler = False  # an AWS Lambda handler, answering with what it returns
        self._send_methods: frozenset[str] = frozenset()  # the module's `CLIENT_SEND_METHODS`
        self._sending_helpers: frozenset[str] = frozenset()  # the module's functions that make such a call
        self._registered: dict[str, cst.BaseExpression] = {}  # functions registered as exception handlers by a call
        self._operations: frozenset[str] = frozenset()  # functions an OpenAPI document routes (Connexion's handlers)
        self._formatters: frozenset[str] = frozenset()  # functions handed to a GraphQL app as its error formatter

    def new_state(self) -> FlowState:
        state = FlowState(self.context.imports, error_source, checks_clear=False)
        state.caught = functools.partial(caught_exception, own_packages=own_packages_of(self.context.project_path),
                                         path=self.context.path)
        return state

    def skips(self, function: cst.FunctionDef) -> bool:
        """A function that catches no exception by name, reads no traceback (`error_source`'s calls, by their last
        name) and is no error handler holds no exception's details: nothing to follow."""
        statements = walked_statements(function)
        if statements is None or any(type(s) in TRY_TYPES and any(h.name is not None for h in s.handlers)  # type: ignore[attr-defined]
                                     for s in statements):
            return False
        imports = self.context.imports
        if function.name.value in self._formatters or any(_may_read_traceback(call, imports)
                                                             for call in walked_calls(function)):
            return False
        return handled_exception(function, self._registered, imports) is None \
            and framework_error_handler(function, imports) is None

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        """A view's return value is the response: a route, a Django view, an exception handler."""
        params = [p.name.value for p in function.params.params]
        django_view = bool(params) and params[0] in ("request", "req") and module_uses_web_framework(state.imports)
        method_view = len(params) > 1 and params[0] == "self" and params[1] == "request" \
            and module_uses_web_framework(state.imports)
        view_verb = bool(self._view_classes and self._view_classes[-1]) and function.name.value in VIEW_VERBS
        graphene = bool(GRAPHENE_ANSWERS.match(function.name.value)) and state.imports.imports_any(("graphene",))
        # (a Connexion handler returns its response, `return {"detail": ...}, 500`, as a Flask view does)
        routed = not self._view_classes and function.name.value in self._operations
        self._returns_to_client = is_route_handler(function) or routed or django_view or method_view or view_verb \
            or graphene or any(
            isinstance(d.decorator, cst.Call) and isinstance(d.decorator.func, cst.Attribute)
            and d.decorator.func.attr.value in EXCEPTION_HANDLER_DECORATORS for d in function.decorators)
        self._response_parameter = params[2] if function.name.value.startswith("on_") and len(params) >= 3 \
            and params[0] == "self" else None
        self._grpc_context = params[2] if params in GRPC_SERVICER_PARAMETERS and state.imports.imports_any(("grpc",)) \
            else None
        self._lambda_handler = params in LAMBDA_PARAMETERS
        self._returns_to_client |= self._lambda_handler or returns_answer(function, state.imports)
        if function.name.value in self._formatters and params and not self._view_classes:
            self._returns_to_client = True
            state.source = functools.partial(error_source, formatted=params[0])
        handled = handled_exception(function, self._registered, state.imports) \
            or framework_error_handler(function, state.imports)
        self._returns_to_client |= handled is not None
        if handled is not None:
            state.names[handled] = Taint("error", handled)
        self._function = function

    def visit_Module(self, node: cst.Module) -> None:
        self._registered = registered_handlers(node, self.context.source)
        self._operations = frozenset(operations_for(self.context.path))
        self._formatters = error_formatters(node, self.context.source)
        self._send_methods = client_send_methods(self.context.imports)
        self._sending_helpers = sending_helpers(node, self._send_methods, self.context.imports) \
            if self._send_methods else frozenset()
        super().visit_Module(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        super().visit_ClassDef(node)
        self._view_classes.append(module_uses_web_framework(self.context.imports) and any(
            (dotted_name(base.value) or "").rpartition(".")[2] in RETURNING_VIEW_BASES for base in node.bases))
        self._consumer_classes.append(self.context.imports.imports_any((CONSUMER_MODULE,)) and any(
            (dotted_name(base.value) or "").endswith(CONSUMER_BASE_SUFFIX) for base in node.bases))
        self._writing_methods.append(_writing_methods(node) if self.in_handler_class() else frozenset())

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        super().leave_ClassDef(original_node)
        self._view_classes.pop()
        self._consumer_classes.pop()
        self._writing_methods.pop()

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        if type(node) is cst.Return and node.value is not None and self._returns_to_client \
                and self._leak(node.value, state, "the response this view returns"):
            return
        if type(node) is cst.Return and self._lambda_handler and type(node.value) is cst.Call \
                and any(self._leak(arg.value, state, "the response this handler returns") for arg in node.value.args):
            return
        if type(node) is cst.Assign and self._response_parameter is not None:
            for target in node.targets:
                field = target.target
                if type(field) is cst.Attribute and field.attr.value in RESPONDER_BODY_ATTRIBUTES \
                        and dotted_name(field.value) == self._response_parameter \
                        and self._leak(node.value, state, f"`{short_code(field)}`"):
                    return
        for call in iter_calls(node):
            name = state.qualified_name(call) or ""
            func = call.func
            method = func.attr.value if type(func) is cst.Attribute else None
            is_message = method in MESSAGE_METHODS or (type(func) is cst.Name and func.value in MESSAGE_FUNCTIONS)
            sends = method in self._send_methods or (type(func) is cst.Name and func.value in self._sending_helpers)
            writes = type(func) is cst.Attribute and dotted_name(func.value) == "self" and (
                (method in HANDLER_WRITE_METHODS and self.in_handler_class())
                or (method in CONSUMER_SEND_METHODS and bool(self._consumer_classes) and self._consumer_classes[-1])
                or (bool(self._writing_methods) and method in self._writing_methods[-1])) \
                or (type(func) is cst.Attribute and method == "write" and self.in_handler_class()
                    and dotted_name(func.value) == HANDLER_BODY_STREAM)
            aborts = method == "abort" and type(func) is cst.Attribute and is_rest_namespace(func.value, state.imports)
            details = method in GRPC_DETAIL_METHODS and self._grpc_context is not None \
                and dotted_name(func.value) == self._grpc_context  # type: ignore[attr-defined]
            if name in RESPONSE_CALLS or name.startswith(RESPONSE_CLASS_PREFIXES) or is_message or sends or writes \
                    or aborts or details:
                where = "a chat message" if is_message else f"a message sent by `{short_code(func)}()`" if sends \
                    else f"`{short_code(func)}()`"
                for arg in call.args:
                    if self._leak(arg.value, state, where):
                        return

    def _leak(self, value: cst.BaseExpression, state: FlowState, where: str) -> bool:
        value = _production_branch(value)
        taint = state.taint_of(value)
        if taint is None or taint.kind != "error" or _carried_response(value, taint.origin) \
                or (self._function is not None and (restricted_to_admins(self._function)
                                                    or _leaves_unless_debugging(self._function))):
            return False  # (an administrator who changed a setting is told why it failed: the operator's own error)
        self.report(value, f"Exception details from `{taint.origin}` are sent to the client in {where}, exposing "
                    "internals such as queries, paths and hosts.", hint="Log the exception with "
                    "`logger.exception(...)` and send the client a generic message (and an error id if useful).",
                    cwe=CWE)
        return True


def _writing_methods(handler: cst.ClassDef) -> frozenset[str]:
    """The methods of a request handler class that write the response body (`self.wfile.write(...)` of `http.server`,
    Tornado's `self.write(...)`): a call of one in the class sends its arguments to the client."""
    found = set()
    for statement in handler.body.body:
        if type(statement) is cst.FunctionDef and any(
                type(call.func) is cst.Attribute and (
                    dotted_name(call.func.value) == HANDLER_BODY_STREAM and call.func.attr.value == "write"
                    or dotted_name(call.func.value) == "self" and call.func.attr.value in HANDLER_WRITE_METHODS)
                for call in walked_calls(statement)):
            found.add(statement.name.value)
    return frozenset(found)


def _carried_response(value: cst.BaseExpression, caught: str) -> bool:
    """`except _RollBackRevisionView as ex: return ex.response`: the exception carries the response the code built
    before raising it (django-reversion's rollback, allauth's `ImmediateHttpResponse`), handed back whole; its body
    (`e.response.text`, an upstream error page) is still the failure's details."""
    return type(value) is cst.Attribute and value.attr.value == "response" and dotted_name(value.value) == caught


def _names_debug_flag(test: cst.BaseExpression) -> bool:
    """`settings.DEBUG`, `app.debug`, `DEBUG_MODE`."""
    return (dotted_name(test) or "").rpartition(".")[2].lower() in DEBUG_FLAGS


def _leaves_unless_debugging(function: cst.FunctionDef) -> bool:
    """`if not settings.DEBUG: raise exc` (or `return ...`) as the function's first statement: the rest runs only for a
    developer who switched debugging on (django-ninja's default exception handler), so the details it sends reach no
    production client."""
    body = function.body
    statements = list(body.body) if isinstance(body, cst.IndentedBlock) else []
    if statements and isinstance(statements[0], cst.SimpleStatementLine) and isinstance(statements[0].body[0], cst.Expr) \
            and isinstance(statements[0].body[0].value, (cst.SimpleString, cst.ConcatenatedString)):
        statements = statements[1:]  # the docstring
    first = statements[0] if statements else None
    if not isinstance(first, cst.If) or first.orelse is not None or not isinstance(first.body, cst.IndentedBlock):
        return False
    test = first.test
    if not (isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not) and _names_debug_flag(test.expression)):
        return False
    last = first.body.body[-1]
    return isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], (cst.Raise, cst.Return))


def _production_branch(value: cst.BaseExpression) -> cst.BaseExpression:
    """What a value is with debugging off: `traceback.format_exc() if settings.DEBUG else "Internal error"` sends
    the details only to a developer who switched `DEBUG` on, so only its `else` reaches production clients."""
    if not isinstance(value, cst.IfExp):
        return value
    test, negated = value.test, False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test, negated = test.expression, True
    if not _names_debug_flag(test):
        return value
    return value.body if negated else value.orelse
