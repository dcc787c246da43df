"""Database handles: the offline store in Postgres, parquet snapshots in DuckDB, a Redis cache."""

from __future__ import annotations

import os
import pickle

import duckdb
import redis
from sqlalchemy import create_engine

# expect: VC403
DATABASE_URL = os.getenv("FEATURES_DB_URL", "postgresql://features:f3atur3s_pw@pg-features:5432/featurestore")
SNAPSHOT_DIR = os.getenv("SNAPSHOT_DIR", "/data/snapshots")

engine = create_engine(DATABASE_URL, pool_pre_ping=True)
duck = duckdb.connect(os.getenv("DUCKDB_PATH", ":memory:"))
cache = redis.Redis.from_url(os.getenv("REDIS_URL", "redis://localhost:6379/0"))


def cache_get(key: str):
    raw = cache.get(key)
    # expect: VC406
    return pickle.loads(raw) if raw else None


def cache_set(key: str, value, ttl: int = 300) -> None:
    cache.setex(key, ttl, pickle.dumps(value))
