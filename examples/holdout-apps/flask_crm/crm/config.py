import os


class BaseConfig:
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///crm.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    # ok: VC203
    SECRET_KEY = os.environ["CRM_SECRET_KEY"]


class DevelopmentConfig(BaseConfig):
    # ok: VC211
    DEBUG = True


class ProductionConfig(BaseConfig):
    # expect: VC211
    DEBUG = True
    SESSION_COOKIE_SECURE = True


class DemoConfig(BaseConfig):
    # expect: VC203
    SECRET_KEY = "crm-demo-secret-2024-change-me"
