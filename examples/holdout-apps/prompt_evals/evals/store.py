"""Results in SQLite: one table per run, plus an index of runs."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

DB_PATH = Path.home() / ".promptbench" / "results.db"
SAFE_NAME = re.compile(r"^[A-Za-z0-9_]{1,40}$")


def connect(path: Path = DB_PATH) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE IF NOT EXISTS runs (name TEXT PRIMARY KEY, model TEXT, dataset TEXT, score REAL)")
    return conn


def create_run_table(conn: sqlite3.Connection, run_name: str) -> None:
    # expect: VC402
    conn.execute(f"CREATE TABLE IF NOT EXISTS run_{run_name} (case_id TEXT, answer TEXT, score REAL, reason TEXT)")


def create_run_table_checked(conn: sqlite3.Connection, run_name: str) -> None:
    if not SAFE_NAME.match(run_name):
        raise ValueError(f"bad run name {run_name!r}")
    # ok: VC402
    conn.execute(f'CREATE TABLE IF NOT EXISTS "run_{run_name}" (case_id TEXT, answer TEXT, score REAL, reason TEXT)')


def save_result(conn: sqlite3.Connection, run_name: str, case_id: str, answer: str, score: float, reason: str) -> None:
    # expect: VC402
    conn.execute(f"INSERT INTO run_{run_name} VALUES ('{case_id}', '{answer}', {score}, '{reason}')")


def save_summary(conn: sqlite3.Connection, run_name: str, model: str, dataset: str, score: float) -> None:
    # ok: VC402
    conn.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?)", (run_name, model, dataset, score))
    conn.commit()


def runs_for_model(conn: sqlite3.Connection, model: str) -> list[tuple]:
    # ok: VC402
    return conn.execute("SELECT name, dataset, score FROM runs WHERE model = ? ORDER BY name", (model,)).fetchall()
