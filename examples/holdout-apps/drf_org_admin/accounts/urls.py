from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("members", views.MemberViewSet, basename="member")
router.register("membership", views.MyMembershipViewSet, basename="my-membership")
router.register("invitations", views.InvitationViewSet, basename="invitation")
router.register("projects", views.ProjectViewSet, basename="project")

urlpatterns = router.urls + [
    path("invitations/accept/<str:token>/", views.accept_invitation),
    path("invitations/accept-v2/<str:token>/", views.accept_invitation_checked),
    path("orgs/<int:org_id>/", views.delete_organization),
    path("my/orgs/<int:org_id>/", views.delete_my_organization),
    path("projects/<int:project_id>/detail/", views.project_detail),
    path("audit/", views.audit_log),
    path("transfer-ownership/", views.transfer_ownership),
    path("directory/", views.organization_directory),
]
