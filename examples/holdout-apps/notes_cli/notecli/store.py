from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from notecli.tags import parse_tags

SCHEMA = """
CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, created TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE IF NOT EXISTS tags (note_id INTEGER REFERENCES notes(id) ON DELETE CASCADE, tag TEXT NOT NULL);
"""


class NoteNotFound(LookupError):
    pass


@dataclass
class Note:
    id: int
    body: str
    tags: list[str]


class NoteStore:
    def __init__(self, path: Path | str) -> None:
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.executescript(SCHEMA)

    def add(self, body: str) -> Note:
        tags = parse_tags(body)
        with self.conn:
            cur = self.conn.execute("INSERT INTO notes (body) VALUES (?)", (body,))
            self.conn.executemany("INSERT INTO tags (note_id, tag) VALUES (?, ?)", [(cur.lastrowid, t) for t in tags])
        return Note(cur.lastrowid, body, tags)

    def get(self, note_id: int) -> Note:
        row = self.conn.execute("SELECT id, body FROM notes WHERE id = ?", (note_id,)).fetchone()
        if row is None:
            raise NoteNotFound(note_id)
        return Note(row[0], row[1], self._tags(row[0]))

    def search(self, tag: str | None = None, text: str | None = None) -> list[Note]:
        query = "SELECT DISTINCT n.id, n.body FROM notes n LEFT JOIN tags t ON t.note_id = n.id WHERE 1 = 1"
        params: list[str] = []
        if tag:
            query += " AND t.tag = ?"
            params.append(tag)
        if text:
            query += " AND n.body LIKE ?"
            params.append(f"%{text}%")
        rows = self.conn.execute(query + " ORDER BY n.id", params).fetchall()
        return [Note(r[0], r[1], self._tags(r[0])) for r in rows]

    def delete(self, note_id: int) -> None:
        with self.conn:
            cur = self.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        if cur.rowcount == 0:
            raise NoteNotFound(note_id)

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self.conn.close()

    def _tags(self, note_id: int) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT tag FROM tags WHERE note_id = ? ORDER BY rowid", (note_id,))]
