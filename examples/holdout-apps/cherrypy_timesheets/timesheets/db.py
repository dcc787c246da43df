"""SQLite access for the timesheet service."""
import sqlite3
from contextlib import contextmanager

DB_PATH = "timesheets.db"


@contextmanager
def connect():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def entries_for(conn, user_id, week):
    return conn.execute(
        "SELECT id, project, hours, note FROM entries WHERE user_id = ? AND week = ?",
        (user_id, week),
    ).fetchall()


def entry_by_id(conn, entry_id):
    return conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()


def owned_entry(conn, entry_id, user_id):
    return conn.execute(
        "SELECT * FROM entries WHERE id = ? AND user_id = ?", (entry_id, user_id)
    ).fetchone()


def search_entries(conn, user_id, column, term):
    sql = "SELECT id, project, hours FROM entries WHERE user_id = ? AND %s LIKE '%%%s%%'" % (column, term)
    # expect: VC402/VC422
    return conn.execute(sql, (user_id,)).fetchall()
