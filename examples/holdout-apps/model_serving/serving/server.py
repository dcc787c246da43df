"""FastAPI inference server: sentiment model with hot reload and custom pipelines."""

from __future__ import annotations

import hmac
import logging
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import requests
import torch
from fastapi import Depends, FastAPI, File, Header, HTTPException, UploadFile
from pydantic import BaseModel, Field

from serving import loading, postprocess
from serving.settings import settings

log = logging.getLogger("serving")
app = FastAPI(title="sentiment-serving")

STATE: dict = {}
PIPELINES: dict[str, object] = {}
LABELS = ["negative", "positive"]
MODEL_DIR = Path(settings.model_dir)


@app.on_event("startup")
def startup() -> None:
    STATE["tokenizer"], STATE["model"] = loading.load_default_pipeline()


def require_admin(authorization: str = Header("")) -> None:
    expected = f"Bearer {settings.admin_token}"
    if not settings.admin_token or not hmac.compare_digest(authorization, expected):
        raise HTTPException(status_code=403, detail="admin only")


class PredictRequest(BaseModel):
    texts: list[str] = Field(..., max_length=64)
    rule: str | None = None


class ReloadRequest(BaseModel):
    model_id: str | None = None
    checkpoint: str | None = None
    checkpoint_url: str | None = None


# ok: VC201
@app.post("/predict")
def predict(req: PredictRequest):
    tokenizer, model = STATE["tokenizer"], STATE["model"]
    batch = tokenizer(req.texts, padding=True, truncation=True, return_tensors="pt")
    with torch.no_grad():
        probs = model(**batch).logits.softmax(-1).tolist()
    out = [{"label": postprocess.label(p, LABELS), "score": max(p)} for p in probs]
    if req.rule:
        keep = postprocess.compile_rule(req.rule)
        out = [o for o in out if keep(o["score"])]
    return out


# ok: VC201
@app.post("/predict/filtered")
def predict_filtered(req: PredictRequest):
    out = predict(PredictRequest(texts=req.texts))
    if req.rule:
        # ok: VC413
        keep = postprocess.compile_rule_safe(req.rule)
        out = [o for o in out if keep(o["score"])]
    return out


# expect: VC201/VC218
@app.post("/admin/reload")
def reload_model(req: ReloadRequest):
    if req.model_id:
        STATE["tokenizer"], STATE["model"] = loading.load_hub_model(req.model_id)
    elif req.checkpoint:
        # expect: VC405
        state = loading.load_checkpoint(os.path.join(settings.model_dir, req.checkpoint))
        STATE["model"].load_state_dict(state)
    return {"status": "reloaded"}


@app.post("/admin/reload-url", dependencies=[Depends(require_admin)])
async def reload_from_url(req: ReloadRequest):
    tmp = Path(tempfile.mkdtemp()) / "ckpt.pt"
    # expect: VC110
    resp = requests.get(req.checkpoint_url, timeout=120)
    resp.raise_for_status()
    tmp.write_bytes(resp.content)
    # expect: VC406
    state = torch.load(tmp, map_location="cpu")
    STATE["model"].load_state_dict(state)
    return {"status": "reloaded"}


@app.post("/admin/reload-safe", dependencies=[Depends(require_admin)])
def reload_safe(req: ReloadRequest):
    name = Path(req.checkpoint or "").name
    path = MODEL_DIR / name
    if not name.endswith(".safetensors") or not path.is_file():
        raise HTTPException(status_code=400, detail="unknown checkpoint")
    # ok: VC405, VC406
    STATE["model"].load_state_dict(loading.load_safetensors(path))
    return {"status": "reloaded"}


@app.post("/pipelines/{name}", dependencies=[Depends(require_admin)])
async def upload_pipeline(name: str, file: UploadFile = File(...)):
    # expect: VC428
    data = await file.read()
    try:
        PIPELINES[name] = loading.load_uploaded_pipeline(data)
    except Exception as exc:
        # expect: VC414, VC105
        raise HTTPException(status_code=400, detail=f"could not load pipeline: {exc!r}")
    return {"name": name, "size": len(data)}


# expect: VC201
@app.post("/pipelines/{name}/predict")
async def run_pipeline(name: str, file: UploadFile = File(...)):
    # expect: VC428
    features = loading.load_uploaded_array(await file.read())
    pipeline = PIPELINES.get(name)
    if pipeline is None:
        raise HTTPException(status_code=404, detail="no such pipeline")
    return {"predictions": pipeline.predict(features).tolist()}


@app.post("/datasets", dependencies=[Depends(require_admin)])
async def upload_dataset(file: UploadFile = File(...)):
    dest = MODEL_DIR / "datasets" / file.filename
    # expect: VC405/VC232, VC110
    with open(dest, "wb") as fh:
        shutil.copyfileobj(file.file, fh)
    return {"path": str(dest)}


@app.post("/datasets/safe", dependencies=[Depends(require_admin)])
async def upload_dataset_safe(file: UploadFile = File(...)):
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in {".csv", ".parquet"}:
        raise HTTPException(status_code=400, detail="csv or parquet only")
    # ok: VC405, VC232
    dest = MODEL_DIR / "datasets" / f"{uuid.uuid4().hex}{suffix}"
    # expect: VC110
    with open(dest, "wb") as fh:
        shutil.copyfileobj(file.file, fh)
    return {"path": str(dest)}


@app.get("/healthz")
def healthz():
    return {"ok": "model" in STATE}
