import os


class Settings:
    secret_key = os.environ["TRACKER_SECRET"]
    export_dir = os.environ.get("EXPORT_DIR", "/var/exports")


settings = Settings()
