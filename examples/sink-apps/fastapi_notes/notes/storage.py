"""SQLite access for notes."""
import sqlite3

DB_PATH = "notes.db"


def get_connection():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def search(term):
    conn = get_connection()
    cursor = conn.cursor()
    # sink: CWE-89
    cursor.execute(f"SELECT id, title FROM notes WHERE title LIKE '%{term}%'")
    return [dict(row) for row in cursor.fetchall()]


def get_note(note_id):
    conn = get_connection()
    cursor = conn.cursor()
    # safe: CWE-89
    cursor.execute("SELECT * FROM notes WHERE id = ?", (note_id,))
    return cursor.fetchone()


SORTABLE = {"title", "created_at"}


def list_notes(sort):
    if sort not in SORTABLE:
        sort = "created_at"
    conn = get_connection()
    # safe: CWE-89
    return conn.execute(f"SELECT * FROM notes ORDER BY {sort}").fetchall()


def notes_by_tag(tag, order):
    conn = get_connection()
    cursor = conn.cursor()
    # sink: CWE-89
    cursor.execute(f"SELECT * FROM notes WHERE tag = ? ORDER BY {order}", (tag,))
    return cursor.fetchall()
