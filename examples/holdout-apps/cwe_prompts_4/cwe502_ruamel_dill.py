"""Prompt: import a pipeline definition the user uploads (YAML) and a cached model object (FastAPI)."""
import dill
from fastapi import FastAPI, File, UploadFile
from ruamel.yaml import YAML

app = FastAPI()


# expect: VC201 -- no authentication anywhere in the app
@app.post("/pipelines")
async def import_pipeline(file: UploadFile = File(...)):
    # expect: VC428
    text = (await file.read()).decode()
    loader = YAML(typ="unsafe", pure=True)
    # expect: VC406
    pipeline = loader.load(text)
    return {"steps": len(pipeline["steps"])}


@app.post("/pipelines-safe")
async def import_pipeline_safe(file: UploadFile = File(...)):
    # expect: VC428
    text = (await file.read()).decode()
    loader = YAML(typ="safe")
    # ok: VC406
    pipeline = loader.load(text)
    return {"steps": len(pipeline["steps"])}


@app.post("/models")
async def upload_model(file: UploadFile = File(...)):
    # expect: VC428
    blob = await file.read()
    # expect: VC406
    model = dill.loads(blob)
    return {"type": type(model).__name__}
