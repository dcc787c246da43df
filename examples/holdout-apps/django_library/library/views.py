import csv
import json

from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse_lazy
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from .forms import BookForm
from .models import Book, Loan


class BookListView(LoginRequiredMixin, ListView):
    model = Book
    paginate_by = 25

    def get_queryset(self):
        return Book.objects.filter(owner=self.request.user).order_by("-created_at")


# expect: VC214
class BookDetailView(LoginRequiredMixin, DetailView):
    model = Book
    template_name = "library/book_detail.html"


class BookCreateView(LoginRequiredMixin, CreateView):
    form_class = BookForm
    template_name = "library/book_form.html"
    success_url = reverse_lazy("book-list")

    def form_valid(self, form):
        form.instance.owner = self.request.user
        return super().form_valid(form)


# expect: VC214
class BookUpdateView(LoginRequiredMixin, UpdateView):
    model = Book
    # expect: VC215
    fields = "__all__"
    template_name = "library/book_form.html"
    success_url = reverse_lazy("book-list")


class BookNotesUpdateView(LoginRequiredMixin, UpdateView):
    model = Book
    # ok: VC215
    fields = ["title", "notes"]
    template_name = "library/book_form.html"
    success_url = reverse_lazy("book-list")

    def get_queryset(self):
        return Book.objects.filter(owner=self.request.user)


# expect: VC201
class BookDeleteView(DeleteView):
    model = Book
    success_url = reverse_lazy("book-list")


class StaffLoanListView(UserPassesTestMixin, ListView):
    model = Loan
    template_name = "library/loans.html"

    def test_func(self):
        return self.request.user.is_staff


# ok: VC201
class PublicBookListView(ListView):
    queryset = Book.objects.filter(is_public=True).order_by("title")
    template_name = "library/public_list.html"


class BookSearchView(LoginRequiredMixin, View):
    def get(self, request):
        q = request.GET.get("q", "")
        # expect: VC402/VC422
        books = Book.objects.raw(f"SELECT * FROM library_book WHERE owner_id = {request.user.id} AND title LIKE '%%{q}%%'")
        return JsonResponse({"results": [{"id": b.id, "title": b.title} for b in books]})


class LoanStatsView(LoginRequiredMixin, View):
    def get(self, request):
        with connection.cursor() as cursor:
            # ok: VC402
            cursor.execute("SELECT COUNT(*) FROM library_loan WHERE borrower_id = %s AND returned = 0", [request.user.id])
            (open_loans,) = cursor.fetchone()
        return JsonResponse({"open_loans": open_loans})


@login_required
def export_book(request, pk):
    # expect: VC214
    book = get_object_or_404(Book, pk=pk)
    response = HttpResponse(content_type="text/csv")
    csv.writer(response).writerow([book.title, book.author, book.notes])
    return response


@login_required
def export_my_book(request, pk):
    # ok: VC214
    book = get_object_or_404(Book, pk=pk, owner=request.user)
    response = HttpResponse(content_type="text/csv")
    csv.writer(response).writerow([book.title, book.author, book.notes])
    return response


# expect: VC208
@csrf_exempt
@login_required
def import_books(request):
    rows = json.loads(request.body)
    created = [Book.objects.create(owner=request.user, title=row["title"], author=row.get("author", "")) for row in rows]
    return JsonResponse({"created": len(created)})
