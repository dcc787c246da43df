"""Tests for the appointment handlers, with the database mocked."""

from unittest.mock import MagicMock, patch

import pytest

from clinic import appointments, records


@pytest.fixture
def fake_cursor():
    cur = MagicMock()
    with patch("clinic.appointments.cursor") as ctx:
        ctx.return_value.__enter__.return_value = cur
        yield cur


def test_get_appointment_returns_row(fake_cursor):
    fake_cursor.fetchone.return_value = {"id": 1, "patient_id": "p1"}
    result = appointments.get_appointment(1, "p1")
    # ok: VC304/VC310
    assert result == {"id": 1, "patient_id": "p1"}


def test_get_appointment_missing(fake_cursor):
    fake_cursor.fetchone.return_value = None
    body, status = appointments.get_appointment(2, "p1")
    # ok: VC304/VC310
    assert status == 404


def test_book_appointment_sends_sms(fake_cursor):
    fake_cursor.fetchone.side_effect = [{"id": 5}, {"phone": "+15550100"}]
    with patch("clinic.appointments.send_reminder") as sms:
        appointments.book_appointment({"starts_at": "2025-01-02T10:00", "doctor_id": 3}, "p1")
    # expect: VC304/VC308
    sms.assert_called


def test_cancel_appointment(fake_cursor):
    fake_cursor.rowcount = 1
    result = appointments.cancel_appointment(1, "p1")
    # expect: VC311
    if result:
        assert result[1] == 204


def test_search_patients():
    with patch("clinic.records.cursor") as ctx:
        ctx.return_value.__enter__.return_value.fetchall.return_value = [{"id": 1}]
        rows = records.search_patients("Smith")
    # expect: VC310
    assert rows
