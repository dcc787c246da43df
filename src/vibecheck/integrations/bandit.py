"""Bandit's checks, run in-process on the source vibecheck already read, reported as vibecheck findings.

Every coupling to bandit's internals lives in this module and its `bandit_*` siblings (supported:
`bandit>=1.7.7,<2`, the range pinned in pyproject.toml and checked by tests/integrations/test_bandit.py).
We reuse bandit's AST visitor (driven only where a check looks: `vibecheck.integrations.bandit_visitor`),
its plugins and blacklists, its `# nosec` parser and its docs links; we replace its file discovery, its
file reading and its tester, so that:
- the test table is built once per process and per options (bandit's own tester mutates the plugin
  functions' `_config`, which would leak one configuration into another),
- a check that raises becomes an `EngineError` for that file instead of a log line,
- a check is asked about a node only where the first test it makes can pass (the call's name is one its config
  lists, ...: `vibecheck.integrations.bandit_gates`), which bandit's own tester does not know,
- hard-coded password findings (B105-B107) never print the password,
- a finding whose node's place shows no defect is not reported (`_names_no_defect`: B104's `"0.0.0.0"`
  compared with a host, or only shown in a message, not bound),
- findings that are noise in a test file (B101 assert, B105-B107 fixture passwords, ...; see
  `TEST_FILE_SKIPS`) are not reported there by default; `test-file-skips = [...]` replaces the list.

How the pipeline uses it, per file, through `ANALYZER` of `vibecheck.integrations.bandit_analyzer` (the
`vibecheck.analyzers` interface), which imports this module, and bandit with it, only when a file is checked:
1. the pipeline skips it with `--no-bandit`, or when the file has a VC001 parse error (Python cannot
   parse it either, so bandit would only add an engine error for the same file);
2. `ANALYZER.check(unit, enabled, settings)` (`check_unit`) runs `run_bandit` on the unit's decoded text and on the
   `ast` the pipeline parsed once for the file (the facts collector shares it);
3. the filter stage's `vibecheck.dedupe.drop_superseded` then runs *before* inline suppressions are
   applied, so `# vibecheck: ignore[VC408]` also silences the B602 it replaced;
4. selection (`B`, `B101`, test names are not codes) and suppressions apply to bandit codes as to VC codes;
5. `--fail-on`: low-confidence bandit findings are reported but do not fail the build unless
   `[tool.vibecheck.bandit] low-confidence-fails = true`; `ANALYZER.blocks_build(finding, settings)`.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import importlib
import inspect
import io
import json
import logging
import re
import sys
import tokenize
import warnings
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from vibecheck.integrations.stand_ins import stand_in_for

# Loading bandit's plugins makes stevedore warn that bandit passes an argument it deprecated
# (`verify_requirements`); that is bandit's to fix and says nothing to vibecheck's users, so it is silenced here.
# What bandit imports for its own runner and config files, which vibecheck replaces, is stood in for until used.
with warnings.catch_warnings():
    stand_in_for(("rich.progress", "yaml"))
    warnings.filterwarnings("ignore", message="The verify_requirements argument", category=DeprecationWarning)
    from bandit.core import context as bandit_context
    from bandit.core import docs_utils, extension_loader, manager
    from bandit.core import test_set as bandit_test_set
    from bandit.core.blacklisting import blacklist as bandit_blacklist
    from bandit.plugins import injection_sql
    from bandit.plugins.trojansource import BIDI_CHARACTERS

from vibecheck.analyzers import ExternalCode
from vibecheck.integrations import bandit_linear_sql
from vibecheck.integrations.bandit_advice import bandit_hint
from vibecheck.integrations.bandit_analyzer import SOURCE
from vibecheck.integrations.bandit_gates import CallNameGate, Gate, gate_for
from vibecheck.integrations.bandit_severity import default_severity, finding_severity
from vibecheck.integrations.bandit_visitor import SelectiveNodeVisitor, TreeLinks, links_follow_the_path, resolve_lines
from vibecheck.lines import split_lines
from vibecheck.model import Category, Confidence, EngineError, Finding, Location, Position, Severity
from vibecheck.redaction import redact, redact_known_secrets, redact_string_literals
from vibecheck.rule import SourceHints
from vibecheck.source import SourceUnit

SUPPORTED_BANDIT = ">=1.7.7,<2"
bandit_linear_sql.install(injection_sql)  # B608's own regex is quadratic on long literals
PASSWORD_CODES = frozenset({"B105", "B106", "B107"})
# Bandit codes not reported in test files (`test-paths`) by default: each names a risk that exists only
# when the code runs deployed, so in a test it is the fixture working as intended, not a defect. On flask's
# own sources these were half of bandit's findings. Checks whose risk a test run shares (shell injection,
# unsafe deserialization, weak TLS, ...) stay on. `[tool.vibecheck.bandit] test-file-skips` replaces this.
TEST_FILE_SKIPS: dict[str, str] = {
    "B101": "an assert is how pytest checks; `python -O` does not run test suites",
    "B104": "a test server bound to all interfaces lives as long as the test",
    "B105": "a fixture password (`password = \"test\"`) is test data, not a leaked credential",
    "B106": "a fixture password passed to a call (`login(password=\"x\")`) is test data",
    "B107": "a fixture password as a default argument is test data",
    "B108": "tests write to /tmp on purpose, on a throw-away machine",
    "B113": "a request without timeout in a test talks to a local test server; the test runner times out",
    "B201": "a Flask app with `debug=True` in a test is never served to anyone",
    "B303": "a weak hash in a test computes what the code under test must match (a checksum, a digest response)",
    "B311": "`random` makes test data, not secrets",
    "B321": "a test's FTP client logs in to its own test server with fixture credentials",
    "B324": "a weak hash in a test computes what the code under test must match (a checksum, a digest response)",
    "B402": "a test imports `ftplib` to talk to its own test server",
    "B608": "a test's queries paste its own fixtures (paths, column names); VC402 leaves tests alone for the same reason",
    "B507": "a test's SSH client connects to its own test server, whose key the test made",
    "B701": "a jinja2 environment in a test renders fixture templates for assertions; nothing is served to a browser",
    "B702": "a mako template in a test renders fixture data for assertions; nothing is served to a browser",
    "B704": "`Markup` in a test checks escaping; nothing is rendered to a browser",
}
# Bandit's "consider the security implications of this import/call" notices name no defect: selecting
# them by default would fail every project that imports `subprocess`. They stay available by code.
NOTICE_ONLY_CODES = frozenset({"B404", "B603"})

# bandit logs warnings (unknown test in a `# nosec`, a `# nosec` that matched nothing) through the
# logging module; without a handler Python would print them to stderr in the middle of our report.
logging.getLogger("bandit").addHandler(logging.NullHandler())

# Text a check cannot report without: at least one of the words occurs in the file, or the check is not run there.
# Each check below looks for a call or module it names (`yaml.load`, `requests.get`, `verify=False`) or a keyword
# that must be spelled (`shell=True`); an alias still spells the module in its import. Checks whose names come
# from their config (the shell-injection lists, B108's directories, B704's extra names) have no entry.
TEXT_PREFILTERS: dict[str, tuple[str, ...]] = {
    "B102": ("exec",), "B103": ("chmod",), "B113": ("requests", "httpx"), "B201": ("debug",), "B202": ("extractall",),
    "B324": ("hashlib", "crypt"), "B501": ("verify",), "B504": ("wrap_socket",), "B505": ("generate",),
    "B506": ("yaml",), "B507": ("set_missing_host_key_policy",), "B508": ("CommunityData",), "B509": ("UsmUserData",),
    "B601": ("exec_command",), "B602": ("shell",), "B604": ("shell",), "B610": ("extra",), "B611": ("RawSQL",),
    "B612": ("listen",), "B613": BIDI_CHARACTERS, "B614": ("torch",),
    "B615": ("transformers", "datasets", "huggingface_hub"), "B701": ("jinja2",), "B702": ("mako",),
    "B703": ("safestring",),
}
# The same, matched without regard to case (B106 matches parameter names like `PASSWORD=` case-insensitively).
CASELESS_PREFILTERS: dict[str, tuple[str, ...]] = {"B106": ("pas", "pwd", "token", "secret")}
# Both, as `_narrowed` looks for them: lower-cased.
_PREFILTER_WORDS = {code: tuple(word.lower() for word in words)
                    for code, words in (*TEXT_PREFILTERS.items(), *CASELESS_PREFILTERS.items())}

_SEVERITY = {"UNDEFINED": Severity.INFO, "LOW": Severity.LOW, "MEDIUM": Severity.MEDIUM, "HIGH": Severity.HIGH}
_CONFIDENCE = {"UNDEFINED": Confidence.LOW, "LOW": Confidence.LOW, "MEDIUM": Confidence.MEDIUM, "HIGH": Confidence.HIGH}
_PASSWORD_TEXT = re.compile(r"^(Possible hardcoded password: ')(.*)(')$", re.DOTALL)
_SUMMARY = re.compile(r"B\d{3}: ([^\n*]+)")

# Plugins decide severity and CWE per finding; these are their usual values in bandit 1.9, for
# `vibecheck rules`. Blacklist entries declare theirs, so they are read from bandit itself.
_PLUGIN_DEFAULTS: dict[str, tuple[str, int]] = {
    "B101": ("LOW", 703), "B102": ("MEDIUM", 78), "B103": ("MEDIUM", 732), "B104": ("MEDIUM", 605),
    "B105": ("LOW", 259), "B106": ("LOW", 259), "B107": ("LOW", 259), "B108": ("MEDIUM", 377),
    "B110": ("LOW", 703), "B112": ("LOW", 703), "B113": ("MEDIUM", 400), "B201": ("HIGH", 94),
    "B202": ("HIGH", 22), "B324": ("HIGH", 327), "B501": ("HIGH", 295), "B502": ("HIGH", 327),
    "B503": ("MEDIUM", 327), "B504": ("LOW", 327), "B505": ("HIGH", 326), "B506": ("MEDIUM", 20),
    "B507": ("HIGH", 295), "B508": ("MEDIUM", 319), "B509": ("MEDIUM", 319), "B601": ("MEDIUM", 78),
    "B602": ("HIGH", 78), "B603": ("LOW", 78), "B604": ("MEDIUM", 78), "B605": ("HIGH", 78),
    "B606": ("LOW", 78), "B607": ("LOW", 78), "B608": ("MEDIUM", 89), "B609": ("HIGH", 155),
    "B610": ("MEDIUM", 89), "B611": ("MEDIUM", 89), "B612": ("MEDIUM", 94), "B613": ("HIGH", 838),
    "B614": ("MEDIUM", 502), "B615": ("MEDIUM", 494), "B701": ("HIGH", 94), "B702": ("MEDIUM", 80),
    "B703": ("MEDIUM", 80), "B704": ("MEDIUM", 79),
}

# Where bandit names the wrong weakness, the CWE vibecheck reports instead: `eval`/`exec` run code (95, not OS
# commands), the XML parsers' risk is external entities (611), `yaml.load` builds objects (502), and
# templates rendered without escaping are cross-site scripting (79).
CWE_CORRECTIONS: dict[str, tuple[int, ...]] = {
    "B102": (95,), "B307": (95,), "B506": (502,), "B701": (79,), "B702": (79,), "B703": (79,),
    **{code: (611,) for code in ("B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320",
                                 "B405", "B406", "B407", "B408", "B409", "B410")},
    "B411": (611, 776),
}
# A weak hash on a line about passwords is a password stored with a weak hash (328, 916), not just a weak hash.
PASSWORD_HASH_CODES = frozenset({"B303", "B324"})
PASSWORD_WORDS = re.compile(r"passw|pwd|passphrase", re.IGNORECASE)
PASSWORD_HASH_CWE = (328, 916)


def corrected_cwe(code: str, reported: int, line_text: str = "") -> tuple[int, ...]:
    """The CWE ids of a bandit finding: bandit's own unless the tables above know better."""
    if code in PASSWORD_HASH_CODES and PASSWORD_WORDS.search(line_text):
        return PASSWORD_HASH_CWE
    if code in CWE_CORRECTIONS:
        return CWE_CORRECTIONS[code]
    return (reported,) if reported else ()


@dataclass(frozen=True)
class BanditRule:
    """What `vibecheck rules`, selection and config validation need to know about one bandit code."""

    code: str
    name: str
    summary: str
    severity: Severity
    cwe: tuple[int, ...]
    help_uri: str
    source: str = SOURCE
    docs: str = ""


@dataclass(frozen=True)
class BanditOptions:
    """`[tool.vibecheck.bandit]`: which bandit tests run and the settings passed to bandit's plugins.

    `plugins` maps a bandit plugin's config name (`shell_injection`, `hardcoded_tmp_directory`,
    `assert_used`, ...) to the settings bandit would read from its own config file under that name.
    """

    skips: tuple[str, ...] = ()
    tests: tuple[str, ...] = ()
    plugins: dict[str, Any] = field(default_factory=dict)
    low_confidence_fails: bool = False
    test_file_skips: frozenset[str] = frozenset(TEST_FILE_SKIPS)

    @classmethod
    def from_config(cls, table: dict[str, Any]) -> BanditOptions:
        """Build options from the `[tool.vibecheck.bandit]` table; raise ValueError naming a bad key or code."""
        values: dict[str, Any] = {"plugins": {}}
        config_names = _plugin_config_names()
        for key, value in table.items():
            normal = key.replace("-", "_")
            if normal in ("skips", "tests", "test_file_skips"):
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"`[tool.vibecheck.bandit] {key}` must be a list of bandit codes such as \"B101\"")
                codes = tuple(_test_id(v) for v in value)
                values[normal] = frozenset(codes) if normal == "test_file_skips" else codes
            elif normal == "low_confidence_fails":
                if not isinstance(value, bool):
                    raise ValueError(f"`[tool.vibecheck.bandit] {key}` must be true or false")
                values[normal] = value
            elif normal in config_names:
                values["plugins"][normal] = value
            else:
                known = sorted({"skips", "tests", "low-confidence-fails", "test-file-skips", *config_names})
                close = difflib.get_close_matches(normal, known, n=1)
                hint = f" (did you mean `{close[0]}`?)" if close else f" (known: {', '.join(known)})"
                raise ValueError(f"unknown key `{key}` in `[tool.vibecheck.bandit]`{hint}")
        return cls(**values)

    def cache_key(self) -> str:
        """A stable text that identifies these options (for the per-process test table and result caches)."""
        return json.dumps([sorted(self.skips), sorted(self.tests), self.plugins], sort_keys=True, default=repr)


@dataclass(frozen=True)
class _Check:
    test_id: str
    function: Any
    config: Any
    takes_config: bool
    gate: Gate | None = None  # the check's first test, run before it (`vibecheck.integrations.bandit_gates`)


def run_bandit(path: str, source: str, options: BanditOptions, *, is_test_file: bool,
               tree: ast.Module | None = None, data: bytes | None = None,
               hints: SourceHints | None = None) -> tuple[list[Finding], list[EngineError]]:
    """Run bandit's plugin and blacklist checks on `source`; never raises.

    `tree` (its `ast`), `data` (the file's bytes) and `hints` (its words, `SourceUnit.hints`) are used when the caller
    already has them, instead of parsing, encoding and reading the text again.

    `# nosec` and `# nosec B602` are honoured as bandit honours them; codes in `options.test_file_skips`
    (default `TEST_FILE_SKIPS`: assert, fixture passwords, /tmp paths, ...) are not reported in test files.
    A check that raises, or a file bandit cannot parse, gives an `EngineError` for this file.
    """
    try:
        checks = _checks_for(options.cache_key(), options)
    except Exception as exc:  # a bad plugin setting must be reported, not crash the worker
        return [], [EngineError(path, f"bandit could not be set up: {type(exc).__name__}: {exc}", rule=SOURCE)]
    table = _narrowed(checks, hints if hints is not None else SourceHints(source))
    errors: list[EngineError] = []
    nosec = _nosec_lines(source)
    tester = _Tester(table, nosec)
    try:
        file_bytes = data if data is not None else _file_bytes(source)
        checked_kinds = [kind for kind, entries in table.kinds.items() if entries]
        visitor = SelectiveNodeVisitor(path, io.BytesIO(file_bytes), nosec, tester, checked_kinds, tester.links)
        tree = tree if tree is not None else ast.parse(source)
        try:
            _process(visitor, tree)
        finally:
            tester.links.unlink()
    except Exception as exc:  # a syntax error, or bandit's recursive visitor or one of its parts failed
        errors.append(_failure(path, exc))
    for check, line, crash in tester.errors:
        errors.append(EngineError(path, f"bandit check {check.test_id} (`{check.function.__name__}`) crashed at line "
                                        f"{line}: {type(crash).__name__}: {crash}", rule=check.test_id))
    lines = split_lines(source)
    defused = _DEFUSED_XMLRPC_CALL in source and tree is not None and _patches_xmlrpc(tree)
    findings = [_to_finding(path, issue, lines) for issue in tester.results
                if not (is_test_file and issue.test_id in options.test_file_skips)
                and not (defused and issue.test_id == "B411")]
    return findings, errors


# B411 asks for `defusedxml.xmlrpc.monkey_patch()`: a module that calls it has followed the advice.
_DEFUSED_XMLRPC_CALL = "monkey_patch"


def _patches_xmlrpc(tree: ast.Module) -> bool:
    """The module calls `defusedxml.xmlrpc.monkey_patch()` (also through `from defusedxml import xmlrpc`)."""
    imported = {alias.asname or alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                and node.module == "defusedxml" for alias in node.names if alias.name == "xmlrpc"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == _DEFUSED_XMLRPC_CALL:
            receiver = ast.unparse(node.func.value)
            if receiver == "defusedxml.xmlrpc" or receiver in imported:
                return True
    return False


_OPTIONS_CACHE: dict[str, BanditOptions] = {}


def options_from_table(table: dict[str, Any]) -> BanditOptions:
    """`BanditOptions.from_config`, memoised per process (every file of a run has the same table)."""
    key = json.dumps(table, sort_keys=True, default=repr)
    options = _OPTIONS_CACHE.get(key)
    if options is None:
        options = _OPTIONS_CACHE[key] = BanditOptions.from_config(table)
    return options


def _failure(path: str, exc: BaseException) -> EngineError:
    if isinstance(exc, SyntaxError):
        return EngineError(path, f"bandit could not parse the file, so its checks did not run: {exc.msg} "
                                 f"(line {exc.lineno})", rule=SOURCE)
    return EngineError(path, f"bandit failed on this file, so its checks did not finish: {type(exc).__name__}: {exc}",
                       rule=SOURCE)


def _newer_syntax_failure(path: str, error: BaseException | None) -> EngineError:
    """libcst's grammar (which knows newer Pythons) read the file and this Python's `ast` did not: almost always
    syntax of a later Python (`type X = ...`, `def f[T]()`, nested f-string quotes), so say which Python to use."""
    if not isinstance(error, SyntaxError):
        return _failure(path, error or SyntaxError("unparsable"))
    running = f"{sys.version_info.major}.{sys.version_info.minor}"
    return EngineError(path, f"bandit could not parse the file with Python {running}, which runs vibecheck, so its "
                             f"checks did not run: {error.msg} (line {error.lineno}). The file likely uses syntax of a "
                             f"newer Python; install vibecheck under the Python version the project targets.",
                       rule=SOURCE)


def _process(visitor: Any, tree: ast.Module) -> None:
    """`BanditNodeVisitor.process` on a tree parsed once for the whole pipeline, instead of parsing again."""
    visitor.walk(tree)
    visitor.context = {"file_data": visitor.fdata, "filename": visitor.fname, "lineno": 0, "linerange": [0, 1],
                       "col_offset": 0}
    visitor.update_scores(visitor.tester.run_tests(visitor.context, "File"))


def external_codes() -> list[ExternalCode]:
    """Every bandit code as an external code of vibecheck (`vibecheck.integrations.bandit_analyzer`)."""
    return [ExternalCode(r.code, r.name, r.summary, SOURCE, r.code not in NOTICE_ONLY_CODES, severity=r.severity.value,
                         cwe=r.cwe, help_uri=r.help_uri, hint=bandit_hint(r.code), docs=r.docs)
            for r in bandit_rules()]


def check_unit(unit: SourceUnit, enabled: Collection[str], settings: Any) -> tuple[list[Finding], list[EngineError]]:
    """Bandit's findings for the enabled codes, on the unit's decoded text and shared `ast`."""
    if not any(code in enabled for code in _rules_by_code()) or unit.text is None:
        return [], []
    tree = unit.python_ast()
    if tree is None:  # libcst parsed what Python does not: say so once, without parsing again
        return [], [_newer_syntax_failure(unit.path, unit.ast_error)]
    options = options_from_table(getattr(settings, "bandit", None) or {})
    findings, errors = run_bandit(unit.path, unit.text, options, is_test_file=unit.is_test_file, tree=tree,
                                  data=unit.data, hints=unit.hints())
    return [f for f in findings if f.code in enabled], errors


def blocks_build(finding: Finding, options: BanditOptions) -> bool:
    """False for a low-confidence bandit finding unless `low-confidence-fails` is set: it is reported, not fatal."""
    return not (finding.source == SOURCE and finding.confidence is Confidence.LOW and not options.low_confidence_fails)


@lru_cache(maxsize=1)
def bandit_rules() -> list[BanditRule]:
    """Every bandit code this bandit knows (plugins and blacklists), with default severity, CWE and docs link."""
    extensions = extension_loader.MANAGER
    rules = []
    for code, plugin in extensions.plugins_by_id.items():
        severity, cwe = _PLUGIN_DEFAULTS.get(code, ("MEDIUM", 0))
        docs = (plugin.plugin.__doc__ or "") + (importlib.import_module(plugin.plugin.__module__).__doc__ or "")
        summary = _SUMMARY.search(docs)
        rules.append(BanditRule(code, plugin.plugin.__name__, summary.group(1).strip() if summary else plugin.name,
                                default_severity(code, _SEVERITY[severity]), _rule_cwe(code, cwe), _help_uri(code),
                                docs=_plain_docs(docs)))
    names = {code: entry["name"] for code, entry in extensions.blacklist_by_id.items()}  # before get_url renames them
    for code, entry in extensions.blacklist_by_id.items():
        cwe = int(entry.get("cwe") or 0)
        rules.append(BanditRule(code, names[code], entry["message"].replace("{name}", names[code]),
                                default_severity(code, _SEVERITY.get(entry.get("level", "MEDIUM"), Severity.MEDIUM)),
                                _rule_cwe(code, cwe),
                                _help_uri(code)))
    return sorted(rules, key=lambda r: r.code)


def _rule_cwe(code: str, cwe: int) -> tuple[int, ...]:
    """Every CWE a bandit code can be reported with (its corrected id, plus the password one for weak hashes)."""
    found = corrected_cwe(code, cwe)
    return found + PASSWORD_HASH_CWE if code in PASSWORD_HASH_CODES else found


_DOCS_END = (":Example:", "**Config Options:**", ":Config Options:", ".. seealso", ".. versionadded", "See also:")


def _plain_docs(rst: str) -> str:
    """The descriptive paragraphs of a plugin's reStructuredText docstring, before its examples and config."""
    lines: list[str] = []
    for line in inspect.cleandoc(rst).splitlines():
        stripped = line.strip()
        if stripped.startswith(_DOCS_END):
            break
        if stripped and set(stripped) <= set("=-~^"):
            continue
        lines.append(stripped.replace("``", "`"))
    return "\n".join(lines).strip()


def _help_uri(code: str) -> str:
    return str(docs_utils.get_url(code))


@lru_cache(maxsize=1)
def _rules_by_code() -> dict[str, BanditRule]:
    return {rule.code: rule for rule in bandit_rules()}


def _plugin_config_names() -> set[str]:
    return {p.plugin._takes_config for p in extension_loader.MANAGER.plugins if hasattr(p.plugin, "_takes_config")}


def _test_id(value: str) -> str:
    """A bandit code, also given as a test name (`assert_used` -> `B101`); ValueError if bandit has no such test."""
    extensions = extension_loader.MANAGER
    if extensions.check_id(value.upper()):
        return value.upper()
    by_name = extensions.get_test_id(value)
    if by_name:
        return str(by_name)
    close = difflib.get_close_matches(value.upper(), sorted(extensions.plugins_by_id) + sorted(extensions.blacklist_by_id), n=1)
    hint = f" (did you mean `{close[0]}`?)" if close else ""
    raise ValueError(f"bandit has no test `{value}`{hint}")


_CHECK_CACHE: dict[str, dict[str, list[_Check]]] = {}


def _checks_for(key: str, options: BanditOptions) -> dict[str, list[_Check]]:
    """{AST node kind: checks}, built once per process and options."""
    cached = _CHECK_CACHE.get(key)
    if cached is None:
        cached = _CHECK_CACHE[key] = _build_checks(options)
    return cached


def _build_checks(options: BanditOptions) -> dict[str, list[_Check]]:
    extensions = extension_loader.MANAGER
    enabled = bandit_test_set.BanditTestSet._get_filter(None, {"include": list(options.tests), "exclude": list(options.skips)})
    table: dict[str, list[_Check]] = {}
    for plugin in extensions.plugins:
        function = plugin.plugin
        if function._test_id not in enabled:
            continue
        config_name = getattr(function, "_takes_config", None)
        config = None
        if config_name is not None:
            config = options.plugins.get(config_name)
            if config is None:
                config = importlib.import_module(function.__module__).gen_config(config_name)
        for kind in function._checks:
            gate = gate_for(function._test_id, function.__module__, config)
            table.setdefault(kind, []).append(_Check(function._test_id, function, config, config_name is not None, gate))
    blacklists = {kind: [entry for entry in entries if entry["id"] in enabled] for kind, entries in extensions.blacklist.items()}
    blacklists = {kind: entries for kind, entries in blacklists.items() if entries}
    if blacklists:
        screened, call_gate = _screened_blacklist(blacklists), _listed_call(blacklists)
        for kind in blacklists:
            table.setdefault(kind, []).append(_Check("B001", screened, blacklists, True,
                                                     call_gate if kind == "Call" else None))
    return table


# Calls whose blacklisted name bandit reads from the first argument (the module they import), not the callee.
_IMPORTING_CALLS = frozenset({"importlib.import_module", "importlib.__import__"})


def _screened_blacklist(blacklists: dict[str, list[dict[str, Any]]]) -> Callable[[Any, Any], Any]:
    """Bandit's B001 `blacklist`, asked only about imports it can flag (calls are screened by `_listed_call`): it
    compares an import's names with every blacklisted name in turn, and most imports are named in no blacklist."""
    imported = {kind: tuple(name for check in blacklists[kind] for name in check["qualnames"])
                for kind in ("Import", "ImportFrom") if kind in blacklists}
    imported = {kind: names for kind, names in imported.items() if all(isinstance(name, str) for name in names)}

    def blacklist(context: Any, config: Any) -> Any:
        node = context.node
        kind = type(node)
        if kind.__name__ in imported:  # `from . import x` is run as an "Import", read as the ImportFrom it is
            prefix = f"{node.module}." if kind is ast.ImportFrom and node.module is not None else ""
            if not any((prefix + alias.name).startswith(imported[kind.__name__]) for alias in node.names):
                return None  # bandit's answer too: it flags a name that starts with a blacklisted one
        return bandit_blacklist(context, config)

    return blacklist


def _listed_call(blacklists: dict[str, list[dict[str, Any]]]) -> Gate:
    """B001's gate on a call: bandit matches the call's qualified name exactly against each blacklisted one (the
    dearest of its checks on a file, run on every call), and most calls are named in no blacklist; `__import__(...)`
    and the `_IMPORTING_CALLS` are read by the module they import."""
    listed = frozenset(name for check in blacklists.get("Call", ()) for name in check["qualnames"]) | _IMPORTING_CALLS
    return CallNameGate(listed.__contains__, otherwise=_calls_dunder_import)


def _calls_dunder_import(context: dict[str, Any]) -> bool:
    func = context["node"].func
    return type(func) is ast.Name and func.id == "__import__"


class _CallChecks(dict[str, tuple[_Check, ...]]):
    """{a call's de-aliased name: the call checks to run on a call of that name}, each name's worked out the first time
    a call of it is met. A check whose gate reads only the name (`CallNameGate`, most call checks) is asked once per
    name instead of once per call (400,000 gates on Django): it is there ungated where the name passes its gate, gated
    by the gate's `otherwise` where that has one, and left out elsewhere; the other checks keep their gates."""

    def __init__(self, checks: list[_Check]) -> None:
        super().__init__()
        self._screens = [_name_screen(check) for check in checks]

    def __missing__(self, name: str) -> tuple[_Check, ...]:
        if len(self) >= _CALL_NAMES_LIMIT:
            self.clear()
        found = self[name] = tuple(check for test, passed, failed in self._screens
                                   if (check := passed if test is None or test(name) else failed) is not None)
        return found


def _name_screen(check: _Check) -> tuple[Callable[[str], bool] | None, _Check, _Check | None]:
    """(the test of the check's gate on call names, or None; the check to run where a name passes it; where it fails)."""
    gate = check.gate
    if not isinstance(gate, CallNameGate):
        return None, check, None
    failed = dataclasses.replace(check, gate=gate.otherwise) if gate.otherwise is not None else None
    return gate.test, dataclasses.replace(check, gate=None), failed


_CALL_NAMES_LIMIT = 100_000  # names kept per check table (a long-lived server checks project after project)


@dataclass(frozen=True)
class _CheckTable:
    """A file's checks: by node kind, and the call checks by call name."""

    kinds: dict[str, list[_Check]]
    calls: _CallChecks
    links_follow_the_path: bool  # no check reads a link off the path to its node (`TreeLinks`)


_NARROWED: dict[tuple[int, frozenset[str]], tuple[dict[str, list[_Check]], _CheckTable]] = {}
_NARROWED_LIMIT = 512  # distinct (check table, absent checks) tables kept; a handful in practice


def _narrowed(checks: dict[str, list[_Check]], hints: SourceHints) -> _CheckTable:
    """The check table without the checks none of whose `TEXT_PREFILTERS` or `CASELESS_PREFILTERS` words the file
    spells. The words are looked for in the file's lower-cased words (`SourceHints.has_text`, which the engine built
    for the rules' file hints), a fifth of the text, where 33 searches of the whole text were 10 % of the bandit stage
    on Django: a word (B103's `chmod` in `os.fchmod`, B505's `generate` in `generate_private_key`) is still found
    inside a longer one, and a check is run on a file that spells its word in other letter case (no finding is lost)."""
    absent = {code for code, words in _PREFILTER_WORDS.items() if not any(hints.has_text(word) for word in words)}
    cache_key = (id(checks), frozenset(absent))
    cached = _NARROWED.get(cache_key)
    if cached is None or cached[0] is not checks:
        if len(_NARROWED) >= _NARROWED_LIMIT:
            _NARROWED.clear()
        kinds = {kind: [c for c in entries if c.test_id not in absent] for kind, entries in checks.items()}
        modules = {check.function.__module__ for entries in kinds.values() for check in entries}
        cached = _NARROWED[cache_key] = (checks, _CheckTable(kinds, _CallChecks(kinds.get("Call", [])),
                                                             links_follow_the_path(modules)))
    return cached[1]


class _Tester:
    """Bandit's `BanditTester.run_tests` semantics (nosec included), with our check table and error capture."""

    def __init__(self, table: _CheckTable, nosec_lines: dict[int, set[str] | None]) -> None:
        self.checks = table.kinds
        self.calls = table.calls
        self.links = TreeLinks(eager=not table.links_follow_the_path)
        self.nosec_lines = nosec_lines
        self.results: list[Any] = []
        self.errors: list[tuple[_Check, int, Exception]] = []

    def run_tests(self, raw_context: dict[str, Any], checktype: str) -> dict[str, list[int]]:
        name = raw_context.get("qualname") if checktype == "Call" else None
        for check in self.calls[name] if isinstance(name, str) else self.checks.get(checktype, ()):
            if check.gate is not None and not check.gate(raw_context):
                continue
            self.links.link()
            resolve_lines(raw_context)
            temp = raw_context.copy()  # what bandit's `copy.copy` does for a dict, without its dispatch
            context = bandit_context.Context(temp)
            try:
                result = check.function(context, check.config) if check.takes_config else check.function(context)
            except Exception as exc:  # recorded below, becomes an EngineError (exit 2)
                self.errors.append((check, temp.get("lineno", 0), exc))
                continue
            if result is None:
                continue
            if result.lineno is None:
                result.lineno = temp["lineno"]
            if result.linerange == []:
                result.linerange = temp["linerange"]
            if result.col_offset in (-1, 0):  # bandit < 1.8 defaults to 0 rather than -1
                result.col_offset = temp.get("col_offset", 0)
            result.end_col_offset = temp.get("end_col_offset", 0)
            result.test = check.function.__name__
            if result.test_id == "":
                result.test_id = check.test_id
            if _names_no_defect(result.test_id, temp.get("node")):
                continue
            if result.test_id == "B503":
                _point_at_default(result, temp, check.config)
            if result.test_id in OPTIONS_MAY_SET and _unpacks_options(temp.get("node")):
                result.confidence = "LOW"
            skip = self._nosec(temp, result)
            if skip is not None and (not skip or result.test_id in skip):
                continue
            self.results.append(result)
        return {"SEVERITY": [0, 0, 0, 0], "CONFIDENCE": [0, 0, 0, 0]}

    def _nosec(self, context: dict[str, Any], result: Any) -> set[str] | None:
        """The codes a `# nosec` on the finding's line or its node's lines skips; empty = all; None = no comment."""
        on_line = self.nosec_lines.get(result.lineno)
        on_node = next((self.nosec_lines[n] for n in context.get("linerange", ()) if self.nosec_lines.get(n) is not None), None)
        if on_line is None and on_node is None:
            return None
        return set(on_line or ()) | set(on_node or ())


# Checks that judge a call by a keyword it lacks (`autoescape=` of jinja2's `Environment`): a call that unpacks its
# options from a mapping (`Environment(loader=..., **settings["JINJA_ENVIRONMENT"])`) may set it there, so the finding
# is reported at low confidence, which does not fail the build (`low-confidence-fails` makes it).
OPTIONS_MAY_SET = frozenset({"B701"})


def _unpacks_options(node: Any) -> bool:
    return isinstance(node, ast.Call) and any(keyword.arg is None for keyword in node.keywords)


def _point_at_default(result: Any, context: dict[str, Any], config: Any) -> None:
    """Move B503 from the `def` line to the default that names the bad protocol (`method=SSL.SSLv23_METHOD`): the
    finding then shows the value to change, and a `# noqa: S503` written there (ruff reports it there) applies."""
    node = context.get("node")
    bad = set((config or {}).get("bad_protocol_versions", ()))
    if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not bad:
        return
    for default in (*node.args.defaults, *node.args.kw_defaults):
        name = default.attr if isinstance(default, ast.Attribute) else default.id if isinstance(default, ast.Name) else ""
        if name in bad and default is not None:
            result.lineno, result.col_offset = default.lineno, default.col_offset
            result.end_col_offset = default.end_col_offset or 0
            result.linerange = [default.lineno]  # a `# nosec` on the `def` line still counts (the node's lines)
            return


ZIP_OPENER = "ZipFile"


def _names_no_defect(code: str, node: Any) -> bool:
    """A finding the place of its node shows to be no defect: B104's `"0.0.0.0"` as an operand of a comparison
    (`if host == "0.0.0.0":`, `host in {"0.0.0.0", "::"}`) tests a configured host, one assigned to the address
    of the other end (`self.remote_ip = "0.0.0.0"`, a placeholder for a Unix socket's peer) names no interface, and
    one assigned to a name only shown in a message (`_only_shown`): none binds anything. B202 reports every
    `.extractall()` of a module that imports `tarfile`; one called on a `zipfile.ZipFile` extracts no tar member
    (and `zipfile` strips `..` and absolute paths itself)."""
    if code == "B202" and isinstance(node, ast.Call):
        return _extracts_a_zip(node)
    if code != "B104" or node is None:
        return False
    parent = getattr(node, "_bandit_parent", None)
    if isinstance(parent, (ast.Set, ast.Tuple, ast.List)):
        parent = getattr(parent, "_bandit_parent", None)
    if isinstance(parent, ast.Assign) and parent.value is node:
        return all(_PEER_ADDRESS.search(ast.unparse(target)) for target in parent.targets) or _only_shown(parent)
    return isinstance(parent, ast.Compare)


def _only_shown(assign: ast.Assign) -> bool:
    """`addr = "0.0.0.0"` in a function that then only formats the name into a message it prints, writes or logs
    (`print(f"Serving at http://{addr}/")`, `log.info("Listening on %s" % addr)`): the address is shown to
    the user, not bound. (The later nodes have no `_bandit_parent` yet while bandit's walk reports this one: their
    parents are read from the function's own walk.)"""
    if len(assign.targets) != 1 or not isinstance(assign.targets[0], ast.Name):
        return False
    name = assign.targets[0].id
    scope: Any = assign
    while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
        scope = getattr(scope, "_bandit_parent", None)
    if scope is None:
        return False
    parents = {id(child): node for node in ast.walk(scope) for child in ast.iter_child_nodes(node)}
    loads = [node for node in ast.walk(scope)
             if isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Load)]
    return bool(loads) and all(_shown(load, parents) for load in loads)


def _shown(value: ast.expr, parents: dict[int, ast.AST]) -> bool:
    """The value is formatted into text (a field of an f-string, an operand of `"..." % value`, also in its tuple, or
    an argument of `"...".format(...)`) that is handed straight to a call that shows it (`print`, `write`, a log)."""
    parent = parents.get(id(value))
    if isinstance(parent, ast.FormattedValue):
        text = parents.get(id(parent))
    else:
        if isinstance(parent, ast.Tuple):  # `"%s:%s" % (addr, port)`
            value, parent = parent, parents.get(id(parent))
        formatted = isinstance(parent, ast.BinOp) and isinstance(parent.op, ast.Mod) and parent.right is value \
            and isinstance(parent.left, ast.Constant) and isinstance(parent.left.value, str)
        formatted = formatted or (isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute)
                                  and parent.func.attr == "format" and isinstance(parent.func.value, ast.Constant)
                                  and isinstance(parent.func.value.value, str) and value in parent.args)
        text = parent if formatted else None
    call = parents.get(id(text)) if text is not None else None
    if not isinstance(call, ast.Call) or text not in call.args:
        return False
    func = call.func
    return (func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else "") \
        in DISPLAY_CALLS


# Calls that show text to a person: the console, a command's output stream, a log.
DISPLAY_CALLS = frozenset({"print", "write", "echo", "secho", "debug", "info", "warning", "warn", "error", "critical",
                           "log", "exception"})


def _extracts_a_zip(call: ast.Call) -> bool:
    """`zipfile.ZipFile(path).extractall(...)`, or `archive.extractall(...)` where every binding of `archive` in the
    enclosing function (or module) is a `ZipFile(...)`: an assignment or a `with ... as archive`."""
    receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
    if _is_zip_opener(receiver):
        return True
    if not isinstance(receiver, ast.Name):
        return False
    scope: Any = call
    while scope is not None and not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
        scope = getattr(scope, "_bandit_parent", None)
    if scope is None:
        return False
    bound = [value for node in ast.walk(scope) for value in _values_bound_to(node, receiver.id)]
    return bool(bound) and all(_is_zip_opener(value) for value in bound)


def _values_bound_to(node: ast.AST, name: str) -> list[ast.expr | None]:
    """What `node` binds to `name`: the value of `name = ...`, or the context of `with ... as name`."""
    if isinstance(node, ast.Assign):
        return [node.value for target in node.targets if isinstance(target, ast.Name) and target.id == name]
    if isinstance(node, (ast.With, ast.AsyncWith)):
        return [item.context_expr for item in node.items
                if isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == name]
    if isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
        target = node.target
        return [node.value] if isinstance(target, ast.Name) and target.id == name else []
    return []


def _is_zip_opener(node: ast.expr | None) -> bool:
    """`zipfile.ZipFile(...)`, `ZipFile(...)`."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return name == ZIP_OPENER


# Names of the other end's address: `remote_ip`, `peer_addr`, `client_host`.
_PEER_ADDRESS = re.compile(r"(?:remote|peer|client)_?(?:ip|addr|address|host)\b", re.IGNORECASE)


def _nosec_lines(source: str) -> dict[int, set[str] | None]:
    """{line: codes} for each `# nosec` comment, parsed by bandit's own parser."""
    found: dict[int, set[str] | None] = {}
    if "nosec" not in source:
        return found
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT and "nosec" in token.string:
                found[token.start[0]] = manager._parse_nosec_comment(token.string)
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def _file_bytes(source: str) -> bytes:
    """The file's bytes for checks that read the raw file (B613), in the encoding its cookie declares."""
    head = "\n".join(source.splitlines()[:2]).encode("utf-8", "replace")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(head).readline)
        return source.encode(encoding)
    except (SyntaxError, LookupError, UnicodeEncodeError):
        return source.encode("utf-8", "surrogatepass")


def _char_column(line: str, byte_offset: int) -> int:
    """ast columns count UTF-8 bytes; ours count characters."""
    if byte_offset <= 0:
        return 0
    return len(line.encode("utf-8", "surrogatepass")[:byte_offset].decode("utf-8", "ignore"))


def _to_finding(path: str, issue: Any, lines: list[str]) -> Finding:
    code = issue.test_id
    meta = _rules_by_code().get(code)
    line = max(int(issue.lineno or 1), 1)
    text = lines[line - 1] if line <= len(lines) else ""
    end_line = max(issue.linerange[-1] if issue.linerange else line, line)
    end_text = lines[end_line - 1] if end_line <= len(lines) else ""
    message = issue.text
    if code in PASSWORD_CODES:
        match = _PASSWORD_TEXT.match(message)
        message = f"{match.group(1)}{redact(match.group(2))}{match.group(3)}" if match else "Possible hardcoded password."
        snippet = redact_string_literals(text, match.group(2) if match else None)
    else:
        snippet = redact_known_secrets(text)
    cwe = int(getattr(issue.cwe, "id", 0) or 0)
    name = meta.name if meta else issue.test
    start = Position(line, _char_column(text, issue.col_offset) + 1)
    end = Position(end_line, max(_char_column(end_text, issue.end_col_offset), 0) + 1)
    if end < start:
        end = start
    return Finding(
        code=code, name=name, message=redact_known_secrets(message), location=Location(path, start, end),
        severity=finding_severity(code, _SEVERITY.get(issue.severity, Severity.MEDIUM), lines),
        confidence=_CONFIDENCE.get(issue.confidence, Confidence.LOW),
        category=Category.SECURITY, hint=bandit_hint(code), cwe=corrected_cwe(code, cwe, text), source=SOURCE,
        help_uri=meta.help_uri if meta else _help_uri(code), line_text=snippet,
    )
