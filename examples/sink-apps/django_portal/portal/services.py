"""Report exports and employee search used by the views."""
import importlib

from django.db import connection
from django.db.models.expressions import RawSQL

from portal.models import Employee


class ReportService:
    def __init__(self, request):
        self.request = request

    def exporter(self):
        fmt = self.request.GET.get("format", "csv")
        # sink: CWE-94
        return importlib.import_module(f"portal.exporters.{fmt}")

    def export(self):
        return self.exporter().render(Employee.objects.all())


EXPORTERS = {"csv": "portal.exporters.csv", "xlsx": "portal.exporters.xlsx"}


def safe_exporter(fmt):
    # safe: CWE-94
    return importlib.import_module(EXPORTERS.get(fmt, "portal.exporters.csv"))


def employees_in(department):
    # sink: CWE-89
    return Employee.objects.extra(where=[f"department = '{department}'"])


def employees_named(name):
    # safe: CWE-89
    return Employee.objects.filter(name__icontains=name)


def ranked_by(field):
    # sink: CWE-89
    return Employee.objects.annotate(rank=RawSQL(f"SELECT COUNT(*) FROM portal_review WHERE {field} > 3", ()))


def search_directory(term):
    with connection.cursor() as cursor:
        # sink: CWE-89
        cursor.execute("SELECT id, name FROM portal_employee WHERE name LIKE '%%%s%%'" % term)
        return cursor.fetchall()


def search_directory_safe(term):
    with connection.cursor() as cursor:
        # safe: CWE-89
        cursor.execute("SELECT id, name FROM portal_employee WHERE name LIKE %s", [f"%{term}%"])
        return cursor.fetchall()
