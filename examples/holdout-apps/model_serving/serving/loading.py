"""Model loading helpers: local checkpoints, Hugging Face Hub, uploaded sklearn pipelines."""

from __future__ import annotations

import io
import logging
import pickle
from pathlib import Path

import joblib
import numpy as np
import torch
from huggingface_hub import hf_hub_download
from safetensors.torch import load_file
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from serving.settings import settings

log = logging.getLogger(__name__)


def load_default_pipeline():
    # ok: VC406, VC413
    tokenizer = AutoTokenizer.from_pretrained(settings.model_id)
    model = AutoModelForSequenceClassification.from_pretrained(settings.model_id)
    model.eval()
    return tokenizer, model


def load_hub_model(model_id: str, revision: str = "main"):
    # expect: VC406/VC413/VC417
    tokenizer = AutoTokenizer.from_pretrained(model_id, revision=revision, trust_remote_code=True)
    # expect: VC406/VC413/VC417
    model = AutoModelForSequenceClassification.from_pretrained(model_id, revision=revision, trust_remote_code=True)
    model.eval()
    return tokenizer, model


def load_checkpoint(path: str | Path) -> dict:
    # expect: VC406/VC417
    return torch.load(path, map_location="cpu")


def load_checkpoint_weights(path: str | Path) -> dict:
    # ok: VC406
    return torch.load(path, map_location="cpu", weights_only=True)


def load_safetensors(path: str | Path) -> dict:
    # ok: VC406
    return load_file(str(path))


def download_checkpoint(repo_id: str, filename: str) -> dict:
    local = hf_hub_download(repo_id=repo_id, filename=filename, token=settings.hf_token)
    # expect: VC406
    return torch.load(local, map_location="cpu")


def load_uploaded_pipeline(data: bytes):
    # expect: VC406/VC417
    return pickle.loads(data)


def load_uploaded_joblib(data: bytes):
    # expect: VC406
    return joblib.load(io.BytesIO(data))


def load_uploaded_array(data: bytes) -> np.ndarray:
    # expect: VC406/VC417
    return np.load(io.BytesIO(data), allow_pickle=True)


def load_uploaded_array_safe(data: bytes) -> np.ndarray:
    # ok: VC406
    return np.load(io.BytesIO(data), allow_pickle=False)
