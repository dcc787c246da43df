import os

import yaml


class Config:
    # expect: VC203
    SECRET_KEY = "filedrop-dev-secret-2024"
    # expect: VC211
    DEBUG = True
    # expect: VC403
    DATABASE_PASSWORD = "Pg_filedrop_2024!"
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/var/lib/filedrop/uploads")
    PREVIEW_ALLOWED_HOSTS = {"example.com", "cdn.example.com"}


class ProductionConfig(Config):
    # ok: VC203
    SECRET_KEY = os.environ["FILEDROP_SECRET_KEY"]
    # ok: VC403
    DATABASE_PASSWORD = os.environ.get("FILEDROP_DB_PASSWORD", "")
    DEBUG = False


def load_limits(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        # ok: VC406
        return yaml.safe_load(handle)


def database_url() -> str:
    # expect: VC403
    return "postgresql://filedrop:Pg_filedrop_2024!@db.internal:5432/filedrop"
