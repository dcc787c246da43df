"""VC402 corpus (aliases): a query run through a name bound only to a cursor's or connection's method."""
import sqlite3

DB = sqlite3.connect("app.db")


def find_user(name):
    cursor = DB.cursor()
    run_sql = cursor.execute
    # expect: VC402 -- `run_sql` is the cursor's `execute`
    return run_sql(f"SELECT * FROM users WHERE name = '{name}'").fetchall()


def find_user_bound(name):
    run_sql = DB.execute
    # ok: VC402 -- a bound parameter
    return run_sql("SELECT * FROM users WHERE name = ?", (name,)).fetchall()


def count_users():
    run_sql = DB.execute
    # ok: VC402 -- built from literals only
    return run_sql("SELECT count(*) FROM " + "users").fetchone()


class Users:
    """Queries through the connection's method it keeps."""

    def __init__(self, conn):
        self._exec = conn.execute

    def by_email(self, email):
        # expect: VC402 -- `self._exec` is the connection's `execute` in every method
        return self._exec("SELECT * FROM users WHERE email = '%s'" % email).fetchone()


def log_line(message):
    write = print
    # ok: VC402 -- `write` is `print`, no query runs
    write("SELECT happened for " + message)
