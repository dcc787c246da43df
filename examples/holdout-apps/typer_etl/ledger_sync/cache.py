"""A small on-disk cache so reruns skip feeds that did not change."""

import hashlib
import json
import pickle
import tempfile
from pathlib import Path

import pandas as pd

CACHE_DIR = Path(tempfile.gettempdir()) / "ledger-sync-cache"


def _key(url: str) -> Path:
    return CACHE_DIR / hashlib.sha256(url.encode()).hexdigest()


def get_cached_frame(url: str) -> pd.DataFrame | None:
    path = _key(url).with_suffix(".pkl")
    if not path.exists():
        return None
    # expect: VC406
    return pd.read_pickle(path)


def put_cached_frame(url: str, frame: pd.DataFrame) -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    frame.to_pickle(_key(url).with_suffix(".pkl"))


def get_cached_state(name: str) -> dict:
    state_file = CACHE_DIR / f"{name}.state"
    try:
        with state_file.open("rb") as fh:
            # expect: VC406
            state = pickle.load(fh)
    except FileNotFoundError:
        state = {}
    return state


def get_cached_etag(url: str) -> str | None:
    meta = _key(url).with_suffix(".json")
    if meta.exists():
        # ok: VC406
        return json.loads(meta.read_text()).get("etag")
    return None


def scratch_file(suffix: str = ".csv") -> str:
    return tempfile.mktemp(suffix=suffix, dir=CACHE_DIR)
