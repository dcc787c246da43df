"""What VC402 and VC417 say a built query lets through: a value (the usual wording), or only a dict's keys, which
become identifiers (`_dict_key_identifiers` decides). Text only, no libcst: VC417 runs in the project phase, which a
hook runs in its own process without loading libcst."""

from __future__ import annotations

# Appended to a built query's origin (`f"..."`) when only a dict's keys vary in it: a helper that executes the query
# records the value wording in its summary, and the caller's origin, joined in, turns it into the key wording.
KEY_MARK = " from a dict's keys"
VALUE_HARM = "a value can rewrite the query."
VALUE_HINT = ("Keep the SQL text constant and pass the values as parameters, e.g. "
              "`cursor.execute(\"... WHERE id = %s\", (value,))`.")
KEY_HARM = ("the keys of a dict become identifiers (column names) in it: whoever chooses the keys can rewrite the "
            "query.")
KEY_HINT = ("Check each key against an allow-list of the table's columns, or quote it as an identifier "
            "(`sqlalchemy.column(key)`, `quoted_name(key, True)`, the driver's identifier quoting such as "
            "`psycopg.sql.Identifier(key)`); the values can stay bound parameters.")


def key_wording(message: str, hint: str) -> tuple[str, str]:
    """A joined finding's message and hint in the key wording when its origin carries KEY_MARK, else as they are."""
    if KEY_MARK not in message:
        return message, hint
    return message.replace(KEY_MARK, "").replace(VALUE_HARM, KEY_HARM), KEY_HINT if hint == VALUE_HINT else hint
