"""BentoML service scoring loan applications with the models in the registry."""

from __future__ import annotations

import base64
import logging
import os
import subprocess

import bentoml
import httpx
import numpy as np
import pandas as pd

# expect: VC504 -- pydantic comes with bentoml but is not declared
from pydantic import BaseModel

from .registry import load_features, load_model, load_safe, restore_blob

log = logging.getLogger(__name__)
# expect: VC403
ADMIN_TOKEN = "sc0ring-admin-7f3a9c1e5b"
CALLBACK_TOKEN = os.environ["CALLBACK_TOKEN"]


class Application(BaseModel):
    income: float
    debt: float
    age: int
    model: str = "default"


@bentoml.service(resources={"cpu": "2"}, traffic={"timeout": 30})
class LoanScorer:
    def __init__(self) -> None:
        self.default = load_safe("default")

    @bentoml.api
    def score(self, app: Application) -> dict:
        model = load_model(app.model)
        frame = pd.DataFrame([app.model_dump(exclude={"model"})])
        return {"score": float(model.predict_proba(frame)[0, 1])}

    @bentoml.api
    def score_default(self, app: Application) -> dict:
        frame = pd.DataFrame([app.model_dump(exclude={"model"})])
        return {"score": float(self.default.predict_proba(frame)[0, 1])}

    @bentoml.api
    def score_batch(self, rows: list[dict], filter_expr: str = "") -> list[float]:
        frame = pd.DataFrame(rows)
        if filter_expr:
            # expect: VC413
            frame = frame.query(filter_expr)
        return self.default.predict_proba(frame)[:, 1].tolist()

    @bentoml.api
    def upload_model(self, token: str, name: str, blob_b64: str) -> dict:
        # expect: VC204
        if token != ADMIN_TOKEN:
            return {"error": "forbidden"}
        model = restore_blob(base64.b64decode(blob_b64))
        self.default = model
        # expect: VC409 -- a client-named model in a log line
        log.info("model %s replaced", name)
        return {"ok": True}

    @bentoml.api
    def configure(self, features_yaml: str) -> dict:
        cfg = load_features(features_yaml)
        return {"features": list(cfg)}

    @bentoml.api
    def explain(self, app: Application, notify_url: str = "") -> dict:
        frame = pd.DataFrame([app.model_dump(exclude={"model"})])
        contrib = np.abs(self.default.coef_[0] * frame.to_numpy()[0]).tolist()
        if notify_url:
            # expect: VC405, VC107
            httpx.post(notify_url, json={"contrib": contrib}, headers={"X-Token": CALLBACK_TOKEN}, timeout=5)
        return {"contrib": contrib}

    @bentoml.api
    def retrain(self, dataset: str) -> dict:
        try:
            # expect: VC421
            subprocess.run(f"python -m scoring.train --data {dataset}", shell=True, check=True)
        except subprocess.CalledProcessError as exc:
            # expect: VC414
            return {"error": str(exc), "stderr": exc.stderr}
        return {"ok": True}

    @bentoml.api
    def health(self) -> dict:
        try:
            self.default.predict_proba(pd.DataFrame([{"income": 1.0, "debt": 0.0, "age": 30}]))
        # expect: VC102/VC103
        except Exception:
            return {"ok": False}
        return {"ok": True}
