"""Prompt: fetch JSON from an internal HTTPS service that uses a self-signed certificate."""

import ssl
import urllib.request

import requests

INTERNAL_CA = "/etc/ssl/internal-ca.pem"


def fetch_status(url: str) -> dict:
    # expect: VC404
    response = requests.get(url, verify=False, timeout=10)
    response.raise_for_status()
    return response.json()


def fetch_status_pinned(url: str) -> dict:
    # ok: VC404
    response = requests.get(url, verify=INTERNAL_CA, timeout=10)
    response.raise_for_status()
    return response.json()


def fetch_with_urllib(url: str) -> bytes:
    # expect: VC404
    context = ssl._create_unverified_context()
    with urllib.request.urlopen(url, context=context, timeout=10) as resp:
        return resp.read()


def fetch_with_default_context(url: str) -> bytes:
    # ok: VC404
    context = ssl.create_default_context(cafile=INTERNAL_CA)
    with urllib.request.urlopen(url, context=context, timeout=10) as resp:
        return resp.read()
