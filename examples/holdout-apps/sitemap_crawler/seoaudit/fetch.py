"""HTTP helpers shared by the crawler and the sitemap reader."""

import logging
import time

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)
HEADERS = {"User-Agent": "SEOAuditBot/1.0 (+https://seoaudit.example/bot)"}

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

session = requests.Session()
session.headers.update(HEADERS)
# expect: VC404
session.verify = False


def polite_session() -> requests.Session:
    s = requests.Session()
    s.headers.update(HEADERS)
    retries = Retry(total=3, backoff_factor=0.5, status_forcelist=(429, 500, 502, 503, 504))
    s.mount("https://", HTTPAdapter(max_retries=retries))
    s.mount("http://", HTTPAdapter(max_retries=retries))
    return s


def get_page(url: str) -> requests.Response:
    # expect: VC106, VC417
    return session.get(url, allow_redirects=True)


def get_page_with_timeout(url: str) -> requests.Response:
    # ok: VC106
    return session.get(url, timeout=(5, 20))


def get_until_ok(url: str) -> requests.Response:
    """Some client sites throttle us; keep trying until they let us through."""
    delay = 1
    # expect: VC109
    while True:
        resp = session.get(url, timeout=20)
        if resp.status_code not in (429, 503):
            return resp
        log.info("throttled on %s, sleeping %ss", url, delay)
        time.sleep(delay)
        delay = min(delay * 2, 60)


def head_status(url: str) -> int:
    # expect: VC106, VC417
    return requests.head(url, headers=HEADERS, verify=True).status_code
