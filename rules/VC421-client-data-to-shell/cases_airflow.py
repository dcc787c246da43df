import shlex
import subprocess
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.providers.ssh.operators.ssh import SSHOperator


def dump_table(**context):
    table = context["dag_run"].conf.get("table", "orders")
    # expect: VC421 -- whoever triggers the DAG chooses its conf
    subprocess.run(f"pg_dump --table={table} warehouse > /data/dump.sql", shell=True, check=True)
    # ok: VC421 -- quoted for the shell
    subprocess.run(f"pg_dump --table={shlex.quote(table)} warehouse > /data/dump.sql", shell=True, check=True)
    # ok: VC421 -- an argument list, no shell
    subprocess.run(["pg_dump", f"--table={table}", "warehouse"], check=True)


with DAG(dag_id="maintenance", start_date=datetime(2024, 1, 1), schedule=None) as dag:
    dump = PythonOperator(task_id="dump", python_callable=dump_table)
    export = BashOperator(
        task_id="export",
        # expect: VC421 -- Jinja renders the trigger's text into the shell line
        bash_command="pg_dump --table={{ dag_run.conf['table'] }} $WAREHOUSE_URL > /data/dump.sql",
    )
    # expect: VC421 -- the run's params, which the trigger's conf overrides
    archive = BashOperator(task_id="archive", bash_command="tar czf /data/{{ params.name }}.tgz /data/exports")
    export_env = BashOperator(
        task_id="export_env",
        # ok: VC421 -- the value travels in the environment and the shell quotes it
        bash_command='pg_dump --table="$TABLE" "$WAREHOUSE_URL" > /data/dump.sql',
        env={"TABLE": "{{ dag_run.conf.get('table', 'orders') }}"},
    )
    # ok: VC421 -- the logical date Airflow fills in
    rotate = BashOperator(task_id="rotate", bash_command="find /data/exports -name '*{{ ds_nodash }}*' -delete")
    # ok: VC421 -- a filter quotes it for the shell
    quoted = BashOperator(task_id="quoted", bash_command="tar czf /data/{{ params.name | shquote }}.tgz /data/exports")
    # expect: VC421 -- a remote shell
    remote = SSHOperator(task_id="remote", ssh_conn_id="etl", command="rm -rf /srv/cache/{{ dag_run.conf['dir'] }}")
