"""Warehouse connection settings."""

from __future__ import annotations

import os

BQ_PROJECT = os.environ.get("BQ_PROJECT", "acme-analytics")
BQ_DATASET = os.environ.get("BQ_DATASET", "marts")

SNOWFLAKE = {
    "account": os.environ.get("SNOWFLAKE_ACCOUNT", "acme-xy12345"),
    "user": os.environ.get("SNOWFLAKE_USER", "LOADER"),
    # expect: VC403
    "password": "Sn0wLoad!Winter24",
    "warehouse": "LOAD_WH",
    "database": "RAW",
    "schema": "PUBLIC",
}

REDSHIFT_DSN = os.environ.get(
    "REDSHIFT_DSN",
    # expect: VC403
    "host=acme.cluster-abc.eu-west-1.redshift.amazonaws.com port=5439 dbname=dw user=loader password=Rs!load2024",
)

# ok: VC403
REDSHIFT_PASSWORD = os.environ["REDSHIFT_PASSWORD"] if "REDSHIFT_PASSWORD" in os.environ else None
# expect: VC403
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq8Lm3Tq2a"
AWS_ACCESS_KEY_ID = "AKIAQ3EGSTUVWXYZ1234"
IAM_ROLE = os.environ.get("REDSHIFT_COPY_ROLE", "arn:aws:iam::123456789012:role/redshift-copy")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL")
