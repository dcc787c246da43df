"""Vetting (`vibecheck.vetting`): a rule that proved a sink safe clears bandit's alarm there, and only there."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import libcst as cst
import pytest
from click.testing import CliRunner

from vibecheck.cli import cli
from vibecheck.config import Settings
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.pipeline import Pipeline
from vibecheck.rule import PendingVet
from vibecheck.rules.security import _markup_flow, sql_built_from_strings
from vibecheck.vetting import Vetted

SETTINGS = Settings(select=("B", "VC402", "VC403", "VC408"))


def unfiltered(source: str, settings: Settings = SETTINGS) -> list[tuple[str, int]]:
    """(code, line) of every finding before the filter stage: supersedes and suppressions have not run yet."""
    result = Pipeline(settings).check_bytes("app/mod.py", "app/mod.py", textwrap.dedent(source).encode())
    assert not result.errors
    return sorted((f.code, f.location.start.line) for f in result.findings)


SQL_SAFE = {
    "quoted identifiers": '''
        def get(connection, cursor, col, key, name):
            qn = connection.ops.quote_name
            table = connection.ops.quote_name(name)
            cursor.execute("SELECT %s FROM %s WHERE k = %%s" % (qn(col), table), [key])
        ''',
    "class constant table": '''
        class Store:
            table = "users"

            def get(self, cursor, key):
                return cursor.execute(f"SELECT * FROM {self.table} WHERE id = ?", (key,))
        ''',
    "allow-listed column": '''
        ALLOWED = ("name", "email")

        def rows(cursor, field):
            column = field if field in ALLOWED else "name"
            cursor.execute(f"SELECT * FROM users ORDER BY {column}")
        ''',
    "the object's own table, in a concatenation over lines": '''
        class Store:
            def __init__(self, messages_table="messages"):
                self.messages_table = messages_table

            def rows(self, conn, key, limit):
                return conn.execute(
                    f"SELECT id FROM {self.messages_table} "
                    "WHERE session_id = ? LIMIT ?",
                    (key, limit),
                )
        ''',
    "placeholder list": '''
        def rows(cursor, ids):
            cursor.execute(f"SELECT * FROM users WHERE id IN ({','.join('?' for _ in ids)})", ids)
        ''',
    "built in a variable first, over several lines": '''
        def rows(connection, cursor, name, key):
            table = connection.ops.quote_name(name)
            sql = "SELECT %s FROM %s WHERE k = %%s" % (
                table,
                table,
            )
            cursor.execute(sql, [key])
        ''',
    # a function that runs no query is only noted (`FlowRule.note`): its built strings are still vetted (a module
    # that runs none is not walked: `file_hints`)
    "returned by a helper that runs no query": '''
        def build(connection, name):
            table = connection.ops.quote_name(name)
            return "SELECT * FROM %s WHERE k = 1" % table

        def run(cursor, sql):
            return cursor.execute(sql)
        ''',
    "returned by a helper, a letter escaped": r'''
        def build(connection, name):
            """The query that selects a row."""
            table = connection.ops.quote_name(name)
            return "\x53ELECT * FROM %s WHERE k = 1" % table

        def run(cursor, sql):
            return cursor.execute(sql)
        ''',
    "an f-string whose first word a constant splits, in a helper": '''
        def build(connection, name):
            """The query that selects a row."""
            table = connection.ops.quote_name(name)
            sql = f"SEL{''}ECT * FROM {table} WHERE k = 1"
            return sql

        def run(cursor, sql):
            return cursor.execute(sql)
        ''',
}


@pytest.mark.parametrize("source", SQL_SAFE.values(), ids=SQL_SAFE.keys())
def test_b608_is_cleared_on_queries_vc402_proves_constant(source: str) -> None:
    assert not [code for code, _ in unfiltered(source) if code in ("B608", "VC402")]


@pytest.mark.parametrize(("expression", "may"), [
    ('f"name = {x}" + suffix', False),
    ('"a, b" % (x, y)', False),
    ('"%s" % qs.extra(where=[w])', True),  # bandit's B610 starts inside
    ('"SEL" "ECT * FROM %s" % t', True),
    ('f"{x:sel{y}ect}" + t', True),
    ('"\\x73elect * from %s" % t', True),
])
def test_vc402_vets_only_where_a_vetted_alarm_can_start(expression: str, may: bool) -> None:
    assert sql_built_from_strings._may_read_as_sql(cst.parse_expression(expression)) is may


def test_b608_stays_without_vc402() -> None:
    source = SQL_SAFE["built in a variable first, over several lines"]
    assert ("B608", 4) in unfiltered(source, Settings(select=("B",)))


SQL_UNSAFE = {
    "raw name": ('''
        def rows(cursor, name):
            cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
        ''', 3),
    "name only compared in an if": ('''
        def rows(cursor, name):
            if name != "":
                cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
        ''', 4),
    "upper-case local": ('''
        def rows(cursor, request):
            TABLE = request.args["table"]
            cursor.execute(f"SELECT * FROM {TABLE}")
        ''', 4),
    "constant part of a larger string": ('''
        def rows(connection, cursor, where):
            sql = ("SELECT * FROM %s" % connection.ops.quote_name("t")) + where
            cursor.execute(sql)
        ''', 3),
}


@pytest.mark.parametrize(("source", "line"), SQL_UNSAFE.values(), ids=SQL_UNSAFE.keys())
def test_b608_stays_on_queries_with_a_raw_value(source: str, line: int) -> None:
    assert ("B608", line) in unfiltered(source)


ORM_SQL_SAFE = '''
    from django.db.models.expressions import RawSQL


    def prefetch(queryset, connection, join_table, column):
        qn = connection.ops.quote_name
        return queryset.extra(select={"related_id": "%s.%s" % (qn(join_table), qn(column))})


    def pk_subquery(inner, connection):
        sql, params = inner.get_compiler(connection=connection).as_sql()
        return RawSQL("SELECT * FROM (%s) subquery" % sql, params)


    def ordered(connection, table):
        return RawSQL("%s.id" % connection.ops.quote_name(table), [])
    '''
ORM_SQL_UNSAFE = '''
    from django.db.models.expressions import RawSQL


    def prefetch(queryset, connection, join_table, column):
        return queryset.extra(select={"related_id": "%s.%s" % (connection.ops.quote_name(join_table), column)})


    def pk_subquery(inner, connection, params):
        sql, _ = inner.get_compiler(connection=connection).as_sql()
        return RawSQL("SELECT * FROM (%s) subquery" % sql, params)


    def ordered(extra, name):
        return RawSQL(*extra[name])
    '''


def test_b610_and_b611_are_cleared_where_vc402_proves_the_sql() -> None:
    """`.extra()` of quoted identifiers, `RawSQL()` of a query builder's own text and parameters, or of a quoted
    name: bandit reports each (no single literal); VC402 proves them. A raw column, parameters from elsewhere and
    unpacked arguments stay."""
    assert [f for f in unfiltered(ORM_SQL_SAFE, Settings(select=("B",))) if f[0] in ("B610", "B611")] == [
        ("B610", 7), ("B611", 12), ("B611", 16)]
    assert not [code for code, _ in unfiltered(ORM_SQL_SAFE) if code in ("B610", "B611", "B608", "VC402")]
    found = unfiltered(ORM_SQL_UNSAFE)
    assert [line for code, line in found if code in ("B610", "B611")] == [6, 11, 15]


def test_b602_is_cleared_when_every_value_is_quoted() -> None:
    found = unfiltered('''
        import os
        import shlex
        import subprocess

        def ping(host, folder):
            subprocess.run(f"ping -c 1 {shlex.quote(host)}", shell=True)
            cmd = "ls %s" % shlex.quote(folder)
            subprocess.run(cmd, shell=True)
            os.system(" ".join(shlex.quote(a) for a in ["ls", folder]))

        def npx():
            for cmd in ["npx.cmd", "npx.exe", "npx"]:
                subprocess.run([cmd, "--version"], check=True, shell=True)
        ''')
    assert not [code for code, _ in found if code in ("B602", "B605", "VC408")]


SHELL_UNSAFE = {
    "raw value": ('''
        import subprocess

        def ping(host):
            subprocess.run(f"ping {host}", shell=True)
        ''', 5),
    "quoted on one branch only": ('''
        import shlex
        import subprocess

        def ping(host, safe):
            cmd = f"ping {host}"
            if safe:
                cmd = f"ping {shlex.quote(host)}"
            subprocess.run(cmd, shell=True)
        ''', 9),
    "parameter quoted on one branch only": ('''
        import shlex
        import subprocess

        def ping(host, safe):
            if safe:
                host = shlex.quote(host)
            subprocess.run(f"ping {host}", shell=True)
        ''', 8),
    "loop over values that are not all literals": ('''
        import subprocess

        def probe(tool):
            for cmd in ["npx", tool]:
                subprocess.run([cmd, "--version"], shell=True)
        ''', 6),
    "loop variable rebound in the loop": ('''
        import subprocess

        def probe(tool):
            for cmd in ["npx", "npm"]:
                cmd = cmd + tool
                subprocess.run([cmd, "--version"], shell=True)
        ''', 7),
    "nested call inside a vetted one": ('''
        import shlex
        import subprocess

        def ping(host):
            subprocess.run(f"x {shlex.quote(host)}", shell=True, input=subprocess.check_output(f"y {host}", shell=True))
        ''', 6),
}


@pytest.mark.parametrize(("source", "line"), SHELL_UNSAFE.values(), ids=SHELL_UNSAFE.keys())
def test_b602_stays_on_a_command_with_an_unquoted_value(source: str, line: int) -> None:
    assert ("B602", line) in unfiltered(source)


def test_b105_is_cleared_on_labels_of_secrets_only() -> None:
    found = unfiltered('''
        PASSWORD_FIELD = "password"
        TOKEN_TYPE = "bearer"

        def auth(token_type):
            if token_type == "bearer":
                return {"password_field": "password"}
            return None

        PASSWORD = "hunter2"
        ADMIN_PASSWORD_DEFAULT = "admin"
        ''')
    assert [line for code, line in found if code == "B105"] == [10, 11]


def test_b105_is_cleared_on_an_analytics_project_token_not_on_its_secret() -> None:
    found = unfiltered('''
        mixpanel_project_token = "6da9a43058a5d1b9f3353153921fb04d"
        MIXPANEL_API_SECRET_TOKEN = "9c2f7b1e4d8a6035b7e1c4f2a9d8e6b1"
        ''')
    assert [line for code, line in found if code == "B105"] == [3]


def test_b106_is_cleared_on_the_keyword_bandit_reports_when_vc403_reads_it_as_no_credential() -> None:
    found = unfiltered('''
        from app.client import Client, connect

        Client(default_token="Bearer")
        Client(token_type="bearer", timeout=3)
        Client(mixpanel_project_token="6da9a43058a5d1b9f3353153921fb04d", token="Basic")
        connect(user="x", password="changeme", token="Bearer")
        connect(user="x",
                token="Bearer",
                password="changeme")
        Client(default_token="Bearer").login(password="changeme")
        Client(default_token="Bearer", session=connect(password="changeme"))
        connect(token=b"Bearer", password="changeme")
        Client(default_token="Bearer").close()
        connect(user="x", password="Zx9!qLm#2vTw", token="Bearer")
        ''')
    assert [line for code, line in found if code == "B106"] == [7, 9, 11, 11, 12, 13, 15]


def test_b106_stays_on_a_real_password_beside_a_scheme_name_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(textwrap.dedent('''
        from app.client import Client, connect

        Client(default_token="Bearer")
        connect(user="x", password="changeme", token="Bearer")
        connect(user="x",
                password="Zx9!qLm#2vTw",
                token="Bearer")
        '''))
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--format", "json", "--select", "B106,VC403"],
                                catch_exceptions=False)
    found = sorted((f["code"], f["start"]["line"]) for f in json.loads(result.stdout)["findings"])
    assert found == [("B106", 5), ("VC403", 7)]


def test_a_vet_may_name_some_codes_and_clear_one_position_at_another_nodes_column() -> None:
    class Rule:
        code, vets = "VC999", ("B105", "B106")

    def finding(code: str, line: int, column: int) -> Finding:
        where = Position(line, column)
        return Finding(code=code, name="x", message="m", location=Location("f.py", where, where), severity=Severity.LOW,
                       confidence=Confidence.LOW, category=Category.SECURITY, source="bandit")

    value, call = object(), object()
    spans = {id(value): (Position(4, 20), Position(4, 28)), id(call): (Position(3, 5), Position(6, 2))}
    vetted = Vetted([PendingVet(Rule, value, codes=("B106",), column_of=call)], lambda vets: spans)
    findings = [finding("B106", 4, 5), finding("B106", 4, 20), finding("B106", 3, 5), finding("B105", 4, 5)]
    kept = vetted.drop(findings, {"VC999"})
    assert [(f.code, f.location.start.line, f.location.start.column) for f in kept] == [
        ("B106", 4, 20), ("B106", 3, 5), ("B105", 4, 5)]


def test_only_other_tools_findings_inside_the_vetted_range_of_an_enabled_rule_are_dropped() -> None:
    class Rule:
        code, vets = "VC999", ("B608",)

    def finding(code: str, line: int, column: int, source: str = "bandit") -> Finding:
        where = Position(line, column)
        return Finding(code=code, name="x", message="m", location=Location("f.py", where, where), severity=Severity.LOW,
                       confidence=Confidence.LOW, category=Category.SECURITY, source=source)

    span = (Position(3, 5), Position(5, 2))
    vetted = Vetted([PendingVet(Rule, node := object())], lambda vets: {id(node): span} if vets else {})
    findings = [finding("B608", 3, 5), finding("B608", 5, 2), finding("B608", 3, 4), finding("B608", 5, 3),
                finding("B602", 4, 1), finding("B608", 4, 1, source="vibecheck")]
    kept = vetted.drop(findings, {"VC999"})
    assert [(f.code, f.location.start.line, f.location.start.column) for f in kept] == [
        ("B608", 3, 4), ("B608", 5, 3), ("B602", 4, 1), ("B608", 4, 1)]
    assert vetted.drop(findings, {"VC402"}) == findings


def test_findings_inside_a_node_vetted_as_a_notice_stay_at_info() -> None:
    class Rule:
        code, vets = "VC999", ("B102",)

    def finding(line: int) -> Finding:
        where = Position(line, 1)
        return Finding(code="B102", name="x", message="m", location=Location("f.py", where, where),
                       severity=Severity.MEDIUM, confidence=Confidence.HIGH, category=Category.SECURITY, source="bandit")

    notice, dropped = object(), object()
    spans = {id(notice): (Position(2, 1), Position(4, 9)), id(dropped): (Position(4, 1), Position(4, 9))}
    vetted = Vetted([PendingVet(Rule, notice, notice=True), PendingVet(Rule, dropped)], lambda vets: spans)
    kept = vetted.drop([finding(1), finding(3), finding(4)], {"VC999"})
    assert [(f.location.start.line, f.severity) for f in kept] == [(1, Severity.MEDIUM), (3, Severity.INFO)]


def test_b602_is_cleared_where_bandit_reports_it_on_a_call_over_several_lines() -> None:
    found = unfiltered('''
        import subprocess

        def last_commit(repo_dir):
            return subprocess.run(
                "git log --pretty=format:%ct --quiet -1 HEAD",
                capture_output=True,
                shell=True,
                cwd=repo_dir,
            )
        ''')
    assert not [code for code, _ in found if code == "B602"]


def test_b608_stays_on_a_list_joined_by_name_that_the_function_appends_to() -> None:
    found = unfiltered('''
        def union(rows, raw):
            parts = []
            for row in rows:
                parts.append(f"SELECT {raw}")
            return "SELECT * FROM (%s)" % " UNION ALL ".join(parts)
        ''')
    assert ("B608", 6) in found


MARKUP = Settings(select=("B", "VC411"))
MARKUP_HEADER = (
    "from django.utils.html import conditional_escape, escape, format_html\n"
    "from django.utils.safestring import SafeData, SafeString, mark_safe\n"
    "from django.utils.translation import gettext as _\n"
)
MARKUP_SAFE = {
    "literal choice": '''
        def end_class(last):
            return mark_safe(' class="end"' if last else "")
        ''',
    "format_html result, rebound": '''
        def login(request, url):
            snippet = "<a href='{href}?next={next}'>Log in</a>"
            snippet = format_html(snippet, href=url, next=escape(request.path))
            return mark_safe(snippet)
        ''',
    "escaped values in a literal": '''
        def link(value, text):
            first = mark_safe('<a href="{v}">{v}</a>'.format(v=escape(value)))
            second = mark_safe("<pre>%s</pre>" % conditional_escape(text))
            return first, second
        ''',
    "lookup in a table of literals": '''
        def code(value):
            return mark_safe("<code>%s</code>" % {True: "true", False: "false", None: "null"}[value])
        ''',
    "translated literal in an f-string": '''
        def checkbox():
            label = _("Select all")
            return mark_safe(f'<input type="checkbox" aria-label="{label}">')
        ''',
    "join of escaped parts": '''
        def items(values, sep):
            rows = []
            for value in values:
                rows.append(format_html("<li>{}</li>", value))
            return mark_safe("".join(rows)), SafeString(conditional_escape(sep).join(escape(v) for v in values))
        ''',
    "rendered template": '''
        def render(renderer, template, context, form):
            return mark_safe(renderer.render(template, context)), mark_safe(form.errors.as_ul())
        ''',
    "already safe input kept safe": '''
        def cut(value, arg):
            safe = isinstance(value, SafeData)
            value = value.replace(arg, "")
            if safe and arg != ";":
                return mark_safe(value)
            return mark_safe(value.upper()) if isinstance(value, SafeData) else value
        ''',
    "module constant": '''
        BADGE = "<span class='badge'>new</span>"

        def badge():
            return mark_safe(BADGE)
        ''',
}


@pytest.mark.parametrize("source", MARKUP_SAFE.values(), ids=MARKUP_SAFE.keys())
def test_b703_is_cleared_on_markup_vc411_proves_built_or_escaped(source: str) -> None:
    found = unfiltered(MARKUP_HEADER + textwrap.dedent(source), MARKUP)
    assert any(code == "B308" for code, _ in found)  # bandit looked at the marking calls
    assert not [code for code, _ in found if code in ("B703", "VC411", "VC001")]


def test_b703_stays_without_vc411() -> None:
    source = MARKUP_HEADER + textwrap.dedent(MARKUP_SAFE["literal choice"])
    assert ("B703", 6) in unfiltered(source, Settings(select=("B",)))


MARKUP_UNSAFE = {
    "parameter": ('''
        def safe(value):
            return mark_safe(value)
        ''', 6),
    "f-string with a variable": ('''
        def bold(value):
            return mark_safe(f"<b>{value}</b>")
        ''', 6),
    "escaped on one branch only": ('''
        def note(text, autoescape):
            if autoescape:
                text = escape(text)
            return mark_safe("<p>%s</p>" % text)
        ''', 8),
    "attribute": ('''
        def title(page):
            return mark_safe(page.title)
        ''', 6),
    "join of a list a helper fills": ('''
        def rows(values):
            parts = []
            fill(parts, values)
            return mark_safe("".join(parts))
        ''', 8),
    "join of a raw element": ('''
        def rows(values):
            parts = []
            for value in values:
                parts.append("<li>%s</li>" % value)
            return mark_safe("\\n".join(parts))
        ''', 9),
    "raw value in a comprehension": ('''
        def rows(values):
            return mark_safe("".join(f"<li>{v}</li>" for v in values))
        ''', 6),
    "safe test of another kind": ('''
        def maybe(value, is_safe):
            if is_safe or isinstance(value, SafeData):
                return mark_safe(value)
            return value
        ''', 7),
    "marking call inside a vetted one": ('''
        def wrap(value):
            return mark_safe(format_html("<b>{}</b>{}", escape(value), mark_safe(value)))
        ''', 6),
}


@pytest.mark.parametrize(("source", "line"), MARKUP_UNSAFE.values(), ids=MARKUP_UNSAFE.keys())
def test_b703_stays_on_markup_with_a_raw_value(source: str, line: int) -> None:
    assert ("B703", line) in unfiltered(MARKUP_HEADER + textwrap.dedent(source), MARKUP)


FILTER_SAFE = {
    "escaped when the flag is on": '''
        @register.filter(is_safe=True, needs_autoescape=True)
        def linebreaksbr(value, autoescape=True):
            autoescape = autoescape and not isinstance(value, SafeData)
            value = value.strip()
            if autoescape:
                value = escape(value)
            return mark_safe(value.replace("\\n", "<br>"))
        ''',
    "escaper chosen by the flag": '''
        @register.filter(needs_autoescape=True)
        def initial_letter(text, autoescape=True):
            esc = conditional_escape if autoescape else (lambda x: x)
            first, other = text[0], text[1:]
            result = "<strong>%s</strong>%s" % (esc(first), esc(other))
            return mark_safe(result)
        ''',
    "joined in a try, raw only with the flag off": '''
        @register.filter(is_safe=True, needs_autoescape=True)
        def join(value, arg, autoescape=True):
            try:
                if autoescape:
                    data = conditional_escape(arg).join([conditional_escape(v) for v in value])
                else:
                    data = arg.join(value)
            except TypeError:
                return value
            return mark_safe(data)
        ''',
    "raw marking in the flag-off arm": '''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True):
            if not autoescape or isinstance(value, SafeData):
                return mark_safe("<b>%s</b>" % value)
            return mark_safe("<b>%s</b>" % escape(value))
        ''',
    "rebound to a number before formatting": '''
        def ordinal(value):
            try:
                value = int(value)
            except (TypeError, ValueError):
                return value
            if value % 10 == 1:
                value = _("{}st").format(value)
            else:
                value = _("{}th").format(value)
            return mark_safe(value)
        ''',
    "a number or an empty value, by its test": '''
        def number_format(number, grouping=0):
            if number is None or number == "":
                return mark_safe(number)
            if isinstance(number, (int, float)) and not grouping:
                return mark_safe(number)
            return str(number)
        ''',
    "rendered template nodes": '''
        def render(nodes, context):
            parts = []
            for node in nodes:
                parts.append(node.render_annotated(context))
            return mark_safe("".join(parts)), SafeString("".join([n.render_annotated(context) for n in nodes]))
        ''',
    "every element rewritten in place, numbered": '''
        @register.filter(is_safe=True, needs_autoescape=True)
        def linenumbers(value, autoescape=True):
            lines = value.split("\\n")
            width = str(len(str(len(lines))))
            if not autoescape or isinstance(value, SafeData):
                for i, line in enumerate(lines):
                    lines[i] = ("%0" + width + "d. %s") % (i + 1, line)
            else:
                for i, line in enumerate(lines):
                    lines[i] = ("%0" + width + "d. %s") % (i + 1, escape(line))
            return mark_safe("\\n".join(lines))
        ''',
    "Django's helpers told to escape": '''
        from django.utils.html import linebreaks, urlize as _urlize

        @register.filter(is_safe=True, needs_autoescape=True)
        def linebreaks_filter(value, autoescape=True):
            autoescape = autoescape and not isinstance(value, SafeData)
            return mark_safe(linebreaks(value, autoescape))

        @register.filter(is_safe=True, needs_autoescape=True)
        def urlizetrunc(value, limit, autoescape=True):
            return mark_safe(_urlize(value, trim_url_limit=int(limit), nofollow=True, autoescape=autoescape))
        ''',
    "a number in the locale's format": '''
        from django.utils import formats

        def floatformat(d):
            return mark_safe(formats.number_format("%d" % (int(d)), 0, use_l10n=True))
        ''',
    "range counter": '''
        def cells(count):
            out = ""
            for n in range(count):
                out += "<td>%s</td>" % n
            return mark_safe(out)
        ''',
}


@pytest.mark.parametrize("source", FILTER_SAFE.values(), ids=FILTER_SAFE.keys())
def test_b703_is_cleared_on_markup_escaped_on_every_path_to_the_mark(source: str) -> None:
    found = unfiltered(MARKUP_HEADER + textwrap.dedent(source), MARKUP)
    assert any(code == "B308" for code, _ in found)
    assert not [code for code, _ in found if code in ("B703", "VC411", "VC001")]


def rewrite_loop(body: str) -> str:
    """A function that loops over a list's elements by `enumerate()` with `body` (unindented) as the loop's body."""
    return (
        "\ndef numbered(lines):\n    lines = list(lines)\n    for i, line in enumerate(lines):\n"
        + textwrap.indent(body, " " * 8) + '\n    return mark_safe("<br>".join(lines))\n'
    )


FILTER_UNSAFE = {
    "raw value marked with the flag on": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True):
            if not autoescape:
                value = escape(value)
            return mark_safe("<b>%s</b>" % value)
        ''', 9),
    "raw value in the flag-on arm": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True):
            if autoescape:
                return mark_safe(f"<b>{value}</b>")
            return mark_safe(value)
        ''', 8),
    "flag widened": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True, force=False):
            autoescape = autoescape or force
            if autoescape:
                value = escape(value)
            return mark_safe(value)
        ''', 10),
    "flag narrowed by another value's safety": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True, label=""):
            autoescape = autoescape and not isinstance(label, SafeData)
            if autoescape:
                value = escape(value)
            return mark_safe(value)
        ''', 10),
    "flag-off arm taken for another value's safety": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True, label=""):
            if not autoescape or isinstance(label, SafeData):
                return mark_safe(value)
            return escape(value)
        ''', 8),
    "no needs_autoescape": ('''
        @register.filter(is_safe=True)
        def bold(value, autoescape=True):
            if autoescape:
                value = escape(value)
            return mark_safe(value)
        ''', 9),
    "escaper chosen when the flag is off": ('''
        @register.filter(needs_autoescape=True)
        def bold(value, autoescape=True):
            esc = (lambda x: x) if autoescape else conditional_escape
            return mark_safe("<b>%s</b>" % esc(value))
        ''', 8),
    "escaped after the mark": ('''
        def bold(value):
            marked = mark_safe(value)
            value = escape(value)
            return marked, value
        ''', 6),
    "raw on the path a break takes": ('''
        def first(values):
            out = ""
            for value in values:
                out = value
                if value:
                    break
                out = escape(value)
            return mark_safe(out)
        ''', 12),
    "raw where the handler starts": ('''
        def title(value):
            text = "untitled"
            try:
                text = value
                text = escape(text)
            except ValueError:
                return mark_safe(text)
            return text
        ''', 11),
    "request data in a filter": ('''
        @register.filter(needs_autoescape=True)
        def greet(request, autoescape=True):
            name = request.GET["name"]
            if autoescape:
                return mark_safe(f"<b>{name}</b>")
            return name
        ''', 9),
    "tested for a string": ('''
        def show(value):
            if isinstance(value, (int, str)):
                return mark_safe(value)
        ''', 7),
    "compared with another value": ('''
        def show(value, other):
            if value == other or value is None:
                return mark_safe(value)
        ''', 7),
    "number test only on one arm": ('''
        def show(value):
            if isinstance(value, int):
                pass
            return mark_safe(value)
        ''', 8),
    "Django's helper not told to escape": ('''
        from django.utils.html import linebreaks, urlize

        @register.filter(is_safe=True, needs_autoescape=True)
        def linebreaks_filter(value, autoescape=True):
            return mark_safe(linebreaks(value))
        ''', 9),
    "Django's helper told not to escape": ('''
        from django.utils.html import urlize

        @register.filter(is_safe=True, needs_autoescape=True)
        def urlize_filter(value, autoescape=True):
            return mark_safe(urlize(value, autoescape=False))
        ''', 9),
    "Django's helper given a flag outside a filter": ('''
        from django.utils.html import linebreaks

        def paragraphs(value, autoescape=True):
            return mark_safe(linebreaks(value, autoescape))
        ''', 8),
    "a raw value in the locale's format": ('''
        from django.utils import formats

        def price(value):
            return mark_safe(formats.number_format(value, 2))
        ''', 8),
    "table updated with raw values": ('''
        def cells(values):
            table = {"a": "<b>"}
            table.update(values)
            return mark_safe(table["a"])
        ''', 8),
    "table updated by keyword": ('''
        def cells(value):
            table = {"a": "<b>"}
            table.update(a=value)
            return mark_safe(table["a"])
        ''', 8),
    "set filled with a raw value": ('''
        def tags(value):
            seen = {"<hr>"}
            seen.add(value)
            return mark_safe(" ".join(seen))
        ''', 8),
    "raw value added to an element": ('''
        def tags(value, key):
            parts = {"a": ""}
            parts[key] += value
            return mark_safe(parts[key])
        ''', 8),
    "raw where a context manager swallows the error": ('''
        import contextlib

        def title(value):
            text = escape(value)
            with contextlib.suppress(ValueError):
                text = value
                text = escape(text.strip())
            return mark_safe(text)
        ''', 12),
    "rewrite skipped by continue": (rewrite_loop("if not line:\n    continue\nlines[i] = escape(line)"), 11),
    "rewrite on one branch": (rewrite_loop("if line:\n    lines[i] = escape(line)"), 10),
    "rewrite of a raw value": (rewrite_loop("lines[i] = line.strip()"), 9),
    "rewrite with another counter": (rewrite_loop("i = 0\nlines[i] = escape(line)"), 10),
    "rewrite while appending": (rewrite_loop("lines[i] = escape(line)\nlines.append(line)"), 10),
    "rewrite from a later start": (rewrite_loop("lines[i] = escape(line)").replace(
        "enumerate(lines)", "enumerate(lines, 1)"), 9),
}


@pytest.mark.parametrize(("source", "line"), FILTER_UNSAFE.values(), ids=FILTER_UNSAFE.keys())
def test_b703_stays_where_a_path_marks_a_raw_value(source: str, line: int) -> None:
    assert ("B703", line) in unfiltered(MARKUP_HEADER + textwrap.dedent(source), MARKUP)


def test_b703_is_cleared_on_a_list_whose_every_element_is_rewritten_escaped() -> None:
    found = unfiltered(MARKUP_HEADER + rewrite_loop("lines[i] = escape(line)"), MARKUP)
    assert ("B308", 9) in found
    assert not [code for code, _ in found if code in ("B703", "VC411", "VC001")]


def test_b703_stays_where_the_flow_proof_runs_past_its_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    source = MARKUP_HEADER + textwrap.dedent(FILTER_SAFE["escaped when the flag is on"])
    assert ("B703", 11) not in unfiltered(source, MARKUP)
    monkeypatch.setattr(_markup_flow, "MAX_STATEMENTS", 3)  # fewer than the filter's statements
    assert ("B703", 11) in unfiltered(source, MARKUP)


def test_b704_is_cleared_on_markup_escaped_by_markupsafe() -> None:
    found = unfiltered('''
        from markupsafe import Markup, escape

        def greet(name, raw):
            return Markup("<b>%s</b>" % escape(name)), Markup(raw)
        ''', MARKUP)
    assert [line for code, line in found if code == "B704"] == [5]


def test_b301_is_cleared_on_loads_vc406_proves_trusted_and_kept_on_others() -> None:
    found = unfiltered('''
        import pickle

        import yaml

        def copies(obj, data):
            clone = pickle.loads(pickle.dumps(obj))
            with open("fixtures/settings.yml") as stream:
                settings = yaml.load(stream, Loader=yaml.Loader)
            return clone, settings, pickle.loads(data)
        ''', Settings(select=("B", "VC406")))
    assert [(code, line) for code, line in found if code in ("B301", "B506", "VC406")] == [("B301", 10), ("VC406", 10)]


def test_b301_and_b506_are_cleared_where_the_caller_opted_in_or_the_loader_derives_from_a_safe_one() -> None:
    found = unfiltered('''
        import pickle

        import yaml

        class TupleLoader(yaml.SafeLoader):
            pass

        def load(data, text, allow_pickle=False):
            settings = yaml.load(text, Loader=TupleLoader)
            if not allow_pickle:
                raise ValueError("pass allow_pickle=True for data you trust")
            return settings, pickle.loads(data)

        def load_any(data, text):
            return yaml.load(text, Loader=yaml.Loader), pickle.loads(data)
        ''', Settings(select=("B", "VC406")))
    assert [(code, line) for code, line in found if code in ("B301", "B506", "VC406")] == [
        ("B301", 16), ("B506", 16), ("VC406", 16), ("VC406", 16)]


def test_b615_is_cleared_on_a_builder_shipped_in_datasets_and_kept_on_a_hub_repository() -> None:
    """`load_dataset("csv", data_files=...)` runs a builder of the installed package on the files given: no Hub
    repository is fetched, so there is no revision to pin. A repository name, literal or chosen at run time, keeps it;
    so does a download nested in the builder's arguments."""
    found = unfiltered('''
        from datasets import load_dataset as load
        from huggingface_hub import hf_hub_download

        def tables(file_path, name):
            rows = load("csv", data_files=file_path)["train"]
            records = load(path="json", data_files={"train": file_path}, split="train")
            hub = load("org/reviews", split="train")
            chosen = load(name)
            fetched = load("parquet", data_files=hf_hub_download(repo_id="org/data", filename="t.parquet"))
            return rows, records, hub, chosen, fetched
        ''', Settings(select=("B", "VC406")))
    assert [(code, line) for code, line in found if code in ("B615", "VC406")] == [("B615", 8), ("B615", 9), ("B615", 10)]


def test_b506_is_cleared_on_a_safe_pyyaml_loader_bandit_does_not_know_and_kept_on_an_unsafe_one() -> None:
    """Bandit accepts `SafeLoader` by name alone: `BaseLoader` (here under the name `CBaseLoader` was imported as)
    builds only strings, maps and lists."""
    found = unfiltered('''
        import yaml

        try:
            from yaml import CBaseLoader as BaseLoader
        except ImportError:
            from yaml import BaseLoader

        def routing(text):
            routes = yaml.load(text, Loader=BaseLoader)
            return routes, yaml.load(text, Loader=yaml.FullLoader)
        ''', Settings(select=("B", "VC406")))
    assert [(code, line) for code, line in found if code in ("B506", "VC406")] == [("B506", 11), ("VC406", 11)]


def test_b310_is_cleared_where_the_code_fixes_the_scheme_as_http_and_kept_where_the_url_comes_in() -> None:
    """Bandit's B310 asks to audit `urlopen` for `file:` and custom schemes: a URL that starts with `https://` as
    written (also through a `Request`, a name bound once, an f-string) has none to audit; a name bound again, also
    by `:=`, may hold another URL."""
    found = unfiltered('''
        import urllib.request
        from urllib.request import Request, urlopen

        STATUS = "https://api.example.com/v1/status"

        def pwned(sha1):
            req = urllib.request.Request(url=f"https://api.pwnedpasswords.com/range/{sha1[:5]}", headers={})
            with urllib.request.urlopen(req, timeout=5) as f:
                return f.read()

        def status():
            return urlopen(STATUS, timeout=5).read(), urlopen("http://" + HOST + "/ping", timeout=5)

        def fetch(url, host):
            first = urlopen(url, timeout=5)
            second = urlopen(Request(url), timeout=5)
            third = urlopen(f"{host}/status", timeout=5)
            target = "https://api.example.com"
            if host:
                target = host
            return first, second, third, urlopen(target, timeout=5)

        def walrus(host):
            url = "https://api.example.com"
            if (url := host) or (found := urlopen("https://api.example.com/ping", timeout=5)):
                return found
            return urlopen(url, timeout=5)
        ''', Settings(select=("B", "VC418")))
    assert [line for code, line in found if code == "B310"] == [16, 17, 18, 22, 28]


def test_b110_is_cleared_on_handlers_vc101_judges_decided_and_kept_on_swallowed_ones() -> None:
    found = unfiltered('''
        def finish(stream, work):
            try:
                stream.close()
            except Exception:
                pass
            try:
                work()
            except Exception:  # pylint: disable=broad-except
                pass
            try:
                work()
            except Exception:
                pass
        ''', Settings(select=("B", "VC101")))
    assert [(code, line) for code, line in found if code in ("B110", "VC101")] == [("B110", 13), ("VC101", 13)]


HASH = Settings(select=("B", "VC205"))
HASH_SAFE = {
    "etag function": '''
        from hashlib import sha1

        def generate_etag(data):
            return sha1(data).hexdigest()
        ''',
    "cache key assigned": '''
        import hashlib

        def lookup(cache, url):
            cache_key = "page:" + hashlib.md5(url.encode()).hexdigest()
            return cache.get(cache_key)
        ''',
    "cache call and etag keyword": '''
        import hashlib

        def store(cache, response, url, body):
            cache.set(hashlib.md5(url.encode()).hexdigest(), body)
            response.set_etag(hashlib.sha1(body).hexdigest())
            return make_response(body, etag=hashlib.md5(body).hexdigest())
        ''',
    "ETag header": '''
        import hashlib

        def send(body, response):
            response.headers["ETag"] = hashlib.md5(body).hexdigest()
            return body, 200, {"ETag": hashlib.sha1(body).hexdigest()}
        ''',
    "hash object read into a fingerprint": '''
        import hashlib

        def scan(path, seen):
            h = hashlib.md5()
            with open(path, "rb") as stream:
                h.update(stream.read())
            fingerprint = h.hexdigest()
            seen.add(fingerprint)
        ''',
    "helper a cache-key method calls": '''
        import hashlib

        class Loader:
            def cache_key(self, name, skip):
                return "-".join((name, self.generate_hash(skip)))

            def generate_hash(self, values):
                return hashlib.sha1("|".join(values).encode()).hexdigest()
        ''',
    "HTTP Digest authentication": '''
        import hashlib
        import os

        class HTTPDigestAuth:
            def build_digest_header(self, method, url, realm, nonce, qop):
                def md5_utf8(x):
                    return hashlib.md5(x.encode()).hexdigest()

                cnonce = hashlib.sha1(os.urandom(8)).hexdigest()[:16]
                return md5_utf8(f"{realm}:{nonce}:{cnonce}:{qop}")
        ''',
    "digest method of a signer": '''
        import hashlib

        def _lazy_sha1(string=b""):
            return hashlib.sha1(string)

        class SessionInterface:
            digest_method = staticmethod(_lazy_sha1)
        ''',
    "default digest method of a signer, annotated": '''
        import hashlib
        import typing as t

        def _lazy_sha1(string: bytes = b"") -> t.Any:
            return hashlib.sha1(string)

        class HMACAlgorithm:
            default_digest_method: t.Any = staticmethod(_lazy_sha1)
        ''',
    "HMAC digests": '''
        import hashlib
        import hmac

        def _md5(data=b""):
            return hashlib.md5(data)

        def sign(key, message):
            first = hmac.new(key, message, _md5).hexdigest()
            return first, hmac.new(key, message, digestmod=lambda d=b"": hashlib.sha1(d)).hexdigest()
        ''',
    "WebSocket accept key with the GUID in a constant": '''
        import base64
        import hashlib

        WS_KEY = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

        def accept_value(key):
            return base64.b64encode(hashlib.sha1(key.encode() + WS_KEY).digest()).decode()
        ''',
    "WebSocket accept key with the GUID fed to the hash object": '''
        import hashlib

        def compute_accept_value(key):
            sha1 = hashlib.sha1()
            sha1.update(key)
            sha1.update(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
            return sha1.digest()
        ''',
    "WebSocket accept key checked against the header": '''
        import base64
        import hashlib

        from .http import WS_KEY, hdrs

        def check_handshake(response, sec_key):
            expected = response.headers.get(hdrs.SEC_WEBSOCKET_ACCEPT, "")
            return expected == base64.b64encode(hashlib.sha1(sec_key + WS_KEY).digest()).decode()
        ''',
    "hash object asked only for its size": '''
        import os
        from hashlib import sha1

        def new_salt():
            return os.urandom(sha1().digest_size)
        ''',
    "lookup key naming what it looks up": '''
        from hashlib import sha1

        def get_template_key(name):
            return "tmpl_" + sha1(name.encode("utf-8")).hexdigest()
        ''',
    "file named after its key": '''
        import hashlib

        class FileStorage:
            def _counter_filename(self, key):
                return hashlib.md5(key.encode("utf8")).hexdigest()
        ''',
    "name in the page's markup": '''
        import hashlib

        def to_css_class(s):
            md5_suffix = hashlib.md5(s.encode("utf8")).hexdigest()[:6]
            return f"{s}-{md5_suffix}"

        def listing(names):
            return [{"name": n, "color": hashlib.md5(n.encode()).hexdigest()[:6],
                     "domId": hashlib.sha1(n.encode()).hexdigest()} for n in names]
        ''',
    "file path built around the hash": '''
        import hashlib
        from os import path

        def counter_path(root, key):
            return path.join(root, "counters", hashlib.md5(key).hexdigest())
        ''',
    "certificate thumbprint in a JOSE header": '''
        import base64
        import hashlib

        def assertion_header(der):
            return {"alg": "RS256", "x5t": base64.urlsafe_b64encode(hashlib.sha1(der).digest()).decode()}
        ''',
    "a key under a prefix (django-waffle's cache keys)": '''
        import hashlib

        def keyfmt(k, v=None):
            prefix = get_setting("CACHE_PREFIX") + VERSION
            if v is None:
                return prefix + k
            key = prefix + hashlib.md5((k % v).encode("utf-8")).hexdigest()
            return key
        ''',
    "a key under a namespace in an f-string": '''
        import hashlib

        class Store:
            def key_for(self, name):
                return f"{self.key_namespace}:{hashlib.sha1(name.encode()).hexdigest()[:16]}"
        ''',
    "SQL functions": '''
        from hashlib import md5

        def register(connection):
            connection.create_function("MD5", 1, _sqlite_md5)

        def _sqlite_md5(text):
            return md5(text.encode()).hexdigest()
        ''',
}


@pytest.mark.parametrize("source", HASH_SAFE.values(), ids=HASH_SAFE.keys())
def test_b324_is_cleared_where_vc205_reads_the_hash_as_no_protection(source: str) -> None:
    assert not [code for code, _ in unfiltered(source, HASH) if code in ("B324", "VC205")]


def test_b324_stays_without_vc205() -> None:
    assert ("B324", 5) in unfiltered(HASH_SAFE["etag function"], Settings(select=("B",)))


HASH_UNSAFE = {
    "a default hash kept as a static method, no HMAC's digest": ('''
        import hashlib

        def _sha1(data=b""):
            return hashlib.sha1(data)

        class Fingerprints:
            default_hash = staticmethod(_sha1)
        ''', 5),
    "signature": ('''
        import hashlib

        def sign(secret, payload):
            signature = hashlib.md5(secret + payload).hexdigest()
            return signature
        ''', 5),
    "token in a cache-named function": ('''
        import hashlib

        def cache_token(token):
            return hashlib.sha1(token.encode()).hexdigest()
        ''', 5),
    "token cache key": ('''
        import hashlib

        def remember(user):
            token_cache_key = hashlib.md5(user.email.encode()).hexdigest()
            return token_cache_key
        ''', 5),
    "PIN with a salt": ('''
        import hashlib

        def hash_pin(pin):
            return hashlib.sha1(f"{pin} added salt".encode()).hexdigest()[:12]
        ''', 5),
    "digest-named class without digest authentication": ('''
        import hashlib

        class MessageDigest:
            def sign(self, key, body):
                return hashlib.md5(key + body).hexdigest()
        ''', 6),
    "a helper a cache-key function calls, also called to sign": ('''
        import hashlib

        def cache_key(values):
            return "k-" + sign(values)

        def sign(values):
            return hashlib.md5("|".join(values).encode()).hexdigest()

        def send(values):
            return {"values": values, "signature": sign(values)}
        ''', 8),
    "a signature in a module that also does the WebSocket handshake": ('''
        import hashlib

        WS_KEY = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

        def sign(secret, payload):
            return hashlib.md5(secret + payload).hexdigest()
        ''', 7),
    "a hash object whose size is read after hashing": ('''
        from hashlib import sha1

        def sign(secret, payload):
            return sha1(secret + payload).digest_size, sha1(secret + payload).hexdigest()
        ''', 5),
    "a bare key": ('''
        import hashlib

        def make_key(passphrase):
            return hashlib.md5(passphrase.encode()).digest()
        ''', 5),
    "a lookup-named key of a secret": ('''
        import hashlib

        def token_lookup_key(token):
            return hashlib.md5(token.encode()).hexdigest()
        ''', 5),
    "a joined string, no path": ('''
        import hashlib

        def sign(secret, payload):
            return ":".join([payload, hashlib.md5(secret + payload).hexdigest()])
        ''', 5),
    "a token's file name": ('''
        import hashlib

        def token_filename(token):
            return hashlib.md5(token.encode()).hexdigest()
        ''', 5),
    "an id that only ends like a markup name": ('''
        import hashlib

        def random_id(seed):
            return hashlib.md5(seed.encode()).hexdigest()
        ''', 5),
    "a token's element id": ('''
        import hashlib

        def token_element_id(token):
            return hashlib.md5(token.encode()).hexdigest()
        ''', 5),
    "a digest after a token's prefix": ('''
        import hashlib

        def issue(user_id, secret):
            return TOKEN_PREFIX + hashlib.md5(f"{user_id}{secret}".encode()).hexdigest()
        ''', 5),
    "a digest after a literal, not a named prefix": ('''
        import hashlib

        def sign(secret, payload):
            return "sig:" + hashlib.md5(secret + payload).hexdigest()
        ''', 5),
    "a raw digest after a prefix (bytes: a key's material)": ('''
        import hashlib

        def derive(prefix, passphrase):
            return prefix + hashlib.md5(passphrase).digest()
        ''', 5),
    "a prefix after the digest": ('''
        import hashlib

        def sign(secret, prefix):
            return hashlib.md5(secret).hexdigest() + prefix
        ''', 5),
    "a helper no content-id function calls": ('''
        import hashlib

        def generate_hash(values):
            return hashlib.sha1("|".join(values).encode()).hexdigest()

        def api_signature(values):
            return generate_hash(values)
        ''', 5),
}


@pytest.mark.parametrize(("source", "line"), HASH_UNSAFE.values(), ids=HASH_UNSAFE.keys())
def test_b324_stays_on_hashes_that_protect_something(source: str, line: int) -> None:
    assert ("B324", line) in unfiltered(source, HASH)


def test_b324_gives_way_to_vc205_on_a_password_also_in_a_cache_named_function() -> None:
    found = unfiltered('''
        import hashlib

        def cache_credentials(password):
            return hashlib.md5(password.encode()).hexdigest()
        ''', HASH)
    assert ("VC205", 5) in found and ("B324", 5) in found  # left for the filter stage, which drops it for VC205's


RUNS = Settings(select=("B", "VC413"))


def severities(source: str, settings: Settings = RUNS) -> list[tuple[str, int, str]]:
    """(code, line, severity) of every finding before the filter stage."""
    result = Pipeline(settings).check_bytes("app/mod.py", "app/mod.py", textwrap.dedent(source).encode())
    assert not result.errors
    return sorted((f.code, f.location.start.line, f.severity.value) for f in result.findings)


FILE_RUNS = {
    "config file through compile": ('''
        import types

        def from_pyfile(root, filename):
            d = types.ModuleType("config")
            with open(root + filename, mode="rb") as config_file:
                exec(compile(config_file.read(), filename, "exec"), d.__dict__)
            return d
        ''', "B102", 7),
    "startup script by eval": ('''
        import os

        def shell():
            ctx = {}
            startup = os.environ.get("PYTHONSTARTUP")
            if startup and os.path.isfile(startup):
                with open(startup) as f:
                    eval(compile(f.read(), startup, "exec"), ctx)
        ''', "B307", 9),
    "contents read into a name first": ('''
        import os

        def run_rc(namespace):
            for pythonrc in (os.environ.get("PYTHONSTARTUP"), "~/.pythonrc.py"):
                with open(pythonrc) as handle:
                    pythonrc_code = handle.read()
                exec(compile(pythonrc_code, pythonrc, "exec"), namespace)
        ''', "B102", 8),
    "pathlib and a module-level version file": ('''
        from pathlib import Path

        about = {}
        exec(Path("src/pkg/__about__.py").read_text(), about)
        exec(open("src/pkg/version.py").read(), about)
        ''', "B102", 5),
    "compiled code object": ('''
        from types import CodeType

        def from_code(environment, code: CodeType, globals):
            namespace = {"environment": environment}
            exec(code, namespace)
            return namespace
        ''', "B102", 6),
    "code object compiled from literals": ('''
        from types import CodeType

        def fake_traceback(lineno, filename):
            code: CodeType = compile("\\n" * lineno + "raise __exc__", filename, "exec")
            exec(code, {}, {})
        ''', "B102", 6),
}


@pytest.mark.parametrize(("source", "code", "line"), FILE_RUNS.values(), ids=FILE_RUNS.keys())
def test_exec_of_a_file_the_program_names_is_a_notice(source: str, code: str, line: int) -> None:
    assert (code, line, "info") in severities(source)


def test_exec_of_a_file_stays_failing_without_vc413() -> None:
    source, code, line = FILE_RUNS["config file through compile"]
    assert (code, line, "medium") in severities(source, Settings(select=("B",)))


CODE_RUNS = {
    "code object not declared as one": ('''
        def from_code(environment, code, globals):
            namespace = {"environment": environment}
            exec(code, namespace)
            return namespace
        ''', "B102", 4),
    "request body": ('''
        from flask import Flask, request

        app = Flask(__name__)

        @app.post("/run")
        def run():
            exec(request.get_data(as_text=True), {})
        ''', "B102", 8),
    "file named by the client": ('''
        from flask import Flask, request

        app = Flask(__name__)

        @app.post("/run")
        def run():
            with open(request.args["script"]) as f:
                exec(f.read(), {})
        ''', "B102", 9),
    "file named on the command line": ('''
        import sys

        def main():
            source = open(sys.argv[1]).read()
            exec(source)
        ''', "B102", 6),
    "model output": ('''
        import openai

        def solve(question):
            answer = openai.chat.completions.create(model="m", messages=[{"role": "user", "content": question}])
            return eval(answer.choices[0].message.content)
        ''', "B307", 6),
    "name rebound to other text after the read": ('''
        def run(path, payload):
            code = open(path).read()
            code = payload
            exec(code)
        ''', "B102", 5),
    "generated code": ('''
        def make(name, args):
            definition = "def %s(%s): return 1" % (name, args)
            namespace = {}
            exec(definition, namespace)
            return namespace[name]
        ''', "B102", 5),
}


@pytest.mark.parametrize(("source", "code", "line"), CODE_RUNS.values(), ids=CODE_RUNS.keys())
def test_exec_of_code_from_elsewhere_keeps_failing(source: str, code: str, line: int) -> None:
    found = severities(source, Settings(select=("B", "VC401", "VC413")))
    assert (code, line, "info") not in found
    assert any(c == code and ln == line for c, ln, _ in found)


TAGGED_MARKUP = '''
    from markupsafe import Markup

    class TagMarkup:
        key = " m"

        def to_json(self, value):
            return str(value.__html__())

        def to_python(self, value):
            return Markup(value)

        def tag(self, value):
            return {self.key: Markup(value)}
    '''


def test_b704_is_a_notice_where_a_serializer_restores_the_markup_it_stored() -> None:
    found = severities(TAGGED_MARKUP, MARKUP)
    assert [(line, severity) for code, line, severity in found if code == "B704"] == [(11, "info"), (14, "medium")]


def test_b704_stays_on_loading_markup_a_class_never_stored() -> None:
    found = severities(TAGGED_MARKUP.replace("value.__html__()", "value"), MARKUP)
    assert [(line, severity) for code, line, severity in found if code == "B704"] == [(11, "medium"), (14, "medium")]


def test_b704_stays_on_a_loader_that_marks_something_else_than_its_parameter() -> None:
    source = TAGGED_MARKUP.replace("return Markup(value)", "return Markup(request.cookies['m'])").replace(
        "from markupsafe import Markup", "from flask import request\n    from markupsafe import Markup")
    found = severities(source, MARKUP)
    assert ("B704", 12, "medium") in found and ("B704", 12, "info") not in found


FTP = Settings(select=("B", "VC418"))


def test_b321_gives_way_to_vc418_on_the_client_whose_login_it_reports() -> None:
    found = unfiltered('''
        from ftplib import FTP

        def stat_file(host, user, password, path):
            with FTP() as ftp:
                ftp.connect(host)
                ftp.login(user, password)
                return ftp.size(path)
        ''', FTP)
    assert ("VC418", 7) in found and ("B321", 5) not in found


def test_b321_is_cleared_on_a_plain_client_chosen_by_a_tls_flag() -> None:
    found = unfiltered('''
        import ssl
        from ftplib import FTP, FTP_TLS

        def store(host, user, password, tls=False):
            ftp = FTP_TLS(context=ssl.create_default_context()) if tls else FTP()
            ftp.connect(host)
            ftp.login(user, password)
        ''', FTP)
    assert not [code for code, line in found if code == "B321" and line == 6]


def test_b321_stays_on_a_plain_client_that_vc418_does_not_report() -> None:
    found = unfiltered('''
        from ftplib import FTP

        def download(host, name, out):
            ftp = FTP(host)
            ftp.login()
            ftp.retrbinary("RETR " + name, out.write)
            return FTP(host) if name else None
        ''', FTP)
    assert ("B321", 5) in found and ("B321", 8) in found and not [code for code, _ in found if code == "VC418"]


MARKUPSAFE_CLEARED = {
    "read back as text": '''
        from markupsafe import Markup

        def striptags(value):
            return Markup(str(value)).striptags(), Markup(value).unescape()
        ''',
    "specials replaced": '''
        import json

        from markupsafe import Markup

        def json_for_script(obj):
            return Markup(json.dumps(obj).replace("<", "\\\\u003c").replace(">", "\\\\u003e").replace("&", "\\\\u0026"))
        ''',
    "specials translated": '''
        from markupsafe import Markup

        _script_escapes = {ord(">"): "\\\\u003E", ord("<"): "\\\\u003C", ord("&"): "\\\\u0026", ord("'"): None}


        def escape_for_script(value):
            return Markup(str(value).translate(_script_escapes)), Markup(value.translate(str.maketrans({
                "<": "&lt;", ">": "&gt;", "&": "&amp;"})))
        ''',
    "marked input kept marked": '''
        from markupsafe import Markup

        def indent(s, width):
            indention = width if isinstance(width, str) else " " * width
            if isinstance(s, Markup):
                indention = Markup(indention)
            return indention + s
        ''',
    "pasted by markupsafe's markup": '''
        from flask import Markup as M
        from wtforms.widgets import html_params

        ROW = M("<li>{name}</li>")

        def listing(names, name, title, field, **kwargs):
            item = ROW.format_map({"name": name})
            sep = M()
            return (M(item), M(M("<br>").join(names)), M(M("<i>%s</i>") % title), M(M("<b>") + title),
                    M(sep.join(names)), M(f"<select {html_params(name=field.name, **kwargs)}></select>"),
                    M(f"<b>{M.escape(title)}</b>"), M(title + M("<br>")))
        ''',
}


@pytest.mark.parametrize("source", MARKUPSAFE_CLEARED.values(), ids=MARKUPSAFE_CLEARED.keys())
def test_b704_is_cleared_on_markup_read_as_text_escaped_by_replacing_or_kept_marked(source: str) -> None:
    assert not [code for code, _ in unfiltered(source, MARKUP) if code in ("B704", "VC411", "VC001")]


MARKUPSAFE_KEPT = {
    "marked then rendered": ('''
        from markupsafe import Markup

        def bio(value):
            return Markup(value).upper()
        ''', 5),
    "only some specials replaced": ('''
        from markupsafe import Markup

        def quote_free(value):
            return Markup(value.replace("<", "&lt;").replace('"', "&quot;"))
        ''', 5),
    "replaced by markup": ('''
        from markupsafe import Markup

        def breaks(value):
            return Markup(value.replace("<", "<br>").replace(">", "").replace("&", ""))
        ''', 5),
    "only some specials translated": ('''
        from markupsafe import Markup

        _escapes = {ord("<"): "&lt;", ord(">"): "&gt;"}

        def quote_free(value):
            return Markup(value.translate(_escapes))
        ''', 7),
    "specials translated to markup": ('''
        from markupsafe import Markup

        def breaks(value):
            return Markup(value.translate({60: "<br>", 62: "", 38: ""}))
        ''', 5),
    "table rebound": ('''
        from markupsafe import Markup

        def script(value, table):
            escapes = {ord("<"): "", ord(">"): "", ord("&"): ""}
            if table:
                escapes = table
            return Markup(value.translate(escapes))
        ''', 8),
    "guard on another type": ('''
        from markupsafe import Markup

        def indent(s, width):
            if isinstance(s, str):
                return Markup(width + s)
            return s
        ''', 6),
    "text pasted into a caller's markup": ('''
        from markupsafe import Markup

        def bold(template, value):
            return Markup(Markup(template).format(value))
        ''', 5),
    "markup pasted into text": ('''
        from markupsafe import Markup

        def bold(value):
            return Markup("<b>{}</b>".format(value))
        ''', 5),
    "name bound to text too": ('''
        from markupsafe import Markup

        def bold(value, plain):
            row = Markup("<b>{}</b>")
            if plain:
                row = "<b>{}</b>"
            return Markup(row.format(value))
        ''', 8),
    "markup of text added to text": ('''
        from markupsafe import Markup

        def bold(value, tail):
            return Markup(value + Markup(tail))
        ''', 5),
}


@pytest.mark.parametrize(("source", "line"), MARKUPSAFE_KEPT.values(), ids=MARKUPSAFE_KEPT.keys())
def test_b704_stays_on_markup_that_is_rendered_half_escaped_or_unguarded(source: str, line: int) -> None:
    assert ("B704", line) in unfiltered(source, MARKUP)


ARCHIVES = '''
    import io
    import tarfile

    def unpack(data, dest, filter_name):
        with tarfile.open(fileobj=io.BytesIO(data)) as tf:
            tf.extractall(dest, filter="data")
            tf.extractall(dest, filter=tarfile.data_filter)
            tf.extractall(dest, filter="fully_trusted")
            tf.extractall(dest, filter=filter_name)
            tf.extractall(dest)
    '''


def test_b202_is_cleared_on_extraction_with_pep_706_filter_only() -> None:
    found = unfiltered(ARCHIVES, Settings(select=("B", "VC405")))
    assert [line for code, line in found if code == "B202"] == [9, 10, 11]


def test_b202_is_cleared_on_a_call_of_the_modules_own_extractor_only() -> None:
    found = unfiltered('''
        import tarfile

        from helpers import unsafe_extractall

        def _safe_extractall(tf, dest):
            for member in tf.getmembers():
                check(member, dest)
            tf.extractall(dest)

        def unpack(tf, dest):
            _safe_extractall(tf, dest)
            unsafe_extractall(tf, dest)
        ''', Settings(select=("B", "VC405")))
    assert [line for code, line in found if code == "B202"] == [9, 13]


def test_b704_is_cleared_on_markdown_of_a_field_its_class_documents_as_fixed_and_kept_on_the_others() -> None:
    found = unfiltered('''
        import markdown
        from markupsafe import Markup

        class TextPanel:
            """A panel of text.

            Args:
                content: Static markdown or plain text.
                notes: What readers wrote under the panel.
            """

            def content_html(self):
                return Markup(markdown.markdown(self.content))

            def notes_html(self):
                return Markup(markdown.markdown(self.notes))
        ''', Settings(select=("B", "VC427")))
    assert [line for code, line in found if code == "B704"] == [17]


def test_b301_is_cleared_on_a_shelf_made_new_and_kept_on_the_shelf_read_back() -> None:
    found = unfiltered('''
        import shelve

        def load_state(path):
            with shelve.open(path) as state:
                return state["events"]

        def save_state(path, events):
            with shelve.open(path, flag="n") as state:
                state["events"] = events
        ''', Settings(select=("B", "VC406")))
    assert [(code, line) for code, line in found if code in ("B301", "VC406")] == [("B301", 5), ("VC406", 5)]
