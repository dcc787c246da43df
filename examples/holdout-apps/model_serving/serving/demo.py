"""Gradio demo of the sentiment model for the product team."""

from __future__ import annotations

import os

import gradio as gr
import torch

from serving import loading

tokenizer, model = loading.load_default_pipeline()


def classify(text: str) -> dict[str, float]:
    batch = tokenizer([text], return_tensors="pt", truncation=True)
    with torch.no_grad():
        probs = model(**batch).logits.softmax(-1)[0].tolist()
    return {"negative": probs[0], "positive": probs[1]}


def classify_with_model(text: str, model_id: str) -> dict[str, float]:
    tok, mdl = loading.load_hub_model(model_id)
    batch = tok([text], return_tensors="pt", truncation=True)
    with torch.no_grad():
        probs = mdl(**batch).logits.softmax(-1)[0].tolist()
    return dict(enumerate(probs))


demo = gr.Interface(fn=classify, inputs=gr.Textbox(lines=4), outputs=gr.Label(num_top_classes=2))
playground = gr.Interface(fn=classify_with_model, inputs=[gr.Textbox(), gr.Textbox(label="model id")], outputs="json")

if __name__ == "__main__":
    # expect: VC403
    demo.launch(auth=("product", "sentiment2024"), server_name="0.0.0.0")
    # ok: VC403
    playground.launch(auth=(os.environ["DEMO_USER"], os.environ["DEMO_PASSWORD"]))
