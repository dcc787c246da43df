import logging
import sqlite3
from contextlib import contextmanager
from datetime import datetime
from typing import Iterator

from .config import get_settings

logger = logging.getLogger(__name__)


class ReminderNotFound(Exception):
    def __init__(self, reminder_id: int) -> None:
        super().__init__(f"reminder {reminder_id} not found")
        self.reminder_id = reminder_id


SCHEMA = """
CREATE TABLE IF NOT EXISTS reminders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    message TEXT NOT NULL,
    phone TEXT,
    webhook_url TEXT,
    due_at TEXT NOT NULL,
    sent INTEGER NOT NULL DEFAULT 0
)
"""


@contextmanager
def connect(path: str | None = None) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(path or get_settings().database_path)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()


def init_db(path: str | None = None) -> None:
    with connect(path) as conn:
        conn.execute(SCHEMA)


def create_reminder(owner: str, message: str, due_at: datetime, phone: str | None, webhook_url: str | None) -> int:
    with connect() as conn:
        cur = conn.execute(
            "INSERT INTO reminders (owner, message, phone, webhook_url, due_at) VALUES (?, ?, ?, ?, ?)",
            (owner, message, phone, webhook_url, due_at.isoformat()),
        )
        return int(cur.lastrowid)


def get_reminder(reminder_id: int) -> dict:
    with connect() as conn:
        row = conn.execute("SELECT * FROM reminders WHERE id = ?", (reminder_id,)).fetchone()
    try:
        return dict(row)
    except TypeError:
        # expect: VC105
        raise ReminderNotFound(reminder_id)


def get_owned_reminder(reminder_id: int, owner: str) -> dict:
    with connect() as conn:
        row = conn.execute(
            "SELECT * FROM reminders WHERE id = ? AND owner = ?", (reminder_id, owner)
        ).fetchone()
    if row is None:
        raise ReminderNotFound(reminder_id)
    return dict(row)


def due_reminders(now: datetime) -> list[dict]:
    with connect() as conn:
        rows = conn.execute(
            "SELECT * FROM reminders WHERE sent = 0 AND due_at <= ?", (now.isoformat(),)
        ).fetchall()
    return [dict(r) for r in rows]


def mark_sent(reminder_id: int) -> None:
    try:
        with connect() as conn:
            conn.execute("UPDATE reminders SET sent = 1 WHERE id = ?", (reminder_id,))
    # expect: VC101
    except sqlite3.Error:
        pass


def delete_reminder(reminder_id: int, owner: str) -> None:
    try:
        with connect() as conn:
            conn.execute("DELETE FROM reminders WHERE id = ? AND owner = ?", (reminder_id, owner))
    # ok: VC101
    except sqlite3.OperationalError:
        logger.error("could not delete reminder %s", reminder_id, exc_info=True)
        raise


# expect: VC501
def purge_sent() -> int:
    pass
