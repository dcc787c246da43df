"""The Modal app, its image and volumes."""

import modal

image = (
    modal.Image.debian_slim(python_version="3.11")
    .apt_install("ffmpeg")
    .pip_install("torch", "pillow", "requests", "fastapi")
)
app = modal.App("image-inference", image=image)
models = modal.Volume.from_name("inference-models", create_if_missing=True)
outputs = modal.Volume.from_name("inference-outputs", create_if_missing=True)
# ok: VC403
secrets = [modal.Secret.from_name("inference-api")]
# expect: VC403
HF_TOKEN = "hf_QwErTyUiOpAsDfGhJkLzXcVbNm1234567890"
MODEL_DIR = "/models"
OUTPUT_DIR = "/outputs"
