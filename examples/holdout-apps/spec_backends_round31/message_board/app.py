"""Message board (single-file Django): anyone posts a message under a username; GET /messages renders them as HTML,
newest first, with limit, offset and sort order from the query string."""

import json
import os
import sys

from django.conf import settings

settings.configure(
    # expect: VC211
    DEBUG=True,
    # expect: VC203
    SECRET_KEY="django-insecure-message-board-key",
    # expect: VC213
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(os.getcwd(), "db.sqlite3")}},
    INSTALLED_APPS=["django.contrib.contenttypes"],
    MIDDLEWARE=["django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware"],
)

import django  # noqa: E402

django.setup()

from django.core.management import execute_from_command_line  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.http import require_GET, require_http_methods  # noqa: E402

from render import render_messages, render_messages_escaped  # noqa: E402

SORT_ORDERS = {"asc": "ASC", "desc": "DESC"}
MAX_LIMIT = 100


def init_db():
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS messages (id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL, "
            "content TEXT NOT NULL, submitted_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)"
        )


# expect: VC201
# expect: VC208
@csrf_exempt
@require_http_methods(["GET", "POST"])
def messages(request):
    if request.method == "POST":
        data = json.loads(request.body or b"{}")
        username, content = data.get("username"), data.get("content")
        if not username or not content:
            return HttpResponseBadRequest("username and content are required")
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO messages (username, content) VALUES (%s, %s)", [username, content])
        return JsonResponse({"status": "ok"})
    limit = int(request.GET.get("limit", 10))
    offset = int(request.GET.get("offset", 0))
    sort = request.GET.get("sort", "DESC")
    with connection.cursor() as cursor:
        cursor.execute(
            # expect: VC402/VC422
            # expect: VC428
            f"SELECT username, content, submitted_at FROM messages ORDER BY submitted_at {sort} LIMIT {limit} OFFSET {offset}"
        )
        rows = cursor.fetchall()
    # expect: VC427 -- the stored messages, pasted unescaped by render.py's helper (found by the helper join)
    return HttpResponse(render_messages(rows))


@require_GET
def messages_v2(request):
    try:
        limit = min(max(int(request.GET.get("limit", 10)), 1), MAX_LIMIT)
        offset = max(int(request.GET.get("offset", 0)), 0)
    except ValueError:
        return HttpResponseBadRequest("limit and offset must be integers")
    order = SORT_ORDERS.get(request.GET.get("sort", "desc").lower())
    if order is None:
        return HttpResponseBadRequest("sort must be asc or desc")
    with connection.cursor() as cursor:
        cursor.execute(
            # ok: VC402/VC422/VC428
            f"SELECT username, content, submitted_at FROM messages ORDER BY submitted_at {order} LIMIT %s OFFSET %s",
            [limit, offset],
        )
        rows = cursor.fetchall()
    return HttpResponse(render_messages_escaped(rows))


urlpatterns = [
    path("messages", messages),
    path("v2/messages", messages_v2),
]

if __name__ == "__main__":
    init_db()
    execute_from_command_line([sys.argv[0], "runserver", "0.0.0.0:5000", "--noreload"])
