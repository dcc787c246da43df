"""The shapes holdout round 43 found unread: django-ninja-extra controllers, flask-smorest's schema arguments, a Django
middleware of a module that imports nothing from Django, and mail or FTP clients in coroutines and retry loops."""

from __future__ import annotations

import pytest

from tests.conftest import RULES_DIR
from vibecheck.rule import BaseRule
from vibecheck.rules.auth.client_controlled_authorization import ClientControlledAuthorization
from vibecheck.rules.auth.mass_assignment import MassAssignment
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.privilege_from_client import PrivilegeFromClient
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.error_handling.blocking_call_in_async import BlockingCallInAsync
from vibecheck.rules.error_handling.unbounded_retry import UnboundedRetry
from vibecheck.rules.security.client_data_in_query import ClientDataInQuery
from vibecheck.testing import check_corpus, parse_annotations


@pytest.mark.parametrize(("rule", "corpus_name"), [
    (RouteWithoutAuth, "cases_ninja_extra.py"),
    (ObjectLookupNotScopedToUser, "cases_ninja_extra.py"),
    (PrivilegedActionForAnyUser, "cases_ninja_extra.py"),
    (PrivilegeFromClient, "cases_ninja_extra.py"),
    (ClientDataInQuery, "cases_ninja_extra.py"),
    (MassAssignment, "cases_smorest.py"),
    (ClientControlledAuthorization, "cases_tenant_middleware.py"),
    (BlockingCallInAsync, "cases_mail_clients.py"),
    (UnboundedRetry, "cases_mail_errors.py"),
])
def test_round43_corpus_is_reported_exactly(rule: type[BaseRule], corpus_name: str) -> None:
    """ninja-extra's `@api_controller` guards (`permissions=`, `auth=`) cover its `@http_*` routes unless a route's own
    `permissions=` replaces them, and those routes take the client's input in their parameters; a lookup scoped by what
    a helper found from the request is the caller's; a marshmallow schema that loads a field only the server sets makes
    the dict `@blp.arguments` hands the view the client's; a middleware that hands its request to `get_response`
    serves that request; an SMTP or FTP client given its host connects at once, and their errors are failures of
    another service."""
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{corpus_name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert expected and ok
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()
