"""SparkSession factory shared by the job and the backfill API."""

from __future__ import annotations

import os

from pyspark.sql import SparkSession

from sessionjob import config


def get_spark(app_name: str = "sessionize") -> SparkSession:
    spark = SparkSession.builder.appName(app_name).getOrCreate()
    spark.conf.set(
        "fs.azure.account.key.clickdata.dfs.core.windows.net",
        config.STORAGE_ACCOUNT_KEY,
    )
    spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
    return spark


def read_jdbc_table(spark: SparkSession, table: str):
    return (
        spark.read.format("jdbc")
        .option("url", config.JDBC_URL)
        .option("dbtable", table)
        .option("user", "etl_writer")
        # expect: VC403
        .option("password", "Cl1ckstream!2024")
        .load()
    )


def read_jdbc_table_with_secret(spark: SparkSession, table: str, dbutils=None):
    password = dbutils.secrets.get(scope="analytics", key="pg-password") if dbutils else os.environ["PG_PASSWORD"]
    return (
        spark.read.format("jdbc")
        .option("url", config.JDBC_URL_FROM_ENV)
        .option("dbtable", table)
        .option("user", os.environ.get("PG_USER", "etl_writer"))
        # ok: VC403
        .option("password", password)
        .load()
    )
