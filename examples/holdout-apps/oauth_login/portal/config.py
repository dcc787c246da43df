import os


class Config:
    SECRET_KEY = os.environ["PORTAL_SECRET_KEY"]
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///portal.db")

    # ok: VC403/VC203
    GOOGLE_CLIENT_ID = "804259321177-5k2q8hd0n3vbj7s1u9tq1c2m3a4e5f6g.apps.googleusercontent.com"
    # ok: VC403/VC203
    GOOGLE_CLIENT_SECRET = os.environ.get("GOOGLE_CLIENT_SECRET")

    GITHUB_CLIENT_ID = "Iv1.8a61f9b3a7aba766"
    # expect: VC403/VC203
    GITHUB_CLIENT_SECRET = "3f1c9a7e5b2d4c8f0a6e1b9d7c5a3f2e1d0c9b8a"

    OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "https://login.acme-idp.com")
    OIDC_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "portal")
    # expect: VC403/VC203
    OIDC_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "kq7V2xN9pL4mR8tW1yB6cF3hJ5sD0gZa")

    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    # expect: VC210
    SESSION_COOKIE_SECURE = False
