"""Settings for the media service."""

import os
from pathlib import Path

UPLOAD_DIR = Path(os.environ.get("UPLOAD_DIR", "/var/lib/media/uploads"))
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ALLOWED_EXTENSIONS = {".png", ".jpg", ".jpeg", ".gif", ".pdf"}
GITHUB_WEBHOOK_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET", "").encode()
# expect: VC403/VC203
PAYMENTS_WEBHOOK_SECRET = "whsec_5f1c2a9e7b3d4c8a1e6f0b2d9c7a3e5f"
THUMBNAILER_URL = os.environ.get("THUMBNAILER_URL", "https://thumbs.internal.example.com")
