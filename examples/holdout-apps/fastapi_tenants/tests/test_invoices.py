from unittest import mock

import pytest

from tenants.routers import webhooks
from tenants.security import hash_password, read_refresh_claims, verify_password


def test_hash_and_verify_password():
    hashed = hash_password("s3cret")
    # ok: VC303/VC310 -- real assertion
    assert verify_password("s3cret", hashed)


# expect: VC303 -- test with no assertion at all
def test_read_invoice(client, auth_headers):
    client.get("/invoices/1", headers=auth_headers)


def test_search_invoices(client, auth_headers):
    resp = client.get("/invoices/?customer=acme", headers=auth_headers)
    # expect: VC310/VC304 -- truthiness-only assert on response body
    assert resp.json()


def test_delete_invoice(client, auth_headers):
    resp = client.delete("/invoices/1", headers=auth_headers)
    # expect: VC311 -- assertion inside a branch that may never run
    if resp.status_code == 204:
        assert client.get("/invoices/1", headers=auth_headers).status_code == 404


@pytest.mark.asyncio
async def test_deliver_posts_payload():
    with mock.patch.object(webhooks.httpx.AsyncClient, "post") as post:
        await webhooks.deliver_checked("https://hooks.slack.com/x", {"a": 1})
    # expect: VC303/VC304/VC308 -- typo, called_once_with is a mock attribute, always truthy
    post.called_once_with("https://hooks.slack.com/x", json={"a": 1})


@pytest.mark.asyncio
async def test_deliver_checked_posts_once():
    with mock.patch.object(webhooks.httpx.AsyncClient, "post") as post:
        await webhooks.deliver_checked("https://hooks.slack.com/x", {"a": 1})
    # ok: VC303/VC308 -- real mock assertion
    post.assert_called_once_with("https://hooks.slack.com/x", json={"a": 1})


def test_refresh_claims_rejects_garbage():
    # corrected mark: a `pytest.raises` block that raises nothing fails the test (DID NOT RAISE) on its first run,
    # so this is a broken test the author sees at once, not a hollow one
    with pytest.raises(Exception):
        pass
    read_refresh_claims("not-a-token")


def test_notify_slack_uses_allowlist(client, auth_headers):
    resp = client.post("/webhooks/notify-slack?text=hi", headers=auth_headers)
    # ok: VC310/VC304 -- status code assertion
    assert resp.status_code == 200
    assert resp.json() == {"ok": True}


# expect: VC308/VC310/VC304 -- assert on a mock that is always true (reported at the test)
def test_stats_mocked():
    session = mock.MagicMock()
    session.scalar.return_value = 3
    assert session.scalar
