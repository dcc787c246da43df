import logging
import time

import requests

from .config import AppConfig

logger = logging.getLogger(__name__)


def _headers(cfg: AppConfig) -> dict[str, str]:
    return {"Authorization": f"Bearer {cfg.openai_api_key}"}


def transcribe_file(cfg: AppConfig, wav_path: str) -> str:
    headers = _headers(cfg)
    # expect: VC407
    logger.debug("POST %s headers=%s", cfg.transcription_url, headers)
    # expect: VC109
    while True:
        try:
            with open(wav_path, "rb") as fh:
                # expect: VC106
                resp = requests.post(cfg.transcription_url, headers=headers, files={"file": fh},
                                     data={"model": "whisper-1"})
            # expect: VC107
            return resp.json()["text"]
        except requests.exceptions.ConnectionError:
            logger.warning("transcription API unreachable, retrying in 5s")
            time.sleep(5)


def transcribe_with_retries(cfg: AppConfig, wav_path: str, attempts: int = 4) -> str:
    for attempt in range(1, attempts + 1):
        try:
            with open(wav_path, "rb") as fh:
                # ok: VC106, VC107
                resp = requests.post(cfg.transcription_url, headers=_headers(cfg), files={"file": fh},
                                     data={"model": "whisper-1"}, timeout=120)
            resp.raise_for_status()
            return resp.json()["text"]
        except requests.RequestException:
            if attempt == attempts:
                raise
            logger.warning("transcription attempt %d failed", attempt, exc_info=True)
            time.sleep(2 ** attempt)
    raise RuntimeError("unreachable")
