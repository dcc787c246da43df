from django.db import connection
from ninja_extra import ControllerBase, api_controller, http_get
from ninja_extra.permissions import IsAuthenticated

SORTABLE = {"due": "due_date", "title": "title"}


@api_controller("/tasks", permissions=[IsAuthenticated])
class TaskReportController(ControllerBase):
    @http_get("/report")
    def report(self, sort: str = "title"):
        with connection.cursor() as cursor:
            # expect: VC422 -- the query parameter becomes the ORDER BY clause
            cursor.execute(f"SELECT title, due_date FROM tasks ORDER BY {sort}")
            return cursor.fetchall()

    @http_get("/sorted")
    def sorted_report(self, sort: str = "title"):
        with connection.cursor() as cursor:
            # ok: VC422 -- the column comes from an allow-list
            cursor.execute(f"SELECT title, due_date FROM tasks ORDER BY {SORTABLE.get(sort, 'title')}")
            return cursor.fetchall()

    @http_get("/search")
    def search(self, term: str):
        with connection.cursor() as cursor:
            # ok: VC422 -- bound as a parameter
            cursor.execute("SELECT title FROM tasks WHERE title LIKE %s", [f"%{term}%"])
            return cursor.fetchall()
