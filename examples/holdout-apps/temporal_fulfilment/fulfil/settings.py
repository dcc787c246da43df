"""Settings for the fulfilment workers and the starter API."""

import os

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    temporal_host: str = "localhost:7233"
    task_queue: str = "fulfilment"
    # ok: VC403
    database_url: str = os.environ.get("DATABASE_URL", "postgresql://localhost/fulfil")
    # expect: VC403
    shipping_api_key: str = "shp_live_9f2c8a7b61d04e5fa3c2b1d0e9f8a7b6"
    shipping_base_url: str = "https://api.shipfast.example/v2"
    # ok: VC403
    payments_api_key: str = os.environ.get("PAYMENTS_API_KEY", "")
    payments_base_url: str = "https://payments.example/v1"
    # expect: VC203
    jwt_secret: str = "fulfil-dev-secret"
    label_printer_host: str = "printer.warehouse.local"


settings = Settings()
