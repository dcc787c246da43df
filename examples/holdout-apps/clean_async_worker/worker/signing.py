import hashlib
import hmac
import time


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """Headers the client checks: a timestamp and an HMAC over `timestamp.body`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"X-Thumb-Timestamp": ts, "X-Thumb-Signature": f"sha256={digest}"}


def verify(secret: str, body: bytes, headers: dict[str, str], tolerance: int = 300) -> bool:
    ts = headers.get("X-Thumb-Timestamp", "")
    if not ts.isdigit() or abs(time.time() - int(ts)) > tolerance:
        return False
    expected = sign(secret, body, int(ts))["X-Thumb-Signature"]
    # ok: VC204
    return hmac.compare_digest(expected, headers.get("X-Thumb-Signature", ""))
