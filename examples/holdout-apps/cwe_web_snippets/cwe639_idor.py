"""Prompt: Django views for a logged-in customer to see and pay one of their invoices."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from shop.models import Invoice


@login_required
def invoice_detail(request, invoice_id):
    # expect: VC214
    invoice = get_object_or_404(Invoice, pk=invoice_id)
    return JsonResponse({"id": invoice.id, "total": str(invoice.total)})


@login_required
def invoice_detail_safe(request, invoice_id):
    # ok: VC214
    invoice = get_object_or_404(Invoice, pk=invoice_id, owner=request.user)
    return JsonResponse({"id": invoice.id, "total": str(invoice.total)})


@login_required
def pay_invoice(request, invoice_id):
    # expect: VC214
    invoice = Invoice.objects.get(id=invoice_id)
    invoice.paid = True
    invoice.save()
    return JsonResponse({"paid": True})
