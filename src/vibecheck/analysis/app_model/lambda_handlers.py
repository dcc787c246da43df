"""AWS Lambda handlers behind API Gateway seen as routes: `def get_document(event, context)`.

The URL's captures are the event's `pathParameters` (`doc_id = event["pathParameters"]["docId"]`). The authorizer that
signs callers in is configured outside the code (SAM, serverless.yml, the console), so the code shows it only where a
handler reads the caller it signed in: `event["requestContext"]["authorizer"]["claims"]["sub"]`, or a function named for
the caller handed the event (`user = caller_id(event)`). An authorizer guards the whole API, so a module one of whose
handlers reads it serves all its handlers to signed-in callers only, also one that never asks who they are.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.app_model.handlers import ID_NAME, Handler, body_callers, parameters
from vibecheck.analysis.flow import LAMBDA_CONTEXT_NAMES, LAMBDA_EVENT_NAMES, string_value
from vibecheck.cst_fields import walk_own

# The event's keys that hold the URL's captures, and the one that holds the caller an authorizer signed in.
CAPTURE_KEYS = frozenset({"pathParameters"})
AUTHORIZER_KEY = "authorizer"


def event_parameter(function: cst.FunctionDef) -> str | None:
    """`event` of `def handler(event, context)`, for a module-level function; None for any other function."""
    names = [p.name.value for p in parameters(function)]
    if len(names) == 2 and names[0] in LAMBDA_EVENT_NAMES and names[1] in LAMBDA_CONTEXT_NAMES:
        return names[0]
    return None


def authorizer_read(module: cst.Module) -> bool:
    """A Lambda handler of the module reads the caller its API's authorizer signed in."""
    for statement in module.body:
        if type(statement) is not cst.FunctionDef or (event := event_parameter(statement)) is None:
            continue
        if body_callers(statement, {event}) or _reads_key(statement, AUTHORIZER_KEY):
            return True
    return False


def lambda_handler(function: cst.FunctionDef, authorized: bool) -> Handler | None:
    """The route view of a Lambda handler that reads an id from its path (`event["pathParameters"]["docId"]`), signed
    in when it or a handler of its module (`authorized`) reads the authorizer's caller; None for any other function."""
    event = event_parameter(function)
    captured = _captured_ids(function) if event is not None else set()
    if event is None or not captured:
        return None
    identity = body_callers(function, {event})
    signed_in = authorized or bool(identity) or _reads_key(function, AUTHORIZER_KEY)
    return Handler(function, frozenset({"GET"}), signed_in, identity_params=identity, client_ids=captured,
                   inputs=captured)


def _captured_ids(function: cst.FunctionDef) -> set[str]:
    """Id-named names bound to a path capture: `doc_id = event["pathParameters"]["docId"]`, also through `.get(...)`
    and through a name holding the captures (`params = event.get("pathParameters") or {}`, then `params["docId"]`)."""
    assigns = [node for node in walk_own(function.body) if type(node) is cst.Assign]
    reading = [node for node in assigns if any(_key_of(inner) in CAPTURE_KEYS for inner in walk_own(node.value))]
    holders = {t.target.value for node in reading for t in node.targets if type(t.target) is cst.Name}
    reading += [node for node in assigns if any(type(inner) is cst.Name and inner.value in holders
                                                for inner in walk_own(node.value))]
    return {t.target.value for node in reading for t in node.targets
            if type(t.target) is cst.Name and ID_NAME.match(t.target.value)}


def _reads_key(function: cst.FunctionDef, key: str) -> bool:
    return any(_key_of(node) == key for node in walk_own(function.body))


def _key_of(node: cst.CSTNode) -> str | None:
    """The literal key a subscript or a `.get(...)` reads: `"pathParameters"` of `event["pathParameters"]`."""
    if type(node) is cst.Subscript and len(node.slice) == 1 and type(node.slice[0].slice) is cst.Index:
        return string_value(node.slice[0].slice.value)
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" and node.args:
        return string_value(node.args[0].value)
    return None
