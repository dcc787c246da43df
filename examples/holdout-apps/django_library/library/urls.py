from django.urls import path

from . import views

urlpatterns = [
    path("", views.BookListView.as_view(), name="book-list"),
    path("public/", views.PublicBookListView.as_view(), name="public-books"),
    path("books/new/", views.BookCreateView.as_view(), name="book-create"),
    path("books/<int:pk>/", views.BookDetailView.as_view(), name="book-detail"),
    path("books/<int:pk>/edit/", views.BookUpdateView.as_view(), name="book-edit"),
    path("books/<int:pk>/notes/", views.BookNotesUpdateView.as_view(), name="book-notes"),
    path("books/<int:pk>/delete/", views.BookDeleteView.as_view(), name="book-delete"),
    path("books/<int:pk>/export/", views.export_book, name="book-export"),
    path("books/<int:pk>/export-mine/", views.export_my_book, name="book-export-mine"),
    path("books/search/", views.BookSearchView.as_view(), name="book-search"),
    path("books/import/", views.import_books, name="book-import"),
    path("loans/", views.StaffLoanListView.as_view(), name="loans"),
    path("loans/stats/", views.LoanStatsView.as_view(), name="loan-stats"),
]
