"""Database connection helpers (psycopg 3)."""

import os
from contextlib import contextmanager

import psycopg
from psycopg.rows import dict_row

# expect: VC403
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://clinic:Cl1nic!2024@db.clinic.local:5432/clinic")


@contextmanager
def cursor():
    with psycopg.connect(DATABASE_URL, row_factory=dict_row) as conn:
        with conn.cursor() as cur:
            yield cur
        conn.commit()
