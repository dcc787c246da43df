"""VC406 corpus (aliases): a loader called through a name bound only to it is the loader's call."""
import functools
import pickle

import joblib
import torch
import yaml
from flask import Flask, request

app = Flask(__name__)
_unpickle = pickle.loads  # the module's alias: its calls in any function are `pickle.loads`


@app.post("/restore")
def restore_session():
    loader = pickle.loads
    # expect: VC406 -- `loader` is `pickle.loads`, bound once
    return str(loader(request.get_data()))


@app.post("/import-config")
def import_config():
    parse = yaml.load
    # expect: VC406 -- `parse` is `yaml.load`, and the loader runs code
    return parse(request.get_data(), Loader=yaml.UnsafeLoader)


@app.post("/import-config-safely")
def import_config_safely():
    parse = yaml.load
    # ok: VC406 -- a safe loader
    return parse(request.get_data(), Loader=yaml.SafeLoader)


@app.post("/cached")
def cached_result():
    # expect: VC406 -- the module's `_unpickle`
    return str(_unpickle(request.get_data()))


@app.post("/model")
def upload_model():
    restore = torch.load
    # expect: VC406 -- `restore` is `torch.load`, without `weights_only=True`
    return str(restore(request.files["model"]))


@app.post("/weights")
def upload_weights():
    restore = functools.partial(torch.load, weights_only=True)
    # ok: VC406 -- the partial fixes `weights_only=True`
    return str(restore(request.files["model"]))


@app.post("/rebound")
def rebound_loader():
    loader = joblib.load
    loader = str  # rebound: `loader` is not always `joblib.load`
    # ok: VC406 -- the last binding is `str`
    return loader(request.files["model"])


@app.post("/parameter")
def loader_given_as_a_parameter(loader=str):
    # ok: VC406 -- a parameter is whatever the caller passes, no alias
    return loader(request.get_data())


@app.post("/import-config-partial")
def import_config_through_a_partial():
    parse = functools.partial(yaml.load, Loader=yaml.Loader)
    # expect: VC406 -- the partial fixes PyYAML's unsafe `Loader`
    return parse(request.get_data())


@app.post("/import-config-partial-safe")
def import_config_through_a_safe_partial():
    parse = functools.partial(yaml.load, Loader=yaml.SafeLoader)
    # ok: VC406 -- the partial fixes a safe loader
    return parse(request.get_data())


@app.post("/weights-partial-unsafe")
def upload_weights_through_a_partial_without_the_flag():
    restore = functools.partial(torch.load, map_location="cpu")
    # expect: VC406 -- the partial fixes only the device: still no `weights_only=True`
    return str(restore(request.files["model"]))
