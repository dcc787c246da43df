import hashlib
import hmac
import json
from unittest.mock import patch

import pytest

from relay import signatures
from relay.app import app
from relay.config import Config


@pytest.fixture
def client():
    app.config["TESTING"] = True
    return app.test_client()


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(Config.GITHUB_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def test_verify_github_accepts_valid_signature():
    body = b'{"ref": "refs/heads/main"}'
    assert signatures.verify_github_v2(Config.GITHUB_WEBHOOK_SECRET, body, sign(body))


def test_verify_github_rejects_tampered_body():
    body = b'{"ref": "refs/heads/main"}'
    assert not signatures.verify_github_v2(Config.GITHUB_WEBHOOK_SECRET, body + b" ", sign(body))


@patch("relay.app.pull_and_deploy_v2")
@patch("relay.app.verify_github_v2", return_value=True)
def test_github_push_deploys(verify, deploy, client):
    body = json.dumps({"ref": "refs/heads/main"}).encode()
    client.post("/hooks/github/v2", data=body, headers={"X-GitHub-Event": "push"})
    deploy.assert_called_once()


@patch("relay.app.relay_event")
def test_gitlab_queues(relay_event, client):
    resp = client.post("/hooks/gitlab/v2", json={"object_kind": "push"}, headers={"X-Gitlab-Token": Config.GITLAB_WEBHOOK_TOKEN})
    # expect: VC310
    assert resp.json


@patch("relay.forwarding.requests.post")
def test_forward_v2_retries(post):
    post.side_effect = [Exception("boom")] * 5
    signatures.verify_gitlab("a", "a")


def test_stripe_bad_signature(client):
    resp = client.post("/hooks/stripe/v2", data=b"{}", headers={"Stripe-Signature": "t=1,v1=bad"})
    assert resp.status_code == 400
