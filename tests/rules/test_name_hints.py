"""The flow rules whose file hints are whole names: every sink and named source they read has a part among them (VC401
and VC411: every part of a sink's name is needed), and a module that holds a hint only inside a longer name is not
walked (VC411-VC414, VC421, VC422)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from vibecheck.analysis.flow import CLI_SOURCES, DB_HOOK_METHODS
from vibecheck.analysis.summary_keys import SKIPPED_BY_HINTS, SUMMARY_FACT
from vibecheck.engine import check_file
from vibecheck.rule import Rule, SourceHints
from vibecheck.rules.security import client_data_in_query as query
from vibecheck.rules.security import client_data_in_template_source as template_source
from vibecheck.rules.security import client_data_to_code_execution as code_execution
from vibecheck.rules.security import client_data_to_shell as shell
from vibecheck.rules.security import error_details_to_client as error_details
from vibecheck.rules.security.client_data_in_html import ClientDataInHtml
from vibecheck.rules.security.llm_output_to_dangerous_sink import LlmOutputToDangerousSink
from vibecheck.rules.security.secret_in_log import SecretInLog
from vibecheck.rules.security.sql_built_from_strings import SqlBuiltFromStrings

# Each rule with the dotted names it must see a part of: its sink tables, and its command-line sources.
NAMED_BY_HINTS: list[tuple[type[Rule], Iterable[str]]] = [
    (shell.ClientDataToShell, [*shell.SHELL_FUNCTIONS, *shell.SHELL_METHODS, *shell.SUBPROCESS_FUNCTIONS,
                               *shell.EXEC_FUNCTIONS]),
    (code_execution.ClientDataToCodeExecution, [*code_execution.EXECUTING, *code_execution.IMPORTING,
                                                *code_execution.CONSOLE_METHODS, *CLI_SOURCES]),
    (template_source.ClientDataInTemplateSource, [*template_source.TEMPLATE_SOURCES, *template_source.RENDER_CALLS,
                                                  *template_source.TEMPLATE_SOURCE_METHODS,
                                                  *template_source.RENDER_METHODS]),
    (error_details.ErrorDetailsToClient, [*error_details.TRACEBACK_CALLS, "except",
                                          *error_details.EXCEPTION_HANDLER_DECORATORS]),
    # `get` (a Django lookup) is in every module: it is left to VC422's source words and to `objects`, a manager's name;
    # `run` (an Airflow hook's) to the hook's name and the run's `dag_run`
    (query.ClientDataInQuery, [name for name in (*query.SQL_TEXT_FUNCTIONS, *query.EXECUTE_METHODS, "raw", "extra",
                                                 *query.ORDERING_METHODS, *query.LOOKUP_METHODS, *query.MONGO_METHODS,
                                                 *query.MANAGER_ATTRIBUTES, *DB_HOOK_METHODS)
                               if name not in ("get", "run")]),
]


@pytest.mark.parametrize(("rule", "names"), NAMED_BY_HINTS, ids=lambda value: getattr(value, "code", ""))
def test_every_sink_and_command_line_source_has_a_part_among_the_hints(rule: type[Rule], names: Iterable[str]) -> None:
    """A part of a resolved name is a name in the file; a part called (`input(`) may stand as its call."""
    hints = set(rule.file_hints)
    assert rule.file_hints_are_names
    assert [name for name in names if not any({part, f"{part}("} & hints for part in name.lower().split("."))] == []


def walked_by(rule: type[Rule], source: str) -> bool:
    """Whether the rule walked the module: a summarising flow rule that its hints skip says so in the facts."""
    result = check_file("helpers.py", source.encode(), [(rule, None)])
    return rule.code not in result.facts.get(SUMMARY_FACT, {}).get(SKIPPED_BY_HINTS, [])


@pytest.mark.parametrize(("rule", "source"), [
    (shell.ClientDataToShell, "def save(cursor, row):\n    cursor.execute('insert', row)\n    return requests\n"),
    (shell.ClientDataToShell, "from django.dispatch import receiver\n\nfilesystem_events = []\n"),
    (code_execution.ClientDataToCodeExecution, "def submit(executor, job):\n    return executor.submit(job)\n"),
    (code_execution.ClientDataToCodeExecution, "from django.core.signals import request_finished\n"),
    # `builtins` only as the word of a docs link (each of Django's locale format files)
    (code_execution.ClientDataToCodeExecution,
     "# https://docs.djangoproject.com/en/dev/ref/templates/builtins/#date\nDATE_FORMAT = 'j F Y'\n"),
    # `html` (a template's file name), `safe` and `response` alone: no sink's every part
    (ClientDataInHtml, "def page(render, response):\n    return render('index.html', safe=True), response\n"),
    (ClientDataInHtml, "import requests\n\n\ndef prevent(nobody):\n    return requests.get(nobody)\n"),
    (template_source.ClientDataInTemplateSource, "def page(env, name):\n    return env.get_template(name)\n"),
    (query.ClientDataInQuery, "def touch(row):\n    return row.updated_at, row.counter, context(row), row.raw_id\n"),
])
def test_a_module_with_a_hint_only_inside_longer_names_is_not_walked(rule: type[Rule], source: str) -> None:
    assert not walked_by(rule, source)


@pytest.mark.parametrize(("rule", "source"), [
    (shell.ClientDataToShell, "import os\n\n\ndef run(program):\n    os.execvp(program, [program])\n"),
    (shell.ClientDataToShell, "import asyncio\n\n\nasync def run(line):\n    await asyncio.create_subprocess_shell(line)\n"),
    (shell.ClientDataToShell, "from django.http import HttpRequest\n\n\ndef view(r: HttpRequest):\n    return r.GET\n"),
    (code_execution.ClientDataToCodeExecution, "def ask(helper):\n    return helper(raw_input('>'))\n"),
    (code_execution.ClientDataToCodeExecution, "import builtins\n\n\ndef ask(helper):\n    helper(builtins.input())\n"),
    (code_execution.ClientDataToCodeExecution, "from builtins import input as ask\n\n\ndef go(run):\n    run(ask())\n"),
    (code_execution.ClientDataToCodeExecution, "import builtins as b\n\n\ndef go(run):\n    run(b.input())\n"),
    (ClientDataInHtml, "def view(self):\n    return self.request.GET\n"),
    (template_source.ClientDataInTemplateSource, "def page(env, name):\n    return env.get_template(name).stream(locals())\n"),
    (query.ClientDataInQuery, "def upsert(rows, fields):\n    return rows.update_or_create(**fields)\n"),
    (query.ClientDataInQuery, "def recent(db, since):\n    return db.events.delete_many({'at': since})\n"),
    (query.ClientDataInQuery, "from shop.models import User\n\n\ndef find(filters):\n    return User.objects.get(**filters)\n"),
    (query.ClientDataInQuery, "def follow(collection, steps):\n    return collection.watch(steps)\n"),
    (error_details.ErrorDetailsToClient, "@app.exception_handler(Exception)\nasync def failed(request, exc):\n"
                                         "    return JSONResponse({'error': repr(exc)})\n"),
])
def test_a_module_that_names_a_sink_or_a_source_is_walked(rule: type[Rule], source: str) -> None:
    assert walked_by(rule, source)


@pytest.mark.parametrize("sink", sorted(ClientDataInHtml.function_sinks))
def test_client_data_in_html_walks_a_module_that_imports_and_calls_a_sink(sink: str) -> None:
    """Every part of a sink's resolved name is a name where the module calls it: `from a.b import c` and `c(x)`."""
    module, _, name = sink.rpartition(".")
    source = f"from {module} import {name}\n\n\ndef page(text):\n    return {name}(text)\n"
    assert ClientDataInHtml.hinted_in(SourceHints(source))


@pytest.mark.parametrize(("source", "walked"), [
    # the only sink of a dispatch module: a function looked up by the name it is passed (VC417 joins model output in)
    ("import handlers\n\n\ndef dispatch(fn_name, kwargs):\n    return getattr(handlers, fn_name)(**kwargs)\n", True),
    ("def dispatch(fn_name, kwargs):\n    return globals()[fn_name](**kwargs)\n", True),
    ("def area(width, height):\n    return width * height\n", False),
])
def test_llm_output_rule_walks_a_module_that_calls_a_function_by_name(source: str, walked: bool) -> None:
    assert LlmOutputToDangerousSink.hinted_in(SourceHints(source)) is walked


@pytest.mark.parametrize(("source", "walked"), [
    # a sink's call needs every part of its name as a name: `get` and `text` alone are in most modules
    ("def lookup(table, key):\n    return table.get(key, {}).get('text')\n", False),
    ("def target(widget, context):\n    return getattribute(widget), context.render_text\n", False),
    ("import requests\n\n\ndef fetch(url):\n    return requests.get(url)\n", True),
    ("from requests import get\n\n\ndef fetch(url):\n    return get(url)\n", True),
    ("def fetch(client, url):\n    return client.get(url)\n", True),
    ("from django.utils.safestring import mark_safe\n\n\ndef banner(text):\n    return mark_safe(text)\n", True),
    ("def run(code):\n    exec(code)\n", True),
    ("def save(path, data):\n    path.write_text(data)\n", True),
    # a sink that is no call: a system prompt, a Flask view's page, a tool schema; and a tool framework's module
    ("def build(question, docs):\n    return [{'role': 'system', 'content': docs}, question]\n", True),
    ("from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route('/')\ndef page():\n    return helper()\n", True),
    ("SCHEMA = {'name': 'lookup', 'parameters': {}}\n\n\ndef lookup(term):\n    return find(term)\n", True),
    ("from pydantic_ai import Tool\n\n\ndef lookup(term):\n    return find(term)\n\n\nTOOL = Tool(lookup)\n", True),
])
def test_llm_output_rule_matches_its_sinks_calls_as_names(source: str, walked: bool) -> None:
    assert LlmOutputToDangerousSink.hinted_in(SourceHints(source)) is walked


def test_sql_rule_hints_name_every_sink_call() -> None:
    """Each of VC402's call words (`sink_words`) is a hinting name, a part of a function sink's name, or called as
    a method in `file_hints` (`.raw(`, `hook.run(`)."""
    rule = SqlBuiltFromStrings
    parts = set().union(*rule.hinting_parts)
    called = {hint.rstrip("(").rpartition(".")[2] for hint in rule.file_hints if hint.endswith("(")}
    assert [word for word in rule.sink_words if word.lower() not in rule.hinting_names | parts | called] == []


@pytest.mark.parametrize(("source", "walked"), [
    # `gettext(`, `prefetch`, an ORM `expression`, a `statement` inside longer names, `text` or `query` alone
    ("from django.utils.translation import gettext\n\n\ndef label(name):\n    return gettext(name)\n", False),
    ("def rows(qs, names):\n    return qs.prefetch_related(*names), qs.resolve_expression()\n", False),
    ("def show(text, query):\n    return text.strip(), query.lower(), statements_of(text)\n", False),
    ("def reset(cache, key):\n    cache.delete(key)\n    return sql_mode(key)\n", False),
    # each sink's call, an alias of one, and the marks of the sinks that are no call of their own name
    ("def find(cursor, name):\n    cursor.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n", True),
    ("def run(con, sql):\n    return con.exec_driver_sql(sql)\n", True),
    ("def bind(cursor):\n    return cursor.execute\n", True),
    ("import sqlalchemy as sa\n\n\ndef where(clause):\n    return sa.text(clause)\n", True),
    ("from sqlmodel import text\n\n\ndef where(clause):\n    return text(clause)\n", True),
    ("from django.db.models.expressions import RawSQL\n\n\ndef ann(q):\n    return RawSQL(q, ())\n", True),
    ("def people(qs, order):\n    return qs.extra(order_by=[order]), Person.objects.raw(order)\n", True),
    ("async def one(conn, q):\n    return await conn.fetchrow(q)\n", True),
    ("def rows(pg_hook, q):\n    return pg_hook.run(q), pg_hook.get_records(q)\n", True),
    ("import pandas as pd\n\n\ndef frame(q, con):\n    return pd.read_sql(q, con)\n", True),
    ("from google.cloud import bigquery\n\n\ndef rows(bq, q):\n    return bq.query(q)\n", True),
    ("def spark_rows(spark, q):\n    return spark.sql(q)\n", True),
    ("def items(table, expr):\n    return table.query(KeyConditionExpression=expr)\n", True),
    ("def report(client, q):\n    return client.execute_statement(Sql=q)\n", True),
    ("def slow(db, js):\n    return db.users.find({'$where': js})\n", True),
    # SQL text that bandit's B608 reads, vetted where it is built from constants
    ("TABLE = 'users'\nQUERY = 'SELECT id FROM %s' % TABLE\n", True),
    ("TABLE = 'users'\n\n\ndef purge():\n    return 'DELETE FROM %s' % TABLE\n", True),
])
def test_sql_rule_matches_its_sinks_calls_as_names(source: str, walked: bool) -> None:
    assert SqlBuiltFromStrings.hinted_in(SourceHints(source)) is walked


@pytest.mark.parametrize(("source", "hinted"), [
    ("class Failed(exceptions.ValidationError):\n    pass\n", False),
    ("def view(request):\n    return HttpResponse(traceback_text)\n", False),
    ("try:\n    run()\nexcept OSError as error:\n    pass\n", True),
    ("import traceback\n", True),
    ("info = sys.exc_info()\n", True),
])
def test_error_details_need_a_handler_or_a_traceback_call_by_name(source: str, hinted: bool) -> None:
    assert error_details.ErrorDetailsToClient.hinted_in(SourceHints(source)) is hinted


@pytest.mark.parametrize("source", [
    # a route parameter returned as HTML by a Flask view: no request word anywhere in the module
    'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/hello/<name>")\ndef hello(name):\n'
    '    return f"<h1>Hello {name}</h1>"\n',
    # a helper that marks what it is given as safe: the module names only the sink
    "from django.utils.safestring import mark_safe\n\n\ndef banner(text):\n    return mark_safe(f'<b>{text}</b>')\n",
    "from starlette.responses import HTMLResponse\n\n\ndef page(req, title):\n    return HTMLResponse(title)\n",
    # a helper that escapes what it returns: its own summary says so (VC409's, which VC417 borrows, does not)
    "import html\n\n\ndef card(title):\n    return '<b>' + html.escape(title) + '</b>'\n",
    "from django.utils.html import escape\n\n\ndef card(title):\n    return '<b>%s</b>' % escape(title)\n",
])
def test_client_data_in_html_walks_a_module_that_names_a_sink_or_an_html_framework(source: str) -> None:
    assert walked_by(ClientDataInHtml, source)


def test_a_flask_route_parameter_returned_as_html_is_reported_without_a_request_word() -> None:
    source = ('from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/hello/<name>")\ndef hello(name):\n'
              '    return f"<h1>Hello {name}</h1>"\n')
    result = check_file("app.py", source.encode(), [(ClientDataInHtml, None)])
    assert [(f.code, f.location.start.line) for f in result.findings] == [("VC411", 8)]


@pytest.mark.parametrize(("source", "walked"), [
    # a secret's word without a log call, `print` or an echo: `info` or `error` alone is no log call
    ("def sign(api_key, payload):\n    return hmac_digest(api_key, payload)\n", False),
    ("def check(token, form):\n    form.add_error('token', 'invalid')\n    return info(token), error(token)\n", False),
    ("class Cache:\n    def get(self, key):\n        return self.backlog.get(key)\n", False),
    ("import logging\n\n\ndef count(words):\n    logging.info('%d words', len(words))\n", False),
    # each sink spelled as `check` takes it: a level method of `logging` or of a receiver named like a logger
    ("import logging\n\n\ndef connect(password):\n    logging.info(password)\n", True),
    ("import logging as lg\n\n\ndef connect(password):\n    lg.warning(password)\n", True),
    ("def connect(self, password):\n    self._logger.debug(password)\n", True),
    ("def connect(password):\n    audit_log.error(password)\n", True),
    ("def connect(app, api_key):\n    app.logger.exception(api_key)\n", True),
    ("def connect(password):\n    print(password)\n", True),
    ("from click import echo as say\n\n\ndef show(token):\n    say(token)\n", True),
    ("import rich\n\n\ndef show(token):\n    rich.print(token)\n", True),
])
def test_secret_in_log_needs_a_secret_word_and_a_log_print_or_echo_call(source: str, walked: bool) -> None:
    assert SecretInLog.hinted_in(SourceHints(source)) is walked
    if walked:  # the cases walked are the rule's findings: the hint is no wider than its sinks
        assert [f.code for f in check_file("app.py", source.encode(), [(SecretInLog, None)]).findings] == ["VC407"]
