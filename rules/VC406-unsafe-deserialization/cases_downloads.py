"""VC406 corpus: pickles downloaded over HTTP (also through a helper of the module that returns the body), in a file
that writes pickles too, and `allow_pickle=True` handed to a loader other than `numpy.load`."""
import io
import pickle
import urllib.request

import numpy as np
import requests
from numpy.lib import format as npy_format


def fetch(url):
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.content


def fetch_text(url):
    return requests.get(url, timeout=10).text


def save_snapshot(obj, path):
    with open(path, "wb") as handle:
        pickle.dump(obj, handle)


def load_snapshot(path):
    with open(path, "rb") as handle:
        # expect: VC406 -- a store this file writes: at medium severity, the downloads at high (a test checks it)
        return pickle.load(handle)


def remote_model(url):
    # expect: VC406
    return pickle.loads(fetch(url))


def remote_model_inline(url):
    # expect: VC406
    return pickle.loads(requests.get(url, timeout=10).content)


def remote_model_buffered(url):
    blob = requests.get(url, timeout=10).content
    # expect: VC406
    return pickle.load(io.BytesIO(blob))


def remote_model_urllib(url):
    # expect: VC406
    return pickle.loads(urllib.request.urlopen(url, timeout=10).read())


def session_model(session: requests.Session, url):
    # expect: VC406
    return pickle.loads(session.get(url, timeout=10).content)


def load_array(data, allow_pickle=False):
    # ok: VC406 -- off unless the caller opts in
    return np.load(io.BytesIO(data), allow_pickle=allow_pickle)


def features(url):
    # expect: VC406
    return load_array(fetch(url), allow_pickle=True)


def features_read(handle):
    # expect: VC406
    return npy_format.read_array(handle, allow_pickle=True)


def features_plain(url):
    # ok: VC406
    return load_array(fetch(url), allow_pickle=False)


def bundled_features():
    # ok: VC406 -- a file of the repository
    return load_array(open("data/features.npy", "rb").read(), allow_pickle=True)


def store_features(path, arrays):
    # ok: VC406 -- a save, not a load
    np.save(path, arrays, allow_pickle=True)


def trusted_batch(paths, allow_pickle=False):
    if not allow_pickle:
        raise ValueError("pickled arrays need allow_pickle=True")
    # ok: VC406 -- the caller opted in
    return [load_array(open(p, "rb").read(), allow_pickle=True) for p in paths]


def remote_text(url):
    # ok: VC406 -- text, no pickle
    return fetch_text(url).upper()
