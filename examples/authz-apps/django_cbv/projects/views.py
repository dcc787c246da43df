import csv

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views import View
from django.views.generic import CreateView, DeleteView, DetailView, ListView, TemplateView, UpdateView

from .forms import AccountForm, ContactForm, ProjectForm
from .mixins import OwnerQuerysetMixin, ProjectAdminMixin, StaffRequiredMixin, SuperuserRequiredMixin
from .models import Membership, Project, Task

User = get_user_model()


class ProjectListView(OwnerQuerysetMixin, ListView):
    template_name = "projects/list.html"


# expect: VC214
class ProjectDetailView(LoginRequiredMixin, DetailView):
    model = Project
    template_name = "projects/detail.html"


class ProjectUpdateView(OwnerQuerysetMixin, UpdateView):
    form_class = ProjectForm
    template_name = "projects/form.html"
    success_url = reverse_lazy("project-list")


class ProjectCreateView(LoginRequiredMixin, CreateView):
    model = Project
    # expect: VC215
    fields = "__all__"
    template_name = "projects/form.html"
    success_url = reverse_lazy("project-list")


class ProjectQuickCreateView(LoginRequiredMixin, CreateView):
    form_class = ProjectForm
    template_name = "projects/form.html"
    success_url = reverse_lazy("project-list")

    def form_valid(self, form):
        form.instance.owner = self.request.user
        return super().form_valid(form)


# expect: VC201
class ProjectDeleteView(DeleteView):
    model = Project
    success_url = reverse_lazy("project-list")


class ProjectArchiveView(OwnerQuerysetMixin, DeleteView):
    success_url = reverse_lazy("project-list")

    def form_valid(self, form):
        self.object.is_archived = True
        self.object.save()
        return redirect(self.success_url)


class TaskToggleView(LoginRequiredMixin, View):
    def post(self, request, pk):
        # expect: VC214
        task = get_object_or_404(Task, pk=pk)
        task.done = not task.done
        task.save()
        return redirect("project-detail", pk=task.project_id)


class TaskAssignView(LoginRequiredMixin, View):
    def post(self, request, pk):
        task = get_object_or_404(Task, pk=pk, project__owner=request.user)
        task.assignee = request.user
        task.save()
        return redirect("project-detail", pk=task.project_id)


class MemberRoleView(ProjectAdminMixin, View):
    def post(self, request, pk, user_id):
        membership = get_object_or_404(Membership, project_id=pk, user_id=user_id)
        membership.role = request.POST["role"]
        membership.save()
        return redirect("project-detail", pk=pk)


class JoinProjectView(LoginRequiredMixin, View):
    def post(self, request, pk):
        project = get_object_or_404(Project, pk=pk)
        # expect: VC217
        Membership.objects.create(project=project, user=request.user, role=request.POST.get("role", "viewer"))
        return redirect("project-detail", pk=pk)


class AccountView(LoginRequiredMixin, UpdateView):
    form_class = AccountForm
    template_name = "accounts/edit.html"
    success_url = "/"

    def get_object(self):
        return self.request.user


class ContactDetailsView(LoginRequiredMixin, UpdateView):
    form_class = ContactForm
    template_name = "accounts/edit.html"
    success_url = "/"

    def get_object(self):
        return self.request.user


class StaffReportView(StaffRequiredMixin, TemplateView):
    template_name = "reports/staff.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = Project.objects.all()
        return context


class DeactivateUserView(LoginRequiredMixin, View):
    # expect: VC218
    def post(self, request, user_id):
        User.objects.filter(pk=user_id).update(is_active=False)
        return redirect("/")


class ReactivateUserView(PermissionRequiredMixin, View):
    permission_required = "auth.change_user"

    def post(self, request, user_id):
        User.objects.filter(pk=user_id).update(is_active=True)
        return redirect("/")


class ExportUsersView(View):
    # expect: VC219
    def get(self, request):
        response = HttpResponse(content_type="text/csv")
        writer = csv.writer(response)
        for user in User.objects.all():
            writer.writerow([user.username, user.email, user.date_joined])
        return response


class ExportMyProjectsView(LoginRequiredMixin, View):
    def get(self, request):
        response = HttpResponse(content_type="text/csv")
        writer = csv.writer(response)
        for project in Project.objects.filter(owner=request.user):
            writer.writerow([project.name, project.budget])
        return response


class BudgetView(LoginRequiredMixin, View):
    def post(self, request, pk):
        project = get_object_or_404(Project, pk=pk)
        if project.owner_id != request.user.id:
            return HttpResponseForbidden()
        project.budget = request.POST["budget"]
        project.save()
        return redirect("project-detail", pk=pk)


class AuditView(SuperuserRequiredMixin, TemplateView):
    template_name = "reports/audit.html"
