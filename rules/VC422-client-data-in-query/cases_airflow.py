from airflow.decorators import task
from airflow.operators.python import get_current_context
from airflow.providers.http.hooks.http import HttpHook
from airflow.providers.postgres.hooks.postgres import PostgresHook


def warehouse_hook():
    return PostgresHook(postgres_conn_id="warehouse")


def purge(**context):
    conf = context["dag_run"].conf or {}
    table = conf.get("table", "orders")
    hook = PostgresHook(postgres_conn_id="warehouse")
    # expect: VC422 -- whoever triggers the DAG chooses its conf
    hook.run(f"DELETE FROM staging.{table}")
    # expect: VC422 -- the run's params, which the trigger's conf overrides
    hook.get_records("SELECT * FROM staging.orders WHERE region = '" + context["params"]["region"] + "'")
    # ok: VC422 -- a bound parameter
    hook.run("DELETE FROM staging.orders WHERE region = %s", parameters=(conf.get("region"),))
    # ok: VC422 -- the logical date Airflow schedules the run for
    hook.run(f"DELETE FROM staging.orders WHERE day < '{context['ds']}'")


@task
def load():
    region = get_current_context()["dag_run"].conf.get("region", "eu")
    hook = warehouse_hook()
    # expect: VC422 -- a hook from a helper, known by its name in an Airflow module
    rows = hook.get_first(f"SELECT count(*) FROM staging.orders WHERE region = '{region}'")
    # ok: VC422 -- an HTTP hook's `run` sends a request
    HttpHook(method="GET", http_conn_id="shop").run(f"orders/{region}")
    return rows


def export(dag_run=None, **_):
    table = dag_run.conf["table"]
    pg_hook = warehouse_hook()
    # expect: VC422
    return pg_hook.get_pandas_df(f"SELECT * FROM {table}")


def report(**kwargs):
    settings = {"params": {"region": "eu"}}
    hook = warehouse_hook()
    # ok: VC422 -- a dictionary of the task's own, not the run's params
    return hook.get_records(f"SELECT * FROM sales WHERE region = '{settings['params']['region']}'")
