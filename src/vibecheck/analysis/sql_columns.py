"""Which column each placeholder of SQL that writes a row fills, for the rules that judge what a column is given."""

from __future__ import annotations

import re

from vibecheck.patterns import lazy_pattern

# SQL that writes a row, run with its values as a tuple of parameters: `execute("INSERT INTO users (email, role)
# VALUES (?, ?)", (email, data["role"]))`, `execute("UPDATE users SET role = %s WHERE id = %s", (...))`. A value's
# placeholder names its column: the one it is assigned to, or the one at its place in the `INSERT`'s column list.
# The runner may be the module's own helper (`query_db(sql, args)`, `query(sql, params, commit=True)`): SQL text that
# writes the row, then its parameters, is read whatever the call is named.
SQL_PLACEHOLDER = lazy_pattern(r"\?|%s")
INSERTED_COLUMNS = lazy_pattern(r"\binsert\s+(?:or\s+\w+\s+)?into\s+[\w.\"`]+\s*\(([^)]*)\)\s*values\s*\(([^)]*)\)",
                              re.IGNORECASE)
ASSIGNED_COLUMN = lazy_pattern(r"(?<![\w\"`])[\"`]?(\w+)[\"`]?\s*=\s*$")
UPDATED_COLUMNS = lazy_pattern(r"\bupdate\s+[\w.\"`]+\s+set\b(.*?)(?:\bwhere\b|$)", re.IGNORECASE | re.DOTALL)


def sql_parameter_columns(sql: str) -> dict[int, str]:
    """The column each positional placeholder of a writing statement fills, by the placeholder's index:
    `UPDATE users SET role = ? WHERE id = ?` -> {0: "role"}; `INSERT INTO users (email, role) VALUES (?, ?)`
    -> {0: "email", 1: "role"}."""
    placeholders = list(SQL_PLACEHOLDER.finditer(sql))
    columns: dict[int, str] = {}
    updated = UPDATED_COLUMNS.search(sql)
    for index, found in enumerate(placeholders):
        if updated is None or not updated.start(1) <= found.start() < updated.end(1):
            continue
        assigned = ASSIGNED_COLUMN.search(sql, updated.start(1), found.start())
        if assigned is not None:
            columns[index] = assigned.group(1).lower()
    inserted = INSERTED_COLUMNS.search(sql)
    if inserted is not None:
        names = [name.strip().strip('"`').lower() for name in inserted.group(1).split(",")]
        values = [value.strip() for value in inserted.group(2).split(",")]
        first = sum(1 for found in placeholders if found.start() < inserted.start(2))
        filled = [name for name, value in zip(names, values, strict=False) if SQL_PLACEHOLDER.fullmatch(value)]
        columns.update((first + offset, name) for offset, name in enumerate(filled))
    return columns
