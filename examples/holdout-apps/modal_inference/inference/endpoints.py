"""Modal web endpoints: classify an image, transcode a clip, fetch a model, list jobs."""

import io
import os
import pickle
import subprocess
from pathlib import Path

import modal
import requests
from fastapi import Header, HTTPException

from inference.common import HF_TOKEN, MODEL_DIR, OUTPUT_DIR, app, models, outputs, secrets

ALLOWED_FORMATS = {"mp4", "webm", "gif"}


def load_classifier(name):
    # expect: VC417
    with open(os.path.join(MODEL_DIR, name + ".pkl"), "rb") as fh:
        # expect: VC406/VC417
        return pickle.load(fh)


# expect: VC201
@app.function(volumes={MODEL_DIR: models}, secrets=secrets, gpu="T4")
@modal.fastapi_endpoint(method="POST")
def classify(item: dict):
    from PIL import Image

    # expect: VC405
    resp = requests.get(item["image_url"], timeout=20)
    resp.raise_for_status()
    img = Image.open(io.BytesIO(resp.content))
    model = load_classifier(item.get("model", "resnet"))
    return {"label": model.predict(img)}


@app.function(volumes={MODEL_DIR: models}, secrets=secrets)
@modal.fastapi_endpoint(method="POST", requires_proxy_auth=True)
def classify_private(item: dict):
    from PIL import Image

    url = item["image_url"]
    if not url.startswith("https://images.example-cdn.com/"):
        raise HTTPException(status_code=400, detail="unsupported host")
    # ok: VC405
    resp = requests.get(url, timeout=20, allow_redirects=False)
    resp.raise_for_status()
    return {"label": load_classifier("resnet").predict(Image.open(io.BytesIO(resp.content)))}


@app.function(volumes={OUTPUT_DIR: outputs}, secrets=secrets, timeout=900)
@modal.fastapi_endpoint(method="POST")
def transcode(item: dict, x_api_key: str = Header(default="")):
    # expect: VC204
    if x_api_key != os.environ["INFERENCE_API_KEY"]:
        raise HTTPException(status_code=401, detail="bad key")
    src = item["source"]
    fmt = item.get("format", "mp4")
    # expect: VC421
    subprocess.run(f"ffmpeg -y -i {src} {OUTPUT_DIR}/out.{fmt}", shell=True, check=True)
    outputs.commit()
    return {"path": f"{OUTPUT_DIR}/out.{fmt}"}


@app.function(volumes={OUTPUT_DIR: outputs}, secrets=secrets, timeout=900)
@modal.fastapi_endpoint(method="POST", requires_proxy_auth=True)
def transcode_safe(item: dict):
    fmt = item.get("format", "mp4")
    if fmt not in ALLOWED_FORMATS:
        raise HTTPException(status_code=400, detail="bad format")
    # ok: VC421/VC408
    subprocess.run(["ffmpeg", "-y", "-i", "/outputs/in.mp4", f"{OUTPUT_DIR}/out.{fmt}"], check=True)
    return {"path": f"{OUTPUT_DIR}/out.{fmt}"}


# expect: VC219
@app.function(volumes={OUTPUT_DIR: outputs})
@modal.fastapi_endpoint(method="GET")
def download(name: str):
    # expect: VC405
    return Path(OUTPUT_DIR, name).read_bytes()


@app.function(volumes={MODEL_DIR: models}, timeout=1800)
def fetch_model(repo: str, filename: str):
    headers = {"Authorization": f"Bearer {HF_TOKEN}"}
    url = f"https://huggingface.co/{repo}/resolve/main/{filename}"
    # expect: VC107
    data = requests.get(url, headers=headers, timeout=600).content
    Path(MODEL_DIR, filename).write_bytes(data)
    models.commit()


@app.local_entrypoint()
def main(repo: str = "acme/resnet", filename: str = "resnet.pkl"):
    fetch_model.remote(repo, filename)
