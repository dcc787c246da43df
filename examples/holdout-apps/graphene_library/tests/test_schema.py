from datetime import date

import pytest
from django.contrib.auth import get_user_model
from graphene_django.utils.testing import graphql_query
from graphql_jwt.shortcuts import get_token

from catalog.models import Book, Loan

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return get_user_model().objects.create_user("mia", password="pw-mia-12345")


@pytest.fixture
def book():
    return Book.objects.create(title="Dune", author="Herbert", isbn="9780441013593", genre="sf", copies=1)


@pytest.fixture
def gql(client):
    def run(query, user=None, variables=None):
        headers = {"HTTP_AUTHORIZATION": f"JWT {get_token(user)}"} if user else {}
        return graphql_query(query, variables=variables, client=client, graphql_url="/graphql/", headers=headers)

    return run


def test_books_sorted_by_title(gql, book):
    Book.objects.create(title="Anathem", author="Stephenson", isbn="9780061474095")
    resp = gql("{ books(sort: \"title\") { title } }")
    assert resp.json()["data"]["books"] == [{"title": "Anathem"}, {"title": "Dune"}]


def test_borrow_book(gql, member, book):
    resp = gql("mutation($id: ID!) { borrowBook(bookId: $id) { loan { id due } } }", member, {"id": book.pk})
    assert "errors" not in resp.json()
    assert Loan.objects.filter(borrower=member, book=book).count() == 1


def test_borrow_needs_login(gql, book):
    resp = gql("mutation($id: ID!) { borrowBook(bookId: $id) { loan { id } } }", variables={"id": book.pk})
    assert resp.json()["errors"][0]["message"] == "You do not have permission to perform this action"


def test_no_copies_left(gql, member, book):
    Loan.objects.create(book=book, borrower=member, due=date(2030, 1, 1))
    resp = gql("mutation($id: ID!) { borrowBook(bookId: $id) { loan { id } } }", member, {"id": book.pk})
    assert resp.json()["errors"][0]["message"] == "No copies available"


# expect: VC310
def test_my_loans(gql, member, book):
    Loan.objects.create(book=book, borrower=member, due=date(2030, 1, 1))
    resp = gql("{ myLoans { id book { title } } }", member)
    assert resp.json()["data"]["myLoans"]


def test_return_someone_elses_loan_fails(gql, member, book):
    other = get_user_model().objects.create_user("olaf", password="pw-olaf-12345")
    loan = Loan.objects.create(book=book, borrower=other, due=date(2030, 1, 1))
    resp = gql("mutation($id: ID!) { returnBook(loanId: $id) { loan { id } } }", member, {"id": loan.pk})
    assert "errors" in resp.json()
    loan.refresh_from_db()
    assert loan.returned_at is None


def test_create_account(gql):
    try:
        resp = gql('mutation { createAccount(username: "neo", password: "matrix-123") { user { username } } }')
        assert resp.json()["data"]["createAccount"]["user"]["username"] == "neo"
    # expect: VC305
    except Exception:
        pass


# expect: VC306
@pytest.mark.skip
def test_fetch_cover(gql, member, book):
    resp = gql('mutation { fetchCover(bookId: 1, url: "https://covers.example/dune.jpg") { cover } }', member)
    assert resp.json()["data"]["fetchCover"]["cover"] == "9780441013593.jpg"
