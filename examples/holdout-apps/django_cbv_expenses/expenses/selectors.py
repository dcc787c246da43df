from django.db.models import QuerySet, Sum

from .models import Expense, Report


def expenses_for(user) -> QuerySet[Expense]:
    return Expense.objects.filter(owner=user).select_related("team")


def get_report(report_id: int) -> Report:
    return Report.objects.prefetch_related("expenses").get(id=report_id)


def get_user_report(user, report_id: int) -> Report:
    return Report.objects.prefetch_related("expenses").get(id=report_id, owner=user)


def report_total(report: Report):
    return report.expenses.aggregate(total=Sum("amount"))["total"] or 0
