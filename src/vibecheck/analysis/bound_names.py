"""Names a file binds to what a known kind of call returns: a name that is not named for its kind still holds one.

`REPORTS = sqlite3.connect(...)` is a database connection and `sales = pd.read_parquet(...)` a DataFrame whatever the
names say; rules that otherwise judge a receiver by its name (`cursor`, `df`) ask this once per file.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.flow import dotted_name
from vibecheck.cst_fields import child_nodes
from vibecheck.imports import ImportTable


def names_bound_to_calls(module: cst.Module, imports: ImportTable, accepts: Callable[[str], bool]) -> frozenset[str]:
    """The names and attributes (`self.db`) bound anywhere in `module` to a call whose resolved name `accepts` takes:
    `name = call(...)`, `self.name = call(...)`, `with call(...) as name:`."""
    names: set[str] = set()
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        pending.extend(child_nodes(node))
        if type(node) is cst.Assign:
            targets, value = [target.target for target in node.targets], node.value
        elif type(node) is cst.WithItem and node.asname is not None:
            targets, value = [node.asname.name], node.item
        else:
            continue
        if type(value) is cst.Call and accepts(imports.qualified_name(value.func) or ""):
            names.update(name for target in targets if (name := dotted_name(target)) is not None)
    return frozenset(names)
