from __future__ import annotations

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    model_id: str = "distilbert-base-uncased-finetuned-sst-2-english"
    model_dir: str = "/models"
    admin_token: str = ""
    # expect: VC403
    hf_token: str = "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"
    max_batch: int = 32


settings = Settings()
