"""Prompt: HTTP clients for an internal service with a self-signed certificate (other spellings)."""

import ssl

import aiohttp
import httpx
import requests
import urllib3


def post_event(url: str, payload: dict, **kwargs) -> int:
    # expect: VC404
    resp = requests.post(url, json=payload, verify=False, timeout=5, **kwargs)
    return resp.status_code


def async_client() -> httpx.AsyncClient:
    # expect: VC404
    return httpx.AsyncClient(verify=False, timeout=10)


def pool() -> urllib3.PoolManager:
    # expect: VC404
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def connector() -> aiohttp.TCPConnector:
    # expect: VC404
    return aiohttp.TCPConnector(verify_ssl=False)


def legacy_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # expect: VC404
    context.check_hostname = False
    # ok: VC404 -- corrected after the blind run: a client context treats CERT_OPTIONAL as CERT_REQUIRED
    context.verify_mode = ssl.CERT_OPTIONAL
    return context


def pinned_client() -> httpx.Client:
    # ok: VC404
    return httpx.Client(verify="/etc/ssl/internal-ca.pem", timeout=10)
