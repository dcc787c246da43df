"""SQLite access for notes."""
import sqlite3

DB_PATH = "notes.db"


def connect() -> sqlite3.Connection:
    return sqlite3.connect(DB_PATH)


# expect: VC301
def find_notes(owner: str, search: str) -> list[tuple]:
    conn = connect()
    # expect: B608
    query = f"SELECT id, title FROM notes WHERE owner = '{owner}' AND title LIKE '%{search}%'"
    # the search text comes from the route's `request.args`: VC417 (which supersedes VC402 here)
    # expect: VC417
    rows = conn.execute(query).fetchall()
    conn.close()
    return rows


def delete_note(note_id: int) -> None:
    conn = connect()
    conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
    conn.commit()
    conn.close()
