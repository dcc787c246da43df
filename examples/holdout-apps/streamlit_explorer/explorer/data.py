"""Database helpers shared by the explorer pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from sqlalchemy import create_engine, text

TABLES = ["orders", "customers", "products", "refunds"]
# expect: VC403
FALLBACK_DB_URL = "postgresql://explorer:Expl0rer-2024@analytics-db.internal:5432/analytics"


@st.cache_resource
def engine():
    url = st.secrets.get("db_url", FALLBACK_DB_URL)
    return create_engine(url, pool_pre_ping=True)


@st.cache_resource
def engine_from_secrets():
    # ok: VC403
    return create_engine(st.secrets["db_url"], pool_pre_ping=True)


def run_sql(sql: str, params: dict | None = None) -> pd.DataFrame:
    with engine().connect() as conn:
        # expect: VC417/VC422/VC402
        return pd.read_sql(text(sql), conn, params=params)


def search_customers(name: str) -> pd.DataFrame:
    return run_sql(f"SELECT id, name, email, country FROM customers WHERE name ILIKE '%{name}%' LIMIT 200")


def search_customers_bound(name: str) -> pd.DataFrame:
    # ok: VC402/VC422/VC417
    return run_sql("SELECT id, name, email, country FROM customers WHERE name ILIKE :pattern LIMIT 200",
                   {"pattern": f"%{name}%"})


def preview(table: str, limit: int = 100) -> pd.DataFrame:
    if table not in TABLES:
        raise ValueError(f"unknown table {table}")
    # ok: VC402/VC422
    return run_sql(f"SELECT * FROM {table} LIMIT :limit", {"limit": int(limit)})
