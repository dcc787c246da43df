"""VC402 corpus: the SQL runners of data platforms: Spark's `spark.sql`, DuckDB's `sql`, a BigQuery client by name."""
import duckdb
from google.cloud import bigquery
from pyspark.sql import SparkSession

EVENTS_TABLE = "raw.events"


def bq_client() -> bigquery.Client:
    return bigquery.Client(project="analytics")


def spark_day(spark: SparkSession, table: str, day: str):
    # expect: VC402
    return spark.sql(f"SELECT * FROM {table} WHERE event_date = '{day}'")


def spark_day_in_a_name(spark: SparkSession, day: str):
    query = "DELETE FROM raw.events WHERE event_date = '" + day + "'"
    # expect: VC402
    spark.sql(query)


def spark_day_bound(spark: SparkSession, day: str):
    # ok: VC402 -- a named parameter marker, the value in `args`
    return spark.sql("SELECT * FROM raw.events WHERE event_date = :day", args={"day": day})


def spark_constant_table(spark: SparkSession):
    # ok: VC402 -- an UPPER_CASE constant
    return spark.sql(f"INSERT INTO {EVENTS_TABLE} SELECT * FROM staged")


def duckdb_filter(path: str, where: str):
    con = duckdb.connect()
    # expect: VC402
    return con.sql(f"SELECT * FROM read_parquet('data.parquet') WHERE {where}").df()


def duckdb_module_filter(where: str):
    # expect: VC402
    return duckdb.sql(f"SELECT * FROM events WHERE {where}").df()


def duckdb_bound(path: str, user_id: str):
    con = duckdb.connect()
    # ok: VC402
    return con.sql("SELECT * FROM read_parquet($path) WHERE user_id = $uid", params={"path": path, "uid": user_id})


def sqlglot_render(expression):
    # ok: VC402 -- an expression rendered to text, no query handed in
    return expression.sql(dialect="spark")


def bigquery_helper_client(customer_id: str):
    bq = bq_client()
    # expect: VC402 -- a client known by its name in a module that imports BigQuery
    return list(bq.query(f"SELECT * FROM sales.orders WHERE customer = '{customer_id}'").result())


def bigquery_made_by_a_call(day: str):
    # expect: VC402
    return bq_client().query("DELETE FROM sales.orders WHERE day = '%s'" % day).result()


def bigquery_bound(customer_id: str):
    config = bigquery.QueryJobConfig(query_parameters=[bigquery.ScalarQueryParameter("c", "STRING", customer_id)])
    # ok: VC402
    return list(bq_client().query("SELECT * FROM sales.orders WHERE customer = @c", job_config=config).result())


def frame_query(frame, low: int):
    # ok: VC402 -- a DataFrame's `query`, not a BigQuery client
    return frame.query(f"amount > {low}")
