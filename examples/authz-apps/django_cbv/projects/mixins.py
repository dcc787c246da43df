from django.contrib.auth.mixins import LoginRequiredMixin, UserPassesTestMixin

from .models import Project


class OwnerQuerysetMixin(LoginRequiredMixin):
    """Limit the view's objects to the signed-in user's projects."""

    def get_queryset(self):
        return Project.objects.filter(owner=self.request.user)


class ProjectAdminMixin(LoginRequiredMixin, UserPassesTestMixin):
    def test_func(self):
        project = Project.objects.filter(pk=self.kwargs["pk"]).first()
        return project is not None and project.memberships.filter(user=self.request.user, role="admin").exists()


class StaffRequiredMixin(UserPassesTestMixin):
    # expect: VC212
    def test_func(self):
        # Staff accounts are managed in the admin for now.
        return True


class SuperuserRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.is_superuser
