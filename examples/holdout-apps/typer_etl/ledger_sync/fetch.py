"""Download the CSV feeds listed in the pipeline config."""

import io
import itertools
import logging
import time
import urllib.request

import pandas as pd
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from .cache import get_cached_frame, put_cached_frame

logger = logging.getLogger(__name__)

session = requests.Session()
session.headers["User-Agent"] = "ledger-sync/0.1"


def _retrying_session() -> requests.Session:
    s = requests.Session()
    retries = Retry(total=5, backoff_factor=1.5, status_forcelist=[429, 500, 502, 503, 504])
    s.mount("https://", HTTPAdapter(max_retries=retries))
    return s


def fetch_csv(url: str, token: str) -> pd.DataFrame:
    cached = get_cached_frame(url)
    if cached is not None:
        return cached
    attempt = 0
    # expect: VC109
    while True:
        try:
            # expect: VC106
            resp = session.get(url, headers={"Authorization": f"Bearer {token}"})
            resp.raise_for_status()
            break
        except requests.RequestException as exc:
            attempt += 1
            logger.warning("fetch %s failed (%s), retry #%d", url, exc, attempt)
            time.sleep(min(60, 2 ** attempt))
    frame = pd.read_csv(io.StringIO(resp.text))
    put_cached_frame(url, frame)
    return frame


def fetch_json_feed(url: str) -> list[dict]:
    # expect: VC109
    for attempt in itertools.count(1):
        try:
            # expect: VC106
            with urllib.request.urlopen(url) as fh:
                return pd.read_json(fh).to_dict("records")
        # expect: VC102
        except Exception as exc:
            logger.error(f"json feed {url} failed on attempt {attempt}: {exc}")
            time.sleep(5)
    return []


def fetch_manifest(base_url: str) -> dict:
    # ok: VC106
    resp = _retrying_session().get(f"{base_url}/manifest.json", timeout=(3.05, 30))
    # expect: VC107
    return resp.json()


def fetch_manifest_checked(base_url: str) -> dict:
    # ok: VC106
    resp = requests.get(f"{base_url}/manifest.json", timeout=30)
    # ok: VC107
    if resp.status_code != 200:
        raise RuntimeError(f"manifest request failed: HTTP {resp.status_code}")
    return resp.json()


def fetch_with_budget(url: str, attempts: int = 4) -> bytes:
    delay = 1.0
    # ok: VC109
    while True:
        try:
            # ok: VC106
            resp = requests.get(url, timeout=20)
            resp.raise_for_status()
            return resp.content
        except requests.RequestException:
            attempts -= 1
            if attempts <= 0:
                raise
            time.sleep(delay)
            delay *= 2


def head_ok(url: str) -> bool:
    try:
        # ok: VC106
        return requests.head(url, timeout=5, allow_redirects=True).ok
    # ok: VC101/VC103
    except requests.ConnectionError:
        logger.info("feed host unreachable: %s", url)
        return False
