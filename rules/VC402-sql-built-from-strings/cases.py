"""VC402 corpus: SQL text built from values reaches an executing call; parameterised and constant queries do not."""
from google.cloud import bigquery
import re
import secrets
import uuid
import sqlite3
from dataclasses import dataclass, fields
from functools import cached_property

import pandas as pd
from dagster._core.storage.db_io_manager import TableSlice
from dbt.adapters.base.relation import BaseRelation
from django.db import models
from sqlalchemy import text
from sqlalchemy.util import immutabledict

TABLE = "users"
COLUMNS = ("id", "name", "email")


def fstring_inline(cursor, name):
    # expect: VC402
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")


def concatenation_in_variable(conn, user_id):
    query = "SELECT * FROM users WHERE id = " + user_id
    # expect: VC402
    conn.execute(query)


def through_two_assignments(db, email):
    base = "DELETE FROM users WHERE email = '{}'".format(email)
    statement = base
    final = statement
    # expect: VC402
    db.execute(final)


def filter_appended_in_a_branch(conn, workspace_id: int, name_filter: str):
    query = "SELECT id, name FROM files WHERE workspace_id = %s" % workspace_id
    if name_filter:
        query += " AND name ILIKE '%" + name_filter + "%'"
    # expect: VC402
    return conn.execute(query).fetchall()


def number_formatted_then_branch_appends_constant(conn, workspace_id: int, archived: bool):
    query = "SELECT id, name FROM files WHERE workspace_id = %d" % workspace_id
    if archived:
        query += " AND archived_at IS NOT NULL"
    # ok: VC402 -- an int formatted with `%d`, then a constant appended in the branch
    return conn.execute(query).fetchall()


def percent_formatting(cur, day):
    # expect: VC402
    cur.execute("UPDATE stats SET hits = hits + 1 WHERE day = '%s'" % day)


def augmented_assignment(session, name):
    sql = "SELECT id FROM accounts"
    sql += f" WHERE owner = '{name}'"
    # expect: VC402
    return session.execute(text(sql))


def sqlalchemy_text_inline(engine, order):
    with engine.connect() as connection:
        # expect: VC402
        return connection.execute(text(f"SELECT * FROM items ORDER BY {order}"))


def pandas_read_sql(con, region):
    query = f"SELECT * FROM sales WHERE region = '{region}'"
    # expect: VC402
    return pd.read_sql(query, con)


class Article(models.Model):
    title = models.CharField(max_length=100)


def django_raw(slug):
    # expect: VC402
    return Article.objects.raw("SELECT * FROM blog_article WHERE slug = '" + slug + "'")


def executescript_built(connection: sqlite3.Connection, table):
    # expect: VC402
    connection.executescript(f"DROP TABLE {table};")


def walrus_query(cursor, term):
    if (query := f"SELECT * FROM notes WHERE body LIKE '%{term}%'"):
        # expect: VC402
        cursor.execute(query)


def parameterised(cursor, name):
    # ok: VC402
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))


def parameterised_built_first(cursor, name):
    query = "SELECT * FROM users WHERE name = ?"
    # ok: VC402
    cursor.execute(query, (name,))


def constants_only(cursor):
    query = "SELECT " + ", ".join(COLUMNS) + " FROM " + TABLE
    # ok: VC402
    cursor.execute(query)


def placeholders(cursor, ids):
    marks = ",".join("?" for _ in ids)
    # ok: VC402
    cursor.execute(f"SELECT * FROM users WHERE id IN ({marks})", ids)


def placeholder_multiplication(cursor, ids):
    marks = ", ".join(["%s"] * len(ids))
    query = "DELETE FROM sessions WHERE id IN (%s)" % marks
    # ok: VC402
    cursor.execute(query, ids)


def sqlalchemy_bound(session, name):
    # ok: VC402
    return session.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})


def read_sql_with_params(con, region):
    # ok: VC402
    return pd.read_sql("SELECT * FROM sales WHERE region = %(region)s", con, params={"region": region})


def allow_listed_column(cursor, column):
    if column not in COLUMNS:
        raise ValueError(column)
    # ok: VC402
    cursor.execute(f"SELECT {column} FROM users")


def loop_over_constant_tables(cursor):
    for table in ("users", "orders"):
        # ok: VC402
        cursor.execute(f"SELECT COUNT(*) FROM {table}")


def loop_over_parameter(cursor, tables):
    for table in tables:
        # expect: VC402
        cursor.execute(f"DELETE FROM {table}")


def comprehension_over_constant_tables(cursor):
    # ok: VC402 -- a comprehension's items of a literal tuple are constants, as a loop's are
    return [row for table in ("users", "orders") for row in cursor.execute(f"SELECT COUNT(*) FROM {table}")]


def comprehension_over_module_columns(cursor):
    # ok: VC402
    return [cursor.execute(f"SELECT MAX({column}) FROM users").fetchone() for column in COLUMNS]


def comprehension_over_parameter(cursor, tables):
    # expect: VC402
    return [cursor.execute(f"SELECT COUNT(*) FROM {table}").fetchone() for table in tables]


def table_chosen_between_constants(cursor, arcs):
    table = "arc" if arcs else "line_bits"
    query = f"SELECT COUNT(*) FROM {table}"
    # ok: VC402
    cursor.execute(query)


def not_sql_message(logger, name):
    message = f"hello {name}"
    # ok: VC402
    logger.info(message)


def integer_value(cursor, limit):
    # ok: VC402
    cursor.execute(f"SELECT * FROM users LIMIT {int(limit)}")


async def databases_fetch_one(database, email):
    # expect: VC402
    return await database.fetch_one(f"SELECT * FROM users WHERE email = '{email}'")


async def asyncpg_fetchrow(pool, user_id):
    async with pool.acquire() as conn:
        # expect: VC402
        return await conn.fetchrow("SELECT * FROM users WHERE id = " + user_id)


async def asyncpg_fetch_with_arguments(conn, user_id):
    # ok: VC402
    return await conn.fetch("SELECT * FROM users WHERE id = $1", user_id)


async def databases_fetch_all_with_values(database, email):
    # ok: VC402
    return await database.fetch_all(query="SELECT * FROM users WHERE email = :email", values={"email": email})


def fetch_not_sql(client, name):
    # ok: VC402
    return client.fetch(f"https://api.example.com/users/{name}")


def parameterised_but_sort_pasted_in(cursor, user_id, sort):
    # expect: VC402
    cursor.execute(f"SELECT * FROM orders WHERE user_id = %s ORDER BY {sort}", (user_id,))


def parameterised_built_first_with_a_pasted_column(cursor, name, column):
    query = "SELECT id FROM users WHERE " + column + " = ?"
    # expect: VC402
    cursor.execute(query, (name,))


def parameterised_with_constant_table(cursor, name):
    # ok: VC402
    cursor.execute(f"SELECT * FROM {TABLE} WHERE name = %s", (name,))


def add_index(schema_editor, model, column):
    table = schema_editor.quote_name(model._meta.db_table)
    # ok: VC402 -- names quoted by the ORM's own identifier quoting
    schema_editor.execute(f"CREATE INDEX idx ON {table} ({schema_editor.quote_name(column)})")


def drop_table(cursor, connection, name):
    qn = connection.ops.quote_name
    # ok: VC402 -- Django's `qn` convention
    cursor.execute("DROP TABLE %s" % connection.ops.quote_name(name))


def quoter_alias(connection, cursor, table, column):
    quote = connection.ops.quote_name
    # ok: VC402 -- calls through a local alias of the driver's identifier quoting
    cursor.execute("CREATE INDEX %s ON %s (%s)" % (quote(f"{table}_idx"), quote(table), quote(column)))


def quoter_alias_beside_a_raw_value(connection, cursor, table, default):
    qn = connection.ops.quote_name
    # expect: VC402 -- the alias quotes the table, not the pasted default
    cursor.execute("ALTER TABLE %s SET DEFAULT %s" % (qn(table), default))


def quoted_names_in_a_mapping(schema_editor, model, field):
    # ok: VC402 -- every value of the mapping is a quoted identifier
    schema_editor.execute("ALTER TABLE %(table)s DROP COLUMN %(column)s" % {
        "table": schema_editor.quote_name(model._meta.db_table), "column": schema_editor.quote_name(field.column)})


def raw_value_in_a_mapping(schema_editor, model, default):
    # expect: VC402 -- one value of the mapping is pasted as it is
    schema_editor.execute("UPDATE %(table)s SET state = %(state)s" % {
        "table": schema_editor.quote_name(model._meta.db_table), "state": default})


def builder_text_wrapped_with_its_own_parameters(compiler):
    from django.db.models.expressions import RawSQL

    sql, params = compiler.as_sql()
    # ok: VC402 -- the builder's text, wrapped, runs with the builder's own parameters
    return RawSQL("SELECT * FROM (%s) subquery" % sql, params)


def builder_text_wrapped_beside_a_raw_value(cursor, compiler, order):
    sql, params = compiler.as_sql()
    # expect: VC402 -- the order is pasted in beside the builder's text
    cursor.execute(f"SELECT * FROM ({sql}) q ORDER BY {order}", params)


class VectorStore:
    """A filter builder returns its clause with the values it bound; oracledb binds a mapping by keyword."""

    def search(self, vector, top_k, filters):
        where, binds = self._where(filters)
        distance = self.config.distance_metric
        statement = (
            f"SELECT id, VECTOR_DISTANCE(vector, :vec, {distance}) d FROM {self.collection_name} "
            f"{where} ORDER BY d FETCH APPROX FIRST :limit ROWS ONLY"
        )
        with self._cursor() as cur:
            # ok: VC402 -- the builder's clause runs with the values it bound, by keyword
            cur.execute(statement, vec=vector, limit=top_k, **binds)
            return cur.fetchall()

    def listing(self, filters, top_k):
        clause, values = self._where(filters)
        values["limit"] = top_k
        with self._cursor() as cur:
            # ok: VC402 -- the same, split over two lines of one string
            cur.execute(f"SELECT id FROM {self.collection_name} " f"{clause} FETCH FIRST :limit ROWS ONLY",
                        **values)
            return cur.fetchall()

    def sorted_search(self, filters, sort):
        where, binds = self._where(filters)
        with self._cursor() as cur:
            # expect: VC402 -- the caller's sort key is pasted in beside the builder's clause
            cur.execute(f"SELECT id FROM items {where} " f"ORDER BY {sort}", **binds)
            return cur.fetchall()

    def search_by_name(self, name, **options):
        with self._cursor() as cur:
            # expect: VC402 -- keyword values bind placeholders only, not the name pasted into the text
            cur.execute(f"SELECT id FROM items WHERE name = '{name}'", **options)
            return cur.fetchall()

    def _where(self, filters):
        if not filters:
            return "", {}
        binds = {}
        return "WHERE " + _filter_group(filters, binds), binds


class ServerVersions:
    def _scalar(self, cursor, function, suffix=""):
        # ok: VC402 -- a private helper that every call in this module passes a constant
        cursor.execute("SELECT %s()%s" % (function, suffix))
        return cursor.fetchone()[0]

    def lib_version(self, cursor):
        return self._scalar(cursor, "lib_version")

    def full_version(self, cursor):
        return self._scalar(cursor, function="full_version", suffix=" AS v")


def _count_rows(cursor, table):
    # expect: VC402 -- one call passes a value that is not constant
    cursor.execute("SELECT COUNT(*) FROM %s" % table)
    return cursor.fetchone()[0]


def count_tables(cursor, tables):
    return [_count_rows(cursor, "users")] + [_count_rows(cursor, name) for name in tables]


def scalar_query(cursor, function):
    # expect: VC402 -- a public function: other modules may call it with anything
    cursor.execute("SELECT %s()" % function)


def server_time(cursor):
    return scalar_query(cursor, "now")


def psycopg_ident(cursor, name):
    # ok: VC402 -- psycopg2's identifier quoting
    cursor.execute("TRUNCATE " + quote_ident(name, cursor))


def quoted_table_unquoted_value(schema_editor, model, default):
    table = schema_editor.quote_name(model._meta.db_table)
    # expect: VC402 -- the table is quoted, the pasted default is not
    schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN state SET DEFAULT '{default}'")


def django_raw_sql_annotation(queryset, field):
    from django.db.models.expressions import RawSQL

    # expect: VC402
    return queryset.annotate(score=RawSQL(f"SELECT COUNT(*) FROM votes WHERE votes.{field} = items.id", ()))


def django_extra_select(queryset, column):
    # expect: VC402
    return queryset.extra(select={"total": "SUM(" + column + ")"})


def django_extra_order_by(queryset, direction):
    # expect: VC402
    return queryset.extra(order_by=[f"created {direction}"])


def sqlalchemy_literal_column(session, expression):
    from sqlalchemy import literal_column, select

    # expect: VC402
    return session.scalars(select(literal_column(f"price * {expression}")))


def dynamodb_filter_expression(table, status):
    # expect: VC402
    return table.scan(FilterExpression=f"status = '{status}'")


def dynamodb_key_condition_in_variable(table, user_id):
    condition = "pk = " + user_id
    # expect: VC402
    return table.query(KeyConditionExpression=condition)


def dynamodb_partiql(client, name):
    # expect: VC402
    return client.execute_statement(Statement=f"SELECT * FROM users WHERE name = '{name}'")


def mongo_where_javascript(collection, name):
    # expect: VC402
    return collection.find({"$where": f"this.name == '{name}'"})


def django_raw_sql_with_params(queryset, field_id):
    from django.db.models.expressions import RawSQL

    # ok: VC402
    return queryset.annotate(score=RawSQL("SELECT COUNT(*) FROM votes WHERE item_id = %s", (field_id,)))


def django_extra_constant(queryset):
    # ok: VC402
    return queryset.extra(select={"is_recent": "created > now() - interval '1 day'"})


def sqlalchemy_literal_column_constant(session):
    from sqlalchemy import literal_column, select

    # ok: VC402
    return session.scalars(select(literal_column("price * 2")))


def dynamodb_with_placeholders(table, status):
    # ok: VC402
    return table.scan(FilterExpression="#s = :status", ExpressionAttributeNames={"#s": "status"},
                      ExpressionAttributeValues={":status": status})


def dynamodb_condition_objects(table, user_id):
    from boto3.dynamodb.conditions import Key

    # ok: VC402
    return table.query(KeyConditionExpression=Key("pk").eq(user_id))


def dynamodb_partiql_parameters(client, name):
    # ok: VC402
    return client.execute_statement(Statement="SELECT * FROM users WHERE name = ?", Parameters=[{"S": name}])


def mongo_plain_filter(collection, name):
    # ok: VC402
    return collection.find({"name": name, "deleted": False})


def other_keyword_with_a_built_string(client, name):
    # ok: VC402 -- a message, not a query
    return client.publish(Message=f"user {name} signed up", TopicArn=TOPIC)


SORTABLE = ("name", "created")


def column_from_allow_list_expression(cursor, sort):
    column = sort if sort in SORTABLE else "created"
    # ok: VC402
    cursor.execute(f"SELECT * FROM notes ORDER BY {column}")
    unchecked = sort if sort else "created"
    # expect: VC402
    cursor.execute(f"SELECT * FROM notes ORDER BY {unchecked}")


class NoteRepository:
    table = "notes"
    archive: str = "notes_archive"
    scope = "public"

    def __init__(self, session, scope):
        self.session = session
        self.scope = scope

    def count(self):
        # ok: VC402
        return self.session.execute(text(f"SELECT COUNT(*) FROM {self.table}")).scalar_one()

    def count_archived(self):
        # ok: VC402
        return self.session.execute(text(f"SELECT COUNT(*) FROM {self.archive}")).scalar_one()

    def count_scope(self):
        # expect: VC402
        return self.session.execute(text(f"SELECT COUNT(*) FROM {self.table} WHERE scope = '{self.scope}'")).scalar_one()


class SessionStore:
    """A store whose table names its constructor takes, as a library's SQLite session does."""

    _OWNED_TABLES = {"message_structure": ("session_id",), "turn_usage": ("session_id",)}

    def __init__(self, conn, session_id, sessions_table="agent_sessions", messages_table="agent_messages"):
        self.conn = conn
        self.session_id = session_id
        self.sessions_table = sessions_table
        self._messages_table = messages_table
        self.sort = "id"

    def create_schema(self):
        # ok: VC402 -- the object's own table names
        self.conn.execute(f"CREATE TABLE IF NOT EXISTS {self.sessions_table} (session_id TEXT PRIMARY KEY)")
        # ok: VC402
        self.conn.execute(f"CREATE INDEX IF NOT EXISTS idx_{self._messages_table}_session ON {self._messages_table} (id)")

    def clear(self):
        # ok: VC402
        self.conn.execute(f"DELETE FROM {self._messages_table} WHERE session_id = ?", (self.session_id,))
        # expect: VC402 -- the sort column is no table name
        self.conn.execute(f"SELECT * FROM {self._messages_table} ORDER BY {self.sort}")

    def owners(self):
        for table, columns in self._OWNED_TABLES.items():
            # ok: VC402 -- an item of a constant mapping
            self.conn.execute(f"PRAGMA foreign_key_list({table})")
        for table, columns in self.conn.execute("SELECT name, sql FROM sqlite_master").fetchall():
            # ok: VC402 -- a `PRAGMA` takes no parameters
            self.conn.execute(f"PRAGMA foreign_key_list({table})")
            # expect: VC402 -- a name read back from the database
            self.conn.execute(f"SELECT COUNT(*) FROM {table}")

    def resolve(self):
        return self._resolve_table(self.conn, self.sessions_table)

    @staticmethod
    def _resolve_table(conn, identifier):
        # ok: VC402 -- every call passes the object's own table name
        return conn.execute(f"SELECT * FROM {identifier} LIMIT 0").fetchall()

    def rebind(self, request):
        self.sessions_table = request.args["table"]
        # expect: VC402 -- bound from the request in this method
        self.conn.execute(f"DELETE FROM {self.sessions_table}")


def create_test_database(connection, cursor, name, charset):
    params = {"dbname": connection.ops.quote_name(name), "suffix": f"CHARACTER SET {charset}"}
    # ok: VC402 -- the template reads only the quoted `dbname`
    cursor.execute("DROP DATABASE %(dbname)s" % params)
    # expect: VC402
    cursor.execute("SELECT * FROM %(dbname)s.accounts %(suffix)s" % params)
    # ok: VC402
    cursor.execute("DROP DATABASE %(dbname)s" % {"dbname": connection.ops._quote_name(name), "suffix": charset})
    params["dbname"] = name
    # expect: VC402
    cursor.execute("SELECT * FROM %(dbname)s.accounts" % params)


def collation_options(schema_editor, name, locale, provider, deterministic):
    options = {"locale": schema_editor.quote_name(locale)}
    if provider:
        options["provider"] = schema_editor.quote_name(provider)
    # ok: VC402
    schema_editor.execute("CREATE COLLATION %s (%s)" % (schema_editor.quote_name(name), ", ".join(
        f"{option}={value}" for option, value in options.items())))
    options["deterministic"] = deterministic
    # expect: VC402
    schema_editor.execute("CREATE COLLATION %s (%s)" % (schema_editor.quote_name(name), ", ".join(
        f"{option}={value}" for option, value in options.items())))


def filters_appended(cursor, name):
    clauses = ["deleted = 0"]
    clauses.append(f"name = '{name}'")
    # expect: VC402
    cursor.execute("SELECT * FROM users WHERE " + " AND ".join(clauses))


def converted_column(schema_editor, table, column, kind, expression):
    value = schema_editor.quote_name(column)
    if kind == "clob":
        value = "TO_CHAR(%s)" % value
    elif kind == "date":
        value = "TO_DATE(%s, 'YYYY-MM-DD')" % value
    # ok: VC402 -- every branch leaves a quoted name in a constant template
    schema_editor.execute("UPDATE %s SET %s = %s" % (schema_editor.quote_name(table), value, value))
    if kind == "raw":
        value = expression
    # expect: VC402
    schema_editor.execute("UPDATE %s SET %s = %s" % (schema_editor.quote_name(table), value, value))


class OracleLikeBackend:
    operators = {"contains": "LIKE %s ESCAPE '\\'", "exact": "= %s"}
    lookups = {"contains": "LIKE %s"}
    cache_counter = 1

    def check_like(self, cursor):
        # ok: VC402 -- an item of the class's own literal table
        cursor.execute("SELECT 1 FROM DUAL WHERE DUMMY %s" % self.operators["contains"], ["X"])

    def check_lookup(self, cursor):
        # expect: VC402 -- `set_lookup` below stores values in this table
        cursor.execute("SELECT 1 FROM DUAL WHERE DUMMY %s" % self.lookups["contains"], ["X"])

    def set_lookup(self, name, sql):
        self.lookups[name] = sql

    def describe(self, cursor, table):
        self.cache_counter += 1
        # ok: VC402 -- a number after `+= 1`
        cursor.execute("SELECT * FROM {} WHERE ROWNUM < 2 AND {} > 0".format(self.quote_name(table), self.cache_counter))

    def describe_named(self, cursor, table, label):
        self.cache_counter += label
        # expect: VC402
        cursor.execute("SELECT * FROM {} WHERE {} > 0".format(self.quote_name(table), self.cache_counter))


class OracleLikeFeatures:
    modern = False

    @cached_property
    def select_suffix(self):
        return "" if self.modern else " FROM DUAL"

    @property
    def tenant_filter(self):
        return f" WHERE tenant = '{self.tenant}'"

    def supports_cast(self, cursor):
        # ok: VC402 -- a property that returns one of two literals
        cursor.execute("SELECT CAST('a' AS VARCHAR2(4001))" + self.select_suffix)

    def tenant_rows(self, cursor):
        # expect: VC402 -- this property pastes an attribute in
        cursor.execute("SELECT * FROM rows" + self.tenant_filter)


class ModelCounter:
    def count_rows(self, session):
        # ok: VC402 -- the model's table name is fixed by its class, also lower-cased
        return session.execute(text(f"SELECT count(*) FROM {self.model.__tablename__.lower()}"))

    def count_django_rows(self, cursor):
        # ok: VC402
        cursor.execute("SELECT count(*) FROM " + self.model._meta.db_table)

    def rows_named(self, session, name):
        # expect: VC402 -- the table name is fixed, the pasted name is not
        return session.execute(text(f"SELECT * FROM {self.model.__tablename__} WHERE name = '{name.lower()}'"))


SORT_COLUMNS = {"created": "created_at", "total": "total"}


def sorted_orders(cursor, status, sort, options):
    column = SORT_COLUMNS.get(sort, "created_at")
    # ok: VC402 -- an item of a constant mapping, or its constant default
    cursor.execute(f"SELECT * FROM orders WHERE status = %s ORDER BY {column}", (status,))
    # ok: VC402
    cursor.execute(f"SELECT * FROM orders ORDER BY {SORT_COLUMNS.get(sort, 'id')}")
    chosen = options.get(sort, "created_at")
    # expect: VC402 -- a mapping the caller passed holds anything
    cursor.execute(f"SELECT * FROM orders ORDER BY {chosen}")
    fallback = SORT_COLUMNS.get("created", sort)
    # expect: VC402 -- the default is the caller's value
    cursor.execute(f"SELECT * FROM orders ORDER BY {fallback}")


class SQLiteLikeDialect:
    _isolation_lookup = immutabledict({"READ UNCOMMITTED": 1, "SERIALIZABLE": 0})
    _journal_modes = frozenset({"WAL", "DELETE"})
    _loaded_levels = immutabledict(load_levels())

    def set_isolation_level(self, dbapi_connection, level):
        isolation_level = self._isolation_lookup[level]
        cursor = dbapi_connection.cursor()
        # ok: VC402 -- an item of the class's frozen mapping of literals
        cursor.execute(f"UPDATE isolation SET level = {isolation_level}")

    def set_loaded_level(self, dbapi_connection, level):
        value = self._loaded_levels[level]
        cursor = dbapi_connection.cursor()
        # expect: VC402 -- a frozen mapping of values loaded at run time holds anything
        cursor.execute(f"UPDATE isolation SET level = {value}")

    def set_raw_level(self, dbapi_connection, level):
        cursor = dbapi_connection.cursor()
        # expect: VC402 -- the caller's value itself
        cursor.execute(f"UPDATE isolation SET level = {level}")


def filter_by_tags(stmt, tag_ids):
    return stmt.filter(and_(*[
        # ok: VC402 -- the f-string only numbers a bind parameter with the enumerate index
        text(f"EXISTS (SELECT 1 FROM json_each(meta, '$.tags') AS tag WHERE tag.value = :tag_{i})").params(
            **{f"tag_{i}": tag_id})
        for i, tag_id in enumerate(tag_ids)
    ]))


def filter_by_names(stmt, names):
    return stmt.filter(and_(*[
        # expect: VC402 -- the enumerated item itself
        text(f"EXISTS (SELECT 1 FROM json_each(meta, '$.tags') AS tag WHERE tag.value = '{name}')")
        for i, name in enumerate(names)
    ]))


def insert_rows(cursor, rows):
    for index, row in enumerate(rows):
        # ok: VC402 -- the loop's counter numbers the batch
        cursor.execute(f"DELETE FROM staging WHERE batch = {index}")
        # expect: VC402 -- the row the loop walks
        cursor.execute(f"INSERT INTO log VALUES ('{row}')")
    for n in range(len(rows)):
        # ok: VC402 -- a number of the range
        cursor.execute(f"SELECT * FROM staging WHERE batch = {n}")


def attach_settings_database(connection, path, name):
    # ok: VC402 -- the path's quotes are doubled inside the quoted literal it sits in (SQLite's ATTACH)
    connection.execute(text("ATTACH DATABASE '{}' AS calibre;".format(path.replace("'", "''"))))
    # ok: VC402
    connection.execute(text(f"""ATTACH DATABASE '{path.replace("'", "''")}' AS app_settings"""))
    # expect: VC402 -- escaped, but pasted outside any quotes
    connection.execute(text("SELECT * FROM books WHERE id = {}".format(path.replace("'", "''"))))
    # expect: VC402 -- doubling double quotes escapes nothing inside a single-quoted literal
    connection.execute(text("SELECT * FROM books WHERE title = '{}'".format(name.replace('"', '""'))))
    # expect: VC402 -- the other value is not escaped
    connection.execute(text(f"""SELECT * FROM books WHERE path = '{path.replace("'", "''")}' AND title = '{name}'"""))


def dump_table(cursor, fileobj):
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    for (table_name,) in cursor.fetchall():
        table_name_ident = table_name.replace('"', '""')
        cursor.execute("PRAGMA table_info(\"{}\")".format(table_name_ident))
        column_names = [str(info[1]) for info in cursor.fetchall()]
        q = """SELECT 'INSERT INTO "{0}" VALUES({1})' FROM "{0}";""".format(
            table_name_ident,
            ",".join(f"""'||quote("{col.replace('"', '""')}")||'""" for col in column_names),
        )
        # ok: VC402 -- names with their double quotes doubled inside quoted identifiers (django-dbbackup 5.4.1, sample 22)
        cursor.execute(q)
        # expect: VC402 -- the escaped name pasted outside the identifier's quotes
        cursor.execute("SELECT * FROM {}".format(table_name_ident))
        table_name_ident = table_name.strip()
        # expect: VC402 -- the name bound again, unescaped
        cursor.execute('SELECT * FROM "{}"'.format(table_name_ident))
        # expect: VC402 -- doubled double quotes inside a single-quoted literal escape nothing
        cursor.execute(f"""SELECT * FROM t WHERE name = '{table_name.replace('"', '""')}'""")


def with_lock_timeout(session, lock_timeout: int = 30, unit: str = "s"):
    # ok: VC402 -- a parameter annotated as a number writes digits
    session.execute(text(f"SELECT set_config('statement_timeout', '{lock_timeout}s', true)"))
    # expect: VC402 -- a text parameter can hold SQL
    session.execute(text(f"SELECT set_config('lock_timeout', '{lock_timeout}{unit}', true)"))


def _double_quoted(name):
    return '"' + name.replace('"', '""') + '"'


def _backticked(name):
    escaped = str(name).replace("`", "``")
    return f"`{escaped}`"


def _quoted_wrongly(name):
    return '"' + name.replace("'", "''") + '"'


def _between_quotes(name):
    return '"%s"' % name


class ColumnStore:
    def _bracketed(self, name):
        return "[{}]".format(name.replace("]", "]]"))

    def add_column(self, conn, table, column):
        # ok: VC402 -- the method's own identifier quoting, doubling the closing bracket
        conn.execute(f"ALTER TABLE {self._bracketed(table)} ADD COLUMN {self._bracketed(column)}")


def create_table(conn, table, columns, keys):
    names = ", ".join(map(_double_quoted, columns))
    # ok: VC402 -- the module's own identifier quoting: a `"` inside a name is doubled, so it cannot close the name
    conn.execute(f"CREATE TABLE {_double_quoted(table)} ({names})")
    # ok: VC402 -- every key quoted by a helper that doubles the backtick
    conn.execute(f"CREATE INDEX idx ON t ({', '.join(_backticked(k) for k in keys)})")
    # expect: VC402 -- a helper that doubles `'` leaves a `"` in the name free to close the identifier
    conn.execute(f"DROP TABLE {_quoted_wrongly(table)}")
    # expect: VC402 -- quotes around a name that escape nothing inside it
    conn.execute(f"DROP TABLE {_between_quotes(table)}")
    # expect: VC402 -- `map()` of something other than a quoter
    conn.execute(f"SELECT {', '.join(map(str.strip, columns))} FROM t")


def _escape_with(value, *, quote):
    return quote + value.replace(quote, quote * 2) + quote


def _escape_dropping(value, quote):
    return quote + value.replace(quote, "") + quote


def _quote_identifier(value):
    return _escape_with(value, quote='"')


def _quote_literal(value):
    return _escape_with(value, quote="'")


def _quote_by_position(value):
    return _escape_dropping(value, '"')


def _quote_as_told(value, quote):
    return _escape_with(value, quote=quote)


def index_snapshot(cursor, table, text):
    # ok: VC402 -- quoted by a helper handing the module's quoting function a `"`, doubled inside the name
    cursor.execute(f"INSERT INTO {_quote_identifier(table)}(body) VALUES (?)", [text])
    # expect: VC402 -- a `'` doubled inside leaves a `"` in the name free to close the identifier
    cursor.execute(f"INSERT INTO {_quote_literal(table)}(body) VALUES (?)", [text])
    # expect: VC402 -- a quoting function that drops the quote instead of doubling it quotes nothing
    cursor.execute(f"INSERT INTO {_quote_by_position(table)}(body) VALUES (?)", [text])
    # expect: VC402 -- the quote is the caller's to choose
    cursor.execute(f"INSERT INTO {_quote_as_told(table, '`')}(body) VALUES (?)", [text])


def rebuild_table(connection, inspector, suffix):
    for index in inspector.get_indexes("telegrams"):
        # ok: VC402 -- an index name the database's own catalogue holds, read back by SQLAlchemy's inspector
        connection.execute(text(f"DROP INDEX IF EXISTS {index['name']}"))
    columns = ", ".join(c["name"] for c in inspector.get_columns("telegrams"))
    # ok: VC402 -- column names reflected from the schema
    connection.execute(text(f"INSERT INTO telegrams_new SELECT {columns} FROM telegrams"))
    # expect: VC402 -- the reflected name, and a value pasted beside it
    connection.execute(text(f"DROP TABLE {inspector.get_table_names()[0]}_{suffix}"))


async def table_counts(database, limit):
    counts = {}
    for table in await database.table_names():
        # ok: VC402 -- a table the database's own catalogue lists (sqlite-utils, Datasette), awaited
        counts[table] = (await database.execute(f"select count(*) from [{table}]", time_limit=limit)).rows[0][0]
    return counts


def drop_views(db, engine, suffix):
    for view in db.view_names():
        # ok: VC402 -- a view the catalogue lists
        db.execute(f"DROP VIEW [{view}]")
    # ok: VC402 -- SQLAlchemy 1.x's engine lists its tables
    engine.execute("; ".join(f'DELETE FROM "{name}"' for name in engine.table_names()))
    for view in db.view_names():
        # expect: VC402 -- the listed name, and a value pasted beside it
        db.execute(f"DROP VIEW [{view}_{suffix}]")


async def purge_tables(database, request):
    for table in await request.json():
        # expect: VC402 -- an awaited request body lists the tables
        await database.execute(f"DELETE FROM [{table}]")


def upsert_thread(conn, thread_id, name, tags, form):
    data = {"id": thread_id, "name": name, "tags": tags}
    data = {k: v for k, v in data.items() if v is not None}
    columns = ", ".join(f'"{k}"' for k in data.keys())
    # ok: VC402 -- the literal keys of a dict, filtered by their values: some dropped, none added
    conn.execute(f'INSERT INTO "Thread" ({columns}) VALUES ({", ".join("?" for _ in data)})', list(data.values()))
    kept = {key: data[key] for key in data if data[key]}
    # ok: VC402 -- the same keys, kept by a loop over the dict itself
    conn.execute(f"UPDATE thread SET {', '.join(f'{k} = ?' for k in kept)} WHERE id = ?", [*kept.values(), thread_id])
    sent = {k: v for k, v in form.items() if v is not None}
    # expect: VC402 -- the keys the client sent, filtered by their values
    conn.execute(f"UPDATE thread SET {', '.join(f'{k} = ?' for k in sent)} WHERE id = ?", [*sent.values(), thread_id])
    swapped = {v: k for k, v in data.items() if v is not None}
    # expect: VC402 -- the values become the keys
    conn.execute(f"UPDATE thread SET {', '.join(f'{k} = 1' for k in swapped)} WHERE id = ?", [thread_id])
    data.update(form)
    merged = {k: v for k, v in data.items() if v is not None}
    # expect: VC402 -- the dict took the form's keys before the filter
    conn.execute(f"UPDATE thread SET {', '.join(f'{k} = ?' for k in merged)} WHERE id = ?", [*merged.values(), thread_id])


_SAFE_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_LOOSE = re.compile(r"^[\w ;']+$")


def _check_ident(name):
    if not _SAFE_IDENT.match(name):
        raise ValueError(f"unsafe identifier: {name!r}")
    return name


def _check_loosely(name):
    if not _LOOSE.match(name):
        raise ValueError(name)
    return name


def _check_unanchored(name):
    if not re.search(r"[A-Za-z_]+", name):
        raise ValueError(name)
    return name


async def insert_record(db, table, data):
    safe_table = _check_ident(table)
    safe_cols = [_check_ident(c) for c in data]
    placeholders = ", ".join("?" * len(safe_cols))
    sql = f"INSERT OR REPLACE INTO {safe_table} ({', '.join(safe_cols)}) VALUES ({placeholders})"
    # ok: VC402 -- every name passed the module's own identifier check, which raises for anything else
    await db.execute(sql, tuple(data.values()))


def _escape_name(name):
    if _SAFE_IDENT.fullmatch(name) and name.lower() not in ("select", "from"):
        return name
    elif "]" in name:
        return '"{}"'.format(name.replace('"', '""'))
    else:
        return f"[{name}]"


def _bracket_unless_closing(name):
    if "]" in name:
        raise ValueError(name)
    return f"[{name}]"


def _bracket_blindly(name):
    if "]" in name:
        return f"[{name}]"
    return name


def _plain_or_short(name):
    if _SAFE_IDENT.fullmatch(name) or len(name) < 3:
        return name
    return '"' + name.replace('"', '""') + '"'


def _loosely_plain(name):
    if _LOOSE.fullmatch(name):
        return name
    return f"[{name}]"


def _always_quoted(name):
    escaped = _escape_name(name)
    if escaped == name:
        return f'"{name}"'
    return escaped


def _quoted_unless_plain(name):
    if _escape_name(name) != name:
        return f'"{name}"'
    return _escape_name(name)


def count_rows(conn, table, column):
    # ok: VC402 -- bare where an identifier pattern matched all of it, bracketed where no `]` can close it, else doubled
    conn.execute(f"SELECT count(*) FROM {_escape_name(table)}")
    # ok: VC402 -- bracketed after a name holding `]` was refused
    conn.execute(f"SELECT {_bracket_unless_closing(column)} FROM t")
    # expect: VC402 -- bracketed exactly when a `]` inside can close it, and bare otherwise
    conn.execute(f"SELECT {_bracket_blindly(column)} FROM t")
    # expect: VC402 -- either test lets the name through bare: a short name need not be an identifier
    conn.execute(f"SELECT {_plain_or_short(column)} FROM t")
    # expect: VC402 -- the pattern lets spaces, `;` and quotes through
    conn.execute(f"SELECT {_loosely_plain(column)} FROM t")
    # ok: VC402 -- quoted by the module's own quoting function, or known plain since it handed the name back unchanged
    conn.execute(f"SELECT {_always_quoted(column)} FROM t")
    # expect: VC402 -- a name the quoting function had to change is pasted between quotes it may hold
    conn.execute(f"SELECT {_quoted_unless_plain(column)} FROM t")


async def first_rows(db, table, pks, row):
    where = " and ".join(f"{_escape_name(pk)} = :pk{i}" for i, pk in enumerate(pks))
    # ok: VC402 -- quoted names, and bind parameters numbered by the count of `enumerate`
    await db.execute(f"SELECT * FROM {_escape_name(table)} WHERE {where}", {f"pk{i}": row[pk] for i, pk in enumerate(pks)})
    loose = " and ".join(f"{pk} = :pk{i}" for i, pk in enumerate(pks))
    # expect: VC402 -- the counted items themselves are pasted unquoted
    await db.execute(f"SELECT * FROM {_escape_name(table)} WHERE {loose}", {f"pk{i}": row[pk] for i, pk in enumerate(pks)})


async def find_records(db, table, where, params):
    sql = f"SELECT * FROM {_check_ident(table)}"
    if where:
        sql += f" WHERE {where}"
    # expect: VC402 -- the table name is checked, the condition pasted after it is not
    return await db.execute(sql, params)


def drop_loosely(conn, table):
    # expect: VC402 -- the pattern lets spaces, quotes and semicolons through
    conn.execute(f"DROP TABLE {_check_loosely(table)}")


def drop_unanchored(conn, table):
    # expect: VC402 -- a search finds a name somewhere in the text, and the rest rides along
    conn.execute(f"DROP TABLE {_check_unanchored(table)}")


ALLOWED_NOVEL_COLUMNS = frozenset({"title", "author", "status"})


def update_novel(db, slug, metadata):
    keys = [k for k in metadata if k in ALLOWED_NOVEL_COLUMNS]
    set_clause = ", ".join([f"{key} = ?" for key in keys])
    # ok: VC402 -- only the column names the constant allow-list holds are kept
    db.execute(f"UPDATE novels SET {set_clause} WHERE slug = ?", (*[metadata[k] for k in keys], slug))


def update_novel_unchecked(db, slug, metadata):
    keys = [k for k in metadata if k not in ALLOWED_NOVEL_COLUMNS]
    set_clause = ", ".join([f"{key} = ?" for key in keys])
    # expect: VC402 -- the names the allow-list does not hold
    db.execute(f"UPDATE novels SET {set_clause} WHERE slug = ?", (slug,))


def copy_history(conn):
    old_cols = {row[1] for row in conn.execute("PRAGMA table_info(history_old)")}
    expected_cols = {"id", "memory_id", "event"}
    cols_csv = ", ".join(list(expected_cols & old_cols))
    # ok: VC402 -- an intersection with a literal set keeps only its names
    conn.execute(f"INSERT INTO history ({cols_csv}) SELECT {cols_csv} FROM history_old")
    kept = sorted(old_cols.intersection(ALLOWED_NOVEL_COLUMNS))
    # ok: VC402 -- the same, through `.intersection`
    conn.execute(f"SELECT {', '.join(kept)} FROM novels")
    found = old_cols & {row[0] for row in conn.execute("SELECT name FROM columns")}
    # expect: VC402 -- an intersection of two sets the database returned
    conn.execute(f"SELECT {', '.join(found)} FROM novels")
    extra = sorted(old_cols | expected_cols)
    # expect: VC402 -- a union keeps the names the database returned
    conn.execute(f"SELECT {', '.join(extra)} FROM novels")


def update_all_columns(db, slug):
    set_clause = ", ".join([f"{column} = ?" for column in ALLOWED_NOVEL_COLUMNS])
    # ok: VC402 -- the assignments of every constant column, joined before they are pasted
    db.execute(f"UPDATE novels SET {set_clause} WHERE slug = ?", (slug,))


def backfill_row(connection, row):
    updates = {}
    if row["updated_at"] is None:
        updates["updated_at"] = row["created_at"]
    if row["content_hash"] is None:
        updates["content_hash"] = row["body"].__hash__()
    assignments = ", ".join(f"{column} = ?" for column in updates)
    # ok: VC402 -- every key of the dict is a literal: the column names are the code's own, whatever the values
    connection.execute(f"UPDATE todos SET {assignments} WHERE id = ?", (*updates.values(), row["id"]))


def patch_row(connection, row, form):
    updates = {"updated_at": row["created_at"]}
    updates[form["field"]] = form["value"]
    assignments = ", ".join(f"{column} = ?" for column in updates.keys())
    # expect: VC402 -- a key the client names is among the columns
    connection.execute(f"UPDATE todos SET {assignments} WHERE id = ?", (*updates.values(), row["id"]))


def merge_row(connection, row, form):
    updates = {"updated_at": row["created_at"]}
    updates.update(form)
    assignments = ", ".join(f"{column} = ?" for column in updates)
    # expect: VC402 -- the form's keys join the literal ones
    connection.execute(f"UPDATE todos SET {assignments} WHERE id = ?", (*updates.values(), row["id"]))


bq_client = bigquery.Client()


def bigquery_report(customer_id):
    # expect: VC402
    return bq_client.query(f"SELECT total FROM sales.orders WHERE customer_id = '{customer_id}'").result()


def bigquery_report_bound(customer_id):
    config = bigquery.QueryJobConfig(query_parameters=[bigquery.ScalarQueryParameter("c", "STRING", customer_id)])
    # ok: VC402
    return bq_client.query("SELECT total FROM sales.orders WHERE customer_id = @c", job_config=config).result()


class DuckDbFrameTypeHandler:
    def handle_output(self, context, table_slice: TableSlice, obj, connection):
        # ok: VC402 -- dagster names the asset's table: the IO manager's type handler writes where it is told
        connection.execute(f"create table if not exists {table_slice.schema}.{table_slice.table} as select * from obj")

    def delete_partition(self, table_slice: TableSlice, connection, partition):
        # expect: VC402 -- the table is dagster's, the partition value is pasted as it is
        connection.execute(f"delete from {table_slice.schema}.{table_slice.table} where day = '{partition}'")


class LocalTableSlice:
    schema = ""
    table = ""


def own_slice_class(connection, table_slice: LocalTableSlice):
    # expect: VC402 -- a class of the project's own that only shares the name is no framework's table
    connection.execute(f"drop table {table_slice.schema}.{table_slice.table}")


class MaterializeAdapter:
    def truncate_relation(self, relation: BaseRelation):
        # ok: VC402 -- a dbt relation renders the model's quoted name
        self.connections.execute(f"truncate table {relation}")

    def rename_relation(self, from_relation: BaseRelation, to_relation: BaseRelation):
        # ok: VC402
        self.connections.execute(f"alter table {from_relation} rename to {to_relation.identifier}")

    def drop_rows(self, relation: BaseRelation, status):
        # expect: VC402 -- the relation is the model's, the status is a value
        self.connections.execute(f"delete from {relation} where status = '{status}'")


@dataclass
class ExchangeRecord:
    id: int
    method: str
    path: str


def insert_exchange(connection, record):
    columns = [field.name for field in fields(ExchangeRecord) if field.name != "id"]
    values = [getattr(record, column) for column in columns]
    # ok: VC402 -- the dataclass's field names are columns the code defines; the values go as parameters
    connection.execute(f"INSERT INTO exchange ({','.join(columns)}) VALUES ({','.join('?' for _ in columns)})", values)


def insert_exchange_inline(connection, record):
    # expect: VC402 -- the field names are the code's, the values pasted beside them are not
    connection.execute(f"INSERT INTO exchange VALUES ({','.join(repr(getattr(record, f.name)) for f in fields(record))})")


class MySqlVectorStore:
    def __init__(self, collection_name):
        self.collection_name = collection_name

    def delete(self, cursor, vector_id):
        # ok: VC402 -- a vector store's collection is its table, named when the store is made
        cursor.execute(f"DELETE FROM `{self.collection_name}` WHERE id = %s", (vector_id,))

    def delete_pasted(self, cursor, vector_id):
        # expect: VC402
        cursor.execute(f"DELETE FROM `{self.collection_name}` WHERE id = '{vector_id}'")


class OracleVectorStore:
    def __init__(self, config):
        self.config = config
        self.collection_name = config.collection_name

    def create_col(self, cursor):
        # ok: VC402 -- settings of the store's configuration object: a vector's size in DDL cannot be bound
        cursor.execute(f"CREATE TABLE {self.collection_name} (id VARCHAR2(36), v VECTOR({self.config.embedding_dims}))")

    def search(self, cursor, vector):
        metric = self._settings.distance_metric
        # ok: VC402 -- a distance function's name, read from the settings into a local name
        sql = f"SELECT id FROM {self.collection_name} ORDER BY VECTOR_DISTANCE(v, :q, {metric})"
        cursor.execute(sql, q=vector)

    def search_payload(self, cursor, request):
        # expect: VC402 -- a request's values, even beside a setting
        cursor.execute(f"SELECT id FROM {self.collection_name} WHERE kind = '{request.config.kind}'")

    def search_rebound(self, cursor, user_metric):
        self.config.metric = user_metric
        # expect: VC402 -- the method itself set the setting from its argument
        cursor.execute(f"SELECT id FROM {self.collection_name} ORDER BY {self.config.metric}")


class SQLiteCache:
    def __init__(self, responses, redirects):
        self.responses = responses
        self.redirects = redirects

    def delete_expired(self, connection, now):
        # ok: VC402 -- the table of a store the cache holds, named when that store was made
        connection.execute(f"DELETE FROM {self.responses.table_name} WHERE expires <= ?", (now,))

    def prune_redirects(self, connection):
        redirects, responses = self.redirects.table_name, self.responses.table_name
        # ok: VC402 -- both tables the stores were made with
        connection.execute(f"DELETE FROM {redirects} WHERE key NOT IN (SELECT key FROM {responses})")

    def lookup_pasted(self, connection, key):
        # expect: VC402 -- the key is a value, pasted beside the store's table
        connection.execute(f"SELECT value FROM {self.responses.table_name} WHERE key = '{key}'")

    def lookup_from_request(self, connection):
        # expect: VC402 -- a table named by what the request carries
        connection.execute(f"SELECT value FROM {self.request.table_name}")


from airflow.providers.postgres.hooks.postgres import PostgresHook


def purge_staging(table, before):
    hook = PostgresHook(postgres_conn_id="warehouse")
    # expect: VC402 -- an Airflow database hook runs the text it is handed
    hook.run(f"DELETE FROM staging.{table} WHERE loaded_at < '{before}'")
    # ok: VC402 -- the value bound as a parameter
    hook.run("DELETE FROM staging.orders WHERE loaded_at < %s", parameters=(before,))
    pg_hook = PostgresHook(postgres_conn_id="warehouse")
    # expect: VC402
    return pg_hook.get_records("SELECT * FROM staging." + table)
def driver_sql_pasted(engine, status):
    with engine.connect() as conn:
        # expect: VC402 -- SQLAlchemy hands the text to the driver as it is
        return conn.exec_driver_sql(f"SELECT COUNT(*) FROM users WHERE status = '{status}'").scalar()


def driver_sql_bound(engine, status):
    with engine.connect() as conn:
        # ok: VC402
        return conn.exec_driver_sql("SELECT COUNT(*) FROM users WHERE status = %s", (status,)).scalar()


# Statements no driver binds a parameter in: what they paste is the project's own configuration.
def tune_connection(conn, options):
    for option, setting in options.items():
        # ok: VC402 -- a `PRAGMA` takes no parameters
        conn.execute("PRAGMA %s = %s" % (option, setting))


def open_encrypted(conn, secret):
    # ok: VC402
    conn.execute(f"pragma key = '{secret}';")


def mount_archive(conn, archive_path, label):
    # ok: VC402 -- nor does `ATTACH`
    conn.execute("ATTACH DATABASE '%s' AS %s" % (archive_path, label))


def session_defaults(conn, level, zone):
    # ok: VC402
    conn.execute("SET SESSION TRANSACTION "
                 "ISOLATION LEVEL {}".format(level))
    # ok: VC402
    conn.execute(f"SET TIME ZONE '{zone}'")


def switch_schema(cursor, owner):
    # ok: VC402
    cursor.execute(f'ALTER SESSION SET CURRENT_SCHEMA = "{owner}"')


def recreate_tenant(cursor, tenant):
    wipe = "DROP SCHEMA IF EXISTS %s CASCADE" % tenant
    # ok: VC402 -- built in a name first
    cursor.execute(wipe)
    # ok: VC402
    cursor.execute("CREATE SCHEMA {}".format(tenant))


def setting_in_steps(conn, option, setting):
    statement = "PRAGMA " + option
    statement += " = " + setting
    # ok: VC402 -- its head was built into the name first
    conn.execute(statement)


def provision_account(cursor, account, secret):
    # ok: VC402 -- nor do accounts and their grants
    cursor.execute(f'CREATE USER "{account}" IDENTIFIED BY "{secret}"')
    # ok: VC402
    cursor.execute(f'GRANT ALL PRIVILEGES TO "{account}"')
    # expect: VC402 -- the table of users is queried with a value
    cursor.execute(f"SELECT * FROM users WHERE login = '{account}'")


def savepoint_named(conn, marker):
    # ok: VC402
    conn.execute(f"SAVEPOINT {marker}")


def pragma_then_query(conn, option, owner):
    # expect: VC402 -- a second statement after the `PRAGMA` can take its value as a parameter
    conn.execute(f"PRAGMA {option}; SELECT * FROM items WHERE owner = '{owner}'")


def settings_column(conn, owner):
    # expect: VC402 -- `UPDATE ... SET` is an ordinary statement
    conn.execute(f"UPDATE accounts SET owner = '{owner}'")


def settings_table(conn, owner):
    # expect: VC402 -- a table named `settings`, not a `SET` statement
    conn.execute(f"SELECT * FROM settings WHERE owner = '{owner}'")


def table_altered(conn, column):
    # expect: VC402 -- `ALTER TABLE` is not a session's setting
    conn.execute(f"ALTER TABLE items ADD COLUMN {column} TEXT")


def query_in_steps(conn, owner):
    statement = "SELECT * FROM items WHERE owner = '" + owner
    statement += "'"
    # expect: VC402
    conn.execute(statement)


class PostgresQueue:
    """A task queue whose tables and channel its constructor names, as huey's PostgreSQL storage does."""

    def __init__(self, conn, name, table_prefix="tasks"):
        self.conn = conn
        self.name = name
        self.table_task = f"{table_prefix}_task"
        self.table_kv = f"{table_prefix}_kv"
        self.table_filter_value = name
        self.channel = f"{table_prefix}_{name}"

    def enqueue(self, data):
        # ok: VC402 -- the object's own table name
        self.conn.execute("INSERT INTO {} (queue, data) VALUES (%s, %s)".format(self.table_task), (self.name, data))
        # ok: VC402
        self.conn.execute(f"DELETE FROM {self.table_kv} WHERE queue = %s", (self.name,))
        # expect: VC402 -- a value named after a table is no table
        self.conn.execute(f"SELECT * FROM tasks WHERE name = '{self.table_filter_value}'")

    def subscribe(self, payload):
        # ok: VC402 -- `LISTEN` takes a channel, never a parameter
        self.conn.execute('LISTEN "%s"' % self.channel.replace('"', '""'))
        # ok: VC402
        self.conn.execute(f"UNLISTEN {self.channel}")
        # expect: VC402 -- a payload pasted into `NOTIFY` is a value
        self.conn.execute(f"NOTIFY {self.channel}, '{payload}'")
        # expect: VC402 -- a second statement after the channel
        self.conn.execute(f"LISTEN {self.channel}; DELETE FROM tasks WHERE name = '{payload}'")


class OracleCollection:
    """A vector store whose table its own method names, schema and all."""

    def __init__(self, conn, schema, collection_name):
        self.conn = conn
        self.schema = schema
        self.collection_name = collection_name

    def _full_table_name(self):
        return f'"{self.schema}"."{self.collection_name}"'

    def _record_filter(self):
        return self.filter_text

    def drop(self):
        # ok: VC402 -- the object's own method that names its table
        self.conn.execute(f"DROP TABLE IF EXISTS {self._full_table_name()} CASCADE CONSTRAINTS PURGE")

    def purge(self, where):
        # expect: VC402 -- a method named for no table, and a clause handed in
        self.conn.execute(f"DELETE FROM {self._full_table_name()} WHERE {self._record_filter()} AND {where}")


def supports_strict(conn):
    table_name = f"t{secrets.token_hex(16)}"
    # ok: VC402 -- a scratch table named by the code: a letter and random hexadecimal digits
    conn.execute(f"create table {table_name} (name text) strict")
    # ok: VC402 -- the same name, dropped
    conn.execute(f"drop table {table_name}")
    # ok: VC402 -- thirty-two hexadecimal digits from uuid4
    conn.execute(f"create temp table t_{uuid.uuid4().hex} (id integer)")


def scratch_table_for(conn, suffix):
    table_name = f"t{secrets.token_hex(16)}_{suffix}"
    # expect: VC402 -- the caller's suffix is pasted beside the random part
    conn.execute(f"create table {table_name} (name text)")


def count_rows_of(cursor, query, params):
    # ok: VC402 -- the caller's whole query, wrapped as a derived table: nothing but SQL is pasted
    cursor.execute(f"SELECT count(*) FROM ({query}) AS total", params)
    return cursor.fetchone()[0]


def any_row_of(cursor, query):
    # ok: VC402 -- a whole query as the subquery of EXISTS
    cursor.execute("SELECT 1 WHERE EXISTS (%s)" % query)
    return cursor.fetchone()


class ExplainedConnection:
    def _explain(self, query, *args):
        c = self._sqlconn.cursor()
        # ok: VC402 -- devpi-server's debugging helper: the plan of the caller's whole query, run with its parameters
        r = c.execute("EXPLAIN QUERY PLAN " + query, *args)
        # ok: VC402 -- the same plan asked of PostgreSQL
        c.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query}")
        # ok: VC402
        c.execute("EXPLAIN ANALYZE %s" % query)
        return r.fetchall()


def explain_for(cursor, query, owner):
    # expect: VC402 -- a value pasted after the explained query
    cursor.execute("EXPLAIN " + query + " WHERE owner = '" + owner + "'")
    # expect: VC402 -- a value in the explained statement itself
    cursor.execute("EXPLAIN SELECT * FROM users WHERE name = '" + owner + "'")
    # expect: VC402
    cursor.execute(f"EXPLAIN {query} WHERE owner = '{owner}'")


def rows_in(cursor, ids):
    # expect: VC402 -- a list of values in IN (...), not a query
    cursor.execute(f"SELECT * FROM users WHERE id IN ({ids})")
    return cursor.fetchall()


def count_by_name(cursor, name):
    query = f"SELECT * FROM users WHERE name = '{name}'"
    # expect: VC402 -- the wrapped query pastes a value itself
    cursor.execute(f"SELECT count(*) FROM ({query}) AS total")
    return cursor.fetchone()[0]


def count_for_owner(cursor, query, owner):
    # expect: VC402 -- a value pasted beside the wrapped query
    cursor.execute("SELECT count(*) FROM (%s) AS total WHERE owner = '%s'" % (query, owner))
    return cursor.fetchone()[0]


def parent_rows_only(queryset, models):
    conditions = []
    for model in models:
        conditions.append(" AND ".join([
            '"{}"."{}" IS NOT NULL'.format(model._meta.db_table, field.column)
            for field in model._meta.parents.values()
        ]))
    # ok: VC402 -- tables and columns of the models' own fields
    return queryset.extra(where=[" OR ".join(conditions)])


def copy_into_temporary_table(queryset, key):
    from django.db import connection

    column = key.column
    query, params = queryset.query.sql_with_params()
    sql = "CREATE TEMPORARY TABLE copied AS {query}; CREATE INDEX copied_{column} ON copied ({column})".format(
        query=str(query), column=column)
    with connection.cursor() as cursor:
        # ok: VC402 -- the query set's own text and parameters, and a field's column
        cursor.execute(sql, params)


def copy_matching_into_temporary_table(queryset, label):
    from django.db import connection

    query, params = queryset.query.sql_with_params()
    sql = "CREATE TEMPORARY TABLE copied AS {query}; UPDATE copied SET label = '{label}'".format(
        query=str(query), label=label)
    with connection.cursor() as cursor:
        # expect: VC402 -- a value pasted beside the query set's own text
        cursor.execute(sql, params)


def rows_named(cursor, form):
    # expect: VC402 -- a value, not a field's column
    cursor.execute(f"SELECT * FROM users WHERE {form.column_name} = '{form.value}'")
    return cursor.fetchall()


def wares_in_price_range(conn: sqlite3.Connection, min_price: float | None, max_price: float | None):
    clauses, params = [], []
    if min_price is not None:
        clauses.append("price >= ?")
        params.append(min_price)
    if max_price is not None:
        clauses.append("price <= ?")
        params.append(max_price)
    where = " AND ".join(clauses) or "1=1"
    # ok: VC402 -- either the literal conditions or a literal default
    return conn.execute(f"SELECT name, price FROM wares WHERE {where}", params).fetchall()


def wares_with_default_filter(conn: sqlite3.Connection, min_price, default_filter):
    clauses, params = [], []
    if min_price is not None:
        clauses.append("price >= ?")
        params.append(min_price)
    where = " AND ".join(clauses) or default_filter
    # expect: VC402 -- the fallback is the caller's text
    return conn.execute(f"SELECT name, price FROM wares WHERE {where}", params).fetchall()


def wares_with_extra_filter(conn: sqlite3.Connection, min_price, extra):
    clauses = ["price >= ?"]
    if extra:
        clauses.append(extra)
    where = " AND ".join(clauses) or "1=1"
    # expect: VC402 -- a condition the caller wrote was appended
    return conn.execute(f"SELECT name, price FROM wares WHERE {where}", (min_price,)).fetchall()


def _row_total(cursor, table):
    # expect: VC402 -- a decorator's call passes a name that is not constant
    cursor.execute("SELECT COUNT(*) FROM %s" % table)
    return cursor.fetchone()[0]


@cached_property(_row_total(None, default_table))
def row_totals(cursor):
    return cursor


def _table_size(cursor, table):
    # expect: VC402 -- the second call, lines into the statement that holds it, passes the caller's value
    cursor.execute("SELECT COUNT(*) FROM %s" % table)
    return cursor.fetchone()[0]


def table_sizes(cursor, extra):
    sizes = {
        "users": _table_size(cursor, "users"),
        "extra": _table_size(cursor, extra),
    }
    return sizes


def _partition_size(cursor, table):
    # ok: VC402 -- every call passes a constant, one with its bracket on the next line
    cursor.execute("SELECT COUNT(*) FROM %s" % table)
    return cursor.fetchone()[0]


def partition_sizes(cursor):
    return [_partition_size(cursor, "orders_2024"),
            (_partition_size
             )(cursor, "orders_2025")]


def pydal_notes_by_tag(db, tag):
    # expect: VC402 -- pydal's (Emmett's, web2py's) executesql runs the text as it is
    return db.executesql(f"SELECT id, title FROM notes WHERE tags LIKE '%{tag}%'", as_dict=True)


def pydal_notes_by_title(db, user_id, title):
    # ok: VC402 -- the values go in placeholders
    return db.executesql("SELECT id FROM notes WHERE user = ? AND title = ?", placeholders=[user_id, title])


def fastlite_entries_by_term(db, user_id, term):
    # expect: VC402 -- fastlite's (FastHTML's) `db.q` runs the text as it is
    return db.q(f"select * from entry where user_id = {user_id} and body like '%{term}%'")


def fastlite_entries_by_mood(db, user_id, mood):
    # ok: VC402 -- the values go in the parameters
    return db.q("select * from entry where user_id = ? and mood = ?", [user_id, mood])
