from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST
from django.views.generic import DetailView

from orders.models import Order
from orders.tasks import send_receipt


@login_required
# ok: VC301
def order_list(request):
    orders = Order.objects.filter(customer=request.user).order_by("-created")
    return JsonResponse({"orders": [{"id": o.pk, "status": o.status} for o in orders]})


@login_required
# ok: VC301
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk, customer=request.user)
    return JsonResponse({"id": order.pk, "status": order.status, "total_cents": order.total_cents})


@login_required
@require_POST
# expect: VC301
def order_cancel(request, pk):
    order = get_object_or_404(Order, pk=pk, customer=request.user)
    order.cancel()
    send_receipt.delay(order.pk)
    return redirect("orders:detail", pk=pk)


# expect: VC301
class ReceiptView(DetailView):
    model = Order
    template_name = "orders/receipt.html"

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user)


@login_required
# expect: VC301
def export_orders(request):
    rows = Order.objects.filter(customer=request.user).values_list("pk", "status", "total_cents")
    body = "\n".join(",".join(map(str, row)) for row in rows)
    return HttpResponse(body, content_type="text/csv")
