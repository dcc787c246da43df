from pathlib import Path
from unittest.mock import MagicMock, patch

import pytest
from fastapi.testclient import TestClient

from portalbot import api, login


def test_read_totals_json():
    page = MagicMock()
    page.inner_text.return_value = '{"net": 120.5, "vat": 24.1}'
    assert login.read_totals_json(page) == {"net": 120.5, "vat": 24.1}


# expect: VC308
def test_login_fills_form():
    page = MagicMock()
    page.fill("input[name=email]", "ops@acme-retail.com")
    page.fill.assert_called_with("input[name=email]", "ops@acme-retail.com")


def test_login_calls_page():
    page = MagicMock()
    login.login(page)
    # expect: VC304
    assert page.fill.call_count == page.fill.call_count


def test_screenshot_rejects_other_hosts(monkeypatch):
    monkeypatch.setenv("PORTALBOT_API_KEY", "test-key")
    client = TestClient(api.app)
    resp = client.post("/screenshots/safe", json={"url": "http://169.254.169.254/", "name": "x"},
                       headers={"x-api-key": "test-key"})
    assert resp.status_code == 400


def test_restore_cookies_missing_file(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(login, "COOKIE_FILE", tmp_path / "none.pkl")
    page = MagicMock()
    login.restore_cookies(page)
    page.context.add_cookies.assert_not_called()


@pytest.mark.asyncio
async def test_post_summary_does_not_crash():
    with patch("portalbot.async_runner.requests.post") as post:
        try:
            from portalbot.async_runner import post_summary
            await post_summary([{"portal": "hub", "status": "ok"}])
        # expect: VC305
        except Exception:
            pass
        post.assert_called_once()
