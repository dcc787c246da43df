from django.contrib import admin
from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from tracker import views

router = DefaultRouter()
router.register("projects", views.ProjectViewSet, basename="project")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("comments", views.CommentViewSet, basename="comment")
router.register("invoices", views.InvoiceViewSet, basename="invoice")
router.register("users", views.UserViewSet, basename="user")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include(router.urls)),
    path("api/token/", TokenObtainPairView.as_view()),
    path("api/token/refresh/", TokenRefreshView.as_view()),
    path("api/register/", views.register),
    path("api/tasks/<int:pk>/detail/", views.task_detail),
    path("api/tasks/<int:pk>/summary/", views.task_summary),
    path("api/projects/<int:pk>/export/", views.export_project),
    path("api/search/", views.search_tasks),
    path("api/reports/overdue/", views.overdue_report),
]
