"""Prefect flows building the weekly sales reports.

Deployed with `prefect deploy`; the sales team runs them from the Prefect UI with their own parameters.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import requests
from jinja2 import Environment, FileSystemLoader, Template
from prefect import flow, get_run_logger, task
from prefect.tasks import task_input_hash

from . import db, notify
from .config import RESULTS_DIR, slack_webhook

OUTPUT_DIR = Path("/srv/reports")
TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)


# ok: VC109
@task(retries=3, retry_delay_seconds=30, cache_key_fn=task_input_hash, cache_expiration=timedelta(hours=1))
def load_sales(region: str, start: str, end: str) -> pd.DataFrame:
    return db.sales_by_region(region, start, end)


@task
def load_top_customers(region: str, limit: int) -> pd.DataFrame:
    return db.top_customers(region, limit)


@task
def fetch_fx_rates(day: str) -> dict:
    # expect: VC109
    while True:
        try:
            resp = requests.get(f"https://fx.internal.example.com/rates/{day}", timeout=10)
            resp.raise_for_status()
            return resp.json()
        except requests.RequestException:
            time.sleep(30)


@task(retries=5, retry_delay_seconds=[10, 30, 60, 120, 300])
def fetch_fx_rates_bounded(day: str) -> dict:
    # ok: VC109/VC106/VC107
    resp = requests.get(f"https://fx.internal.example.com/rates/{day}", timeout=10)
    resp.raise_for_status()
    return resp.json()


@task
def load_cached_frame(name: str) -> pd.DataFrame:
    path = os.path.join(RESULTS_DIR, f"{name}.pkl")
    with open(path, "rb") as fh:
        # expect: VC406
        return pickle.load(fh)


@task
def load_cached_parquet(name: str) -> pd.DataFrame:
    # ok: VC406
    return pd.read_parquet(Path(RESULTS_DIR) / f"{name}.parquet")


@task
def render_summary(sales: pd.DataFrame, title: str) -> str:
    # expect: VC412/VC426
    template = Template("<h1>" + title + "</h1>{{ table }}")
    return template.render(table=sales.to_html())


@task
def render_summary_safe(sales: pd.DataFrame, title: str) -> str:
    # ok: VC412/VC426
    return TEMPLATES.get_template("summary.html").render(title=title, table=sales.to_html())


@task
def write_excel(frame: pd.DataFrame, filename: str) -> Path:
    # expect: VC405
    path = OUTPUT_DIR / filename
    frame.to_excel(path, index=False)
    return path


@task
def write_excel_safe(frame: pd.DataFrame, region: str, day: str) -> Path:
    # ok: VC405
    path = OUTPUT_DIR / f"sales-{region.lower()[:8]}-{date.fromisoformat(day):%Y%m%d}.xlsx"
    frame.to_excel(path, index=False)
    return path


@task
def convert_to_pdf(path: Path) -> Path:
    # expect: VC108
    subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", str(path), "--outdir", str(OUTPUT_DIR)])
    return path.with_suffix(".pdf")


@task
def publish(path: Path, share: str) -> None:
    # expect: VC421/VC408
    subprocess.run(f"rclone copy {path} {share}:reports/", shell=True, check=True)


@task
def publish_safe(path: Path) -> None:
    # ok: VC421/VC408
    subprocess.run(["rclone", "copy", str(path), "reports-share:reports/"], check=True)


@flow(log_prints=True)
def weekly_sales_report(region: str = "eu", top: int = 20, title: str = "Weekly sales", filename: str = "weekly.xlsx",
                        share: str = "reports-share") -> None:
    end = date.today()
    start = end - timedelta(days=7)
    sales = load_sales(region, start.isoformat(), end.isoformat())
    customers = load_top_customers(region, top)
    # ok: VC505
    print(f"loaded {len(sales)} days and {len(customers)} customers for {region}")
    html = render_summary(sales, title)
    path = write_excel(customers, filename)
    pdf = convert_to_pdf(path)
    publish(pdf, share)
    notify.post_to_slack(f"Weekly report ready: {pdf.name}\n{html[:200]}")


@flow
def weekly_sales_report_safe(region: str = "eu") -> None:
    logger = get_run_logger()
    end = date.today()
    sales = load_sales(region, (end - timedelta(days=7)).isoformat(), end.isoformat())
    rates = fetch_fx_rates_bounded(end.isoformat())
    logger.info("loaded %d days, %d rates", len(sales), len(rates))
    render_summary_safe(sales, f"Weekly sales {region}")
    path = write_excel_safe(sales, region, end.isoformat())
    publish_safe(path)
    notify.post_to_slack_checked(slack_webhook(), f"Weekly report ready: {path.name}")


@flow
def backfill(days: int = 30) -> None:
    for offset in range(days):
        day = (date.today() - timedelta(days=offset)).isoformat()
        try:
            fetch_fx_rates(day)
        # expect: VC101/VC102
        except Exception:
            continue
    frame = load_cached_frame("backfill")
    # expect: VC505
    print("DEBUG", frame.head())
