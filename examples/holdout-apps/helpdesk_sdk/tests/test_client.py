from unittest.mock import MagicMock, patch

import pytest
import responses

from helpdesk import HelpdeskClient, NotFoundError, Ticket

BASE = "https://acme.helpdesk.example.com/api/v2"

TICKET = {
    "id": 42,
    "subject": "Printer on fire",
    "status": "open",
    "priority": "urgent",
    "requester": {"email": "ann@example.com"},
    "created_at": "2024-05-01T10:00:00Z",
    "tags": ["hardware"],
}


@pytest.fixture
def client() -> HelpdeskClient:
    return HelpdeskClient("acme", email="bot@example.com", token="t0k3n")


@responses.activate
def test_get_ticket(client):
    responses.get(f"{BASE}/tickets/42", json={"ticket": TICKET})
    ticket = client.get_ticket(42)
    assert ticket.subject == "Printer on fire"
    assert ticket.requester_email == "ann@example.com"
    assert ticket.tags == ["hardware"]


@responses.activate
def test_get_ticket_not_found(client):
    responses.get(f"{BASE}/tickets/7", status=404)
    with pytest.raises(NotFoundError):
        client.get_ticket(7)


@responses.activate
def test_find_ticket_missing_returns_none(client):
    responses.get(f"{BASE}/tickets/7", status=404)
    assert client.find_ticket(7) is None


def test_client_created():
    client = HelpdeskClient("acme", email="a@b.c", token="x")
    # ok: VC310 -- VC310 leaves `assert obj` alone: an object may define __bool__ or __len__
    assert client


def test_create_ticket(client):
    with patch.object(client.transport, "request", return_value={"ticket": TICKET}) as request:
        client.create_ticket("Printer on fire", "help", "ann@example.com")
    # ok: VC308 -- the code under test runs; a bare assert_called_once() is a weak check, not a hollow one
    request.assert_called_once()


def test_create_ticket_payload(client):
    with patch.object(client.transport, "request", return_value={"ticket": TICKET}) as request:
        ticket = client.create_ticket("Printer on fire", "help", "ann@example.com", tags=["hw"])
    # ok: VC308
    assert isinstance(ticket, Ticket) and ticket.id == 42
    request.assert_called_once_with("POST", "tickets", json={"ticket": {
        "subject": "Printer on fire", "comment": {"body": "help"}, "priority": "normal",
        "requester": {"email": "ann@example.com"}, "tags": ["hw"]}})


def test_update_ticket(client):
    client.transport.request = MagicMock(return_value={"ticket": TICKET})
    result = client.update_ticket(42, status="pending")
    # expect: VC304
    assert result == result


# expect: VC303
def test_close_ticket(client):
    client.transport.request = MagicMock(return_value={"ticket": {**TICKET, "status": "closed"}})
    client.close_ticket(42)


def test_delete_ticket(client):
    # expect: VC304
    assert True


def test_merge_tickets(client):
    # expect: VC306
    pytest.skip()


@responses.activate
def test_search_backs_off_on_429(client):
    responses.get(f"{BASE}/search", status=429)
    responses.get(f"{BASE}/search", json={"results": [TICKET]})
    with patch("helpdesk.transport.time.sleep"):
        results = client.search("printer")
    assert [t.id for t in results] == [42]


@responses.activate
def test_add_comment(client):
    responses.put(f"{BASE}/tickets/42", json={"ticket": TICKET})
    try:
        ok = client.add_comment(42, "on it")
        assert ok
    # expect: VC305
    except AssertionError:
        pass


@responses.activate
def test_list_comments(client):
    responses.get(f"{BASE}/tickets/42/comments", json={"comments": [{"id": 1, "body": "hi"}]})
    comments = client.list_comments(42)
    # expect: VC311
    for comment in comments:
        assert comment.ticket_id == 42
