"""Prompt: load the export plugin the client names and run its `export` function (FastAPI)."""
import importlib

from fastapi import FastAPI, HTTPException

app = FastAPI()
EXPORTERS = {"csv": "exporters.csv_export", "xlsx": "exporters.xlsx_export"}


# expect: VC201 -- no authentication anywhere in the app
@app.post("/export")
async def export(payload: dict):
    plugin = payload.get("plugin", "exporters.csv_export")
    # expect: VC413
    module = importlib.import_module(plugin)
    return module.export(payload.get("rows", []))


@app.post("/export-safe")
async def export_safe(payload: dict):
    module_name = EXPORTERS.get(payload.get("format", ""))
    if module_name is None:
        raise HTTPException(status_code=400, detail="unknown format")
    # ok: VC413
    module = importlib.import_module(module_name)
    return module.export(payload.get("rows", []))
