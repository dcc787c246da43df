"""Job records in SQLite."""
import sqlite3

from fastapi import Request

conn = sqlite3.connect("jobs.db", check_same_thread=False)


def job_filter(request: Request):
    return request.query_params.get("filter", "1=1")


def jobs_query(request: Request):
    return f"SELECT id, status FROM jobs WHERE {job_filter(request)}"


def list_jobs(request: Request):
    # sink: CWE-89
    return conn.execute(jobs_query(request)).fetchall()


def job_by_id(job_id: int):
    # safe: CWE-89
    return conn.execute("SELECT id, status FROM jobs WHERE id = ?", (job_id,)).fetchone()
