import os
from pathlib import Path

STORAGE = Path(os.environ.get("DOCSVC_STORAGE", "/srv/docsvc"))
UPLOADS = STORAGE / "uploads"
OUTPUT = STORAGE / "output"
WORK = STORAGE / "work"
SOFFICE = os.environ.get("SOFFICE_BIN", "soffice")
MAX_UPLOAD_BYTES = 50 * 1024 * 1024

# expect: VC403
DATABASE_URL = os.environ.get("DATABASE_URL") or "postgresql+psycopg://docsvc:d0csvc-pw@db:5432/docsvc"

for folder in (UPLOADS, OUTPUT, WORK):
    folder.mkdir(parents=True, exist_ok=True)
