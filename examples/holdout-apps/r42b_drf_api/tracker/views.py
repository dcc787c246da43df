import logging
import subprocess

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.response import Response

from tracker.models import Comment, Invoice, Project, Task
from tracker.permissions import IsAuthorOrReadOnly, IsOwner, IsProjectMemberOrOwner
from tracker.serializers import (
    CommentSerializer,
    InvoiceSerializer,
    ProjectSerializer,
    RegisterSerializer,
    TaskSerializer,
    UserSerializer,
)

User = get_user_model()
log = logging.getLogger(__name__)


class ProjectViewSet(viewsets.ModelViewSet):
    serializer_class = ProjectSerializer
    permission_classes = [permissions.IsAuthenticated, IsOwner]

    def get_queryset(self):
        # ok: VC214
        return Project.objects.filter(owner=self.request.user).prefetch_related("members")

    def perform_create(self, serializer):
        # ok: VC215
        serializer.save(owner=self.request.user)

    @action(detail=True, methods=["post"])
    def archive(self, request, pk=None):
        # ok: VC214
        project = self.get_object()
        project.archived = True
        project.save(update_fields=["archived"])
        return Response({"archived": True})


class TaskViewSet(viewsets.ModelViewSet):
    serializer_class = TaskSerializer
    permission_classes = [permissions.IsAuthenticated, IsProjectMemberOrOwner]
    filterset_fields = ["status", "project", "assignee"]

    def get_queryset(self):
        user = self.request.user
        # ok: VC214
        return Task.objects.filter(Q(project__owner=user) | Q(project__members=user)).distinct()

    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        task = self.get_object()
        task.status = Task.Status.DONE
        task.save(update_fields=["status"])
        return Response(self.get_serializer(task).data)


class CommentViewSet(viewsets.ModelViewSet):
    # expect: VC214
    queryset = Comment.objects.all()
    serializer_class = CommentSerializer
    permission_classes = [permissions.IsAuthenticated, IsAuthorOrReadOnly]

    def perform_create(self, serializer):
        serializer.save(author=self.request.user)


class InvoiceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = InvoiceSerializer

    def get_queryset(self):
        # ok: VC214
        return Invoice.objects.filter(customer=self.request.user)

    # expect: VC214
    @action(detail=True, methods=["post"], url_path="mark-paid")
    def mark_paid(self, request, pk=None):
        invoice = Invoice.objects.get(pk=pk)
        invoice.paid = True
        invoice.save(update_fields=["paid"])
        return Response({"paid": True})


class UserViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = User.objects.all()
    serializer_class = UserSerializer

    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAdminUser])
    def deactivate(self, request, pk=None):
        # ok: VC218
        user = self.get_object()
        user.is_active = False
        user.save(update_fields=["is_active"])
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"], url_path="set-staff")
    def set_staff(self, request, pk=None):
        user = self.get_object()
        # expect: VC217/VC218
        user.is_staff = bool(request.data.get("is_staff"))
        user.save(update_fields=["is_staff"])
        return Response({"is_staff": user.is_staff})


@api_view(["POST"])
@permission_classes([permissions.AllowAny])
def register(request):
    serializer = RegisterSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    # ok: VC215/VC217
    user = serializer.save()
    return Response({"id": user.id, "username": user.username}, status=status.HTTP_201_CREATED)


# expect: VC214
@api_view(["GET", "PATCH"])
def task_detail(request, pk):
    task = get_object_or_404(Task, pk=pk)
    if request.method == "PATCH":
        serializer = TaskSerializer(task, data=request.data, partial=True, context={"request": request})
        serializer.is_valid(raise_exception=True)
        serializer.save()
    return Response(TaskSerializer(task, context={"request": request}).data)


@api_view(["GET"])
def task_summary(request, pk):
    # ok: VC214
    task = get_object_or_404(Task, pk=pk, project__owner=request.user)
    return Response({"title": task.title, "status": task.status, "comments": task.comments.count()})


@api_view(["POST"])
def export_project(request, pk):
    project = get_object_or_404(Project, pk=pk, owner=request.user)
    target = settings.EXPORT_ROOT / f"project-{project.pk}.tar.gz"
    # ok: VC408/VC421
    subprocess.run(["tar", "czf", str(target), "-C", str(settings.MEDIA_ROOT), str(project.pk)], check=True)
    compression = request.query_params.get("compression", "gzip")
    # expect: VC421
    subprocess.run(f"{compression} -k {target}", shell=True, check=True)
    return Response({"path": str(target)})


@api_view(["GET"])
def search_tasks(request):
    q = request.query_params.get("q", "")
    if request.query_params.get("exact"):
        # ok: VC214/VC422
        tasks = Task.objects.filter(title=q, project__owner=request.user)
    else:
        # expect: VC422/VC402
        tasks = Task.objects.raw(f"SELECT * FROM tracker_task WHERE title ILIKE '%%{q}%%'")
    return Response(TaskSerializer(tasks, many=True, context={"request": request}).data)


@api_view(["GET"])
def overdue_report(request):
    try:
        with connection.cursor() as cursor:
            # ok: VC402/VC422
            cursor.execute(
                "SELECT t.id, t.title FROM tracker_task t JOIN tracker_project p ON p.id = t.project_id "
                "WHERE p.owner_id = %s AND t.due_date < %s AND t.status <> 'done'",
                [request.user.id, timezone.now().date()],
            )
            rows = cursor.fetchall()
    except Exception as exc:
        log.exception("overdue report failed")
        # expect: VC414
        return Response({"detail": str(exc)}, status=500)
    return Response([{"id": r[0], "title": r[1]} for r in rows])
