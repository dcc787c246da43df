"""Experiment tracking: W&B and MLflow."""

from __future__ import annotations

import logging
import os

import mlflow
import wandb

log = logging.getLogger(__name__)

# expect: VC403
WANDB_API_KEY = "8f2a6c1e9b4d7f3a0c5e8b2d6f9a1c4e7b0d3f6a"
# expect: VC403
MLFLOW_TRACKING_URI = "https://mlflow:Tr4ck1ng!pw@mlflow.internal.acme.io"


def init_wandb(project: str, config: dict) -> None:
    wandb.login(key=WANDB_API_KEY)
    wandb.init(project=project, config=config)


def init_wandb_from_env(project: str, config: dict) -> None:
    # ok: VC403
    wandb.login(key=os.environ["WANDB_API_KEY"])
    wandb.init(project=project, config=config)


def init_mlflow(experiment: str) -> None:
    # expect: VC407
    log.info("mlflow tracking uri %s", MLFLOW_TRACKING_URI)
    mlflow.set_tracking_uri(MLFLOW_TRACKING_URI)
    mlflow.set_experiment(experiment)


def log_metrics(metrics: dict[str, float], step: int) -> None:
    try:
        wandb.log(metrics, step=step)
        mlflow.log_metrics(metrics, step=step)
    # expect: VC101/VC111
    except:
        pass


def log_metrics_checked(metrics: dict[str, float], step: int) -> None:
    try:
        mlflow.log_metrics(metrics, step=step)
    # ok: VC101, VC111
    except mlflow.exceptions.MlflowException:
        log.warning("mlflow unavailable, metrics for step %d kept locally", step, exc_info=True)
        with open("metrics.local.jsonl", "a") as fh:
            fh.write(f"{step}\t{metrics}\n")
