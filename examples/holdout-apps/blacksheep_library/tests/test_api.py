import pytest
from blacksheep.testing import TestClient

from library.app import app
from library.auth import hash_password, peek_role, verify_password


@pytest.fixture
async def client():
    await app.start()
    yield TestClient(app)
    await app.stop()


def test_hash_password_roundtrip():
    stored = hash_password("s3cret")
    assert verify_password("s3cret", stored)
    assert not verify_password("wrong", stored)


# expect: VC303
def test_peek_role_defaults():
    peek_role("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig")


@pytest.mark.asyncio
async def test_register_and_login(client):
    await client.post("/auth/register", json={"email": "a@example.com", "password": "pw"})
    response = await client.post("/auth/login", json={"email": "a@example.com", "password": "pw"})
    # expect: VC310/VC304
    assert response


@pytest.mark.asyncio
async def test_list_books(client):
    response = await client.get("/books?q=dune")
    # expect: VC304
    assert response.status == 200 or response.status != 200


@pytest.mark.asyncio
async def test_get_loan_not_found(client):
    response = await client.get("/loans/999")
    # ok: VC310/VC304
    assert response.status in (401, 404)


@pytest.mark.asyncio
async def test_delete_book_requires_auth(client):
    try:
        response = await client.delete("/books/1")
        assert response.status == 401
    # expect: VC305
    except Exception:
        pass
