"""Which columns a row fetched with SQL text holds: the `SELECT` list, or for `SELECT *` the table's `CREATE TABLE`."""

from __future__ import annotations

import re

from vibecheck.analysis.secrets_names import name_words
from vibecheck.patterns import lazy_pattern

SELECT = lazy_pattern(r"^\s*select\s+(?:distinct\s+)?(.+?)\s+from\s+[\"'`\[]?(\w+)", re.IGNORECASE | re.DOTALL)
CREATE_TABLE = lazy_pattern(r"create\s+table\s+(?:if\s+not\s+exists\s+)?[\"'`\[]?(\w+)[\"'`\]]?\s*\(",
                            re.IGNORECASE)
# What a column list of `CREATE TABLE` holds besides columns.
CONSTRAINT_WORDS = frozenset({"primary", "foreign", "unique", "check", "constraint", "key", "index"})
COLUMN_NAME = lazy_pattern(r"[\"'`\[]?(\w+)")
# Tables named for accounts (`users`, `app_users`, `accounts`; not `user_roles`): a `SELECT *` of one whose `CREATE TABLE`
# is elsewhere (a migration, `schema.sql`) answers its password hash, which such a table holds by what it is for.
ACCOUNT_TABLE_WORDS = frozenset({"user", "users", "account", "accounts"})
# What an accounts table of unknown columns is taken to hold: no column's name (it has a space), so that a message says
# "its password hash", not a column the table may not have.
UNLISTED_ACCOUNT_COLUMN = "password hash"


def selected_columns(sql: str, created: dict[str, tuple[str, ...]]) -> tuple[str, tuple[str, ...]] | None:
    """(table, columns) a `SELECT` answers: its listed columns (`u.password_hash AS hash` counts as `password_hash`),
    or for `*` the columns of the table's `CREATE TABLE` in `created` (of an accounts table not there, its password
    hash: `UNLISTED_ACCOUNT_COLUMN`); None for other SQL."""
    match = SELECT.match(sql)
    if match is None:
        return None
    listed, table = match.groups()
    if listed.strip() in ("*", f"{table}.*"):
        columns = created.get(table.lower())
        if columns is None and name_words(table)[-1:] and name_words(table)[-1] in ACCOUNT_TABLE_WORDS:
            columns = (UNLISTED_ACCOUNT_COLUMN,)
        return (table, columns) if columns is not None else None
    names = [part.strip().split()[0].rpartition(".")[2].strip("\"'`[]") for part in listed.split(",") if part.strip()]
    return table, tuple(name for name in names if name)


def created_tables(texts: list[str]) -> dict[str, tuple[str, ...]]:
    """The tables the SQL texts create (lower-cased name -> column names)."""
    found: dict[str, tuple[str, ...]] = {}
    for text in texts:
        for match in CREATE_TABLE.finditer(text):
            found[match.group(1).lower()] = tuple(_column_names(text[match.end():]))
    return found


def _column_names(body: str) -> list[str]:
    """The first word of each top-level item of a column list, up to its closing parenthesis."""
    names: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(body + ")"):
        if char == "(":
            depth += 1
        elif char in ",)" and depth == 0:
            word = COLUMN_NAME.match(body[start:index].strip())
            if word is not None and word.group(1).lower() not in CONSTRAINT_WORDS:
                names.append(word.group(1))
            if char == ")":
                break
            start = index + 1
        elif char == ")":
            depth -= 1
    return names

