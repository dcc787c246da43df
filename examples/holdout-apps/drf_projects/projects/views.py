import hashlib
import hmac
import json
import logging
import os

import requests
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Membership, Project, Task
from .permissions import IsOwnerOrReadOnly, IsProjectOwner
from .serializers import MembershipSerializer, ProjectSerializer, TaskSerializer

logger = logging.getLogger(__name__)
GITHUB_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET", "")


class ProjectViewSet(viewsets.ModelViewSet):
    # ok: VC214 -- corrected: scoped by its object permission; that permission's always-true body is VC212's
    queryset = Project.objects.all()
    serializer_class = ProjectSerializer
    permission_classes = [permissions.IsAuthenticated, IsOwnerOrReadOnly]

    # expect: VC201/VC218 -- action open to anyone
    @action(detail=True, methods=["post"], permission_classes=[permissions.AllowAny])
    def archive(self, request, pk=None):
        project = self.get_object()
        project.archived = True
        project.save(update_fields=["archived"])
        return Response({"archived": True})

    # ok: VC201/VC218 -- owner-checked action
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated, IsProjectOwner])
    def restore(self, request, pk=None):
        project = self.get_object()
        project.archived = False
        project.save(update_fields=["archived"])
        return Response({"archived": False})

    @action(detail=False)
    def search(self, request):
        name = request.query_params.get("name", "")
        order = request.query_params.get("order", "created_at")
        # expect: VC402/VC422/VC409 -- raw SQL with f-string from query params
        qs = Project.objects.raw(f"SELECT * FROM projects_project WHERE name LIKE '%{name}%' ORDER BY {order}")
        return Response(ProjectSerializer(qs, many=True).data)

    @action(detail=False)
    def search_safe(self, request):
        # ok: VC402/VC422/VC214 -- ORM filter
        qs = Project.objects.filter(owner=request.user, name__icontains=request.query_params.get("name", ""))
        return Response(ProjectSerializer(qs, many=True).data)


class TaskViewSet(viewsets.ModelViewSet):
    serializer_class = TaskSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        # ok: VC214 -- scoped to the requester
        return Task.objects.filter(project__owner=self.request.user)

    def perform_create(self, serializer):
        # expect: VC214/VC215 -- task created on any project id the client sends
        serializer.save()


class MemberViewSet(viewsets.ModelViewSet):
    serializer_class = MembershipSerializer

    def get_queryset(self):
        project_id = self.request.query_params.get("project")
        # expect: VC214 -- membership list of any project by id
        return Membership.objects.filter(project_id=project_id)


class ReportView(APIView):
    def get(self, request):
        owner = request.query_params.get("owner", "")
        query = "SELECT name, budget FROM projects_project p JOIN auth_user u ON u.id = p.owner_id " \
                "WHERE u.username = '{}'".format(owner)
        with connection.cursor() as cursor:
            # expect: VC402/VC422 -- format() SQL through a variable
            cursor.execute(query)
            rows = cursor.fetchall()
        return Response([{"name": n, "budget": str(b)} for n, b in rows])

    def post(self, request):
        with connection.cursor() as cursor:
            # ok: VC402/VC422 -- parameterised
            cursor.execute("UPDATE projects_project SET budget = %s WHERE id = %s AND owner_id = %s",
                           [request.data["budget"], request.data["id"], request.user.id])
        return Response(status=status.HTTP_204_NO_CONTENT)


class AdminStatsView(APIView):
    permission_classes = [permissions.AllowAny]

    def get(self, request):
        return Response({"projects": Project.objects.count(), "tasks": Task.objects.count()})

    # expect: VC201/VC218/VC219 -- admin endpoint open to anyone (reported at the handler)
    def delete(self, request):
        Project.objects.filter(archived=True).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


def _mirror(url: str) -> None:
    try:
        # expect: VC107 -- forgotten: status unchecked
        # ok: VC417 -- the URL comes from a webhook body whose HMAC signature the view checked
        requests.post(url, timeout=5)
    # expect: VC101/VC102 -- logs and continues, losing the traceback
    except Exception as e:
        logger.warning("mirror failed: %s", e)


@csrf_exempt
def github_hook(request):
    signature = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(GITHUB_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    # ok: VC204 -- constant-time signature check
    if not hmac.compare_digest(signature, expected):
        return HttpResponse(status=403)
    event = json.loads(request.body)
    _mirror(event["repository"]["html_url"])
    return JsonResponse({"ok": True})
