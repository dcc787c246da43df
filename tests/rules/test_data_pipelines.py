"""Data pipelines and data apps: what the trigger of an Airflow DAG run chose is client input to its tasks (also
rendered by Jinja into a `BashOperator`'s command line), an Airflow database hook's query methods run SQL text, and so do
Spark's `spark.sql`, DuckDB's `sql` and a BigQuery client known by its name; a credential set as a Spark option or
written into a keyword connection string is hard-coded; pandas evaluates the text of `df.query`, `df.eval` and
`pd.eval` with access to Python objects; a logged connection string shows its password; a Hugging Face loader told to
trust remote code runs the code of the repository it is given; a data frame written to a client's path writes there."""

from __future__ import annotations

import pytest

from tests.conftest import RULES_DIR
from vibecheck.rule import Rule
from vibecheck.rules.security.client_data_in_query import ClientDataInQuery
from vibecheck.rules.security.client_data_to_code_execution import ClientDataToCodeExecution
from vibecheck.rules.security.client_data_to_shell import ClientDataToShell
from vibecheck.rules.security.hardcoded_credential import HardcodedCredential
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.rules.security.secret_in_log import SecretInLog
from vibecheck.rules.security.sql_built_from_strings import SqlBuiltFromStrings
from vibecheck.rules.security.unsafe_deserialization import UnsafeDeserialization
from vibecheck.testing import check_corpus, findings_for, parse_annotations

CORPORA: list[tuple[type[Rule], str]] = [
    (ClientDataInQuery, "cases_airflow.py"),
    (ClientDataToShell, "cases_airflow.py"),
    (SqlBuiltFromStrings, "cases_data_platforms.py"),
    (SqlBuiltFromStrings, "cases_templates.py"),
    (ClientDataInQuery, "cases_data_platforms.py"),
    (HardcodedCredential, "cases_data_platforms.py"),
    (ClientDataToCodeExecution, "cases_pandas.py"),
    (SecretInLog, "cases_connection_strings.py"),
    (UnsafeDeserialization, "cases_remote_code.py"),
    (UnsafeDeserialization, "cases_downloads.py"),
    (RequestDataToFilesystemOrUrl, "cases_data_writers.py"),
]


@pytest.mark.parametrize(("rule", "name"), CORPORA, ids=[f"{rule.code}-{name}" for rule, name in CORPORA])
def test_corpus_is_reported_exactly(rule: type[Rule], name: str) -> None:
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 3 and len(ok) >= 3
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_a_downloaded_pickle_is_no_store_of_the_file_that_writes_pickles() -> None:
    """A load of what a request fetched stays high in a file that also writes pickles; the file's own store is medium."""
    [corpus] = RULES_DIR.glob("VC406-*/cases_downloads.py")
    source = corpus.read_text(encoding="utf-8")
    severities = {f.location.start.line: f.severity.value for f in findings_for(UnsafeDeserialization, source)}
    assert severities.pop(30) == "medium"
    assert set(severities.values()) == {"high"}
