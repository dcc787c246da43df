"""VC106 corpus: requests that can wait forever fire; bounded ones (and httpx's default) do not."""
import urllib.request
from urllib.request import urlopen as fetch_url

import aiohttp
import httpx
from aiohttp import ClientSession
import requests
import requests as r
from requests import get, post as send_post


def module_function(url):
    # expect: VC106
    return requests.get(url)


def aliased_module(url, payload):
    # expect: VC106
    return r.post(url, json=payload)


def from_import(url):
    # expect: VC106
    return get(url, headers={"Accept": "application/json"})


def from_import_renamed(url):
    # expect: VC106
    return send_post(url, data=b"x")


def generic_request(url):
    # expect: VC106
    return requests.request("DELETE", url)


def explicit_none(url):
    # expect: VC106
    return requests.get(url, timeout=None)


def session_method(url):
    session = requests.Session()
    # expect: VC106
    return session.get(url)


class Client:
    def __init__(self):
        self.http = r.session()

    def fetch(self, url):
        # expect: VC106
        return self.http.put(url, json={})


def annotated_parameter(session: requests.Session, url):
    # expect: VC106
    return session.get(url)


def annotated_httpx_parameter(client: httpx.Client, url):
    # ok: VC106
    return client.get(url)


class ClassAttributeSession:
    session = requests.Session()

    def fetch(self, url):
        # expect: VC106
        return self.session.get(url)


def session_in_with(url):
    with requests.Session() as s:
        # expect: VC106
        return s.request("GET", url)


def nested_function(url):
    def inner():
        # expect: VC106
        return requests.head(url)
    return inner


def urlopen_plain(url):
    # expect: VC106
    return urllib.request.urlopen(url).read()


def urlopen_alias(url):
    # expect: VC106
    return fetch_url(url, b"data")


def httpx_none(url):
    # expect: VC106
    return httpx.get(url, timeout=None)


def httpx_stream_none(url):
    # expect: VC106
    with httpx.stream("GET", url, timeout=None) as response:
        return response.read()


def httpx_client_none():
    # expect: VC106
    return httpx.Client(timeout=httpx.Timeout(None))


async def aiohttp_session(url):
    # expect: VC106
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def aiohttp_session_imported_by_name(url):
    # expect: VC106
    async with ClientSession(headers={"Accept": "application/json"}) as session:
        return session


async def aiohttp_one_off_request(url):
    # expect: VC106
    async with aiohttp.request("GET", url) as response:
        return await response.text()


def with_timeout(url):
    # ok: VC106
    return requests.get(url, timeout=10)


def tuple_timeout(url):
    # ok: VC106
    return r.post(url, json={}, timeout=(3.05, 27))


def forwards_kwargs(url, **kwargs):
    # ok: VC106 -- the timeout may be in kwargs
    return requests.get(url, **kwargs)


def session_with_timeout(url):
    session = requests.Session()
    # ok: VC106
    return session.get(url, timeout=5)


def httpx_default_is_five_seconds(url):
    # ok: VC106 -- httpx applies a 5 s default
    return httpx.get(url)


def httpx_client_default():
    # ok: VC106
    with httpx.Client() as client:
        # ok: VC106
        return client.get("https://example.com")


def urlopen_timeout(url):
    # ok: VC106
    return urllib.request.urlopen(url, timeout=10).read()


def urlopen_positional_timeout(url):
    # ok: VC106
    return fetch_url(url, None, 10)


async def aiohttp_with_timeout(url):
    # ok: VC106
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        return session


def unrelated_get(cache, key):
    # ok: VC106
    return cache.get(key)


def dict_request(mapping):
    # ok: VC106
    return mapping.request("x")


def one_argument_per_line(url, token):
    # expect: VC106
    return requests.post(
        url,
        headers={"Authorization": token},
        json={"ok": True},
    )


def session_made_in_place(url):
    # expect: VC106
    return requests.Session().get(url)


def urlopen_with_data(url, body):
    # expect: VC106
    with urllib.request.urlopen(url, body) as response:
        return response.read()


def download_to_disk(url, path):
    # expect: VC106
    urllib.request.urlretrieve(url, path)


def download_with_urlopen(url, path):
    # ok: VC106
    with urllib.request.urlopen(url, timeout=30) as response, open(path, "wb") as handle:
        handle.write(response.read())


class FallbackSessionClient:
    def __init__(self, session: requests.Session | None = None):
        self.session = session or requests.Session()

    def fetch(self, url):
        # expect: VC106
        return self.session.get(url)

    def fetch_bounded(self, url):
        # ok: VC106
        return self.session.get(url, timeout=5)


class Downloader:
    def __init__(self):
        # ok: VC106 -- every request below passes its own timeout
        self._session = aiohttp.ClientSession(raise_for_status=False)

    async def fetch(self, url, seconds):
        async with self._session.request("GET", url, timeout=aiohttp.ClientTimeout(total=seconds)) as response:
            return await response.read()


class Crawler:
    def __init__(self):
        # expect: VC106 -- one request goes out without a timeout
        self._session = aiohttp.ClientSession(raise_for_status=False)

    async def fetch(self, url, seconds):
        async with self._session.get(url, timeout=aiohttp.ClientTimeout(total=seconds)) as response:
            return await response.read()

    async def probe(self, url):
        async with self._session.head(url) as response:
            return response.status


class BotSession:
    """Made lazily by a method; every request goes through that method and passes its own timeout."""

    def __init__(self, timeout):
        self._session = None
        self.timeout = timeout

    async def create_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            # ok: VC106 -- every request sent through `create_session()` passes its own timeout
            self._session = aiohttp.ClientSession(headers={"User-Agent": "bot"})
        return self._session

    async def make_request(self, url, form, timeout=None):
        session = await self.create_session()
        async with session.post(url, data=form, timeout=self.timeout if timeout is None else timeout) as response:
            return await response.text()


class LazyCrawler:
    async def _client(self):
        if not hasattr(self, "_http"):
            # expect: VC106 -- a request through `_client()` goes out without one
            self._http = aiohttp.ClientSession()
        return self._http

    async def fetch(self, url):
        client = await self._client()
        async with client.get(url, timeout=aiohttp.ClientTimeout(total=5)) as response:
            return await response.read()

    async def probe(self, url):
        client = await self._client()
        async with client.head(url) as response:
            return response.status
