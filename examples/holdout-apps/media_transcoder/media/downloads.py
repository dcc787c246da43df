import os
import shutil
import tempfile
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import requests

from .settings import settings

ALLOWED_SOURCE_HOSTS = {"cdn.example.com", "uploads.example.com"}


def fetch_to_disk(url: str, filename: str) -> str:
    """Download a source file to the work directory under its original name."""
    dest = os.path.join(settings.work_dir, filename)
    # expect: VC106
    # expect: VC405/VC417 -- the client's URL (reported here, through the call)
    with requests.get(url, stream=True) as resp:
        # expect: VC405/VC417 -- the client's file name
        with open(dest, "wb") as out:
            shutil.copyfileobj(resp.raw, out)
    return dest


def fetch_legacy(url: str) -> str:
    fd, path = tempfile.mkstemp(dir=settings.work_dir)
    os.close(fd)
    # expect: VC106 -- corrected: no timeout (the marks forgot it)
    urllib.request.urlretrieve(url, path)
    return path


def fetch_checked(url: str) -> Path:
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_SOURCE_HOSTS:
        raise ValueError("source host not allowed")
    dest = Path(tempfile.mkdtemp(dir=settings.work_dir)) / "source"
    # ok: VC106/VC107/VC405
    with requests.get(url, stream=True, timeout=(5, 60), allow_redirects=False) as resp:
        resp.raise_for_status()
        written = 0
        with dest.open("wb") as out:
            for chunk in resp.iter_content(1 << 20):
                written += len(chunk)
                if written > settings.max_download_bytes:
                    raise ValueError("source too large")
                out.write(chunk)
    return dest
