from django.shortcuts import get_object_or_404
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .models import Issue, Project, WorkspaceMember
from .permissions import IsOwner, IsReporterOrReadOnly, IsTriager, IsWorkspaceAdmin
from .serializers import (
    CommentSerializer,
    IssueSerializer,
    IssueUpdateSerializer,
    MemberSerializer,
    ProjectSerializer,
)


# expect: VC214/VC219 -- IsOwner is only an object permission: the list returns every project of every workspace
class ProjectViewSet(viewsets.ModelViewSet):
    queryset = Project.objects.all()
    serializer_class = ProjectSerializer
    permission_classes = [IsAuthenticated, IsOwner]

    def perform_create(self, serializer):
        # ok: VC215 -- owner from the request's user
        serializer.save(owner=self.request.user)

    # expect: VC218 -- closes issues of any project for any signed-in user
    @action(detail=False, methods=["post"], url_path="close-stale")
    def close_stale_everywhere(self, request):
        closed = sum(services.close_stale(project) for project in Project.objects.all())
        return Response({"closed": closed})

    @action(detail=True, methods=["post"], url_path="close-stale")
    def close_stale(self, request, pk=None):
        # ok: VC214 -- get_object() runs IsOwner's has_object_permission
        project = self.get_object()
        return Response({"closed": services.close_stale(project)})

    @action(detail=False, methods=["get"], permission_classes=[IsAdminUser])
    def audit(self, request):
        # ok: VC214/VC218/VC219 -- staff only
        return Response(ProjectSerializer(Project.objects.all(), many=True).data)


class IssueViewSet(viewsets.ModelViewSet):
    permission_classes = [IsAuthenticated, IsReporterOrReadOnly]

    def get_queryset(self):
        # ok: VC214 -- only issues in the caller's workspaces
        return services.visible_issues(self.request.user)

    def get_serializer_class(self):
        if self.action in {"update", "partial_update"}:
            return IssueUpdateSerializer
        return IssueSerializer

    def perform_create(self, serializer):
        serializer.save(reporter=self.request.user)

    @action(detail=True, methods=["get", "post"])
    def comments(self, request, pk=None):
        issue = self.get_object()
        if request.method == "POST":
            serializer = CommentSerializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            serializer.save(issue=issue, author=request.user)
            return Response(serializer.data, status=status.HTTP_201_CREATED)
        return Response(CommentSerializer(issue.comments.all(), many=True).data)

    @action(detail=False, methods=["post"], permission_classes=[IsAuthenticated, IsTriager])
    def bulk_close(self, request):
        ids = request.data.get("ids", [])
        updated = self.get_queryset().filter(pk__in=ids).update(status="closed")
        return Response({"closed": updated})


class IssueDetailView(APIView):
    """Issue page for the mobile app (kept apart from the viewset for its shape)."""

    # expect: VC214 -- services.get_issue loads by primary key only (reported at the handler)
    def get(self, request, pk):
        issue = services.get_issue(pk)
        data = IssueSerializer(issue).data
        data["comments"] = CommentSerializer(issue.comments.all(), many=True).data
        return Response(data)

    def patch(self, request, pk):
        # ok: VC214 -- scoped through the caller's workspaces
        issue = services.get_visible_issue(request.user, pk)
        serializer = IssueUpdateSerializer(issue, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


class IssueAssignView(APIView):
    permission_classes = [IsAuthenticated, IsReporterOrReadOnly]

    def post(self, request, pk):
        # expect: VC214 -- an APIView never calls has_object_permission unless check_object_permissions runs
        issue = get_object_or_404(Issue, pk=pk)
        issue.assignee_id = request.data.get("assignee")
        issue.save(update_fields=["assignee"])
        return Response({"assignee": issue.assignee_id})


class IssueReopenView(APIView):
    permission_classes = [IsAuthenticated, IsReporterOrReadOnly]

    def post(self, request, pk):
        # ok: VC214 -- the object permission is checked by hand
        issue = get_object_or_404(Issue, pk=pk)
        self.check_object_permissions(request, issue)
        issue.status = "open"
        issue.save(update_fields=["status"])
        return Response({"status": issue.status})


class WorkspaceIssuesView(APIView):
    """Issues of the workspace chosen in the web app's switcher."""

    def get(self, request):
        workspace_id = request.headers.get("X-Workspace-Id")
        # expect: VC214/VC207 -- workspace from a header, never checked against the caller's memberships
        issues = Issue.objects.filter(project__workspace_id=workspace_id)
        return Response(IssueSerializer(issues, many=True).data)


class MyWorkspaceIssuesView(APIView):
    def get(self, request):
        workspace_id = request.headers.get("X-Workspace-Id")
        # ok: VC214/VC207 -- the header picks among the caller's own workspaces
        issues = Issue.objects.filter(project__workspace_id=workspace_id, project__workspace__members=request.user)
        return Response(IssueSerializer(issues, many=True).data)


class WorkspaceMemberViewSet(viewsets.ModelViewSet):
    serializer_class = MemberSerializer
    permission_classes = [IsAuthenticated, IsWorkspaceAdmin]

    def get_queryset(self):
        return WorkspaceMember.objects.filter(workspace_id=self.kwargs["workspace_pk"])

    def perform_create(self, serializer):
        # ok: VC215/VC217 -- workspace admins add members with a role
        serializer.save(workspace_id=self.kwargs["workspace_pk"])


class MyMembershipView(APIView):
    def patch(self, request, workspace_pk):
        membership = get_object_or_404(WorkspaceMember, workspace_id=workspace_pk, user=request.user)
        # MemberSerializer lets the caller write their own role and user (marked at the serializer)
        serializer = MemberSerializer(membership, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)
