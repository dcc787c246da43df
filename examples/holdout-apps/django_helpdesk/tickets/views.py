import hashlib
import hmac
import json
import os

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, ListView

from .models import Ticket


class TicketListView(LoginRequiredMixin, ListView):
    model = Ticket
    template_name = "tickets/list.html"
    paginate_by = 25

    def get_queryset(self):
        qs = Ticket.objects.filter(requester=self.request.user)
        ordering = self.request.GET.get("ordering")
        if ordering:
            # expect: VC422
            qs = qs.order_by(ordering)
        return qs


class TicketDetailView(LoginRequiredMixin, DetailView):
    model = Ticket
    template_name = "tickets/detail.html"

    def get_queryset(self):
        # ok: VC214
        return Ticket.objects.filter(requester=self.request.user)


# expect: VC208
@method_decorator(csrf_exempt, name="dispatch")
class CloseTicketView(LoginRequiredMixin, View):
    def post(self, request, pk):
        ticket = get_object_or_404(Ticket, pk=pk, requester=request.user)
        ticket.status = "closed"
        ticket.save(update_fields=["status"])
        return JsonResponse({"status": ticket.status})


def search(request):
    q = request.GET.get("q", "")
    status = request.GET.get("status", "open")
    with connection.cursor() as cursor:
        query = "SELECT id, title FROM tickets_ticket WHERE status = '%s'" % status
        if q:
            query += " AND title ILIKE '%%" + q + "%%'"
        # expect: VC402/VC422
        cursor.execute(query)
        rows = cursor.fetchall()
    items = "".join(format_html("<li>{}</li>", title) for _, title in rows)
    # expect: VC411
    return HttpResponse(f"<h2>Results for {q}</h2><ul>{items}</ul>")


def search_by_status(request):
    status = request.GET.get("status", "open")
    with connection.cursor() as cursor:
        # ok: VC402/VC422
        cursor.execute("SELECT id, title FROM tickets_ticket WHERE status = %s", [status])
        return JsonResponse({"rows": cursor.fetchall()})


# expect: VC219
def download_attachment(request):
    name = request.GET["name"]
    path = os.path.join(settings.MEDIA_ROOT, "attachments", name)
    if not os.path.exists(path):
        raise Http404
    # expect: VC405
    return FileResponse(open(path, "rb"), as_attachment=True)


# ok: VC208
@csrf_exempt
def inbound_email(request):
    signature = request.headers.get("X-Mail-Signature", "")
    expected = hmac.new(settings.INBOUND_EMAIL_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    # ok: VC204
    if not hmac.compare_digest(signature, expected):
        return HttpResponseBadRequest("bad signature")
    payload = json.loads(request.body)
    Ticket.objects.create(title=payload["subject"][:200], description=payload["text"],
                          requester_id=int(payload["user_id"]))
    return JsonResponse({"ok": True})


def set_language(request):
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    # expect: VC409
    response = redirect(next_url)
    response.set_cookie("django_language", request.GET.get("lang", "en"), samesite="Lax")
    return response


def set_language_checked(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    # ok: VC409
    return redirect(next_url)
