"""Holdout round 44's gaps: CherryPy's object tree as routes (exposed methods, dispatched verbs, tools as guards), and
a Nameko route whose caller a helper of another module finds by the request's API key (`merchant_for(db, request)`),
a name that says neither caller nor guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import reported_lines, write_dedented
from vibecheck.rule import BaseRule
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.testing import check_corpus, parse_annotations


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (RouteWithoutAuth, "cases_cherrypy.py"),
    (ObjectLookupNotScopedToUser, "cases_cherrypy.py"),
    (ObjectLookupNotScopedToUser, "cases_answered_branches.py"),
    (RequestDataToFilesystemOrUrl, "cases_cherrypy.py"),
    (ObjectLookupNotScopedToUser, "cases_nameko.py"),
    (RouteWithoutAuth, "cases_nameko.py"),
    (PrivilegedActionForAnyUser, "cases_filed_requests.py"),
])
def test_round44_corpus_is_reported_exactly(rule: type[BaseRule], corpus_name: str) -> None:
    """CherryPy's `@cherrypy.expose` methods and an exposed resource's `GET`/`POST` are routes whose parameters are
    the client's, guarded by a refusing tool their class or they turn on (`_cp_config`, `@cherrypy.tools.x()`); a
    caller's role bound to a helper handed only the request (`merchant = merchant_for(self.db, request)`) is the
    caller; a privileged operation filed for the caller's own account (`create_payout`) is a request for it."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected and ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


AUTH = """
    import hashlib
    import hmac

    from werkzeug.exceptions import Unauthorized

    from .models import Merchant

    def merchant_for(session, request) -> Merchant:
        key = request.headers.get("X-Api-Key", "")
        for merchant in session.query(Merchant).all():
            if hmac.compare_digest(merchant.api_key_hash, hashlib.sha256(key.encode()).hexdigest()):
                return merchant
        raise Unauthorized()

    def signed_by_provider(request) -> bool:
        expected = hmac.new(b"k", request.get_data(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
            raise Unauthorized()
        return True
"""
SERVICE = """
    import json

    from nameko.web.handlers import http

    from .auth import merchant_for, signed_by_provider
    from .models import Payout

    class PayoutsService:
        name = "payouts"

        @http("GET", "/payouts/<int:payout_id>")
        def get_payout(self, request, payout_id):
            merchant_for(self.db, request)
            payout = self.db.get(Payout, payout_id)
            return json.dumps({"id": payout.id})

        @http("POST", "/provider/payouts/<int:payout_id>/settled")
        def settled(self, request, payout_id):
            signed_by_provider(request)
            settled = self.db.get(Payout, payout_id)
            settled.status = "settled"
            self.db.commit()
            return json.dumps({"ok": True})
"""


def test_a_helper_that_finds_the_caller_by_key_signs_them_in(tmp_path: Path) -> None:
    """`merchant_for(session, request) -> Merchant` compares the request's key with each merchant's: it signs the
    caller in, so a lookup by id after it is judged for ownership; a helper that checks a sender's signature lets a
    machine in, and the lookup after it is not."""
    write_dedented(tmp_path, {"payouts/__init__.py": "", "payouts/auth.py": AUTH, "payouts/service.py": SERVICE,
                              "payouts/models.py": "class Payout: ...\nclass Merchant: ...\n"})
    assert reported_lines(tmp_path, [tmp_path], "VC214") == ["payout = self.db.get(Payout, payout_id)"]
