"""whload: load a day of data into the warehouse and run the models."""

from __future__ import annotations

import logging
import subprocess
from datetime import date

import click
import requests

from loader import bq, redshift, settings, snow, templating

log = logging.getLogger("whload")


@click.group()
@click.option("--verbose", is_flag=True)
def cli(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@cli.command()
@click.argument("table")
@click.option("--run-date", default=lambda: date.today().isoformat())
@click.option("--prefix", required=True)
def redshift_load(table: str, run_date: str, prefix: str) -> None:
    redshift.delete_day(table, run_date)
    redshift.copy_from_s3(table, f"{prefix}/{run_date}/")
    templating.run_model(redshift.connect().cursor(), "daily_revenue", run_date)
    _notify(f"redshift load {table} {run_date} done")


@cli.command()
@click.argument("customer_id")
@click.option("--since", default="2024-01-01")
def orders(customer_id: str, since: str) -> None:
    for row in bq.customer_orders(customer_id, since):
        click.echo(row)


@cli.command()
@click.argument("path", type=click.Path(exists=True))
@click.option("--table", default="RAW.PUBLIC.EVENTS")
def snowflake_load(path: str, table: str) -> None:
    # expect: VC408
    subprocess.run(f"gzip -kf {path}", shell=True, check=True)
    loaded = snow.copy_file("LOAD_STAGE", path, table)
    click.echo(f"loaded {loaded} rows")


@cli.command()
@click.argument("path", type=click.Path(exists=True))
def compress(path: str) -> None:
    # ok: VC408
    subprocess.run(["gzip", "-kf", path], check=True)


def _notify(text: str) -> None:
    if settings.SLACK_WEBHOOK:
        # ok: VC106
        resp = requests.post(settings.SLACK_WEBHOOK, json={"text": text}, timeout=10)
        resp.raise_for_status()
