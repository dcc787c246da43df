from unittest import mock

import pytest
import requests

from reminders import notify


@pytest.fixture
def ok_response():
    resp = mock.Mock()
    resp.json.return_value = {"sid": "SM42"}
    resp.raise_for_status.return_value = None
    return resp


def test_send_sms_posts_body(ok_response):
    with mock.patch("reminders.notify.requests.post", return_value=ok_response) as post:
        result = notify.send_sms_checked("+15550100", "hi")
    # ok: VC308
    assert post.call_args.kwargs["json"] == {"to": "+15550100", "body": "hi"}
    assert result == {"sid": "SM42"}


def test_send_sms_returns_provider_answer(ok_response):
    with mock.patch("reminders.notify.requests.post", return_value=ok_response):
        result = notify.send_sms("+15550100", "hi")
    # expect: VC310
    assert result


def test_webhook_failure_raises(monkeypatch):
    def boom(*args, **kwargs):
        raise requests.ConnectionError("refused")

    monkeypatch.setattr(notify.requests, "post", boom)
    monkeypatch.setattr(notify.time, "sleep", lambda s: None)
    # ok: VC305
    with pytest.raises(notify.DeliveryError, match="after 3 attempts"):
        notify.post_webhook_with_retries("https://hooks.example.com/x", {"id": 1})


def test_webhook_failure_anything(monkeypatch):
    monkeypatch.setattr(notify.requests, "post", mock.Mock(side_effect=requests.Timeout()))
    monkeypatch.setattr(notify.time, "sleep", lambda s: None)
    # expect: VC305
    with pytest.raises(Exception):
        notify.post_webhook_with_retries("https://hooks.example.com/x", {"id": 1})


def test_post_webhook_reports_failure(monkeypatch):
    monkeypatch.setattr(notify.requests, "post", mock.Mock(side_effect=requests.Timeout()))
    # ok: VC310
    assert notify.post_webhook("https://hooks.example.com/x", {}) is False


def test_deliver_reports_error(monkeypatch):
    monkeypatch.setattr(notify, "send_sms", mock.Mock(side_effect=RuntimeError("provider down")))
    result = notify.deliver({"id": 1, "phone": "+1", "message": "m"})
    # expect: VC311
    if "error" in result:
        assert result["error"] == "provider down"


# expect: VC308
def test_deliver_uses_retries(monkeypatch):
    retry = mock.MagicMock()
    monkeypatch.setattr(notify, "post_webhook_with_retries", retry)
    notify.deliver({"id": 1, "webhook_url": "https://hooks.example.com/x", "message": "m"})
    retry.assert_called_once()
