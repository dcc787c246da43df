"""SQL text rendered by Jinja templates before it is executed."""
import sqlite3

from jinja2 import Environment, FileSystemLoader, Template

env = Environment(loader=FileSystemLoader("queries"))
REPORT_TEMPLATE = "SELECT * FROM {{ table }} WHERE day = '{{ day }}'"


def rows_of_table(conn: sqlite3.Connection, table):
    sql = Template("SELECT * FROM {{ table }}").render(table=table)
    # expect: VC402
    return conn.execute(sql).fetchall()


def report_rows(conn: sqlite3.Connection, table, day):
    # expect: VC402 -- a template held in a constant, handed the values
    return conn.execute(env.from_string(REPORT_TEMPLATE).render(table=table, day=day)).fetchall()


def daily_rows(conn: sqlite3.Connection, day):
    sql = env.get_template("daily.sql").render(day=day)
    # expect: VC402 -- a template file of SQL, rendered with the value
    return conn.execute(sql).fetchall()


def events_rows(conn: sqlite3.Connection):
    sql = Template("SELECT * FROM {{ table }}").render(table="events")
    # ok: VC402 -- only constants rendered
    return conn.execute(sql).fetchall()


def rows_by_day(conn: sqlite3.Connection, day):
    sql = env.get_template("by_day.sql").render()
    # ok: VC402 -- the template holds a placeholder; the value is a parameter
    return conn.execute(sql, {"day": day}).fetchall()


def render_model(name, **variables):
    # ok: VC402 -- a rendering helper forwards its caller's mapping: judged where the caller builds it
    return env.get_template(f"{name}.sql").render(**variables)


def greeting(name):
    # ok: VC402 -- a page, not a query
    return Template("<p>Hello {{ name }}</p>").render(name=name)
