"""Database access for the sales portal."""

import os

import pandas as pd
from sqlalchemy import create_engine, text

# expect: VC403
engine = create_engine(os.environ.get("SALES_DB", "postgresql://portal:Sales$2024@db.internal:5432/sales"))
REGIONS = ["north", "south", "east", "west"]


def sales_for(region: str, owner: str) -> pd.DataFrame:
    # ok: VC402/VC422
    return pd.read_sql(text("SELECT * FROM sales WHERE region = :r AND owner = :o"), engine, params={"r": region, "o": owner})


def filtered(where: str) -> pd.DataFrame:
    # expect: VC402/VC417
    return pd.read_sql(f"SELECT * FROM sales WHERE {where}", engine)


def set_target(rep: str, amount: float) -> None:
    with engine.begin() as conn:
        conn.execute(text("UPDATE targets SET amount = :a WHERE rep = :r"), {"a": amount, "r": rep})
