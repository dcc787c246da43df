import os

import pandas as pd
from sqlalchemy import create_engine, text

engine = create_engine(os.environ.get("WAREHOUSE_URL", "sqlite:///warehouse.db"))

SCHEMA_HINT = """tables: orders(id, customer_id, total, created_at), customers(id, name, country)"""


def run_sql(query: str) -> pd.DataFrame:
    with engine.connect() as conn:
        # expect: VC401/VC417
        return pd.read_sql(text(query), conn)


def save_answer(question: str, answer: str) -> None:
    with engine.begin() as conn:
        # ok: VC401, VC402
        conn.execute(text("INSERT INTO bot_answers (question, answer) VALUES (:q, :a)"), {"q": question, "a": answer})
