"""VC110 corpus: blocking calls directly in `async def` fire; offloaded, nested sync and async forms do not."""
import asyncio
import subprocess
import time
import urllib.request
from functools import partial
from time import sleep as pause

import aiofiles
import httpx
import requests
import requests as r
from requests import get
from pathlib import Path


async def sleeps():
    # expect: VC110
    time.sleep(1)


async def aliased_sleep():
    # expect: VC110
    pause(0.5)


async def momentary_sleep(task):
    task.run()
    # ok: VC110 -- a microsecond so that the log record's time is past (rocketry 2.5.1's Task.start_async, sample 22)
    time.sleep(1e-6)
    # ok: VC110 -- a sleep of nothing
    pause(0)


async def short_but_real_sleeps(delay):
    # expect: VC110 -- ten milliseconds stall every other task
    time.sleep(0.01)
    # expect: VC110 -- a pause given as a variable may be long
    time.sleep(delay)


async def requests_call(url):
    # expect: VC110
    return r.get(url, timeout=5).json()


async def from_import(url):
    # expect: VC110
    return get(url, timeout=5)


async def session_call(url):
    session = requests.Session()
    # expect: VC110
    return session.post(url, timeout=5)


async def httpx_sync_in_async(url):
    # expect: VC110
    return httpx.get(url)


async def sync_client_in_async(url):
    with httpx.Client() as client:
        # expect: VC110
        return client.get(url)


async def runs_a_process():
    # expect: VC110
    subprocess.run(["make"], check=True)


async def opens_a_file(path):
    # expect: VC110
    with open(path) as handle:
        return handle.read()


async def url_open(url):
    # expect: VC110
    return urllib.request.urlopen(url, timeout=5).read()


class Handler:
    async def handle(self, path):
        # expect: VC110
        data = subprocess.check_output(["cat", path])
        return data


async def async_sleep():
    # ok: VC110
    await asyncio.sleep(1)


async def to_thread(url):
    # ok: VC110
    return await asyncio.to_thread(requests.get, url, timeout=5)


async def executor_lambda(url):
    loop = asyncio.get_running_loop()
    # ok: VC110
    return await loop.run_in_executor(None, lambda: requests.get(url, timeout=5))


async def executor_partial(url):
    loop = asyncio.get_running_loop()
    # ok: VC110
    return await loop.run_in_executor(None, partial(requests.get, url, timeout=5))


async def nested_sync_def(path):
    def read():
        # ok: VC110 -- runs in a thread
        with open(path) as handle:
            return handle.read()
    return await asyncio.to_thread(read)


async def async_client(url):
    async with httpx.AsyncClient(timeout=5) as client:
        # ok: VC110
        return await client.get(url)


async def aiofiles_open(path):
    # ok: VC110
    async with aiofiles.open(path) as handle:
        return await handle.read()


async def async_subprocess():
    # ok: VC110
    process = await asyncio.create_subprocess_exec("make")
    return await process.wait()


def plain_sync(url):
    # ok: VC110
    time.sleep(1)
    # ok: VC110
    return requests.get(url, timeout=5)


async def read_cache(name):
    # expect: VC110
    return Path(name).read_text()


async def write_report(name, data):
    # expect: VC110
    Path("reports", name).write_bytes(data)


async def read_cache_in_thread(name):
    # ok: VC110
    return await asyncio.to_thread(Path(name).read_text)


async def path_without_io(name):
    # ok: VC110
    return Path(name).with_suffix(".json").name


def fetch_rate(currency):
    response = requests.get(f"https://rates.example/{currency}", timeout=5)
    response.raise_for_status()
    return response.json()["rate"]


def convert_video(path):
    subprocess.run(["ffmpeg", "-i", path, path + ".mp4"], check=True)


def read_settings(path):
    with open(path) as handle:
        return handle.read()


def format_rate(rate):
    return f"{rate:.2f}"


async def rate_endpoint(currency):
    # expect: VC110
    rate = fetch_rate(currency)
    # ok: VC110 -- a plain helper that does not block
    return format_rate(rate)


async def convert_endpoint(path):
    # expect: VC110
    convert_video(path)


async def offloaded_rate(currency):
    # ok: VC110
    return await asyncio.to_thread(fetch_rate, currency)


async def offloaded_call(loop, currency):
    # ok: VC110
    return await loop.run_in_executor(None, lambda: fetch_rate(currency))


async def settings_endpoint(path):
    # ok: VC110 -- a small local file read one step away is left alone
    return read_settings(path)


class RateClient:
    def fetch_rate(self, currency):
        return requests.get(f"https://rates.example/{currency}", timeout=5).json()

    async def cached(self, currency):
        # ok: VC110 -- a method of the same name is not the module function
        return format_rate(currency)


class OpenIDClient:
    def __init__(self, configuration_url):
        with httpx.Client() as client:
            self.configuration = client.get(configuration_url, timeout=5).json()

    def async_client(self):
        return httpx.AsyncClient(timeout=5)

    async def profile(self, token):
        async with self.async_client() as client:
            # ok: VC110 -- awaited: the async client of this method, not the constructor's `client`
            response = await client.get(self.configuration["userinfo_endpoint"], headers={"Authorization": token})
        return response.json()

    async def profile_blocking(self, token):
        with httpx.Client(timeout=5) as client:
            # expect: VC110 -- the synchronous client's call, not awaited
            response = client.get(self.configuration["userinfo_endpoint"], headers={"Authorization": token})
        return response.json()

    async def profile_wrapped(self, token):
        # expect: VC110 -- the request runs before its result is handed to the awaited call
        return await asyncio.shield(asyncio.sleep(0, result=requests.get(self.configuration["userinfo_endpoint"], timeout=5)))


class ThumbnailWorker:
    def download_sync(self, url):
        return requests.get(url, timeout=10).content

    def resize(self, data):
        return data[:10]

    async def process(self, job):
        # expect: VC110 -- a method of the same class that sends a synchronous request
        data = self.download_sync(job["url"])
        # ok: VC110 -- this method blocks on nothing
        return self.resize(data)

    async def process_offloaded(self, job):
        # ok: VC110
        return await asyncio.to_thread(self.download_sync, job["url"])
