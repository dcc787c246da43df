from unittest.mock import patch

import pyotp
import pytest
from fastapi.testclient import TestClient

from twofa import otp
from twofa.main import app


@pytest.fixture
def client():
    return TestClient(app)


def test_current_code_accepted():
    secret = pyotp.random_base32()
    assert otp.check_code_strict(secret, pyotp.TOTP(secret).now())


def test_wrong_code_rejected():
    secret = pyotp.random_base32()
    code = pyotp.TOTP(secret).now()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    assert not otp.check_code_strict(secret, wrong)


def test_backup_codes_are_unique():
    codes = otp.backup_codes_safe()
    assert len(set(codes)) == len(codes) == 10


def test_backup_code_matches_hash():
    stored = [otp.hash_backup_code("abc123")]
    # ok: VC304
    assert otp.backup_code_matches(stored, "abc123") == stored[0]


def test_check_code_uses_pyotp():
    with patch("twofa.otp.pyotp.TOTP") as totp:
        totp.return_value.verify.return_value = True
        otp.check_code("SECRET", "123456")
    # expect: VC303/VC304
    totp.return_value.verify.assert_called_once


def test_login_asks_for_second_factor(client):
    resp = client.post("/v2/login", json={"email": "ada@example.com", "password": "pw"})
    # expect: VC311
    if resp.status_code == 200:
        assert resp.json()["mfa_required"] is True


def test_verify_returns_ok(client):
    with patch("twofa.otp.check_code_strict", return_value=True):
        resp = client.post("/2fa/verify", json={"code": "000000"})
    # expect: VC310
    assert resp.json()
