import json
import logging
import os
import subprocess
from pathlib import Path

import joblib
import requests

from .config import AppConfig
from .llm import chat, summarise

logger = logging.getLogger(__name__)

CLASSIFIER_URL = "https://models.internal.example/meeting-classifier/latest.joblib"
ALLOWED_TOOLS = {"calendar": ["gcalcli", "add"], "todo": ["todo.sh", "add"]}


def save_summary(cfg: AppConfig, transcript: str) -> Path:
    summary = summarise(cfg, transcript)
    file_name = summary.get("file_name") or "summary.json"
    target = os.path.join(cfg.output_dir, file_name)
    # expect: VC401/VC417
    with open(target, "w") as fh:
        json.dump(summary, fh, indent=2)
    return Path(target)


def run_follow_ups(cfg: AppConfig, transcript: str) -> None:
    plan = json.loads(chat(cfg, "List shell commands that schedule the follow-ups, as a JSON array.", transcript))
    for step in plan:
        logger.info("running follow-up: %s", step)
        # expect: VC401/VC417
        subprocess.run(step, shell=True, check=True)


def run_follow_ups_safely(cfg: AppConfig, transcript: str) -> None:
    plan = json.loads(chat(cfg, "Pick tools from calendar/todo; answer [{tool, text}].", transcript))
    for step in plan:
        argv = ALLOWED_TOOLS.get(step.get("tool"))
        if argv is None:
            continue
        # ok: VC401/VC417
        subprocess.run([*argv, str(step.get("text", ""))], check=True)


def load_classifier(cache_dir: str = "/tmp/meetnotes"):
    os.makedirs(cache_dir, exist_ok=True)
    local = os.path.join(cache_dir, "classifier.joblib")
    if not os.path.exists(local):
        # ok: VC106
        resp = requests.get(CLASSIFIER_URL, timeout=60)
        resp.raise_for_status()
        with open(local, "wb") as fh:
            fh.write(resp.content)
    # expect: VC406
    return joblib.load(local)


# expect: VC501
def diarize(wav_path: str) -> list[dict]:
    """Split the recording by speaker."""
    pass
