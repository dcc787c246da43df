import os
from pathlib import Path

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://reports@localhost/reports")
BUCKET = os.environ.get("REPORT_BUCKET", "acme-monthly-reports")
WORK_DIR = Path(os.environ.get("REPORT_WORK_DIR", "/var/tmp/reportgen"))
TEMPLATES = Path(__file__).parent / "templates"
MAX_WORKERS = int(os.environ.get("REPORT_WORKERS", "8"))
MAILER_URL = os.environ.get("MAILER_URL", "http://mailer.internal/send")
RENDER_TIMEOUT = 180
