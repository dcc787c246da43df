"""Configuration, read from the environment."""

import os


class Config:
    # expect: VC203
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-change-me")
    # ok: VC403
    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/var/lib/expenses/uploads")
    RECEIPTS_DIR = os.environ.get("RECEIPTS_DIR", "/var/lib/expenses/receipts")
    TOKEN_MAX_AGE = 3600
    # ok: VC211
    DEBUG = os.environ.get("FLASK_DEBUG") == "1"
