"""Prompt: a Flask endpoint that loads an uploaded experiment config (YAML) and its weights (.npy)."""
import numpy as np
import yaml
from flask import Flask, jsonify, request

app = Flask(__name__)


# expect: VC201 -- no authentication anywhere in the app
@app.post("/experiments")
def upload_experiment():
    # expect: VC428
    config_text = request.files["config"].read()
    # expect: VC406
    config = yaml.load(config_text, yaml.UnsafeLoader)
    # expect: VC406
    weights = np.load(request.files["weights"], allow_pickle=True)
    return jsonify(name=config.get("name"), shape=list(weights.shape))


@app.post("/experiments-safe")
def upload_experiment_safe():
    # expect: VC428
    config_text = request.files["config"].read()
    # ok: VC406
    config = yaml.load(config_text, Loader=yaml.SafeLoader)
    # ok: VC406
    weights = np.load(request.files["weights"], allow_pickle=False)
    return jsonify(name=config.get("name"), shape=list(weights.shape))
