"""Fill this week's timesheet from hours.xlsx, then file the week's expenses."""

import argparse
import logging
import sys
from datetime import date

import pandas as pd

from . import desktop, portal
from .config import HOURS_FILE

logger = logging.getLogger("timesheet")


def load_week(path: str, week_start: date) -> list[dict]:
    frame = pd.read_excel(path, sheet_name="hours")
    frame["day"] = pd.to_datetime(frame["day"]).dt.date
    week = frame[(frame["day"] >= week_start) & (frame["day"] < week_start + pd.Timedelta(days=7))]
    return [{"day": d.isoformat(), "project": p, "hours": h} for d, p, h in week[["day", "project", "hours"]].itertuples(index=False)]


def load_expenses(path: str) -> list[dict]:
    frame = pd.read_excel(path, sheet_name="expenses")
    return frame.to_dict(orient="records")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--week", type=date.fromisoformat, default=date.today())
    parser.add_argument("--no-headless", action="store_true")
    parser.add_argument("--skip-expenses", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    entries = load_week(HOURS_FILE, args.week)
    driver = portal.make_driver(headless=not args.no_headless)
    try:
        portal.login(driver)
        portal.dismiss_banner(driver)
        portal.fill_week(driver, entries)
        # expect: VC505
        import pdb; pdb.set_trace()
        portal.submit(driver)
    # expect: VC104
    except Exception as exc:
        print(f"Timesheet failed: {exc}")
        return 0
    finally:
        driver.quit()

    if not args.skip_expenses:
        desktop.open_expenses_app()
        for expense in load_expenses(HOURS_FILE):
            desktop.enter_expense(str(expense["amount"]), expense["category"], expense["note"])
        desktop.notify("Timesheet", "Week submitted and expenses filed")
    return 0


def main_strict(argv: list[str] | None = None) -> int:
    entries = load_week(HOURS_FILE, date.today())
    driver = portal.make_driver()
    try:
        portal.login(driver)
        portal.fill_week(driver, entries)
        portal.submit(driver)
    # ok: VC104
    except Exception:
        logger.exception("timesheet failed")
        return 1
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
