"""Daily pipeline and its scheduler."""

from __future__ import annotations

import argparse
import logging
import time
from datetime import date, timedelta

import schedule

from . import alerts, extract, load, transform

log = logging.getLogger("salesetl")


def run_pipeline(day: date) -> None:
    frames = extract.extract_all(day)
    orders = transform.clean_orders(frames["orders"])
    customers = transform.dedupe_customers(frames["customers"])
    revenue = transform.daily_revenue(orders, customers)
    load.stage(orders, "orders", day)
    load.load_frame_to_duckdb(revenue, "daily_revenue")
    load.export_to_warehouse(revenue, day)
    log.info("pipeline done for %s: %d revenue rows", day, len(revenue))


def run_with_retry(day: date, delay: int = 60) -> None:
    """Run the pipeline; if it fails, wait and try again."""
    try:
        run_pipeline(day)
    # expect: VC102
    except Exception as exc:
        log.warning("pipeline failed for %s: %s; retrying in %ss", day, exc, delay)
        time.sleep(delay)
        # expect: VC109
        run_with_retry(day, delay * 2)


def run_bounded(day: date, attempts: int = 3) -> bool:
    # ok: VC109
    for attempt in range(1, attempts + 1):
        try:
            run_pipeline(day)
            return True
        except (OSError, ValueError):
            log.exception("attempt %d/%d failed for %s", attempt, attempts, day)
            time.sleep(30 * attempt)
    alerts.send_alert_tls(f"salesetl failed for {day}", "see logs")
    return False


def daily_job() -> None:
    run_bounded(date.today() - timedelta(days=1))


def serve() -> None:
    schedule.every().day.at("02:30").do(daily_job)
    log.info("scheduler started")
    # ok: VC109/VC114
    while True:
        schedule.run_pending()
        time.sleep(30)


def main() -> None:
    parser = argparse.ArgumentParser(prog="salesetl")
    parser.add_argument("--day", type=date.fromisoformat)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--retry-forever", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.serve:
        serve()
    elif args.retry_forever:
        run_with_retry(args.day or date.today())
    else:
        run_bounded(args.day or date.today())


if __name__ == "__main__":
    main()
