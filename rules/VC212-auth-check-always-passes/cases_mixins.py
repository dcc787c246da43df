import logging

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import mixins
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters

logger = logging.getLogger(__name__)


class StaffRequiredMixin:
    """Views for staff only."""

    # expect: VC212 -- warns and goes on to the view
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            messages.error(request, "This page is for staff.")
        return super().dispatch(request, *args, **kwargs)


class ManagerOnlyMixin:
    # expect: VC212 -- logs the intruder and serves the page anyway
    def dispatch(self, request, *args, **kwargs):
        if not request.user.groups.filter(name="managers").exists():
            logger.warning("non-manager %s", request.user.pk)
        return super().dispatch(request, *args, **kwargs)


class FinanceRequiredMixin:
    # ok: VC212 -- refuses
    def dispatch(self, request, *args, **kwargs):
        if not request.user.groups.filter(name="finance").exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AdminRequiredMixin:
    # ok: VC212 -- answers the refusal Django's access mixins give
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class TimezoneMixin:
    # ok: VC212 -- not named to guard anything
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            messages.info(request, "Times are shown in your zone.")
        return super().dispatch(request, *args, **kwargs)


class StaffOnlyMixin:
    # ok: VC212 -- the decorator refuses non-staff before the body runs
    @method_decorator(staff_member_required)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class LoginView(View):
    # ok: VC212 -- a login page's dispatch that only carries a decorator restricts no one
    @method_decorator(sensitive_post_parameters("password"))
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


class OwnerRequiredMixin:
    # expect: VC212 -- named to restrict, checks nothing
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)



class BaseAuthorizationView(LoginRequiredMixin, View):
    # ok: VC212 -- sets the view up; LoginRequiredMixin's dispatch, reached through super(), refuses anonymous callers
    def dispatch(self, request, *args, **kwargs):
        self.oauth2_data = {}
        return super().dispatch(request, *args, **kwargs)


class ApprovalAdminView(mixins.PermissionRequiredMixin, View):
    permission_required = "payments.approve"

    # ok: VC212 -- the permission mixin refuses; this override only records when the request came in
    def dispatch(self, request, *args, **kwargs):
        """Remember when the request started."""
        self.started = request.META.get("REQUEST_TIME")
        logger.debug("approval view for %s", request.user.pk)
        return super().dispatch(request, *args, **kwargs)


class ManagerRequiredMixin(LoginRequiredMixin):
    # expect: VC212 -- only hands on: a login is required, being a manager is not
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)


class StaffOnlyView(LoginRequiredMixin, View):
    # expect: VC212 -- tests the user and only warns: any logged-in user gets through
    def dispatch(self, request, *args, **kwargs):
        self.section = "staff"
        if not request.user.is_staff:
            messages.error(request, "This page is for staff.")
        return super().dispatch(request, *args, **kwargs)


class SupervisorRequiredMixin(TimezoneMixin):
    # expect: VC212 -- sets itself up, and no base on the way refuses anyone
    def dispatch(self, request, *args, **kwargs):
        self.oauth2_data = {}
        return super().dispatch(request, *args, **kwargs)
