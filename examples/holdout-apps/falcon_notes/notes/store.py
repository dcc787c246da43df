import sqlite3


class NoteStore:
    def __init__(self, path: str = "notes.db"):
        self.db = sqlite3.connect(path, check_same_thread=False)

    def list_notes(self) -> list[dict]:
        rows = self.db.execute("SELECT id, title FROM notes WHERE archived = 0").fetchall()
        return [{"id": r[0], "title": r[1]} for r in rows]

    def add_note(self, title: str, body: str) -> int:
        cur = self.db.execute("INSERT INTO notes (title, body) VALUES (?, ?)", (title, body))
        self.db.commit()
        return cur.lastrowid

    def delete_note(self, note_id: int) -> None:
        self.db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        self.db.commit()

    def delete_notes(self, ids: list[int]) -> int:
        removed = 0
        for note_id in ids:
            removed += self.db.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount
        self.db.commit()
        return removed

    def comments(self, note_id: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT text FROM comments WHERE note_id = ?", (note_id,))]

    def add_comment(self, note_id: int, text: str) -> None:
        self.db.execute("INSERT INTO comments (note_id, text) VALUES (?, ?)", (note_id, text))
        self.db.commit()

    def tag_note(self, note_id: int, tag: str) -> None:
        self.db.execute("INSERT INTO tags (note_id, tag) VALUES (?, ?)", (note_id, tag))
        self.db.commit()

    def archive(self, note_id: int) -> None:
        self.db.execute("UPDATE notes SET archived = 1 WHERE id = ?", (note_id,))
        self.db.commit()

    def publish(self, note_id: int) -> None:
        self.db.execute("UPDATE notes SET published = 1 WHERE id = ?", (note_id,))
        self.db.commit()

    def is_published(self, note_id: int) -> bool:
        row = self.db.execute("SELECT published FROM notes WHERE id = ?", (note_id,)).fetchone()
        return bool(row and row[0])

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
