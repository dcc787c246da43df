"""Behaviour of the VC5xx agent-artefact rules beyond their corpora: options, test files, stubs."""

from __future__ import annotations

import re._parser as re_parser
from re._constants import ASSERT_NOT, AT, BRANCH, LITERAL, MAX_REPEAT, SUBPATTERN
from typing import Any

from tests.conftest import RULES_DIR
from vibecheck.rules.agent_artefacts.debug_leftover import DebugLeftover
from vibecheck.rules.agent_artefacts.duplicate_definition import DuplicateDefinition
from vibecheck.rules.agent_artefacts.placeholder_implementation import Options as PlaceholderOptions
from vibecheck.rules.agent_artefacts.placeholder_implementation import PlaceholderImplementation
from vibecheck.rules.agent_artefacts.unfinished_work_comment import (
    DEFAULT_PHRASE_WORDS,
    DEFAULT_PHRASES,
    UnfinishedWorkComment,
    compile_phrases,
)
from vibecheck.testing import check_corpus, findings_for

HOOKS = """
class Transport:
    def send(self, request):
        raise NotImplementedError

    def close(self):
        \"\"\"Release resources; override if needed.\"\"\"
        pass
"""


def test_placeholder_overridable_methods_are_reported_when_the_option_is_off() -> None:
    assert findings_for(PlaceholderImplementation, HOOKS) == []
    strict = PlaceholderOptions(allow_overridable_methods=False)
    lines = sorted(f.location.start.line for f in findings_for(PlaceholderImplementation, HOOKS, options=strict))
    assert lines == [3, 6]


def test_placeholder_test_doubles_are_left_alone_but_todo_tests_are_not() -> None:
    source = """
    class FakeMailer:
        def send(self, message):
            pass

    def test_checkout():
        # TODO: write this test
        pass
    """
    findings = findings_for(PlaceholderImplementation, source, path="tests/test_shop.py", is_test_file=True)
    assert [f.location.start.line for f in findings] == [6]


def test_a_canned_answer_under_a_mock_comment_is_a_test_double_in_a_test_file_only() -> None:
    """`# Mock response` in a method that returns a constant describes a double in a test file (a conftest's fake
    client); in the program it admits a fake."""
    source = """
    class Client:
        def execute_query(self, sql):
            # Mock response similar to the Data API
            return {"records": [[1]]}
    """
    assert findings_for(PlaceholderImplementation, source, path="tests/conftest.py", is_test_file=True) == []
    assert [f.location.start.line for f in findings_for(PlaceholderImplementation, source, path="client.py")] == [3]


def test_placeholder_stub_files_are_skipped() -> None:
    assert findings_for(PlaceholderImplementation, "def connect(host: str) -> None: ...\n", path="db.pyi") == []
    assert len(findings_for(PlaceholderImplementation, "def connect(host: str) -> None: ...\n", path="db.py")) == 1


def test_empty_steps_of_an_alembic_revision_are_left_alone() -> None:
    """An Alembic revision with nothing to undo keeps `def downgrade(): pass`; the same body elsewhere is a stub."""
    step = "\n\ndef upgrade():\n    op.add_column('runs', sa.Column('tag', sa.String()))\n\n\ndef downgrade():\n    pass\n"
    revision = "revision = '0584bdc529eb'\ndown_revision = '0a8213491aaa'\n" + step
    assert findings_for(PlaceholderImplementation, revision, path="migrations/versions/0584bdc529eb_cascade.py") == []
    assert [f.location.start.line for f in findings_for(PlaceholderImplementation, step, path="tasks.py")] == [7]


def test_unfinished_comment_skips_tests_unless_asked_and_accepts_more_phrases() -> None:
    source = "def test_login():\n    # For now, just return early\n    return\n"
    assert findings_for(UnfinishedWorkComment, source, path="tests/test_a.py", is_test_file=True) == []
    checked = UnfinishedWorkComment.parse_options({"check-tests": True})
    assert len(findings_for(UnfinishedWorkComment, source, path="tests/test_a.py", is_test_file=True, options=checked)) == 1
    extended = UnfinishedWorkComment.parse_options({"extend-phrases": ["wip"]})
    assert len(findings_for(UnfinishedWorkComment, "x = 1  # WIP\n", options=extended)) == 1
    assert findings_for(UnfinishedWorkComment, "x = 1  # WIP\n") == []


def _literal_runs_every_match_holds(items: Any) -> list[set[str]]:
    """For a parsed regular expression (a sequence of `re._parser` items): per way of matching it, the literal texts
    every match of that way holds; a branch gives each alternative's sets, a group or a required repeat its body's."""
    ways: list[set[str]] = [set()]
    run = ""
    for op, argument in items:
        if op is LITERAL:
            run += chr(argument)
            continue
        if op in (AT, ASSERT_NOT):  # consumes nothing: the run goes on
            continue
        ways = [way | {run} for way in ways]
        run = ""
        if op is MAX_REPEAT and argument[0] > 0 and len(argument[2]) == 1 and argument[2][0][0] is LITERAL:
            run = chr(argument[2][0][1]) * argument[0]  # `\.{3}`: three dots at least
        elif op is MAX_REPEAT and argument[0] > 0:
            inner = _literal_runs_every_match_holds(argument[2])
            ways = [way | alternative for way in ways for alternative in inner]
        elif op is SUBPATTERN:
            inner = _literal_runs_every_match_holds(argument[3])
            ways = [way | alternative for way in ways for alternative in inner]
        elif op is BRANCH:
            inner = [found for branch in argument[1] for found in _literal_runs_every_match_holds(branch)]
            ways = [way | alternative for way in ways for alternative in inner]
    return [way | {run} for way in ways]


def test_every_default_unfinished_work_phrase_needs_one_of_the_screening_words() -> None:
    """`DEFAULT_PHRASE_WORDS` screens ASCII comments before the phrases are searched: each way of matching each
    default phrase must hold one of the words, or a comment the phrase matches would be screened out."""
    for phrase in DEFAULT_PHRASES:
        for way in _literal_runs_every_match_holds(re_parser.parse(phrase)):
            screened = all(run.isascii() for run in way)  # (a match holding other letters is never screened)
            assert not screened or any(word in run.lower() for run in way for word in DEFAULT_PHRASE_WORDS), (phrase, way)
    source = "def pay():\n    # stubbed out\n    return 1  # hard coded\n"
    assert findings_for(UnfinishedWorkComment, source) == []
    assert len(findings_for(UnfinishedWorkComment, source.replace("# stubbed out", "# Stub data for now"))) == 1


def test_the_default_phrases_are_compiled_only_when_a_text_passes_their_screen() -> None:
    """Compiling the default phrases' alternation took 20 ms of each hook's worker: a file whose comments and
    docstrings hold none of the screening words is checked without it; the first text that holds one compiles it."""
    compile_phrases.cache_clear()
    quiet = 'def pay():\n    """Charge the card."""\n    return 1  # cents\n'
    assert findings_for(UnfinishedWorkComment, quiet) == []
    assert compile_phrases.cache_info().misses == 0
    assert len(findings_for(UnfinishedWorkComment, quiet.replace("# cents", "# Stub data for now"))) == 1
    assert compile_phrases.cache_info().misses == 1


def test_debug_print_is_allowed_in_scripts_clis_and_tests_but_breakpoint_is_not() -> None:
    library = "def run(x):\n    print(x)\n    breakpoint()\n"
    assert len(findings_for(DebugLeftover, library)) == 2
    script = library + "\nif __name__ == '__main__':\n    run(1)\n"
    assert [f.message.split()[0] for f in findings_for(DebugLeftover, script)] == ["`breakpoint()`"]
    cli = "import click\nimport pdb\n" + library.replace("breakpoint()", "pdb.post_mortem()")
    assert findings_for(DebugLeftover, cli) == []
    assert len(findings_for(DebugLeftover, library, path="tests/test_x.py", is_test_file=True)) == 1
    assert len(findings_for(DebugLeftover, library, path="pkg/__main__.py")) == 1
    assert len(findings_for(DebugLeftover, library, path="scripts/seed.py")) == 1
    assert len(findings_for(DebugLeftover, library, path="pkg/command_line/upgrade.py")) == 1  # its print may stay
    assert len(findings_for(DebugLeftover, library, path="pkg/commands_log/upgrade.py")) == 2
    assert len(findings_for(DebugLeftover, library, path="airflow/example_dags/tutorial.py")) == 1  # an example's print
    assert len(findings_for(DebugLeftover, library, path="pkg/counterexamples/check.py")) == 2
    revision = 'revision = "0042"\ndown_revision = "0041"\n' + library  # an Alembic step tells the operator its progress
    assert len(findings_for(DebugLeftover, revision, path="pkg/migrations/versions/0042_fix.py")) == 1
    quiet = DebugLeftover.parse_options({"check-print": False})
    assert len(findings_for(DebugLeftover, library, options=quiet)) == 1


def test_debug_one_line_import_and_call_is_one_finding() -> None:
    findings = findings_for(DebugLeftover, "def f():\n    import pdb; pdb.set_trace()\n")
    assert [(f.location.start.line, f.message.split()[0]) for f in findings] == [(2, "`pdb.set_trace()`")]


def test_debug_pdb_integration_and_type_only_imports_are_not_leftovers() -> None:
    integration = "import pdb\n\nclass Debugger(pdb.Pdb):\n    pass\n"
    assert findings_for(DebugLeftover, integration) == []
    type_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import pdb\n\ndef hook(p: 'pdb.Pdb'):\n    return p\n"
    assert findings_for(DebugLeftover, type_only) == []
    assert len(findings_for(DebugLeftover, "import pdb\n\ndef f():\n    return 1\n")) == 1


def test_debug_module_handed_on_as_a_value_is_an_integration() -> None:
    """A framework that opens a debugger on request takes the module as a value (`debugger_module = pdb`)."""
    for integration in ("import pdb\n\ndef make_app(debugger_module=pdb):\n    return debugger_module\n",
                        "import pdb\nfrom dataclasses import field\n\nDEBUGGER = field(default=pdb)\n",
                        "import pdb as debugger\n\nclass Config:\n    debugger_module: object = debugger\n"):
        assert findings_for(DebugLeftover, integration) == [], integration
    leftover = "import pdb\n\ndef handler(request):\n    pdb.set_trace()\n    return request\n"
    assert sorted(f.location.start.line for f in findings_for(DebugLeftover, leftover)) == [1, 4]


def test_duplicate_overloads_through_a_module_alias_are_intended() -> None:
    source = ("import typing as t\n@t.overload\ndef f(x: int) -> int: ...\n"
              "@t.overload\ndef f(x: str) -> str: ...\ndef f(x):\n    return x\n")
    assert findings_for(DuplicateDefinition, source) == []
    assert len(findings_for(DuplicateDefinition, "def f():\n    return 1\ndef f():\n    return 2\n")) == 1


ARGV_SCRIPT = """
import sys

source = sys.argv[1]
if not source.endswith(".csv"):
    print("expected a CSV file")
    sys.exit(2)
print(open(source).read().count("\\n"), "rows")
"""

ARGV_WEB_APP = """
import sys
from flask import Flask

app = Flask(__name__)
port = int(sys.argv[1])

@app.get("/")
def index():
    print("served")
    return "ok"
"""


def test_vc505_a_module_that_reads_sys_argv_is_a_script() -> None:
    """A program run from the command line prints to its user, with or without a `__main__` guard."""
    assert findings_for(DebugLeftover, ARGV_SCRIPT) == []
    assert len(findings_for(DebugLeftover, ARGV_SCRIPT.replace("sys.argv[1]", "sys.stdin.readline()"))) == 1


def test_vc505_a_web_app_that_reads_sys_argv_is_no_script() -> None:
    assert len(findings_for(DebugLeftover, ARGV_WEB_APP)) == 1


def test_debug_labelled_print_is_reported_in_folders_that_print_but_not_in_examples() -> None:
    """A notebook exported to `notebooks/` prints its results on purpose, but not `print("DEBUG ...")`."""
    cells = ('import pandas as pd\n\n# %%\nframe = pd.read_csv("sales.csv")\nprint(frame.shape)\n'
             'print("DEBUG dtypes", frame.dtypes)\n')
    [found] = findings_for(DebugLeftover, cells, path="notebooks/churn_analysis.py")
    assert found.location.start.line == 6
    assert len(findings_for(DebugLeftover, cells, path="scripts/check.py")) == 1
    assert findings_for(DebugLeftover, cells, path="docs/howto/debugging.py") == []
    assert findings_for(DebugLeftover, cells, path="examples/etl.py") == []
    assert findings_for(DebugLeftover, cells, path="tests/test_etl.py", is_test_file=True) == []
    quiet = DebugLeftover.parse_options({"check-print": False})
    assert findings_for(DebugLeftover, cells, path="notebooks/churn_analysis.py", options=quiet) == []


def test_debug_labelled_print_is_reported_in_a_command_line_module() -> None:
    """A click module prints on purpose, but not `print("DEBUG ...")`: see the rule's CLI corpus."""
    corpus = RULES_DIR / "VC505-debug-leftover" / "cases_cli.py"
    result = check_corpus(DebugLeftover, corpus)
    assert len(result.expected) == 4
    assert not result.missed and not result.unexpected, result.describe()


def test_django_migration_stand_ins_are_not_placeholders() -> None:
    """A migration's module-level stand-in is left alone; a TODO-marked data step there is still reported."""
    corpus = RULES_DIR / "VC501-placeholder-implementation" / "cases_django_migration.py"
    result = check_corpus(PlaceholderImplementation, corpus)
    assert len(result.expected) == 1 and len(result.ok) == 1
    assert not result.missed and not result.unexpected, result.describe()


def test_a_post_mortem_debugger_under_a_pdb_switch_is_the_option_at_work() -> None:
    """`if datasette.pdb: pdb.post_mortem(...)` in a web module, with its import, is the `--pdb` option; the same call
    under a verbosity switch, or a breakpoint under the option, is still a leftover."""
    corpus = RULES_DIR / "VC505-debug-leftover" / "cases_pdb_option.py"
    result = check_corpus(DebugLeftover, corpus)
    assert len(result.expected) == 2 and len(result.ok) == 2
    assert not result.missed and not result.unexpected, result.describe()
