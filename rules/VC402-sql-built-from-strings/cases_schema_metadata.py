"""VC402 corpus: DDL built from what an ORM model or a schema's metadata lists about itself (its table, its columns,
their types and defaults), beside look-alikes that iterate an instance's or a request's values."""
from sqlalchemy import JSON, bindparam, text


def add_missing_columns(session, orm_class):
    for column_name, column in orm_class.__dict__.items():
        if column_name.startswith("_"):
            continue
        default = "" if column.default is None else "DEFAULT '{}'".format(column.default.arg)
        column_type = "JSON" if isinstance(column.type, JSON) else column.type
        # ok: VC402 -- the model class's own columns, their types and defaults
        session.execute(text("ALTER TABLE %s ADD COLUMN %s %s %s" % (orm_class.__tablename__, column_name,
                                                                     column_type, default)))


def add_columns(engine, Model):
    with engine.begin() as conn:
        for column in Model.__table__.columns:
            # ok: VC402 -- a mapped table's columns
            conn.execute(text(f"ALTER TABLE {Model.__tablename__} ADD COLUMN {column.name} {column.type}"))


def empty_tables(conn, Base):
    for table in Base.metadata.sorted_tables:
        # ok: VC402 -- the tables the metadata defines
        conn.execute(text(f"DELETE FROM {table.name}"))
    for table in reversed(Base.metadata.sorted_tables):
        for column in table.primary_key:
            # ok: VC402 -- the same in reverse order, a primary key's column
            conn.execute(text("SELECT setval('{0}_{1}_seq', 1) FROM {0}".format(table, column.name)))
    for name, table in Base.metadata.tables.items():
        for column in table.columns:
            # ok: VC402 -- a column of a table of the metadata
            conn.execute(text(f"UPDATE {name} SET {column.name} = NULL"))


def copy_form(session, form):
    for name, value in form.__dict__.items():
        # expect: VC402 -- an instance's attributes hold the values it was given
        session.execute(text(f"UPDATE items SET {name} = '{value}'"))


def copy_metadata(session, node):
    for key, value in node.metadata.items():
        # expect: VC402 -- a document's metadata, not a schema's
        session.execute(text(f"UPDATE nodes SET {key} = '{value}'"))


def rename_column(session, Model, new_name):
    for column in Model.__table__.columns:
        # expect: VC402 -- the new name is the caller's
        session.execute(text(f"ALTER TABLE {Model.__tablename__} RENAME COLUMN {column.name} TO {new_name}"))


def values_clause(table, column_keys):
    quoted = ", ".join("[" + table.c[key].name.replace("]", "]]") + "]" for key in column_keys)
    # ok: VC402 -- the names of columns picked from the table's column collection
    return text(f"SELECT * FROM (VALUES (1)) AS src({quoted})")


def values_by_key(table, column_keys):
    listed = ", ".join(column_keys)
    # expect: VC402 -- the keys the caller handed, not the column collection's names
    return text(f"SELECT {listed} FROM {table.name}")


def collation_of(table, key):
    # expect: VC402 -- a row's value picked by the key, not a column's name
    return text(f"SELECT * FROM t WHERE x = '{table.rows[key].name}'")


class JsonType:
    def _set_table(self, column, table):
        # ok: VC402 -- SQLAlchemy hands the type the column it is attached to
        self.check = text(f"{column.name} IS JSON")

    def attach(self, column, label):
        # expect: VC402 -- any other method's parameters are the caller's
        self.check = text(f"{column.name} IS JSON {label}")


def bound_values_source(table, rows, column_keys):
    markers = []
    for idx, row in enumerate(rows):
        names = []
        for col_key in column_keys:
            name = f"row{idx}_{col_key}"
            bindparam(name, value=row[col_key], type_=table.c[col_key].type)
            names.append(f":{name}")
        markers.append(f"({', '.join(names)})")
    # ok: VC402 -- every key is looked up in the table's columns (a KeyError for any other): bind markers named after them
    return text(f"(VALUES {', '.join(markers)}) AS src")


def bound_values_from_keys(rows, column_keys):
    markers = []
    for idx, row in enumerate(rows):
        markers.append(", ".join(f":row{idx}_{col_key}" for col_key in column_keys))
    # expect: VC402 -- keys no column lookup vouches for: a key holding `) ; DROP ...` is pasted as it is
    return text(f"(VALUES {', '.join(markers)}) AS src")


def _column_names(table, column_keys):
    """The database names of columns looked up by key: the lookup raises for a key that is no column."""
    return tuple(table.c[column_key].name for column_key in column_keys)


def _raw_names(table, column_keys):
    return tuple(column_keys) if table is not None else ()


def merge_source(session, table, values):
    col_names = ", ".join(_column_names(table, values))
    # ok: VC402 -- a helper of the module that returns column names only, whatever keys it is given
    session.execute(text(f"SELECT * FROM (VALUES (:a)) AS src({col_names})"), values)
    raw = ", ".join(_raw_names(table, values))
    # expect: VC402 -- this helper hands back the keys it was given, unchecked
    session.execute(text(f"SELECT * FROM (VALUES (:a)) AS src({raw})"), values)


class LimitQuery:
    """An ORM's query builder: the table it holds and its model class's own primary-key column, beside the same
    method asked about a caller's field, or read from an instance a caller built."""

    def limit_clause(self):
        pk_alias = self.model_cls.get_column_alias(self.model_cls.ormar_config.pkname)
        pk_aliased_name = f"{self.table.name}.{pk_alias}"
        # ok: VC402 -- the held table's name and the model's own primary-key column
        return text(f"limit_query.{pk_alias}={pk_aliased_name}")

    def sort_clause(self, sort):
        alias = self.model_cls.get_column_alias(sort)
        # expect: VC402 -- the column named for a caller's field: an unknown name comes back as it was given
        return text(f"{self.table.name}.{alias} DESC")

    def instance_option(self, request):
        # expect: VC402 -- the options of an object the request carries, not of a model class
        return text(f"SELECT * FROM t ORDER BY {request.payload._meta.ordering}")
