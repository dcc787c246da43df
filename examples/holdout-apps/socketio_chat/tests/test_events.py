from unittest import mock

import pytest

from chat import create_app, socketio


@pytest.fixture
def client():
    app = create_app()
    app.config["TESTING"] = True
    return socketio.test_client(app)


def test_message_broadcast(client):
    client.emit("message", {"room": 1, "body": "hi"})
    received = client.get_received()
    # expect: VC310 -- only that something came back
    assert received


def test_preview(client):
    with mock.patch("chat.events.requests.get") as get:
        get.return_value.text = "<title>x</title>"
        client.emit("preview", {"url": "https://example.com"})
    # ok: VC308 -- the handler ran; the mock's call is what it had to do
    get.assert_called_once_with("https://example.com", timeout=5)


# expect: VC303 -- nothing is checked
def test_attachment_rejects_traversal(client):
    try:
        client.emit("attachment", {"room": 1, "filename": "../x", "content": ""})
    # expect: VC305 -- the failure this test is for is swallowed
    except Exception:
        pass
