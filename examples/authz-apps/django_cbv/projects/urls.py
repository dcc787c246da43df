from django.urls import path

from . import views

urlpatterns = [
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/new/", views.ProjectCreateView.as_view(), name="project-create"),
    path("projects/quick/", views.ProjectQuickCreateView.as_view(), name="project-quick-create"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project-detail"),
    path("projects/<int:pk>/edit/", views.ProjectUpdateView.as_view(), name="project-edit"),
    path("projects/<int:pk>/delete/", views.ProjectDeleteView.as_view(), name="project-delete"),
    path("projects/<int:pk>/archive/", views.ProjectArchiveView.as_view(), name="project-archive"),
    path("projects/<int:pk>/join/", views.JoinProjectView.as_view(), name="project-join"),
    path("projects/<int:pk>/budget/", views.BudgetView.as_view(), name="project-budget"),
    path("projects/<int:pk>/members/<int:user_id>/role/", views.MemberRoleView.as_view(), name="member-role"),
    path("tasks/<int:pk>/toggle/", views.TaskToggleView.as_view(), name="task-toggle"),
    path("tasks/<int:pk>/assign/", views.TaskAssignView.as_view(), name="task-assign"),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/contact/", views.ContactDetailsView.as_view(), name="account-contact"),
    path("reports/staff/", views.StaffReportView.as_view(), name="staff-report"),
    path("reports/audit/", views.AuditView.as_view(), name="audit"),
    path("users/<int:user_id>/deactivate/", views.DeactivateUserView.as_view(), name="user-deactivate"),
    path("users/<int:user_id>/reactivate/", views.ReactivateUserView.as_view(), name="user-reactivate"),
    path("users/export.csv", views.ExportUsersView.as_view(), name="users-export"),
    path("projects/export.csv", views.ExportMyProjectsView.as_view(), name="my-projects-export"),
]
