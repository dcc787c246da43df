import hashlib
import hmac
import json
from unittest.mock import patch

from fastapi.testclient import TestClient

from bot import app as bot_app
from bot.settings import GITHUB_WEBHOOK_SECRET

client = TestClient(bot_app.app)


def sign(body: bytes) -> str:
    return "sha256=" + hmac.new(GITHUB_WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()


def test_rejects_bad_signature():
    resp = client.post("/github", content=b"{}", headers={"X-Hub-Signature-256": "sha256=00"})
    assert resp.status_code == 401


@patch("bot.app.handle_comment_allowlisted")
def test_accepts_signed_comment(mock_handle):
    body = json.dumps({"comment": {"body": "/ci run test"}}).encode()
    resp = client.post(
        "/github", content=body, headers={"X-Hub-Signature-256": sign(body), "X-GitHub-Event": "issue_comment"}
    )
    assert resp.status_code == 200
    mock_handle.assert_called_once()


def test_signature_ok_fast_matches():
    body = b'{"a": 1}'
    # ok: VC310 -- a predicate's answer is the whole check
    assert bot_app.signature_ok_fast(body, sign(body))


@patch("bot.app.runner")
@patch("bot.app.github")
def test_handle_comment_runs_target(mock_github, mock_runner):
    mock_runner.run_target.return_value.returncode = 0
    bot_app.handle_comment({"repository": {"full_name": "acme/web"}, "issue": {"number": 7},
                            "comment": {"body": "/ci run test"}})
    # expect: VC303/VC304
    mock_github.comment.assert_called_once


@patch("bot.app.runner")
@patch("bot.app.github")
def test_handle_comment_ignores_chatter(mock_github, mock_runner):
    bot_app.handle_comment({"repository": {"full_name": "acme/web"}, "issue": {"number": 7},
                            "comment": {"body": "looks good"}})
    mock_runner.checkout.assert_not_called()
