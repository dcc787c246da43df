"""Feature extraction fanned out over Ray and a process pool."""

from __future__ import annotations

import logging
from multiprocessing import Pool

import pandas as pd
import ray

log = logging.getLogger(__name__)


# expect: VC109
@ray.remote(max_retries=-1, retry_exceptions=True)
def score_partition(frame: pd.DataFrame) -> pd.DataFrame:
    frame["ratio"] = frame["events"] / frame["events"].sum()
    return frame


# ok: VC109
@ray.remote(max_retries=3, retry_exceptions=[ConnectionError])
def score_partition_bounded(frame: pd.DataFrame) -> pd.DataFrame:
    frame["ratio"] = frame["events"] / frame["events"].sum()
    return frame


def _features(path: str) -> pd.DataFrame | None:
    try:
        return pd.read_parquet(path).describe()
    # expect: VC101/VC102/VC103
    except Exception:
        return None


def _features_logged(path: str) -> pd.DataFrame:
    try:
        return pd.read_parquet(path).describe()
    # ok: VC103/VC101
    except Exception:
        log.exception("feature extraction failed for %s", path)
        raise


def extract_features(paths: list[str]) -> list[pd.DataFrame]:
    with Pool(processes=4) as pool:
        results = pool.map(_features, paths)
    return [r for r in results if r is not None]


def score_all(frames: list[pd.DataFrame]) -> pd.DataFrame:
    ray.init(ignore_reinit_error=True)
    refs = [score_partition.remote(f) for f in frames]
    return pd.concat(ray.get(refs))
