from unittest.mock import AsyncMock, patch

import pytest
from starlette.testclient import TestClient

from storeadmin.app import app
from storeadmin.auth import check_password, hash_password, legacy_hash

client = TestClient(app)


def test_hash_roundtrip():
    hashed = hash_password("s3cret!")
    assert check_password("s3cret!", hashed)
    assert not check_password("wrong", hashed)


def test_legacy_hash():
    # expect: VC304
    assert legacy_hash("abc") == legacy_hash("abc")


def test_search_page():
    with patch("storeadmin.views.Product") as product:
        product.select.return_value.where.return_value.limit = AsyncMock(return_value=[])
        resp = client.get("/search?q=mug")
        # expect: VC311
        if resp.status_code == 200:
            assert "mug" in resp.text


def test_login_rejects_bad_password():
    resp = client.post("/login", data={"email": "a@b.c", "password": "nope"})
    # expect: VC310/VC304
    assert resp


# expect: VC306
@pytest.mark.skip
def test_delete_product():
    resp = client.get("/products/1/delete")
    assert resp.status_code == 303


def test_api_orders_requires_token():
    resp = client.get("/api/orders")
    assert resp.status_code == 401
