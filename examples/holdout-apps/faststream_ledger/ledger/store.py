"""asyncpg queries for ledger entries."""

import asyncpg

from ledger.settings import DATABASE_URL

_pool = None


async def pool():
    global _pool
    if _pool is None:
        _pool = await asyncpg.create_pool(DATABASE_URL)
    return _pool


async def insert_entry(entry):
    p = await pool()
    # ok: VC402
    await p.execute(
        "INSERT INTO entries (account_id, amount_cents, currency, memo) VALUES ($1, $2, $3, $4)",
        entry["account_id"], entry["amount_cents"], entry["currency"], entry.get("memo", ""),
    )


async def balance(account_id, currency):
    p = await pool()
    return await p.fetchval(
        # expect: VC402
        f"SELECT COALESCE(SUM(amount_cents), 0) FROM entries WHERE account_id = '{account_id}' AND currency = '{currency}'"
    )


async def entries_for(account_id, since):
    p = await pool()
    return await p.fetch(
        "SELECT * FROM entries WHERE account_id = $1 AND created_at >= $2 ORDER BY created_at", account_id, since
    )
