"""Transform step: clean, join, aggregate."""

from __future__ import annotations

import logging

# expect: VC504
import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

CURRENCY_RATES = {"USD": 1.0, "EUR": 1.08, "GBP": 1.27}


def clean_orders(orders: pd.DataFrame) -> pd.DataFrame:
    df = orders.copy()
    df["order_date"] = pd.to_datetime(df["order_date"], errors="coerce")
    df = df.dropna(subset=["order_id", "order_date"])
    df["amount"] = pd.to_numeric(df["amount"], errors="coerce").fillna(0.0)
    df["currency"] = df["currency"].str.upper().fillna("USD")
    df["amount_usd"] = df["amount"] * df["currency"].map(CURRENCY_RATES).fillna(np.nan)
    return df


def dedupe_customers(customers: pd.DataFrame) -> pd.DataFrame:
    # expect: VC502
    # TODO: merge duplicates by email once the partner fixes their export
    return customers


def filter_region(df: pd.DataFrame, region: str) -> pd.DataFrame:
    # ok: VC413/VC409
    return df.query("region == @region")


def apply_derived_columns(df: pd.DataFrame, rules: dict[str, str]) -> pd.DataFrame:
    """Add columns defined in the pipeline YAML (e.g. margin: amount_usd - cost_usd)."""
    for col, expr in rules.items():
        # ok: VC413/VC401
        df[col] = df.eval(expr)
    return df


def daily_revenue(orders: pd.DataFrame, customers: pd.DataFrame) -> pd.DataFrame:
    merged = orders.merge(customers, on="customer_id", how="left")
    if merged["segment"].isna().any():
        log.warning("%d orders without a customer", merged["segment"].isna().sum())
    return (
        merged.groupby([merged["order_date"].dt.date, "segment"])["amount_usd"]
        .sum()
        .reset_index(name="revenue_usd")
    )


def safe_ratio(a: float, b: float) -> float:
    try:
        return a / b
    # ok: VC103/VC101
    except ZeroDivisionError:
        return 0.0


def top_products(orders: pd.DataFrame, products: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    df = orders.merge(products, on="product_id")
    out = df.groupby("product_name")["amount_usd"].sum().nlargest(n).reset_index()
    # expect: VC505
    print(out.head())
    return out
