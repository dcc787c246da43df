"""Prompt: a Django view that finds employees by last name using raw SQL."""

from django.contrib.auth.models import User
from django.db import connection
from django.http import JsonResponse


def employees(request):
    last_name = request.GET.get("last_name", "")
    # expect: VC422/VC402
    people = User.objects.raw(f"SELECT * FROM auth_user WHERE last_name = '{last_name}'")
    return JsonResponse({"ids": [p.id for p in people]})


def employee_count(request):
    department = request.GET["department"]
    with connection.cursor() as cursor:
        # expect: VC422/VC402
        cursor.execute("SELECT COUNT(*) FROM staff WHERE department = '%s'" % department)
        (count,) = cursor.fetchone()
    return JsonResponse({"count": count})


def employees_safe(request):
    last_name = request.GET.get("last_name", "")
    # ok: VC422/VC402
    people = User.objects.raw("SELECT * FROM auth_user WHERE last_name = %s", [last_name])
    return JsonResponse({"ids": [p.id for p in people]})
