import os

import keyring
from dotenv import load_dotenv

load_dotenv()

PORTAL_URL = os.getenv("PORTAL_URL", "https://timesheets.corp.example.com")
USERNAME = os.getenv("PORTAL_USER", "jdoe")
# expect: VC403
PASSWORD = os.getenv("PORTAL_PASSWORD", "Summer2024!")
HOURS_FILE = os.getenv("HOURS_FILE", "hours.xlsx")
SCREENSHOT_DIR = os.getenv("SCREENSHOT_DIR", "screenshots")


def portal_password() -> str:
    # ok: VC403
    return keyring.get_password("timesheet-portal", USERNAME) or os.environ["PORTAL_PASSWORD"]
