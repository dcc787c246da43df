"""Train the churn classifier."""

from __future__ import annotations

import logging
import random
import subprocess
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from .features import CATEGORICAL, NUMERIC, build_features

log = logging.getLogger(__name__)
SEED = 42


@dataclass
class TrainResult:
    model: Pipeline
    auc: float
    f1: float


def seed_everything(seed: int = SEED) -> None:
    # ok: VC206
    random.seed(seed)
    np.random.seed(seed)


def make_pipeline(params: dict) -> Pipeline:
    pre = ColumnTransformer(
        [
            ("num", StandardScaler(), NUMERIC + ["charges_per_month", "log_tickets"]),
            ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
        ]
    )
    return Pipeline([("pre", pre), ("clf", GradientBoostingClassifier(random_state=SEED, **params))])


def train(df: pd.DataFrame, params: dict | None = None) -> TrainResult:
    seed_everything()
    feats = build_features(df)
    X = feats.drop(columns=["churned"])
    y = feats["churned"].astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    model = make_pipeline(params or {})
    model.fit(X_train, y_train)
    proba = model.predict_proba(X_test)[:, 1]
    auc = roc_auc_score(y_test, proba)
    f1 = f1_score(y_test, proba > 0.5)
    log.info("auc=%.3f f1=%.3f", auc, f1)
    return TrainResult(model=model, auc=auc, f1=f1)


def sample_negatives(df: pd.DataFrame, ratio: float) -> pd.DataFrame:
    neg = df[df["churned"] == 0]
    # ok: VC206
    keep = [i for i in neg.index if random.random() < ratio]
    return pd.concat([df[df["churned"] == 1], neg.loc[keep]])


def save_model(result: TrainResult, out_dir: Path, version: str) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"churn-{version}.joblib"
    joblib.dump(result.model, path)
    return path


def git_revision() -> str:
    # ok: VC108
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return proc.stdout.strip() if proc.returncode == 0 else "unknown"


def gpu_info() -> str:
    # expect: VC108
    out = subprocess.run("nvidia-smi --query-gpu=name --format=csv,noheader", shell=True, capture_output=True, text=True)
    return out.stdout.strip()


def fairness_report(model: Pipeline, df: pd.DataFrame, group_col: str) -> dict:
    """Per-group positive rate, to be reviewed before each release."""
    # expect: VC501
    return {}
