import os

MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "/srv/media")
# expect: VC203
JWT_SIGNING_KEY = "media-service-signing-key-7f3a9c"
ALLOWED_FETCH_HOSTS = {"cdn.example.com", "images.example.com"}
