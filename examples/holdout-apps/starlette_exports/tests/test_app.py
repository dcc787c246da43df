import hashlib
import hmac
from unittest.mock import MagicMock, patch

import pytest
from starlette.testclient import TestClient

from exports_app import app as app_module

client = TestClient(app_module.app)


@pytest.fixture
def logged_in():
    with patch.object(app_module, "require_user", return_value={"id": 7, "email": "a@example.com"}):
        yield


def test_request_export_queues_job(logged_in):
    with patch.object(app_module, "db") as fake_db, patch.object(app_module, "queue") as fake_queue:
        fake_db.create_export.return_value = 42
        client.post("/exports")
        # expect: VC304/VC303
        fake_queue.enqueue.assert_called


def test_github_webhook_rejects_bad_signature():
    resp = client.post("/webhooks/github", content=b"{}", headers={"X-Hub-Signature-256": "sha256=nope"})
    assert resp.status_code == 401


def test_github_webhook_accepts_signed_payload():
    body = b'{"repository": {"full_name": "acme/api"}}'
    sig = "sha256=" + hmac.new(app_module.WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    with patch.object(app_module, "queue") as fake_queue:
        resp = client.post("/webhooks/github", content=body, headers={"X-Hub-Signature-256": sig})
    assert resp.status_code == 200
    fake_queue.enqueue.assert_called_once()


# expect: VC308
def test_presigned_upload_returns_url():
    fake_s3 = MagicMock()
    fake_s3.generate_presigned_url.return_value = "https://s3.example/put"
    url = fake_s3.generate_presigned_url("put_object", Params={"Bucket": "b", "Key": "k"})
    assert url == "https://s3.example/put"


def test_download_export(logged_in):
    with patch.object(app_module, "db") as fake_db, patch.object(app_module, "storage") as fake_storage:
        fake_db.get_export.return_value = {"id": 1, "status": "ready", "s3_key": "exports/7/1.json"}
        fake_storage.presigned_download.return_value = "https://s3.example/get"
        resp = client.get("/exports/1/download", follow_redirects=False)
    # expect: VC310/VC304
    assert resp


def test_export_status(logged_in):
    with patch.object(app_module, "db") as fake_db:
        fake_db.get_export_for_user.return_value = {"id": 3, "status": "pending"}
        resp = client.get("/exports/3")
    # expect: VC311
    if resp.status_code == 200:
        assert resp.json()["status"] == "pending"


def test_purge_requires_admin(logged_in):
    try:
        resp = client.post("/admin/exports/purge")
        assert resp.status_code == 403
    # expect: VC305
    except Exception:
        pass


def test_health():
    resp = client.get("/health")
    # ok: VC310
    assert resp.json() == {"ok": True}
