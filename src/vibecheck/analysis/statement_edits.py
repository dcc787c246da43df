"""Delete one statement for a fix without breaking its block: the whole line goes, or `pass` stays in its place.

A deleted line takes its line break with it (no blank line is left behind); a statement that is the only
one of an indented block, or the body of `if x: stmt`, becomes `pass`, since a block cannot be empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from vibecheck.rule import NodeFix, WholeLines


def statement_removal(statement: cst.SimpleStatementLine | cst.SimpleStatementSuite,
                      block: Sequence[cst.BaseStatement] | None, what: str) -> NodeFix | None:
    """The unsafe fix that deletes every statement of the line `statement` (`what` it is, for the description), a
    line of `block` (None: the module's top level); None for `if x: a; b`, where one `pass` cannot stand for both."""
    if isinstance(statement, cst.SimpleStatementSuite):  # `if x: breakpoint()`
        if len(statement.body) != 1:
            return None
        return NodeFix(f"Replace {what} with `pass`", ((statement.body[0], "pass"),), safe=False)
    if block is not None and len(block) == 1:
        return NodeFix(f"Replace {what} with `pass`", ((statement, "pass"),), safe=False)
    return NodeFix(f"Delete {what}", ((WholeLines(statement), ""),), safe=False)
