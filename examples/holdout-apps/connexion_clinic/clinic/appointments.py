"""Appointment handlers (Connexion passes `user` and `token_info` from the bearer scheme)."""

import logging
from datetime import datetime

import psycopg

from .auth import is_staff
from .db import cursor
from .notify import send_reminder

logger = logging.getLogger(__name__)


def list_appointments(user: str, token_info: dict):
    with cursor() as cur:
        if is_staff(token_info):
            cur.execute("SELECT id, patient_id, starts_at, status FROM appointments ORDER BY starts_at")
        else:
            # ok: VC214/VC402
            cur.execute("SELECT id, starts_at, status FROM appointments WHERE patient_id = %s ORDER BY starts_at", (user,))
        return cur.fetchall()


def get_appointment(appointment_id: int, user: str):
    with cursor() as cur:
        # expect: VC214
        cur.execute("SELECT * FROM appointments WHERE id = %s", (appointment_id,))
        row = cur.fetchone()
    if row is None:
        return {"detail": "Not found"}, 404
    return row


def book_appointment(body: dict, user: str):
    starts_at = datetime.fromisoformat(body["starts_at"])
    with cursor() as cur:
        # expect: VC214/VC217
        cur.execute(
            "INSERT INTO appointments (patient_id, doctor_id, starts_at, status) VALUES (%s, %s, %s, %s) RETURNING id",
            (body.get("patient_id", user), body["doctor_id"], starts_at, "booked"),
        )
        new_id = cur.fetchone()["id"]
        cur.execute("SELECT phone FROM patients WHERE id = %s", (user,))
        phone = cur.fetchone()["phone"]
    try:
        send_reminder(phone, f"Your appointment is booked for {starts_at:%d %b %H:%M}")
    # expect: VC101
    except Exception:
        pass
    return {"id": new_id}, 201


def cancel_appointment(appointment_id: int, user: str):
    try:
        with cursor() as cur:
            # ok: VC214
            cur.execute(
                "UPDATE appointments SET status = 'cancelled' WHERE id = %s AND patient_id = %s",
                (appointment_id, user),
            )
            if cur.rowcount == 0:
                return {"detail": "Not found"}, 404
    except psycopg.Error as exc:
        logger.exception("cancel failed")
        # expect: VC414
        return {"detail": f"Database error: {exc}"}, 500
    return None, 204
