"""Admin CLI: rotate the helpdesk API token and check the database connection."""

import logging
import os

import click
from sqlalchemy import create_engine, text

log = logging.getLogger("supportbot.cli")
# expect: VC403
HELPDESK_API_TOKEN = "hd_live_4hZr8KqP2mXv9Tn6LbW3cY7sJe1Qa5Gu"


@click.group()
def cli() -> None:
    logging.basicConfig(level=logging.INFO)


@cli.command()
def check_db() -> None:
    password = os.environ["SUPPORT_DB_PASSWORD"]
    # expect: VC407
    log.info("connecting to the support database with password %s", password)
    engine = create_engine(f"postgresql+psycopg://support:{password}@db/support")
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    click.echo("ok")


@cli.command()
@click.option("--token", envvar="HELPDESK_TOKEN", required=True)
def whoami(token: str) -> None:
    # ok: VC407
    log.info("using helpdesk token ending in %s", token[-4:])
    click.echo(f"token ...{token[-4:]}")


if __name__ == "__main__":
    cli()
