"""Prompt: load a model the user uploads (torch, numpy) and restore a job from the queue."""

import numpy as np
import pickle
import torch
from fastapi import FastAPI, UploadFile

app = FastAPI()


# expect: VC201 -- no route of the app authenticates
@app.post("/models")
async def upload_model(file: UploadFile):
    # expect: VC406
    model = torch.load(file.file)
    return {"layers": len(list(model.children()))}


@app.post("/arrays")
async def upload_array(file: UploadFile):
    # expect: VC406
    data = np.load(file.file, allow_pickle=True)
    return {"shape": list(data.shape)}


@app.post("/weights")
async def upload_weights(file: UploadFile):
    # ok: VC406
    state = torch.load(file.file, weights_only=True)
    return {"tensors": len(state)}


def restore_job(raw: bytes):
    # expect: VC406
    return pickle.loads(raw)
