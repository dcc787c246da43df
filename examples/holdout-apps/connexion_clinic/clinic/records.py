"""Medical record handlers."""

from .auth import is_staff
from .db import cursor

EDITABLE = ("allergies", "medications", "notes")


def search_patients(name: str):
    with cursor() as cur:
        # expect: VC402/VC422
        cur.execute(f"SELECT id, first_name, last_name, date_of_birth FROM patients WHERE last_name ILIKE '%{name}%'")
        return cur.fetchall()


def get_record(record_id: int, user: str, token_info: dict):
    with cursor() as cur:
        if is_staff(token_info):
            cur.execute("SELECT * FROM records WHERE id = %s", (record_id,))
        else:
            # ok: VC214
            cur.execute("SELECT * FROM records WHERE id = %s AND patient_id = %s", (record_id, user))
        row = cur.fetchone()
    return row if row else ({"detail": "Not found"}, 404)


def update_record(record_id: int, body: dict, user: str, token_info: dict):
    if not is_staff(token_info):
        return {"detail": "Forbidden"}, 403
    assignments = ", ".join(f"{column} = %s" for column in body)
    with cursor() as cur:
        # expect: VC402/VC422
        cur.execute(f"UPDATE records SET {assignments} WHERE id = %s", (*body.values(), record_id))
    return {"updated": list(body)}


def update_record_safe(record_id: int, body: dict, user: str, token_info: dict):
    if not is_staff(token_info):
        return {"detail": "Forbidden"}, 403
    columns = [c for c in EDITABLE if c in body]
    assignments = ", ".join(f"{column} = %s" for column in columns)
    with cursor() as cur:
        # ok: VC402/VC422
        cur.execute(f"UPDATE records SET {assignments} WHERE id = %s", (*(body[c] for c in columns), record_id))
    return {"updated": columns}
