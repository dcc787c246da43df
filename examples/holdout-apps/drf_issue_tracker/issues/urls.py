from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("projects", views.ProjectViewSet, basename="project")
router.register("issues", views.IssueViewSet, basename="issue")

members = DefaultRouter()
members.register("members", views.WorkspaceMemberViewSet, basename="workspace-member")

urlpatterns = [
    path("", include(router.urls)),
    path("workspaces/<int:workspace_pk>/", include(members.urls)),
    path("workspaces/<int:workspace_pk>/me/", views.MyMembershipView.as_view()),
    path("mobile/issues/<int:pk>/", views.IssueDetailView.as_view()),
    path("issues/<int:pk>/assign/", views.IssueAssignView.as_view()),
    path("issues/<int:pk>/reopen/", views.IssueReopenView.as_view()),
    path("workspace/issues/", views.WorkspaceIssuesView.as_view()),
    path("my/workspace/issues/", views.MyWorkspaceIssuesView.as_view()),
]
