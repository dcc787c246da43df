"""URL helpers the routes call: the request is made here, the client's URL comes from views.py."""
import ipaddress
import socket
from urllib.parse import urlparse

import httpx
import requests

WEBHOOK_HOSTS = {"hooks.slack.com", "hooks.example.com"}


def preview(url: str) -> str:
    # expect: VC417
    return requests.get(url, timeout=5).text


def post_webhook(url: str, payload: dict) -> int:
    parts = urlparse(url)
    if parts.scheme != "https":
        raise ValueError("https only")
    # expect: VC417
    return httpx.post(url, json=payload, timeout=5).status_code


def fetch_not_local(url: str) -> bytes:
    host = urlparse(url).hostname
    if host in ("localhost", "127.0.0.1"):
        raise ValueError("local address")
    # expect: VC417
    return requests.get(url, timeout=5).content


def post_allowed_webhook(url: str, payload: dict) -> int:
    if urlparse(url).hostname not in WEBHOOK_HOSTS:
        raise ValueError("unknown webhook host")
    # ok: VC417 -- the host is allow-listed
    return httpx.post(url, json=payload, timeout=5).status_code


def fetch_public(url: str) -> bytes:
    host = urlparse(url).hostname
    address = ipaddress.ip_address(socket.gethostbyname(host))
    if address.is_private or address.is_loopback or address.is_link_local:
        raise ValueError("internal address")
    # ok: VC417 -- private, loopback and link-local addresses are refused
    return requests.get(url, timeout=5, allow_redirects=False).content


def fetch_public_following(url: str) -> bytes:
    address = ipaddress.ip_address(socket.gethostbyname(urlparse(url).hostname))
    if address.is_private or address.is_loopback:
        raise ValueError("internal address")
    # expect: VC417 -- checked, but a redirect to an internal address is followed
    return requests.get(url, timeout=5).content


def fetch_listed(url: str) -> bytes:
    parts = urlparse(url)
    if parts.netloc not in WEBHOOK_HOSTS:
        raise ValueError("unknown host")
    # ok: VC417 -- the host is allow-listed
    return requests.get(url, timeout=5).content
