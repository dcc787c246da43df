"""VC4xx call-shape rules beyond their corpora: redaction, test files, supersedes, dedup with bandit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from vibecheck import listings
from vibecheck.analysis.enum_modules import enum_modules_inputs
from vibecheck.analysis.imported_modules import imported_modules, imports_digest
from vibecheck.analysis.own_errors import own_errors_inputs
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.dedupe import drop_superseded, superseding_map
from vibecheck.engine import check_file
from vibecheck.integrations.bandit import BanditOptions, run_bandit
from vibecheck.model import Severity
from vibecheck.redaction import CREDENTIAL_FORMATS, FORMAT_MARKS, MASK, URL_PASSWORD, redact, redact_known_secrets
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.error_handling.swallowed_exception import SwallowedException
from vibecheck.rules.security.cleartext_credentials import CleartextCredentials
from vibecheck.rules.security.client_data_in_html import ClientDataInHtml
from vibecheck.rules.security.client_data_to_code_execution import ClientDataToCodeExecution
from vibecheck.rules.security.client_data_to_shell import ClientDataToShell
from vibecheck.rules.security.ecb_cipher_mode import EcbCipherMode
from vibecheck.rules.security.error_details_to_client import ErrorDetailsToClient
from vibecheck.rules.security.hardcoded_credential import HardcodedCredential, is_secret_name
from vibecheck.rules.security.html_built_from_variable import HtmlBuiltFromVariable
from vibecheck.rules.security.llm_code_execution_tool import LlmCodeExecutionTool
from vibecheck.rules.security.llm_output_to_dangerous_sink import LlmOutputToDangerousSink
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.rules.security.request_data_to_injection_sink import RequestDataToInjectionSink
from vibecheck.rules.security.shell_command_from_variable import ShellCommandFromVariable
from vibecheck.rules.security.sql_built_from_strings import SqlBuiltFromStrings
from vibecheck.rules.security.tls_verification_disabled import TlsVerificationDisabled
from vibecheck.rules.security.unsafe_deserialization import UnsafeDeserialization
from vibecheck.rules.security.xml_external_entities import XmlExternalEntities
from vibecheck.testing import check_corpus, findings_for, parse_annotations, sources_findings

KEY = "sk-proj-" + "4fJ9kLq2Xw8RtY6uVb3NmZ1pQs7DhG5e"
PASSWORD = "Tr0ub4dor&3-prod"


@pytest.mark.parametrize("source", [
    f'OPENAI_API_KEY = "{KEY}"\n',
    f'client = OpenAI(api_key="{KEY}")\n',
    f'headers = {{"Authorization": "Bearer {KEY}"}}\n',
    f'DB_PASSWORD = "{PASSWORD}"\n',
    f'engine = create_engine("postgresql://app:{PASSWORD}@db/app")\n',
])
def test_credential_findings_never_show_the_secret(source: str) -> None:
    [finding] = findings_for(HardcodedCredential, source)
    secret = KEY if KEY in source else PASSWORD
    assert secret not in finding.message and secret not in finding.line_text and secret not in (finding.hint or "")
    assert "****" in finding.message and "****" in finding.line_text


def test_known_formats_are_reported_in_test_files_but_name_based_fixtures_are_not() -> None:
    source = f'API_KEY = "{KEY}"\npassword = "{PASSWORD}"\n'
    assert [f.location.start.line for f in findings_for(HardcodedCredential, source)] == [1, 2]
    assert [f.location.start.line for f in findings_for(HardcodedCredential, source, is_test_file=True)] == [1]


def test_a_private_key_is_a_fixture_in_a_test_file_and_a_leak_elsewhere() -> None:
    source = ('TEST_KEY = """\n-----BEGIN EC PRIVATE KEY-----\n'
              'MHcCAQEEIKQya8aIoeoOLeThk7Ad/lLyAo2fTp9IuhIpy2CivH/qoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n"""\n'
              f'API_KEY = "{KEY}"\n')
    assert [f.location.start.line for f in findings_for(HardcodedCredential, source)] == [1, 6]
    assert [f.location.start.line for f in findings_for(HardcodedCredential, source, is_test_file=True)] == [6]


@pytest.mark.parametrize(("name", "expected"), [
    ("password", True), ("DB_PASSWORD", True), ("apiKey", True), ("client_secret", True), ("GITHUB_TOKEN", True),
    ("stripe_api_key", True), ("db_pass", True), ("key", False), ("token_url", False), ("password_field", False),
    ("TOKEN_TYPE", False), ("monkey", False), ("passenger", False),
])
def test_secret_names(name: str, expected: bool) -> None:
    assert is_secret_name(name) is expected


def test_every_other_rules_snippet_is_redacted_too() -> None:
    source = f"try:\n    work()\nexcept Exception: pass  # was: call('{KEY}')\n"
    [finding] = check_file("a.py", source.encode(), [(SwallowedException, None)]).findings
    assert KEY not in finding.line_text and "sk-proj-****" in finding.line_text


def test_redact_keeps_a_short_prefix_only() -> None:
    assert redact("hunter2") == "h****"
    assert redact("abcdefghijklmnop") == "abcd****"
    assert redact("") == "****"


SECRET_SAMPLES = (
    "sk-ant-" + "a1" * 12, "sk-proj-" + "Ab3_" * 6, "sk_live_" + "x9" * 9, "rk_live_" + "Q" * 20, "AKIA" + "Z7" * 8,
    "ASIA" + "0" * 16, "ghp_" + "a" * 36, "ghs_" + "B1" * 18, "github_pat_" + "x_" * 12, "glpat-" + "k-" * 11,
    "xoxb-" + "12345-abcde", "https://hooks.slack.com/services/T0AB/B1CD/" + "w" * 24, "hf_" + "Hf" * 17,
    "gsk_" + "g" * 40, "SG." + "s" * 22 + "." + "t" * 43, "AIza" + "G_" * 18, "-----BEGIN RSA PRIVATE KEY-----MIIE",
    "Authorization: Bearer " + "tok." * 6, "Basic " + "dXNlcjpwYXNz" * 2, "postgres://app:hunter2@db/app",
)


def test_known_secrets_are_masked_as_by_every_format_searched() -> None:
    # each format is searched only in texts holding one of its marks: the same answer as searching all of them
    assert {name for name, _ in CREDENTIAL_FORMATS} == set(FORMAT_MARKS)

    def every_format(text: str) -> str:
        for _, pattern in CREDENTIAL_FORMATS:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        return URL_PASSWORD.sub(lambda m: m.group(1) + MASK + m.group(3), text)

    for sample in SECRET_SAMPLES:
        for text in (sample, f"key = '{sample}' # and {sample[:6]}", f"[{sample}]({sample})"):
            assert redact_known_secrets(text) == every_format(text) != text, text
    for name, pattern in CREDENTIAL_FORMATS:
        matched = [sample for sample in SECRET_SAMPLES if pattern.search(sample)]
        assert matched, name
        assert all(any(mark in sample for mark in FORMAT_MARKS[name]) for sample in matched), name


def test_tls_rule_ignores_test_files() -> None:
    source = "import requests\nrequests.get('https://localhost:8443', verify=False)\n"
    assert len(findings_for(TlsVerificationDisabled, source)) == 1
    assert findings_for(TlsVerificationDisabled, source, is_test_file=True) == []


def test_ecb_rule_ignores_test_files_where_known_answer_tests_use_ecb() -> None:
    source = "from Crypto.Cipher import AES\ncipher = AES.new(KEY, AES.MODE_ECB)\n"
    assert len(findings_for(EcbCipherMode, source)) == 1
    assert findings_for(EcbCipherMode, source, is_test_file=True) == []


@pytest.mark.parametrize(("path", "reported"), [
    ("examples/langchain/agent.py", 1),  # a folder of the project named after the framework
    ("app/agent.py", 1),
    ("langchain_community/tools/shell/tool.py", 0),  # the framework building its own tool for its users
    ("tests/test_agent.py", 0),
])
def test_code_running_llm_tools_are_judged_in_projects_not_in_the_framework_or_tests(path: str, reported: int) -> None:
    source = "from langchain_experimental.tools import PythonREPLTool\ntools = [PythonREPLTool()]\n"
    assert len(findings_for(LlmCodeExecutionTool, source, path=path, is_test_file=path.startswith("tests/"))) == reported


@pytest.mark.parametrize(("rule", "source", "bandit_code"), [
    (TlsVerificationDisabled, "import requests\nrequests.get(url, verify=False, timeout=3)\n", "B501"),
    (UnsafeDeserialization, "import pickle\ndef f(blob):\n    return pickle.loads(blob)\n", "B301"),
    (UnsafeDeserialization, "import yaml\ndef f(text):\n    return yaml.load(text)\n", "B506"),
    (ShellCommandFromVariable, "import subprocess\ndef f(p):\n    subprocess.run(f'ls {p}', shell=True)\n", "B602"),
    (ShellCommandFromVariable, "import os\ndef f(host):\n    os.system('ping ' + host)\n", "B605"),
    (HardcodedCredential, f'password = "{PASSWORD}"\n', "B105"),
    (HardcodedCredential, f'connect(password="{PASSWORD}")\n', "B106"),
    (EcbCipherMode, "from cryptography.hazmat.primitives.ciphers import modes\nmode = modes.ECB()\n", "B305"),
])
def test_a_vc_finding_replaces_the_bandit_finding_it_supersedes(rule, source: str, bandit_code: str) -> None:
    assert bandit_code in rule.supersedes
    vc = findings_for(rule, source)
    bandit, errors = run_bandit("snippet.py", textwrap.dedent(source), BanditOptions(), is_test_file=False)
    assert not errors and bandit_code in {f.code for f in bandit}
    merged = drop_superseded([*vc, *bandit], superseding_map([rule]))
    assert rule.code in {f.code for f in merged}
    assert bandit_code not in {f.code for f in merged}


def test_every_vc4xx_finding_carries_cwe_ids() -> None:
    for rule in (HardcodedCredential, TlsVerificationDisabled, UnsafeDeserialization, ShellCommandFromVariable):
        assert rule.cwe


def test_tls_starttls_of_a_verifying_async_client_is_not_reported() -> None:
    from vibecheck.rules.security.tls_verification_disabled import TlsVerificationDisabled

    verifying = """
        import aiosmtplib

        async def send(client, message):
            await client.starttls()
            await client.send_message(message)
    """
    assert findings_for(TlsVerificationDisabled, verifying) == []
    plain = verifying.replace("import aiosmtplib", "import smtplib")
    assert [f.location.start.line for f in findings_for(TlsVerificationDisabled, plain)] == [5]


PICKLE_READ = "import pickle\n\ndef get(store, key):\n    return pickle.loads(store[key])\n"
PICKLE_STORE = PICKLE_READ + "\ndef put(store, key, value):\n    store[key] = pickle.dumps(value)\n"


@pytest.mark.parametrize(("source", "severity"), [
    ("import pickle, sys\ndef main():\n    job = pickle.loads(sys.stdin.buffer.read())\n", Severity.MEDIUM),
    ("import pickle\nfrom sys import stdin\ndef main():\n    return pickle.load(stdin.buffer)\n", Severity.MEDIUM),
    ("import pickle\ndef serve(sock):\n    return pickle.loads(sock.recv(65536))\n", Severity.HIGH),
])
def test_a_pickle_from_the_process_own_stdin_is_medium(source: str, severity: Severity) -> None:
    """A worker reading jobs its parent pickled into its pipe; a socket's bytes come from anyone who connects."""
    [finding] = findings_for(UnsafeDeserialization, source)
    assert finding.severity is severity


@pytest.mark.parametrize(("source", "severity"), [
    (PICKLE_READ, Severity.HIGH),
    (PICKLE_STORE, Severity.MEDIUM),
    (PICKLE_READ.replace("import pickle", "import dill as pickle") + "\ndef save(value, f):\n    pickle.dump(value, f)\n",
     Severity.MEDIUM),
])
def test_a_pickle_read_back_from_a_store_the_file_fills_is_medium(source: str, severity: Severity) -> None:
    """Loading what the file itself pickled needs write access to the store first; a lone load may be anyone's data."""
    [finding] = findings_for(UnsafeDeserialization, source)
    assert finding.severity is severity


SHELF_READ = "import shelve\n\ndef load_state(path):\n    with shelve.open(path) as state:\n        return state['events']\n"


@pytest.mark.parametrize(("source", "expected"), [
    (SHELF_READ, [(4, Severity.HIGH)]),
    (SHELF_READ + "\ndef save_state(path, events):\n    with shelve.open(path, flag='n') as state:\n"
     "        state['events'] = events\n", [(4, Severity.MEDIUM)]),
    (SHELF_READ + "\ndef save_state(path, events):\n    with shelve.open(path, 'n') as state:\n"
     "        state['events'] = events\n", [(4, Severity.MEDIUM)]),
    (SHELF_READ + "\ndef add_event(path, event):\n    with shelve.open(path, flag='c') as state:\n"
     "        state['events'] = event\n", [(4, Severity.HIGH), (8, Severity.HIGH)]),
])
def test_a_shelf_the_file_makes_new_is_its_own_store(source: str, expected: list[tuple[int, Severity]]) -> None:
    """`shelve.open(path, flag="n")` makes the shelf new and empty: it loads nothing, and a shelf read elsewhere in the
    file is the store it fills (medium); opened to read or to add to (`flag="c"`), a shelf still loads what is there."""
    found = findings_for(UnsafeDeserialization, source)
    assert [(f.location.start.line, f.severity) for f in found] == expected


@pytest.mark.parametrize(("source", "severity"), [
    ("from flask import Flask, request\napp = Flask(__name__)\n\n@app.get('/calc')\ndef calc():\n"
     "    return str(eval(request.args['expr']))\n", Severity.HIGH),
    ("import sys\n\ndef main():\n    print(eval(sys.argv[1]))\n", Severity.MEDIUM),
    ("import sys\n\ndef main():\n    exec(sys.stdin.read())\n", Severity.MEDIUM),
    ("def main():\n    exec(input('>>> '))\n", Severity.MEDIUM),
])
def test_code_from_the_command_line_is_medium_and_from_a_client_high(source: str, severity: Severity) -> None:
    """A web client crosses a trust boundary; whoever types a command's input usually runs code already."""
    [finding] = findings_for(ClientDataToCodeExecution, source)
    assert finding.severity is severity


@pytest.mark.parametrize("source", [
    "import importlib\n\ndef main():\n    importlib.import_module(input('plugin? '))\n",
    "import sys\n\ndef main():\n    __import__(sys.argv[1])\n",
])
def test_a_module_named_at_the_command_line_is_the_users_choice(source: str) -> None:
    """A tool that imports the plugin its user types or passes (as `celery -A` does) loads it by design."""
    assert findings_for(ClientDataToCodeExecution, source) == []


OWN_ERROR_VIEW = """
from flask import Flask, jsonify
from {module} import RuleError

app = Flask(__name__)

@app.post("/verify")
def verify():
    try:
        return jsonify(check())
    except RuleError as e:
        return jsonify({{"error": e.message, "error_code": e.error_code}}), 400
"""


@pytest.mark.parametrize(("path", "module", "reported"), [
    ("api/views/documents.py", "api.services", False),
    ("src/api/views/documents.py", "api.services.errors", False),
    ("api/views/documents.py", "payments.errors", True),
    ("documents.py", "api.services", True),
])
def test_own_error_answered_with_its_code_is_the_api_error(path: str, module: str, reported: bool) -> None:
    """An error class of the file's own package whose error code the view returns is written for the client."""
    findings = findings_for(ErrorDetailsToClient, OWN_ERROR_VIEW.format(module=module), path=path)
    assert bool(findings) is reported


OWN_ERROR_ROUTE = """
from fastapi import FastAPI, HTTPException
from . import {module}

app = FastAPI()

@app.post("/ask")
async def ask(question: str):
    try:
        return await {module}.answer(question)
    except {module}.AssistantError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
"""
OWN_ERROR_MODULE = """
import httpx

class AssistantError(RuntimeError):
    pass

class ModelRefused(AssistantError):
    pass

async def answer(question, rounds=4):
    try:
        reply = await httpx.AsyncClient(timeout=5).post("https://llm.test", json={{"q": question}})
    except httpx.HTTPError as exc:
        {raise_line}
    if reply.status_code == 400:
        raise ModelRefused({refused})
    raise AssistantError(f"no answer after {{rounds}} rounds")
"""


@pytest.mark.parametrize(("raise_line", "refused", "reported"), [
    ('raise AssistantError("the assistant is unavailable") from exc', '"the model refused"', False),
    ("raise AssistantError() from exc", "f\"refused {question!r}\"", False),
    ('raise AssistantError(f"model call failed: {exc}") from exc', '"the model refused"', True),
    ('raise AssistantError(str(exc)) from exc', '"the model refused"', True),
    ('raise AssistantError("the assistant is unavailable") from exc', "f\"refused: {reply.text}\"", True),
    ('raise AssistantError("the assistant is unavailable") from exc', "reply.json()['error']", True),
    ("raise", '"the model refused"', False),
])
def test_own_error_raised_with_its_own_wording_is_written_for_the_client(
        tmp_path: Path, raise_line: str, refused: str, reported: bool) -> None:
    """A project's error class that its module raises (it and its subclasses) only with literal text, or plain names
    in an f-string, carries the project's words; one raised with a caught exception's or a response's text does not."""
    assert own_error_findings(tmp_path, "errors", raise_line, refused) == ([("api.py", "VC414")] if reported else [])


@pytest.mark.parametrize(("raise_line", "refused", "reported"), [
    ('raise AssistantError("the assistant is unavailable") from exc', '"the model refused"', False),
    ('raise AssistantError(f"model call failed: {exc}") from exc', '"the model refused"', True),
])
def test_own_error_of_a_relatively_imported_module_is_followed(
        tmp_path: Path, raise_line: str, refused: str, reported: bool) -> None:
    """A module the file imports relatively (`from . import llm`, then `except llm.AssistantError`) is read as the error
    modules are, and the cache key covers it: `llm.AssistantError` raised with the project's own wording only is not
    reported, one raised with a caught exception's text is."""
    assert own_error_findings(tmp_path, "llm", raise_line, refused) == ([("api.py", "VC414")] if reported else [])


def test_own_error_of_a_module_imported_by_its_package_name_is_followed(tmp_path: Path) -> None:
    """`from assistant import llm`: a module of the file's own package imported by its absolute name is read too."""
    package = tmp_path / "assistant"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    route = OWN_ERROR_ROUTE.format(module="llm").replace("from . import llm", "from assistant import llm")
    (package / "api.py").write_text(route, encoding="utf-8")
    (package / "llm.py").write_text(OWN_ERROR_MODULE.format(
        raise_line='raise AssistantError("the assistant is unavailable") from exc', refused='"the model refused"'),
        encoding="utf-8")
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, cache=False, select=("VC414",)))
    assert not report.errors
    assert report.findings == []


def test_the_modules_of_its_own_package_a_file_imports_are_read_from_its_text(tmp_path: Path) -> None:
    folder = tmp_path / "shop" / "api"
    folder.mkdir(parents=True)
    module = folder / "views.py"
    module.write_text("from . import llm, redaction as r\nfrom .errors import Gone\nfrom .. import (\n    services,\n"
                      "    crud,\n)\nfrom ..config import get_settings  # settings\nfrom shop.stock import OutOfStock\n"
                      "from api import deps\nfrom shop.orders.models import Order\nfrom flask import jsonify\n"
                      "import json\n", encoding="utf-8")
    shop, api = str(tmp_path / "shop"), str(folder)
    assert imported_modules(str(module)) == {(api, "llm"), (api, "redaction"), (api, "errors"), (shop, "services"),
                                             (shop, "crud"), (shop, "config"), (shop, "stock"), (api, "deps")}


@pytest.mark.parametrize("body", ["def f():\n    pass\n", "class C:\n    pass\n", "async def f():\n    pass\n",
                                  "@cache\ndef f():\n    pass\n"])
def test_only_the_imports_above_the_first_definition_are_read(tmp_path: Path, body: str) -> None:
    module = tmp_path / "views.py"
    module.write_text(f"from . import llm\n{body}from . import errors\nclass D:\n    pass\nfrom . import stock\n",
                      encoding="utf-8")
    assert imported_modules(str(module)) == {(str(tmp_path), "llm")}


def test_the_imported_modules_digest_changes_with_an_imported_module_only(tmp_path: Path) -> None:
    module, helper = tmp_path / "views.py", tmp_path / "utils.py"
    module.write_text("from .utils import escape\n", encoding="utf-8")
    helper.write_text("def escape(value):\n    return value\n", encoding="utf-8")
    (tmp_path / "other.py").write_text("", encoding="utf-8")
    digests = []
    for edit in ("other.py", "utils.py"):
        imported_modules.cache_clear()
        imports_digest.cache_clear()
        listings.forget()
        digests.append(enum_modules_inputs(str(module)))
        assert own_errors_inputs(str(module)).endswith(digests[-1])
        (tmp_path / edit).write_text("# edited, longer\n", encoding="utf-8")
    imported_modules.cache_clear()
    imports_digest.cache_clear()
    listings.forget()
    assert enum_modules_inputs(str(module)) != digests[1] == digests[0]


def own_error_findings(tmp_path: Path, module: str, raise_line: str, refused: str) -> list[tuple[str, str]]:
    package = tmp_path / "assistant"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "api.py").write_text(OWN_ERROR_ROUTE.format(module=module), encoding="utf-8")
    (package / f"{module}.py").write_text(OWN_ERROR_MODULE.format(raise_line=raise_line, refused=refused),
                                          encoding="utf-8")
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, cache=False, select=("VC414",)))
    assert not report.errors
    return [(Path(f.location.path).name, f.code) for f in report.findings]


@pytest.mark.parametrize(("layout", "reported"), [
    ({"errors.py": 'class OrderError(Exception):\n    pass\n'}, True),  # never raised where it is defined: unknown text
    ({"errors.py": 'class OrderError(Exception):\n    pass\n\ndef fail(n):\n    raise OrderError(f"no order {n}")\n'},
     False),
    ({"core/errors.py": 'class OrderError(Exception):\n    pass\n\ndef fail():\n    raise OrderError("gone")\n'},
     True),  # a module deeper in the package: outside what the cache key covers
])
def test_own_error_is_read_only_beside_the_file(tmp_path: Path, layout: dict[str, str], reported: bool) -> None:
    package = tmp_path / "shop"
    for relative, text in layout.items():
        (package / relative).parent.mkdir(parents=True, exist_ok=True)
        (package / relative).write_text(text, encoding="utf-8")
    module = "shop." + next(iter(layout)).removesuffix(".py").replace("/", ".")
    view = (f"from flask import Flask, jsonify\nfrom {module} import OrderError\n\napp = Flask(__name__)\n\n"
            "@app.get('/o')\ndef get_order():\n    try:\n        return jsonify(load())\n"
            "    except OrderError as e:\n        return jsonify(error=str(e)), 404\n")
    (package / "views.py").write_text(view, encoding="utf-8")
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, cache=False, select=("VC414",)))
    assert bool(report.findings) is reported


@pytest.mark.parametrize(("url", "severity"), [
    ("http://server:8001/api/issues", Severity.LOW),
    ("http://auth-service/login", Severity.LOW),
    ("http://api.example.com/login", Severity.HIGH),
    ("http://10.0.0.7/login", Severity.HIGH),
])
def test_credentials_to_a_single_label_service_host_are_low(url: str, severity: Severity) -> None:
    """A compose or cluster service name resolves only on a private network; a dotted name or an address may not."""
    source = f'import requests\n\ndef send(token):\n    requests.post("{url}", headers={{"Authorization": token}}, timeout=5)\n'
    [finding] = findings_for(CleartextCredentials, source)
    assert finding.severity is severity


@pytest.mark.parametrize("rule", [RequestDataToFilesystemOrUrl, RequestDataToInjectionSink])
def test_tornado_corpus_is_reported_exactly(rule: type[RequestDataToFilesystemOrUrl]) -> None:
    """A Tornado handler's arguments, path captures, body and URI are client input; other classes' methods are not."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/cases_tornado.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 4 and len(ok) >= 4
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize(("rule", "name"), [(RequestDataToInjectionSink, "cases_other_frameworks.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_quart_litestar.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_robyn_blacksheep.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_serverless.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_bare_views.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_socket_dash.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_chainlit.py"),
                                            (RequestDataToFilesystemOrUrl, "cases_falcon.py"),
                                            (ClientDataToShell, "cases_bots.py"),
                                            (ClientDataToShell, "cases_bentoml_aiogram.py"),
                                            (ClientDataInHtml, "cases_fasthtml.py"),
                                            (ClientDataInHtml, "cases_streamlit.py")])
def test_framework_corpus_is_reported_exactly(rule: type[RequestDataToInjectionSink], name: str) -> None:
    """aiohttp, Falcon and Pyramid raise their redirects, Quart awaits its file responses, Litestar's handlers
    take their input as bare-verb route parameters and answer with `File(path=...)`, serverless functions read
    their requests from Google's, Azure's and Chalice's objects, a view pasted alone (no framework import) is
    known by the fields of the request it reads, Socket.IO events, Dash callbacks and Chainlit's chat handlers take what
    the browser sent (not where Chainlit stored an upload), chat bots what their users typed, and Streamlit renders
    a widget's value as HTML where the app asks it to (`unsafe_allow_html=True`, `components.html`); a Falcon
    responder takes its URL template's fields after `req` and `resp`, a BentoML API its arguments and a FastHTML
    handler its parameters (not those it fills by name, `auth`, `sess`), which `NotStr()` renders as HTML."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 3 and len(ok) >= 3
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_model_output_returned_as_a_page_corpus_is_reported_exactly() -> None:
    """A route that declares HTML responses (also by setting `response.content_type`) sends what it returns as markup,
    and a Flask view a string it builds; a JSON route, a response object, an escaped value and a template's context are
    no page of model text."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_html_routes.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert len(expected) >= 3 and len(ok) >= 5
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_model_output_returned_under_an_html_content_type_corpus_is_reported_exactly() -> None:
    """A route that sets its response's content type to HTML (Emmett's `response.content_type = "text/html"`) sends the
    text it returns as markup; plain text, a route that says nothing and a template's context do not."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_content_type.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert len(expected) >= 2 and len(ok) >= 4
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_tools_named_by_schema_strings_corpus_is_reported_exactly() -> None:
    """A module that imports a model client and writes tool schemas names its tools in strings: each function a string
    names takes the model's arguments; one `__all__` exports does not."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_tool_schemas.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert len(expected) >= 3 and ok
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_marked_markdown_corpus_is_reported_exactly() -> None:
    """Markdown rendered from a text and marked safe is reported; a sanitiser after it, a literal text, unmarked output
    and converters set to escape the raw HTML (mistune's default, markdown2's `safe_mode`, markdown-it without HTML)
    are not."""
    [corpus] = RULES_DIR.glob("VC427-*/cases_markdown.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC427")
    assert len(expected) >= 5 and len(ok) >= 7
    result = check_corpus(HtmlBuiltFromVariable, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_system_prompt_corpus_is_reported_exactly() -> None:
    """Retrieved documents and tool results in a system message, `SystemMessage`, a `("system", ...)` tuple or
    Anthropic's `system=` are reported; the same text in a user or `tool` message, or a fixed system prompt, is not."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_system_prompt.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert len(expected) >= 5 and len(ok) >= 5
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_system_keywords_outside_model_sdks_are_not_prompts() -> None:
    """`system=` and `instructions=` are a system prompt only in a module that imports a model SDK: FHIR's
    `Coding(system=...)` or a form's `instructions=` fed a parameter named `documents` or `Customer.retrieve` is not."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_system_keyword_elsewhere.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert not expected and len(ok) >= 3
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_tool_call_parameters_corpus_is_reported_exactly() -> None:
    """A function handed a reply's tool call (`handle_tool(block)` reading `block.name` and `block.input`, or OpenAI's
    `tool_call.function.arguments`) reads what the model wrote; `form.input` alone, or a parameter read as no tool call,
    is not a tool call."""
    [corpus] = RULES_DIR.glob("VC401-*/cases_tool_blocks.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC401")
    assert len(expected) >= 3 and len(ok) >= 3
    result = check_corpus(LlmOutputToDangerousSink, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_bottle_azure_and_socketio_error_corpus_is_reported_exactly() -> None:
    """Bottle's `@app.error(500)` and Flask-SocketIO's `@socketio.on_error_default` handlers hold the server's error;
    Azure's `func.HttpResponse`, Bottle's `HTTPResponse` and a socket's `emit()` answer the client."""
    [corpus] = RULES_DIR.glob("VC414-*/cases_bottle_azure_socketio.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC414")
    assert len(expected) >= 4 and len(ok) >= 3
    result = check_corpus(ErrorDetailsToClient, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_registered_error_handlers_corpus_is_reported_exactly() -> None:
    """A function registered as an exception handler by a call (`register_error_handler`, `add_exception_handler`) or
    in BlackSheep's `exceptions_handlers` holds the server's error and answers the client, as a decorated one does."""
    [corpus] = RULES_DIR.glob("VC414-*/cases_registered_handlers.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC414")
    assert len(expected) >= 4 and len(ok) >= 4
    result = check_corpus(ErrorDetailsToClient, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_streamlit_error_corpus_is_reported_exactly() -> None:
    """What a Streamlit script shows (`st.error`, `st.exception`, `st.code`, `st.write`) is read by its visitor."""
    [corpus] = RULES_DIR.glob("VC414-*/cases_streamlit.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC414")
    assert len(expected) >= 4 and len(ok) >= 2
    result = check_corpus(ErrorDetailsToClient, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize("rule", [RequestDataToFilesystemOrUrl, RequestDataToInjectionSink, ClientControlledAuthorization])
def test_bottle_corpus_is_reported_exactly(rule: type[RequestDataToFilesystemOrUrl]) -> None:
    """Bottle's `request` global imported by name is the client's request (`request.query`, `request.json`,
    `request.get_header(...)`), and the `filename` of one of its uploads is already sanitised (`raw_filename` is not)."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/cases_bottle.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected and ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize("rule", [RequestDataToFilesystemOrUrl, RequestDataToInjectionSink])
def test_emmett_corpus_is_reported_exactly(rule: type[RequestDataToFilesystemOrUrl]) -> None:
    """Emmett's `request` global imported by name is the client's request (`await request.body_params`,
    `request.query_params`), and its `redirect()` sends the browser where it is told."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/cases_emmett.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected and ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize("client", [
    'import boto3\nruntime = boto3.client("bedrock-runtime")\n',
    'from transformers import pipeline\nruntime = pipeline("text-generation")\n',
    'from llama_index.core import VectorStoreIndex\nruntime = VectorStoreIndex.from_documents([]).as_query_engine()\n',
])
def test_a_module_level_model_client_is_followed_in_a_module_that_imports_only_its_library(client: str) -> None:
    call = {"boto3": "runtime.converse(modelId='m', messages=[])", "transformers": "runtime(task)",
            "llama_index": "runtime.query(task)"}[client.split()[1].split(".")[0]]
    source = f"import os\n{client}\n\ndef act(task):\n    os.system(str({call}))\n"
    assert [f.location.start.line for f in findings_for(LlmOutputToDangerousSink, source)] == [7]
    assert findings_for(LlmOutputToDangerousSink, source.replace("def act(task)", "def act(task, runtime)")) == []


ONE_FINDING_A_LINE = '''
import os
import pickle
import random
import subprocess
import string

from flask import Flask, request
from openai import OpenAI

client = OpenAI()
app = Flask(__name__)


def ask(prompt):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content


def run_fix(log):
    command = client.chat.completions.create(model="gpt-4o", messages=[]).choices[0].message.content
    subprocess.run(command, shell=True)  # VC401, not B602


def restore(prompt):
    return pickle.loads(ask(prompt).encode())  # VC417, not VC406


def calculate(prompt):
    return eval(ask(prompt))  # VC417, not B307


@app.post("/script")
def run_script():
    exec(open(request.args["script"]).read())  # VC413, not VC405 or B102


def api_key():
    return "".join(random.choice(string.ascii_letters) for _ in range(32))  # VC206, not B311


if __name__ == "__main__":
    app.run(debug=True)  # VC211, not B201
'''


def test_one_problem_on_a_line_is_one_finding_under_the_precise_code(tmp_path: Path) -> None:
    root = tmp_path / "service"
    root.mkdir()
    (root / "agent.py").write_text(ONE_FINDING_A_LINE, encoding="utf-8")
    report = check_paths([str(root)], Settings(root=str(root), jobs=1))
    lines = ONE_FINDING_A_LINE.splitlines()
    codes_by_line: dict[int, set[str]] = {}
    for finding in report.findings:
        codes_by_line.setdefault(finding.location.start.line, set()).add(finding.code)
    for number, line in enumerate(lines, 1):
        if "  # VC" in line:
            expected = line.split("  # ")[1].split(",")[0]
            security = {code for code in codes_by_line.get(number, set()) if not code.startswith(("VC1", "VC5"))}
            assert security == {expected}, (number, line)


@pytest.mark.parametrize(("value", "severity"), [
    ("q8Lm3Nv2Kw4Jz7Xb1Cd5Ef9Gh0Ij2Kl4Mn6Op8Qr", Severity.HIGH),  # 40 characters: the AWS format
    ("q8Lm3Nv2Kw4Jz7Xb1Cd5Ef9Gh0Ij2Kl4Mn6Op8QrS", Severity.MEDIUM),  # 41: a credential of unknown format
])
def test_an_aws_secret_access_key_is_known_by_its_name_and_length(value: str, severity: Severity) -> None:
    [finding] = findings_for(HardcodedCredential, f'AWS_SECRET_ACCESS_KEY = "{value}"\n')
    assert finding.severity is severity


XML_ROUTES = """
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

@app.post("/feed")
def feed():
    return etree.fromstring(request.data).tag

@app.post("/stream")
def stream():
    return [element.tag for _, element in etree.iterparse(request.files["doc"])]

@app.post("/entities")
def entities():
    return etree.fromstring(request.data, etree.XMLParser(resolve_entities=True)).tag
"""


def test_lxml_severity_follows_the_parser_and_the_version_its_default_became_safe() -> None:
    """The default parser of `fromstring()` is safe since lxml 5.2 (medium); `iterparse()`'s only since 6.1, and a
    parser told to resolve entities never (high)."""
    found = [(f.location.start.line, f.severity.value, f.message.rsplit(" ", 1)[-1])
             for f in findings_for(XmlExternalEntities, XML_ROUTES, path="app.py")]
    assert found == [(9, "medium", "5.2."), (13, "high", "6.1."), (17, "high", "entities.")]


YAML_LOADER_PROJECT = {
    "app/__init__.py": "",
    "app/_internal/__init__.py": "",
    "app/_internal/constructor.py": textwrap.dedent('''
        import abc
        from yaml.constructor import FullConstructor, SafeConstructor

        class _Base(SafeConstructor, metaclass=abc.ABCMeta):
            pass

        class AppConstructor(_Base):
            pass

        class RiskyConstructor(FullConstructor):
            pass
        '''),
    "app/_internal/loader.py": textwrap.dedent('''
        from yaml.composer import Composer
        from yaml.parser import Parser
        from yaml.reader import Reader
        from yaml.resolver import Resolver
        from yaml.scanner import Scanner
        from somelib import PluginConstructor
        from .constructor import AppConstructor, RiskyConstructor

        class _Parser(Reader, Scanner, Parser, Composer):
            pass

        class AppLoader(_Parser, AppConstructor, Resolver):
            pass

        class RiskyLoader(_Parser, RiskyConstructor, Resolver):
            pass

        class PluginLoader(_Parser, AppConstructor, PluginConstructor, Resolver):
            pass
        '''),
    "app/loader.py": textwrap.dedent('''
        from app._internal import loader as _loader

        def AppLoader(*args, **kwargs):
            """Compatibility factory."""
            return _loader.AppLoader(*args, **kwargs)
        '''),
    "app/use.py": textwrap.dedent('''
        import yaml
        from app._internal import loader as internal
        from app._internal.loader import PluginLoader, RiskyLoader
        from app.loader import AppLoader
        from somelib import ThirdPartyLoader

        class LocalLoader(internal.AppLoader):
            pass

        def read(data):
            return yaml.load(data, Loader=AppLoader)

        def read_internal(data):
            return yaml.load_all(data, Loader=internal.AppLoader)

        def read_local(data):
            return yaml.load(data, Loader=LocalLoader)

        def read_risky(data):
            return yaml.load(data, Loader=RiskyLoader)

        def read_plugin(data):
            return yaml.load(data, Loader=PluginLoader)

        def read_third_party(data):
            return yaml.load(data, Loader=ThirdPartyLoader)
        '''),
}


def test_a_loader_class_is_followed_through_the_bases_of_other_modules_to_pyyaml() -> None:
    """`AppLoader` (a factory of a class two modules away whose constructor derives from `SafeConstructor`) builds only
    plain data; a class derived from `FullConstructor`, or from a base the project does not show, may not."""
    findings = sources_findings(YAML_LOADER_PROJECT, [RouteWithoutAuth], file_rules=(UnsafeDeserialization,))
    reported = [f.location.start.line for f in findings if f.code == "VC406"]
    assert reported == [21, 24, 27]  # read_risky, read_plugin, read_third_party


def test_a_loader_imported_from_the_project_is_reported_when_no_project_phase_can_clear_it() -> None:
    """Checked on its own (the testing helpers' per-file run), nothing reads the other modules: the finding stays, as a
    guardrail keeps what it cannot clear."""
    [finding] = findings_for(UnsafeDeserialization, YAML_LOADER_PROJECT["app/use.py"].split("class LocalLoader")[0]
                             + "def read(data):\n    return yaml.load(data, Loader=AppLoader)\n")
    assert "`Loader=AppLoader`" in finding.message



def test_a_loader_cleared_by_another_module_is_cleared_when_vc406_runs_alone(tmp_path: Path) -> None:
    """The project phase that clears a loader of another module ran only beside a project rule: `--select VC406`
    reported the safe `AppLoader` that the full run clears. Each selection now reports what the full run does."""
    for name, text in YAML_LOADER_PROJECT.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")

    def reported(*options: str) -> list[int]:
        run = subprocess.run([sys.executable, "-m", "vibecheck", "--format", "json", "--no-bandit", *options, "."],
                             cwd=tmp_path, capture_output=True, text=True, timeout=300,
                             env={**os.environ, "VIBECHECK_NO_SERVER": "1"})
        assert run.returncode == 1, run.stderr
        return [f["start"]["line"] for f in json.loads(run.stdout)["findings"] if f["code"] == "VC406"]

    assert reported() == [21, 24, 27]  # read_risky, read_plugin, read_third_party
    assert reported("--select", "VC406") == [21, 24, 27]


TOOL_TABLE_MODULE = '''import subprocess

def shell_tool(command):
    return subprocess.run(command, shell=True, capture_output=True).stdout

TOOLS = {"shell": shell_tool}
'''


@pytest.mark.parametrize(("extra", "reported"), [
    ('SCHEMAS = [{"name": "shell", "parameters": {"type": "object"}}]\n', True),
    ('SCHEMAS = [{"name": "shell", "input_schema": {"type": "object"}}]\n', True),
    ("import anthropic\n", True),
    ("", False),
])
def test_a_table_of_tools_hands_its_functions_to_the_model_where_the_module_speaks_to_one(extra: str,
                                                                                          reported: bool) -> None:
    """`TOOLS = {"shell": shell_tool}` beside a tool schema or a model client's import is what a tool-calling loop looks
    functions up in by the model's choice; without either, a table named for tools maps programs, not a model's calls."""
    findings = findings_for(LlmOutputToDangerousSink, extra + TOOL_TABLE_MODULE)
    assert bool(findings) is reported


DJANGO_SCHEMA_STEP = """
from django.db import migrations

from shop.conf import get_db_schema

_schema = get_db_schema()


def move_tables(apps, schema_editor):
    schema_editor.execute(f'ALTER TABLE "{_schema}".orders ADD COLUMN note text')
"""


@pytest.mark.parametrize(("tail", "reported"), [
    ("\n\nclass Migration(migrations.Migration):\n    operations = [migrations.RunPython(move_tables)]\n", False),
    ("", True),
])
def test_a_django_migrations_ddl_is_the_operators_run_once(tail: str, reported: bool) -> None:
    """`manage.py migrate` runs a migration's `RunPython` step once, on the schema the project's settings name; the
    same step in an ordinary module is still reported."""
    assert bool(findings_for(SqlBuiltFromStrings, DJANGO_SCHEMA_STEP + tail)) is reported


@pytest.mark.parametrize("name", ["cases_schema_metadata.py", "cases_constant_helpers.py", "cases_number_conversions.py"])
def test_sql_corpus_is_reported_exactly(name: str) -> None:
    """DDL from a model's or a schema's own definition, helpers returning the code's own text and number conversions
    paste no value; their look-alikes beside them do."""
    [corpus] = RULES_DIR.glob(f"{SqlBuiltFromStrings.code}-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), SqlBuiltFromStrings.code)
    assert len(expected) >= 2 and len(ok) >= 2
    result = check_corpus(SqlBuiltFromStrings, corpus)
    assert not result.missed and not result.unexpected, result.describe()


@pytest.mark.parametrize(("imported", "reported"), [("from sanic import Sanic", True), ("from tasks import Sanic", False)])
def test_an_exception_decorator_is_an_error_handler_only_in_a_sanic_module(tmp_path: Path, imported: str,
                                                                            reported: bool) -> None:
    """`@app.exception(Exception)` is Sanic's error handler; elsewhere the word may be any library's decorator."""
    (tmp_path / "server.py").write_text(textwrap.dedent(f"""\
        {imported}
        from sanic.response import json

        app = Sanic("media")


        @app.exception(Exception)
        async def on_error(request, exc):
            return json({{"detail": repr(exc)}}, status=500)
        """).replace("from sanic.response import json", "from responses import json" if not reported else
                     "from sanic.response import json"), encoding="utf-8")
    report = check_paths([str(tmp_path)], Settings(root=str(tmp_path), jobs=1, cache=False, select=("VC414",)))
    assert not report.errors
    assert [f.code for f in report.findings] == (["VC414"] if reported else [])
