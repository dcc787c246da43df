"""VC233 token-without-expiry beyond its corpus: how claims get an expiry, a refresh token, the command line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.rules.cli_findings import selected_findings
from vibecheck.rules.auth.token_without_expiry import TokenWithoutExpiry
from vibecheck.testing import findings_for

SIGNER = """
import jwt

def create_access_token(user, key):
    claims = {{"sub": user.id}}
    {body}
    return jwt.encode(claims, key, algorithm="HS256")
"""


@pytest.mark.parametrize(("body", "reported"), [
    ("pass", True),
    ('claims["role"] = user.role', True),
    ('claims["exp"] = user.expires', False),
    ("claims.update(exp=user.expires)", False),
    ('claims.update({"exp": user.expires})', False),
    ('claims.setdefault("exp", user.expires)', False),
    ("claims.update(extra)", False),
    ("stamp(claims)", False),
    ("claims = {**claims, 'exp': user.expires}", False),
    ("claims = dict(claims)", False),
])
def test_how_claims_get_an_expiry(body: str, reported: bool) -> None:
    findings = findings_for(TokenWithoutExpiry, SIGNER.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


def test_a_refresh_token_is_left_to_its_stored_row_only_where_the_module_stores_an_expiry() -> None:
    source = SIGNER.format(body="pass").replace("create_access_token", "create_refresh_token")
    assert findings_for(TokenWithoutExpiry, source)
    assert not findings_for(TokenWithoutExpiry, source + "\nclass RefreshToken:\n    expires_at = None\n")


def test_message_and_hint_say_what_to_do() -> None:
    [finding] = findings_for(TokenWithoutExpiry, SIGNER.format(body="pass"))
    assert "`exp`" in finding.message and "jwt.encode()" in finding.message
    assert finding.hint is not None and '"exp"' in finding.hint
    assert finding.cwe == (613,)


def test_the_command_line_reports_an_app_and_not_its_tests(tmp_path: Path) -> None:
    source = textwrap.dedent(SIGNER.format(body="pass"))
    (tmp_path / "auth.py").write_text(source, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_auth.py").write_text(source, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC233")
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [("auth.py", "VC233", "medium")]
