"""Pull RSS feeds and push new entries to the queue."""

import contextlib
import json
import logging
import subprocess
import time

import feedparser
import requests
from requests import Session as HttpSession

log = logging.getLogger(__name__)
http = HttpSession()
http.headers["User-Agent"] = "feed-ingestor/0.1"


def fetch_feed(url: str) -> list[dict]:
    # expect: VC106
    response = http.get(url)
    response.raise_for_status()
    return [dict(entry) for entry in feedparser.parse(response.content).entries]


def fetch_feed_bounded(url: str) -> list[dict]:
    # ok: VC106
    response = http.get(url, timeout=(5, 30))
    response.raise_for_status()
    return [dict(entry) for entry in feedparser.parse(response.content).entries]


def fetch_all(urls: list[str]) -> dict[str, list[dict]]:
    results = {}
    for url in urls:
        try:
            results[url] = fetch_feed_bounded(url)
        # expect: VC101/VC102
        except Exception:
            continue
    return results


def fetch_all_logged(urls: list[str]) -> dict[str, list[dict]]:
    results = {}
    for url in urls:
        try:
            results[url] = fetch_feed_bounded(url)
        # ok: VC101/VC102
        except requests.RequestException:
            log.warning("feed %s failed; skipping it this round", url, exc_info=True)
    return results


def load_state(path: str) -> dict:
    # expect: VC101/VC102
    with contextlib.suppress(Exception):
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    return {}


def push_with_retry(queue, payload: dict) -> None:
    # expect: VC109
    while True:
        try:
            queue.rpush("entries", json.dumps(payload))
            return
        except ConnectionError:
            time.sleep(2)


def push_with_limit(queue, payload: dict, attempts: int = 5) -> None:
    for attempt in range(attempts):
        try:
            queue.rpush("entries", json.dumps(payload))
            return
        except ConnectionError:
            time.sleep(2 ** attempt)
    raise RuntimeError("queue unavailable")


def archive(path: str) -> None:
    # expect: VC108
    subprocess.run(["gzip", "-9", path])


def archive_checked(path: str) -> None:
    # ok: VC108
    subprocess.run(["gzip", "-9", path], check=True)
