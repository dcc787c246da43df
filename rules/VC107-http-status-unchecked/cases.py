"""VC107 corpus: response bodies read without a status check fire; checked or handed-on responses do not."""
from typing import Optional

import aiohttp
import httpx
import requests
import requests as r
from requests import get


def json_without_check(url):
    response = requests.get(url, timeout=5)
    # expect: VC107
    return response.json()


def aliased_module_text(url):
    resp = r.post(url, json={}, timeout=5)
    # expect: VC107
    body = resp.text
    return body.upper()


def from_import_content(url):
    reply = get(url, timeout=5)
    # expect: VC107
    return reply.content


def chained(url):
    # expect: VC107
    return requests.get(url, timeout=5).json()


def session_response(url):
    session = requests.Session()
    resp = session.get(url, timeout=5)
    # expect: VC107
    data = resp.json()
    return data["items"]


def httpx_client(url):
    with httpx.Client() as client:
        resp = client.get(url)
        # expect: VC107
        return resp.json()


async def httpx_async(url):
    async with httpx.AsyncClient() as client:
        resp = await client.get(url)
        # expect: VC107
        return resp.json()


async def aiohttp_response(url):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as session:
        async with session.get(url) as resp:
            # expect: VC107
            return await resp.json()


def nested_function(url):
    def inner():
        resp = requests.get(url, timeout=5)
        # expect: VC107
        return resp.json()
    return inner


def checked_in_other_function_does_not_count(url):
    resp = requests.get(url, timeout=5)

    def check():
        return resp.status_code
    # expect: VC107
    return resp.json(), check


def httpx_stream(url, sink):
    with httpx.stream("GET", url) as response:
        # expect: VC107
        for chunk in response.iter_bytes():
            sink.write(chunk)


def raise_for_status(url):
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    # ok: VC107
    return response.json()


def status_code_compared(url):
    response = r.get(url, timeout=5)
    if response.status_code != 200:
        return None
    # ok: VC107
    return response.json()


def ok_attribute(url):
    response = get(url, timeout=5)
    if not response.ok:
        raise RuntimeError(response.reason)
    # ok: VC107
    return response.text


def truthiness(url):
    response = requests.get(url, timeout=5)
    if response:
        # ok: VC107
        return response.json()
    return None


def httpx_is_success(url):
    resp = httpx.get(url)
    if resp.is_success:
        # ok: VC107
        return resp.json()
    return None


def handed_to_a_checker(url):
    resp = requests.get(url, timeout=5)
    ensure_ok(resp)
    # ok: VC107
    return resp.json()


def returned_to_caller(url):
    resp = requests.get(url, timeout=5)
    log(resp.headers)
    return resp


async def aiohttp_raises(url):
    async with aiohttp.ClientSession(raise_for_status=True, timeout=aiohttp.ClientTimeout(total=5)) as session:
        async with session.get(url) as resp:
            # ok: VC107
            return await resp.json()


async def aiohttp_raises_per_request(url, raise_for_status=True):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        async with session.get(url, raise_for_status=raise_for_status) as resp:
            # ok: VC107
            return await resp.read()


async def aiohttp_per_request_switched_off(url):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        async with session.get(url, raise_for_status=False) as resp:
            # expect: VC107
            return await resp.read()


def not_a_response(path):
    with open(path) as handle:
        # ok: VC107
        return handle.read()


def reassigned(url, cache):
    resp = requests.get(url, timeout=5)
    resp.raise_for_status()
    resp = cache.lookup(url)
    # ok: VC107
    return resp.json()


def fire_and_forget(url, event):
    # expect: VC107
    requests.post(url, json=event, timeout=5)


def session_put_dropped(path, url):
    session = requests.Session()
    with open(path, "rb") as handle:
        # expect: VC107
        session.put(url, data=handle, timeout=60)


async def httpx_async_dropped(url, payload):
    async with httpx.AsyncClient(timeout=5) as client:
        # expect: VC107
        await client.post(url, json=payload)


async def aiohttp_dropped(url):
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as session:
        # expect: VC107
        await session.delete(url)


def dropped_but_checked_in_a_chain(url, event):
    # ok: VC107
    requests.post(url, json=event, timeout=5).raise_for_status()


def dropped_through_checking_client(url):
    with httpx.Client(event_hooks={"response": [raise_on_4xx_5xx]}) as client:
        # ok: VC107
        client.post(url, json={})


async def aiohttp_dropped_raising_client(url):
    async with aiohttp.ClientSession(raise_for_status=True, timeout=aiohttp.ClientTimeout(total=5)) as session:
        # ok: VC107
        await session.delete(url)


def dict_get_dropped(cache, key):
    # ok: VC107
    cache.get(key)


class InjectedSessionClient:
    """A client that takes an optional session and falls back to its own."""

    def __init__(self, session: requests.Session | None = None):
        self.session = session or requests.Session()

    def charge(self, url, payload):
        response = self.session.post(url, json=payload, timeout=10)
        # expect: VC107
        return response.json()

    def refund(self, url):
        # expect: VC107
        self.session.post(url, timeout=10)

    def checked_charge(self, url, payload):
        response = self.session.post(url, json=payload, timeout=10)
        response.raise_for_status()
        # ok: VC107
        return response.json()


def optional_client_parameter(url, client: Optional[httpx.Client] = None):
    client = client if client is not None else httpx.Client()
    response = client.get(url)
    # expect: VC107
    return response.json()


def cache_or_default(cache, key, default=None):
    store = cache or {}
    # ok: VC107
    store.get(key)


def _retrying_session() -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = "sync/1.0"
    return session


def _plain_session():
    s = requests.Session()
    s.headers["Accept"] = "application/json"
    return s


def _registry():
    return {"manifest": {"version": 1}}


def manifest_through_annotated_factory(base_url):
    resp = _retrying_session().get(f"{base_url}/manifest.json", timeout=30)
    # expect: VC107
    return resp.json()


def manifest_through_returned_session(base_url):
    client = _plain_session()
    resp = client.get(f"{base_url}/manifest.json", timeout=30)
    # expect: VC107
    return resp.text


def manifest_checked_through_factory(base_url):
    resp = _retrying_session().get(f"{base_url}/manifest.json", timeout=30)
    resp.raise_for_status()
    # ok: VC107
    return resp.json()


def not_a_client(name):
    entry = _registry().get(name)
    # ok: VC107
    return entry.json()
