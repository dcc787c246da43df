from ninja_extra import ControllerBase, api_controller, http_post
from ninja_extra.permissions import IsAdminUser, IsAuthenticated

from .models import Expense


@api_controller("/expenses", permissions=[IsAuthenticated])
class ExpenseController(ControllerBase):
    # expect: VC218 -- any signed-in employee approves any expense claim
    @http_post("/{expense_id}/approve")
    def approve(self, expense_id: int):
        Expense.objects.filter(id=expense_id).update(status="approved")

    # ok: VC218 -- the route's own permission classes replace the controller's with an admin's
    @http_post("/{expense_id}/reject", permissions=[IsAdminUser])
    def reject(self, expense_id: int):
        Expense.objects.filter(id=expense_id).update(status="rejected")

    # ok: VC218 -- submitting one's claim is no privileged operation
    @http_post("/{expense_id}/submit")
    def submit(self, expense_id: int):
        Expense.objects.filter(id=expense_id, claimant=self.context.request.user).update(status="submitted")


@api_controller("/finance", permissions=[IsAdminUser])
class FinanceController(ControllerBase):
    # ok: VC218 -- the whole controller is for administrators
    @http_post("/{expense_id}/refund")
    def refund(self, expense_id: int):
        Expense.objects.filter(id=expense_id).update(status="refunded")
