"""Caching of parsed feeds so a rerun after a failed load does not refetch everything."""

import hashlib
import logging
import pickle
from pathlib import Path

# expect: VC504
import joblib
import polars as pl
from google.cloud import storage

logger = logging.getLogger(__name__)


def cache_key(supplier_id: str, drop_name: str) -> str:
    return hashlib.sha1(f"{supplier_id}:{drop_name}".encode()).hexdigest()


def save_frame(cache_dir: Path, key: str, frame: pl.DataFrame) -> None:
    frame.write_parquet(cache_dir / f"{key}.parquet")


def load_frame(cache_dir: Path, key: str) -> pl.DataFrame | None:
    path = cache_dir / f"{key}.parquet"
    if not path.exists():
        return None
    return pl.read_parquet(path)


def load_shared_cache(bucket_name: str, key: str) -> dict:
    """The other region's run leaves its parsed feeds in the bucket: reuse them."""
    blob = storage.Client().bucket(bucket_name).blob(f"cache/{key}.pkl")
    # expect: VC406
    return pickle.loads(blob.download_as_bytes())


def load_matcher(bucket_name: str, work_dir: Path):
    """SKU matcher model the data science team publishes to the bucket."""
    local = work_dir / "sku_matcher.joblib"
    storage.Client().bucket(bucket_name).blob("models/sku_matcher.joblib").download_to_filename(str(local))
    # expect: VC406
    return joblib.load(local)


def remember_run(cache_dir: Path, state: dict) -> None:
    with open(cache_dir / "last_run.pkl", "wb") as fh:
        pickle.dump(state, fh)
