"""VC402 corpus: SQL text from a module function that takes nothing and returns only the code's own text, beside
helpers whose text depends on an argument, a global or a read value."""
import os
import sqlite3

from django.db import connection


def _tree_cte():
    if connection.vendor == "oracle":
        sql = "WITH nodes (id, parent_id) AS (SELECT {0}.id, {0}.parent_id FROM {0} WHERE {0}.parent_id = %s)"
    else:
        sql = "WITH RECURSIVE nodes AS (SELECT {0}.id, {0}.parent_id FROM {0} WHERE {0}.parent_id = %s)"
    return sql.format(connection.ops.quote_name("app_node"))


def _counting_cte():
    return _tree_cte() + "\n"


def descendant_ids(cursor, node_id):
    sql = _tree_cte() + "\n"
    sql += "SELECT id FROM nodes;"
    # ok: VC402 -- the helper returns the code's own text with a quoted table name
    cursor.execute(sql, [node_id])


def descendant_count(cursor, node_id):
    # ok: VC402 -- a helper built from another constant helper
    cursor.execute(f"{_counting_cte()} SELECT COUNT(*) FROM nodes;", [node_id])


def _table_cte(table):
    return f"WITH RECURSIVE nodes AS (SELECT id FROM {table} WHERE parent_id = %s)"


def nodes_of(cursor, table, node_id):
    # expect: VC402 -- the helper pastes its argument
    cursor.execute(_table_cte(table) + " SELECT id FROM nodes", [node_id])


def _configured_cte():
    table = os.environ["NODE_TABLE"]
    return f"WITH RECURSIVE nodes AS (SELECT id FROM {table} WHERE parent_id = %s)"


def configured_nodes(cursor, node_id):
    # expect: VC402 -- the helper's local is read from outside
    cursor.execute(_configured_cte() + " SELECT id FROM nodes", [node_id])


def _rebound_cte():
    table = "app_node"
    table = input()
    return f"SELECT id FROM {table}"


def rebound_nodes(conn: sqlite3.Connection):
    # expect: VC402 -- the local the helper pastes is rebound to a read value
    conn.execute(_rebound_cte() + " WHERE parent_id IS NULL")


suffix = input()


def _global_cte():
    return "SELECT id FROM app_node WHERE kind = '" + suffix + "'"


def global_nodes(conn: sqlite3.Connection):
    # expect: VC402 -- the helper pastes a module global read at run time
    conn.execute(_global_cte() + " ORDER BY id")
