"""Dramatiq actors: classify feedback, build reports, notify Slack."""

import logging
import os
import pickle
import subprocess
import time

import dramatiq
import psycopg2
import requests

from insights import broker  # noqa: F401  (registers the broker)
from insights.llm import complete, complete_json

log = logging.getLogger(__name__)
DSN = os.environ.get("INSIGHTS_DSN", "dbname=insights")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "")
REPORT_DIR = "/srv/insights/reports"
CATEGORIES = {"bug", "feature_request", "billing", "praise", "other"}


@dramatiq.actor(max_retries=3)
def classify_feedback(feedback_id: int) -> None:
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("SELECT body FROM feedback WHERE id = %s", (feedback_id,))
        (body,) = cur.fetchone()
        result = complete_json(f"Classify this feedback into one of {sorted(CATEGORIES)}: {body}")
        category = result.get("category", "other")
        if category not in CATEGORIES:
            category = "other"
        # ok: VC401
        cur.execute("UPDATE feedback SET category = %s WHERE id = %s", (category, feedback_id))


@dramatiq.actor(max_retries=1, time_limit=120_000)
def answer_question(question: str, requester: str) -> None:
    """Let product managers ask questions of the feedback table in plain English."""
    sql = complete(
        "Write a single PostgreSQL SELECT over table feedback(id, body, category, created_at) answering: " + question
    )
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        # expect: VC401/VC417
        cur.execute(sql)
        rows = cur.fetchall()
    notify.send(f"{requester}: {len(rows)} rows for '{question}'")


@dramatiq.actor
def build_report(week: str) -> None:
    outline = complete_json(f"Propose a report outline for week {week} with keys filename and chart_command.")
    filename = outline.get("filename", f"report-{week}.md")
    # expect: VC401/VC417
    with open(os.path.join(REPORT_DIR, filename), "w") as fh:
        fh.write(complete(f"Write the weekly feedback report for {week} in Markdown."))
    if "chart_command" in outline:
        # expect: VC401/VC417, VC108
        subprocess.run(outline["chart_command"], shell=True, cwd=REPORT_DIR)


@dramatiq.actor
def score_sentiment(feedback_id: int, body: str) -> None:
    raw = complete(f"Rate the sentiment of this text from -1.0 to 1.0, number only: {body}")
    # expect: VC401/VC417
    score = eval(raw)
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("UPDATE feedback SET sentiment = %s WHERE id = %s", (score, feedback_id))


@dramatiq.actor
def score_sentiment_safe(feedback_id: int, body: str) -> None:
    raw = complete(f"Rate the sentiment of this text from -1.0 to 1.0, number only: {body}")
    try:
        # ok: VC401
        score = max(-1.0, min(1.0, float(raw.strip())))
    except ValueError:
        log.warning("unparseable sentiment %r for feedback %s", raw, feedback_id)
        return
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        cur.execute("UPDATE feedback SET sentiment = %s WHERE id = %s", (score, feedback_id))


@dramatiq.actor
def import_snapshot(payload: bytes) -> None:
    # expect: VC406
    records = pickle.loads(payload)
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        for record in records:
            cur.execute("INSERT INTO feedback (body, source) VALUES (%s, %s)", (record["body"], record["source"]))


@dramatiq.actor(max_retries=0)
def notify(text: str) -> None:
    # expect: VC109
    while True:
        try:
            # expect: VC106
            resp = requests.post(SLACK_WEBHOOK, json={"text": text})
            if resp.ok:
                return
        # expect: VC101/VC102
        except Exception:
            pass
        time.sleep(5)


@dramatiq.actor
def purge_old_feedback(days: int) -> None:
    with psycopg2.connect(DSN) as conn, conn.cursor() as cur:
        # expect: VC402
        cur.execute(f"DELETE FROM feedback WHERE created_at < now() - interval '{days} days'")
        log.info("purged %s rows", cur.rowcount)
