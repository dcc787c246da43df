"""GraphQL schema: books, loans and reviews, with JWT auth from django-graphql-jwt."""

from datetime import date, timedelta
from pathlib import Path

import graphene
import graphql_jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from graphene.types.generic import GenericScalar
from graphene_django import DjangoObjectType
from graphene_django.forms.mutation import DjangoModelFormMutation
# expect: VC503/VC504 -- forgotten: graphql-core comes with graphene, not declared
from graphql import GraphQLError
from graphql_jwt.decorators import login_required, superuser_required

from catalog.forms import ReviewForm
from catalog.models import Book, Loan, Review
from catalog.permissions import librarian_required, staff_required

User = get_user_model()
LOAN_DAYS = 21
SORTABLE = {"title": "title", "author": "author", "newest": "-id"}


class UserType(DjangoObjectType):
    class Meta:
        model = User
        fields = ("id", "username", "first_name")


class BookType(DjangoObjectType):
    available = graphene.Int()

    class Meta:
        model = Book
        fields = ("id", "title", "author", "isbn", "genre", "copies", "cover", "reviews")

    def resolve_available(self, info):
        return self.copies - self.loans.filter(returned_at__isnull=True).count()


class LoanType(DjangoObjectType):
    class Meta:
        model = Loan
        fields = ("id", "book", "borrower", "borrowed_at", "due", "returned_at", "fine_cents")


class ReviewType(DjangoObjectType):
    class Meta:
        model = Review
        fields = ("id", "book", "author", "rating", "text")


class GenreCount(graphene.ObjectType):
    genre = graphene.String()
    loans = graphene.Int()


class Query(graphene.ObjectType):
    books = graphene.List(BookType, search=graphene.String(), sort=graphene.String())
    books_where = graphene.List(BookType, filters=GenericScalar(required=True))
    book = graphene.Field(BookType, id=graphene.ID(required=True))
    my_loans = graphene.List(LoanType)
    loan = graphene.Field(LoanType, id=graphene.ID(required=True))
    users = graphene.List(UserType)
    members = graphene.List(UserType, order_by=graphene.String())
    genre_stats = graphene.List(GenreCount, since=graphene.String(required=True))
    me = graphene.Field(UserType)

    def resolve_books(root, info, search=None, sort="title"):
        qs = Book.objects.all()
        if search:
            qs = qs.filter(title__icontains=search)
        # ok: VC422
        return qs.order_by(SORTABLE.get(sort, "title"))

    def resolve_books_where(root, info, filters):
        # expect: VC422
        return Book.objects.filter(**filters)

    def resolve_book(root, info, id):
        return Book.objects.get(pk=id)

    @login_required
    def resolve_my_loans(root, info):
        # ok: VC214
        return Loan.objects.filter(borrower=info.context.user).select_related("book")

    @login_required
    def resolve_loan(root, info, id):
        # expect: VC214
        return Loan.objects.get(pk=id)

    # expect: VC219
    def resolve_users(root, info):
        return User.objects.all()

    @staff_required
    def resolve_members(root, info, order_by="username"):
        # expect: VC422
        return User.objects.filter(is_active=True).order_by(order_by)

    @librarian_required
    def resolve_genre_stats(root, info, since):
        with connection.cursor() as cursor:
            cursor.execute(
                # expect: VC422
                "SELECT b.genre, COUNT(*) FROM catalog_loan l JOIN catalog_book b ON b.id = l.book_id "
                f"WHERE l.borrowed_at >= '{since}' GROUP BY b.genre"
            )
            return [GenreCount(genre=g, loans=n) for g, n in cursor.fetchall()]

    @login_required
    def resolve_me(root, info):
        return info.context.user


class CreateAccount(graphene.Mutation):
    class Arguments:
        username = graphene.String(required=True)
        password = graphene.String(required=True)
        email = graphene.String()
        is_staff = graphene.Boolean(default_value=False)

    user = graphene.Field(UserType)

    def mutate(root, info, username, password, email="", is_staff=False):
        # expect: VC217
        user = User.objects.create_user(username=username, password=password, email=email, is_staff=is_staff)
        return CreateAccount(user=user)


class BorrowBook(graphene.Mutation):
    class Arguments:
        book_id = graphene.ID(required=True)

    loan = graphene.Field(LoanType)

    @login_required
    def mutate(root, info, book_id):
        book = Book.objects.get(pk=book_id)
        if book.copies <= book.loans.filter(returned_at__isnull=True).count():
            raise GraphQLError("No copies available")
        loan = Loan.objects.create(book=book, borrower=info.context.user, due=date.today() + timedelta(days=LOAN_DAYS))
        return BorrowBook(loan=loan)


class ReturnBook(graphene.Mutation):
    class Arguments:
        loan_id = graphene.ID(required=True)

    loan = graphene.Field(LoanType)

    @login_required
    def mutate(root, info, loan_id):
        # ok: VC214
        loan = Loan.objects.get(pk=loan_id, borrower=info.context.user, returned_at__isnull=True)
        loan.returned_at = timezone.now()
        loan.save(update_fields=["returned_at"])
        return ReturnBook(loan=loan)


class UpdateLoan(graphene.Mutation):
    """Librarians extend a due date or waive a fine."""

    class Arguments:
        loan_id = graphene.ID(required=True)
        changes = GenericScalar(required=True)

    loan = graphene.Field(LoanType)

    @login_required
    def mutate(root, info, loan_id, changes):
        # expect: VC214
        loan = Loan.objects.get(pk=loan_id)
        for field, value in changes.items():
            # expect: VC215
            setattr(loan, field, value)
        loan.save()
        return UpdateLoan(loan=loan)


class WaiveFine(graphene.Mutation):
    class Arguments:
        loan_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # expect: VC218
    @login_required
    def mutate(root, info, loan_id):
        # expect: VC214 -- forgotten: the loan whose fine is waived is anyone's, by the id the client sends
        Loan.objects.filter(pk=loan_id).update(fine_cents=0)
        return WaiveFine(ok=True)


class DeactivateMember(graphene.Mutation):
    class Arguments:
        user_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # ok: VC218/VC214
    @superuser_required
    def mutate(root, info, user_id):
        User.objects.filter(pk=user_id).update(is_active=False)
        return DeactivateMember(ok=True)


class HideReview(graphene.Mutation):
    class Arguments:
        review_id = graphene.ID(required=True)

    ok = graphene.Boolean()

    # ok: VC218/VC214
    @staff_required
    def mutate(root, info, review_id):
        Review.objects.filter(pk=review_id).update(hidden=True)
        return HideReview(ok=True)


class FetchCover(graphene.Mutation):
    """Download a cover image from a URL the librarian pastes and store it under MEDIA_ROOT."""

    class Arguments:
        book_id = graphene.ID(required=True)
        url = graphene.String(required=True)

    cover = graphene.String()
    error = graphene.String()

    @librarian_required
    def mutate(root, info, book_id, url):
        book = Book.objects.get(pk=book_id)
        try:
            # expect: VC405, VC106
            resp = requests.get(url)
            resp.raise_for_status()
        except requests.RequestException as exc:
            # expect: VC414
            return FetchCover(cover=None, error=str(exc))
        target = Path(settings.MEDIA_ROOT) / "covers" / f"{book.isbn}.jpg"
        target.write_bytes(resp.content)
        book.cover = target.name
        book.save(update_fields=["cover"])
        return FetchCover(cover=book.cover, error=None)


class ReviewMutation(DjangoModelFormMutation):
    review = graphene.Field(ReviewType)

    class Meta:
        form_class = ReviewForm


class Mutation(graphene.ObjectType):
    token_auth = graphql_jwt.ObtainJSONWebToken.Field()
    verify_token = graphql_jwt.Verify.Field()
    refresh_token = graphql_jwt.Refresh.Field()
    create_account = CreateAccount.Field()
    borrow_book = BorrowBook.Field()
    return_book = ReturnBook.Field()
    update_loan = UpdateLoan.Field()
    waive_fine = WaiveFine.Field()
    deactivate_member = DeactivateMember.Field()
    hide_review = HideReview.Field()
    fetch_cover = FetchCover.Field()
    save_review = ReviewMutation.Field()


schema = graphene.Schema(query=Query, mutation=Mutation)
