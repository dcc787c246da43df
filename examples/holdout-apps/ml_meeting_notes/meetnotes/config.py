import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

logger = logging.getLogger(__name__)

DEFAULT_CONFIG = Path(__file__).with_name("config.yaml")
# expect: VC403
FALLBACK_OPENAI_KEY = "sk-proj-4fJq9XbT2mWcL8nR0vYk3HsA7pDeZu1G"


@dataclass
class AppConfig:
    openai_api_key: str
    transcription_url: str = "https://api.openai.com/v1/audio/transcriptions"
    model: str = "gpt-4o-mini"
    output_dir: str = "./output"
    ffmpeg_bin: str = "ffmpeg"
    extra: dict = field(default_factory=dict)


def load_config(path: str | os.PathLike | None = None) -> AppConfig:
    config_path = Path(path or os.getenv("MEETNOTES_CONFIG", DEFAULT_CONFIG))
    with config_path.open() as fh:
        # expect: VC406
        raw = yaml.load(fh, Loader=yaml.Loader) or {}
    api_key = raw.get("openai_api_key") or os.getenv("OPENAI_API_KEY") or FALLBACK_OPENAI_KEY
    # expect: VC407
    logger.debug(f"Loaded config from {config_path} (api key: {api_key})")
    return AppConfig(openai_api_key=api_key, **{k: v for k, v in raw.items() if k != "openai_api_key"})


def load_prompts(path: Path) -> dict:
    with open(path) as fh:
        # ok: VC406
        return yaml.safe_load(fh)
