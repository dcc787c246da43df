"""Frameworks of the fifteenth held-out round, each with a strict corpus: Graphene resolvers and mutations, Flask-AppBuilder
views and APIs, Django Channels consumers and their ASGI stack, Reflex state event handlers, Beanie documents, Django
settings of the JWT packages, Flask-AppBuilder's sign-up role, Django's `HttpResponse` of built markup and a check that
never calls the method it tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RULES_DIR
from tests.rules.cli_findings import write_dedented
from vibecheck.api import check_paths
from vibecheck.config import Settings
from vibecheck.rule import Rule
from vibecheck.rules.auth.auth_check_always_passes import AuthCheckAlwaysPasses
from vibecheck.rules.auth.csrf_protection_disabled import CsrfProtectionDisabled
from vibecheck.rules.auth.jwt_signature_not_verified import JwtSignatureNotVerified
from vibecheck.rules.auth.mass_assignment import MassAssignment
from vibecheck.rules.auth.object_lookup_not_scoped import ObjectLookupNotScopedToUser
from vibecheck.rules.auth.privilege_from_client import PrivilegeFromClient
from vibecheck.rules.auth.privileged_action_for_any_user import PrivilegedActionForAnyUser
from vibecheck.rules.auth.route_without_auth import RouteWithoutAuth
from vibecheck.rules.auth.sensitive_read_without_auth import SensitiveReadWithoutAuth
from vibecheck.rules.security.client_data_in_query import ClientDataInQuery
from vibecheck.rules.security.client_data_through_calls import ClientDataThroughCalls
from vibecheck.rules.security.error_details_to_client import ErrorDetailsToClient
from vibecheck.rules.security.html_built_from_variable import HtmlBuiltFromVariable
from vibecheck.rules.security.request_data_to_filesystem_or_url import RequestDataToFilesystemOrUrl
from vibecheck.rules.verification.assertion_under_condition import AssertionUnderCondition
from vibecheck.testing import check_corpus, findings_for, parse_annotations

CORPORA: list[tuple[type[Rule], str]] = [
    (RouteWithoutAuth, "cases_graphene_appbuilder.py"),
    (SensitiveReadWithoutAuth, "cases_graphene_appbuilder.py"),
    (ObjectLookupNotScopedToUser, "cases_graphene_appbuilder.py"),
    (PrivilegedActionForAnyUser, "cases_graphene_appbuilder.py"),
    (MassAssignment, "cases_graphene_beanie.py"),
    (ErrorDetailsToClient, "cases_graphene_channels.py"),
    (ClientDataThroughCalls, "cases_channels.py"),
    (CsrfProtectionDisabled, "cases_channels.py"),
    (JwtSignatureNotVerified, "cases_django_settings.py"),
    (PrivilegeFromClient, "cases_appbuilder_settings.py"),
    (ClientDataInQuery, "cases_beanie.py"),
    (HtmlBuiltFromVariable, "cases_django.py"),
    (RequestDataToFilesystemOrUrl, "cases_reflex.py"),
    (AuthCheckAlwaysPasses, "cases_uncalled.py"),
    (AssertionUnderCondition, "cases_channels.py"),
]


@pytest.mark.parametrize(("rule", "name"), CORPORA, ids=[f"{rule.code}-{name}" for rule, name in CORPORA])
def test_corpus_is_reported_exactly(rule: type[Rule], name: str) -> None:
    [corpus] = RULES_DIR.glob(f"{rule.code}-*/{name}")
    expected, ok = parse_annotations(corpus.read_text(encoding="utf-8"), rule.code)
    assert len(expected) >= 2 and len(ok) >= 2
    result = check_corpus(rule, corpus)
    assert not result.missed and not result.unexpected, result.describe()


MODELS = """
    from django.conf import settings
    from django.db import models


    class Book(models.Model):
        title = models.CharField(max_length=300)
        author = models.CharField(max_length=200)


    class Loan(models.Model):
        book = models.ForeignKey(Book, on_delete=models.PROTECT)
        borrower = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
"""
VIEWS = """
    from django.contrib.auth.decorators import login_required
    from django.shortcuts import get_object_or_404, render

    from .models import Book, Loan


    @login_required
    def book(request, book_id):
        item = get_object_or_404(Book, pk=book_id)
        return render(request, "book.html", {"book": item})


    @login_required
    def loan(request, loan_id):
        item = get_object_or_404(Loan, pk=loan_id)
        return render(request, "loan.html", {"loan": item})
"""


def test_a_text_field_named_like_an_owner_names_no_owner(tmp_path: Path) -> None:
    """A book's `author = models.CharField(...)` is a name, so any member may read any book; a loan links to its
    borrower, so reading it by id alone is reported."""
    write_dedented(tmp_path, {"library/__init__.py": "", "library/models.py": MODELS, "library/views.py": VIEWS})
    settings = Settings(root=str(tmp_path), no_bandit=True, cache=False, select=("VC214",))
    report = check_paths([str(tmp_path)], settings)
    assert [(Path(f.location.path).name, f.location.start.line) for f in report.findings] == [("views.py", 16)]


def test_graphene_resolvers_of_a_module_that_guards_none_are_guarded_where_the_view_is_mounted() -> None:
    """A schema whose resolvers carry no guard at all is served by a GraphQL view guarded where it is mounted
    (`login_required(GraphQLView.as_view())`, a `LoginRequiredMixin` view): its mutations are not reported."""
    findings = findings_for(RouteWithoutAuth, """
        import graphene


        class DeleteNote(graphene.Mutation):
            class Arguments:
                note_id = graphene.ID(required=True)

            ok = graphene.Boolean()

            def mutate(root, info, note_id):
                remove_note(info.context.user, note_id)
                return DeleteNote(ok=True)
    """)
    assert findings == []
