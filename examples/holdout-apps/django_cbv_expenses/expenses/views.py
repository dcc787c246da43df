from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin
from django.http import FileResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import CreateView, DeleteView, DetailView, ListView, UpdateView

from . import selectors
from .forms import ExpenseForm, ProfileForm
from .mixins import FinanceRequiredMixin, OwnerQuerysetMixin, StaffRequiredMixin
from .models import Expense, Report


class ExpenseListView(LoginRequiredMixin, ListView):
    template_name = "expenses/list.html"

    def get_queryset(self):
        # ok: VC214 -- the user's own expenses
        return Expense.objects.filter(owner=self.request.user).order_by("-id")


# expect: VC214 -- DetailView on the whole table: any expense by its pk
class ExpenseDetailView(LoginRequiredMixin, DetailView):
    model = Expense
    template_name = "expenses/detail.html"


# ok: VC214/VC215 -- queryset limited by the mixin, form fields listed
class ExpenseUpdateView(LoginRequiredMixin, OwnerQuerysetMixin, UpdateView):
    model = Expense
    form_class = ExpenseForm
    success_url = reverse_lazy("expense-list")


class ExpenseCreateView(LoginRequiredMixin, CreateView):
    model = Expense
    # expect: VC215 -- owner, status and approved_by are form fields
    fields = "__all__"
    success_url = reverse_lazy("expense-list")


class ExpenseQuickEditView(LoginRequiredMixin, UpdateView):
    # expect: VC215 -- the status field lets an owner approve their own expense
    fields = ["title", "amount", "status"]
    template_name = "expenses/quick_edit.html"
    success_url = reverse_lazy("expense-list")

    def get_queryset(self):
        return Expense.objects.filter(owner=self.request.user)


class ExpenseDeleteView(LoginRequiredMixin, DeleteView):
    success_url = reverse_lazy("expense-list")

    def get_queryset(self):
        # ok: VC214 -- the user's own
        return selectors.expenses_for(self.request.user)


@login_required
def expense_receipt(request, pk):
    # expect: VC214 -- any user's receipt by id
    expense = get_object_or_404(Expense, pk=pk)
    return FileResponse(expense.receipt.open("rb"))


@login_required
def expense_receipt_own(request, pk):
    # ok: VC214 -- the owner filter is in the lookup
    expense = get_object_or_404(Expense, pk=pk, owner=request.user)
    return FileResponse(expense.receipt.open("rb"))


class ApproveExpenseView(LoginRequiredMixin, View):
    """Finance approves submitted expenses."""

    # expect: VC214/VC218 -- any signed-in user approves any expense
    def post(self, request, pk):
        expense = get_object_or_404(Expense, pk=pk, status="submitted")
        expense.status = "approved"
        expense.approved_by = request.user
        expense.save(update_fields=["status", "approved_by"])
        return redirect("expense-list")


class RejectExpenseView(LoginRequiredMixin, FinanceRequiredMixin, View):
    # ok: VC218 -- FinanceRequiredMixin (mixins.py) admits the finance group only
    def post(self, request, pk):
        # ok: VC214 -- finance acts on every team's expenses
        expense = get_object_or_404(Expense, pk=pk, status="submitted")
        expense.status = "rejected"
        expense.save(update_fields=["status"])
        return redirect("expense-list")


class ReimburseTeamView(LoginRequiredMixin, UserPassesTestMixin, View):
    def test_func(self):
        return self.request.user.is_staff

    def post(self, request, team_id):
        # ok: VC214/VC218 -- staff only
        Expense.objects.filter(team_id=team_id, status="approved").update(status="reimbursed")
        return redirect("expense-list")


class AllExpensesView(StaffRequiredMixin, ListView):
    # expect: VC219/VC214 -- StaffRequiredMixin lets everyone through: every expense of the company
    model = Expense
    template_name = "expenses/all.html"


class TeamExpensesView(LoginRequiredMixin, View):
    """Expenses of the team selected in the header's team picker."""

    def get(self, request):
        team_id = request.headers.get("X-Team-Id")
        # expect: VC214/VC207 -- a team id from a header, not checked against request.user.teams
        expenses = Expense.objects.filter(team_id=team_id).values("id", "title", "amount", "owner__username")
        return JsonResponse({"expenses": list(expenses)})


class MyTeamExpensesView(LoginRequiredMixin, View):
    def get(self, request):
        team_id = request.headers.get("X-Team-Id")
        # ok: VC214/VC207 -- only among the caller's teams
        team = get_object_or_404(request.user.teams, pk=team_id)
        expenses = team.expenses.values("id", "title", "amount", "owner__username")
        return JsonResponse({"expenses": list(expenses)})


@login_required
def report_detail(request, report_id):
    # expect: VC214 -- selectors.get_report loads by id only
    report = selectors.get_report(report_id)
    return render(request, "expenses/report.html", {"report": report, "total": selectors.report_total(report)})


@login_required
def report_export(request, report_id):
    # ok: VC214 -- owner-scoped selector
    report = selectors.get_user_report(request.user, report_id)
    rows = list(report.expenses.values("title", "amount", "category"))
    return JsonResponse({"report": report.title, "rows": rows})


@login_required
def profile(request):
    form = ProfileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        user.first_name = form.cleaned_data["first_name"]
        user.last_name = form.cleaned_data["last_name"]
        # expect: VC217 -- "manager" checkbox of the profile form makes the user staff
        user.is_staff = request.POST.get("is_manager") == "on"
        user.save()
        # ok: VC409 -- the path the URLconf matched (`/profile/`), the same page after the post
        return HttpResponseRedirect(request.path)
    return render(request, "expenses/profile.html", {"form": form})


class ReportListView(LoginRequiredMixin, OwnerQuerysetMixin, ListView):
    # ok: VC214/VC219 -- OwnerQuerysetMixin limits the rows
    model = Report
    template_name = "expenses/reports.html"
