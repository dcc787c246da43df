"""VC207: a tenant id from a request header (`X-Tenant-ID`, `X-Org-Id`) trusted as the scope of queries."""

from __future__ import annotations

from tests.conftest import RULES_DIR
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.testing import check_corpus, parse_annotations


def test_tenant_header_corpus_is_reported_exactly() -> None:
    [corpus] = RULES_DIR.glob("VC207-*/cases_tenant_header.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC207")
    assert len(expected) >= 3 and len(ok) >= 4
    result = check_corpus(ClientControlledAuthorization, corpus)
    assert not result.missed and not result.unexpected, result.describe()
