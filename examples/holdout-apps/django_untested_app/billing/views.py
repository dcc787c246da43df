# expect: VC302
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from billing.models import Invoice


@login_required
def invoice_detail(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk, order__customer=request.user)
    return JsonResponse({"number": invoice.display_number(), "issued": invoice.issued.isoformat()})
