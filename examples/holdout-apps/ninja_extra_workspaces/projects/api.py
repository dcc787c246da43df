"""REST API for the SPA: django-ninja-extra controllers."""

from django.db import connection
from django.shortcuts import get_object_or_404
from ninja import Schema
from ninja_extra import ControllerBase, NinjaExtraAPI, api_controller, http_delete, http_get, http_post
from ninja_extra.permissions import AllowAny, IsAuthenticated

from .models import Membership, Project, Task
from .tenancy import workspace_for

api = NinjaExtraAPI(title="Workspaces")


class ProjectIn(Schema):
    name: str


class InviteIn(Schema):
    user_id: int
    role: str = "member"


class TaskOut(Schema):
    id: int
    title: str
    done: bool


@api_controller("/projects", permissions=[IsAuthenticated])
class ProjectController(ControllerBase):
    @http_get("/")
    def list_projects(self):
        workspace = workspace_for(self.context.request)
        # ok: VC214
        return list(Project.objects.filter(workspace=workspace).values("id", "name", "archived"))

    @http_get("/{project_id}")
    def get_project(self, project_id: int):
        # expect: VC214
        project = get_object_or_404(Project, id=project_id)
        return {"id": project.id, "name": project.name}

    @http_get("/{project_id}/tasks", response=list[TaskOut])
    def project_tasks(self, project_id: int):
        workspace = workspace_for(self.context.request)
        # ok: VC214
        project = get_object_or_404(Project, id=project_id, workspace=workspace)
        return project.tasks.all()

    @http_post("/{project_id}/archive")
    def archive_project(self, project_id: int):
        request = self.context.request
        workspace = workspace_for(request)
        membership = Membership.objects.filter(user=request.user, workspace=workspace).first()
        if membership is None or membership.role not in ("admin", "owner"):
            return 403, {"detail": "Admins only"}
        project = get_object_or_404(Project, id=project_id, workspace=workspace)
        project.archived = True
        project.save()
        return {"archived": True}

    # expect: VC201
    @http_delete("/{project_id}", permissions=[AllowAny])
    def delete_project(self, project_id: int):
        Project.objects.filter(id=project_id).delete()
        return {"deleted": project_id}

    @http_get("/{project_id}/report")
    def report(self, project_id: int, order: str = "title"):
        with connection.cursor() as cursor:
            # expect: VC422
            cursor.execute(f"SELECT title, done FROM projects_task WHERE project_id = %s ORDER BY {order}", [project_id])
            return cursor.fetchall()


@api_controller("/members", permissions=[IsAuthenticated])
class MemberController(ControllerBase):
    @http_post("/invite")
    def invite(self, payload: InviteIn):
        workspace = workspace_for(self.context.request)
        # expect: VC217
        Membership.objects.create(user_id=payload.user_id, workspace=workspace, role=payload.role)
        return {"invited": payload.user_id}

    # expect: VC218
    @http_post("/{membership_id}/promote")
    def promote(self, membership_id: int):
        # expect: VC214
        membership = Membership.objects.get(id=membership_id)
        membership.role = "admin"
        membership.save()
        return {"role": membership.role}


api.register_controllers(ProjectController, MemberController)
