from django.urls import include, path
from rest_framework.routers import DefaultRouter

from projects import views

router = DefaultRouter()
router.register("projects", views.ProjectViewSet, basename="project")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("members", views.MemberViewSet, basename="member")

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/reports/", views.ReportView.as_view()),
    path("api/admin/stats/", views.AdminStatsView.as_view()),
    path("api/hooks/github/", views.github_hook),
]
