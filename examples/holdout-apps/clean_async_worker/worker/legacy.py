"""Helpers kept from the first, synchronous version of the worker (still used by the ops CLI)."""

import requests

STORE_URL = "https://store.internal.example/objects"


def upload_object(key: str, data: bytes, timeout: float = 30.0) -> str:
    response = requests.put(f"{STORE_URL}/{key}", data=data, timeout=timeout)
    response.raise_for_status()
    return response.json()["url"]
