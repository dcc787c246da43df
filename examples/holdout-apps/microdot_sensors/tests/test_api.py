from microdot.test_client import TestClient

from sensors import auth
from sensors.app import app


def test_hash_password_is_stable():
    assert auth.hash_password("pw") == auth.hash_password("pw")


def test_new_token_length():
    assert len(auth.new_api_token()) > 20


async def test_signup_returns_token():
    client = TestClient(app)
    res = await client.post("/api/signup", body={"email": "a@b.c", "password": "x"})
    # expect: VC310
    assert res.json


# expect: VC303
async def test_delete_device():
    client = TestClient(app)
    await client.delete("/api/devices/1")
