from django.urls import path

from . import views

urlpatterns = [
    path("", views.ExpenseListView.as_view(), name="expense-list"),
    path("expenses/new/", views.ExpenseCreateView.as_view(), name="expense-create"),
    path("expenses/all/", views.AllExpensesView.as_view(), name="expense-all"),
    path("expenses/team/", views.TeamExpensesView.as_view(), name="expense-team"),
    path("expenses/my-team/", views.MyTeamExpensesView.as_view(), name="expense-my-team"),
    path("expenses/<int:pk>/", views.ExpenseDetailView.as_view(), name="expense-detail"),
    path("expenses/<int:pk>/edit/", views.ExpenseUpdateView.as_view(), name="expense-edit"),
    path("expenses/<int:pk>/quick/", views.ExpenseQuickEditView.as_view(), name="expense-quick"),
    path("expenses/<int:pk>/delete/", views.ExpenseDeleteView.as_view(), name="expense-delete"),
    path("expenses/<int:pk>/receipt/", views.expense_receipt, name="expense-receipt"),
    path("expenses/<int:pk>/receipt/own/", views.expense_receipt_own, name="expense-receipt-own"),
    path("expenses/<int:pk>/approve/", views.ApproveExpenseView.as_view(), name="expense-approve"),
    path("expenses/<int:pk>/reject/", views.RejectExpenseView.as_view(), name="expense-reject"),
    path("teams/<int:team_id>/reimburse/", views.ReimburseTeamView.as_view(), name="team-reimburse"),
    path("reports/", views.ReportListView.as_view(), name="report-list"),
    path("reports/<int:report_id>/", views.report_detail, name="report-detail"),
    path("reports/<int:report_id>/export/", views.report_export, name="report-export"),
    path("profile/", views.profile, name="profile"),
]
