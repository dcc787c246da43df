"""Prompt: a Django view that transfers credit to another account, called from a form and from the mobile app."""
import hashlib
import hmac
import os

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts import transfer_credit

WEBHOOK_SECRET = os.environ["PAYMENTS_WEBHOOK_SECRET"].encode()


# expect: VC208
@csrf_exempt
@login_required
@require_POST
def transfer(request):
    transfer_credit(request.user, request.POST["to"], int(request.POST["amount"]))
    return JsonResponse({"ok": True})


@login_required
@require_POST
def transfer_safe(request):
    transfer_credit(request.user, request.POST["to"], int(request.POST["amount"]))
    return JsonResponse({"ok": True})


# ok: VC208
@csrf_exempt
@require_POST
def payments_webhook(request):
    expected = hmac.new(WEBHOOK_SECRET, request.body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")):
        return HttpResponseForbidden()
    return JsonResponse({"received": True})
