"""Loading the normalised prices into Postgres."""

import logging

import polars as pl
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

logger = logging.getLogger(__name__)


def engine_for(url: str) -> Engine:
    return create_engine(url, pool_pre_ping=True)


def replace_supplier_prices(engine: Engine, supplier_id: str, frame: pl.DataFrame) -> int:
    with engine.begin() as conn:
        # expect: VC402
        conn.execute(text(f"DELETE FROM prices WHERE supplier_id = '{supplier_id}'"))
        frame.write_database("prices", connection=conn, if_table_exists="append")
    return frame.height


def replace_supplier_prices_bound(engine: Engine, supplier_id: str, frame: pl.DataFrame) -> int:
    with engine.begin() as conn:
        # ok: VC402
        conn.execute(text("DELETE FROM prices WHERE supplier_id = :sid"), {"sid": supplier_id})
        frame.write_database("prices", connection=conn, if_table_exists="append")
    return frame.height


def vacuum(engine: Engine, table: str) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # ok: VC402 -- VACUUM binds no parameter; VC402 leaves such statements to the project's own names
        conn.execute(text("VACUUM ANALYZE " + table))
