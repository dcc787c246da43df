"""Daily orders ETL: pull orders from the shop API, stage them in S3, load into the warehouse.

Trigger manually with a config like {"start_date": "2024-05-01", "region": "eu"} to backfill.
"""

from __future__ import annotations

import io
import json
import logging
import pickle
import time
from datetime import datetime, timedelta

import pandas as pd
import requests
from airflow.decorators import dag, task
from airflow.exceptions import AirflowException
from airflow.hooks.base import BaseHook
from airflow.models import Variable
from airflow.operators.python import get_current_context
from airflow.providers.amazon.aws.hooks.s3 import S3Hook

from common.warehouse import warehouse_hook

log = logging.getLogger(__name__)

SHOP_API = "https://shop-api.internal.example.com/v2"
# expect: VC403
SHOP_API_TOKEN = "shp_live_4f9a2c7e81d04b6b9e3f1a7c55d2e018"
STAGING_BUCKET = "acme-data-staging"

default_args = {
    "owner": "data-eng",
    # ok: VC109
    "retries": 3,
    "retry_delay": timedelta(minutes=5),
}


@dag(
    dag_id="orders_etl",
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    default_args=default_args,
    params={"region": "eu", "start_date": None},
    tags=["orders"],
)
def orders_etl():
    @task
    def extract_orders(ds=None) -> str:
        ctx = get_current_context()
        region = ctx["dag_run"].conf.get("region", "eu")
        since = ctx["dag_run"].conf.get("start_date") or ds
        # expect: VC106
        resp = requests.get(
            f"{SHOP_API}/orders",
            params={"since": since, "region": region},
            headers={"Authorization": f"Bearer {SHOP_API_TOKEN}"},
        )
        # expect: VC107
        orders = resp.json()["orders"]
        # expect: VC505
        print(f"DEBUG got {len(orders)} orders for {region}")
        key = f"orders/{region}/{since}.pkl"
        S3Hook(aws_conn_id="aws_default").load_bytes(
            pickle.dumps(pd.DataFrame(orders)), key=key, bucket_name=STAGING_BUCKET, replace=True
        )
        return key

    @task
    def extract_orders_checked(ds=None) -> str:
        token = Variable.get("shop_api_token")
        # ok: VC106/VC107
        resp = requests.get(
            f"{SHOP_API}/orders",
            params={"since": ds},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        resp.raise_for_status()
        frame = pd.DataFrame(resp.json()["orders"])
        buf = io.BytesIO()
        frame.to_parquet(buf)
        key = f"orders/checked/{ds}.parquet"
        S3Hook(aws_conn_id="aws_default").load_bytes(buf.getvalue(), key=key, bucket_name=STAGING_BUCKET, replace=True)
        return key

    @task
    def transform(key: str) -> str:
        s3 = S3Hook(aws_conn_id="aws_default")
        raw = s3.get_key(key, bucket_name=STAGING_BUCKET).get()["Body"].read()
        # expect: VC406
        frame = pickle.loads(raw)
        frame["total"] = frame["quantity"] * frame["unit_price"]
        out_key = key.replace(".pkl", ".parquet")
        buf = io.BytesIO()
        frame.to_parquet(buf)
        s3.load_bytes(buf.getvalue(), key=out_key, bucket_name=STAGING_BUCKET, replace=True)
        return out_key

    @task
    def transform_checked(key: str) -> str:
        s3 = S3Hook(aws_conn_id="aws_default")
        raw = s3.get_key(key, bucket_name=STAGING_BUCKET).get()["Body"].read()
        # ok: VC406
        frame = pd.read_parquet(io.BytesIO(raw))
        frame["total"] = frame["quantity"] * frame["unit_price"]
        return key

    @task
    def load(key: str) -> None:
        ctx = get_current_context()
        region = ctx["dag_run"].conf.get("region", "eu")
        hook = warehouse_hook()
        # expect: VC402/VC422
        hook.run(f"DELETE FROM staging.orders WHERE region = '{region}'")
        # ok: VC402/VC422
        hook.run("DELETE FROM staging.orders WHERE region = %s", parameters=(region,))
        hook.run(
            "COPY staging.orders FROM PROGRAM %s WITH (FORMAT parquet)",
            parameters=(f"aws s3 cp s3://{STAGING_BUCKET}/{key} -",),
        )

    @task
    def notify_finance(key: str) -> None:
        conn = BaseHook.get_connection("finance_api")
        try:
            # expect: VC404
            resp = requests.post(
                f"https://{conn.host}/hooks/orders-loaded",
                json={"key": key},
                auth=(conn.login, conn.password),
                verify=False,
                timeout=10,
            )
            resp.raise_for_status()
        # expect: VC101/VC102
        except Exception:
            pass

    @task
    def notify_finance_checked(key: str) -> None:
        conn = BaseHook.get_connection("finance_api")
        # ok: VC404
        resp = requests.post(
            f"https://{conn.host}/hooks/orders-loaded",
            json={"key": key},
            auth=(conn.login, conn.password),
            verify="/etc/ssl/certs/internal-ca.pem",
            timeout=10,
        )
        resp.raise_for_status()

    @task
    def wait_for_reconciliation(key: str) -> dict:
        conn = BaseHook.get_connection("finance_api")
        # expect: VC109
        while True:
            try:
                resp = requests.get(f"https://{conn.host}/reconciliations/{key}", timeout=10)
                if resp.status_code == 200 and resp.json()["state"] == "done":
                    return resp.json()
            except requests.RequestException:
                log.warning("reconciliation service unreachable, retrying")
            time.sleep(60)

    @task(retries=0, execution_timeout=timedelta(hours=2))
    def wait_for_reconciliation_bounded(key: str) -> dict:
        conn = BaseHook.get_connection("finance_api")
        # ok: VC109
        for _ in range(120):
            resp = requests.get(f"https://{conn.host}/reconciliations/{key}", timeout=10)
            resp.raise_for_status()
            if resp.json()["state"] == "done":
                return resp.json()
            time.sleep(60)
        raise AirflowException(f"reconciliation of {key} did not finish")

    @task
    def summarise(key: str) -> dict:
        try:
            s3 = S3Hook(aws_conn_id="aws_default")
            body = s3.read_key(key.replace(".parquet", ".json"), bucket_name=STAGING_BUCKET)
            return json.loads(body)
        except Exception as exc:
            log.warning("summary failed: %s", exc)
            # expect: VC103
            return {}

    raw_key = extract_orders()
    clean_key = transform(raw_key)
    load(clean_key)
    notify_finance(clean_key)
    wait_for_reconciliation(clean_key)
    summarise(clean_key)
    checked = transform_checked(extract_orders_checked())
    notify_finance_checked(checked)
    wait_for_reconciliation_bounded(checked)


orders_etl()
