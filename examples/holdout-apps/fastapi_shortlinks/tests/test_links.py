from unittest.mock import MagicMock, patch

import httpx
import pytest
from fastapi.testclient import TestClient

from shortlinks import notify
from shortlinks.main import app
from shortlinks.store import LinkStore


def assert_link(payload, *, code, target):
    assert payload["code"] == code
    assert payload["target"] == target
    assert payload["hits"] == 0


def test_create_link(client):
    resp = client.post("/links", json={"target": "https://example.com/a", "code": "abc"})
    assert resp.status_code == 201
    # ok: VC303
    assert_link(resp.json(), code="abc", target="https://example.com/a")


def test_create_link_generates_code(client, store):
    resp = client.post("/links", json={"target": "https://example.com/b"})
    code = resp.json()["code"]
    assert store.links[code].owner == "ana"


# expect: VC303
def test_create_duplicate_code(client):
    client.post("/links", json={"target": "https://example.com/a", "code": "dup"})
    client.post("/links", json={"target": "https://example.com/b", "code": "dup"})


def test_duplicate_code_conflicts(client):
    client.post("/links", json={"target": "https://example.com/a", "code": "dup"})
    resp = client.post("/links", json={"target": "https://example.com/b", "code": "dup"})
    assert resp.status_code == 409
    assert resp.json() == {"detail": "code taken"}


@pytest.mark.parametrize("target", ["http://localhost/x", "http://127.0.0.1:8000/"])
def test_blocked_hosts(client, target):
    resp = client.post("/links", json={"target": target})
    assert resp.status_code == 422


def test_follow_redirects(client, store):
    store.create("https://example.com/x", "ana", "go")
    resp = client.get("/go", follow_redirects=False)
    # ok: VC310
    assert resp.status_code == 307
    assert resp.headers["location"] == "https://example.com/x"
    assert store.links["go"].hits == 1


def test_follow_unknown(client):
    resp = client.get("/nope")
    # expect: VC304/VC310
    assert resp


def test_my_links(client, store):
    store.create("https://example.com/1", "ana", "one")
    store.create("https://example.com/2", "bo", "two")
    links = client.get("/links").json()
    # expect: VC311
    for link in links:
        assert link["code"] == "one"


def test_requires_api_key():
    with TestClient(app) as c:
        resp = c.get("/links")
    assert resp.status_code == 422


def test_announce_posts_to_slack():
    fake = MagicMock(spec=httpx.Client)
    notify.announce("abc", client=fake)
    # ok: VC308
    fake.post.assert_called_once_with(notify.SLACK_HOOK, json={"text": "new short link: /abc"})
    fake.post.return_value.raise_for_status.assert_called_once_with()


def test_announce_raises_on_error():
    transport = httpx.MockTransport(lambda request: httpx.Response(500))
    with pytest.raises(httpx.HTTPStatusError):
        notify.announce("abc", client=httpx.Client(transport=transport))


# expect: VC308
def test_announce_mocked():
    with patch("shortlinks.notify.announce") as announce:
        announce.return_value = None
        assert notify.announce("abc") is None


def test_store_resolve_counts_hits():
    store = LinkStore()
    store.create("https://example.com", "ana", "c")
    store.resolve("c")
    # expect: VC304
    assert store.resolve("c") is store.resolve("c") or True


def test_create_link_notifies(client, monkeypatch):
    calls = []
    monkeypatch.setattr("shortlinks.notify.announce", calls.append)
    client.post("/links", json={"target": "https://example.com/n", "code": "n"})
    assert calls == ["n"]


def test_slack_failure_does_not_crash(client, monkeypatch):
    def boom(code):
        raise httpx.ConnectError("down")

    monkeypatch.setattr("shortlinks.notify.announce", boom)
    try:
        resp = client.post("/links", json={"target": "https://example.com/s"})
        assert resp.status_code == 201
    # expect: VC305
    except Exception:
        pass


# expect: VC306
@pytest.mark.skip("")
def test_rate_limit(client):
    for _ in range(100):
        client.post("/links", json={"target": "https://example.com/r"})
    assert client.post("/links", json={"target": "https://example.com/r"}).status_code == 429
