"""`payouts run` and `payouts reconcile` entry points (cron calls these)."""

import datetime as dt
import logging
import sys

import click

from . import ledger, service
from .errors import PayoutError

logger = logging.getLogger("payouts")


@click.group()
@click.option("--verbose", is_flag=True)
def main(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO)


@main.command()
@click.option("--date", "run_date", default=lambda: dt.date.today().isoformat())
def run(run_date: str) -> None:
    try:
        summary = service.run(run_date)
    # expect: VC101/VC104 -- exit status 0: cron and the alerting see a success
    except Exception as exc:
        print(f"payout run {run_date} failed: {exc}")
        sys.exit(0)
    click.echo(f"paid {summary['paid']}, failed {summary['failed']}")


@main.command()
@click.argument("batch_id")
def reconcile(batch_id: str) -> None:
    try:
        mismatched = service.reconcile(batch_id)
    # ok: VC101/VC102/VC104 -- reported on stderr with a failing exit status
    except PayoutError as exc:
        click.echo(f"reconciliation failed: {exc}", err=True)
        sys.exit(1)
    for payout_id in mismatched:
        click.echo(payout_id)
    if mismatched:
        sys.exit(2)


@main.command()
@click.argument("batch_id")
def close(batch_id: str) -> None:
    try:
        ledger.close_batch(batch_id)
    # expect: VC101/VC102/VC104 -- printed and then raise SystemExit(0)
    except Exception as e:
        logger.error("close failed: %s", e)
        raise SystemExit(0)
    click.echo(ledger.batch_summary(batch_id))


@main.command()
@click.argument("batch_id")
def summary(batch_id: str) -> None:
    try:
        data = ledger.batch_summary(batch_id)
    # ok: VC101/VC104 -- click's own error with a non-zero exit status
    except PayoutError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(data)
