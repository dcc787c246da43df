"""sqlite3 persistence for tasks and users."""
import sqlite3

DB_PATH = "tasks.db"
SORTABLE = {"created": "created_at", "due": "due_date", "title": "title"}


def connect() -> sqlite3.Connection:
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_one(sql, params=()):
    with connect() as conn:
        row = conn.execute(sql, params).fetchone()
    return dict(row) if row else None


def fetch_all(sql, params=()):
    with connect() as conn:
        # expect: VC417 -- the search term's LIKE, built by `search_tasks`, runs here
        return [dict(r) for r in conn.execute(sql, params).fetchall()]


def get_task(task_id):
    return fetch_one("SELECT * FROM tasks WHERE id = ?", (task_id,))


def get_task_for(task_id, owner_id):
    return fetch_one("SELECT * FROM tasks WHERE id = ? AND owner_id = ?", (task_id, owner_id))


def list_tasks(owner_id, sort="created"):
    column = SORTABLE.get(sort, "created_at")
    # ok: VC402/VC422 -- the column comes from a fixed mapping
    return fetch_all(f"SELECT * FROM tasks WHERE owner_id = ? ORDER BY {column}", (owner_id,))


def search_tasks(owner_id, term):
    sql = f"SELECT * FROM tasks WHERE owner_id = {owner_id} AND title LIKE '%{term}%'"
    return fetch_all(sql)


def create_task(owner_id, fields):
    fields = dict(fields, owner_id=owner_id)
    columns = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    with connect() as conn:
        # expect: VC402/VC422/VC417 -- the JSON body's keys become column names
        cur = conn.execute(f"INSERT INTO tasks ({columns}) VALUES ({marks})", tuple(fields.values()))
        return cur.lastrowid


def delete_task(task_id):
    with connect() as conn:
        conn.execute("DELETE FROM tasks WHERE id = ?", (task_id,))


def set_role(user_id, role):
    with connect() as conn:
        conn.execute("UPDATE users SET role = ? WHERE id = ?", (role, user_id))


def user_by_token(token):
    return fetch_one("SELECT * FROM users WHERE api_token = ?", (token,))


def user_by_name(name):
    return fetch_one("SELECT * FROM users WHERE username = ?", (name,))
