"""Data pipelines and data apps: what the trigger of an Airflow DAG run chose is client input to its tasks (also
rendered by Jinja into a `BashOperator`'s command line), and an Airflow database hook's query methods run SQL text."""

from __future__ import annotations

import pytest

from tests.conftest import RULES_DIR
from vibecheck.rule import Rule
from vibecheck.rules.security.client_data_in_query import ClientDataInQuery
from vibecheck.rules.security.client_data_to_shell import ClientDataToShell
from vibecheck.testing import check_corpus, parse_annotations

CORPORA: list[tuple[type[Rule], str]] = [
    (ClientDataInQuery, "cases_airflow.py"),
    (ClientDataToShell, "cases_airflow.py"),
]


@pytest.mark.parametrize(("rule", "name"), CORPORA, ids=[f"{rule.code}-{name}" for rule, name in CORPORA])
def test_corpus_is_reported_exactly(rule: type[Rule], name: str) -> None:
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 3 and len(ok) >= 3
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()
