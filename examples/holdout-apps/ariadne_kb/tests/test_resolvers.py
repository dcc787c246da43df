from unittest.mock import MagicMock

import pytest

from kb.auth import issue_token, read_token, require_admin


def test_token_roundtrip():
    member = MagicMock(id=1, role="editor")
    claims = read_token(issue_token(member))
    # ok: VC310/VC311
    assert claims["sub"] == 1
    assert claims["role"] == "editor"


def test_require_admin_rejects_reader():
    info = MagicMock(context={"member": MagicMock(role="reader")})
    # expect: VC305
    with pytest.raises(Exception):
        require_admin(info)


def test_read_token_garbage():
    claims = read_token("garbage")
    # expect: VC311
    if claims:
        assert claims["sub"]
