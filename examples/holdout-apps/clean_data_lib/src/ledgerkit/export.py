"""Export to a Postgres table the caller names; identifiers are quoted by psycopg, values bound."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import psycopg
from psycopg import sql

from .model import Transaction

logger = logging.getLogger(__name__)
COLUMNS = ("account", "booked", "amount", "currency", "counterparty", "reference")


def export(conninfo: str, schema: str, table: str, transactions: Iterable[Transaction]) -> int:
    target = sql.Identifier(schema, table)
    # ok: VC402
    create = sql.SQL(
        "CREATE TABLE IF NOT EXISTS {} (account text, booked date, amount numeric(14, 4), currency char(3),"
        " counterparty text, reference text)"
    ).format(target)
    # ok: VC402
    copy = sql.SQL("COPY {} ({}) FROM STDIN").format(target, sql.SQL(", ").join(map(sql.Identifier, COLUMNS)))
    written = 0
    try:
        with psycopg.connect(conninfo, connect_timeout=10) as conn, conn.cursor() as cur:
            cur.execute("SET statement_timeout = '5min'")
            # ok: VC402
            cur.execute(create)
            with cur.copy(copy) as writer:
                for t in transactions:
                    writer.write_row((t.account, t.booked, t.money.amount, t.money.currency, t.counterparty, t.reference))
                    written += 1
    except psycopg.Error:
        logger.exception("export to %s.%s failed after %d rows", schema, table, written)
        raise
    return written
