"""VC403 corpus: credentials in the settings of data platforms: Spark options, connection strings, storage keys."""
import os

from pyspark import SparkConf
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()

# expect: VC403
STORAGE_ACCOUNT_KEY = "p9Yq3LkV2xN8mB4tR7wZ1cF6hJ0sD5gA8eU3iO2pQ9rT4yW7vX1zC6bN0mL5kJ8h=="
# expect: VC403 -- the name Azure's samples give a storage account's key
AZURE_STORAGE_KEY = "Zx4Rt8Wq2Lm6Np0Vb3Cy7Hs1Kd5Fg9Ja2Qe6Tu0Io4Pk8Yw3Xs7Nm1Bv5Cz9Lq=="
# ok: VC403 -- a cache key that names an account, not a key of one
ACCOUNT_KEY_PREFIX = "acct:"
# ok: VC403 -- the key a session's storage is kept under in the request (aiohttp_session), a slot's label
STORAGE_KEY = "aiohttp_session_storage"
# ok: VC403 -- the browser's localStorage slot a front end keeps its state in
LOCAL_STORAGE_KEY = "app-state.storage"
# expect: VC403 -- a libpq keyword connection string
REDSHIFT_DSN = "host=dw.example.internal port=5439 dbname=dw user=loader password=Rs!load2024"
# expect: VC403 -- an ODBC connection string
MSSQL_DSN = "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.internal;UID=sa;PWD=Sq1Serv3r!2024"
# ok: VC403 -- the password comes from the environment
PG_DSN = "host=db.internal dbname=app user=app password=${PGPASSWORD}"
# ok: VC403 -- no password in it
PG_DSN_PASSWORDLESS = "host=db.internal dbname=app user=app sslmode=require"


def read_orders():
    return (
        spark.read.format("jdbc")
        .option("url", "jdbc:postgresql://db.internal:5432/shop")
        .option("user", "etl")
        # expect: VC403
        .option("password", "Cl1ckstream!2024")
        .load()
    )


def read_orders_from_env():
    return (
        spark.read.format("jdbc")
        .option("user", "etl")
        # ok: VC403
        .option("password", os.environ["PG_PASSWORD"])
        # ok: VC403 -- not a secret's name
        .option("fetchsize", "10000")
        .load()
    )


def s3a_conf() -> SparkConf:
    conf = SparkConf()
    # expect: VC403
    conf.set("spark.hadoop.fs.s3a.secret.key", "Hx7kQ2mP9vL4nR8sT1wY6zB3cF5gJ0dA2eK7iM9o")
    # ok: VC403
    conf.set("spark.sql.shuffle.partitions", "200")
    return conf
