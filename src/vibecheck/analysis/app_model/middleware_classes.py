"""Falcon middleware classes: which of a class's request hooks can turn a request away, and which fail open."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.cst_fields import own_nodes_of, walk_own
from vibecheck.imports import full_name

# Exceptions whose handler catches the refusal a check raises (`falcon.HTTPUnauthorized` derives from `HTTPError`).
CATCHES_DENIAL = frozenset({"Exception", "BaseException", "HTTPError", "HTTPUnauthorized", "HTTPForbidden"})


def swallows_denial(function: cst.FunctionDef) -> bool:
    """`try: ... raise falcon.HTTPUnauthorized() ... except Exception: log.warning(...)`: the check's own refusal is
    caught by a handler that neither raises nor answers 401/403, so every request goes through."""
    for node in own_nodes_of(function.body, cst.Try):
        if not any(type(n) is cst.Raise for n in walk_own(node.body)):
            continue
        if any(_catches_denial(handler) and not _refuses(handler.body) for handler in node.handlers):
            return True
    return False


def _catches_denial(handler: cst.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    caught = handler.type.elements if isinstance(handler.type, cst.Tuple) else [cst.Element(handler.type)]
    return any((full_name(e.value) or "").rpartition(".")[2] in CATCHES_DENIAL for e in caught)


def _refuses(block: cst.BaseSuite) -> bool:
    """A handler that raises, or names a refusal (`resp.status = falcon.HTTP_401`, `HTTPUnauthorized`)."""
    return any(type(n) is cst.Raise or (type(n) is cst.Name and (n.value in fw.DENIAL_NAMES or n.value.endswith(("401", "403"))))
               for n in walk_own(block))
