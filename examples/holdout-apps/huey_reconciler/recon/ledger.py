"""Read and update the internal payments ledger."""

from decimal import Decimal

from sqlalchemy import create_engine, text

from . import config

engine = create_engine(config.LEDGER_DSN, pool_pre_ping=True)


def payments_for_day(day: str) -> list[dict]:
    with engine.connect() as conn:
        # expect: VC402
        rows = conn.execute(text("SELECT id, psp_id, amount, currency, status FROM payments WHERE settled_on = '" + day + "'"))
        return [dict(r._mapping) for r in rows]


def payments_for_merchant(merchant_id: int, day: str) -> list[dict]:
    with engine.connect() as conn:
        # ok: VC402
        rows = conn.execute(
            text("SELECT id, psp_id, amount FROM payments WHERE merchant_id = :m AND settled_on = :d"),
            {"m": merchant_id, "d": day},
        )
        return [dict(r._mapping) for r in rows]


def mark_settled(payment_id: int, settled_amount: Decimal) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE payments SET status = 'settled', settled_amount = :a WHERE id = :id"),
            {"a": settled_amount, "id": payment_id},
        )
