"""Extract step: download partner exports, with a local cache."""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import time
from datetime import date

import pandas as pd
import requests

from .settings import CACHE_DIR, SOURCES

log = logging.getLogger(__name__)


def _cache_path(name: str, day: date):
    return CACHE_DIR / f"{name}-{day.isoformat()}.pkl"


def download_csv(url: str) -> pd.DataFrame:
    # expect: VC106/VC107
    resp = requests.get(url)
    # expect: VC107
    return pd.read_csv(io.StringIO(resp.text))


def download_csv_checked(url: str, attempts: int = 3) -> pd.DataFrame:
    # ok: VC109
    for attempt in range(attempts):
        try:
            # ok: VC106/VC107
            resp = requests.get(url, timeout=30)
            resp.raise_for_status()
            return pd.read_csv(io.StringIO(resp.text))
        except requests.ConnectionError:
            if attempt == attempts - 1:
                raise
            time.sleep(5 * (attempt + 1))
    raise RuntimeError("unreachable")


def extract(name: str, day: date, use_cache: bool = True) -> pd.DataFrame:
    path = _cache_path(name, day)
    if use_cache and path.exists():
        with open(path, "rb") as fh:
            # expect: VC406
            return pickle.load(fh)
    df = download_csv_checked(SOURCES[name])
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        pickle.dump(df, fh)
    return df


def extract_parquet_snapshot(path) -> pd.DataFrame:
    # ok: VC406
    return pd.read_parquet(path)


def fingerprint(df: pd.DataFrame) -> str:
    # ok: VC205
    return hashlib.sha1(pd.util.hash_pandas_object(df).values.tobytes()).hexdigest()


def extract_all(day: date) -> dict[str, pd.DataFrame]:
    frames = {}
    for name in SOURCES:
        try:
            frames[name] = extract(name, day)
        # expect: VC103/VC102
        except Exception:
            frames[name] = None
    return frames
