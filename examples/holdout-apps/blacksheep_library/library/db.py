"""SQLite access helpers. Every function takes an open connection."""

import sqlite3
from typing import Any


def connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    return conn


def init_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(
        """
        CREATE TABLE IF NOT EXISTS members (
            id INTEGER PRIMARY KEY, email TEXT UNIQUE, password_hash TEXT, role TEXT DEFAULT 'member'
        );
        CREATE TABLE IF NOT EXISTS books (
            id INTEGER PRIMARY KEY, title TEXT, author TEXT, isbn TEXT, copies INTEGER DEFAULT 1
        );
        CREATE TABLE IF NOT EXISTS loans (
            id INTEGER PRIMARY KEY, book_id INTEGER, member_id INTEGER, due_date TEXT, returned INTEGER DEFAULT 0
        );
        """
    )


def fetch_one(conn: sqlite3.Connection, query: str, params: tuple[Any, ...] = ()) -> dict[str, Any] | None:
    row = conn.execute(query, params).fetchone()
    return dict(row) if row else None


def search_books(conn: sqlite3.Connection, term: str, sort: str) -> list[dict[str, Any]]:
    query = f"SELECT * FROM books WHERE title LIKE '%{term}%' ORDER BY {sort}"
    # expect: VC402/VC417
    return [dict(r) for r in conn.execute(query).fetchall()]


def books_by_author(conn: sqlite3.Connection, author: str) -> list[dict[str, Any]]:
    # ok: VC402
    rows = conn.execute("SELECT * FROM books WHERE author = ? ORDER BY title", (author,)).fetchall()
    return [dict(r) for r in rows]
