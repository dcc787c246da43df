from unittest.mock import patch

import pytest
from fastapi.testclient import TestClient

from orders.config import get_settings


@pytest.fixture(autouse=True)
def attachments_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(get_settings(), "attachments_dir", str(tmp_path))
    return tmp_path


def new_order(client: TestClient) -> int:
    return client.post("/orders", json={"total": "1.00"}).json()["id"]


def test_upload_and_download(alice_client: TestClient, attachments_dir) -> None:
    order_id = new_order(alice_client)
    files = {"file": ("../../evil.pdf", b"%PDF-1.7", "application/pdf")}
    created = alice_client.post(f"/orders/{order_id}/attachments", files=files)
    assert created.status_code == 201
    stored = list(attachments_dir.iterdir())
    assert len(stored) == 1 and stored[0].suffix == ".pdf" and ".." not in stored[0].name
    response = alice_client.get(f"/orders/{order_id}/attachments/{created.json()['id']}")
    assert response.content == b"%PDF-1.7"


def test_other_users_cannot_download(alice_client: TestClient, bob_client: TestClient) -> None:
    order_id = new_order(alice_client)
    files = {"file": ("a.png", b"png", "image/png")}
    attachment_id = alice_client.post(f"/orders/{order_id}/attachments", files=files).json()["id"]
    assert bob_client.get(f"/orders/{order_id}/attachments/{attachment_id}").status_code == 404


@pytest.mark.parametrize("content_type", ["text/html", "application/x-sh", ""])
def test_unlisted_types_are_refused(alice_client: TestClient, content_type: str) -> None:
    order_id = new_order(alice_client)
    response = alice_client.post(f"/orders/{order_id}/attachments", files={"file": ("x", b"x", content_type)})
    assert response.status_code == 415


def test_reset_answers_the_same_for_unknown_addresses(app, alice) -> None:
    client = TestClient(app)
    with patch("orders.routers.password_reset.send_reset_mail") as send:
        known = client.post("/auth/reset", json={"email": "alice@example.com"})
        unknown = client.post("/auth/reset", json={"email": "nobody@example.com"})
    assert known.json() == unknown.json()
    assert send.call_count == 1


def test_reset_token_is_single_use(app, alice) -> None:
    client = TestClient(app)
    with patch("orders.routers.password_reset.send_reset_mail") as send:
        client.post("/auth/reset", json={"email": "alice@example.com"})
    token = send.call_args.args[1].split("token=")[1]
    body = {"token": token, "new_password": "a brand new passphrase"}
    assert client.post("/auth/reset/confirm", json=body).status_code == 204
    assert client.post("/auth/reset/confirm", json=body).status_code == 400
