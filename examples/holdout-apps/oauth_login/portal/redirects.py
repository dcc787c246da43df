from urllib.parse import urlparse


def safe_next(target: str | None, default: str = "/") -> str:
    """Only same-site relative paths; anything else goes home."""
    if not target:
        return default
    parts = urlparse(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target
