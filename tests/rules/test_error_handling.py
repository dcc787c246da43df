"""Rule-specific behaviour of the error-handling pack beyond the generic corpus and docs tests."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vibecheck.cli import cli
from vibecheck.engine import check_file
from vibecheck.registry import load_registry
from vibecheck.rules.error_handling.broad_exception_caught import BroadExceptionCaught
from vibecheck.rules.error_handling.error_printed_not_raised import ErrorPrintedNotRaised
from vibecheck.rules.error_handling.http_call_without_timeout import HttpCallWithoutTimeout
from vibecheck.rules.error_handling.http_status_unchecked import HttpStatusUnchecked
from vibecheck.testing import findings_for

BROAD_IN_RUN = """
import logging
logger = logging.getLogger(__name__)

def run():
    try:
        work()
    except Exception as exc:
        logger.error("fatal: %s", exc)
"""


def test_vc102_boundary_functions_are_configurable() -> None:
    assert len(findings_for(BroadExceptionCaught, BROAD_IN_RUN)) == 1
    options = BroadExceptionCaught.parse_options({"boundary-functions": ["main", "run"]})
    assert findings_for(BroadExceptionCaught, BROAD_IN_RUN, options=options) == []


HANDLER_RULES = ("VC101", "VC102", "VC103", "VC104")


def test_handler_rules_partition_their_corpora() -> None:
    """One handler, one finding: VC101-VC104 never report the same `except` block twice."""
    registry = load_registry()
    rules = [(registry.lookup(code), None) for code in HANDLER_RULES]
    for folder in sorted(Path(__file__).resolve().parents[2].joinpath("rules").glob("VC10[1-4]-*")):
        result = check_file(str(folder / "cases.py"), (folder / "cases.py").read_bytes(), rules)
        handlers = Counter(_handler_line(folder / "cases.py", f.location.start.line) for f in result.findings)
        assert result.findings and max(handlers.values()) == 1, (folder.name, handlers)


def _handler_line(path: Path, line: int) -> int:
    """The `except` line a finding belongs to: its own line, or the nearest less-indented one above it (VC103 reports
    the `return` inside the handler, which may follow a nested handler's block)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    reported = lines[line - 1]
    indent = len(reported) - len(reported.lstrip())
    while line > 1 and not reported.lstrip().startswith(("except", "with")):
        line -= 1
        above = lines[line - 1]
        if above.lstrip().startswith(("except", "with")) and len(above) - len(above.lstrip()) < indent:
            break
    return line


TEST_READS_BODY = """
import requests

def test_api():
    r = requests.get("http://localhost/x", timeout=5)
    assert r.json() == {}
"""


def test_vc107_skips_test_files() -> None:
    source = TEST_READS_BODY
    assert len(findings_for(HttpStatusUnchecked, source)) == 1
    assert findings_for(HttpStatusUnchecked, source, is_test_file=True) == []


def test_http_call_without_timeout_skips_test_files() -> None:
    source = "import requests\n\ndef test_ping(live_server):\n    assert requests.get(live_server.url).ok\n"
    assert len(findings_for(HttpCallWithoutTimeout, source, is_test_file=False)) == 1
    assert findings_for(HttpCallWithoutTimeout, source, is_test_file=True) == []


def test_vc106_urlretrieve_is_bounded_by_a_default_socket_timeout_in_the_file() -> None:
    download = "import urllib.request\n\ndef fetch(url, path):\n    urllib.request.urlretrieve(url, path)\n"
    bounded = "import socket\n" + download + "\nsocket.setdefaulttimeout(30)\n"
    assert len(findings_for(HttpCallWithoutTimeout, download)) == 1
    assert findings_for(HttpCallWithoutTimeout, bounded) == []


def test_vc106_fix_timeout_is_configurable_and_the_fix_is_unsafe(tmp_path: Path) -> None:
    source = "import requests\n\ndef rates(url):\n    return requests.get(url)\n"
    (tmp_path / "pyproject.toml").write_text('[tool.vibecheck.rules.http-call-without-timeout]\nfix-timeout = 2.5\n',
                                             encoding="utf-8")
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    runner = CliRunner()
    args = ["fix", "--no-bandit", "--select", "VC106", str(tmp_path / "app.py")]
    safe_only = runner.invoke(cli, args)
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == source
    assert "1 hidden fix can be enabled with `--unsafe-fixes`." in safe_only.stderr
    runner.invoke(cli, [*args, "--unsafe-fixes"])
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == source.replace("get(url)", "get(url, timeout=2.5)")


def test_vc106_fix_timeout_must_be_a_number() -> None:
    assert HttpCallWithoutTimeout.parse_options({"fix-timeout": 30}).fix_timeout == 30.0
    with pytest.raises(ValueError, match="fix-timeout"):
        HttpCallWithoutTimeout.parse_options({"fix-timeout": "30s"})


SWALLOWING_TEST_FILE = """
import contextlib

def test_refund(gateway):
    try:
        assert gateway.refund("order-1").status == "done"
    except Exception:
        pass
    with contextlib.suppress(Exception):
        assert gateway.refund("order-2").status == "done"

def test_prints_failure(gateway):
    try:
        assert gateway.refund("order-3").status == "done"
    except Exception as exc:
        print(exc)

def drain(queue):
    try:
        queue.put(None)
    except Exception:
        pass
"""


@pytest.mark.parametrize("code", ["VC101", "VC102", "VC104"])
def test_swallowed_failures_in_tests_are_left_to_vc305(code: str) -> None:
    """Inside a test function the swallowing handler is VC305's; a helper of the test file is still VC101's."""
    rule = load_registry().lookup(code)
    lines = sorted(f.location.start.line for f in findings_for(rule, SWALLOWING_TEST_FILE, is_test_file=True))
    assert lines == ([21] if code == "VC101" else [])


def test_vc305_reports_the_swallowed_failures_of_tests() -> None:
    rule = load_registry().lookup("VC305")
    lines = sorted(f.location.start.line for f in findings_for(rule, SWALLOWING_TEST_FILE, is_test_file=True))
    assert lines == [7, 9, 15]


TEST_CHECKS_CAUGHT_ERROR = """
def test_parse_error_message():
    try:
        parse("bad")
    except Exception as exc:
        assert "bad" in str(exc)


def test_parse_error_rolled_back():
    try:
        parse("bad")
    except Exception:
        rollback()
    assert parse("good") == 1
"""


def test_a_test_that_asserts_on_the_caught_error_is_no_broad_handler() -> None:
    """The handler's `assert` is the test's check (VC311 judges whether it can be skipped); a clean-up alone is not."""
    rule = load_registry().lookup("VC102")
    lines = [f.location.start.line for f in findings_for(rule, TEST_CHECKS_CAUGHT_ERROR, is_test_file=True)]
    assert lines == [12]


RATES = """
import time

import requests as r
from subprocess import run


def fetch_rate(currency):
    return r.get(f"https://rates.example/{currency}", timeout=5).json()["rate"]


def cached_rate(currency):
    return fetch_rate(currency)


def pause():
    time.sleep(1)


def convert_files(folder):
    run(["convert", folder], check=True)


def parse_rate(text):
    return float(text)


async def fetch_rate_async(currency):
    return currency
"""


def _blocking_through_import(service: str, helpers: str = RATES, helper_path: str = "app/rates.py") -> list[str]:
    from vibecheck.rules.error_handling.blocking_call_through_import import BlockingCallThroughImport
    from vibecheck.testing import sources_findings

    sources = {"app/__init__.py": "", helper_path: helpers, "app/api.py": service}
    return [f"{f.location.start.line}:{f.message.split('`')[1]}"
            for f in sources_findings(sources, [BlockingCallThroughImport]) if f.location.path == "app/api.py"]


def test_vc112_reports_blocking_helpers_imported_from_another_module() -> None:
    service = """
from app.rates import fetch_rate, cached_rate as rate_of
from . import rates
from .rates import convert_files


async def convert(amount, currency):
    rates.pause()
    convert_files("/tmp/x")
    return amount * fetch_rate(currency) * rate_of(currency)


class Handler:
    async def handle(self, currency):
        return rates.fetch_rate(currency)
"""
    assert _blocking_through_import(service) == [
        "8:rates.pause(...)", "9:convert_files(...)", "10:fetch_rate(...)", "10:rate_of(...)", "15:rates.fetch_rate(...)"]


def test_vc112_leaves_offloaded_async_and_harmless_helpers_alone() -> None:
    service = """
import asyncio

from app.rates import fetch_rate, fetch_rate_async, parse_rate


def sync_caller(currency):
    return fetch_rate(currency)


async def convert(amount, currency, loop):
    rate = await asyncio.to_thread(fetch_rate, currency)
    other = await loop.run_in_executor(None, fetch_rate, currency)
    again = await asyncio.to_thread(lambda: fetch_rate(currency))
    return amount * rate * other * again * parse_rate("1.0") * await fetch_rate_async(currency)
"""
    assert _blocking_through_import(service) == []


REMOTE = """
import smtplib

import paramiko


def connect(address):
    client = paramiko.SSHClient()
    client.connect(address, timeout=10)
    return client


def run_remote(address, command):
    client = connect(address)
    _, stdout, _ = client.exec_command(command)
    return stdout.read().decode()


def notify(message):
    with smtplib.SMTP("localhost") as smtp:
        smtp.send_message(message)


def make_client():
    return paramiko.SSHClient()


def describe(client):
    return client.exec_command("uptime")
"""


def test_vc112_reports_helpers_that_talk_over_ssh_or_smtp() -> None:
    """A method of an SSH or SMTP client the helper makes waits on the network, also through another function of its
    module; making a client connects nothing, and a client handed in may be an async one."""
    service = """
from app.remote import describe, make_client, notify, run_remote


async def on_run(host, command, message, client):
    output = run_remote(host, command)
    notify(message)
    make_client()
    return output, describe(client)
"""
    assert _blocking_through_import(service, REMOTE, "app/remote.py") == ["6:run_remote(...)", "7:notify(...)"]


def test_vc112_leaves_a_same_named_function_of_another_package_alone() -> None:
    service = """
from vendor.rates import fetch_rate


async def convert(amount, currency):
    return amount * fetch_rate(currency)
"""
    assert _blocking_through_import(service) == []


@pytest.mark.parametrize("whole_project_first", [False, True])
def test_vc112_sees_the_helpers_of_modules_a_one_file_run_does_not_check(tmp_path: Path,
                                                                       whole_project_first: bool) -> None:
    """A hook or pre-commit run checks `api.py` alone: the helper module is indexed, not checked, and its blocking
    helpers still count (read from its `ast` at index time, or taken from the whole-project run's cache entry)."""
    from tests.integration.conftest import run_vibecheck

    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'app'\n", encoding="utf-8")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "app" / "rates.py").write_text(RATES, encoding="utf-8")
    (tmp_path / "app" / "api.py").write_text(
        "from app.rates import fetch_rate\n\n\nasync def convert(amount, currency):\n"
        "    return amount * fetch_rate(currency)\n", encoding="utf-8")
    if whole_project_first:
        assert run_vibecheck(["check", "--select", "VC112", "app"], tmp_path).returncode == 1
    run = run_vibecheck(["check", "--select", "VC112", "--format", "json", "app/api.py"], tmp_path)
    found = [(f["code"], f["start"]["line"]) for f in json.loads(run.stdout)["findings"]]
    assert found == [("VC112", 5)], run.stderr


SCRIPT_LAST_STEP = """
import subprocess
import sys

folder = sys.argv[1]
try:
    listing = subprocess.run(["ls", folder], capture_output=True, check=True)
    print(listing.stdout.decode())
except subprocess.CalledProcessError as error:
    print(f"ls failed: {error}")
"""

SCRIPT_STEP_THEN_MORE = SCRIPT_LAST_STEP + """
print("continuing with the next folder")
"""


def test_vc104_the_last_top_level_try_of_a_script_ends_it_anyway() -> None:
    assert findings_for(ErrorPrintedNotRaised, SCRIPT_LAST_STEP) == []
    assert len(findings_for(ErrorPrintedNotRaised, SCRIPT_STEP_THEN_MORE)) == 1
    in_function = "def list_folder(folder):\n" + "".join(f"    {line}\n" for line in SCRIPT_LAST_STEP.splitlines()[5:])
    assert len(findings_for(ErrorPrintedNotRaised, "import subprocess\n" + in_function)) == 1


SCRIPT_LOOP = """
import json

for path, text in json.load(open("recovered.json")).items():
    try:
        with open(path, "w") as handle:
            handle.write(text)
    except OSError as e:
        print(f"Failed to write {path}: {e}")
"""


@pytest.mark.parametrize(("source", "reported"), [
    (SCRIPT_LOOP, False),
    (SCRIPT_LOOP + "\nprint('all written')\n", True),
    ("def write_all(files):" + SCRIPT_LOOP.replace("\n", "\n    "), True),
])
def test_vc104_a_script_s_closing_loop_is_its_last_step(source: str, reported: bool) -> None:
    """A print in the loop a script ends with reports each failure to whoever runs it; after more code, or in a
    function, the program goes on as if the step had worked."""
    assert bool(findings_for(ErrorPrintedNotRaised, source)) is reported
