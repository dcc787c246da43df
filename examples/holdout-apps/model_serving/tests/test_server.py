from unittest.mock import MagicMock, patch

import pytest
import torch
from fastapi.testclient import TestClient

from serving import server


@pytest.fixture
def client():
    tokenizer = MagicMock(return_value={"input_ids": torch.zeros((1, 4), dtype=torch.long)})
    model = MagicMock()
    model.return_value.logits = torch.tensor([[0.1, 2.0]])
    with patch.object(server.loading, "load_default_pipeline", return_value=(tokenizer, model)):
        with TestClient(server.app) as c:
            yield c


def test_predict_returns_label(client):
    resp = client.post("/predict", json={"texts": ["great"]})
    assert resp.status_code == 200
    assert resp.json()[0]["label"] == "positive"


def test_reload_safe_requires_admin(client):
    resp = client.post("/admin/reload-safe", json={"checkpoint": "x.safetensors"})
    assert resp.status_code == 403


def test_healthz(client):
    # ok: VC310
    assert client.get("/healthz").json()["ok"]


def test_upload_pipeline(client):
    with patch.object(server.settings, "admin_token", "t"):
        resp = client.post("/pipelines/p1", files={"file": ("p.pkl", b"junk")}, headers={"Authorization": "Bearer t"})
    # expect: VC304
    assert resp.status_code in (200, 400)
