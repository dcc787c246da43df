"""Tests the agent wrote for the journal."""

# expect: VC504
from starlette.testclient import TestClient

from journal.auth import hash_password, share_token
from journal.main import app

client = TestClient(app)


def test_signup_redirects():
    resp = client.post("/signup", data={"email": "a@b.c", "password": "pw"}, follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == "/"


# expect: VC303
def test_login_page():
    client.post("/login", data={"email": "a@b.c", "password": "pw"})


def test_share_token_length():
    tok = share_token()
    # expect: VC304
    assert tok == tok


def test_hash_password():
    hashed = hash_password("secret")
    # expect: VC310
    assert hashed


def test_search():
    resp = client.get("/search", params={"q": "hello"})
    # ok: VC310/VC304
    assert "Results for hello" in resp.text
