from unittest.mock import patch

import pytest

from reminders import store


def test_create_reminder(client, headers):
    resp = client.post(
        "/reminders", json={"message": "call mom", "due_at": "2030-05-01T18:00:00Z"}, headers=headers
    )
    # ok: VC310
    assert resp.status_code == 201
    assert isinstance(resp.json()["id"], int)


# expect: VC303
def test_create_reminder_with_webhook(client, headers):
    client.post(
        "/reminders",
        json={"message": "deploy", "due_at": "2030-05-01T18:00:00Z", "webhook_url": "https://hooks.example.com/x"},
        headers=headers,
    )


def test_read_reminder(client, headers, reminder_id):
    resp = client.get(f"/reminders/{reminder_id}", headers=headers)
    # expect: VC304/VC310
    assert resp


def test_read_other_users_reminder(client, reminder_id):
    resp = client.get(f"/reminders/{reminder_id}", headers={"X-User": "mallory"})
    # ok: VC304, VC310
    assert resp.status_code == 404


def test_send_now(client, headers, reminder_id):
    with patch("reminders.notify.send_sms", return_value={"sid": "SM1"}):
        resp = client.post(f"/reminders/{reminder_id}/send", headers=headers)
    # expect: VC304
    assert resp.status_code in (200, 500)


def test_send_now_marks_sent(client, headers, reminder_id):
    with patch("reminders.notify.send_sms", return_value={"sid": "SM1"}) as send_sms:
        resp = client.post(f"/reminders/{reminder_id}/send", headers=headers)
    # ok: VC308
    send_sms.assert_called_once_with("+15550100", "water plants")
    assert resp.json() == {"status": "sent"}


# expect: VC308
def test_send_now_calls_sms(client, headers, reminder_id):
    with patch("reminders.notify.send_sms") as send_sms:
        client.post(f"/reminders/{reminder_id}/send", headers=headers)
    send_sms.assert_called()


def test_delete_reminder(client, headers, reminder_id):
    try:
        resp = client.delete(f"/reminders/{reminder_id}", headers=headers)
        assert resp.status_code == 204
    # expect: VC305
    except Exception:
        pass


def test_dispatch_queues_due(client, monkeypatch):
    monkeypatch.setattr(store, "due_reminders", lambda now: [{"id": 1}, {"id": 2}])
    monkeypatch.setattr("reminders.notify.deliver", lambda reminder: {"status": "sent"})
    resp = client.post("/dispatch")
    data = resp.json()
    # expect: VC304
    assert data == data


def test_dispatch_queues_due_count(client, monkeypatch):
    monkeypatch.setattr(store, "due_reminders", lambda now: [{"id": 1}, {"id": 2}])
    monkeypatch.setattr("reminders.notify.deliver", lambda reminder: {"status": "sent"})
    resp = client.post("/dispatch")
    # ok: VC304
    assert resp.json() == {"queued": 2}


def test_missing_header_rejected(client):
    resp = client.get("/reminders/1")
    # ok: VC310, VC304
    assert resp.status_code == 422


# expect: VC306
@pytest.mark.skip
def test_snooze(client):
    resp = client.post("/reminders/1/snooze?minutes=5")
    assert resp.json()["snoozed_for"] == 5


# ok: VC306
@pytest.mark.skip(reason="the SMS sandbox rejects health probes from CI")
def test_sms_health(client):
    resp = client.get("/health/sms")
    assert resp.json() == {"sms": True}


def test_listing_has_only_own(client, headers, reminder_id):
    rows = store.due_reminders.__wrapped__ if hasattr(store.due_reminders, "__wrapped__") else []
    # expect: VC311
    for row in rows:
        assert row["owner"] == "alice"


def test_placeholder():
    # expect: VC304
    assert True
