"""Employee portal views."""
import os
import traceback

import requests
from django.conf import settings
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from rest_framework.response import Response
from rest_framework.views import APIView

from portal import services
from portal.models import Employee


def greet(request):
    name = request.GET.get("name", "")
    # sink: CWE-79
    return HttpResponse(mark_safe(f"<p>Hello {name}</p>"))


def greet_safe(request):
    # safe: CWE-79
    return HttpResponse(f"<p>Hello {escape(request.GET.get('name', ''))}</p>")


def profile(request):
    employee = Employee.objects.get(user=request.user)
    reviews = employee.reviews.all()
    # sink: CWE-1336/200
    return render(request, "portal/profile.html", locals())


def profile_safe(request):
    employee = Employee.objects.get(user=request.user)
    # safe: CWE-1336/200
    return render(request, "portal/profile.html", {"employee": employee})


def department(request):
    rows = services.employees_in(request.GET["department"])
    return JsonResponse({"employees": [e.name for e in rows]})


def ranking(request):
    rows = services.ranked_by(request.GET.get("field", "score"))
    return JsonResponse({"employees": [e.name for e in rows]})


def directory(request):
    return JsonResponse({"rows": services.search_directory(request.GET.get("q", ""))})


def directory_safe(request):
    return JsonResponse({"rows": services.search_directory_safe(request.GET.get("q", ""))})


def named(request):
    return JsonResponse({"employees": [e.name for e in services.employees_named(request.GET.get("q", ""))]})


def export(request):
    return HttpResponse(services.ReportService(request).export())


def logout_then(request):
    next_url = request.GET.get("next", "/")
    if "http://" in next_url or "https://" in next_url:
        # sink: CWE-601
        return redirect(next_url)
    return redirect("/")


def logout_then_safe(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    # safe: CWE-601
    return redirect(next_url)


def download_report(request):
    path = os.path.join(settings.MEDIA_ROOT, "reports", request.GET["file"])
    # sink: CWE-22
    return FileResponse(open(path, "rb"))


def import_status(request):
    try:
        return JsonResponse({"ok": services.ReportService(request).export() is not None})
    except Exception:
        # sink: CWE-209
        return HttpResponse(traceback.format_exc(), status=500)


class AvatarView(APIView):
    def get(self, request):
        url = request.query_params.get("avatar_url")
        # sink: CWE-918
        response = requests.get(url, timeout=5)
        return Response({"size": len(response.content)})


class SearchView(APIView):
    def post(self, request):
        return Response({"rows": self.lookup(request.data.get("query", ""))})

    def lookup(self, query):
        return services.search_directory(query)
