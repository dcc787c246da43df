"""libcst's parse, without its per-node validation for files Python's own parser accepts.

Every node libcst builds checks its fields as it is made (`CSTNode.__post_init__` calls `_validate`): that
the whitespace a keyword needs is there, that brackets pair, that a name is not empty. The nodes its parser
builds from a file Python accepts satisfy those checks by construction (libcst's own comment in
`__post_init__` says as much), and the checks cost a tenth of the parse. For such a file the checks are off
while the parser runs; every node built afterwards (a rule's fix) is checked as usual, and a file Python
rejects is parsed with the checks on, so a rule never sees a tree libcst would have refused.
"""

from __future__ import annotations

import libcst as cst
from libcst._nodes.base import CSTNode  # the base class whose `__post_init__` runs the checks

_VALIDATING = CSTNode.__dict__.get("__post_init__")


def _unchecked(self: CSTNode) -> None:
    """A node's construction without `_validate`, while the parser builds a file Python accepted."""


def parse_module(source: str, *, python_accepts: bool) -> cst.Module:
    """`libcst.parse_module(source)`; faster when `python_accepts` (Python's `ast` parsed the same text)."""
    if not python_accepts or _VALIDATING is None:  # a libcst release that validates elsewhere: parse as is
        return cst.parse_module(source)
    CSTNode.__post_init__ = _unchecked  # type: ignore[method-assign]
    try:
        return cst.parse_module(source)
    finally:
        CSTNode.__post_init__ = _VALIDATING  # type: ignore[method-assign]
