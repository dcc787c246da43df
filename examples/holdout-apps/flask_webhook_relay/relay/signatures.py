import hashlib
import hmac


def github_digest(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify_github(secret: str, body: bytes, header: str | None) -> bool:
    """True when the X-Hub-Signature-256 header matches the body."""
    # expect: VC204
    return github_digest(secret, body) == header


def verify_github_v2(secret: str, body: bytes, header: str | None) -> bool:
    # ok: VC204
    return hmac.compare_digest(github_digest(secret, body), header or "")


def verify_gitlab(expected: str, token: str | None) -> bool:
    # ok: VC204
    return token is not None and hmac.compare_digest(expected.encode(), token.encode())
