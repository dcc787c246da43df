"""Taskiq tasks: classify tickets, answer data questions, run diagnostics, compute refunds."""

from __future__ import annotations

import asyncio
import logging
import subprocess

import httpx
import psycopg
from taskiq_redis import ListQueueBroker

from .config import DATABASE_URL, REDIS_URL
from .programs import classify, diagnose, refund_amount, write_query

log = logging.getLogger(__name__)
broker = ListQueueBroker(REDIS_URL)

QUEUES = {"billing": 10, "bug": 20, "account": 30, "other": 40}
DIAGNOSTICS = {
    "disk": ["df", "-h"],
    "memory": ["free", "-m"],
    "uptime": ["uptime"],
}


@broker.task
async def triage_ticket(ticket_id: int, text: str) -> dict:
    pred = classify(ticket=text)
    # ok: VC401
    queue_id = QUEUES.get(pred.queue, QUEUES["other"])
    async with await psycopg.AsyncConnection.connect(DATABASE_URL) as conn:
        # ok: VC401/VC402
        await conn.execute("update tickets set queue_id = %s, priority = %s where id = %s",
                           (queue_id, int(pred.priority), ticket_id))
    return {"queue": pred.queue}


@broker.task
async def answer_question(question: str) -> list:
    pred = write_query(question=question)
    async with await psycopg.AsyncConnection.connect(DATABASE_URL) as conn:
        # expect: VC401/VC417 -- the program is bound in programs.py: VC417 reports model output across modules
        cur = await conn.execute(pred.sql)
        return await cur.fetchall()


@broker.task
def run_diagnostics(ticket: str) -> str:
    pred = diagnose(ticket=ticket)
    # expect: VC401/VC417, VC108
    out = subprocess.run(pred.command, shell=True, capture_output=True, text=True)
    return out.stdout


@broker.task
def run_known_diagnostic(name: str) -> str:
    argv = DIAGNOSTICS.get(name)
    if argv is None:
        raise ValueError(f"unknown diagnostic {name}")
    # ok: VC401/VC408
    out = subprocess.run(argv, capture_output=True, text=True, check=True)
    return out.stdout


@broker.task
def compute_refund(ticket: str) -> float:
    expr = refund_amount(ticket)
    # expect: VC401/VC417
    return float(eval(expr))


@broker.task
async def notify_slack(webhook: str, text: str) -> None:
    # expect: VC109
    while True:
        try:
            async with httpx.AsyncClient(timeout=5) as client:
                # expect: VC107
                await client.post(webhook, json={"text": text})
            return
        # expect: VC101/VC102
        except Exception:
            await asyncio.sleep(2)


@broker.task
async def fan_out(ticket_ids: list[int]) -> None:
    for tid in ticket_ids:
        # expect: VC113
        asyncio.create_task(triage_ticket.kiq(tid, ""))


@broker.task
async def close_stale() -> int:
    try:
        async with await psycopg.AsyncConnection.connect(DATABASE_URL) as conn:
            cur = await conn.execute("update tickets set status = 'closed' where updated_at < now() - interval '30 days'")
            return cur.rowcount
    # ok: VC101
    except psycopg.OperationalError:
        log.exception("stale-ticket sweep failed")
        raise
