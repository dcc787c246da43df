"""The task board: server-rendered pages swapped in by HTMX."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from .models import Project, Task
from .tenancy import workspace_for


@login_required
def board(request):
    workspace = workspace_for(request)
    projects = Project.objects.filter(workspace=workspace, archived=False).prefetch_related("tasks")
    template = "projects/board_partial.html" if request.htmx else "projects/board.html"
    return render(request, template, {"projects": projects})


@login_required
@require_POST
def add_task(request):
    workspace = workspace_for(request)
    # ok: VC214
    project = get_object_or_404(Project, id=request.POST["project_id"], workspace=workspace)
    task = Task.objects.create(project=project, title=request.POST["title"])
    # ok: VC411
    return HttpResponse(format_html('<li id="task-{}">{}</li>', task.id, task.title))


@login_required
@require_POST
def complete_task(request, task_id):
    # expect: VC214
    task = get_object_or_404(Task, id=task_id)
    task.done = True
    task.save()
    # expect: VC411
    return HttpResponse(mark_safe(f'<li class="done">{request.POST.get("note", task.title)}</li>'))


@login_required
def search_tasks(request):
    term = request.GET.get("q", "")
    workspace = workspace_for(request)
    tasks = Task.objects.filter(project__workspace=workspace, title__icontains=term)[:20]
    rows = "".join(f"<li>{t.title}</li>" for t in tasks)
    # expect: VC411
    return HttpResponse(f"<p>Results for {term}</p><ul>{rows}</ul>")
