"""Remote fetches and mirrors."""
import ftplib
import os
from urllib.parse import urlparse

import httpx

ALLOWED_HOSTS = {"cdn.example.com", "files.example.com"}


async def fetch(target):
    async with httpx.AsyncClient(follow_redirects=True, timeout=10) as client:
        # sink: CWE-918
        response = await client.get(target)
    response.raise_for_status()
    return response.content


async def fetch_allowed(target):
    if urlparse(target).hostname not in ALLOWED_HOSTS:
        raise ValueError("host not allowed")
    async with httpx.AsyncClient(timeout=10) as client:
        # safe: CWE-918
        response = await client.get(target)
    return response.content


async def fetch_internal(path):
    # sink: CWE-295
    async with httpx.AsyncClient(verify=False, timeout=10) as client:
        return (await client.get(f"https://internal.example.com/{path.lstrip('/')}")).json()


def mirror(local_path):
    # sink: CWE-319
    with ftplib.FTP("mirror.example.com", "files", os.environ["FTP_PASSWORD"]) as ftp:
        with open(local_path, "rb") as handle:
            ftp.storbinary(f"STOR {os.path.basename(local_path)}", handle)
