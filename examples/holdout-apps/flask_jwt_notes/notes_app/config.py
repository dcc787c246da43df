import os


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///notes.db")
    # expect: VC203 -- insecure fallback secret
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-secret-key")
    # expect: VC203/VC403 -- hard-coded JWT secret
    JWT_SECRET_KEY = "notes-jwt-signing-key-2024"
    # ok: VC203/VC403 -- secret read from the environment without a default
    MAIL_PASSWORD = os.environ["MAIL_PASSWORD"]
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR", "/srv/notes/uploads")
    # expect: VC404 -- TLS verification off (moved from its use in notes.py)
    VERIFY_TLS = False
