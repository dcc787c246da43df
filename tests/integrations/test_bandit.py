"""Bandit inside vibecheck: same codes and lines as bandit, nosec, test-file defaults, dedup, crashes, redaction."""

from __future__ import annotations

import ast
import pickle
import re
import sys
import textwrap
from importlib.metadata import version

import pytest

from tests.conftest import REPO_ROOT
from vibecheck.dedupe import drop_superseded, superseding_map
from vibecheck.integrations import bandit as integration
from vibecheck.integrations.bandit import (
    SUPPORTED_BANDIT,
    BanditOptions,
    bandit_rules,
    blocks_build,
    run_bandit,
)
from vibecheck.model import Category, Confidence, Finding, Location, Position, Severity
from vibecheck.rule import SourceHints

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def run(source: str, *, options: BanditOptions | None = None, is_test_file: bool = False, path: str = "app/mod.py"):
    findings, errors = run_bandit(path, textwrap.dedent(source), options or BanditOptions(), is_test_file=is_test_file)
    assert errors == []
    return findings


def codes_and_lines(findings: list[Finding]) -> list[tuple[str, int]]:
    return sorted((f.code, f.location.start.line) for f in findings)


SHELL = """\
import subprocess

def run(cmd):
    subprocess.Popen(cmd, shell=True)
"""


def test_plugin_finding_keeps_bandit_metadata() -> None:
    [finding] = [f for f in run(SHELL) if f.code == "B602"]
    assert finding.name == "subprocess_popen_with_shell_equals_true"
    assert finding.source == "bandit"
    assert finding.category is Category.SECURITY
    assert finding.severity is Severity.HIGH and finding.confidence is Confidence.HIGH
    assert finding.cwe == (78,)
    assert "shell=True" in finding.message
    assert finding.help_uri and finding.help_uri.endswith("b602_subprocess_popen_with_shell_equals_true.html")
    assert finding.location == Location("app/mod.py", Position(4, 5), Position(4, 38))
    assert finding.line_text == "    subprocess.Popen(cmd, shell=True)"


def test_blacklist_findings_use_the_blacklist_name() -> None:
    findings = run("""\
        import pickle
        import hashlib

        def load(blob):
            digest = hashlib.md5(blob).hexdigest()
            return pickle.loads(blob), digest
        """)
    assert codes_and_lines(findings) == [("B301", 6), ("B324", 5), ("B403", 1)]
    by_code = {f.code: f for f in findings}
    assert by_code["B301"].name == "pickle" and by_code["B301"].cwe == (502,)
    assert by_code["B403"].name == "import_pickle"
    assert by_code["B403"].severity is Severity.INFO  # a notice: the load itself is B301's
    assert by_code["B301"].severity is Severity.MEDIUM


def test_import_and_random_notices_do_not_fail_the_build() -> None:
    findings = run("""\
        import ftplib
        import random
        from xml.dom import minidom

        def jitter(delay, text):
            return delay * random.random(), minidom.parseString(text)

        def listing(host):
            return ftplib.FTP(host).nlst()
        """)
    severities = {f.code: f.severity for f in findings}
    assert severities["B408"] is Severity.INFO and severities["B311"] is Severity.INFO
    assert severities["B402"] is Severity.INFO  # a notice: the connection itself is B321's (and VC418's)
    assert severities["B318"] is Severity.MEDIUM and severities["B321"] is Severity.HIGH


def test_b503_points_at_the_default_that_names_the_bad_protocol() -> None:
    """Bandit reports B503 at the `def`; the value to change (and where ruff puts its S503) is the default."""
    findings = run("""\
        from OpenSSL import SSL

        class Factory:
            def __init__(
                self,
                method=SSL.SSLv23_METHOD,
                verbose=False,
            ):
                self.method = method

        def legacy(version=SSL.SSLv3_METHOD):  # nosec B503
            return version

        def modern(version=SSL.TLS_METHOD):
            return version
        """)
    assert [(f.code, f.location.start.line, f.location.start.column) for f in findings if f.code == "B503"] == [
        ("B503", 6, 16)]


@pytest.mark.parametrize(("patch", "reported"), [
    ("import defusedxml.xmlrpc\n\ndefusedxml.xmlrpc.monkey_patch()\n", False),
    ("from defusedxml import xmlrpc as safe_xmlrpc\n\nsafe_xmlrpc.monkey_patch()\n", False),
    ("import defusedxml.xmlrpc\n", True),
    ("def monkey_patch():\n    pass\n\nmonkey_patch()\n", True),
], ids=["patched", "patched through an alias", "imported, never patched", "another monkey_patch"])
def test_b411_is_dropped_where_the_module_applies_defusedxml_to_xmlrpc(patch: str, reported: bool) -> None:
    """B411's own advice is `defusedxml.xmlrpc.monkey_patch()`: a module that calls it has done what B411 asks."""
    findings = run("import xmlrpc.client as xmlrpclib\n" + patch + "\nBODY = xmlrpclib.dumps((1,), 'ping')\n")
    assert ("B411" in {f.code for f in findings}) is reported


def test_importing_the_crypto_package_is_a_notice_and_a_weak_cipher_is_not() -> None:
    findings = run("""\
        from Crypto.Cipher import AES, DES

        def seal(key, data):
            return DES.new(key, DES.MODE_ECB).encrypt(data), AES
        """)
    severities = {f.code: f.severity for f in findings}
    assert severities["B413"] is Severity.INFO
    assert severities["B304"] is Severity.HIGH


@pytest.mark.parametrize(("text", "severity"), [
    ('SHORT_DATE_FORMAT = "d\u200f/m\u200f/Y"\n', Severity.INFO),
    ('ACCESS = "user\u202e \u2066# admin\u2069 \u2066"\n', Severity.HIGH),
    ('FORMAT = "d\u200f/m"\nACCESS = "user\u202e"\n', Severity.HIGH),
], ids=["right-to-left mark only", "override", "mark reported first, override further down"])
def test_b613_is_a_notice_only_in_a_file_without_reordering_characters(text: str, severity: Severity) -> None:
    [finding] = [f for f in run(text) if f.code == "B613"]
    assert finding.severity is severity


def test_wrong_bandit_cwes_are_corrected_per_finding() -> None:
    findings = run("""\
        import hashlib
        from xml.dom import minidom

        def handle(expr, blob, password):
            eval(expr)
            exec(expr)
            minidom.parseString(blob)
            checksum = hashlib.md5(blob).hexdigest()
            stored = hashlib.md5(password.encode()).hexdigest()
            return checksum, stored

        def templates(jinja2):
            return jinja2.Environment(autoescape=False)
        """)
    cwe = {(f.code, f.location.start.line): f.cwe for f in findings}
    assert cwe[("B701", 13)] == (79,)  # bandit says 94: unescaped templates are cross-site scripting
    assert cwe[("B307", 5)] == (95,) and cwe[("B102", 6)] == (95,)
    assert cwe[("B318", 7)] == (611,) and cwe[("B408", 2)] == (611,)
    assert cwe[("B324", 8)] == (327,)
    assert cwe[("B324", 9)] == (328, 916)
    listed = {rule.code: rule.cwe for rule in bandit_rules()}
    assert listed["B307"] == (95,) and set(listed["B324"]) == {327, 328, 916}


def test_columns_count_characters_not_bytes() -> None:
    [finding] = run('label = "ünïcödé"; eval(label)\n')
    assert finding.code == "B307"
    assert finding.location.start.column == 20


def test_blanket_nosec_silences_every_code_on_its_line_only() -> None:
    assert codes_and_lines(run(SHELL)) == [("B404", 1), ("B602", 4)]
    assert codes_and_lines(run(SHELL.replace("shell=True)", "shell=True)  # nosec"))) == [("B404", 1)]


def test_nosec_with_a_code_silences_that_code_only() -> None:
    assert "B602" not in {f.code for f in run(SHELL.replace("shell=True)", "shell=True)  # nosec B602"))}
    assert "B602" in {f.code for f in run(SHELL.replace("shell=True)", "shell=True)  # nosec B101"))}


def test_nosec_by_test_name_is_honoured_too() -> None:
    source = SHELL.replace("shell=True)", "shell=True)  # nosec: subprocess_popen_with_shell_equals_true")
    assert "B602" not in {f.code for f in run(source)}


def test_nosec_on_the_first_line_of_a_multiline_call() -> None:
    findings = run("""\
        import subprocess

        def run(cmd):
            subprocess.Popen(  # nosec B602
                cmd,
                shell=True,
            )
        """)
    assert "B602" not in {f.code for f in findings}


def test_assert_is_reported_in_code_but_not_in_tests() -> None:
    source = "def test_total():\n    assert total() == 3\n"
    assert codes_and_lines(run(source)) == [("B101", 2)]
    assert run(source, is_test_file=True, path="tests/test_total.py") == []


FIXTURE_NOISE = """\
import hashlib
import random
import shutil

from myapp import create_app

PASSWORD = "hunter2"


def make_user(name, password="secret"):
    return {"name": name, "password": password, "seed": random.random()}


def test_login(client):
    app = create_app(password="admin123")
    shutil.rmtree("/tmp/myapp-test")
    response = client.post("/login", data={"password": PASSWORD})
    assert app.name == "myapp"
    assert response.headers["Content-MD5"] == hashlib.md5(response.data).hexdigest()
"""


def test_fixture_noise_is_reported_in_code_but_not_in_tests() -> None:
    in_code = {code for code, _ in codes_and_lines(run(FIXTURE_NOISE))}
    assert {"B101", "B105", "B106", "B107", "B108", "B311", "B324"} <= in_code
    assert run(FIXTURE_NOISE, is_test_file=True, path="tests/test_login.py") == []


def test_unescaped_templates_are_reported_in_code_but_not_in_tests() -> None:
    source = ("import jinja2\nfrom mako.template import Template\n\n"
              "def render(name):\n    env = jinja2.Environment(loader=jinja2.DictLoader({}))\n"
              "    return env.from_string('{{ x }}').render(x=name) + Template('${x}').render(x=name)\n")
    assert {"B701", "B702"} <= {code for code, _ in codes_and_lines(run(source))}
    assert run(source, is_test_file=True, path="tests/test_templates.py") == []


def test_connections_to_the_tests_own_servers_are_reported_in_code_but_not_in_tests() -> None:
    source = ("import ftplib\nimport paramiko\n\n"
              "def fetch(host):\n    client = paramiko.SSHClient()\n"
              "    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n"
              "    ftp = ftplib.FTP(host)\n    ftp.login('user', 'pw')\n")
    assert {"B321", "B402", "B507"} <= {code for code, _ in codes_and_lines(run(source))}
    assert run(source, is_test_file=True, path="tests/test_fetch.py") == []


def test_queries_built_from_a_tests_own_fixtures_are_reported_in_code_but_not_in_tests() -> None:
    source = ("def count(con, table):\n    return con.execute(f'SELECT count(*) FROM {table}').fetchone()\n")
    assert "B608" in {code for code, _ in codes_and_lines(run(source))}
    assert run(source, is_test_file=True, path="tests/test_split.py") == []


def test_real_risks_are_still_reported_in_tests() -> None:
    source = ("import pickle\nimport subprocess\n\n"
              "def test_it(cmd, blob):\n    subprocess.run(cmd, shell=True)\n    pickle.loads(blob)\n")
    codes = {code for code, _ in codes_and_lines(run(source, is_test_file=True, path="tests/test_it.py"))}
    assert {"B602", "B301"} <= codes


def test_test_file_skips_can_be_replaced() -> None:
    options = BanditOptions.from_config({"test-file-skips": ["B101"]})
    assert options.test_file_skips == frozenset({"B101"})
    in_test = {code for code, _ in codes_and_lines(run(FIXTURE_NOISE, options=options, is_test_file=True, path="tests/t.py"))}
    assert "B101" not in in_test
    assert {"B105", "B106", "B107"} <= in_test


def test_skips_and_tests_options_select_bandit_tests() -> None:
    options = BanditOptions.from_config({"skips": ["B404", "subprocess_popen_with_shell_equals_true"]})
    assert options.skips == ("B404", "B602")
    assert run(SHELL, options=options) == []
    only = BanditOptions.from_config({"tests": ["B404"]})
    assert codes_and_lines(run(SHELL, options=only)) == [("B404", 1)]


def test_plugin_settings_are_passed_to_bandit() -> None:
    source = 'import os\nSCRATCH = "/scratch/work"\n'
    assert run(source) == []
    options = BanditOptions.from_config({"hardcoded_tmp_directory": {"tmp_dirs": ["/scratch"]}})
    assert codes_and_lines(run(source, options=options)) == [("B108", 2)]
    # the cached default table is not changed by another configuration
    assert run(source) == []


def test_unknown_config_keys_and_codes_are_errors_with_a_hint() -> None:
    with pytest.raises(ValueError, match="did you mean `skips`"):
        BanditOptions.from_config({"skip": ["B101"]})
    with pytest.raises(ValueError, match="no test `B999`"):
        BanditOptions.from_config({"skips": ["B999"]})


def test_low_confidence_findings_do_not_block_the_build_by_default() -> None:
    [sure] = [f for f in run(SHELL) if f.code == "B602"]
    assert sure.confidence is Confidence.HIGH and blocks_build(sure, BanditOptions())
    [unsure] = [f for f in run("def f(x):\n    return 'SELECT * FROM t WHERE a = ' + x\n") if f.code == "B608"]
    assert unsure.confidence is Confidence.LOW and unsure.severity is Severity.MEDIUM
    assert not blocks_build(unsure, BanditOptions())
    assert blocks_build(unsure, BanditOptions.from_config({"low-confidence-fails": True}))


def make_finding(code: str, line: int, *, source: str = "vibecheck", end_line: int | None = None,
                 path: str = "a.py") -> Finding:
    location = Location(path, Position(line, 1), Position(end_line or line, 9))
    return Finding(code=code, name=code.lower(), message="m", location=location,
                   severity=Severity.HIGH, confidence=Confidence.HIGH, category=Category.SECURITY, source=source)


def test_drop_superseded_keeps_one_finding_per_problem() -> None:
    vc = make_finding("VC408", 4, end_line=6)
    findings = [
        vc,
        make_finding("B602", 4, source="bandit"),   # same line: superseded
        make_finding("B602", 9, source="bandit"),   # other line: kept
        make_finding("B404", 4, source="bandit"),   # code not superseded: kept
        make_finding("B602", 4, source="bandit", path="b.py"),  # other file: kept
    ]
    kept = drop_superseded(findings, {"VC408": {"B602", "B605"}})
    assert [(f.code, f.location.start.line, f.location.path) for f in kept] == [
        ("VC408", 4, "a.py"), ("B602", 9, "a.py"), ("B404", 4, "a.py"), ("B602", 4, "b.py")]
    assert drop_superseded(findings, {}) == findings


def test_superseding_map_reads_rule_metadata() -> None:
    class Rule:
        code = "VC404"
        supersedes = ("B501",)

    class Other:
        code = "VC101"
        supersedes = ()

    assert superseding_map([Rule, Other]) == {"VC404": {"B501"}}


def test_a_crash_inside_bandit_is_an_engine_error_for_that_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self, node):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(integration.SelectiveNodeVisitor, "generic_visit", explode)
    findings, errors = run_bandit("deep.py", "x = 1\n", BanditOptions(), is_test_file=False)
    assert findings == []
    assert len(errors) == 1 and errors[0].path == "deep.py" and "RecursionError" in errors[0].message


def test_a_crashing_check_is_reported_and_the_other_checks_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_check(context):
        raise KeyError("boom")

    table = {kind: list(checks) for kind, checks in integration._checks_for("", BanditOptions()).items()}
    table["Call"] = [integration._Check("B999", broken_check, None, False), *table["Call"]]
    monkeypatch.setattr(integration, "_checks_for", lambda key, options: table)
    findings, errors = run_bandit("app.py", SHELL, BanditOptions(), is_test_file=False)
    assert "B602" in {f.code for f in findings}
    assert [(e.rule, e.path) for e in errors] == [("B999", "app.py")]
    assert "broken_check" in errors[0].message and "line 4" in errors[0].message


def test_a_file_python_cannot_parse_is_an_engine_error() -> None:
    findings, errors = run_bandit("bad.py", "def f(:\n", BanditOptions(), is_test_file=False)
    assert findings == [] and len(errors) == 1 and "could not parse" in errors[0].message


SECRET = "Sup3rS3cretValue!"


@pytest.mark.parametrize("source", [
    f'password = "{SECRET}"\n',
    f'connect(host="db", password="{SECRET}")\n',
    f'def login(user, password="{SECRET}"):\n    pass\n',
    f'if password == "{SECRET}":\n    pass\n',
])
def test_hardcoded_password_findings_never_show_the_password(source: str) -> None:
    findings = [f for f in run(source) if f.code in ("B105", "B106", "B107")]
    assert findings, "bandit should report the hard-coded password"
    for finding in findings:
        assert SECRET not in finding.message and SECRET not in finding.line_text
        assert "Sup3****" in finding.message


def test_known_credential_formats_are_masked_in_every_bandit_snippet() -> None:
    key = "sk-proj-" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4"
    [finding] = [f for f in run(f'import subprocess\nsubprocess.call("curl -H {key} x", shell=True)\n') if f.code == "B602"]
    assert key not in finding.line_text and "sk-proj-****" in finding.line_text


def test_bandit_rules_describe_every_code() -> None:
    rules = {r.code: r for r in bandit_rules()}
    assert {"B101", "B105", "B301", "B403", "B602", "B608"} <= set(rules)
    assert rules["B602"].name == "subprocess_popen_with_shell_equals_true" and rules["B602"].cwe == (78,)
    assert rules["B301"].name == "pickle" and rules["B301"].severity is Severity.MEDIUM
    assert all(r.help_uri.startswith("https://bandit.readthedocs.io/") for r in rules.values())
    assert all(re.fullmatch(r"B\d{3}", code) for code in rules)


def test_installed_bandit_is_inside_the_supported_range_pinned_in_pyproject() -> None:
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert f"bandit{SUPPORTED_BANDIT}" in pyproject["project"]["dependencies"]
    installed = tuple(int(part) for part in version("bandit").split(".")[:3])
    assert (1, 7, 7) <= installed < (2,)


def test_options_survive_the_trip_to_a_worker_process() -> None:
    options = BanditOptions.from_config({"skips": ["B101"], "shell_injection": {"shell": ["os.system"]}})
    assert pickle.loads(pickle.dumps(options)) == options


def test_bandit_warnings_do_not_leak_into_the_report_streams(capfd: pytest.CaptureFixture[str]) -> None:
    # bandit warns about the unknown codes and, having no known code left, treats the comment as a blanket nosec
    source = SHELL.replace("shell=True)", "shell=True)  # nosec B999 not_a_test")
    assert codes_and_lines(run(source)) == [("B404", 1)]
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_pipeline_adds_enabled_bandit_codes_and_the_filter_drops_superseded_ones(registry) -> None:
    from vibecheck.config import Settings
    from vibecheck.pipeline import Pipeline

    source = "import subprocess\n\ndef run(name):\n    subprocess.run(f'ls {name}', shell=True)\n    assert name\n"
    pipeline = Pipeline(Settings(select=("VC408", "B602", "B101"), bandit={"skips": ["B404"]}), registry)
    result = pipeline.check_bytes("app.py", "app.py", source.encode())
    assert sorted(codes_and_lines(result.findings)) == [("B101", 5), ("B602", 4), ("VC408", 4)]
    assert codes_and_lines(pipeline.filter("app.py", "app.py", result.findings)) == [("B101", 5), ("VC408", 4)]
    assert result.errors == []


def _check_ids(table: integration._CheckTable) -> set[str]:
    return {check.test_id for checks in table.kinds.values() for check in checks}


def test_a_check_whose_words_the_file_never_spells_is_not_run_there() -> None:
    table = integration._checks_for("", BanditOptions())
    plain = _check_ids(integration._narrowed(table, SourceHints("total = compute(1, 2)\n")))
    assert not plain & (set(integration.TEXT_PREFILTERS) | set(integration.CASELESS_PREFILTERS))
    assert {"B001", "B101", "B608"} <= plain  # checks without a prefilter always run
    spelled = _check_ids(integration._narrowed(table, SourceHints("import yaml as y\nconnect(PassWord='x', shell=True)\n")))
    assert {"B506", "B106", "B602", "B604"} <= spelled and "B113" not in spelled


def test_prefiltered_checks_still_report_through_an_alias() -> None:
    source = "import yaml as y\nimport requests as r\n\ny.load(data)\nr.get(url)\n"
    findings, errors = run_bandit("app.py", source, BanditOptions(), is_test_file=False)
    assert errors == [] and {"B506", "B113"} <= {f.code for f in findings}


def test_b104_only_where_all_interfaces_may_be_bound_not_compared() -> None:
    findings = run('''
        def banner(host, app):
            if host in {"0.0.0.0", "::"}:
                shown = "all addresses"
            if host == "0.0.0.0" or "0.0.0.0" != host:
                shown = "IPv4"
            app.run(host="0.0.0.0")
            default = "0.0.0.0"
            return shown, default

        class Connection:
            def __init__(self, address):
                self.remote_ip = "0.0.0.0"
                self.bind_host = "0.0.0.0"
        ''')
    assert [line for code, line in codes_and_lines(findings) if code == "B104"] == [7, 8, 14]


def test_b104_not_on_an_address_only_shown_to_the_user() -> None:
    """`addr = "0.0.0.0"` then only formatted into a message it prints or writes: shown, not bound. The same name
    given to a server is reported, and so is one formatted into a bind address (`f"{addr}:{port}"` handed on)."""
    findings = run('''
        def on_bind(self, port):
            if self.addr == "0":
                addr = "0.0.0.0"
            else:
                addr = self.addr
            self.stdout.write(f"Starting server at http://{addr}:{port}/")
            self.stdout.write("Quit the server at %s" % addr)
            self.stdout.write("Or {} {}".format(addr, port))
            self.stdout.write("Listening on %s:%s" % (addr, port))

        def serve(server, port):
            addr = "0.0.0.0"
            print(f"Serving on {addr}")
            server.bind((addr, port))

        def gunicorn_bind(port):
            host = "0.0.0.0"
            return f"{host}:{port}"
        ''')
    assert [line for code, line in codes_and_lines(findings) if code == "B104"] == [13, 18]


def test_b202_only_for_a_tar_archive_not_a_zip_in_the_same_module() -> None:
    findings = run('''
        import tarfile
        import zipfile

        def unpack(path, target):
            if path.endswith(".tar"):
                archive = tarfile.open(path)
                archive.extractall(target)
            zipped = zipfile.ZipFile(path)
            zipped.extractall(target)
            with zipfile.ZipFile(path) as bundle:
                bundle.extractall(target)
            zipfile.ZipFile(path).extractall(target)

        def either(path, target, zipped):
            handle = zipfile.ZipFile(path) if zipped else None
            handle = tarfile.open(path)
            handle.extractall(target)
        ''')
    assert [line for code, line in codes_and_lines(findings) if code == "B202"] == [8, 18]


def test_b701_with_options_from_a_mapping_is_reported_without_failing_the_build() -> None:
    findings = run('''
        import jinja2

        site = jinja2.Environment(loader=jinja2.FileSystemLoader("t"), **settings["JINJA_ENVIRONMENT"])
        page = jinja2.Environment(loader=jinja2.FileSystemLoader("t"))
        ''')
    b701 = sorted((f.location.start.line, blocks_build(f, BanditOptions())) for f in findings if f.code == "B701")
    assert b701 == [(4, False), (5, True)]


def test_the_checked_tree_keeps_no_parent_links_so_reference_counting_frees_it() -> None:
    source = 'import subprocess\npassword = "hunter2"\n\ndef run(cmd):\n    subprocess.call(cmd, shell=True)\n'
    tree = ast.parse(source)
    findings, errors = run_bandit("app.py", source, BanditOptions(), is_test_file=False, tree=tree)
    assert {f.code for f in findings} >= {"B105", "B602"}  # the checks that follow parent links still ran
    assert not errors
    assert not any(hasattr(node, "_bandit_parent") for node in ast.walk(tree))
