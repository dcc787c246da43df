"""Profile collection as a single-file Django app: users upload an HTML profile page and a PNG photo."""

import os
import sqlite3
import sys

from django.conf import settings
from django.core.management import execute_from_command_line
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest, HttpResponseNotFound, JsonResponse
from django.urls import path
from django.utils.html import escape
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

settings.configure(
    # expect: VC211
    DEBUG=True,
    # expect: VC203
    SECRET_KEY=os.environ.get("APP_SECRET", "django-insecure-profile-collection"),
    ROOT_URLCONF=__name__,
    # expect: VC213
    ALLOWED_HOSTS=["*"],
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
)

DB_PATH = "profiles.db"
PHOTO_DIR = os.environ.get("PHOTO_DIR", "photos")


def db():
    conn = sqlite3.connect(DB_PATH)
    conn.execute("CREATE TABLE IF NOT EXISTS profiles (username TEXT PRIMARY KEY, page TEXT, photo TEXT)")
    return conn


# expect: VC208
@csrf_exempt
@require_POST
def add_profile(request):
    username = request.POST.get("username")
    page = request.POST.get("profile_page")
    photo = request.FILES.get("profile_photo")
    if not username or page is None or photo is None:
        return HttpResponseBadRequest("Invalid input")
    os.makedirs(PHOTO_DIR, exist_ok=True)
    photo_path = os.path.join(PHOTO_DIR, f"{username}.png")
    # expect: VC405/VC409
    with open(photo_path, "wb") as out:
        for chunk in photo.chunks():
            out.write(chunk)
    with db() as conn:
        if conn.execute("SELECT 1 FROM profiles WHERE username = ?", (username,)).fetchone():
            return HttpResponse("Profile already exists, creation forbidden", status=403)
        conn.execute("INSERT INTO profiles VALUES (?, ?, ?)", (username, page, photo_path))
    return HttpResponse("Profile created successfully", status=201)


# ok: VC219 -- public pages of an app that signs nobody in; its 403 for an existing profile is no guard
@require_GET
def profile_page(request, username):
    with db() as conn:
        row = conn.execute("SELECT page FROM profiles WHERE username = ?", (username,)).fetchone()
    if row is None:
        return HttpResponseNotFound("Profile not found")
    # expect: VC411
    return HttpResponse(row[0], content_type="text/html")


# ok: VC219 -- public pages of an app that signs nobody in; its 403 for an existing profile is no guard
@require_GET
def profile_photo(request, username):
    with db() as conn:
        row = conn.execute("SELECT photo FROM profiles WHERE username = ?", (username,)).fetchone()
    if row is None:
        return HttpResponseNotFound("Profile photo not found")
    # ok: VC405/VC409
    return FileResponse(open(row[0], "rb"), content_type="image/png")


# ok: VC219 -- public pages of an app that signs nobody in; its 403 for an existing profile is no guard
@require_GET
def search_profiles(request):
    term = request.GET.get("q", "")
    with db() as conn:
        # ok: VC402/VC422
        rows = conn.execute("SELECT username FROM profiles WHERE username LIKE ?", (f"%{term}%",)).fetchall()
    items = "".join(f"<li>{escape(r[0])}</li>" for r in rows)
    # ok: VC411
    return HttpResponse(f"<h1>Results for {escape(term)}</h1><ul>{items}</ul>")


# ok: VC219 -- public pages of an app that signs nobody in; its 403 for an existing profile is no guard
@require_GET
def export_profiles(request):
    fmt = request.GET.get("format", "json")
    with db() as conn:
        # expect: VC402/VC422
        rows = conn.execute("SELECT username FROM profiles ORDER BY " + request.GET.get("sort", "username")).fetchall()
    if fmt == "json":
        return JsonResponse({"profiles": [r[0] for r in rows]})
    # expect: VC411
    return HttpResponse(f"Unsupported format {fmt}", status=400)


urlpatterns = [
    path("add_profile", add_profile),
    path("profile/<str:username>", profile_page),
    path("profile-photo/<str:username>", profile_photo),
    path("search", search_profiles),
    path("export", export_profiles),
]

if __name__ == "__main__":
    execute_from_command_line(sys.argv)
