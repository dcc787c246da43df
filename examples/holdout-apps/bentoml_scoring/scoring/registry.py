"""Model files on disk and the feature config that goes with them."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import joblib
import yaml

MODEL_DIR = Path(os.environ.get("MODEL_DIR", "/srv/models"))


def load_model(name: str):
    # expect: VC405/VC417
    return joblib.load(MODEL_DIR / f"{name}.joblib")


def load_safe(name: str):
    path = (MODEL_DIR / f"{name}.joblib").resolve()
    if not path.is_relative_to(MODEL_DIR.resolve()):
        raise ValueError("bad model name")
    # ok: VC405/VC417
    # expect: VC406 -- joblib unpickles: the rule reports a model file loaded without a digest check
    return joblib.load(path)


def load_features(raw: str) -> dict:
    # expect: VC406
    return yaml.load(raw, Loader=yaml.Loader)


def load_features_safe(raw: str) -> dict:
    # ok: VC406
    return yaml.safe_load(raw)


def restore_blob(blob: bytes):
    # expect: VC406/VC417 -- reached from the upload API's body, VC417 reports it
    return pickle.loads(blob)
