"""VC407 corpus: connection strings logged, which carry the password they connect with, and a warehouse's who and where."""
import logging
import os

log = logging.getLogger(__name__)

DATABASE_URL = os.environ["DATABASE_URL"]
TRACKING_URI = "https://mlflow:Tr4ck1ng!pw@mlflow.internal.example.com"
PUBLIC_URI = "https://mlflow.internal.example.com"


def connect(settings):
    # expect: VC407
    log.info("connecting to %s", DATABASE_URL)
    # expect: VC407
    log.debug("redshift dsn: %s", settings.REDSHIFT_DSN)
    # expect: VC407
    print(f"using {settings.database_url}")
    # ok: VC407 -- a host name, not the connection string
    log.info("database host %s", settings.DB_HOST)


def track():
    # expect: VC407 -- a literal URL with a password in it
    log.info("mlflow at %s", TRACKING_URI)
    # ok: VC407
    log.info("mlflow at %s", PUBLIC_URI)


def snowflake_session():
    params = {
        "account": os.environ["SNOWFLAKE_ACCOUNT"],
        "user": os.environ["SNOWFLAKE_USER"],
        "password": os.environ["SNOWFLAKE_PASSWORD"],
        "warehouse": "LOAD_WH",
    }
    # ok: VC407 -- the account and user of the session, not its password
    log.info("snowflake account %s as %s", params["account"], params["user"])
    # ok: VC407
    log.info("warehouse %s", params["warehouse"])
    # expect: VC407
    log.debug("snowflake params %s", params)
    return params
