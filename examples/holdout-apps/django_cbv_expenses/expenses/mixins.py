from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin


class OwnerQuerysetMixin:
    """Limit a class-based view's queryset to the signed-in user's rows."""

    owner_field = "owner"

    def get_queryset(self):
        return super().get_queryset().filter(**{self.owner_field: self.request.user})


class FinanceRequiredMixin(UserPassesTestMixin):
    def test_func(self):
        return self.request.user.groups.filter(name="finance").exists()


class StaffRequiredMixin:
    """Views for staff only."""

    # expect: VC212/VC216 -- warns and goes on to the view
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            messages.error(request, "This page is for staff.")
        return super().dispatch(request, *args, **kwargs)
