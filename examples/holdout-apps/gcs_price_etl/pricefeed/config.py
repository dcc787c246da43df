"""Settings: environment first, then the suppliers file shipped beside the package."""

import os
from dataclasses import dataclass, field
from pathlib import Path

# expect: VC504
import yaml
from dotenv import load_dotenv

load_dotenv()

SUPPLIERS_FILE = Path(__file__).parent / "suppliers.yaml"


@dataclass
class Settings:
    bucket: str = os.environ.get("PRICEFEED_BUCKET", "acme-supplier-drops")
    database_url: str = os.environ["PRICEFEED_DATABASE_URL"]
    work_dir: Path = Path(os.environ.get("PRICEFEED_WORK_DIR", "/var/lib/pricefeed"))
    # expect: VC403
    api_key: str = os.environ.get("SUPPLIER_API_KEY", "sk_live_9f8a7b6c5d4e3f2a1b0c9d8e")
    suppliers: list[dict] = field(default_factory=list)


def load_suppliers(path: Path = SUPPLIERS_FILE) -> list[dict]:
    with path.open() as fh:
        # ok: VC406
        return yaml.safe_load(fh)["suppliers"]


def load_overrides(path: str) -> dict:
    """Per-run overrides the ops team drops next to the job (schedule, suppliers to skip)."""
    with open(path) as fh:
        # expect: VC406
        return yaml.load(fh, Loader=yaml.Loader)


def get_settings() -> Settings:
    settings = Settings()
    settings.suppliers = load_suppliers()
    settings.work_dir.mkdir(parents=True, exist_ok=True)
    return settings
