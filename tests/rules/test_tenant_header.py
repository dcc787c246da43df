"""VC207: a tenant id from a request header (`X-Tenant-ID`, `X-Org-Id`) trusted as the scope of queries."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import selected_findings
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.testing import check_corpus, parse_annotations


def test_tenant_header_corpus_is_reported_exactly() -> None:
    [corpus] = RULES_DIR.glob("VC207-*/cases_tenant_header.py")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), "VC207")
    assert len(expected) >= 3 and len(ok) >= 4
    result = check_corpus(ClientControlledAuthorization, corpus)
    assert not result.missed and not result.unexpected, result.describe()


def test_a_module_naming_a_tenant_header_walks_its_own_statements_without_crashing(tmp_path: Path) -> None:
    """The module's top-level statements are walked before any function: the tenant scope check starts empty there
    (a module that only mentions `X-Tenant-ID` in a docstring crashed VC207 on litestar-users 2.0.1)."""
    (tmp_path / "service.py").write_text(textwrap.dedent('''
        """Scope sign-in to the tenant a custom `X-Tenant-ID` header names."""
        import os

        from flask import Flask, jsonify, request

        from .models import Invoice

        app = Flask(__name__)
        if os.environ.get("STRICT"):
            app.config["MODE"] = "strict"


        @app.get("/invoices")
        def invoices():
            tenant_id = request.headers["X-Tenant-ID"]
            return jsonify([r.id for r in Invoice.query.filter_by(tenant_id=tenant_id).all()])
    '''), encoding="utf-8")
    findings = selected_findings(tmp_path, "VC207")
    assert [(f["path"], f["code"]) for f in findings] == [("service.py", "VC207")]
