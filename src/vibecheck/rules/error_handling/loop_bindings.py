"""What a loop's body may change: the names it binds or hands to code that may mutate them. VC114 (a loop whose
condition never changes) and VC109 (a retry loop whose counter never moves) both ask it."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import names_in, walk_own

# Statements and expressions that bind names, and the field holding their targets.
BINDINGS = {cst.AssignTarget: "target", cst.AugAssign: "target", cst.AnnAssign: "target", cst.For: "target",
            cst.CompFor: "target", cst.NamedExpr: "target", cst.Del: "target", cst.AsName: "name"}


def touched_names(body: cst.BaseSuite) -> set[str]:
    """Names the body may change: bound there (`i += 1`, `a, b = b, a`, `for i in ...`, `del i`), or handed to code
    that may mutate the object (`queue.pop()`, `advance(cursor)`); plain reads (`total += n`) change nothing."""
    touched: set[str] = set()
    for inner in walk_own(body):
        kind = type(inner)
        if kind in BINDINGS:
            touched.update(names_in(getattr(inner, BINDINGS[kind])))
        elif isinstance(inner, (cst.Attribute, cst.Arg)) and type(inner.value) is cst.Name:
            touched.add(inner.value.value)
    return touched
