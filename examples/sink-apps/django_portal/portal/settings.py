"""Settings for the employee portal."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["portal.example.com"]
# sink: CWE-614
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = True
