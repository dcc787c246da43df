"""HTTP clients the routes build per request: a base URL kept by the constructor, a session kept in an attribute."""

import aiohttp
import httpx
import requests


class ApiClient:
    def __init__(self, base_url: str, token: str = "") -> None:
        # expect: VC417
        self.http = httpx.Client(base_url=base_url, timeout=10)
        self.token = token

    def fetch(self, path: str):
        # expect: VC417 -- an absolute URL in `path` replaces the base URL
        return self.http.get(path, headers={"Authorization": self.token}).json()


class WebhookSender:
    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def send(self, payload: dict):
        # expect: VC417
        return self.session.post(self.url, json=payload, timeout=5)


class StatusPoller:
    def __init__(self, url: str) -> None:
        self.url = url
        self.session = requests.Session()

    def poll(self):
        # ok: VC417 -- its one caller passes a fixed URL
        return self.session.get(self.url, timeout=5).status_code


async def fetch_json(base: str, path: str):
    # expect: VC417
    async with aiohttp.ClientSession(base) as session:
        # ok: VC417 -- the path is a constant
        async with session.get(path) as resp:
            return await resp.json()


class PartnerBase:
    """A base class other modules extend: the session it binds is an HTTP client in theirs too."""

    def __init__(self, token: str) -> None:
        self.api = requests.Session()
        self.token = token


class LedgerBase:
    def __init__(self) -> None:
        self.ledger = {}
