"""A row looked up by equality: `conn.execute("SELECT * FROM pastes WHERE slug = ?", (slug,)).fetchone()`.

The database compares the values it is given with the stored ones and hands back `None` when no row matches, so past
a test of the row that leaves on a miss (`if row is None: return None`) the values are ones the table holds, as past
`Model.objects.get(slug=slug)`. Only a query whose every condition is an equality counts (`expires < ?` admits any
value below a bound), and only a fetch of one row that is `None` on a miss (`fetchone()`, SQLAlchemy's `first()`,
`one_or_none()`, `scalar()`). Whether a stored value proves anything depends on who wrote the column: the caller
decides by its name.
"""

from __future__ import annotations

import re

import libcst as cst

from vibecheck.analysis.nodes import callee_tail
from vibecheck.literals import string_value
from vibecheck.patterns import lazy_pattern

ROW_FETCHERS = frozenset({"fetchone", "first", "one_or_none", "scalar", "scalar_one_or_none"})
EXECUTE = "execute"
_WHERE = lazy_pattern(r"\bwhere\b", re.IGNORECASE)
# A condition: its column, its operator and the placeholder it compares with (`?`, `%s`, `%(slug)s`, `:slug`, `$1`).
# A column starts only where a run of its characters starts, so `findall` reads each run once (linear time).
_CONDITION = lazy_pattern(r"(?<![\w.\"`])([\w.\"`]+)\s*(=|<>|!=|<=|>=|<|>|\blike\b|\bin\b)\s*(?:\(\s*)?"
                          r"(?:\?|%s|%\(\w+\)s|:\w+|\$\d+)", re.IGNORECASE)
EQUALS = "="


def row_lookup(call: cst.Call) -> tuple[tuple[str, ...], tuple[cst.BaseExpression, ...]]:
    """(the columns, the parameters) of a one-row fetch whose every condition is an equality (`(("slug",), (slug,))`
    above), or two empty tuples for any other call."""
    func = call.func
    if type(func) is not cst.Attribute or func.attr.value not in ROW_FETCHERS or call.args:
        return (), ()
    query = func.value
    if type(query) is not cst.Call or callee_tail(query.func) != EXECUTE or len(query.args) < 2:
        return (), ()
    text = string_value(query.args[0].value)
    where = _WHERE.search(text) if text is not None else None
    if text is None or where is None:
        return (), ()
    conditions = _CONDITION.findall(text[where.end():])
    if not conditions or any(operator != EQUALS for _, operator in conditions):
        return (), ()
    columns = tuple(column.strip('"`').rpartition(".")[2].lower() for column, _ in conditions)
    params = query.args[1].value
    if type(params) is cst.Tuple or type(params) is cst.List:
        return columns, tuple(element.value for element in params.elements)
    if type(params) is cst.Dict:
        return columns, tuple(element.value for element in params.elements if type(element) is cst.DictElement)
    return (), ()
