"""The fix shared by the hard-coded secret rules: read the value from the environment (`os.environ["NAME"]`)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.import_edits import reference
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix, RuleContext

_WORD = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_VARIABLE = lazy_pattern(r"^[A-Za-z_][A-Za-z0-9_]*$")


def variable_name(identifier: str) -> str | None:
    """`secret_key`, `secretKey`, `app.secret_key`'s `secret_key` -> `SECRET_KEY`; None when no word is left."""
    parts = _WORD.findall(identifier)
    name = "_".join(parts).upper()
    return name if parts and _VARIABLE.match(name) else None


def environment_fix(context: RuleContext, node: cst.CSTNode, variable: str | None) -> NodeFix | None:
    """Replace `node` (a literal, or a lookup with a literal default) by `os.environ["VARIABLE"]`, adding `import os`.

    Unsafe: the program now stops with `KeyError` when the variable is unset, and the deployment must set
    it to the value that was in the code (or a new one, after rotating the leaked secret).
    """
    if variable is None or not _VARIABLE.match(variable):
        return None
    environ = reference(context, "os", "environ")
    if environ is None:
        return None
    return NodeFix(f'Read it from `{environ.spelling}["{variable}"]`',
                   ((node, f'{environ.spelling}["{variable}"]'), *environ.replacements), safe=False)
