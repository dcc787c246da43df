"""Password reset (single-file Django): users register and log in with e-mail and password; POST /password/forgot
mails a reset link for an e-mail address; POST /password/reset takes the link's token and a new password. Tokens are
single-use and valid for 30 minutes."""

import hmac
import json
import logging
import os
import random
import secrets
import sys
from datetime import timedelta

from django.conf import settings

settings.configure(
    # expect: VC211
    DEBUG=True,
    # expect: VC203
    SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY", "dev-secret-key-change-me"),
    # expect: VC213
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "reset.sqlite3"}},
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
    EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    DEFAULT_FROM_EMAIL="no-reply@example.com",
    SITE_URL=os.environ.get("SITE_URL", "https://accounts.example.com"),
)

import django  # noqa: E402

django.setup()

from django.contrib.auth import authenticate, login  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.mail import send_mail  # noqa: E402
from django.core.management import execute_from_command_line  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import JsonResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils import timezone  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402
from django.views.decorators.http import require_POST  # noqa: E402

logger = logging.getLogger("password_reset")
TOKEN_TTL = timedelta(minutes=30)


def init_db() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS reset_tokens (token TEXT PRIMARY KEY, user_id INTEGER NOT NULL, "
            "created_at TIMESTAMP NOT NULL, used INTEGER NOT NULL DEFAULT 0)"
        )


def body(request) -> dict:
    try:
        return json.loads(request.body or b"{}")
    except json.JSONDecodeError:
        return {}


# expect: VC208
@csrf_exempt
@require_POST
def register(request):
    data = body(request)
    email, password = data.get("email", "").lower(), data.get("password", "")
    if not email or len(password) < 8:
        return JsonResponse({"error": "email and a password of 8+ characters required"}, status=400)
    if User.objects.filter(username=email).exists():
        return JsonResponse({"error": "already registered"}, status=409)
    User.objects.create_user(username=email, email=email, password=password)
    return JsonResponse({"status": "registered"}, status=201)


@require_POST
def sign_in(request):
    data = body(request)
    user = authenticate(request, username=data.get("email", "").lower(), password=data.get("password", ""))
    if user is None:
        return JsonResponse({"error": "invalid credentials"}, status=401)
    login(request, user)
    return JsonResponse({"status": "ok"})


def store_token(token: str, user: User) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO reset_tokens (token, user_id, created_at) VALUES (%s, %s, %s)", [token, user.id, timezone.now()]
        )


# expect: VC208
@csrf_exempt
@require_POST
def forgot_password(request):
    email = body(request).get("email", "").lower()
    user = User.objects.filter(email=email).first()
    if user is None:
        return JsonResponse({"error": "no account with that e-mail"}, status=404)
    # expect: VC206
    token = str(random.randint(100000, 999999))
    store_token(token, user)
    # expect: VC234
    link = f"{request.scheme}://{request.get_host()}/password/reset?token={token}"
    send_mail("Reset your password", f"Open {link} within 30 minutes.", None, [user.email])
    # expect: VC407
    logger.info("sent password reset link %s to %s", link, user.email)
    # expect: VC429
    return JsonResponse({"status": "sent", "token": token})


@require_POST
def forgot_password_v2(request):
    email = body(request).get("email", "").lower()
    user = User.objects.filter(email=email).first()
    if user is not None:
        # ok: VC206
        token = secrets.token_urlsafe(32)
        store_token(token, user)
        # ok: VC234
        link = f"{settings.SITE_URL}/password/reset?token={token}"
        send_mail("Reset your password", f"Open {link} within 30 minutes.", None, [user.email])
        # ok: VC407
        logger.info("sent password reset link to user %s", user.id)
    return JsonResponse({"status": "if the address is registered, a link is on its way"})


# expect: VC208
@csrf_exempt
@require_POST
def reset_password(request):
    data = body(request)
    token, new_password = data.get("token", ""), data.get("password", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT token, user_id FROM reset_tokens WHERE user_id = %s AND used = 0", [data.get("user_id")])
        row = cursor.fetchone()
    # expect: VC204
    if row is None or row[0] != token:
        return JsonResponse({"error": "invalid token"}, status=400)
    user = User.objects.get(id=row[1])
    # expect: VC410
    user.password = new_password
    user.save()
    return JsonResponse({"status": "password changed"})


@require_POST
def reset_password_v2(request):
    data = body(request)
    token, new_password = str(data.get("token", "")), data.get("password", "")
    if len(new_password) < 8:
        return JsonResponse({"error": "password too short"}, status=400)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT token, user_id, created_at FROM reset_tokens WHERE user_id = %s AND used = 0", [data.get("user_id")]
        )
        row = cursor.fetchone()
    # ok: VC204
    if row is None or not hmac.compare_digest(row[0], token) or timezone.now() - row[2] > TOKEN_TTL:
        return JsonResponse({"error": "invalid or expired token"}, status=400)
    user = User.objects.get(id=row[1])
    # ok: VC410
    user.set_password(new_password)
    user.save(update_fields=["password"])
    with connection.cursor() as cursor:
        cursor.execute("UPDATE reset_tokens SET used = 1 WHERE token = %s", [row[0]])
    return JsonResponse({"status": "password changed"})


urlpatterns = [
    path("register", register),
    path("login", sign_in),
    path("password/forgot", forgot_password),
    path("v2/password/forgot", forgot_password_v2),
    path("password/reset", reset_password),
    path("v2/password/reset", reset_password_v2),
]

if __name__ == "__main__":
    init_db()
    execute_from_command_line(sys.argv)
